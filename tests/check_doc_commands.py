#!/usr/bin/env python3
"""Runs every shell command that README.md and docs/getting-started.md show, in order, as a
newcomer would paste them, and checks each one's exit code:

  check_doc_commands.py SOURCE_DIR BUILD_DIR

Each document runs in its own clean temporary directory: a copy of the source tree without
build directories, whose build/ is the build this test runs in (what the documents' cmake
commands make). Commands are pasted into one bash, so `export PATH=...` and `cd` carry over as in
a terminal; what cannot run here runs in a harmless form, or is skipped with its reason printed:

  apt-get update           skipped: needs root and the network
  apt-get install ...      apt-get install --simulate: every package and .deb must resolve
  cmake -S ... / --build   skipped: configure and build the build this test runs in (CI does
                           both from a fresh clone, .ci/run)
  cmake --install build    installs into a staging directory (DESTDIR) and puts its bin/ first
                           on PATH, as installing into /usr/local would
  ctest                    skipped: runs the whole suite, this test included
  cpack -G DEB             runs, writing the .deb into the build (needs dpkg-dev and file)
  pindex survey            reads tests/data/typical.survey-input (plain mode, as a pipe), after
                           the organization and respondent when no flag gives them
  $EDITOR FILE             stands in for a person: fills FILE with examples/leader.yaml

A command passes when it exits 0, or the code its own comment names ("# exits 1 if ...").
"""
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

DOCUMENTS = ["README.md", "docs/getting-started.md"]

PRELUDE = r'''
set -u
note() { echo "   [$*]"; }
apt-get() {
  case " $* " in
    *" update "*) note "skipped: apt-get update needs root and the network"; return 0 ;;
    *" install "*)
      if ! command -v apt-get > /dev/null; then note "skipped: no apt-get on this machine"; return 0; fi
      if ! compgen -G '/var/lib/apt/lists/*_Packages*' > /dev/null; then
        note "skipped: no package lists (apt-get update never ran here)"; return 0
      fi
      note "simulated: apt-get --simulate $*"
      command apt-get --simulate "$@" > "$DOCS_WORK/apt.log" 2>&1 || { cat "$DOCS_WORK/apt.log"; return 100; }
      return 0 ;;
  esac
  command apt-get "$@"
}
cmake() {
  case "${1:-}" in
    -S|-B) note "skipped: configures the build this test runs in (CI configures a fresh clone)"; return 0 ;;
    --build) note "skipped: this test runs after that build (CI builds a fresh clone)"; return 0 ;;
    --install)
      local prefix=/usr/local previous=""
      for argument in "$@"; do [ "$previous" = --prefix ] && prefix=$argument; previous=$argument; done
      note "staged: DESTDIR=$DOCS_WORK/stage, then $prefix/bin first on PATH"
      DESTDIR="$DOCS_WORK/stage" command cmake "$@" > "$DOCS_WORK/install.log" || { cat "$DOCS_WORK/install.log"; return 1; }
      export PATH="$DOCS_WORK/stage$prefix/bin:$PATH"
      hash -r
      return 0 ;;
  esac
  command cmake "$@"
}
ctest() { note "skipped: runs the whole suite, this test included"; return 0; }
cpack() {
  if ! command -v dpkg-shlibdeps > /dev/null || ! command -v file > /dev/null; then
    note "skipped: cpack -G DEB needs dpkg-dev and file, and the apt-get before it was simulated"; return 0
  fi
  note "runs: cpack $*, the package written into the build"
  command cpack "$@" > "$DOCS_WORK/cpack.log" || { cat "$DOCS_WORK/cpack.log"; return 1; }
}
pindex() {
  if [ "${1:-}" = survey ]; then
    note "the survey reads tests/data/typical.survey-input"
    { case " $* " in *" --org "*) ;; *) echo "Acme" ;; esac
      case " $* " in *" --respondent "*) ;; *) echo "Ann" ;; esac
      cat "$DOCS_SURVEY_INPUT"; } | command pindex "$@" > "$DOCS_WORK/survey.log" 2>&1
    local status=$?
    tail -n 12 "$DOCS_WORK/survey.log"
    return $status
  fi
  command pindex "$@"
}
'''

EDITOR = '''#!/bin/sh
echo "   [editor: fills $1 with the answers of examples/leader.yaml]"
cp "$DOCS_SOURCE/examples/leader.yaml" "$1"
'''


def commands(markdown):
    """(line number, command) for each command of each ```sh block, continuation lines joined."""
    found, in_block, pending, start = [], False, "", 0
    for number, line in enumerate(markdown.splitlines(), 1):
        if line.startswith("```"):
            in_block = line.strip() in ("```sh", "```bash", "```shell")
            continue
        if not in_block or (not pending and (not line.strip() or line.lstrip().startswith("#"))):
            continue
        if not pending:
            start = number
        pending += line
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        found.append((start, pending.strip()))
        pending = ""
    return found


def allowed_codes(command):
    """0, and the code a comment on the line names: `# exits 1 if the index is under 49`."""
    match = re.search(r"#.*\bexits? (?:with )?(?:code )?(\d+)\b", command)
    return {0, int(match.group(1))} if match else {0}


def clean_copy(source_dir, build_dir, into):
    skipped = shutil.ignore_patterns(".git", "build", "build-*", "node_modules")
    shutil.copytree(source_dir, into, ignore=skipped, symlinks=True)
    (into / "build").symlink_to(build_dir, target_is_directory=True)


def run_document(name, source_dir, build_dir):
    listed = commands((source_dir / name).read_text())
    if not listed:
        return [f"{name}: no shell commands found"]
    with tempfile.TemporaryDirectory(prefix="pindex-docs-") as temporary:
        work = pathlib.Path(temporary)
        clone = work / "clone"
        clean_copy(source_dir, build_dir, clone)
        editor = work / "editor"
        editor.write_text(EDITOR)
        editor.chmod(0o755)
        statuses = work / "statuses"
        script = [PRELUDE, f"export DOCS_WORK={shlex.quote(str(work))} DOCS_SOURCE={shlex.quote(str(clone))}",
                  f"export DOCS_SURVEY_INPUT={shlex.quote(str(source_dir / 'tests/data/typical.survey-input'))}",
                  f"export EDITOR={shlex.quote(str(editor))}", f"cd {shlex.quote(str(clone))}"]
        for number, command in listed:
            script.append(f"echo {shlex.quote(f'$ {command}')}")
            script.append(f"eval {shlex.quote(command)}")
            script.append(f"echo {number} $? >> {shlex.quote(str(statuses))}")
        print(f"== {name}: {len(listed)} commands in a clean copy, {clone}", flush=True)
        subprocess.run(["bash", "--noprofile", "--norc", "-c", "\n".join(script)], stdin=subprocess.DEVNULL,
                       timeout=540, check=False)
        codes = dict(line.split() for line in statuses.read_text().splitlines()) if statuses.exists() else {}
    problems = []
    for number, command in listed:
        code = codes.get(str(number))
        if code is None:
            problems.append(f"{name}:{number}: never ran (the shell stopped before it): {command}")
        elif int(code) not in allowed_codes(command):
            problems.append(f"{name}:{number}: exit {code}, expected {sorted(allowed_codes(command))}: {command}")
    return problems


def main():
    source_dir, build_dir = (pathlib.Path(argument).resolve() for argument in sys.argv[1:3])
    problems = []
    for name in DOCUMENTS:
        problems += run_document(name, source_dir, build_dir)
    for problem in problems:
        print("FAILED", problem)
    print("every documented command ran as written" if not problems else f"{len(problems)} command(s) failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

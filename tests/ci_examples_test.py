#!/usr/bin/env python3
"""Runs the scoring commands of examples/ci/ exactly as they are written there, with the built
pindex first on PATH, the way GitHub Actions and GitLab CI would run them:

  ci_examples_test.py PINDEX_BINARY SOURCE_DIR VERSION

For each recipe and each of three answers files (under the threshold, above it, invalid) it
checks the exit code, the reports written, the JUnit file's failures and the step summary.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import yaml


def github_job(source_dir):
    workflow = yaml.safe_load((source_dir / "examples/ci/github-actions.yml").read_text())
    job = workflow["jobs"]["score"]
    step = next(step for step in job["steps"] if step.get("name") == "Score and report")
    # GitHub runs `shell: bash` steps as: bash --noprofile --norc -eo pipefail {0}
    return job["env"], step["run"]


def gitlab_job(source_dir):
    pipeline = yaml.safe_load((source_dir / "examples/ci/gitlab-ci.yml").read_text())
    job = pipeline["personalization-index"]
    return job["variables"], "\n".join(job["script"])


def run(script, env, workdir, answers_text, fresh=True):
    (workdir / "assessments").mkdir(parents=True, exist_ok=True)
    (workdir / env["ANSWERS"]).write_text(answers_text)
    if fresh:
        shutil.rmtree(workdir / "pindex-report", ignore_errors=True)
    summary = workdir / "step-summary.md"
    summary.write_text("")
    script_file = workdir / "script.sh"
    script_file.write_text(script)
    environment = dict(os.environ, **env, GITHUB_STEP_SUMMARY=str(summary))
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script_file)],
                            cwd=workdir, env=environment, capture_output=True, text=True)
    return result, summary.read_text()


def junit_failures(path):
    root = ElementTree.parse(path).getroot()
    return int(root.get("failures")), [case.get("name") for case in root.iter("testcase")]


def check_recipe(name, env, script, workdir, source_dir, version):
    problems = []
    deb = env.get("PINDEX_DEB", "")
    if not deb.endswith(f"pindex_{version}_amd64.deb"):
        problems.append(f"PINDEX_DEB {deb!r} is not the name cpack gives version {version}")
    if env.get("PINDEX_FAIL_UNDER") != "49":
        problems.append("the recipe's threshold is no longer the published average the docs describe")
    examples = source_dir / "examples"
    cases = [("typical (44.9, under 49)", (examples / "typical.yaml").read_text(), 1, 1),
             ("leader (84.0)", (examples / "leader.yaml").read_text(), 0, 0),
             ("invalid", "rubric: personalization-index\nanswers: [\n", 2, None)]
    for label, answers, expected_exit, expected_failures in cases:
        result, summary = run(script, env, workdir, answers)
        where = f"{name}, {label}"
        if result.returncode != expected_exit:
            problems.append(f"{where}: exit {result.returncode}, expected {expected_exit}: {result.stderr.strip()}")
            continue
        reports = workdir / "pindex-report"
        if expected_failures is None:  # stopped at the first report, which names the file
            if "answers.yaml:" not in result.stderr:
                problems.append(f"{where}: the error does not name the answers file: {result.stderr!r}")
            if (reports / "junit.xml").exists():
                problems.append(f"{where}: went on after an invalid file")
            continue
        for report in ("report.json", "report.html", "junit.xml"):
            if not (reports / report).exists():
                problems.append(f"{where}: {report} not written")
        if (reports / "junit.xml").exists():
            failures, names = junit_failures(reports / "junit.xml")
            if failures != expected_failures or names[:2] != ["index", "part empower-me"]:
                problems.append(f"{where}: JUnit failures {failures}, tests {names}")
        shown = summary if name == "github" else result.stdout
        if "Personalization Index:" not in shown:
            problems.append(f"{where}: the text report is not in the {'step summary' if name == 'github' else 'log'}")
    # A reused runner still holds the last run's reports: the recipe runs again all the same.
    run(script, env, workdir, (examples / "leader.yaml").read_text())
    again, _ = run(script, env, workdir, (examples / "leader.yaml").read_text(), fresh=False)
    if again.returncode != 0:
        problems.append(f"{name}, run again over its own reports: exit {again.returncode}: {again.stderr.strip()}")
    return problems


def main():
    pindex, source_dir, version = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
    os.environ["PATH"] = f"{pindex.parent}{os.pathsep}{os.environ['PATH']}"
    problems = []
    for name, (env, script) in (("github", github_job(source_dir)), ("gitlab", gitlab_job(source_dir))):
        with tempfile.TemporaryDirectory() as workdir:
            found = check_recipe(name, {k: str(v) for k, v in env.items()}, script, pathlib.Path(workdir),
                                 source_dir, version)
        print(f"{name}: {'ok' if not found else 'FAILED'}")
        problems += found
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

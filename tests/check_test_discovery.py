#!/usr/bin/env python3
"""Every Catch2 test case runs under CTest, and every CTest entry runs exactly its test case:

  check_test_discovery.py BUILD_DIR BINARY...

catch_discover_tests makes one CTest entry per test case, whose command names the case by a
test spec. A spec that matches nothing (a name that CMake splits at a ';', or that Catch2 reads
as a wildcard, a tag or a list) used to pass as "No tests ran", so a case could stop running
without anyone noticing. This check asks CTest for its entries (ctest --show-only=json-v1), asks
each binary what it holds, and fails when:
- a binary holds a test case that no CTest entry names, or holds one twice;
- an entry's spec does not select exactly its own test case (the binary is asked with
  --list-test-names-only, which runs nothing);
- an entry does not pass --warn NoTests, the guard that fails an entry that runs nothing.
"""
import json
import pathlib
import subprocess
import sys


def listed(binary, spec=()):
    result = subprocess.run([binary, *spec, "--list-test-names-only"], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]


def main():
    build_dir, binaries = sys.argv[1], sys.argv[2:]
    ctest = subprocess.run(["ctest", "--test-dir", build_dir, "--show-only=json-v1"],
                           capture_output=True, text=True, check=True)
    entries = json.loads(ctest.stdout)["tests"]
    problems = []
    for binary in binaries:
        name = pathlib.Path(binary).name
        held = listed(binary)
        if len(held) != len(set(held)):
            problems.append(f"{name}: a test case name is used twice")
        mine = [entry for entry in entries if entry.get("command") and entry["command"][0] == binary]
        selected = []
        for entry in mine:
            spec = entry["command"][1:]
            if "NoTests" not in spec:
                problems.append(f"{entry['name']}: its command lacks --warn NoTests")
            found = listed(binary, [arg for arg in spec if arg not in ("--warn", "NoTests")])
            if len(found) != 1:
                problems.append(f"{entry['name']}: its spec selects {len(found)} test cases: {found[:3]}")
            selected += found
        for case in sorted(set(held) - set(selected)):
            problems.append(f"{name}: no CTest entry runs the test case '{case}'")
        print(f"{name}: {len(held)} test cases, {len(mine)} CTest entries, {len(set(selected))} selected")
    for problem in problems:
        print("error:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Every doctest case is run by CTest exactly once.

doctest_discover_tests turns each case into a CTest entry that runs the binary with
--test-case=NAME. A name CMake cannot carry (a ';' splits it into two entries) gives
entries that match no case and pass having run nothing. This asks CTest for the command
of every cpp.* entry, asks the binary which cases each command selects, and compares
that with the binary's full list: each case selected by exactly one entry, no entry empty.

Usage: check_doctest_registration.py BUILD_DIR TEST_BINARY
"""
import collections
import json
import subprocess
import sys


def listed(command):
    out = subprocess.run(command + ["--list-test-cases", "--no-version"], capture_output=True,
                         text=True, check=True).stdout
    names = []
    for line in out.splitlines():
        if line.startswith("[doctest]") or not line.strip() or set(line.strip()) == {"="}:
            continue
        names.append(line)
    return names


def main():
    build_dir, binary = sys.argv[1], sys.argv[2]
    plan = json.loads(subprocess.run(["ctest", "--test-dir", build_dir, "--show-only=json-v1"],
                                     capture_output=True, text=True, check=True).stdout)
    everything = listed([binary])
    seen = collections.Counter()
    problems = []
    entries = [t for t in plan["tests"] if t["name"].startswith("cpp.")]
    for test in entries:
        command = test["command"]
        if command[0] != binary and not command[0].endswith("/zhinan_tests"):
            continue
        selected = listed(command)
        if not selected:
            problems.append(f"CTest entry {test['name']!r} runs no doctest case")
        seen.update(selected)
    for name in everything:
        if seen[name] == 0:
            problems.append(f"doctest case {name!r} is run by no CTest entry")
        elif seen[name] > 1:
            problems.append(f"doctest case {name!r} is run by {seen[name]} CTest entries")
    for p in problems:
        print(p)
    print(f"{len(everything)} doctest cases, {len(entries)} CTest entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

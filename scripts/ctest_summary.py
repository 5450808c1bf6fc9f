#!/usr/bin/env python3
"""Adds up ctest's summary lines of several runs and prints one in ctest's words."""
import re
import sys

passed = total = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(r"(\d+)% tests passed, (\d+) tests failed out of (\d+)", line)
            if m:
                failed, run = int(m.group(2)), int(m.group(3))
                passed += run - failed
                total += run
failed = total - passed
percent = 100 if total == 0 else passed * 100 // total
print(f"{percent}% tests passed, {failed} tests failed out of {total}")
sys.exit(0 if total and not failed else 1)

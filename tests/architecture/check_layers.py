#!/usr/bin/env python3
"""The folders of src/ include each other in one direction only (docs/architecture.md).

A file in src/<folder>/ may include private headers of its own folder and of the folders
listed before it, and public headers (include/zhinan/*.hpp) owned by those folders. A
public header belongs to the folder that implements it: the folder holding a source of
the same stem (count.hpp -> text/count.cpp, summary_table.hpp -> office/summary_table_*.cpp),
or the owner named in OWNERS below. Exit 0 when every include goes downwards; 1 with one
line per wrong-way include otherwise.

Usage: check_layers.py [SOURCE_DIR]
"""
import pathlib
import re
import sys

# Lowest first. A folder sees only the folders before it.
ORDER = ["base", "text", "model", "rules", "dedup", "office", "import", "package", "audit"]
# Public headers with no source of their own stem.
OWNERS = {"model.hpp": "model", "zhinan.hpp": None}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def owner_of_public(header, src):
    if header in OWNERS:
        return OWNERS[header]
    stem = header[: -len(".hpp")]
    for folder in ORDER:
        d = src / folder
        if d.is_dir() and any(p.stem == stem or p.stem.startswith(stem + "_") for p in d.iterdir()):
            return folder
    return "unknown"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    src = root / "src"
    problems = []
    folders_seen = sorted(p.name for p in src.iterdir() if p.is_dir())
    for name in folders_seen:
        if name not in ORDER:
            problems.append(f"src/{name}/: a folder docs/architecture.md does not place in the order")
    checked = 0
    for path in sorted(src.rglob("*.[ch]pp")):
        rel = path.relative_to(src)
        if len(rel.parts) < 2:
            problems.append(f"src/{rel}: a source outside every concept folder")
            continue
        folder = rel.parts[0]
        if folder not in ORDER:
            continue
        rank = ORDER.index(folder)
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            checked += 1
            target = m.group(1)
            parts = target.split("/")
            if parts[0] == "zhinan" and len(parts) == 2:
                dep = owner_of_public(parts[1], src)
                if dep is None:
                    problems.append(f"src/{rel}:{lineno}: includes the umbrella header {target}")
                    continue
            elif len(parts) == 2 and parts[0] in ORDER:
                dep = parts[0]
            else:
                problems.append(f"src/{rel}:{lineno}: \"{target}\" names no folder (write \"folder/header.hpp\")")
                continue
            if dep == "unknown" or ORDER.index(dep) > rank:
                problems.append(f"src/{rel}:{lineno}: {folder}/ includes {target} of {dep}/, a higher folder")
    for p in problems:
        print(p)
    print(f"{checked} includes in {len(folders_seen)} folders checked, {len(problems)} wrong-way")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

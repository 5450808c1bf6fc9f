#!/usr/bin/env python3
"""check_layers.py fails on a wrong-way include and on a source outside the folders,
and passes on the tree as it is."""
import pathlib
import shutil
import subprocess
import sys
import tempfile

here = pathlib.Path(__file__).resolve().parent
root = here.parents[1]
check = here / "check_layers.py"


def run(tree):
    return subprocess.run([sys.executable, str(check), str(tree)], capture_output=True, text=True)


failures = 0
with tempfile.TemporaryDirectory() as tmp:
    tree = pathlib.Path(tmp)
    shutil.copytree(root / "src", tree / "src")
    r = run(tree)
    if r.returncode != 0:
        print("the tree as it is fails:\n" + r.stdout)
        failures += 1
    # base/ is the lowest folder: an include of package/ from it must fail.
    victim = tree / "src" / "base" / "utf8.cpp"
    victim.write_text(victim.read_text(encoding="utf-8") + '\n#include "package/zip_writer.hpp"\n', encoding="utf-8")
    r = run(tree)
    if r.returncode != 1 or "base/ includes package/zip_writer.hpp" not in r.stdout:
        print("a wrong-way include was not caught:\n" + r.stdout)
        failures += 1
    # A public header of a higher folder counts as that folder.
    victim.write_text(victim.read_text(encoding="utf-8") + '\n#include "zhinan/rules.hpp"\n', encoding="utf-8")
    r = run(tree)
    if "zhinan/rules.hpp of rules/" not in r.stdout:
        print("a wrong-way public include was not caught:\n" + r.stdout)
        failures += 1
    (tree / "src" / "stray.cpp").write_text("int x;\n", encoding="utf-8")
    r = run(tree)
    if "outside every concept folder" not in r.stdout:
        print("a flat source was not caught:\n" + r.stdout)
        failures += 1
sys.exit(1 if failures else 0)

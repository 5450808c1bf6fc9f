#!/usr/bin/env python3
"""import.old_formats: a unit's form saved as .doc, .odt and .rtf (by LibreOffice, as a
unit on an old office suite would send it) is converted by the CLI through LibreOffice and
read as the same suggestion as the .docx; `zhinan validate` and `zhinan pack` take it too,
and the package holds the unit's .doc byte for byte. Exit 77 when soffice is missing.

Usage: check_old_formats.py ZHINAN_CLI FORMS_DIR WORK_DIR"""
import glob
import json
import os
import shutil
import subprocess
import sys
import zipfile

cli, forms, work = sys.argv[1:4]
if not shutil.which("soffice"):
    print("soffice is not installed: skipped")
    sys.exit(77)
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
source = sorted(glob.glob(os.path.join(forms, "*.docx")))[0]
docx = os.path.join(work, "单位表格.docx")
shutil.copy(source, docx)
profile = "file://" + os.path.join(work, "lo-profile")
failures = passed = 0


def check(ok, what):
    global failures, passed
    print(("ok   " if ok else "FAIL ") + what)
    if ok:
        passed += 1
    else:
        failures += 1


def comparable(data):
    data = {k: v for k, v in data.items() if k not in ("document", "department")}
    funding = data.get("funding", {})
    for key in list(funding):
        funding[key] = str(float(funding[key]))
    return data


expected = comparable(json.loads(subprocess.run([cli, "import", docx], capture_output=True, check=True).stdout))
for fmt in ("doc", "odt", "rtf"):
    subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", fmt,
                    "--outdir", work, docx], capture_output=True, timeout=300, check=True)
    path = os.path.join(work, "单位表格." + fmt)
    r = subprocess.run([cli, "import", path], capture_output=True, timeout=300)
    check(r.returncode == 0, "%s: zhinan import exits 0 (%s)" % (fmt, r.stderr.decode()[:200]))
    if r.returncode == 0:
        got = comparable(json.loads(r.stdout))
        differing = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
        # RTF keeps no content controls or fields: the boxes LibreOffice writes as glyphs still read.
        check(not differing, "%s: the same suggestion as the .docx (differs in %s)" % (fmt, differing))

doc = os.path.join(work, "单位表格.doc")
r = subprocess.run([cli, "validate", "--department", "青岛市科学技术局", doc], capture_output=True, timeout=300)
check(r.returncode == 0, "validate takes the .doc (%s)" % r.stdout.decode()[-200:])
package = os.path.join(work, "部门.zip")
r = subprocess.run([cli, "pack", "-o", package, "--department", "青岛市科学技术局", doc], capture_output=True, timeout=300)
check(r.returncode == 0, "pack takes the .doc")
if r.returncode == 0:
    with zipfile.ZipFile(package) as z, open(doc, "rb") as f:
        original = f.read()
        inside = [z.read(i) for i in z.infolist() if i.filename.endswith(".doc")]
        check(inside == [original], "the package holds the unit's .doc byte for byte")
print("%d passed, %d failed" % (passed, failures))
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""audit.html_chromium: three departments' packages (two holding the same suggestion, so
that the report shows a duplicate pair) audited once as HTML and once as JSON, then the
page opened in headless Chromium by check_html.py.

Usage: run_html_check.py ZHINAN_CLI SAMPLES_DIR WORK_DIR"""
import glob
import os
import shutil
import subprocess
import sys

cli, samples, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
jsons = sorted(glob.glob(os.path.join(samples, "valid-*.json")))
forms = sorted(glob.glob(os.path.join(samples, "forms", "*.docx")))
packages = []
for name, files in (("青岛市科学技术局.zip", jsons[:3]), ("烟台市科学技术局.zip", forms[:2]), ("潍坊市科学技术局.zip", jsons[3:])):
    path = os.path.join(work, name)
    subprocess.run([cli, "pack", "-o", path, "--department", name[:-4], *files], check=True, capture_output=True)
    packages.append(path)
html, report = os.path.join(work, "审核报告.html"), os.path.join(work, "审核报告.json")
for fmt, out in (("html", html), ("json", report)):
    r = subprocess.run([cli, "audit", "--format", fmt, "-o", out, *packages], capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit("audit failed: " + r.stderr.decode())
here = os.path.dirname(os.path.abspath(__file__))
sys.exit(subprocess.run([sys.executable, os.path.join(here, "check_html.py"), html, report, os.path.join(work, "browser")]).returncode)

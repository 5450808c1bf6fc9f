"""summary.libreoffice: LibreOffice prints the .xlsx (to PDF) with the title, the region
headings, every project and the totals, and imports the .csv as UTF-8 with its fields
intact. Skips (77) when soffice or poppler-utils is missing. The PDF and a PNG of its
first page stay in OUT_DIR for a person to look at."""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from expected import prepare, squeeze

SKIP = 77
CSV_FILTER = "Text - txt - csv (StarCalc):44,34,76,1"  # comma, quote, UTF-8, from line 1
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def convert(soffice, profile_dir, source, target_format, out_dir, infilter=None):
    cmd = [soffice, "--headless", "--norestore",
           "-env:UserInstallation=" + Path(profile_dir).as_uri()]
    if infilter:
        cmd.append("--infilter=" + infilter)
    cmd += ["--convert-to", target_format, "--outdir", out_dir, source]
    subprocess.run(cmd, check=True, timeout=240, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    stem = os.path.splitext(os.path.basename(source))[0]
    result = os.path.join(out_dir, stem + "." + target_format.split(":")[0])
    if not os.path.exists(result):
        raise RuntimeError("LibreOffice wrote nothing for " + source)
    return result


def shared_strings(xlsx):
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(xlsx) as z:
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(ns + "t")) for si in root.iter(ns + "si")]


def main():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    tools = [shutil.which(t) for t in ("pdftotext", "pdftoppm")]
    if not soffice or not all(tools):
        print("skipped: soffice, pdftotext or pdftoppm not found")
        return SKIP
    out, exp = prepare(sys.argv)
    profile_dir = tempfile.mkdtemp(prefix="zhinan-lo-")
    try:
        # The .xlsx as printed.
        pdf = convert(soffice, profile_dir, os.path.join(out, "汇总表.xlsx"), "pdf", out)
        text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                              stdout=subprocess.PIPE).stdout.decode("utf-8")
        flat = squeeze(text)
        check(exp.title in flat, "title " + exp.title)
        for heading in exp.headings:
            check(heading in flat, "region heading " + heading)
        for title in exp.titles:
            check(squeeze(title) in flat, "title " + title)
        check(exp.totals_label in flat, "totals " + exp.totals_label)
        for amount in (exp.total, exp.provincial):
            check(f"{amount:,.2f}" in flat, f"total amount {amount:,.2f}")
        check("第1页，共1页" in flat, "footer 第 1 页，共 1 页")
        subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(out, "page")], check=True)

        # A long table: the title and column header repeat on every page, pages numbered.
        long_pdf = convert(soffice, profile_dir, os.path.join(out, "drift.xlsx"), "pdf", out)
        pages = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", long_pdf, "-"], check=True,
                               stdout=subprocess.PIPE).stdout.decode("utf-8").split("\f")
        pages = [squeeze(p) for p in pages if p.strip()]
        check(len(pages) >= 2, f"100 rows take {len(pages)} pages")
        for i, page in enumerate(pages, 1):
            check(exp.title in page and "序号" in page and "项目名称" in page,
                  f"page {i} repeats the title and the column header")
            check(f"第{i}页，共{len(pages)}页" in page, f"page {i} is numbered 第 {i} 页，共 {len(pages)} 页")
        check("合计（100项）" in pages[-1] and "30.00" in pages[-1] and "10.00" in pages[-1],
              "the last page ends with 合计（100项） 30.00 10.00")
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", long_pdf,
                        os.path.join(out, "long-page")], check=True)

        # The .csv imported as UTF-8: Chinese and the quoted fields survive.
        csv_dir = os.path.join(out, "from-csv")
        os.makedirs(csv_dir)
        for name in ("汇总表.csv", "tricky.csv"):
            convert(soffice, profile_dir, os.path.join(out, name), "xlsx", csv_dir, CSV_FILTER)
        strings = shared_strings(os.path.join(csv_dir, "汇总表.xlsx"))
        check(strings and strings[0] == exp.title, "CSV: the first cell is the title (BOM consumed)")
        for value in exp.titles + exp.units + [exp.totals_label, "主管部门（盖章）", "东营市科学技术局"]:
            check(value in strings, "CSV: " + value)
        check("氢能,储能\"示范\"\n联合攻关" in shared_strings(os.path.join(csv_dir, "tricky.xlsx")),
              "CSV: a title with a comma, quotes and a line break is one field")
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""summary.xlsx_parts: the .xlsx as Excel reads it — cell values, exact totals, page
set-up for printing, fonts — checked in its XML parts."""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal

from expected import prepare, squeeze

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def read_sheet(path):
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    strings = [
        "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
        for si in ET.fromstring(parts["xl/sharedStrings.xml"]).findall("m:si", NS)
    ]
    sheet = ET.fromstring(parts["xl/worksheets/sheet1.xml"])
    cells = {}
    for c in sheet.iter(f"{{{NS['m']}}}c"):
        v = c.find("m:v", NS)
        if v is None:
            continue
        cells[c.get("r")] = strings[int(v.text)] if c.get("t") == "s" else v.text
    return parts, strings, sheet, cells


def last_row(cells):
    return max(int(re.sub(r"[A-Z]+", "", ref)) for ref in cells)


def main():
    out, exp = prepare(sys.argv)
    parts, strings, sheet, cells = read_sheet(os.path.join(out, "汇总表.xlsx"))

    check(cells.get("A1") == exp.title, "A1 is the title " + exp.title)
    check(cells.get("A2") == "主管部门（盖章）：东营市科学技术局", "A2 is 主管部门（盖章）")
    header = [squeeze(cells.get(f"{col}3", "")) for col in "ABCDEFGHIJKLM"]
    check(header[0] == "序号" and header[9] == "项目计划总投入（万元）" and header[12] == "备注",
          "row 3 is the column header")
    for title in exp.titles:
        check(title in strings, "title " + title)

    n = last_row(cells)
    check(cells.get(f"A{n}") == exp.totals_label, "totals label " + exp.totals_label)
    # The cached numbers are the doubles nearest to the exact Decimal sums.
    check(float(cells.get(f"J{n}", "nan")) == float(exp.total), f"J{n} total == {exp.total}")
    check(float(cells.get(f"K{n}", "nan")) == float(exp.provincial), f"K{n} provincial == {exp.provincial}")
    check(int(cells.get(f"L{n}", "-1")) == exp.key_technologies, f"L{n} key technologies")
    check("<f>" not in parts["xl/worksheets/sheet1.xml"], "no formula for Excel to redo in double")
    # The region said once per group: one cell in column B, merged down the group's rows,
    # carrying the count; no full-width heading rows between the groups.
    merges = {m.get("ref") for m in sheet.findall("m:mergeCells/m:mergeCell", NS)}
    row = 4
    for heading, n in exp.groups:
        check(squeeze(cells.get(f"B{row}", "")) == heading, f"B{row} is the region cell {heading}")
        check(all(f"B{r}" not in cells for r in range(row + 1, row + n)),
              f"B{row + 1}..B{row + n - 1} are covered by it, not repeated")
        if n > 1:
            check(f"B{row}:B{row + n - 1}" in merges, f"B{row}:B{row + n - 1} is merged")
        check(all(cells.get(f"A{r}", "").isdigit() for r in range(row, row + n)),
              f"rows {row}..{row + n - 1} are suggestions, numbered")
        row += n
    check(row == last_row(cells), f"the totals follow the last group at row {row}")
    full_width = [m for m in merges if re.fullmatch(r"A(\d+):M\1", m)]
    check(sorted(full_width) == ["A1:M1"], f"no full-width heading rows (full-width merges: {full_width})")
    check(len(merges) == 1 + 4 + sum(1 for _, n in exp.groups if n > 1) + 1,
          "merged: title, 4 header fields, one region cell per group of two or more, totals label")

    ws = parts["xl/worksheets/sheet1.xml"]
    check('paperSize="9"' in ws and 'orientation="landscape"' in ws, "A4 landscape")
    check('fitToPage="1"' in ws and 'fitToHeight="0"' in ws, "fitted to one page wide")
    check("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>" in ws, "footer with page numbers")
    check("<printOptions horizontalCentered=\"1\"/>" in ws, "centred on the page")
    wb = parts["xl/workbook.xml"]
    check(">'汇总表'!$1:$3</definedName>" in wb and "_xlnm.Print_Titles" in wb,
          "rows 1-3 repeat on every page")
    styles = parts["xl/styles.xml"]
    check('<name val="宋体"/>' in styles and '<name val="黑体"/>' in styles, "fonts 宋体 and 黑体")
    check('formatCode="#,##0.00"' in styles, "amounts as #,##0.00")
    check("2026-11-29T00:00:00Z" in parts["docProps/core.xml"], "created = 填报日期")

    # 100 × 0.1 added exactly: the cell holds 10, not 9.99999999999998.
    _, _, drift_sheet, drift = read_sheet(os.path.join(out, "drift.xlsx"))
    m = last_row(drift)
    drift_merges = {c.get("ref") for c in drift_sheet.findall("m:mergeCells/m:mergeCell", NS)}
    check(drift.get("B4", "").endswith("\n（100项）") and "B4:B103" in drift_merges
          and not any(f"B{r}" in drift for r in range(5, 104)),
          "100 rows of one region: one region cell B4:B103 saying （100项）")
    check(drift.get(f"J{m}") == "30" and drift.get(f"K{m}") == "10",
          f"drift totals J{m}={drift.get(f'J{m}')} K{m}={drift.get(f'K{m}')} are 30 and 10")
    for ref, v in drift.items():
        if ref[0] in "JK" and ref != f"J{m}" and ref != f"K{m}" and int(ref[1:]) > 4:
            if Decimal(v) not in (Decimal("0.3"), Decimal("0.1")):
                check(False, f"{ref} holds {v}")
                break

    if failures:
        print(f"{len(failures)} failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""docx.libreoffice_layout: the rendered 附件1 as it comes out of the printer.

Every bundled sample (examples/data/valid-*.json) is rendered to .docx (docx_render_tool),
converted to PDF by LibreOffice, and read back page by page with pdftotext:

- `附件1` is the first text of page 1, above the form's title;
- every option of the profile's lists (产业领域, 合作国别、地区, 项目类型 and the sub-types
  of “引进来”) appears whole on one line of the page, its box (☐ or ☑) right before it;
- the table's fixed labels and the report tables' column heads are never wrapped
  (`知识产权`, `序号`, `当前自评等级`, …: each whole on one line);
- the 信息表 takes pages 1 to 2 and no row of it is split across pages: each row's label and
  texts are found on one page (a wrapped cell reads whole in pdftotext's content order);
- the overview is printed once, and 资金投入 says the total investment once.

PNG images of the first pages stay in the work directory for a person to look at; they
are not asserted. Exit 0 pass, 1 fail, 77 skip (LibreOffice or poppler-utils missing).
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BOXES = "☐☑"
# Words of the form and of the report's tables that a column must hold on one line.
UNBROKEN_FORM_WORDS = ["产业领域", "合作国别、", "项目名称", "项目类型", "项目概述", "序号",
                       "当前自评等级", "实施预期等级", "项目计划总投入", "省财政资金支持强度建议",
                       "建议单位", "建议人", "职称/职务", "联系电话", "项目实施", "投入计划",
                       "项目指南", "建议来源"]
UNBROKEN_REPORT_WORDS = ["序号", "类别", "指标", "目标值", "国内水平", "国际水平", "项目交示件"]
CATEGORY_LABELS = {"technical": "技术", "product": "产品", "ip": "知识产权", "economic": "经济效益",
                   "social": "社会效益", "talent": "人才", "platform": "平台"}
FORM_END = "备注：技术成熟度等级详见附件2《技术成熟度等级划分》"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL", message)


def squeeze(text):
    """Without white space: pdftotext puts spaces and line ends where the layout had gaps."""
    return "".join(text.split())


def amount(value):
    """An amount as the form shows it: 1260, 300.5 (the renderer drops a trailing .0)."""
    if value is None:
        return ""
    text = str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def pages_of(pdf, mode):
    out = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def option_labels(profile):
    for key in ("industries", "regions", "project_types", "bring_in_subtypes"):
        for choice in profile[key]:
            yield key, choice["label"]


def check_whole_on_a_line(stem, lines, word, boxed, where):
    # Spaces inside a line are gaps pdftotext saw (a change of font, a justified line), not breaks.
    pattern = re.compile(("[" + BOXES + "]" if boxed else "") + re.escape(squeeze(word)))
    if not any(pattern.search(squeeze(line)) for line in lines):
        what = "☐/☑" + word if boxed else word
        fail(f"{stem}: {what!r} is not whole on any line of {where}")
        # Show where its first characters landed, for the reader of the log.
        for line in lines:
            if word[:2] in line or (len(word) > 2 and word[-2:] in line):
                print("        ", line.strip())
        return False
    return True


def rows_of_the_form(data):
    """(name, texts): each row of the 信息表 with the texts that must share its page."""
    rows = [("产业领域", ["产业领域"]), ("合作国别、地区", ["合作国别", "多边科技合作", "港澳台地区"]),
            ("项目名称", ["项目名称", squeeze(data["title"])])]
    rows.append(("项目类型", ["项目类型", "引进来", "变革性技术迭代", "重大活动签约"]))
    overview = squeeze(data["overview"])
    rows.append(("项目概述", ["项目概述", overview[:24], overview[len(overview) // 2:][:24], overview[-24:]]))
    rows.append(("关键科学问题及技术清单", ["关键科学问题及技术清单", "序号", "技术成熟度等级",
                                           "当前自评等级", "实施预期等级"]))
    for i, tech in enumerate(data.get("key_technologies", []), 1):
        rows.append((f"关键技术 {i}", [squeeze(tech["name"])]))
    funding = data.get("funding", {})
    rows.append(("项目计划总投入", ["项目计划总投入", amount(funding.get("total")) + "万元"]))
    rows.append(("省财政资金支持强度建议", ["省财政资金支持强度建议", amount(funding.get("provincial")) + "万元"]))
    source = data.get("source", {})
    rows.append(("建议单位", ["建议单位", squeeze(source.get("unit", ""))]))
    rows.append(("建议人", ["建议人", squeeze(source.get("proposer", "")), "职称/职务",
                          squeeze(source.get("position", ""))]))
    rows.append(("联系电话", ["联系电话", squeeze(source.get("phone", ""))]))
    return rows


def check_document(stem, data, profile, pdf):
    failed_before = len(failures)
    layout = pages_of(pdf, "-layout")
    raw = [squeeze(p) for p in pages_of(pdf, "-raw")]
    if not layout:
        fail(f"{stem}: the PDF has no text")
        return

    # 附件1 first, then the title.
    first = [line.strip() for line in layout[0].splitlines() if line.strip()]
    if not first or squeeze(first[0]) != "附件1":
        fail(f"{stem}: page 1 does not begin with 附件1 (it begins {first[:1]})")
    title = "2025年省级国际科技合作项目指南建议信息表"
    at_label, at_title = raw[0].find("附件1"), raw[0].find(title)
    if at_title < 0 or not 0 <= at_label < at_title:
        fail(f"{stem}: 附件1 is not above the title {title} on page 1")

    # The form's pages: 1 up to the one with its 备注.
    end = next((i for i, page in enumerate(raw) if FORM_END in page), None)
    if end is None:
        fail(f"{stem}: the form's 备注 is nowhere")
        return
    if end > 1:
        fail(f"{stem}: the 信息表 takes {end + 1} pages, not 1–2")
    form_lines = [line for page in layout[:end + 1] for line in page.splitlines()]
    report_lines = [line for page in layout[end + 1:] for line in page.splitlines()]

    for key, label in option_labels(profile):
        check_whole_on_a_line(stem, form_lines, label, True, f"the form ({key})")
    for word in UNBROKEN_FORM_WORDS:
        check_whole_on_a_line(stem, form_lines, word, False, "the form")

    for name, texts in rows_of_the_form(data):
        texts = [t for t in texts if t]
        on = [i for i in range(end + 1) if all(t in raw[i] for t in texts)]
        if not on:
            found = {t: [i + 1 for i in range(end + 1) if t in raw[i]] for t in texts}
            fail(f"{stem}: the row {name} is not whole on one page of the form (pages of its texts: {found})")

    # The report's tables: column heads and categories whole.
    report = data.get("report") or {}
    heads = list(UNBROKEN_REPORT_WORDS)
    for indicator in report.get("technical_indicators", []) + report.get("performance_targets", []):
        heads.append(CATEGORY_LABELS.get(indicator.get("category"), indicator.get("category", "")))
    for word in sorted(set(h for h in heads if h)):
        check_whole_on_a_line(stem, report_lines, word, False, "the report")

    # Once each: the overview, and the total investment in 资金投入.
    everything = "".join(raw)
    overview = squeeze(data["overview"])
    for probe in (overview[:30], overview[-30:]):
        n = everything.count(probe)
        if n != 1:
            fail(f"{stem}: the overview's text {probe!r} is printed {n} times, not once")
    total = amount(data.get("funding", {}).get("total"))
    if total:
        said = "".join(raw[end + 1:]).count(f"总投入{total}万元")
        if said != 1:
            fail(f"{stem}: the report says 总投入{total}万元 {said} times, not once")
    if len(failures) == failed_before:
        print(f"ok   {stem}: {len(layout)} pages, the 信息表 on pages 1–{end + 1}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--samples", required=True, type=Path)
    parser.add_argument("--profile", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        print("SKIP: LibreOffice (soffice) or poppler-utils (pdftotext, pdftoppm) is not installed")
        return 77
    started = time.monotonic()
    profile = json.loads(args.profile.read_text(encoding="utf-8"))
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    (work / "docx").mkdir(parents=True)
    (work / "pdf").mkdir()

    samples = sorted(args.samples.glob("valid-*.json"))
    if not samples:
        print(f"FAIL: no valid-*.json in {args.samples}")
        return 1
    docs = []
    for source in samples:
        out = work / "docx" / (source.stem + ".docx")
        r = subprocess.run([args.tool, str(source), str(out)], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{source.name}: docx_render_tool exited {r.returncode}: {r.stderr.strip()}")
            continue
        docs.append((source, out))

    profile_dir = Path(tempfile.mkdtemp(prefix="zhinan-docx-layout-"))
    try:
        cmd = [soffice, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work / "pdf")] + [str(out) for _, out in docs]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            fail(f"soffice exited {r.returncode}: {r.stderr.strip()}")
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)

    for source, _ in docs:
        pdf = work / "pdf" / (source.stem + ".pdf")
        if not pdf.exists():
            fail(f"{source.stem}: LibreOffice wrote no PDF")
            continue
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", str(pdf),
                        str(work / source.stem)], check=True)
        check_document(source.stem, json.loads(source.read_text(encoding="utf-8")), profile, pdf)

    print(f"page images: {work}/<sample>-<page>.png ({time.monotonic() - started:.1f} s)")
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"all {len(docs)} samples print as the form: options whole, rows whole, 附件1, overview once")
    return 0


if __name__ == "__main__":
    sys.exit(main())

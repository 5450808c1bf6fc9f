#!/usr/bin/env python3
"""Every sample rendered to .docx opens in LibreOffice and reads as the form and report.

For each sample (and one suggestion full of hostile text): docx_render_tool writes the
.docx; every XML part of it must parse (xml.dom.minidom); LibreOffice converts it to PDF
and pdftotext must find the title, 信息表, 说明报告, an 产业领域 label and ☑. The first
page of valid-sco is also rendered to PNG in the work directory, for a person to look at.

Exit 0 pass, 1 fail, 77 skip (LibreOffice is not installed).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
import zipfile
from pathlib import Path

INDUSTRY_LABELS = {
    "next_gen_it": "新一代信息技术", "high_end_equipment": "高端装备", "new_energy": "新能源",
    "new_materials": "新材料", "modern_marine": "现代海洋", "health": "医养健康",
    "high_end_chemicals": "高端化工", "modern_agriculture": "现代高效农业", "biotech": "生物技术",
    "low_altitude_economy": "低空经济", "other": "其他",
}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def squeeze(text):
    """pdftotext wraps lines inside table cells: compare without any white space."""
    return "".join(text.split())


def hostile_sample(samples, work):
    data = json.loads((samples / "valid-sco.json").read_text(encoding="utf-8"))
    data["title"] = "<script>&amp; \"q\" 's' ]]> \x01\x07\x1b\x7f\u0085\ufffe 敌意标题"
    data["overview"] = "氢" * 9990 + "<&>\"'\t\r\n尾"
    data["source"]["unit"] = "单位\r\n第二行\x0b"
    data["key_technologies"][0]["name"] = "</w:t></w:r><w:r><w:t>injected"
    path = work / "hostile.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def check_parts(docx):
    with zipfile.ZipFile(docx) as z:
        names = z.namelist()
        for required in ("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                         "word/_rels/document.xml.rels", "word/styles.xml", "customXml/item1.xml"):
            if required not in names:
                fail(f"{docx.name}: no part {required}")
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    xml.dom.minidom.parseString(z.read(name))
                except Exception as e:  # noqa: BLE001 - any parser error is the finding
                    fail(f"{docx.name}: {name} is not well-formed XML: {e}")
        item = xml.dom.minidom.parseString(z.read("customXml/item1.xml")).documentElement
        if item.namespaceURI != "urn:zhinan:suggestion:1":
            fail(f"{docx.name}: customXml/item1.xml root namespace is {item.namespaceURI}")
        text = "".join(n.data for n in item.childNodes if n.nodeType == n.TEXT_NODE)
        try:
            json.loads(text)
        except ValueError as e:
            fail(f"{docx.name}: the embedded JSON does not load: {e}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--samples", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("SKIP: LibreOffice (soffice) is not installed")
        return 77
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"FAIL: {tool} (poppler-utils) is not installed")
            return 1

    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    (work / "docx").mkdir(parents=True)
    (work / "pdf").mkdir()

    inputs = sorted(args.samples.glob("*.json")) + [hostile_sample(args.samples, work)]
    docs = {}
    for source in inputs:
        out = work / "docx" / (source.stem + ".docx")
        r = subprocess.run([args.tool, str(source), str(out)], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{source.name}: docx_render_tool exited {r.returncode}: {r.stderr.strip()}")
            continue
        check_parts(out)
        docs[source.stem] = (source, out)

    profile_dir = Path(tempfile.mkdtemp(prefix="zhinan-docx-lo-"))
    try:
        cmd = [soffice, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(work / "pdf")]
        cmd += [str(out) for _, out in docs.values()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            fail(f"soffice exited {r.returncode}: {r.stderr.strip()}")
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)

    for stem, (source, _) in docs.items():
        pdf = work / "pdf" / (stem + ".pdf")
        if not pdf.exists():
            fail(f"{stem}: LibreOffice wrote no PDF")
            continue
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        flat = squeeze(text)
        data = json.loads(source.read_text(encoding="utf-8"))
        industry = data.get("industry")
        industry = industry[0] if isinstance(industry, list) else industry
        title = data.get("title", "") if stem != "hostile" else "<script>&amp;"
        wanted = [title, "信息表", "说明报告", "产业领域", INDUSTRY_LABELS.get(industry, industry), "☑"]
        for needle in wanted:
            if squeeze(needle) not in flat:
                fail(f"{stem}: the PDF text lacks {needle!r}")
        print(f"ok: {stem}.docx -> {stem}.pdf ({len(text)} characters of text)")

    if "valid-sco" in docs:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2",
                        str(work / "pdf" / "valid-sco.pdf"), str(work / "valid-sco")], check=True)
        print(f"page images: {work}/valid-sco-*.png")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"all {len(docs)} documents open in LibreOffice and read as the form and the report")
    return 0


if __name__ == "__main__":
    sys.exit(main())

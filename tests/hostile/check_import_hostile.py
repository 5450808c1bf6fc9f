#!/usr/bin/env python3
"""Hostile files given to `zhinan import` as a clerk's tool would get them: each is refused
with a clear id, within 5 s and 200 MB, and nothing is written.

Usage: check_import_hostile.py ZHINAN_CLI WORK_DIR
"""
import os
import resource
import subprocess
import sys
import time
import zipfile
import zlib

cli, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write(name, data):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def docx(name, document_xml, extra=()):
    path = os.path.join(work, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
        for n, d in extra:
            z.writestr(n, d)
    return path


def bomb(name, size):
    """word/document.xml of `size` bytes of spaces, deflated as it is written (a zip bomb)."""
    path = os.path.join(work, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
    return path


ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
          "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10)) +
          ']><w:document %s><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % W)
xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<w:document %s><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W)
deep = "<w:document %s><w:body>" % W + "<w:sdt>" * 100000 + "</w:sdt>" * 100000 + "</w:body></w:document>"

cases = [
    ("PDF", write("扫描件.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), "import.not_docx"),
    ("a .doc (OLE) named .docx", write("旧格式.docx", ole), "import.not_docx"),
    ("an encrypted Office file", write("加密.docx", ole + "EncryptedPackage".encode("utf-16-le")), "import.not_docx"),
    ("a ZIP without word/document.xml", write("无正文.docx", open(docx("tmp.docx", "<x/>"), "rb").read().replace(b"word/document.xml", b"word/documenx.xml")),
     "import.not_docx"),
    ("billion laughs", docx("笑.docx", laughs), "import.not_docx"),
    ("an external entity (XXE)", docx("xxe.docx", xxe), "import.not_docx"),
    ("10^5-deep nesting", docx("深.docx", deep), "import.limits_exceeded"),
    ("a 1 GB-expanding document.xml", bomb("炸弹.docx", 1 << 30), "import.limits_exceeded"),
    ("a text file named .docx", write("文本.docx", "这不是文档".encode()), "import.not_docx"),
    ("a truncated .docx", write("截断.docx", open(docx("full.docx", "<w:document %s/>" % W), "rb").read()[:60]), "import.not_docx"),
]

failures = 0
passed = 0
for what, path, expected in cases:
    before = set(os.listdir(work))
    start = time.monotonic()
    r = subprocess.run([cli, "import", path], capture_output=True, timeout=60)
    elapsed = time.monotonic() - start
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    err = r.stderr.decode("utf-8", "replace")
    problems = []
    if r.returncode != 1:
        problems.append("exit %d, not 1" % r.returncode)
    if "[%s]" % expected not in err:
        problems.append("no [%s] in: %s" % (expected, err[:300]))
    if r.stdout:
        problems.append("wrote to stdout")
    if "/etc/passwd" in err and "root:" in err:
        problems.append("leaked /etc/passwd")
    if elapsed > 5:
        problems.append("took %.1f s (limit 5)" % elapsed)
    if set(os.listdir(work)) != before:
        problems.append("wrote files: %s" % (set(os.listdir(work)) - before))
    if problems:
        failures += 1
        print("FAIL %s: %s" % (what, "; ".join(problems)))
    else:
        passed += 1
        print("ok   %s: [%s] in %.2f s" % (what, expected, elapsed))
# ru_maxrss of children is the largest of them all: one figure covers every case.
if rss_mb > 200:
    failures += 1
    print("FAIL peak memory of a refusal: %.0f MB (limit 200)" % rss_mb)
else:
    print("ok   peak memory over all refusals: %.0f MB" % rss_mb)
print("%d passed, %d failed" % (passed, failures))
sys.exit(1 if failures else 0)

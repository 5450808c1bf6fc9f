#!/usr/bin/env python3
"""The package as the unzip tools clerks use read it: Info-ZIP unzip, 7-Zip, bsdtar
(libarchive) and Python's zipfile must each list the same names and extract the same bytes,
for UTF-8 names and for the GBK + Unicode Path option. Also the CLI side of `zhinan pack`:
exit codes, the summary files beside the ZIP, refusal of a faulty batch."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

CLI = os.environ["ZHINAN_CLI"]
SAMPLES = os.environ["ZHINAN_SAMPLES"]
VALID = sorted(glob.glob(os.path.join(SAMPLES, "valid-*.json")))


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, timeout=300)


def tree(root):
    """Every file under root: relative path → bytes."""
    out = {}
    for folder, _, files in os.walk(root):
        for f in files:
            path = os.path.join(folder, f)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = f.read()
    return out


def python_names(zip_path):
    """Names as Python reads them, with the Unicode Path field applied by hand when the
    UTF-8 flag is off (zipfile ignores field 0x7075)."""
    names = {}
    with zipfile.ZipFile(zip_path) as z:
        for info in z.infolist():
            name = info.filename
            extra = info.extra
            while len(extra) >= 4:
                tag, size = int.from_bytes(extra[0:2], "little"), int.from_bytes(extra[2:4], "little")
                if tag == 0x7075:
                    name = extra[9:4 + size].decode("utf-8")
                extra = extra[4 + size:]
            if not name.endswith("/"):
                names[name] = z.read(info)
    return names


class Readers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="zhinan-readers-")
        for encoding in ("utf8", "gbk"):
            args = ["pack", "-o", os.path.join(cls.tmp, encoding + ".zip"), "--department", "青岛市科学技术局"]
            if encoding == "gbk":
                args.append("--gbk-names")
            r = run(*args, *VALID)
            assert r.returncode == 0, r.stderr.decode() + r.stdout.decode()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def extract(self, tool, zip_path):
        out = tempfile.mkdtemp(dir=self.tmp)
        if tool == "unzip":
            cmd = ["unzip", "-q", zip_path, "-d", out]
        elif tool == "7z":
            cmd = [shutil.which("7z") or "7za", "x", "-y", "-o" + out, zip_path]
        else:
            cmd = ["bsdtar", "-xf", zip_path, "-C", out]
        r = subprocess.run(cmd, capture_output=True, env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
        self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace"))
        return tree(out)

    def check_all_tools_agree(self, name):
        zip_path = os.path.join(self.tmp, name)
        expected = python_names(zip_path)
        self.assertEqual(len(expected), len(VALID))
        for folder_file in expected:
            self.assertEqual(folder_file.count("/"), 1)
        for tool in ("unzip", "7z", "bsdtar"):
            with self.subTest(tool=tool):
                self.assertEqual(self.extract(tool, zip_path), expected)
        return expected

    def test_utf8_names(self):
        names = self.check_all_tools_agree("utf8.zip")
        self.assertTrue(any(n.startswith("“一带一路”共建国家/1.") for n in names))
        with zipfile.ZipFile(os.path.join(self.tmp, "utf8.zip")) as z:
            for info in z.infolist():
                self.assertTrue(info.flag_bits & 0x800, info.filename)  # bit 11: UTF-8
                self.assertEqual(z.testzip(), None)

    def test_gbk_names_with_unicode_path(self):
        names = self.check_all_tools_agree("gbk.zip")
        self.assertEqual(names, python_names(os.path.join(self.tmp, "utf8.zip")))
        with zipfile.ZipFile(os.path.join(self.tmp, "gbk.zip")) as z:
            for info in z.infolist():
                self.assertFalse(info.flag_bits & 0x800)
                # An old Chinese-locale tool reads the raw name as GBK.
                raw = info.filename.encode("cp437")
                self.assertTrue(raw.decode("gbk").rstrip("/"))

    def test_rendered_documents_are_docx(self):
        for name, data in python_names(os.path.join(self.tmp, "utf8.zip")).items():
            self.assertTrue(name.endswith(".docx"))
            self.assertEqual(data[:2], b"PK")

    def test_summary_beside_the_zip(self):
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "utf8-汇总表.xlsx")))
        with open(os.path.join(self.tmp, "utf8-汇总表.csv"), "rb") as f:
            csv = f.read()
        self.assertTrue(csv.startswith(b"\xef\xbb\xbf"))
        self.assertIn("青岛市科学技术局".encode(), csv)


def text_pdf(pages):
    """A PDF as office suites write it when they leave page streams and a font
    uncompressed: compressible, though of a kind zip tools often store."""
    body, offsets = [b"%PDF-1.4\n"], []
    for n in range(pages):
        offsets.append(sum(map(len, body)))
        lines = b"".join(b"BT /F1 10.5 Tf 72 %d Td (Line %d of page %d) Tj ET\n" % (760 - 12 * k, k, n)
                         for k in range(60))
        body.append(b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (n + 1, len(lines), lines))
    xref = sum(map(len, body))
    body.append(b"xref\n0 %d\n0000000000 65535 f \n" % (pages + 1))
    body += [b"%010d 00000 n \n" % o for o in offsets]
    body.append(b"trailer\n<< /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (pages + 1, xref))
    return b"".join(body)


class SuppliedDocuments(unittest.TestCase):
    """The units' own PDFs: one with uncompressed pages is deflated (probed, not stored by its
    kind), a scan that does not shrink is stored; every reader gets the bytes back. The
    large pair goes through the streamed path (over 8 MiB)."""

    def test_probed_pdfs_read_back_in_every_tool(self):
        with tempfile.TemporaryDirectory() as tmp:
            documents = {"报告.pdf": text_pdf(40), "扫描.pdf": os.urandom(300_000),
                         "大报告.pdf": text_pdf(2700), "大扫描.pdf": os.urandom(9 << 20)}
            inputs = []
            for i, (name, data) in enumerate(documents.items()):
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
                with open(VALID[i % len(VALID)], encoding="utf-8") as f:
                    s = json.load(f)
                s["title"] += f"（材料{i + 1}）"
                s["document"] = name
                path = os.path.join(tmp, f"{i}.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(s, f, ensure_ascii=False)
                inputs.append(path)
            self.assertGreater(len(documents["大报告.pdf"]), 8 << 20)
            out = os.path.join(tmp, "p.zip")
            r = run("pack", "-o", out, *inputs)
            self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())
            with zipfile.ZipFile(out) as z:
                self.assertIsNone(z.testzip())
                by_size = {i.file_size: i.compress_type for i in z.infolist() if not i.is_dir()}
            for name, data in documents.items():
                expected = zipfile.ZIP_STORED if "扫描" in name else zipfile.ZIP_DEFLATED
                self.assertEqual(by_size.get(len(data)), expected, name)
            readers = Readers()
            readers.tmp = tmp
            extracted = [readers.extract(tool, out) for tool in ("unzip", "7z", "bsdtar")]
            for files in extracted:
                self.assertEqual(sorted(files.values(), key=len), sorted(documents.values(), key=len))


class PackCommand(unittest.TestCase):
    def test_refuses_a_faulty_batch(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "p.zip")
            r = run("pack", "-o", out, *VALID, os.path.join(SAMPLES, "faulty-many-mistakes.json"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("package.refused", r.stdout.decode())
            self.assertIn("未生成压缩包", r.stdout.decode())
            self.assertEqual(os.listdir(tmp), [])

    def test_says_where_the_files_are(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = run("pack", "-o", os.path.join(tmp, "p.zip"), "--numbering", "global", *VALID)
            self.assertEqual(r.returncode, 0, r.stdout.decode())
            self.assertIn("已生成压缩包", r.stdout.decode())
            self.assertIn("p-汇总表.xlsx", r.stdout.decode())
            names = python_names(os.path.join(tmp, "p.zip"))
            numbers = sorted(int(n.split("/")[1].split(".")[0]) for n in names)
            self.assertEqual(numbers, list(range(1, len(VALID) + 1)))

    def test_usage(self):
        self.assertEqual(run("pack").returncode, 2)
        self.assertEqual(run("pack", "-o", "x.zip").returncode, 2)
        self.assertEqual(run("pack", "-o", "x.zip", "--numbering", "odd", VALID[0]).returncode, 2)
        self.assertEqual(run("pack", "-o", "/nonexistent/dir/x.zip", VALID[0]).returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)

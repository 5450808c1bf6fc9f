#!/usr/bin/env python3
"""The `zhinan` command as a clerk and a script run it: outputs, messages, exit codes."""
import glob
import os
import subprocess
import tempfile
import unittest

CLI = os.environ["ZHINAN_CLI"]
SAMPLES = os.environ["ZHINAN_SAMPLES"]


def run(*args, stdin=b""):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, timeout=120)


class Basics(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^zhinan \d+\.\d+\.\d+\n$")

    def test_help_is_chinese_first(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        self.assertIn("用法", out)
        self.assertLess(out.index("用法"), out.index("Usage"))
        self.assertIn("format", out)

    def test_help_in_english_only(self):
        out = run("--lang", "en", "--help").stdout.decode()
        self.assertNotIn("用法", out)
        self.assertIn("Usage", out)

    def test_unknown_command_is_usage_error(self):
        r = run("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn("未知命令", r.stderr.decode())

    def test_no_arguments_is_usage_error(self):
        self.assertEqual(run().returncode, 2)


class Format(unittest.TestCase):
    def test_samples_are_a_fixed_point(self):
        files = sorted(glob.glob(os.path.join(SAMPLES, "*.json")))
        self.assertGreaterEqual(len(files), 6)
        for path in files:
            with self.subTest(path=os.path.basename(path)):
                first = run("format", path)
                self.assertEqual(first.returncode, 0, first.stderr.decode())
                second = run("format", "-", stdin=first.stdout)
                self.assertEqual(second.returncode, 0)
                self.assertEqual(first.stdout, second.stdout)

    def test_labels_become_codes(self):
        doc = '{"format":"zhinan.suggestion/1","region":"港澳台地区","industry":"现代海洋"}'
        out = run("format", "-", stdin=doc.encode()).stdout.decode()
        self.assertIn('"region": "hk_macao_taiwan"', out)
        self.assertIn('"industry": "modern_marine"', out)

    def test_missing_file_is_io_error(self):
        r = run("format", "/nonexistent/x.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("无法读取", r.stderr.decode())

    def check_broken(self, data, rule, located=True):
        r = run("format", "-", stdin=data)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("[" + rule + "]", err)
        if located:
            self.assertRegex(err, r"^-:\d+:\d+: 错误")
        return err

    def test_truncated(self):
        self.check_broken(b'{"format": "zhinan.suggestion/1", "title": "x', "format.json_invalid")

    def test_invalid_utf8(self):
        self.check_broken(b'{"title": "\xff"}', "format.utf8_invalid")

    def test_gbk_gets_a_hint(self):
        err = self.check_broken('{"title": "氢能"}'.encode("gbk"), "format.utf8_invalid")
        self.assertIn("GBK", err)
        self.assertIn("另存为", err)

    def test_wrong_type_names_the_field(self):
        r = run("format", "-", stdin=b'{"format":"zhinan.suggestion/1","title":5}')
        self.assertEqual(r.returncode, 1)
        self.assertIn("[format.wrong_type] /title", r.stderr.decode())

    def test_ten_megabyte_string(self):
        doc = '{"format":"zhinan.suggestion/1","overview":"' + "氢" * 3_500_000 + '"}'
        r = run("format", "-", stdin=doc.encode())
        self.assertEqual(r.returncode, 0)
        self.assertGreater(len(r.stdout), 10_000_000)

    def test_deep_nesting(self):
        self.check_broken(b"[" * 100_000, "format.json_invalid")

    def test_empty(self):
        self.check_broken(b"", "format.json_invalid")

    def test_binary(self):
        self.check_broken(bytes(range(256)) * 4, "format.json_invalid")

    def test_bom_reads(self):
        r = run("format", "-", stdin=b'\xef\xbb\xbf{"format":"zhinan.suggestion/1","title":"x"}')
        self.assertEqual(r.returncode, 0)

    def test_english_messages(self):
        r = run("--lang", "en", "format", "-", stdin=b"{")
        self.assertIn("line 1", r.stderr.decode())
        self.assertNotIn("第1行", r.stderr.decode())

    def test_non_ascii_file_name(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "指南建议（草稿）.json")
            with open(path, "wb") as f:
                f.write('{"format":"zhinan.suggestion/1","title":"氢能"}'.encode())
            self.assertEqual(run("format", path).returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""The `zhinan` command as a clerk and a script run it: outputs, messages, exit codes."""
import glob
import json
import shutil
import os
import subprocess
import tempfile
import threading
import time
import unittest
import zipfile

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

    def test_a_big_string_reads_and_a_file_over_the_limit_is_refused(self):
        doc = '{"format":"zhinan.suggestion/1","overview":"' + "氢" * 1_300_000 + '"}'
        r = run("format", "-", stdin=doc.encode())
        self.assertEqual(r.returncode, 0)
        self.assertGreater(len(r.stdout), 3_900_000)
        doc = '{"format":"zhinan.suggestion/1","overview":"' + "氢" * 3_500_000 + '"}'
        r = run("format", "-", stdin=doc.encode())  # 10 MB, over limits.max_suggestion_bytes
        self.assertEqual(r.returncode, 1)
        self.assertIn("format.too_large", r.stderr.decode())

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


class Validate(unittest.TestCase):
    def samples(self, pattern):
        return sorted(glob.glob(os.path.join(SAMPLES, pattern)))

    def test_valid_samples_pass(self):
        r = run("validate", *self.samples("valid-*.json"))
        out = r.stdout.decode()
        self.assertEqual(r.returncode, 0, out)
        self.assertIn("通过", out)
        self.assertNotIn("不通过：", out)
        self.assertIn("0 个不通过", out)

    def test_faulty_sample_fails_with_the_clerks_words(self):
        r = run("validate", os.path.join(SAMPLES, "faulty-many-mistakes.json"))
        out = r.stdout.decode()
        self.assertEqual(r.returncode, 1)
        self.assertIn("不通过：12 个错误，1 个警告", out)
        self.assertIn("【项目概述】项目概述超过1000字（现1164字", out)
        self.assertIn("[overview.too_long /overview]", out)
        # Chinese first, the English under it.
        self.assertLess(out.index("项目概述超过1000字"), out.index("over the limit of 1000"))

    def test_english_only(self):
        r = run("--lang", "en", "validate", os.path.join(SAMPLES, "faulty-many-mistakes.json"))
        out = r.stdout.decode()
        self.assertIn("FAIL: 12 errors, 1 warning", out)
        self.assertNotIn("1 warnings", out)
        self.assertNotIn("不通过", out)

    def test_json_output_has_every_field(self):
        files = self.samples("*.json")
        r = run("validate", "--format", "json", *files)
        self.assertEqual(r.returncode, 1)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["summary"]["files"], len(files))
        self.assertEqual(doc["summary"]["errors"], 12)
        for d in doc["diagnostics"]:
            for key in ("file", "id", "severity", "path", "message_zh", "message_en"):
                self.assertIn(key, d)
        expected = set()
        with open(os.path.join(SAMPLES, "faulty-many-mistakes.expected.txt"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rule, path = line.split()
                    expected.add((rule, path))
        found = {(d["id"], d["path"]) for d in doc["diagnostics"]
                 if d["file"].endswith("faulty-many-mistakes.json")}
        self.assertEqual(found, expected)

    def test_draft_mode_turns_missing_into_warnings(self):
        doc = b'{"format":"zhinan.suggestion/1","overview":"x"}'
        submit = run("validate", "--format", "json", "-", stdin=doc)
        draft = run("validate", "--mode", "draft", "--format", "json", "-", stdin=doc)
        self.assertEqual(submit.returncode, 1)
        sev = {d["id"]: d["severity"] for d in json.loads(draft.stdout)["diagnostics"]}
        self.assertEqual(sev["title.missing"], "warning")
        self.assertEqual(sev["type.none"], "error")  # not a *missing rule
        self.assertEqual(draft.returncode, 1)

    def test_broken_file_is_reported_with_line_and_column(self):
        r = run("validate", "--format", "json", "-", stdin=b'{"format":"zhinan.suggestion/1",\n"title": }')
        self.assertEqual(r.returncode, 1)
        d = json.loads(r.stdout)["diagnostics"][0]
        self.assertEqual(d["id"], "format.json_invalid")
        self.assertEqual(d["line"], 2)

    def test_profile_option(self):
        with tempfile.TemporaryDirectory() as tmp:
            profile_src = os.path.join(os.path.dirname(SAMPLES), "..", "data", "profiles", "shandong-2025.json")
            with open(profile_src, encoding="utf-8") as f:
                profile = json.load(f)
            profile["severity_overrides"] = {"key_tech.too_many": "warning"}
            path = os.path.join(tmp, "profile.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(profile, f, ensure_ascii=False)
            r = run("validate", "--profile", path, "--format", "json",
                    os.path.join(SAMPLES, "faulty-many-mistakes.json"))
            sev = {d["id"]: d["severity"] for d in json.loads(r.stdout)["diagnostics"]}
            self.assertEqual(sev["key_tech.too_many"], "warning")
            bad = os.path.join(tmp, "bad.json")
            with open(bad, "w") as f:
                f.write("{}")
            r = run("validate", "--profile", bad, os.path.join(SAMPLES, "valid-sco.json"))
            self.assertEqual(r.returncode, 2)
            self.assertIn("profile.invalid", r.stderr.decode())

    def test_usage_errors(self):
        self.assertEqual(run("validate").returncode, 2)
        self.assertEqual(run("validate", "--mode", "final", "x.json").returncode, 2)
        self.assertEqual(run("validate", "--bogus", "x.json").returncode, 2)
        self.assertEqual(run("validate", "/nonexistent.json").returncode, 2)


class Batch(unittest.TestCase):
    """三(三) across the files given together, and against already funded work."""

    def test_the_same_file_twice_is_a_duplicate_of_the_same_proposer(self):
        sco = os.path.join(SAMPLES, "valid-sco.json")
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "copy.json")
            shutil.copy(sco, copy)
            r = run("validate", "--format", "json", sco, copy)
            self.assertEqual(r.returncode, 1)
            about_copy = {d["id"] for d in json.loads(r.stdout)["diagnostics"] if d["file"] == copy}
            self.assertEqual(about_copy, {"batch.proposer_multiple", "batch.duplicate"})

    def test_many_files_are_reported_in_the_order_given(self):
        """Files are checked on every core; the report keeps the order of the command line
        (unreadable, faulty, Word forms and standard input among them) and is the same each run."""
        samples = sorted(glob.glob(os.path.join(SAMPLES, "*.json")))
        forms = sorted(glob.glob(os.path.join(SAMPLES, "forms", "*.docx")))
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for i in range(36):
                source = samples[i % len(samples)]
                with open(source, encoding="utf-8") as f:
                    s = json.load(f)
                s["title"] = f"{s.get('title', '')}（第{i}份）"
                path = os.path.join(tmp, f"{35 - i:02d}.json")  # names sort against the order given
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(s, f, ensure_ascii=False)
                files.append(path)
            files[5:5] = [os.path.join(tmp, "没有这个文件.json")]
            files[20:20] = forms[:2]
            files[11:11] = ["-"]
            with open(samples[0], "rb") as f:
                piped = f.read()
            runs = [run("validate", "--format", "json", *files, stdin=piped) for _ in range(3)]
            self.assertEqual(runs[0].returncode, 2)  # one file cannot be read
            report = json.loads(runs[0].stdout)
            self.assertEqual([f["file"] for f in report["files"]], files)
            self.assertEqual(report["files"][5]["status"], "unread")
            self.assertEqual(report["files"][11]["title"], json.loads(piped)["title"])
            order = {name: k for k, name in enumerate(files)}
            places = [order[d["file"]] for d in report["diagnostics"]]
            self.assertEqual(places, sorted(places))  # findings grouped file by file, in that order
            self.assertTrue(all(r.stdout == runs[0].stdout for r in runs))

    def test_registry_as_json_lines_and_as_a_saved_index(self):
        with open(os.path.join(SAMPLES, "valid-hk-macao-taiwan.json"), encoding="utf-8") as f:
            sample = json.load(f)
        funded = {"id": "2023-GHZ-017", "year": 2023, "title": sample["title"],
                  "abstract": sample["overview"], "unit": "青岛某研究院"}
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = os.path.join(tmp, "funded.jsonl")
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write(json.dumps(funded, ensure_ascii=False) + "\n")
            index = os.path.join(tmp, "funded.idx")
            r = run("registry", jsonl, "-o", index)
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertIn("已为1个已立项项目建立索引", r.stdout.decode())
            for registry in (jsonl, index):
                r = run("validate", "--format", "json", "--registry", registry,
                        os.path.join(SAMPLES, "valid-hk-macao-taiwan.json"), os.path.join(SAMPLES, "valid-sco.json"))
                self.assertEqual(r.returncode, 0)  # a warning, not an error
                found = [d for d in json.loads(r.stdout)["diagnostics"] if d["id"] == "history.similar_funded"]
                self.assertEqual(len(found), 1)
                self.assertIn("2023-GHZ-017", found[0]["message_zh"])
                self.assertTrue(found[0]["file"].endswith("valid-hk-macao-taiwan.json"))
            with open(index, "r+b") as f:
                f.truncate(100)
            r = run("validate", "--registry", index, os.path.join(SAMPLES, "valid-sco.json"))
            self.assertEqual(r.returncode, 2)
            self.assertIn("registry.index_invalid", r.stderr.decode())
        self.assertEqual(run("registry").returncode, 2)


class Count(unittest.TestCase):
    def count(self, text, *mode):
        r = run("count", *mode, "-", stdin=text.encode())
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return int(r.stdout)

    def test_word_count_as_word_does(self):
        self.assertEqual(self.count("東京2024オリンピック"), 9)
        self.assertEqual(self.count("Hello、World。"), 4)
        self.assertEqual(self.count("氢" * 1000), 1000)

    def test_modes(self):
        self.assertEqual(self.count("a b\n", "--mode", "chars"), 2)
        self.assertEqual(self.count("a b\n", "--mode", "chars-with-spaces"), 3)
        self.assertEqual(self.count("👨‍👩‍👧", "--mode", "graphemes"), 1)

    def test_file_argument(self):
        self.assertEqual(int(run("count", os.path.join(SAMPLES, "valid-sco.json")).stdout) > 100, True)

    def test_usage(self):
        self.assertEqual(run("count", "--mode", "letters").returncode, 2)
        self.assertEqual(run("count", "/nonexistent").returncode, 2)

    # A text larger than the command's read buffer (256 KiB for a file, 64 KiB for standard
    # input), so that buffers end inside a UTF-8 sequence, a Latin word, a cluster.
    UNIT = "東京2024オリンピック𠀀😀 Hello、World。e\u0301x 👨\u200d👩\u200d👧🇨🇳 含盐量0.4%的盐碱地\r\n"
    MODES = ("word", "chars", "chars-with-spaces", "graphemes")

    def count_file(self, data, *mode):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "big.txt")
            with open(path, "wb") as f:
                f.write(data)
            r = run("count", *mode, path)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return int(r.stdout)

    def test_a_file_larger_than_the_buffer_counts_as_the_whole_text(self):
        # Each unit ends a line, where no count carries anything over: the whole is the
        # unit's count (as the library counts it, in one piece) times the units.
        times = 1_000_003 // len(self.UNIT.encode())  # ~1 MB, not a multiple of the buffer
        for mode in self.MODES:
            with self.subTest(mode=mode):
                unit = self.count(self.UNIT, "--mode", mode)
                self.assertEqual(self.count_file((self.UNIT * times).encode(), "--mode", mode), unit * times)
                self.assertEqual(self.count((self.UNIT * times), "--mode", mode), unit * times)  # stdin

    def test_runs_and_sequences_across_buffers(self):
        word = b"x" * 700_001  # one Latin word over three buffers
        self.assertEqual(self.count_file(word), 1)
        self.assertEqual(self.count_file(word, "--mode", "chars"), len(word))
        ideographs = b"a" + "𠀀".encode() * 200_000  # 4-byte sequences, the buffers cut inside them
        self.assertEqual(self.count_file(ideographs), 200_001)
        self.assertEqual(self.count_file(ideographs, "--mode", "graphemes"), 200_001)
        self.assertEqual(self.count(ideographs.decode()), 200_001)
        marks = ("e" + "\u0301" * 200_000).encode()  # one cluster of 400 KB
        self.assertEqual(self.count_file(marks, "--mode", "graphemes"), 1)
        self.assertEqual(self.count_file(marks), 1)
        bad = b"\xe4\xb8" * 300_000  # truncated sequences all through: each byte a U+FFFD
        self.assertEqual(self.count_file(bad, "--mode", "chars"), 600_000)
        self.assertEqual(self.count_file(bad + "中".encode()), 2)

    def test_what_is_no_file_is_refused_as_before(self):
        for path, reason in (("/dev/zero", "is not a regular file"), (tempfile.gettempdir(), "is a folder")):
            with self.subTest(path=path):
                r = run("--lang", "en", "count", path)
                self.assertEqual(r.returncode, 2)
                self.assertIn("io.read_failed", r.stderr.decode())
                self.assertIn(reason, r.stderr.decode())
                self.assertEqual(r.stdout, b"")
        r = run("count", "-", stdin=b"a" * (LIMIT + 1))
        self.assertEqual((r.returncode, r.stdout), (1, b""))
        self.assertIn("format.too_large", r.stderr.decode())
        self.assertEqual(self.count("a" * LIMIT), 1)  # at the limit it is counted


class Name(unittest.TestCase):
    def test_forbidden_characters_become_readable(self):
        r = run("name", 'a:b?"c"', "CON")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode().splitlines(), ["a：b？“c”", "CON＿"])
        self.assertIn("[name.device_name]", r.stderr.decode())

    def test_entry_name_like_the_call(self):
        r = run("name", "--number", "1", "--unit", "建议单位", "--ext", "docx", "项目名称")
        self.assertEqual(r.stdout.decode(), "1.项目名称-建议单位.docx\n")
        self.assertEqual(r.stderr, b"")

    def test_long_title_is_shortened_within_255_bytes(self):
        r = run("name", "--number", "7", "--unit", "山东大学", "--ext", "pdf", "氢" * 300)
        name = r.stdout.decode().strip()
        self.assertLessEqual(len(name.encode()), 255)
        self.assertTrue(name.startswith("7.") and name.endswith("-山东大学.pdf"))
        self.assertIn("[name.shortened_title]", r.stderr.decode())

    def test_usage(self):
        self.assertEqual(run("name").returncode, 2)
        self.assertEqual(run("name", "--number", "x", "--unit", "u", "t").returncode, 2)


class WordForms(unittest.TestCase):
    """A unit's Word form read, checked and packed directly (SPEC.md, import)."""

    @classmethod
    def setUpClass(cls):
        import glob
        import tempfile
        import zipfile
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        samples = sorted(glob.glob(os.path.join(SAMPLES, "valid-*.json")))
        package = os.path.join(cls.dir, "rendered.zip")
        r = run("pack", "-o", package, "--department", "青岛市科学技术局", *samples)
        assert r.returncode == 0, r.stderr.decode()
        cls.forms = {}
        with zipfile.ZipFile(package) as z:
            for info in z.infolist():
                if info.filename.endswith(".docx"):
                    data = z.read(info)
                    title = info.filename.split("/", 1)[1].split(".", 1)[1].rsplit("-", 1)[0]
                    path = os.path.join(cls.dir, "%d.docx" % len(cls.forms))
                    with open(path, "wb") as f:
                        f.write(data)
                    cls.forms[title] = path
        cls.samples = {}
        for sample in samples:
            data = json.loads(run("format", sample).stdout)
            cls.samples[data["title"]] = data

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @staticmethod
    def comparable(data):
        data = dict(data)
        for key in ("department", "document", "report_document"):
            data.pop(key, None)
        funding = data.get("funding", {})
        for key in list(funding):
            funding[key] = str(float(funding[key]))
        return data

    def test_import_reads_the_form_back_field_for_field(self):
        for title, path in self.forms.items():
            r = run("import", path)
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertEqual(r.stderr, b"", title)
            self.assertEqual(self.comparable(json.loads(r.stdout)), self.comparable(self.samples[title]), title)

    def test_import_writes_atomically_with_o_and_findings_as_json(self):
        path = next(iter(self.forms.values()))
        out = os.path.join(self.dir, "out.json")
        r = run("import", "-o", out, "--format", "json", path)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b"")
        with open(out, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["format"], "zhinan.suggestion/1")
        self.assertEqual(json.loads(r.stderr)["diagnostics"], [])

    def test_validate_takes_word_forms_and_the_department_from_the_option(self):
        paths = list(self.forms.values())
        r = run("validate", "--department", "青岛市科学技术局", *paths)
        self.assertEqual(r.returncode, 0, r.stdout.decode())
        r = run("validate", "--format", "json", paths[0])
        self.assertEqual(r.returncode, 1)
        ids = [d["id"] for d in json.loads(r.stdout)["diagnostics"]]
        self.assertEqual(ids, ["department.missing"])

    def test_pack_packages_each_unit_file_byte_for_byte(self):
        import zipfile
        out = os.path.join(self.dir, "部门.zip")
        r = run("pack", "-o", out, "--department", "青岛市科学技术局", *self.forms.values())
        self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())
        originals = {}
        for path in self.forms.values():
            with open(path, "rb") as f:
                originals[f.read()] = path
        with zipfile.ZipFile(out) as z:
            entries = [i for i in z.infolist() if i.filename.endswith(".docx")]
            self.assertEqual(len(entries), len(self.forms))
            for info in entries:
                self.assertIn(z.read(info), originals, info.filename)

    def test_a_json_whose_document_is_a_form_is_checked_against_it(self):
        title, form = next(iter(self.forms.items()))
        data = dict(self.samples[title])
        data["document"] = os.path.basename(form)
        path = os.path.join(self.dir, "同一建议.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        r = run("validate", "--format", "json", path)
        self.assertNotIn("import.embedded_differs", [d["id"] for d in json.loads(r.stdout)["diagnostics"]])
        data["title"] = "另一个项目名称"
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        r = run("validate", "--format", "json", path)
        found = [d for d in json.loads(r.stdout)["diagnostics"] if d["id"] == "import.embedded_differs"]
        self.assertEqual([d["path"] for d in found], ["/title"])
        self.assertIn("另一个项目名称", found[0]["message_zh"])

    def test_what_is_no_form_says_what_it_is(self):
        pdf = os.path.join(self.dir, "扫描件.pdf")
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")
        r = run("import", pdf)
        self.assertEqual(r.returncode, 1)
        self.assertIn("[import.not_docx]", r.stderr.decode())
        self.assertIn("PDF", r.stderr.decode())
        self.assertEqual(r.stdout, b"")
        doc = os.path.join(self.dir, "旧格式.doc")
        with open(doc, "wb") as f:
            f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
        r = run("import", doc)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr.decode(), r"\[import\.(format_unsupported|not_docx)\]")
        self.assertEqual(run("import").returncode, 2)
        self.assertEqual(run("import", os.path.join(self.dir, "无此文件.docx")).returncode, 2)


LIMIT = 4 * 1024 * 1024  # the built-in profile's limits.max_suggestion_bytes


class UnreadableInput(unittest.TestCase):
    """Issue 12: a file that cannot be read is in the JSON report with its finding, and
    standard input is read no further than the profile's size limit."""

    def test_json_report_lists_a_file_that_cannot_be_read(self):
        missing = "/nonexistent/missing.json"
        sco = os.path.join(SAMPLES, "valid-sco.json")
        r = run("validate", "--format", "json", missing, sco)
        self.assertEqual(r.returncode, 2)  # an I/O failure, as before
        self.assertIn("无法读取", r.stderr.decode())
        doc = json.loads(r.stdout)
        self.assertEqual([f["file"] for f in doc["files"]], [missing, sco])
        self.assertEqual(doc["files"][0]["errors"], 1)
        self.assertEqual(doc["summary"], {"files": 2, "failing": 1, "unread": 1, "errors": 1, "warnings": 0})
        self.assertEqual([f["status"] for f in doc["files"]], ["unread", "pass"])
        [d] = [d for d in doc["diagnostics"] if d["file"] == missing]
        self.assertEqual((d["id"], d["severity"]), ("io.read_failed", "error"))
        self.assertIn("无法读取文件", d["message_zh"])
        self.assertIn("cannot read", d["message_en"])
        # The text report counts it too.
        r = run("validate", missing, sco)
        self.assertEqual(r.returncode, 2)
        self.assertIn("[io.read_failed]", r.stdout.decode())
        self.assertIn("合计：2 个文件，1 个不通过；1 个错误", r.stdout.decode())

    def test_import_json_lists_a_file_that_cannot_be_read(self):
        r = run("import", "--format", "json", "/nonexistent/form.docx")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b"")
        doc = json.loads(r.stderr)  # import's findings go to stderr
        self.assertEqual(doc["files"][0]["file"], "/nonexistent/form.docx")
        self.assertEqual([d["id"] for d in doc["diagnostics"]], ["io.read_failed"])
        self.assertEqual(doc["summary"]["errors"], 1)

    def run_bounded(self, *args):
        """Runs the CLI on /dev/zero as standard input: exit code, stdout, stderr, seconds and
        its own peak RSS in MB (os.wait4), killed after the time limit."""
        seconds, megabytes = 20, 200
        if "ASAN_OPTIONS" in os.environ:  # redzones and quarantine: the same bounds, scaled
            seconds, megabytes = seconds * 4, megabytes * 4
        with open("/dev/zero", "rb") as zero, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.monotonic()
            p = subprocess.Popen([CLI, *args], stdin=zero, stdout=out, stderr=err)
            timer = threading.Timer(seconds, p.kill)
            timer.start()
            try:
                _, status, usage = os.wait4(p.pid, 0)
            finally:
                timer.cancel()
            p.returncode = os.waitstatus_to_exitcode(status)
            took = time.monotonic() - start
            out.seek(0)
            err.seek(0)
            result = p.returncode, out.read(), err.read().decode("utf-8", "replace")
        self.assertLess(took, seconds, args)
        self.assertLess(usage.ru_maxrss / 1024, megabytes, args)
        return result

    def test_endless_standard_input_stops_at_the_limit(self):
        with tempfile.TemporaryDirectory() as tmp:
            for args in (["validate", "-"], ["format", "-"], ["count", "-"], ["summary", "-"], ["import", "-"],
                         ["pack", "-o", os.path.join(tmp, "p.zip"), "-"]):
                with self.subTest(args=args):
                    code, out, err = self.run_bounded(*args)
                    self.assertEqual(code, 1)
                    self.assertIn("format.too_large", out.decode() + err)
                    self.assertIn("标准输入超过上限", out.decode() + err)
            self.assertEqual(os.listdir(tmp), [])
        code, out, _ = self.run_bounded("--lang", "en", "validate", "--format", "json", "-")
        self.assertEqual(code, 1)
        doc = json.loads(out)
        [d] = doc["diagnostics"]
        self.assertEqual((d["file"], d["id"], d["params"]["limit"]), ("-", "format.too_large", str(LIMIT)))
        self.assertEqual(doc["summary"], {"files": 1, "failing": 1, "unread": 1, "errors": 1, "warnings": 0})

    def test_standard_input_at_the_limit_is_read(self):
        doc = b'{"format":"zhinan.suggestion/1","title":"x"}'
        at_limit = doc + b" " * (LIMIT - len(doc))
        r = run("format", "-", stdin=at_limit)
        self.assertEqual(r.returncode, 0, r.stderr.decode()[:300])
        r = run("format", "-", stdin=at_limit + b" ")
        self.assertEqual(r.returncode, 1)
        self.assertIn("format.too_large", r.stderr.decode())

    def test_a_word_form_on_standard_input_may_be_larger(self):
        # A form with a 5 MB photo: over the JSON limit, within the Word form's.
        form = sorted(glob.glob(os.path.join(SAMPLES, "forms", "*.docx")))[0]
        with tempfile.TemporaryDirectory() as tmp:
            big = os.path.join(tmp, "big.docx")
            with zipfile.ZipFile(form) as z, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as out:
                for info in z.infolist():
                    out.writestr(info, z.read(info.filename))
                out.writestr("word/media/photo.bin", os.urandom(5 * 1024 * 1024), zipfile.ZIP_STORED)
            with open(big, "rb") as f:
                data = f.read()
        self.assertGreater(len(data), LIMIT)
        r = run("import", "-", stdin=data)
        self.assertEqual(r.returncode, 0, r.stderr.decode()[:300])
        self.assertEqual(json.loads(r.stdout)["format"], "zhinan.suggestion/1")

ROOT = os.path.normpath(os.path.join(SAMPLES, "..", ".."))
SCO = os.path.join(SAMPLES, "valid-sco.json")
FAULTY = os.path.join(SAMPLES, "faulty-many-mistakes.json")
COMMANDS = ["import", "validate", "pack", "audit", "registry", "count", "name", "format", "summary"]


class PackReport(unittest.TestCase):
    """Issue 13.1: the package's own findings stand under their own heading, not as a file."""

    def test_a_refused_package_is_not_counted_as_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "青岛.zip")
            r = run("pack", "-o", out, FAULTY, SCO)
            self.assertEqual(r.returncode, 1)
            text = r.stdout.decode()
            self.assertIn("合计：2 个文件，1 个不通过；12 个错误", text)  # was 3 files, 2 failing, 13 errors
            self.assertNotIn("== " + out + "\n", text)                   # the package is no file
            section = text.index("== 打包 " + out)
            self.assertGreater(section, text.index("== " + SCO))          # after the files
            self.assertLess(section, text.index("[package.refused]"))     # the refusal under it
            self.assertLess(text.index("[package.refused]"), text.index("合计"))
            self.assertIn("未生成压缩包", text[section:])
            self.assertEqual(os.listdir(tmp), [])
            r = run("--lang", "en", "pack", "-o", out, FAULTY, SCO)
            text = r.stdout.decode()
            self.assertIn("== package " + out, text)
            self.assertIn("Total: 2 files, 1 failing; 12 errors, 1 warning", text)
            self.assertIn("12 errors in 1 suggestion;", text)

    def test_a_failed_write_is_the_package_s_finding(self):
        out = "/nonexistent/dir/x.zip"
        r = run("pack", "-o", out, SCO)
        self.assertEqual(r.returncode, 2)
        text = r.stdout.decode()
        self.assertIn("== 打包 " + out, text)
        self.assertIn("[package.write_failed]", text)
        self.assertIn("合计：1 个文件，0 个不通过", text)


class Usage(unittest.TestCase):
    """Issue 13.2: a usage error says what is missing, then the usage."""

    def test_pack_without_output_says_so(self):
        r = run("pack", "bad.json")
        self.assertEqual(r.returncode, 2)
        err = r.stderr.decode()
        self.assertIn("缺少 -o 输出.zip：请指定压缩包的保存位置，例如 -o 青岛市指南建议.zip", err)
        self.assertLess(err.index("缺少 -o"), err.index("用法：zhinan pack -o 输出.zip"))
        self.assertNotIn("缺少要打包的文件", err)

    def test_pack_without_files_says_so(self):
        err = run("pack", "-o", "x.zip").stderr.decode()
        self.assertIn("缺少要打包的文件", err)
        self.assertLess(err.index("缺少要打包的文件"), err.index("用法："))
        self.assertNotIn("缺少 -o", err)

    def test_everything_missing_is_said_at_once_and_in_english_alone(self):
        err = run("pack").stderr.decode()
        self.assertIn("缺少 -o 输出.zip", err)
        self.assertIn("缺少要打包的文件", err)
        self.assertEqual(err.count("用法："), 1)
        err = run("--lang", "en", "pack").stderr.decode()
        self.assertIn("-o OUT.zip is missing", err)
        self.assertIn("no file to pack", err)
        self.assertNotIn("缺少", err)

    def test_other_commands_say_what_is_missing(self):
        for args, says in ((["validate"], "缺少要检查的文件"), (["registry", "x.jsonl"], "缺少 -o 索引文件"),
                           (["registry", "-o", "x.idx"], "缺少已立项项目清单"), (["import"], "缺少要读取的 Word 表格"),
                           (["audit"], "缺少要审核的压缩包"), (["format"], "缺少要格式化的 JSON 文件"),
                           (["import", "a.docx", "b.docx"], "最多只能给出1个"),
                           (["validate", "--bogus", "x.json"], "未知选项“--bogus”"),
                           (["pack", "-o"], "选项 -o 后缺少取值")):
            with self.subTest(args=args):
                r = run(*args)
                self.assertEqual(r.returncode, 2)
                err = r.stderr.decode()
                self.assertIn(says, err)
                self.assertIn("用法：zhinan " + args[0], err)


class OptionValues(unittest.TestCase):
    """Issue 13.3: every option's value is checked: exit 2, what is wrong and an example."""

    WRONG = [
        (["pack", "-o", "x.zip", "--phone", "12345"], "--phone", "0531-86123456"),
        (["pack", "-o", "x.zip", "--date", "昨天"], "--date", "2025年3月10日"),
        (["pack", "-o", "x.zip", "--date", "2025-02-29"], "--date", "2025年3月10日"),
        (["pack", "-o", "x.zip", "--department", "  "], "--department", "青岛市科学技术局"),
        (["pack", "-o", "x.zip", "--contact", "\u3000"], "--contact", "张明"),
        (["pack", "-o", "x.zip", "--numbering", "odd"], "--numbering", "global"),
        (["pack", "-o", "x.zip", "--time", "2025-02-30T00:00:00"], "--time", "2025-03-10T09:00:00"),
        (["pack", "-o", "青岛市"], "-o", "青岛市指南建议.zip"),
        (["pack", "-o", "x.zip", "--documents-root", ""], "--documents-root", "单位材料"),
        (["validate", "--mode", "final"], "--mode", "draft"),
        (["validate", "--format", "xml"], "--format", "json"),
        (["validate", "--department", " "], "--department", "青岛市科学技术局"),
        (["validate", "--profile", ""], "--profile", "山东2026.json"),
        (["audit", "--format", "pdf"], "--format", "html"),
        (["audit", "--mode", "final"], "--mode", "submit"),
        (["import", "--format", "xml"], "--format", "json"),
        (["count", "--mode", "letters"], "--mode", "chars"),
        (["name", "--number", "x", "--unit", "u"], "--number", "1"),
        (["name", "--number", "-1", "--unit", "u"], "--number", "1"),
    ]

    def test_wrong_values_are_refused_with_an_example(self):
        for args, option, example in self.WRONG:
            with self.subTest(args=args):
                r = run(*args, "a.json")
                self.assertEqual(r.returncode, 2, r.stderr.decode())
                err = r.stderr.decode()
                self.assertIn("选项 " + option + " 的取值", err)
                self.assertIn("例如 " + option + " " + example, err)
                self.assertIn("e.g. " + option + " " + example, err)
        r = run("--lang", "fr", "validate", SCO)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--lang", r.stderr.decode())

    def test_every_wrong_value_is_said_at_once(self):
        err = run("pack", "-o", "x.zip", "--phone", "12345", "--date", "昨天", "a.json").stderr.decode()
        self.assertIn("选项 --phone 的取值“12345”有误", err)
        self.assertIn("选项 --date 的取值“昨天”有误", err)

    def test_the_phone_rule_is_the_proposers_one(self):
        for phone in ("0535-6913071", "13912345678", "+86 531 8612 3456", "0531-86123456转8001"):
            with self.subTest(phone=phone):
                self.assertEqual(run("pack", "-o", "/nonexistent/x.zip", "--phone", phone, "/nonexistent.json")
                                 .stderr.decode().count("--phone"), 0)
        for phone in ("12345", "1391234567", "6913071", "010-1234567890"):
            with self.subTest(phone=phone):
                self.assertIn("--phone", run("pack", "-o", "x.zip", "--phone", phone, "a.json").stderr.decode())

    def test_dates_are_read_as_clerks_write_them_and_written_one_way(self):
        with tempfile.TemporaryDirectory() as tmp:
            for date in ("2025年3月10日", "2025-03-10", "2025/3/10", "2025.3.10", "２０２５年３月１０日"):
                with self.subTest(date=date):
                    out = os.path.join(tmp, "p.zip")
                    r = run("pack", "-o", out, "--date", date, "--phone", "0532-85911234", "--contact", "张明", SCO)
                    self.assertEqual(r.returncode, 0, r.stderr.decode())
                    with open(os.path.join(tmp, "p-汇总表.csv"), encoding="utf-8-sig") as f:
                        table = f.read()
                    self.assertIn("2025年3月10日", table)
                    self.assertIn("0532-85911234", table)


PLURALS = r"\b1 (files|suggestions|errors|warnings|folders|entries|packages|projects|funded projects|key technologies)\b"


class EnglishCounts(unittest.TestCase):
    """Issue 13.4: one is singular in English."""

    def test_one_of_each(self):
        with tempfile.TemporaryDirectory() as tmp:
            outputs = []
            r = run("--lang", "en", "validate", SCO)
            outputs.append(r.stdout.decode())
            self.assertIn("Total: 1 file, 0 failing; 0 errors, 0 warnings", outputs[-1])
            r = run("--lang", "en", "pack", "-o", os.path.join(tmp, "p.zip"), SCO)
            outputs.append(r.stdout.decode())
            self.assertIn("(1 suggestion in 1 folder)", outputs[-1])
            r = run("--lang", "en", "pack", "-o", os.path.join(tmp, "q.zip"), FAULTY)
            outputs.append(r.stdout.decode())
            self.assertIn("12 errors in 1 suggestion;", outputs[-1])
            outputs.append(run("--lang", "en", "validate", FAULTY).stdout.decode())
            self.assertIn("1 warning", outputs[-1])
            outputs.append(run("--lang", "en", "summary", SCO).stdout.decode())
            jsonl = os.path.join(tmp, "funded.jsonl")
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write('{"id": "X-1", "year": 2023, "title": "氢能", "abstract": "氢能储运", "unit": "某单位"}\n')
            r = run("--lang", "en", "registry", jsonl, "-o", os.path.join(tmp, "f.idx"))
            outputs.append(r.stdout.decode())
            self.assertIn("indexed 1 funded project:", outputs[-1])
            for out in outputs:
                self.assertNotRegex(out, PLURALS)


def option_tokens(text):
    """The option names (-o, --output) a text mentions."""
    import re
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-z])\b", text))


class Help(unittest.TestCase):
    """Issue 13.5: every command takes --help, and its help, the top-level help and README.md list
    what its parser accepts — found by asking the parser, not by a list kept here."""

    @classmethod
    def setUpClass(cls):
        sources = ""
        for path in glob.glob(os.path.join(ROOT, "cli", "*.cpp")):
            with open(path, encoding="utf-8") as f:
                sources += f.read()
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            cls.readme = f.read()
        cls.main_help = run("--help").stdout.decode()
        cls.helps = {c: run(c, "--help").stdout.decode() for c in COMMANDS}
        candidates = option_tokens(sources + cls.readme + cls.main_help + "".join(cls.helps.values()))
        candidates -= {"-"}
        cls.accepted = {}
        for command in COMMANDS:
            cls.accepted[command] = set()
            for token in sorted(candidates):
                r = run("--lang", "en", command, token)
                if "unknown option" not in r.stderr.decode():
                    cls.accepted[command].add(token)

    def aliases(self, command):
        """{-o: --output} as the command's help pairs them."""
        import re
        return dict(re.findall(r"^\s+(-[a-z]), (--[a-z-]+)", self.helps[command], re.M))

    def same_option(self, command, options):
        """Options with an alias count once, by their long name."""
        aliases = self.aliases(command)
        return {aliases.get(o, o) for o in options}

    def test_every_command_takes_help_chinese_first(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                for flag in ("--help", "-h"):
                    r = run(command, flag)
                    self.assertEqual(r.returncode, 0, r.stderr.decode())
                    out = r.stdout.decode()
                    self.assertIn("zhinan " + command, out)
                    self.assertLess(out.index("用法："), out.index("Usage:"))
                en = run("--lang", "en", command, "--help").stdout.decode()
                self.assertIn("Usage:", en)
                self.assertNotIn("用法", en)
                self.assertEqual(run("help", command).stdout, run(command, "--help").stdout)

    def test_the_parser_is_asked(self):
        self.assertIn("--allow-more-key-tech", self.accepted["pack"])
        self.assertIn("--registry", self.accepted["validate"])
        self.assertIn("--time", self.accepted["pack"])
        self.assertNotIn("--time", self.accepted["validate"])
        self.assertNotIn("--bogus", self.accepted["pack"])

    def test_each_command_s_help_lists_what_it_accepts_and_nothing_else(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                listed = option_tokens(self.helps[command])
                self.assertEqual(self.accepted[command] - listed, set(), "accepted, not in the help")
                self.assertEqual(listed - self.accepted[command], set(), "in the help, not accepted")

    def command_part(self, text, command):
        """The lines about `zhinan COMMAND` in a usage listing: its line and those indented under it."""
        lines, inside = [], False
        for line in text.splitlines():
            stripped = line.lstrip()
            if stripped.startswith("zhinan "):
                inside = stripped.startswith("zhinan " + command + " ")
            elif not line.startswith(" ") or not stripped:
                inside = False
            if inside:
                lines.append(line.split("#")[0])
        return "\n".join(lines)

    def check_listing(self, text, where):
        for command in COMMANDS:
            with self.subTest(where=where, command=command):
                part = self.command_part(text, command)
                self.assertTrue(part, "no usage of " + command)
                own = self.accepted[command] - {"-h", "--help", "--lang"}
                listed = option_tokens(part)
                self.assertEqual(self.same_option(command, own) - self.same_option(command, listed), set(),
                                 "accepted, not listed")
                self.assertEqual(listed - self.accepted[command], set(), "listed, not accepted")

    def test_the_top_level_help_agrees(self):
        self.check_listing(self.main_help.split("Usage:")[0], "zhinan --help (Chinese)")
        self.check_listing(self.main_help.split("Usage:")[1], "zhinan --help (English)")

    def test_the_readme_agrees(self):
        part = self.readme.split("## The command-line tool", 1)[1].split("```")[1]
        self.check_listing(part, "README.md")

    def test_modes_are_explained(self):
        for text in (self.helps["validate"], self.readme):
            for says in ("draft", "submit", "title.missing", "type.none", "--allow-more-key-tech", "说明报告"):
                self.assertIn(says, text)


def with_key_technologies(n):
    with open(SCO, encoding="utf-8") as f:
        data = json.load(f)
    model = data["key_technologies"][0]
    data["key_technologies"] = [dict(model, name="关键技术%d" % (i + 1)) for i in range(n)]
    return data


class MoreKeyTechnologies(unittest.TestCase):
    """Issue 13.6: 原则上不超过5项 — a justified sixth, with the department's consent."""

    def test_validate_pack_and_audit_take_the_exception(self):
        with tempfile.TemporaryDirectory() as tmp:
            six = os.path.join(tmp, "six.json")
            with open(six, "w", encoding="utf-8") as f:
                json.dump(with_key_technologies(6), f, ensure_ascii=False)
            r = run("validate", "--format", "json", six)
            self.assertEqual(r.returncode, 1)
            [d] = [d for d in json.loads(r.stdout)["diagnostics"] if d["id"] == "key_tech.too_many"]
            self.assertEqual(d["severity"], "error")
            r = run("validate", "--allow-more-key-tech", "--format", "json", six)
            self.assertEqual(r.returncode, 0, r.stdout.decode())
            [d] = json.loads(r.stdout)["diagnostics"]
            self.assertEqual((d["id"], d["severity"]), ("key_tech.too_many", "warning"))
            self.assertIn("原则上不超过5项", d["message_zh"])
            self.assertIn("须在说明报告中说明超过5项的理由", d["message_zh"])
            self.assertIn("must give the reason", d["message_en"])
            r = run("validate", "--allow-more-key-tech", six)
            self.assertIn("警告  【关键科学问题及技术清单】", r.stdout.decode())
            out = os.path.join(tmp, "p.zip")
            r = run("pack", "-o", out, six)
            self.assertEqual(r.returncode, 1)
            self.assertFalse(os.path.exists(out))
            r = run("pack", "-o", out, "--allow-more-key-tech", six)
            self.assertEqual(r.returncode, 0, r.stdout.decode())
            self.assertIn("[key_tech.too_many", r.stdout.decode())
            self.assertIn("已生成压缩包", r.stdout.decode())
            self.assertTrue(os.path.exists(out))
            # The province audits that package under the same exception, or without it.
            r = run("audit", "--format", "json", out)
            self.assertEqual(r.returncode, 1, r.stdout.decode())
            found = [d for d in json.loads(r.stdout)["diagnostics"] if d["id"] == "key_tech.too_many"]
            self.assertEqual([d["severity"] for d in found], ["error"])
            r = run("audit", "--allow-more-key-tech", "--format", "json", out)
            self.assertEqual(r.returncode, 0, r.stdout.decode())
            found = [d for d in json.loads(r.stdout)["diagnostics"] if d["id"] == "key_tech.too_many"]
            self.assertEqual([d["severity"] for d in found], ["warning"])
            # --lang en: the text report in English alone.
            r = run("--lang", "en", "audit", "--allow-more-key-tech", out)
            text = r.stdout.decode()
            self.assertTrue(text.startswith("audit: 1 package, 1 suggestion, 0 errors, 1 warning"), text)
            self.assertIn("warning  ", text)
            self.assertNotIn("审核结果", text)
            self.assertNotIn("警告", text)
            self.assertTrue(run("audit", out).stdout.decode().startswith("审核结果：1 个压缩包"))


class UnreadFile(unittest.TestCase):
    """A file that cannot be read is one clean report: said once, not checked, counted as such."""

    def test_text(self):
        r = run("validate", "nonexist.json")
        self.assertEqual(r.returncode, 2)
        out = r.stdout.decode()
        self.assertEqual(out.count("== nonexist.json"), 1)
        self.assertEqual((out + r.stderr.decode()).count("无法读取文件“nonexist.json”"), 1)
        self.assertIn("未读取：文件无法读取，未检查", out)
        self.assertNotIn("不通过：", out)
        self.assertIn("合计：1 个文件，1 个不通过；1 个错误，0 个警告；其中 1 个文件无法读取，未检查", out)
        out = run("--lang", "en", "validate", "nonexist.json").stdout.decode()
        self.assertIn("NOT READ", out)
        self.assertIn("Total: 1 file, 1 failing; 1 error, 0 warnings; 1 file could not be read and was not checked",
                      out)

    def test_json_agrees_with_the_text(self):
        r = run("validate", "--format", "json", "nonexist.json", SCO)
        doc = json.loads(r.stdout)
        self.assertEqual([f["status"] for f in doc["files"]], ["unread", "pass"])
        self.assertEqual(doc["summary"], {"files": 2, "failing": 1, "unread": 1, "errors": 1, "warnings": 0})
        self.assertIn("无法读取", r.stderr.decode())  # beside a JSON report, the terminal is told too



if __name__ == "__main__":
    unittest.main(verbosity=2)

"""The Python wrapper (bindings/python/zhinan) as an office system in Python uses it.

CTest puts bindings/python on PYTHONPATH and sets ZHINAN_LIBRARY (the built
libzhinan.so.1), ZHINAN_SAMPLES (examples/data) and ZHINAN_PROFILE (the 2025 profile as
JSON). Under the asan preset a double free or a leak of a handle the wrapper should have
freed ends the run.
"""
import copy
import ctypes
import dataclasses
import datetime
import decimal
import errno
import gc
import glob
import json
import os
import shutil
import tempfile
import unittest
import zipfile

import zhinan
import zhinan._native

TITLE = "氢能“一带一路”示范"


def samples():
    folder = os.environ.get("ZHINAN_SAMPLES")
    if not folder:  # a failure, not a skip: under CTest a silent skip would pass
        raise RuntimeError("set ZHINAN_SAMPLES to examples/data")
    files = sorted(glob.glob(os.path.join(folder, "*.json")))
    if not files:
        raise RuntimeError(f"no samples in {folder}")
    return files


def sample(name):
    return next(p for p in samples() if os.path.basename(p) == name + ".json")


def forms():
    """The Word forms units fill in (examples/data/forms/*.docx)."""
    folder = os.path.join(os.path.dirname(samples()[0]), "forms")
    files = sorted(glob.glob(os.path.join(folder, "*.docx")))
    if not files:
        raise RuntimeError(f"no Word forms in {folder}")
    return files


def ids(found):
    return [d.id for d in found]


def setUpModule():
    if not os.environ.get("ZHINAN_LIBRARY"):
        raise RuntimeError("set ZHINAN_LIBRARY to the built libzhinan.so.1")


class LibraryTest(unittest.TestCase):
    def test_loads_the_library_named_by_the_environment(self):
        lib = zhinan.Library.default()
        self.assertEqual(os.path.realpath(lib.path), os.path.realpath(os.environ["ZHINAN_LIBRARY"]))
        self.assertEqual(lib.version[0], 1)
        self.assertEqual(lib.version_string, "%d.%d.%d" % lib.version)
        self.assertIs(zhinan.Library.default(), lib)

    def test_an_explicit_path_and_a_missing_one(self):
        lib = zhinan.Library(os.environ["ZHINAN_LIBRARY"])
        with zhinan.Suggestion(library=lib) as s:
            s.title = TITLE
            self.assertEqual(s.title, TITLE)
        with self.assertRaises(OSError):
            zhinan.Library("/nonexistent/libzhinan.so.1")

    def test_rule_registry(self):
        rules = {r.id: r for r in zhinan.Library.default().rules()}
        self.assertEqual(rules["overview.too_long"].severity, "error")
        self.assertEqual(rules["key_tech.trl_flat"].severity, "warning")
        too_long = rules["overview.too_long"]
        self.assertEqual(too_long.field, "项目概述")
        self.assertIn("{limit}", too_long.message_zh)  # the template a finding fills in
        self.assertIn("{limit}", too_long.message_en)
        with zhinan.Suggestion.from_file(sample("faulty-many-mistakes")) as s:
            found = next(d for d in zhinan.validate(s) if d.id == "overview.too_long")
        self.assertIn(found.params["limit"], found.message_zh)
        self.assertTrue(all(r.message_zh and r.message_en for r in rules.values()))


class SamplesTest(unittest.TestCase):
    def test_every_sample_round_trips_to_the_same_text(self):
        for path in samples():
            with self.subTest(sample=os.path.basename(path)):
                with zhinan.Suggestion.from_file(path) as s:
                    self.assertTrue(s.title)
                    self.assertEqual(s.parse_diagnostics, [])
                    first = s.to_json()
                self.assertEqual(json.loads(first)["format"], "zhinan.suggestion/1")
                with zhinan.Suggestion.from_json(first) as again:
                    self.assertEqual(again.to_json(), first)
                with open(path, "rb") as f, zhinan.Suggestion.from_json(f.read()) as from_bytes:
                    self.assertEqual(from_bytes.to_json(), first)

    def test_valid_samples_have_no_errors(self):
        for path in samples():
            if os.path.basename(path).startswith("valid-"):
                with self.subTest(sample=os.path.basename(path)), zhinan.Suggestion.from_file(path) as s:
                    self.assertEqual([d for d in zhinan.validate(s) if d.is_error], [])

    def test_a_file_with_a_chinese_name(self):
        folder = tempfile.mkdtemp(prefix="zhinan-")
        self.addCleanup(shutil.rmtree, folder)
        path = os.path.join(folder, "1.盐碱地项目-东营研究院.json")
        shutil.copyfile(sample("valid-sco"), path)
        with zhinan.Suggestion.from_file(path) as s:
            self.assertEqual(s.region, "sco")


class FieldsTest(unittest.TestCase):
    def setUp(self):
        self.s = zhinan.Suggestion()
        self.addCleanup(self.s.close)

    def test_chinese_text_round_trips_exactly(self):
        values = {
            "title": TITLE, "industry_other": "氢能装备（𠀀𪚥）", "overview": "引进耐盐种质300份，出苗率≥80%。\n第二段。",
            "funding_total": "1200", "funding_provincial": "300.5", "unit": "东营黄河三角洲盐碱地农业研究院",
            "proposer": "孙立新", "position": "研究员/副院长", "phone": "0546-8316725",
            "department": "东营市科学技术局", "report_document": "说明报告/盐碱地.docx", "document": "电子版.pdf",
        }
        for name, value in values.items():
            setattr(self.s, name, value)
        for name, value in values.items():
            self.assertEqual(getattr(self.s, name), value, name)
        text = self.s.to_json()
        self.assertIn(TITLE, text)  # literal UTF-8, not \\u escapes
        with zhinan.Suggestion.from_json(text) as again:
            for name, value in values.items():
                self.assertEqual(getattr(again, name), value, name)
            self.assertEqual(again.to_json(), text)

    def test_clearing_a_field(self):
        self.s.title = TITLE
        self.s.title = None
        self.assertEqual(self.s.title, "")

    def test_amounts_are_decimal_text(self):
        self.s.funding_total = 1200
        self.s.funding_provincial = decimal.Decimal("300.50")
        self.assertEqual((self.s.funding_total, self.s.funding_provincial), ("1200", "300.50"))
        with self.assertRaises(TypeError):
            self.s.funding_total = 0.1  # no exact binary value

    def test_text_python_cannot_hand_over_is_refused_before_c(self):
        with self.assertRaises(ValueError):
            self.s.title = "氢能\0示范"  # C would cut it at the NUL
        with self.assertRaises(UnicodeEncodeError):
            self.s.title = "\ud800"  # a lone surrogate is not UTF-8
        with self.assertRaises(TypeError):
            self.s.title = 5
        self.assertEqual(self.s.title, "")

    def test_labels_become_codes(self):
        self.s.region = "上合组织成员国"
        self.assertEqual(self.s.region, "sco")
        self.s.industry = "新能源"
        self.assertEqual(self.s.industries, ["new_energy"])
        self.s.add_industry("高端装备")
        self.assertEqual(self.s.industries, ["new_energy", "high_end_equipment"])
        self.s.regions = ["“一带一路”共建国家", "sco"]
        self.assertEqual(self.s.regions, ["belt_and_road", "sco"])
        self.s.add_region("火星")  # not a code or label: kept for validation to report
        self.assertEqual(self.s.regions[-1], "火星")
        self.s.industry = None
        self.assertEqual((self.s.industry, self.s.industries), (None, []))
        with self.assertRaises(ValueError):
            self.s.add_region("")

    def test_project_types_as_booleans(self):
        self.assertFalse(self.s.bring_in or self.s.go_global or self.s.platform or self.s.major_event)
        self.s.bring_in = True
        self.s.major_event = True
        self.assertEqual(self.s.project_types, zhinan.ProjectType.BRING_IN | zhinan.ProjectType.MAJOR_EVENT)
        self.s.subtypes = ["“卡脖子”技术"]
        self.assertEqual(self.s.subtypes, ["chokepoint"])
        self.s.subtypes = "国产化替代"  # one str is one sub-type, not its characters
        self.assertEqual(self.s.subtypes, ["domestic_substitution"])
        self.s.bring_in = False
        self.assertEqual(self.s.project_types, zhinan.ProjectType.MAJOR_EVENT)
        self.assertEqual(self.s.subtypes, ["domestic_substitution"])  # kept, validation reports it
        with self.assertRaises(zhinan.ZhinanError) as caught:
            self.s.project_types = 16
        self.assertEqual(caught.exception.status, zhinan.Status.EINVAL)
        self.assertIn("16", caught.exception.message_en)
        self.s.subtypes = []
        self.assertEqual(self.s.subtypes, [])

    def test_key_technologies_as_a_list(self):
        techs = self.s.key_technologies
        self.assertEqual(len(techs), 0)
        self.assertEqual(techs.add("耐盐种质鉴定", "高通量表型", 4, 7), 0)
        techs.append(zhinan.KeyTechnology("水肥盐调控", current=5, expected=8))
        techs.append(("智能灌溉", "决策系统", 3, 6))
        self.assertEqual([t.name for t in techs], ["耐盐种质鉴定", "水肥盐调控", "智能灌溉"])
        self.assertEqual(techs[-1], zhinan.KeyTechnology("智能灌溉", "决策系统", 3, 6))
        self.assertEqual(techs.levels(1), (5, 8))
        self.assertEqual([t.name for t in techs[1:]], ["水肥盐调控", "智能灌溉"])
        techs.set(1, expected=9)
        self.assertEqual(techs[1], zhinan.KeyTechnology("水肥盐调控", "", 5, 9))
        techs[0] = zhinan.KeyTechnology("耐盐种质精准鉴定", "KASP 标记", 5, 8)
        techs.remove(2)
        del techs[0]
        self.assertEqual(list(self.s.key_technologies), [zhinan.KeyTechnology("水肥盐调控", "", 5, 9)])
        with self.assertRaises(IndexError):
            techs[5]
        with self.assertRaises(IndexError):
            techs.remove(1)
        self.s.key_technologies = [("甲", "", 1, 2), ("乙", "", 0, 0)]  # 0: not given
        self.assertEqual(self.s.key_technologies.levels(1), (0, 0))
        self.assertEqual(len(self.s.key_technologies), 2)

    def test_set_keeps_evidence(self):
        with zhinan.Suggestion.from_file(sample("valid-sco")) as s:
            s.key_technologies.set(0, name="改名后的关键技术", current=6)
            item = json.loads(s.to_json())["key_technologies"][0]
            self.assertEqual((item["name"], item["trl_current"]), ("改名后的关键技术", 6))
            self.assertTrue(item["evidence"])
            self.assertTrue(item["expected_indicators"])

    def test_clone_is_independent(self):
        self.s.title = TITLE
        with self.s.clone() as twin, copy.deepcopy(self.s) as deep:
            twin.title = "另一个"
            self.assertEqual(self.s.title, TITLE)
            self.assertEqual(deep.title, TITLE)
            self.assertEqual(copy.copy(self.s).title, TITLE)


class ValidateTest(unittest.TestCase):
    def test_the_faulty_sample(self):
        with open(sample("faulty-many-mistakes")[:-len(".json")] + ".expected.txt", encoding="utf-8") as f:
            expected = [line.split()[0] for line in f if line.strip()]
        with zhinan.Suggestion.from_file(sample("faulty-many-mistakes")) as s:
            found = zhinan.validate(s)
        self.assertEqual(ids(found), expected)
        self.assertEqual(sum(d.severity == zhinan.ERROR for d in found), 12)
        self.assertEqual(sum(d.severity == zhinan.WARNING for d in found), 1)
        too_long = next(d for d in found if d.id == "overview.too_long")
        self.assertEqual(too_long.params["limit"], "1000")
        self.assertEqual(too_long.path, "/overview")
        self.assertIn("1000", too_long.message_zh)
        self.assertIn("limit of 1000", too_long.message_en)
        self.assertEqual((too_long.line, too_long.column), (0, 0))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            too_long.id = "x"
        self.assertEqual(len({too_long, too_long}), 1)  # a value: hashable

    def test_draft_mode_makes_missing_a_warning(self):
        with zhinan.Suggestion() as s:
            submit = {d.id: d.severity for d in s.validate()}
            draft = {d.id: d.severity for d in zhinan.validate(s, mode="draft")}
        self.assertEqual(submit["title.missing"], "error")
        self.assertEqual(draft["title.missing"], "warning")
        with zhinan.Suggestion() as s, self.assertRaises(ValueError):
            zhinan.validate(s, mode="final")

    def test_under_another_profile(self):
        with open(os.environ["ZHINAN_PROFILE"], encoding="utf-8") as f:
            data = json.load(f)
        data["id"] = "test-2026"
        data["limits"]["overview_max"] = 500
        with zhinan.Profile.from_json(json.dumps(data, ensure_ascii=False)) as p, \
                zhinan.Suggestion.from_file(sample("valid-sco"), profile=p) as s:
            self.assertEqual(p.limits.overview_max, 500)
            too_long = next(d for d in zhinan.validate(s, p) if d.id == "overview.too_long")
            self.assertEqual(too_long.params["limit"], "500")
            # Without a profile, the one it was read under (issue 15): not the built-in one.
            self.assertEqual(next(d for d in zhinan.validate(s) if d.id == "overview.too_long").params["limit"], "500")
            with zhinan.Profile.builtin() as builtin:
                self.assertFalse(any(d.id == "overview.too_long" for d in zhinan.validate(s, builtin)))

    def test_severity_and_mode_are_enums_and_strings(self):
        with zhinan.Suggestion.from_file(sample("faulty-many-mistakes")) as s:
            found = zhinan.validate(s, mode=zhinan.Mode.SUBMIT)
            draft = zhinan.validate(s, mode=zhinan.Mode.DRAFT)
        self.assertTrue(all(isinstance(d.severity, zhinan.Severity) for d in found))
        self.assertEqual(found[0].severity, "error")
        self.assertIs(found[0].severity, zhinan.Severity.ERROR)
        self.assertEqual(str(zhinan.Severity.WARNING), "warning")
        self.assertEqual(f"{zhinan.Mode.DRAFT}", "draft")
        self.assertEqual(len(draft), len(found))

    def test_findings_to_json_as_the_c_api_writes_them(self):
        with zhinan.Suggestion.from_file(sample("faulty-many-mistakes")) as s:
            found = zhinan.validate(s)
            lib = s._library
            out = zhinan._native.D()
            self.assertEqual(lib.c.zn_validate(ctypes.byref(out), s._live(), None, 0), 0)
            try:
                from_c = json.loads(lib.owned(lib.c.zn_diagnostics_to_json, out))
            finally:
                lib.c.zn_diagnostics_free(out)
        text = zhinan.to_json(found)
        self.assertIn("项目概述", text)  # Chinese as it is, not \u escapes
        self.assertEqual(json.loads(text), from_c)


class ErrorsTest(unittest.TestCase):
    def test_a_truncated_file_names_its_line(self):
        text = '{\n  "format": "zhinan.suggestion/1",\n  "title": "盐碱地'
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Suggestion.from_json(text)
        e = caught.exception
        self.assertEqual(e.status, zhinan.Status.EPARSE)
        self.assertEqual(e.rule_id, "format.json_invalid")
        self.assertIn("第3行", e.message_zh)
        self.assertIn("line 3", e.message_en)
        self.assertNotIn("\n", e.message_zh)
        self.assertEqual(str(e), e.message_zh + "\n" + e.message_en)
        self.assertEqual(ids(e.diagnostics), ["format.json_invalid"])
        self.assertEqual(e.diagnostics[0].line, 3)

    def test_a_gbk_file_is_named(self):
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Suggestion.from_json('{"format": "zhinan.suggestion/1", "title": "盐碱地"}'.encode("gbk"))
        self.assertIn("GBK", caught.exception.message_zh)
        self.assertEqual(caught.exception.rule_id, "format.utf8_invalid")

    def test_wrong_types_are_read_with_findings(self):
        with zhinan.Suggestion.from_json('{"format": "zhinan.suggestion/1", "title": 5}') as s:
            self.assertEqual(s.title, "")
            wrong = next(d for d in s.parse_diagnostics if d.id == "format.wrong_type")
            self.assertEqual((wrong.path, wrong.params["field"]), ("/title", "title"))

    def test_missing_files(self):
        with self.assertRaises(FileNotFoundError) as caught:  # and a ZhinanError
            zhinan.Suggestion.from_file("/nonexistent/建议.json")
        self.assertIsInstance(caught.exception, zhinan.ZhinanError)
        self.assertIsInstance(caught.exception, zhinan.ZhinanOSError)
        self.assertEqual(caught.exception.errno, errno.ENOENT)
        self.assertEqual(caught.exception.status, zhinan.Status.EIO)
        with tempfile.TemporaryDirectory() as folder, self.assertRaises(IsADirectoryError):
            zhinan.Suggestion.from_file(folder)
        with self.assertRaises(ValueError) as parse:  # input that is no JSON at all
            zhinan.Suggestion.from_json("{")
        self.assertIsInstance(parse.exception, zhinan.ZhinanParseError)
        self.assertIn("io.read_failed", ids(caught.exception.diagnostics))
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Profile.from_file("/nonexistent/配置.json")
        self.assertIn("配置.json", caught.exception.message_zh)

    def test_a_closed_object_raises_instead_of_crashing(self):
        s = zhinan.Suggestion()
        s.close()
        s.close()  # twice is fine
        self.assertTrue(s.closed)
        for use in (lambda: s.title, lambda: s.to_json(), lambda: zhinan.validate(s), lambda: len(s.key_technologies),
                    lambda: setattr(s, "title", TITLE), lambda: s.clone()):
            with self.assertRaises(ValueError) as caught:  # a ZhinanValueError
                use()
            self.assertIsInstance(caught.exception, zhinan.ZhinanError)
            self.assertEqual(caught.exception.status, zhinan.Status.EINVAL)
            self.assertIn("closed", caught.exception.message_en)
        with zhinan.Profile.builtin() as p:
            pass
        with self.assertRaises(zhinan.ZhinanError):
            p.regions
        with zhinan.Suggestion() as s2, self.assertRaises(zhinan.ZhinanError):
            zhinan.validate(s2, p)
        with self.assertRaises(TypeError):
            zhinan.validate(None)
        with self.assertRaises(TypeError):
            zhinan.Profile()


class ImportTest(unittest.TestCase):
    def test_every_form_reads_the_same_from_its_file_and_its_bytes(self):
        for path in forms():
            with self.subTest(form=os.path.basename(path)):
                with zhinan.Suggestion.from_docx_file(path) as s:
                    self.assertTrue(s.title)
                    self.assertEqual(s.source_path, path)
                    self.assertTrue(all(d.id.startswith("import.") and not d.is_error for d in s.parse_diagnostics),
                                    ids(s.parse_diagnostics))
                    first = s.to_json()
                    found = ids(s.parse_diagnostics)
                with open(path, "rb") as f, zhinan.Suggestion.from_docx(f.read()) as from_bytes:
                    self.assertEqual(from_bytes.to_json(), first)
                    self.assertEqual(ids(from_bytes.parse_diagnostics), found)
                    self.assertIsNone(from_bytes.source_path)

    def test_the_form_of_a_sample_gives_back_what_the_unit_typed(self):
        typed = {}
        for path in samples():
            with zhinan.Suggestion.from_file(path) as s:
                typed[s.title] = json.loads(s.to_json())
        twins = 0
        for path in forms():
            with zhinan.Suggestion.from_docx_file(path) as s:
                read = json.loads(s.to_json())
            expected = typed.get(read["title"])
            if expected is None:
                continue
            twins += 1
            with self.subTest(form=os.path.basename(path)):
                # The 主管部门 is not on the 信息表; amounts are compared as numbers, however written.
                for doc in (read, expected):
                    doc.pop("department", None)
                    doc["funding"] = {k: decimal.Decimal(str(v)) for k, v in doc.get("funding", {}).items()}
                self.assertEqual(read, expected)
        self.assertGreater(twins, 0, "no form is the Word form of a sample")

    def test_under_a_profile_and_a_chinese_file_name(self):
        folder = tempfile.mkdtemp(prefix="zhinan-")
        self.addCleanup(shutil.rmtree, folder)
        path = os.path.join(folder, "1.盐碱地项目-东营研究院.docx")
        shutil.copyfile(forms()[0], path)
        with zhinan.Profile.from_file(os.environ["ZHINAN_PROFILE"]) as p:
            s = zhinan.Suggestion.from_docx_file(path, profile=p)
        with s:
            self.assertTrue(s.title)
            self.assertEqual(s.source_path, path)

    def test_a_pdf_is_no_form(self):
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Suggestion.from_docx(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
        e = caught.exception
        self.assertEqual(e.status, zhinan.Status.EPARSE)
        self.assertEqual(e.rule_id, "import.not_docx")
        self.assertIn("import.not_docx", ids(e.diagnostics))
        self.assertEqual(str(e), e.message_zh + "\n" + e.message_en)
        for data in (b"", b"PK\x05\x06" + bytes(18)):  # nothing; an empty ZIP
            with self.subTest(data=data), self.assertRaises(zhinan.ZhinanError) as caught:
                zhinan.Suggestion.from_docx(data)
            self.assertEqual(caught.exception.status, zhinan.Status.EPARSE)
        with self.assertRaises(TypeError):
            zhinan.Suggestion.from_docx("PK")  # text is not the bytes of a file

    def test_files_that_are_no_form(self):
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Suggestion.from_docx_file("/nonexistent/建议.docx")
        self.assertEqual(caught.exception.status, zhinan.Status.EIO)
        self.assertIn("io.read_failed", ids(caught.exception.diagnostics))
        folder = tempfile.mkdtemp(prefix="zhinan-")
        self.addCleanup(shutil.rmtree, folder)
        doc = os.path.join(folder, "建议.doc")
        with open(doc, "wb") as f:
            f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8))  # Word 97-2003
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Suggestion.from_docx_file(doc)
        self.assertEqual(caught.exception.status, zhinan.Status.EPARSE)
        self.assertIn("import.format_unsupported", ids(caught.exception.diagnostics))


class LifetimeTest(unittest.TestCase):
    def test_collected_objects_are_freed_once(self):
        # Left to the collector, closed early, cloned, and in reference cycles: each C
        # handle is freed exactly once (AddressSanitizer would stop a double free).
        for _ in range(50):
            s = zhinan.Suggestion.from_file(sample("valid-sco"))
            twin = s.clone()
            twin.title = TITLE
            techs = twin.key_technologies
            s.close()
            cycle = zhinan.Suggestion()
            cycle.me = cycle
            del s, twin, techs, cycle
        gc.collect()

    def test_a_suggestion_outlives_its_profile(self):
        p = zhinan.Profile.builtin()
        s = zhinan.Suggestion.from_file(sample("valid-sco"), profile=p)
        p.close()
        del p
        gc.collect()
        s.industry = "新能源"  # labels are still read through the (kept) profile
        self.assertEqual(s.industry, "new_energy")
        s.close()


class ProfileTest(unittest.TestCase):
    def test_builtin(self):
        with zhinan.Profile.builtin() as p:
            self.assertEqual(p.id, "shandong-2025")
            self.assertIn("2025", p.name)
            self.assertEqual([c.code for c in p.regions],
                             ["multilateral", "innovation_leaders", "sco", "belt_and_road", "hk_macao_taiwan"])
            self.assertEqual(dict(p.regions)["sco"], "上合组织成员国")
            self.assertEqual(p.region_folders["belt_and_road"], "\u201c一带一路\u201d共建国家")
            self.assertEqual(len(p.industries), 11)
            self.assertEqual(dict(p.bring_in_subtypes)["chokepoint"], "“卡脖子”技术")
            self.assertEqual([c.code for c in p.project_types], ["bring_in", "go_global", "platform", "major_event"])
            self.assertEqual(p.trl_range, (1, 13))
            self.assertEqual((p.trl_name(1), p.trl_name(13), p.trl_name(14)), ("报告级", "回报级", None))
            self.assertEqual(len(p.trl_levels), 13)
            self.assertTrue(p.trl_levels[0].criterion)
            self.assertEqual(p.limits, (5, 1000))

    def test_from_file_and_a_broken_one(self):
        with zhinan.Profile.from_file(os.environ["ZHINAN_PROFILE"]) as p:
            self.assertEqual(p.id, "shandong-2025")
        with self.assertRaises(zhinan.ZhinanError) as caught:
            zhinan.Profile.from_json('{"format": "zhinan.profile/1", "id": "x"}')
        self.assertEqual(caught.exception.status, zhinan.Status.EPARSE)
        self.assertIn("profile.invalid", ids(caught.exception.diagnostics))


class BatchTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="zhinan-")
        self.addCleanup(shutil.rmtree, self.folder)

    def test_the_same_suggestion_twice(self):
        with zhinan.Batch() as batch, zhinan.Suggestion.from_file(sample("valid-sco")) as s:
            batch.add(s, "a.json")
            batch.add(s, "b.json")
            self.assertEqual(len(batch), 2)
            found = batch.check()
        duplicate = next(d for d in found if d.id == "batch.duplicate")
        self.assertEqual(duplicate.file, "b.json")
        self.assertIn("batch.proposer_multiple", ids(found))
        with zhinan.Batch() as batch, zhinan.Suggestion() as unnamed, self.assertRaises(ValueError):
            batch.add(unnamed)  # not read from a file: it needs a name

    def test_funded_projects(self):
        jsonl, index = os.path.join(self.folder, "已立项.jsonl"), os.path.join(self.folder, "已立项.idx")
        with zhinan.Suggestion.from_file(sample("valid-hk-macao-taiwan")) as s:
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "2023-001", "year": 2023, "title": s.title, "abstract": s.overview,
                                    "unit": "X"}, ensure_ascii=False) + "\nnot json\n")
            with zhinan.Registry.from_jsonl_file(jsonl) as registry:
                self.assertEqual(len(registry), 1)
                self.assertIn("registry.line_invalid", ids(registry.parse_diagnostics))
                registry.save(index)
            with self.assertRaises(zhinan.ZhinanError) as caught:
                zhinan.Registry.load(jsonl)  # JSON Lines, not an index
            self.assertEqual(caught.exception.status, zhinan.Status.EPARSE)
            with zhinan.Batch() as batch:
                batch.add(s)  # named by the file it came from
                with zhinan.Registry.load(index) as registry:
                    batch.registry = registry
                found = batch.check()  # the batch keeps the closed registry's data
            similar = next(d for d in found if d.id == "history.similar_funded")
            self.assertEqual(similar.file, sample("valid-hk-macao-taiwan"))

    def test_a_package_with_progress_and_refusal(self):
        zip_path = os.path.join(self.folder, "青岛市科学技术局.zip")
        steps = []
        with zhinan.Batch() as batch:
            for path in samples():
                if os.path.basename(path).startswith("valid-"):
                    with zhinan.Suggestion.from_file(path) as s:
                        batch.add(s)
            found = batch.write_package(zip_path, department="青岛市科学技术局", threads=2,
                                        time=datetime.datetime(2025, 3, 1, 9, 30, 0),
                                        progress=lambda done, total: steps.append((done, total)))
            self.assertFalse([d for d in found if d.is_error])
            self.assertTrue(steps and steps[-1][0] == steps[-1][1])
            with zipfile.ZipFile(zip_path) as package:
                entries = package.infolist()
            self.assertIn("上合组织成员国/", [e.filename for e in entries])
            self.assertEqual({e.date_time for e in entries}, {(2025, 3, 1, 9, 30, 0)})
            self.assertTrue(os.path.exists(os.path.join(self.folder, "青岛市科学技术局-汇总表.xlsx")))

            cancelled = os.path.join(self.folder, "cancelled.zip")
            with self.assertRaises(zhinan.ZhinanError) as caught:
                batch.write_package(cancelled, progress=lambda done, total: False)
            self.assertEqual(caught.exception.status, zhinan.Status.ECANCELED)
            self.assertFalse(os.path.exists(cancelled))

            def broken(done, total):
                raise KeyError("from the callback")
            with self.assertRaises(KeyError):  # raised again after C returns, nothing written
                batch.write_package(cancelled, progress=broken)
            self.assertFalse(os.path.exists(cancelled))

            with zhinan.Suggestion.from_file(sample("faulty-many-mistakes")) as faulty:
                batch.add(faulty)
            refused = os.path.join(self.folder, "refused.zip")
            with self.assertRaises(zhinan.ZhinanError) as caught:
                batch.write_package(refused, numbering="global")
            self.assertEqual(caught.exception.status, zhinan.Status.EREFUSED)
            self.assertIn("package.refused", ids(caught.exception.diagnostics))
            self.assertIn("overview.too_long", ids(caught.exception.diagnostics))
            self.assertFalse(os.path.exists(refused))
            with self.assertRaises(ValueError):
                batch.write_package(refused, numbering="alphabetical")

    def test_a_document_outside_the_files_folder_needs_a_root(self):
        import pathlib
        unit, server = os.path.join(self.folder, "unit"), os.path.join(self.folder, "server")
        os.mkdir(unit)
        os.mkdir(server)
        with open(os.path.join(server, "电子版.pdf"), "wb") as f:
            f.write(b"%PDF-1.7\n")
        with zhinan.Batch() as batch, zhinan.Suggestion.from_file(sample("valid-sco")) as s:
            s.document = "../server/电子版.pdf"
            batch.add(s, os.path.join(unit, "建议.json"))
            zip_path = os.path.join(self.folder, "p.zip")
            with self.assertRaises(zhinan.ZhinanError) as caught:
                batch.write_package(zip_path)
            self.assertEqual(caught.exception.status, zhinan.Status.EREFUSED)
            self.assertIn("package.document_outside", ids(caught.exception.diagnostics))
            self.assertFalse(os.path.exists(zip_path))
            for roots in (server, pathlib.Path(server), [os.fsencode(server)], (unit, server)):
                with self.subTest(roots=roots):
                    found = batch.write_package(zip_path, document_roots=roots)
                    self.assertNotIn("package.document_outside", ids(found))
                    with zipfile.ZipFile(zip_path) as package:
                        self.assertIn(b"%PDF-1.7\n", [package.read(i) for i in package.infolist() if not i.is_dir()])
                    os.remove(zip_path)
            with self.assertRaises(zhinan.ZhinanError):
                batch.write_package(zip_path, document_roots=[])  # none: as without the option
            for bad in (5, [None], [server, 7]):
                with self.assertRaises(TypeError) as caught:
                    batch.write_package(zip_path, document_roots=bad)
                self.assertIn("document_roots", str(caught.exception))
            with self.assertRaises(ValueError):
                batch.write_package(zip_path, document_roots=[""])
            self.assertFalse(os.path.exists(zip_path))


class AuditTest(unittest.TestCase):
    """The province's audit: a package written by the wrapper, received from two departments."""

    FIRST, SECOND = "青岛市科学技术局.zip", "济南市科学技术局.zip"

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="zhinan-")
        self.addCleanup(shutil.rmtree, self.folder)
        self.zip_path = os.path.join(self.folder, self.FIRST)
        with zhinan.Batch() as batch:
            for path in samples():
                if os.path.basename(path).startswith("valid-"):
                    with zhinan.Suggestion.from_file(path) as s:
                        batch.add(s)
            batch.write_package(self.zip_path, department="青岛市科学技术局")

    def test_the_same_package_from_two_departments(self):
        with open(self.zip_path, "rb") as f:
            data = f.read()
        with zipfile.ZipFile(self.zip_path) as package:
            entries = [e.filename for e in package.infolist()]
        steps = []
        with zhinan.Audit() as audit:
            with self.assertRaises(zhinan.ZhinanError) as caught:
                audit.report()  # nothing has run yet
            self.assertEqual(caught.exception.status, zhinan.Status.EINVAL)
            audit.add_package_file(self.zip_path)
            audit.add_package_bytes(self.SECOND, data)
            found = audit.run(progress=lambda done, total, read: steps.append((done, total, read)))
            duplicates = [d for d in found if d.id == "batch.duplicate"]
            self.assertTrue(duplicates)
            for d in duplicates:  # each about the later package, at its entry
                self.assertEqual(d.package, self.SECOND)
                self.assertIn(d.entry, entries)
                self.assertTrue(d.entry.endswith(".docx"))
                self.assertEqual(d.file, "")
            self.assertTrue(all(d.package in (self.FIRST, self.SECOND) for d in found))
            self.assertEqual(steps[-1][:2], (2, 2))
            self.assertGreater(steps[-1][2], 0)

            report = json.loads(audit.report("json"))
            self.assertEqual(report["format"], "zhinan.audit/1")
            self.assertIn("batch.duplicate", [d["id"] for d in report["diagnostics"]])
            html = audit.report("html")
            self.assertTrue(html.lstrip().lower().startswith("<!doctype html"))
            self.assertTrue(audit.report("text").startswith("审核结果："))
            english = audit.report("text_en")
            self.assertTrue(english.startswith("audit: 2 packages"))
            self.assertNotIn("审核结果", english)
            with self.assertRaises(ValueError):
                audit.report("pdf")
            xlsx = os.path.join(self.folder, "清单.xlsx")
            audit.write_xlsx(xlsx)
            self.assertTrue(zipfile.is_zipfile(xlsx))
            with self.assertRaises(zhinan.ZhinanError) as caught:
                audit.write_xlsx(os.path.join(self.folder, "missing", "清单.xlsx"))
            self.assertEqual(caught.exception.status, zhinan.Status.EIO)

            self.assertTrue(audit.run(mode="draft"))
            with self.assertRaises(ValueError):
                audit.run(mode="final")
        with self.assertRaises(zhinan.ZhinanError):
            audit.add_package_file(self.zip_path)  # closed

    def test_cancelled_and_a_broken_callback(self):
        with zhinan.Audit() as audit:
            audit.add_package_file(self.zip_path)
            with self.assertRaises(zhinan.ZhinanError) as caught:
                audit.run(progress=lambda done, total, read: False)
            self.assertEqual(caught.exception.status, zhinan.Status.ECANCELED)
            with self.assertRaises(zhinan.ZhinanError):
                audit.report()  # a cancelled run leaves no result

            def broken(done, total, read):
                raise KeyError("from the callback")
            with self.assertRaises(KeyError):  # raised again after C returns
                audit.run(progress=broken)

    def test_what_is_no_package(self):
        with zhinan.Audit(zhinan.Profile.builtin()) as audit:
            audit.add_package_bytes("not-an-archive.zip", b"hello, world")
            audit.add_package_file(os.path.join(self.folder, "missing.zip"))
            with self.assertRaises(TypeError):
                audit.add_package_bytes("x.zip", "text")
            with self.assertRaises(zhinan.ZhinanError):
                audit.add_package_bytes("", b"PK")
            found = audit.run()
        unreadable = {d.package: d for d in found if d.id == "audit.unreadable"}
        self.assertEqual(set(unreadable), {"not-an-archive.zip", "missing.zip"})
        self.assertEqual(unreadable["not-an-archive.zip"].entry, "")
        self.assertTrue(unreadable["not-an-archive.zip"].is_error)

    def test_funded_projects(self):
        jsonl = os.path.join(self.folder, "已立项.jsonl")
        with zhinan.Suggestion.from_file(sample("valid-hk-macao-taiwan")) as s:
            with open(jsonl, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": "2023-001", "year": 2023, "title": s.title, "abstract": s.overview,
                                    "unit": "X"}, ensure_ascii=False) + "\n")
        with zhinan.Audit() as audit:
            audit.add_package_file(self.zip_path)
            with zhinan.Registry.from_jsonl_file(jsonl) as registry:
                audit.set_registry(registry)
            found = audit.run()  # the audit keeps the closed registry's data
        similar = next(d for d in found if d.id == "history.similar_funded")
        self.assertEqual(similar.package, self.FIRST)
        self.assertTrue(similar.entry.endswith(".docx"))


class TextTest(unittest.TestCase):
    def test_counting_as_word_does(self):
        self.assertEqual(zhinan.count("東京2024オリンピック"), 9)
        self.assertEqual(zhinan.count("Hello、World。"), 4)
        self.assertEqual(zhinan.count("a b", mode="chars-with-spaces"), 3)
        with self.assertRaises(ValueError):
            zhinan.count("x", mode="bytes")

    def test_folding_and_names(self):
        self.assertEqual(zhinan.fold("ＡＢＣ，中國"), "abc中国")
        name, changes = zhinan.sanitize_name('氢能"示范":二期')
        self.assertNotIn(":", name)
        self.assertTrue(changes and all(d.id.startswith("name.") for d in changes))
        self.assertEqual(zhinan.entry_name(1, "项目名称", "建议单位", "docx").name, "1.项目名称-建议单位.docx")


class ArgumentTypesTest(unittest.TestCase):
    """Issue 12: text is str (or UTF-8 bytes where that makes sense), a path is str, bytes or
    os.PathLike, and anything else is a TypeError naming the parameter, raised before C."""

    def assertRefused(self, name, call, *args, **kwargs):
        with self.assertRaises(TypeError) as caught:
            call(*args, **kwargs)
        self.assertIn(name, str(caught.exception))

    def test_json_text_is_str_or_bytes(self):
        for bad in (12345, None, ["{}"], 1.5):
            self.assertRefused("text", zhinan.Suggestion.from_json, bad)
            self.assertRefused("text", zhinan.Profile.from_json, bad)
        with open(sample("valid-sco"), "rb") as f:
            data = f.read()
        for given in (data, bytearray(data), memoryview(data), data.decode("utf-8")):
            with zhinan.Suggestion.from_json(given) as s:
                self.assertEqual(s.region, "sco")

    def test_count_and_fold_take_str_and_utf8_bytes(self):
        text = "東京2024オリンピック"
        self.assertEqual(zhinan.count(text.encode("utf-8")), 9)
        self.assertEqual(zhinan.count(bytearray(text.encode("utf-8"))), 9)
        self.assertEqual(zhinan.count(b""), 0)
        self.assertEqual(zhinan.fold("ＡＢＣ，中國".encode("utf-8")), "abc中国")
        for bad in (5, None, ["x"]):
            self.assertRefused("text", zhinan.count, bad)
            self.assertRefused("text", zhinan.fold, bad)
        self.assertRefused("mode", zhinan.count, "x", mode=1)
        with self.assertRaises(ValueError):
            zhinan.count("x", mode="bytes")

    def test_names(self):
        self.assertEqual(zhinan.sanitize_name("a:b".encode("utf-8")).name, zhinan.sanitize_name("a:b").name)
        for bad in (None, 5):
            self.assertRefused("name", zhinan.sanitize_name, bad)
        with self.assertRaises(ValueError):
            zhinan.sanitize_name(b"a\0b")
        self.assertTrue(zhinan.entry_name(2, "", "", "").name.startswith("2."))  # "" is given, NULL is not
        self.assertRefused("title", zhinan.entry_name, 1, None, "u", "docx")
        self.assertRefused("unit", zhinan.entry_name, 1, "t", None, "docx")
        self.assertRefused("extension", zhinan.entry_name, 1, "t", "u", None)
        self.assertRefused("folder", zhinan.entry_name, 1, "t", "u", "docx", folder=5)
        self.assertRefused("pattern", zhinan.entry_name, 1, "t", "u", "docx", pattern=b"{number}")
        self.assertRefused("number", zhinan.entry_name, "1", "t", "u", "docx")
        with self.assertRaises(ValueError):
            zhinan.entry_name(2**40, "t", "u", "docx")

    def test_paths_are_str_bytes_or_path_like(self):
        import pathlib
        path = sample("valid-sco")
        for given in (path, os.fsencode(path), pathlib.Path(path)):
            with zhinan.Suggestion.from_file(given) as s:
                self.assertEqual(s.region, "sco")
                self.assertEqual(s.source_path, path)
        for bad in (12345, None, [path]):
            self.assertRefused("path", zhinan.Suggestion.from_file, bad)
            self.assertRefused("path", zhinan.Suggestion.from_docx_file, bad)
            self.assertRefused("path", zhinan.Profile.from_file, bad)
            self.assertRefused("path", zhinan.Registry.from_jsonl_file, bad)
            self.assertRefused("path", zhinan.Registry.load, bad)
        for cut in (path + "\0.txt", os.fsencode(path) + b"\0.txt"):
            with self.assertRaises(ValueError):
                zhinan.Suggestion.from_file(cut)
        with zhinan.Profile.from_file(pathlib.Path(os.environ["ZHINAN_PROFILE"])) as p:
            self.assertEqual(p.trl_range, (1, 13))
            self.assertRefused("level", p.trl_name, "1")
            self.assertIsNone(p.trl_name(2**40))  # no scale has it; ctypes would have cut it to 0

    def test_fields_and_codes(self):
        with zhinan.Suggestion() as s:
            self.assertRefused("title", setattr, s, "title", b"x")
            self.assertRefused("department", setattr, s, "department", 5)
            self.assertRefused("industries", setattr, s, "industries", 5)
            self.assertRefused("industries", setattr, s, "industries", b"sco")
            self.assertRefused("industry", setattr, s, "industry", 5)
            self.assertRefused("regions", setattr, s, "regions", ["sco", 1])
            self.assertRefused("region", setattr, s, "region", [None])
            self.assertRefused("subtypes", setattr, s, "subtypes", 3)
            self.assertRefused("code_or_label", s.add_region, 5)
            self.assertRefused("code_or_label", s.add_industry, None)
            self.assertEqual((s.industries, s.regions, s.subtypes), ([], [], []))
            self.assertRefused("name", s.key_technologies.add, 5)
            self.assertRefused("mode", zhinan.validate, s, mode=0)

    def test_batch_and_audit(self):
        import pathlib
        with zhinan.Suggestion.from_file(sample("valid-sco")) as s, zhinan.Batch() as b:
            b.add(s, pathlib.Path(sample("valid-sco")))
            b.add(s, os.fsencode(sample("valid-sco")))
            self.assertEqual(len(b), 2)
            self.assertRefused("name", b.add, s, 5)
            with tempfile.TemporaryDirectory() as tmp:
                self.assertRefused("zip_path", b.write_package, 5)
                self.assertRefused("numbering", b.write_package, os.path.join(tmp, "p.zip"), numbering=0)
                self.assertRefused("threads", b.write_package, os.path.join(tmp, "p.zip"), threads="2")
                self.assertRefused("department", b.write_package, os.path.join(tmp, "p.zip"), department=b"x")
                self.assertFalse(os.listdir(tmp))
        with zhinan.Audit() as audit:
            self.assertRefused("path", audit.add_package_file, 5)
            self.assertRefused("name", audit.add_package_bytes, None, b"PK")
            self.assertRefused("data", audit.add_package_bytes, "x.zip", "PK")
            self.assertRefused("mode", audit.run, mode=None)
            self.assertRefused("format", audit.report, 1)
            self.assertRefused("path", audit.write_xlsx, None)
        self.assertRefused("path", zhinan.Library, 5)


if __name__ == "__main__":
    unittest.main(verbosity=2)

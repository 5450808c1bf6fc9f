"""The C ABI of zhinan from Python through ctypes, as an office system in Python binds it.

CTest sets ZHINAN_LIBRARY (the built libzhinan.so.1) and ZHINAN_SAMPLES (examples/data).
Every sample goes through zn_suggestion_from_json → to_json → from_json → to_json and must
come back as the same bytes; Chinese text crosses as UTF-8 both ways; a parse error gives
ZN_EPARSE with its line in zn_error_last(). Every handle and string is freed.
"""
import ctypes
import glob
import json
import os
import shutil
import tempfile
import unittest

ZN_OK, ZN_EINVAL, ZN_EPARSE, ZN_EIO, ZN_ENOMEM, ZN_ENOTFOUND, ZN_EINTERNAL = 0, -1, -2, -3, -4, -5, -99
(ZN_FIELD_TITLE, ZN_FIELD_INDUSTRY_OTHER, ZN_FIELD_OVERVIEW, ZN_FIELD_FUNDING_TOTAL,
 ZN_FIELD_FUNDING_PROVINCIAL, ZN_FIELD_UNIT, ZN_FIELD_PROPOSER, ZN_FIELD_POSITION, ZN_FIELD_PHONE,
 ZN_FIELD_DEPARTMENT, ZN_FIELD_REPORT_DOCUMENT, ZN_FIELD_DOCUMENT) = range(12)
ZN_SEVERITY_ERROR, ZN_SEVERITY_WARNING, ZN_SEVERITY_INFO = 0, 1, 2
ZN_LIST_INDUSTRIES, ZN_LIST_REGIONS, ZN_LIST_PROJECT_TYPES, ZN_LIST_BRING_IN_SUBTYPES = 0, 1, 2, 3
ZN_TYPE_BRING_IN, ZN_TYPE_GO_GLOBAL, ZN_TYPE_PLATFORM, ZN_TYPE_MAJOR_EVENT = 1, 2, 4, 8


class Suggestion(ctypes.Structure):
    """Opaque zn_suggestion."""


class Profile(ctypes.Structure):
    """Opaque zn_profile."""


class Diagnostics(ctypes.Structure):
    """Opaque zn_diagnostics."""


_c_int_p = ctypes.POINTER(ctypes.c_int)
_c_size_p = ctypes.POINTER(ctypes.c_size_t)
_owned_p = ctypes.POINTER(ctypes.c_void_p)  # char ** whose result is freed by zn_string_free
_S, _P, _D = ctypes.POINTER(Suggestion), ctypes.POINTER(Profile), ctypes.POINTER(Diagnostics)
_c_int, _c_size, _c_str = ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p

# name: (restype, argtypes)
_SIGNATURES = {
    "zn_version": (_c_int, [_c_int_p, _c_int_p, _c_int_p]),
    "zn_version_string": (_c_str, []),
    "zn_error_last": (_c_str, []),
    "zn_error_last_id": (_c_str, []),
    "zn_error_clear": (None, []),
    "zn_string_free": (None, [ctypes.c_void_p]),
    "zn_diagnostics_count": (_c_size, [_D]),
    "zn_diagnostics_count_severity": (_c_size, [_D, _c_int]),
    "zn_diagnostics_id": (_c_str, [_D, _c_size]),
    "zn_diagnostics_severity": (_c_int, [_D, _c_size]),
    "zn_diagnostics_path": (_c_str, [_D, _c_size]),
    "zn_diagnostics_message_zh": (_c_str, [_D, _c_size]),
    "zn_diagnostics_message_en": (_c_str, [_D, _c_size]),
    "zn_diagnostics_location": (_c_int, [_c_int_p, _c_int_p, _D, _c_size]),
    "zn_diagnostics_to_json": (_c_int, [_owned_p, _c_size_p, _D]),
    "zn_diagnostics_free": (None, [_D]),
    "zn_profile_builtin": (_c_int, [ctypes.POINTER(_P)]),
    "zn_profile_from_json": (_c_int, [ctypes.POINTER(_P), ctypes.POINTER(_D), _c_str, _c_size]),
    "zn_profile_from_file": (_c_int, [ctypes.POINTER(_P), ctypes.POINTER(_D), _c_str]),
    "zn_profile_free": (None, [_P]),
    "zn_profile_id": (_c_str, [_P]),
    "zn_profile_name": (_c_str, [_P]),
    "zn_profile_count": (_c_size, [_P, _c_int]),
    "zn_profile_code": (_c_str, [_P, _c_int, _c_size]),
    "zn_profile_label": (_c_str, [_P, _c_int, _c_size]),
    "zn_profile_region_folder": (_c_str, [_P, _c_size]),
    "zn_profile_trl_range": (_c_int, [_c_int_p, _c_int_p, _P]),
    "zn_profile_trl_name": (_c_str, [_P, _c_int]),
    "zn_profile_trl_criterion": (_c_str, [_P, _c_int]),
    "zn_profile_limits": (_c_int, [_c_int_p, _c_int_p, _P]),
    "zn_suggestion_new": (_c_int, [ctypes.POINTER(_S)]),
    "zn_suggestion_from_json": (_c_int, [ctypes.POINTER(_S), ctypes.POINTER(_D), _P, _c_str, _c_size]),
    "zn_suggestion_from_file": (_c_int, [ctypes.POINTER(_S), ctypes.POINTER(_D), _P, _c_str]),
    "zn_suggestion_from_docx": (_c_int, [ctypes.POINTER(_S), ctypes.POINTER(_D), _P, ctypes.c_void_p, _c_size]),
    "zn_suggestion_to_json": (_c_int, [_owned_p, _c_size_p, _S]),
    "zn_suggestion_clone": (_c_int, [ctypes.POINTER(_S), _S]),
    "zn_suggestion_free": (None, [_S]),
    "zn_suggestion_get": (_c_str, [_S, _c_int]),
    "zn_suggestion_set": (_c_int, [_S, _c_int, _c_str]),
    "zn_suggestion_industry_count": (_c_size, [_S]),
    "zn_suggestion_industry": (_c_str, [_S, _c_size]),
    "zn_suggestion_set_industry": (_c_int, [_S, _c_str]),
    "zn_suggestion_add_industry": (_c_int, [_S, _c_str]),
    "zn_suggestion_region_count": (_c_size, [_S]),
    "zn_suggestion_region": (_c_str, [_S, _c_size]),
    "zn_suggestion_set_region": (_c_int, [_S, _c_str]),
    "zn_suggestion_add_region": (_c_int, [_S, _c_str]),
    "zn_suggestion_type_flags": (_c_int, [_S]),
    "zn_suggestion_set_type_flags": (_c_int, [_S, _c_int]),
    "zn_suggestion_subtype_count": (_c_size, [_S]),
    "zn_suggestion_subtype": (_c_str, [_S, _c_size]),
    "zn_suggestion_set_subtypes": (_c_int, [_S, ctypes.POINTER(_c_str), _c_size]),
    "zn_suggestion_key_tech_count": (_c_size, [_S]),
    "zn_suggestion_key_tech_name": (_c_str, [_S, _c_size]),
    "zn_suggestion_key_tech_description": (_c_str, [_S, _c_size]),
    "zn_suggestion_key_tech_levels": (_c_int, [_c_int_p, _c_int_p, _S, _c_size]),
    "zn_suggestion_add_key_tech": (_c_int, [_c_size_p, _S, _c_str, _c_str, _c_int, _c_int]),
    "zn_suggestion_set_key_tech": (_c_int, [_S, _c_size, _c_str, _c_str, _c_int, _c_int]),
    "zn_suggestion_remove_key_tech": (_c_int, [_S, _c_size]),
}


def load_library():
    path = os.environ.get("ZHINAN_LIBRARY")
    if not path:  # a failure, not a skip: under CTest a silent skip would pass
        raise RuntimeError("set ZHINAN_LIBRARY to the built libzhinan.so.1")
    lib = ctypes.CDLL(path)
    for name, (restype, argtypes) in _SIGNATURES.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


lib = None


def setUpModule():
    global lib
    lib = load_library()


def text(b):
    """A borrowed const char * as str (None stays None)."""
    return None if b is None else b.decode("utf-8")


def error_last():
    return text(lib.zn_error_last())


def owned(call, *args):
    """Calls a zn_*_to_json(char **out, size_t *len, ...) and returns (status, bytes)."""
    out, length = ctypes.c_void_p(), ctypes.c_size_t()
    status = call(ctypes.byref(out), ctypes.byref(length), *args)
    try:
        data = ctypes.string_at(out.value, length.value) if out.value else None
    finally:
        lib.zn_string_free(out)
    return status, data


class Handles:
    """Frees what a test made, whatever happens (LeakSanitizer checks the C side)."""

    def __init__(self, case):
        self.case = case

    def suggestion(self, p):
        if p:
            self.case.addCleanup(lib.zn_suggestion_free, p)
        return p

    def diagnostics(self, p):
        if p:
            self.case.addCleanup(lib.zn_diagnostics_free, p)
        return p

    def profile(self, p):
        if p:
            self.case.addCleanup(lib.zn_profile_free, p)
        return p


def parse(case, data, profile=None):
    """zn_suggestion_from_json on bytes: (status, suggestion or None, diagnostics)."""
    s, d = _S(), _D()
    status = lib.zn_suggestion_from_json(ctypes.byref(s), ctypes.byref(d), profile, data, len(data))
    h = Handles(case)
    return status, h.suggestion(s) or None, h.diagnostics(d)


def ids(d):
    return [text(lib.zn_diagnostics_id(d, i)) for i in range(lib.zn_diagnostics_count(d))]


class VersionTest(unittest.TestCase):
    def test_runtime_version_matches_the_header(self):
        major, minor, patch = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        number = lib.zn_version(ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
        self.assertEqual(number, major.value * 1000000 + minor.value * 1000 + patch.value)
        self.assertEqual(text(lib.zn_version_string()), f"{major.value}.{minor.value}.{patch.value}")


class SamplesTest(unittest.TestCase):
    def samples(self):
        folder = os.environ.get("ZHINAN_SAMPLES")
        self.assertTrue(folder, "set ZHINAN_SAMPLES to examples/data")
        files = sorted(glob.glob(os.path.join(folder, "*.json")))
        self.assertTrue(files, f"no samples in {folder}")
        return files

    def test_every_sample_is_a_fixed_point_of_to_json(self):
        read = 0
        for path in self.samples():
            with self.subTest(sample=os.path.basename(path)):
                with open(path, "rb") as f:
                    data = f.read()
                status, s, d = parse(self, data)
                if status == ZN_EPARSE:  # a sample of a broken file: it must say why
                    self.assertIsNone(s)
                    self.assertTrue(ids(d))
                    self.assertTrue(error_last())
                    continue
                self.assertEqual(status, ZN_OK, error_last())
                read += 1
                status, first = owned(lib.zn_suggestion_to_json, s)
                self.assertEqual(status, ZN_OK)
                json.loads(first.decode("utf-8"))  # canonical output is JSON, UTF-8
                status, again, _ = parse(self, first)
                self.assertEqual(status, ZN_OK, error_last())
                status, second = owned(lib.zn_suggestion_to_json, again)
                self.assertEqual(status, ZN_OK)
                self.assertEqual(first, second)
                # The file path entry point reads the same suggestion.
                s2, d2 = _S(), _D()
                status = lib.zn_suggestion_from_file(ctypes.byref(s2), ctypes.byref(d2), None,
                                                     path.encode("utf-8"))
                Handles(self).suggestion(s2)
                Handles(self).diagnostics(d2)
                self.assertEqual(status, ZN_OK, error_last())
                self.assertEqual(owned(lib.zn_suggestion_to_json, s2)[1], first)
        self.assertGreater(read, 0)

    def test_a_file_with_a_chinese_name(self):
        source = next(p for p in self.samples() if os.path.basename(p).startswith("valid-"))
        folder = tempfile.mkdtemp(prefix="zhinan-")
        self.addCleanup(shutil.rmtree, folder)
        path = os.path.join(folder, "1.盐碱地项目-东营研究院.json")
        shutil.copyfile(source, path)
        s, d = _S(), _D()
        status = lib.zn_suggestion_from_file(ctypes.byref(s), ctypes.byref(d), None, path.encode("utf-8"))
        Handles(self).suggestion(s)
        Handles(self).diagnostics(d)
        self.assertEqual(status, ZN_OK, error_last())
        self.assertTrue(text(lib.zn_suggestion_get(s, ZN_FIELD_TITLE)))


class ImportTest(unittest.TestCase):
    def test_a_word_form_from_its_bytes(self):
        folder = os.path.join(os.environ.get("ZHINAN_SAMPLES", ""), "forms")
        forms = sorted(glob.glob(os.path.join(folder, "*.docx")))
        self.assertTrue(forms, f"no Word forms in {folder}")
        with open(forms[0], "rb") as f:
            data = f.read()
        s, d = _S(), _D()
        status = lib.zn_suggestion_from_docx(ctypes.byref(s), ctypes.byref(d), None, data, len(data))
        Handles(self).suggestion(s)
        Handles(self).diagnostics(d)
        self.assertEqual(status, ZN_OK, error_last())
        self.assertTrue(text(lib.zn_suggestion_get(s, ZN_FIELD_TITLE)))
        self.assertTrue(all(i.startswith("import.") for i in ids(d)), ids(d))

        pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
        s, d = _S(), _D()
        status = lib.zn_suggestion_from_docx(ctypes.byref(s), ctypes.byref(d), None, pdf, len(pdf))
        Handles(self).diagnostics(d)
        self.assertEqual(status, ZN_EPARSE)
        self.assertFalse(s)
        self.assertIn("import.not_docx", ids(d))
        self.assertEqual(text(lib.zn_error_last_id()), "import.not_docx")
        self.assertEqual(lib.zn_suggestion_from_docx(None, None, None, pdf, len(pdf)), ZN_EINVAL)
        self.assertEqual(lib.zn_suggestion_from_docx(ctypes.byref(s), None, None, None, 0), ZN_EINVAL)


class FieldsTest(unittest.TestCase):
    def new(self):
        s = _S()
        self.assertEqual(lib.zn_suggestion_new(ctypes.byref(s)), ZN_OK)
        return Handles(self).suggestion(s)

    def test_chinese_text_round_trips(self):
        s = self.new()
        values = {
            ZN_FIELD_TITLE: "中乌耐盐棉花联合育种与示范（𠀀𪚥）",
            ZN_FIELD_OVERVIEW: "引进耐盐种质300份，出苗率≥80%。\n第二段。",
            ZN_FIELD_FUNDING_TOTAL: "1200",
            ZN_FIELD_FUNDING_PROVINCIAL: "300.5",
            ZN_FIELD_UNIT: "东营黄河三角洲盐碱地农业研究院",
            ZN_FIELD_PROPOSER: "孙立新",
            ZN_FIELD_POSITION: "研究员/副院长",
            ZN_FIELD_PHONE: "0546-8316725",
            ZN_FIELD_DEPARTMENT: "东营市科学技术局",
        }
        for field, value in values.items():
            self.assertEqual(lib.zn_suggestion_set(s, field, value.encode("utf-8")), ZN_OK)
            self.assertEqual(text(lib.zn_suggestion_get(s, field)), value)
        self.assertEqual(lib.zn_suggestion_set_industry(s, "新能源".encode("utf-8")), ZN_OK)
        self.assertEqual(text(lib.zn_suggestion_industry(s, 0)), "new_energy")
        self.assertEqual(lib.zn_suggestion_set_region(s, "“一带一路”共建国家".encode("utf-8")), ZN_OK)
        self.assertEqual(text(lib.zn_suggestion_region(s, 0)), "belt_and_road")
        self.assertEqual(lib.zn_suggestion_set_type_flags(s, ZN_TYPE_BRING_IN | ZN_TYPE_GO_GLOBAL), ZN_OK)
        codes = (ctypes.c_char_p * 1)("“卡脖子”技术".encode("utf-8"))
        self.assertEqual(lib.zn_suggestion_set_subtypes(s, codes, 1), ZN_OK)
        self.assertEqual(text(lib.zn_suggestion_subtype(s, 0)), "chokepoint")
        index = ctypes.c_size_t(99)
        self.assertEqual(lib.zn_suggestion_add_key_tech(ctypes.byref(index), s, "耐盐种质鉴定".encode("utf-8"),
                                                        "高通量表型".encode("utf-8"), 4, 7), ZN_OK)
        self.assertEqual(index.value, 0)

        status, data = owned(lib.zn_suggestion_to_json, s)
        self.assertEqual(status, ZN_OK)
        doc = json.loads(data.decode("utf-8"))
        self.assertEqual(doc["title"], values[ZN_FIELD_TITLE])
        self.assertEqual(doc["overview"], values[ZN_FIELD_OVERVIEW])
        self.assertEqual(doc["funding"], {"total": "1200", "provincial": "300.5"})
        self.assertEqual(doc["industry"], "new_energy")
        self.assertEqual(doc["key_technologies"][0]["trl_expected"], 7)
        self.assertIn("中乌".encode("utf-8"), data)  # literal UTF-8, not \\u escapes

        status, again, _ = parse(self, data)
        self.assertEqual(status, ZN_OK)
        for field, value in values.items():
            self.assertEqual(text(lib.zn_suggestion_get(again, field)), value)
        current, expected = ctypes.c_int(), ctypes.c_int()
        self.assertEqual(lib.zn_suggestion_key_tech_levels(ctypes.byref(current), ctypes.byref(expected), again, 0),
                         ZN_OK)
        self.assertEqual((current.value, expected.value), (4, 7))

    def test_setters_refuse_invalid_utf8(self):
        s = self.new()
        self.assertEqual(lib.zn_suggestion_set(s, ZN_FIELD_TITLE, b"\xd6\xd0\xce\xc4"), ZN_EINVAL)  # GBK 中文
        self.assertIn("UTF-8", error_last())
        self.assertEqual(text(lib.zn_suggestion_get(s, ZN_FIELD_TITLE)), "")

    def test_null_is_refused(self):
        self.assertEqual(lib.zn_suggestion_set(None, ZN_FIELD_TITLE, b"x"), ZN_EINVAL)
        self.assertIn("NULL", error_last())
        self.assertIsNone(lib.zn_suggestion_get(None, ZN_FIELD_TITLE))
        self.assertEqual(lib.zn_suggestion_type_flags(None), -1)


class ErrorsTest(unittest.TestCase):
    def test_a_truncated_file_names_its_line(self):
        data = '{\n  "format": "zhinan.suggestion/1",\n  "title": "盐碱地'.encode("utf-8")
        status, s, d = parse(self, data)
        self.assertEqual(status, ZN_EPARSE)
        self.assertIsNone(s)
        self.assertIn("format.json_invalid", ids(d))
        self.assertEqual(text(lib.zn_error_last_id()), "format.json_invalid")
        message = error_last()
        zh, en = message.split("\n", 1)
        self.assertIn("第3行", zh)
        self.assertIn("line 3", en)
        line, column = ctypes.c_int(), ctypes.c_int()
        self.assertEqual(lib.zn_diagnostics_location(ctypes.byref(line), ctypes.byref(column), d, 0), ZN_OK)
        self.assertEqual(line.value, 3)
        self.assertGreater(column.value, 0)

    def test_diagnostics_as_json(self):
        status, s, d = parse(self, b'{"format": "zhinan.suggestion/1", "title": 5}')
        self.assertEqual(status, ZN_OK)
        self.assertIsNotNone(s)
        status, data = owned(lib.zn_diagnostics_to_json, d)
        self.assertEqual(status, ZN_OK)
        found = json.loads(data.decode("utf-8"))
        self.assertEqual(len(found), lib.zn_diagnostics_count(d))
        wrong = next(x for x in found if x["id"] == "format.wrong_type")
        self.assertEqual(wrong["path"], "/title")
        self.assertEqual(wrong["severity"], "error")
        self.assertEqual((wrong["line"], wrong["column"]), (0, 0))
        self.assertEqual(set(wrong), {"id", "severity", "path", "message_zh", "message_en", "line", "column",
                                      "params"})
        self.assertEqual(wrong["params"]["field"], "title")

    def test_gbk_file_is_named(self):
        data = '{"format": "zhinan.suggestion/1", "title": "盐碱地"}'.encode("gbk")
        status, s, d = parse(self, data)
        self.assertEqual(status, ZN_EPARSE)
        self.assertIn("GBK", error_last())
        self.assertEqual(ids(d), ["format.utf8_invalid"])

    def test_missing_profile_file(self):
        p, d = _P(), _D()
        status = lib.zn_profile_from_file(ctypes.byref(p), ctypes.byref(d), "/nonexistent/配置.json".encode("utf-8"))
        Handles(self).diagnostics(d)
        self.assertEqual(status, ZN_EIO)
        self.assertFalse(p)
        self.assertIn("io.read_failed", ids(d))


class ProfileTest(unittest.TestCase):
    def test_builtin_lists(self):
        p = _P()
        self.assertEqual(lib.zn_profile_builtin(ctypes.byref(p)), ZN_OK)
        Handles(self).profile(p)
        regions = [text(lib.zn_profile_code(p, ZN_LIST_REGIONS, i))
                   for i in range(lib.zn_profile_count(p, ZN_LIST_REGIONS))]
        self.assertEqual(regions, ["multilateral", "innovation_leaders", "sco", "belt_and_road", "hk_macao_taiwan"])
        self.assertEqual(text(lib.zn_profile_region_folder(p, 3)), "\u201c一带一路\u201d共建国家")
        self.assertEqual(lib.zn_profile_count(p, ZN_LIST_INDUSTRIES), 11)
        lowest, highest = ctypes.c_int(), ctypes.c_int()
        self.assertEqual(lib.zn_profile_trl_range(ctypes.byref(lowest), ctypes.byref(highest), p), ZN_OK)
        self.assertEqual((lowest.value, highest.value), (1, 13))
        self.assertEqual(text(lib.zn_profile_trl_name(p, 1)), "报告级")
        self.assertEqual(text(lib.zn_profile_trl_name(p, 13)), "回报级")


if __name__ == "__main__":
    unittest.main(verbosity=2)

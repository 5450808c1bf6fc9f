"""Read a 指南建议 through zhinan's C API from Python (ctypes), show it, correct a field
and print the canonical JSON.

    ZHINAN_LIBRARY=/path/to/libzhinan.so.1 python3 zhinan_example.py SUGGESTION.json

Only the functions used here are declared; declare argtypes and restype for every one
you call, so that pointers are not cut to int.
"""
import ctypes
import os
import sys


class Suggestion(ctypes.Structure):
    pass  # opaque


class Profile(ctypes.Structure):
    pass  # opaque


S, P = ctypes.POINTER(Suggestion), ctypes.POINTER(Profile)
ZN_OK, ZN_FIELD_TITLE, ZN_FIELD_FUNDING_PROVINCIAL = 0, 0, 4
ZN_LIST_INDUSTRIES, ZN_LIST_REGIONS = 0, 1

lib = ctypes.CDLL(os.environ.get("ZHINAN_LIBRARY", "libzhinan.so.1"))
for name, restype, argtypes in [
    ("zn_error_last", ctypes.c_char_p, []),
    ("zn_string_free", None, [ctypes.c_void_p]),
    ("zn_profile_builtin", ctypes.c_int, [ctypes.POINTER(P)]),
    ("zn_profile_free", None, [P]),
    ("zn_profile_count", ctypes.c_size_t, [P, ctypes.c_int]),
    ("zn_profile_code", ctypes.c_char_p, [P, ctypes.c_int, ctypes.c_size_t]),
    ("zn_profile_label", ctypes.c_char_p, [P, ctypes.c_int, ctypes.c_size_t]),
    ("zn_profile_trl_name", ctypes.c_char_p, [P, ctypes.c_int]),
    ("zn_suggestion_from_file", ctypes.c_int, [ctypes.POINTER(S), ctypes.c_void_p, P, ctypes.c_char_p]),
    ("zn_suggestion_free", None, [S]),
    ("zn_suggestion_get", ctypes.c_char_p, [S, ctypes.c_int]),
    ("zn_suggestion_set", ctypes.c_int, [S, ctypes.c_int, ctypes.c_char_p]),
    ("zn_suggestion_region_count", ctypes.c_size_t, [S]),
    ("zn_suggestion_region", ctypes.c_char_p, [S, ctypes.c_size_t]),
    ("zn_suggestion_industry_count", ctypes.c_size_t, [S]),
    ("zn_suggestion_industry", ctypes.c_char_p, [S, ctypes.c_size_t]),
    ("zn_suggestion_key_tech_count", ctypes.c_size_t, [S]),
    ("zn_suggestion_key_tech_name", ctypes.c_char_p, [S, ctypes.c_size_t]),
    ("zn_suggestion_key_tech_levels", ctypes.c_int,
     [ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int), S, ctypes.c_size_t]),
    ("zn_suggestion_to_json", ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t), S]),
]:
    function = getattr(lib, name)
    function.restype, function.argtypes = restype, argtypes


def check(status):
    if status != ZN_OK:
        raise RuntimeError(lib.zn_error_last().decode("utf-8"))


def labels(profile, kind):
    """code → label of one of the profile's lists (industries, regions …)."""
    n = lib.zn_profile_count(profile, kind)
    return {lib.zn_profile_code(profile, kind, i).decode(): lib.zn_profile_label(profile, kind, i).decode()
            for i in range(n)}


def level_name(profile, level):
    name = lib.zn_profile_trl_name(profile, level) if level else None
    return name.decode("utf-8") if name else "未填/not given"


def main(path):
    s, p = S(), P()
    check(lib.zn_suggestion_from_file(ctypes.byref(s), None, None, path.encode("utf-8")))
    try:
        check(lib.zn_profile_builtin(ctypes.byref(p)))
        try:
            regions, industries = labels(p, ZN_LIST_REGIONS), labels(p, ZN_LIST_INDUSTRIES)
            print("项目名称：" + lib.zn_suggestion_get(s, ZN_FIELD_TITLE).decode("utf-8"))
            for i in range(lib.zn_suggestion_region_count(s)):
                code = lib.zn_suggestion_region(s, i).decode("utf-8")
                print("合作国别、地区：" + regions.get(code, code))
            for i in range(lib.zn_suggestion_industry_count(s)):
                code = lib.zn_suggestion_industry(s, i).decode("utf-8")
                print("产业领域：" + industries.get(code, code))
            current, expected = ctypes.c_int(), ctypes.c_int()
            for i in range(lib.zn_suggestion_key_tech_count(s)):
                check(lib.zn_suggestion_key_tech_levels(ctypes.byref(current), ctypes.byref(expected), s, i))
                print(f"关键技术{i + 1}：{lib.zn_suggestion_key_tech_name(s, i).decode('utf-8')}"
                      f"（{current.value} {level_name(p, current.value)} → "
                      f"{expected.value} {level_name(p, expected.value)}）")
        finally:
            lib.zn_profile_free(p)

        # The department lowered the suggested provincial funding: amounts stay decimal text.
        check(lib.zn_suggestion_set(s, ZN_FIELD_FUNDING_PROVINCIAL, b"280"))
        out, length = ctypes.c_void_p(), ctypes.c_size_t()
        check(lib.zn_suggestion_to_json(ctypes.byref(out), ctypes.byref(length), s))
        try:
            sys.stdout.buffer.write(ctypes.string_at(out.value, length.value))
        finally:
            lib.zn_string_free(out)
    finally:
        lib.zn_suggestion_free(s)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} SUGGESTION.json")
    sys.stdout.reconfigure(encoding="utf-8")
    main(sys.argv[1])

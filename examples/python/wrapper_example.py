"""Read a 指南建议 with zhinan's Python wrapper, check it against the 2025 call and print
what was found: in Chinese for the clerk, then in English.

    PYTHONPATH=bindings/python ZHINAN_LIBRARY=/path/to/libzhinan.so.1 \\
        python3 wrapper_example.py SUGGESTION.json

Exit status: 0 when the suggestion has no errors, 1 when it has, 2 when it cannot be read.
"""
import sys

import zhinan

SEVERITY_ZH = {zhinan.ERROR: "错误", zhinan.WARNING: "警告", zhinan.INFO: "说明"}


def level(profile, value):
    """A readiness level as the form shows it: 0 is not given; 15 is not on the scale."""
    if value == 0:
        return "未填"
    name = profile.trl_name(value)
    return f"{value} {name}" if name else f"{value}（不在等级范围内）"


def main(path):
    try:
        suggestion = zhinan.Suggestion.from_file(path)
    except zhinan.ZhinanError as e:  # not JSON, not UTF-8, not there: say where and why
        print(e.message_zh)
        print(e.message_en)
        return 2
    with suggestion, zhinan.Profile.builtin() as profile:
        regions, industries = dict(profile.regions), dict(profile.industries)
        found = suggestion.parse_diagnostics + zhinan.validate(suggestion, profile)
        errors = sum(d.severity == zhinan.ERROR for d in found)
        warnings = sum(d.severity == zhinan.WARNING for d in found)

        print("项目名称：" + suggestion.title)
        print("合作国别、地区：" + "、".join(regions.get(code, code) for code in suggestion.regions))
        print("产业领域：" + "、".join(industries.get(code, code) for code in suggestion.industries))
        for i, tech in enumerate(suggestion.key_technologies, 1):
            print(f"关键技术{i}：{tech.name}（{level(profile, tech.current)} → {level(profile, tech.expected)}）")
        print(f"检查结果：{errors}个错误，{warnings}个警告")
        for d in found:
            print(f"  【{SEVERITY_ZH[d.severity]}】{d.message_zh}")

        print()
        print("Title: " + suggestion.title)
        print(f"Findings: {errors} error(s), {warnings} warning(s)")
        for d in found:
            print(f"  [{d.severity}] {d.id} at {d.path or '/'}: {d.message_en}")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} SUGGESTION.json")
    sys.stdout.reconfigure(encoding="utf-8")  # whatever the console's code page
    sys.exit(main(sys.argv[1]))

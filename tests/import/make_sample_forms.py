#!/usr/bin/python3
"""Word forms of the samples, filled the way units fill 附件1, for examples/data/forms/.

    /usr/bin/python3 make_sample_forms.py OUTDIR

Writes one .docx per sample examples/data/valid-*.json, each ticking its boxes another
way (☑/☐ glyphs, Wingdings 2 symbols, content-control check boxes, FORMCHECKBOX fields,
√ before the chosen label, unchosen options deleted), named by region and subject
(上合组织-耐盐棉花.docx …). Each form shows its sample exactly (indicators as tables, amounts
in 万元), so `zhinan import` of it gives the sample's canonical JSON without department.
The files are deterministic (fixed dates and ZIP timestamps): regenerating them changes
no byte unless the generator or the samples changed.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(HERE))
import make_forms  # noqa: E402
from make_forms import Form  # noqa: E402

# file name (without .docx) -> the form: its sample and how the unit filled it.
SAMPLE_FORMS = [
    ("上合组织-耐盐棉花", Form("sample_sco", "valid-sco.json", tick="glyph", headings="styled",
                           level_current="ji", attachment_line=True)),
    ("多边合作-谐波减速器", Form("sample_multilateral", "valid-multilateral.json", tick="wingdings2",
                            headings="plain", paren="half", arabic="comma", level_current="di_cn")),
    ("创新领先-电解水制氢", Form("sample_innovation_leaders", "valid-innovation-leaders.json", tick="sdt",
                            headings="styled", arabic="dot", level_current="name",
                            level_expected="ji_name")),
    ("港澳台-鱼病预警", Form("sample_hk_macao_taiwan", "valid-hk-macao-taiwan.json", tick="formcheckbox",
                         headings="plain", level_current="trl")),
    ("上合组织-壁画保护", Form("sample_other_industry", "valid-other-industry.json", tick="mark",
                           marks=("√", "√", "√"), headings="styled", paren="half", level_current="di")),
    ("一带一路-植保无人机", Form("sample_belt_and_road", "valid-belt-and-road.json", tick="deleted",
                            headings="plain", arabic="dot", level_current="plain")),
]


def generate(out_dir, samples=make_forms.DEFAULT_SAMPLES, profile_path=make_forms.DEFAULT_PROFILE, cli=None):
    """Writes the sample forms; returns [(name, docx path, expected suggestion)]."""
    if make_forms.docx is None:
        raise RuntimeError("python-docx is not installed (Debian: apt-get install python3-docx)")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = make_forms.Profile(profile_path)
    results = []
    for file_name, form in SAMPLE_FORMS:
        data = make_forms.form_data(form, Path(samples), profile)
        path, expected, _ = make_forms.build(form, data, profile, out_dir, file_name=file_name + ".docx")
        # A sample form shows its sample as it is: what import reads is the sample itself.
        assert make_forms.dump_json(expected) == make_forms.dump_json(data), f"{file_name} does not show its sample"
        results.append((form.name, path, make_forms.load_json(make_forms.canonical(expected, cli))))
    return results


def main():
    if len(sys.argv) != 2:
        print("usage: make_sample_forms.py OUTDIR", file=sys.stderr)
        return 2
    if make_forms.docx is None:
        print("python-docx is not installed (Debian: apt-get install python3-docx)", file=sys.stderr)
        return 2
    for _, path, _ in generate(sys.argv[1]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

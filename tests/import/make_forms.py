#!/usr/bin/python3
"""Word forms of 附件1 (信息表 + 说明报告) filled the way units fill them, with what
`zhinan import` must read from each.

    /usr/bin/python3 make_forms.py --out DIR [--samples DIR] [--profile FILE] [--cli ZHINAN]

For every form this writes, into DIR:
  NAME.docx                    the form, built with python-docx (plus raw WordprocessingML
                               where python-docx has no API: w:sym, w:sdt, form fields, …);
  NAME.expected.json           the suggestion import must read from it: canonical
                               zhinan.suggestion/1 JSON (through `zhinan format` when --cli
                               is given), without `department` (a form has no 主管部门 row);
  NAME.expected-findings.json  the import.* finding ids import must report (a JSON list).

The data comes from the samples examples/data/valid-*.json; each form varies one or more
of the ways units fill the template (how boxes are ticked, heading styles or plain
paragraphs, （一）/(一), 1./1、, indicators as tables or as numbered paragraphs, levels as
第四级/TRL 4/功能级/4级/4, amounts in 元 or with thousands separators, placeholders left).
Where a form shows a field differently from the sample (an indicator written as one
paragraph keeps its number in its text), the expected JSON follows the reading rules of
SPEC.md "Reading a unit's own Word form", and the generator checks its own expectations
against a small Python model of those rules (read_target, classify_words) so that no
form is ambiguous.

The output is deterministic: fixed core-property dates and ZIP timestamps.
"""

import argparse
import copy
import datetime
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

try:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
except ImportError:  # reported by main() / check_forms.py
    docx = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_SAMPLES = ROOT / "examples" / "data"
DEFAULT_PROFILE = ROOT / "data" / "profiles" / "shandong-2025.json"

# When every form claims to have been written (core properties and ZIP entries).
FIXED_TIME = datetime.datetime(2025, 3, 3, 9, 30, 0)
ZIP_TIME = (2025, 3, 3, 9, 30, 0)

# ---------------------------------------------------------------------------------------
# JSON that keeps numbers as written (1.8 stays 1.8, 4.0 stays 4.0, 1260 stays 1260).


class Num(str):
    """A JSON number, held as its literal text."""


def load_json(text):
    return json.loads(text, parse_float=Num, parse_int=Num)


def dump_json(value, indent=0):
    pad = "  " * indent
    if isinstance(value, Num):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [pad + "  " + dump_json(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad + "  " + json.dumps(k, ensure_ascii=False) + ": " + dump_json(v, indent + 1)
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    raise TypeError(f"cannot write {type(value)} as JSON")


def canonical(value, cli=None):
    """The canonical text of a suggestion: `zhinan format` when a CLI is given."""
    text = dump_json(value) + "\n"
    if cli is None:
        return text
    r = subprocess.run([str(cli), "format", "-"], input=text.encode("utf-8"), capture_output=True,
                       timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"zhinan format failed ({r.returncode}): {r.stderr.decode('utf-8', 'replace')}")
    return r.stdout.decode("utf-8")


# ---------------------------------------------------------------------------------------
# The call profile: labels of the options, in the order of the form.


class Profile:
    def __init__(self, path):
        p = json.loads(Path(path).read_text(encoding="utf-8"))
        self.industries = [(x["code"], x["label"]) for x in p["industries"]]
        self.regions = [(x["code"], x["label"]) for x in p["regions"]]
        self.types = [(x["code"], x["label"]) for x in p["project_types"]]
        self.subtypes = [(x["code"], x["label"]) for x in p["bring_in_subtypes"]]
        self.trl_names = {x["level"]: x["name"] for x in p["trl_scale"]}
        self.limit = p["limits"]["key_technologies_max"]
        self.codes = {}
        for group in ("industries", "regions", "project_types", "bring_in_subtypes"):
            for x in p[group]:
                self.codes[x["label"]] = x["code"]
                self.codes[x["code"]] = x["code"]
                for alias in x.get("aliases", []):
                    self.codes[alias] = x["code"]

    def code(self, value):
        return self.codes.get(value, value)


# ---------------------------------------------------------------------------------------
# The samples as a form shows them: codes, no department, nothing a form cannot hold.

DROPPED = ("department", "document", "report_document")


def amount_json(literal):
    """How import writes an amount it read: an integer as a number, else a decimal string."""
    literal = str(literal)
    return Num(literal) if re.fullmatch(r"\d+", literal) else literal


def load_sample(path, profile):
    data = load_json(Path(path).read_text(encoding="utf-8"))
    for key in DROPPED:
        data.pop(key, None)
    data["industry"] = profile.code(data["industry"])
    data["region"] = profile.code(data["region"])
    t = data["project_type"]
    t["bring_in_subtypes"] = [profile.code(c) for c in t["bring_in_subtypes"]]
    for k in data["key_technologies"]:
        k["trl_current"] = Num(str(int(k["trl_current"])))
        k["trl_expected"] = Num(str(int(k["trl_expected"])))
    f = data["funding"]
    for key in ("total", "provincial"):
        if key in f:
            f[key] = amount_json(f[key])
    return data


# ---------------------------------------------------------------------------------------
# A Python model of the reading rules, used to check that each expectation is what the
# rules give (the generator refuses to write an ambiguous form).

COMPARATORS = ("≥", "≤", ">", "<", "不低于", "不少于", "不高于", "不超过", "达到", "以上")
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
WORDS = {
    "ip": ("专利", "软件著作权", "标准"),
    "economic": ("产值", "销售", "利润", "收入", "节约"),
    "social": ("就业", "减排", "示范", "带动"),
    "talent": ("人才", "培养", "引进"),
    "platform": ("平台", "中心", "实验室"),
}
# The label a unit writes before a colon, per category (SPEC.md lists these).
PARAGRAPH_LABELS = {"technical": "技术指标", "product": "产品指标", "ip": "知识产权",
                    "economic": "经济效益", "social": "社会效益", "talent": "人才", "platform": "平台"}
# What the 类别 column of an indicator table says, per category.
TABLE_LABELS = {"technical": "技术", "product": "产品", "ip": "知识产权", "economic": "经济效益",
                "social": "社会效益", "talent": "人才", "platform": "平台"}


def classify_words(text):
    """The category the words of an unlabelled 绩效 item give, or None when none or several."""
    found = {c for c, words in WORDS.items() if any(w in text for w in words)}
    return found.pop() if len(found) == 1 else None


def read_target(text):
    """(target, unit) of an indicator paragraph: the number after a comparator, else the
    last number; the unit is what directly follows it (after a space), up to punctuation."""
    match = None
    for comparator in COMPARATORS:
        i = text.find(comparator)
        if i >= 0:
            m = NUMBER.search(text, i + len(comparator))
            if m and text[i + len(comparator):m.start()].strip() == "":
                match = m
                break
    if match is None:
        numbers = list(NUMBER.finditer(text))
        if not numbers:
            return None, ""
        match = numbers[-1]
    rest = text[match.end():].lstrip(" ")
    unit = re.match(r"[^\s，。；、,;：:（）()]*", rest).group(0)
    return match.group(0), unit


def split_target(text):
    """目标值 of a table row: the number, then the rest without spaces."""
    m = re.match(r"[0-9]+(?:\.[0-9]+)?", text)
    if not m:
        return None, text.replace(" ", "")
    return m.group(0), text[m.end():].replace(" ", "")


# ---------------------------------------------------------------------------------------
# How a form is filled in. Each Form names a sample and the ways it differs from the
# plainest filling; the builder writes the .docx and the expectation together.

CN_NUMERALS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"]


def level_text(style, n, profile):
    """How a unit writes 技术成熟度等级 n."""
    n = int(n)
    return {
        "ji": f"{n}级",
        "ji_name": f"{n}级 {profile.trl_names[n]}",
        "di": f"第{n}级",
        "di_cn": f"第{CN_NUMERALS[n]}级",
        "trl": f"TRL {n}",
        "trl_tight": f"TRL{n}",
        "name": profile.trl_names[n],
        "plain": f"{n}",
    }[style]


class Form:
    def __init__(self, name, sample, **options):
        self.name = name
        self.sample = sample
        self.tick = options.pop("tick", "glyph")
        # 'mark' style: the glyph before the chosen label, per row (industry, region, type).
        self.marks = options.pop("marks", ("√", "√", "■"))
        self.headings = options.pop("headings", "styled")       # styled | plain
        self.paren = options.pop("paren", "full")               # （一） | (一)
        self.arabic = options.pop("arabic", "dot_space")        # "1. " | "1." | "1、"
        # indicators per list: table | para (a label on each item) | auto (a label only
        # where the heading or the words do not give the category)
        self.indicators = options.pop("indicators", {})
        self.item_numbering = options.pop("item_numbering", "dot")  # "1. " | "1、" | "（1）"
        self.level_current = options.pop("level_current", "ji")
        self.level_expected = options.pop("level_expected", self.level_current)
        self.labels = options.pop("labels", "normal")           # normal | spaced
        self.per_char = options.pop("per_char", False)          # every character its own run
        self.tracked_title = options.pop("tracked_title", None)  # (before, deleted, inserted, after)
        self.noise = options.pop("noise", False)                # bookmarks, proofErr, smartTag
        self.split_funding_cell = options.pop("split_funding_cell", False)
        self.total_text = options.pop("total_text", None)       # as written in the form
        self.provincial_text = options.pop("provincial_text", None)
        self.funding_expected = options.pop("funding_expected", None)  # what import reads
        self.split = options.pop("split", ())                   # report fields in 2 paragraphs
        self.colon = options.pop("colon", "：")                  # after 技术描述 etc.
        self.tech_heading = options.pop("tech_heading", "关键技术{n}：{name}")
        self.attachment_line = options.pop("attachment_line", False)
        self.heading_colons = options.pop("heading_colons", False)  # （二）考核指标：
        self.extra_technologies = options.pop("extra_technologies", ())  # (sample, index)
        self.extra_indicators = options.pop("extra_indicators", {})  # list -> [(indicator, paragraph)]
        self.overview_paragraphs = options.pop("overview_paragraphs", False)
        self.findings = options.pop("findings", [])
        self.note = options.pop("note", "")
        if options:
            raise TypeError(f"unknown form options {sorted(options)}")

    def indicator_style(self, key):
        return self.indicators.get(key, "table")


# The forms of the test, at least one per way of filling the template.
FORMS = [
    Form("glyph_sco", "valid-sco.json",
         note="☑/☐ as text, Word heading styles, indicator tables, a two-paragraph background",
         tick="glyph", headings="styled", level_current="ji", level_expected="ji_name",
         split=("background", "research_content"), attachment_line=True),
    Form("wingdings2_multilateral", "valid-multilateral.json",
         note="Wingdings 2 through w:sym, plain paragraphs, (一) and 1、, indicators as paragraphs",
         tick="wingdings2", headings="plain", paren="half", arabic="comma",
         indicators={"technical_indicators": "auto", "performance_targets": "auto",
                     "acceptance_indicators": "para", "performance_indicators": "auto"},
         item_numbering="dot", level_current="di_cn",
         total_text="１８００万元", funding_expected={"total": Num("1800"), "provincial": Num("450")}),
    Form("wingdings_belt_and_road", "valid-belt-and-road.json",
         note="Wingdings private-use characters, TRL 6 levels, total in 元",
         tick="wingdings", headings="styled", arabic="dot",
         indicators={"technical_indicators": "para", "performance_targets": "para",
                     "acceptance_indicators": "para", "performance_indicators": "para"},
         item_numbering="comma", level_current="trl", level_expected="trl_tight",
         total_text="15000000元", funding_expected={"total": Num("1500"), "provincial": Num("350")},
         findings=["import.unit_converted"]),
    Form("content_control_innovation_leaders", "valid-innovation-leaders.json",
         note="Word content-control check boxes (w14:checkbox), levels by name (功能级)",
         tick="sdt", headings="plain", paren="full", arabic="dot",
         indicators={"acceptance_indicators": "para", "performance_indicators": "auto"},
         level_current="name",
         extra_indicators={"acceptance_indicators": [(
             {"category": "technical", "text": "电堆体积功率密度≥ 4.0 kW/L", "target": Num("4.0"),
              "unit": "kW/L"}, "电堆体积功率密度≥ 4.0 kW/L")]},
         colon=": ", tech_heading="关键技术 {n}: {name}"),
    Form("formcheckbox_hk", "valid-hk-macao-taiwan.json",
         note="legacy FORMCHECKBOX fields (w:default, w:checked, a bare <w:checked/>), levels as plain numbers",
         tick="formcheckbox", headings="styled", paren="half", arabic="dot",
         level_current="plain", overview_paragraphs=True),
    Form("mark_other_industry", "valid-other-industry.json",
         note="√ / ■ before the chosen label only, 其他 with its text, （1） numbered items",
         tick="mark", marks=("√", "√", "■"), headings="plain", arabic="comma",
         indicators={"technical_indicators": "auto", "performance_targets": "auto",
                     "acceptance_indicators": "para", "performance_indicators": "auto"},
         item_numbering="paren", level_current="di"),
    Form("deleted_options_multilateral", "valid-multilateral.json",
         note="unchosen options deleted, the cell holds only the chosen labels; TRL4",
         tick="deleted", headings="styled", level_current="trl_tight", level_expected="trl"),
    Form("spaced_labels_belt_and_road", "valid-belt-and-road.json",
         note="labels spaced out, 合作国别（地区）, one run per character, a tracked change in the title, "
              "bookmarks, proofing marks, a smart tag, the funding row split as the seed's form has it",
         tick="glyph", labels="spaced", per_char=True, noise=True, headings="plain", paren="half",
         arabic="dot", split_funding_cell=True, heading_colons=True,
         tracked_title=("面向东南亚热带种植园的智能", "喷药", "植保", "无人机系统研发与海外应用示范")),
    Form("six_technologies_sco", "valid-sco.json",
         note="six key technologies (import reads all six; validate reports key_tech.too_many), "
              "total with a thousands separator",
         tick="glyph", headings="styled", level_current="ji",
         extra_technologies=(("valid-multilateral.json", 0), ("valid-hk-macao-taiwan.json", 1),
                             ("valid-innovation-leaders.json", 2)),
         total_text="1,260.5万元", funding_expected={"total": "1260.5", "provincial": "300.5"}),
    Form("placeholder_hk", "valid-hk-macao-taiwan.json",
         note="省财政资金支持强度建议 left as the template's XXXX 万元",
         tick="glyph", headings="plain", level_current="ji",
         provincial_text="XXXX 万元", funding_expected={"total": Num("1000")},
         findings=["import.placeholder"]),
]

# ---------------------------------------------------------------------------------------
# WordprocessingML pieces.


def E(tag, attrs=None, children=(), text=None):
    e = OxmlElement(tag)
    for k, v in (attrs or {}).items():
        e.set(qn(k), str(v))
    for c in children:
        e.append(c)
    if text is not None:
        e.text = text
    return e


def text_element(tag, text):
    t = E(tag, text=text)
    if text != text.strip() or "  " in text:
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def rpr(bold=False, underline=False, font=None):
    children = []
    if font:
        children.append(E("w:rFonts", {"w:ascii": font, "w:eastAsia": font, "w:hAnsi": font, "w:hint": "eastAsia"}))
    if bold:
        children.append(E("w:b"))
    if underline:
        children.append(E("w:u", {"w:val": "single"}))
    return E("w:rPr", children=children) if children else None


def run(text, bold=False, underline=False, font=None, tag="w:t"):
    r = E("w:r")
    p = rpr(bold, underline, font)
    if p is not None:
        r.append(p)
    r.append(text_element(tag, text))
    return r


class Text:
    """Text in a paragraph; written as one run, or one run per character."""

    def __init__(self, text, bold=False, underline=False, font=None):
        self.text, self.bold, self.underline, self.font = text, bold, underline, font

    def elements(self, per_char):
        if not self.text:
            return []
        pieces = list(self.text) if per_char else [self.text]
        return [run(p, self.bold, self.underline, self.font) for p in pieces]


def paragraph(items, style=None, align=None, indent=False, keep_next=False, page_break=False,
              per_char=False, bold=False):
    pPr_children = []
    if style:
        pPr_children.append(E("w:pStyle", {"w:val": style}))
    if keep_next:
        pPr_children.append(E("w:keepNext"))
    if page_break:
        pPr_children.append(E("w:pageBreakBefore"))
    if indent:
        pPr_children.append(E("w:ind", {"w:firstLineChars": "200", "w:firstLine": "420"}))
    if align:
        pPr_children.append(E("w:jc", {"w:val": align}))
    p = E("w:p")
    if pPr_children:
        p.append(E("w:pPr", children=pPr_children))
    for item in items:
        if isinstance(item, str):
            item = Text(item, bold=bold)
        if isinstance(item, Text):
            for e in item.elements(per_char):
                p.append(e)
        else:
            p.append(item)
    return p


class Ids:
    """w:id values, unique in a document."""

    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return self.n


# --- check boxes, one class per way of ticking


class Ticks:
    """Glyph boxes: ☑ ticked, ☐ not (the template as a unit fills it in Word)."""
    keeps_unchosen = True

    def __init__(self, ids):
        self.ids = ids

    def box(self, ticked, row):
        return [Text("☑" if ticked else "☐")]

    def option(self, ticked, label_items, row):
        return self.box(ticked, row) + label_items


class Wingdings2Ticks(Ticks):
    """Insert > Symbol > Wingdings 2: w:sym, F052 a ticked box, F0A3 an empty one."""

    def box(self, ticked, row):
        r = E("w:r", children=[E("w:rPr", children=[E("w:rFonts", {"w:ascii": "Wingdings 2",
                                                                  "w:hAnsi": "Wingdings 2"})])])
        r.append(E("w:sym", {"w:font": "Wingdings 2", "w:char": "F052" if ticked else "F0A3"}))
        return [r]


class WingdingsTicks(Ticks):
    """Wingdings as private-use characters in the text: U+F0FE ticked, U+F06F not."""

    def box(self, ticked, row):
        return [run("\uf0fe" if ticked else "\uf06f", font="Wingdings")]


class ContentControlTicks(Ticks):
    """Word's check box content control (Developer > Check Box Content Control)."""

    def box(self, ticked, row):
        checkbox = E("w14:checkbox", children=[
            E("w14:checked", {"w14:val": "1" if ticked else "0"}),
            E("w14:checkedState", {"w14:val": "2612", "w14:font": "MS Gothic"}),
            E("w14:uncheckedState", {"w14:val": "2610", "w14:font": "MS Gothic"}),
        ])
        sdt_pr = E("w:sdtPr", children=[
            E("w:rPr", children=[E("w:rFonts", {"w:hint": "eastAsia"})]),
            E("w:id", {"w:val": str(-1000000 - self.ids.next())}),
            checkbox,
        ])
        content = E("w:sdtContent", children=[run("☒" if ticked else "☐", font="MS Gothic")])
        return [E("w:sdt", children=[sdt_pr, E("w:sdtEndPr"), content])]


class FormFieldTicks(Ticks):
    """Legacy form-field check boxes (FORMCHECKBOX). Ticked ones are written in turn as a
    bare <w:checked/> (on, as ST_OnOff says), <w:checked w:val="1"/>, and w:default="1"
    alone; unticked ones as w:default="0" alone and as w:default="1" overridden by
    <w:checked w:val="0"/>."""

    TICKED = ("bare", "checked1", "default1")
    UNTICKED = ("default0", "override0")

    def __init__(self, ids):
        super().__init__(ids)
        self.ticked_count = 0
        self.unticked_count = 0
        self.field = 0

    def box(self, ticked, row):
        if ticked:
            variant = self.TICKED[self.ticked_count % len(self.TICKED)]
            self.ticked_count += 1
        else:
            variant = self.UNTICKED[self.unticked_count % len(self.UNTICKED)]
            self.unticked_count += 1
        default = "1" if variant in ("default1", "override0") else "0"
        check = [E("w:sizeAuto"), E("w:default", {"w:val": default})]
        if variant == "bare":
            check.append(E("w:checked"))
        elif variant == "checked1":
            check.append(E("w:checked", {"w:val": "1"}))
        elif variant == "override0":
            check.append(E("w:checked", {"w:val": "0"}))
        self.field += 1
        name = f"Check{self.field}"
        ff = E("w:ffData", children=[E("w:name", {"w:val": name}), E("w:enabled"),
                                     E("w:calcOnExit", {"w:val": "0"}),
                                     E("w:checkBox", children=check)])
        bookmark = self.ids.next()
        return [
            E("w:bookmarkStart", {"w:id": bookmark, "w:name": name}),
            E("w:r", children=[E("w:fldChar", {"w:fldCharType": "begin"}, [ff])]),
            E("w:r", children=[text_element("w:instrText", " FORMCHECKBOX ")]),
            E("w:r", children=[E("w:fldChar", {"w:fldCharType": "separate"})]),
            E("w:r", children=[E("w:fldChar", {"w:fldCharType": "end"})]),
            E("w:bookmarkEnd", {"w:id": bookmark}),
        ]


class MarkTicks(Ticks):
    """√ or ■ before the chosen label only; the other labels carry no glyph at all."""

    def __init__(self, ids, marks):
        super().__init__(ids)
        self.marks = marks

    def option(self, ticked, label_items, row):
        return ([Text(self.marks[row])] if ticked else []) + label_items


class DeletedTicks(Ticks):
    """The unit deleted every option it did not choose: the chosen labels alone remain."""
    keeps_unchosen = False

    def option(self, ticked, label_items, row):
        return label_items if ticked else []


def make_ticks(form, ids):
    return {
        "glyph": lambda: Ticks(ids),
        "wingdings2": lambda: Wingdings2Ticks(ids),
        "wingdings": lambda: WingdingsTicks(ids),
        "sdt": lambda: ContentControlTicks(ids),
        "formcheckbox": lambda: FormFieldTicks(ids),
        "mark": lambda: MarkTicks(ids, form.marks),
        "deleted": lambda: DeletedTicks(ids),
    }[form.tick]()


# --- tables

GRID = [1400, 1700, 2126, 1900, 1900]  # the 信息表's five grid columns, 9026 twips
ROW_INDUSTRY, ROW_REGION, ROW_TYPE = 0, 1, 2


def cell(paragraphs, width, span=1, vmerge=None, valign="center"):
    tc_pr = [E("w:tcW", {"w:w": width, "w:type": "dxa"})]
    if span > 1:
        tc_pr.append(E("w:gridSpan", {"w:val": span}))
    if vmerge == "restart":
        tc_pr.append(E("w:vMerge", {"w:val": "restart"}))
    elif vmerge == "continue":
        tc_pr.append(E("w:vMerge"))
    tc_pr.append(E("w:vAlign", {"w:val": valign}))
    tc = E("w:tc", children=[E("w:tcPr", children=tc_pr)])
    for p in paragraphs or [paragraph([])]:
        tc.append(p)
    return tc


def table(grid, rows):
    borders = E("w:tblBorders", children=[
        E(f"w:{side}", {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"})
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")])
    tbl_pr = E("w:tblPr", children=[
        E("w:tblStyle", {"w:val": "TableGrid"}),
        E("w:tblW", {"w:w": sum(grid), "w:type": "dxa"}),
        E("w:jc", {"w:val": "center"}),
        borders,
        E("w:tblLayout", {"w:type": "fixed"}),
        E("w:tblLook", {"w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "1",
                        "w:lastColumn": "0", "w:noHBand": "0", "w:noVBand": "1"}),
    ])
    tbl = E("w:tbl", children=[tbl_pr, E("w:tblGrid", children=[E("w:gridCol", {"w:w": w}) for w in grid])])
    for r in rows:
        tbl.append(r)
    return tbl


def row(cells, height=None, header=False):
    tr = E("w:tr")
    tr_pr = []
    if header:
        tr_pr.append(E("w:tblHeader"))
    if height:
        tr_pr.append(E("w:trHeight", {"w:val": height}))
    if tr_pr:
        tr.append(E("w:trPr", children=tr_pr))
    for c in cells:
        tr.append(c)
    return tr


# ---------------------------------------------------------------------------------------
# The builder: one form, its .docx and its expectation.

SPACED_LABELS = {
    "产业领域": ["产 业 领 域"],
    "合作国别、地区": ["合作国别（地区）"],
    "项目名称": ["项 目 名 称"],
    "项目类型": ["项 目 类 型"],
    "项目概述": ["项 目 概 述"],
    "序号": ["序  号"],
    "科学问题/关键技术": ["科学问题／关键技术"],
    "技术成熟度等级": ["技术成熟度 等级"],
    "项目实施投入计划": ["项目实施", "投入计划"],
    "项目计划总投入": ["项目计划 总投入"],
    "省财政资金支持强度建议": ["省财政资金", "支持强度建议"],
    "项目指南建议来源": ["项目指南", "建议来源"],
    "建议单位": ["建 议 单 位"],
    "建议人": ["建 议 人"],
    "职称/职务": ["职称／职务"],
    "联系电话": ["联 系 电 话"],
}
# How the template breaks its two-line labels (a line break inside one paragraph).
NORMAL_LABELS = {"项目实施投入计划": ["项目实施\n投入计划"], "项目指南建议来源": ["项目指南\n建议来源"]}


class Builder:
    def __init__(self, form, data, profile):
        self.form = form
        self.data = data
        self.profile = profile
        self.expected = copy.deepcopy(data)
        self.ids = Ids()
        self.ticks = make_ticks(form, self.ids)
        self.document = docx.Document()
        self.doc_body = self.document.element.body
        self.sect_pr = self.doc_body.find(qn("w:sectPr"))
        self._set_up()

    # --- document set-up

    def _set_up(self):
        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = r_pr.find(qn("w:rFonts"))
        for key in ("w:eastAsiaTheme",):
            if fonts.get(qn(key)) is not None:
                del fonts.attrib[qn(key)]
        fonts.set(qn("w:eastAsia"), "宋体")
        lang = r_pr.find(qn("w:lang"))
        lang.set(qn("w:eastAsia"), "zh-CN")
        r_pr.find(qn("w:sz")).set(qn("w:val"), "21")
        r_pr.find(qn("w:szCs")).set(qn("w:val"), "21")
        # A4, margins as the call's template has them.
        pg = self.sect_pr.find(qn("w:pgSz"))
        pg.set(qn("w:w"), "11906")
        pg.set(qn("w:h"), "16838")
        mar = self.sect_pr.find(qn("w:pgMar"))
        for k, v in (("w:top", "1440"), ("w:bottom", "1440"), ("w:left", "1440"), ("w:right", "1440")):
            mar.set(qn(k), v)
        self.document.styles["Title"].font.size = Pt(18)

    def add(self, element):
        self.sect_pr.addprevious(element)

    def p(self, items, **kw):
        kw.setdefault("per_char", self.form.per_char)
        self.add(paragraph(items, **kw))

    # --- the 信息表

    def label_paragraphs(self, label, bold=False):
        variants = (SPACED_LABELS if self.form.labels == "spaced" else NORMAL_LABELS).get(label, [label])
        out = []
        for v in variants:
            items = []
            for i, line in enumerate(v.split("\n")):
                if i:
                    items.append(E("w:r", children=[E("w:br")]))
                items.append(Text(line, bold=bold))
            out.append(paragraph(items, align="center", per_char=self.form.per_char))
        return out

    def value_paragraphs(self, text, align=None):
        return [paragraph([Text(line)], align=align, per_char=self.form.per_char) for line in text.split("\n")]

    def options_paragraph(self, options, row, hint, gap="  "):
        """options: [(ticked, label_items)]. The hint (（仅选择一个领域）) stays unless the unit
        deleted the options."""
        items = []
        for ticked, label_items in options:
            piece = self.ticks.option(ticked, label_items, row)
            if not piece:
                continue
            if items:
                items.append(Text(gap))
            items.extend(piece)
        if hint and self.ticks.keeps_unchosen:
            items.append(Text(hint))
        return paragraph(items, per_char=self.form.per_char)

    def industry_row(self):
        d = self.data
        options = []
        for code, label in self.profile.industries:
            chosen = d["industry"] == code
            items = [Text(label)]
            if code == "other":
                items.append(Text("："))
                if chosen:
                    items.append(Text(d["industry_other"], underline=True))
                else:
                    items.append(Text("________", underline=False))
            options.append((chosen, items))
        return row([cell(self.label_paragraphs("产业领域"), GRID[0]),
                    cell([self.options_paragraph(options, ROW_INDUSTRY, "（仅选择一个领域）")], sum(GRID[1:]), span=4,
                         valign="top")])

    def region_row(self):
        options = [(self.data["region"] == code, [Text(label)]) for code, label in self.profile.regions]
        return row([cell(self.label_paragraphs("合作国别、地区"), GRID[0]),
                    cell([self.options_paragraph(options, ROW_REGION, None)], sum(GRID[1:]), span=4, valign="top")])

    def title_row(self):
        f = self.form
        if f.tracked_title:
            before, deleted, inserted, after = f.tracked_title
            assert before + inserted + after == self.data["title"], "the tracked change must give the title"
            date = "2025-03-02T10:15:00Z"
            items = [Text(before)]
            if f.noise:
                items += [E("w:proofErr", {"w:type": "gramStart"})]
            items += [
                E("w:del", {"w:id": self.ids.next(), "w:author": "建议人", "w:date": date},
                  [run(ch, tag="w:delText") for ch in deleted]),
                E("w:ins", {"w:id": self.ids.next(), "w:author": "建议人", "w:date": date},
                  [run(ch) for ch in inserted]),
            ]
            if f.noise:
                bookmark = self.ids.next()
                items += [E("w:proofErr", {"w:type": "gramEnd"}),
                          E("w:bookmarkStart", {"w:id": bookmark, "w:name": "_GoBack"}),
                          E("w:bookmarkEnd", {"w:id": bookmark})]
            items.append(Text(after))
            value = [paragraph(items, per_char=f.per_char)]
        else:
            value = self.value_paragraphs(self.data["title"])
        return row([cell(self.label_paragraphs("项目名称"), GRID[0]), cell(value, sum(GRID[1:]), span=4)])

    def type_row(self):
        t = self.data["project_type"]
        labels = dict(self.profile.types)
        first = []
        if t["bring_in"] or self.ticks.keeps_unchosen:
            sub_options = [(code in t["bring_in_subtypes"], [Text(label)]) for code, label in self.profile.subtypes]
            items = self.ticks.option(t["bring_in"], [Text(labels["bring_in"])], ROW_TYPE)
            items.append(Text("（"))
            inner = self.options_paragraph(sub_options, ROW_TYPE, None)
            items.extend(list(inner))  # the runs of the sub-type options
            items.append(Text("）"))
            if self.ticks.keeps_unchosen:
                items.append(Text("（仅选择一种类型）"))
            first = [paragraph(items, per_char=self.form.per_char)]
        others = [(bool(t[code]), [Text(label)]) for code, label in self.profile.types if code != "bring_in"]
        second = []
        if any(c for c, _ in others) or self.ticks.keeps_unchosen:
            second = [self.options_paragraph(others, ROW_TYPE, "（可多选）")]
        return row([cell(self.label_paragraphs("项目类型"), GRID[0]),
                    cell(first + second, sum(GRID[1:]), span=4, valign="top")])

    def overview_row(self):
        text = self.data["overview"]
        if self.form.overview_paragraphs:
            text = split_in_two(text)
            self.expected["overview"] = text
        return row([cell(self.label_paragraphs("项目概述"), GRID[0]),
                    cell(self.value_paragraphs(text), sum(GRID[1:]), span=4, valign="top")])

    def key_technology_rows(self):
        techs = self.data["key_technologies"]
        rows = [row([cell([paragraph([Text(f"关键科学问题及技术清单（不超过{self.profile.limit}项）", bold=True)],
                                     align="center", per_char=self.form.per_char)], sum(GRID), span=5)])]
        rows.append(row([
            cell(self.label_paragraphs("序号"), GRID[0], vmerge="restart"),
            cell(self.label_paragraphs("科学问题/关键技术"), GRID[1] + GRID[2], span=2, vmerge="restart"),
            cell(self.label_paragraphs("技术成熟度等级"), GRID[3] + GRID[4], span=2),
        ]))
        rows.append(row([
            cell([], GRID[0], vmerge="continue"),
            cell([], GRID[1] + GRID[2], span=2, vmerge="continue"),
            cell(self.label_paragraphs("当前自评等级"), GRID[3]),
            cell(self.label_paragraphs("实施预期等级"), GRID[4]),
        ]))
        for i in range(max(len(techs), self.profile.limit)):
            t = techs[i] if i < len(techs) else None
            rows.append(row([
                cell(self.value_paragraphs(str(i + 1), align="center"), GRID[0]),
                cell(self.value_paragraphs(t["name"]) if t else [], GRID[1] + GRID[2], span=2),
                cell(self.value_paragraphs(level_text(self.form.level_current, t["trl_current"], self.profile),
                                           align="center") if t else [], GRID[3]),
                cell(self.value_paragraphs(level_text(self.form.level_expected, t["trl_expected"], self.profile),
                                           align="center") if t else [], GRID[4]),
            ], height=454))
        return rows

    def amount_text(self, key):
        override = self.form.total_text if key == "total" else self.form.provincial_text
        if override is not None:
            return override
        return f"{self.data['funding'][key]}万元"

    def funding_rows(self):
        rows = []
        for i, (key, label) in enumerate((("total", "项目计划总投入"), ("provincial", "省财政资金支持强度建议"))):
            first = cell(self.label_paragraphs("项目实施投入计划") if i == 0 else [], GRID[0],
                         vmerge="restart" if i == 0 else "continue")
            amount = self.value_paragraphs(self.amount_text(key), align="center")
            if self.form.split_funding_cell:
                # As the seed's form has it: the label, an empty cell, then the amount.
                rows.append(row([first, cell(self.label_paragraphs(label), GRID[1]), cell([], GRID[2]),
                                 cell(amount, GRID[3] + GRID[4], span=2)]))
            else:
                rows.append(row([first, cell(self.label_paragraphs(label), GRID[1] + GRID[2], span=2),
                                 cell(amount, GRID[3] + GRID[4], span=2)]))
        if self.form.funding_expected is not None:
            self.expected["funding"] = copy.deepcopy(self.form.funding_expected)
        return rows

    def source_rows(self):
        s = self.data["source"]
        proposer = self.value_paragraphs(s["proposer"])
        if self.form.noise:
            # A smart tag (Word 2003's PersonName) around the proposer's name.
            tag = E("w:smartTag", {"w:uri": "urn:schemas-microsoft-com:office:smarttags", "w:element": "PersonName"},
                    [run(s["proposer"])])
            proposer = [paragraph([tag])]
        label = self.label_paragraphs
        return [
            row([cell(label("项目指南建议来源"), GRID[0], vmerge="restart"), cell(label("建议单位"), GRID[1]),
                 cell(self.value_paragraphs(s["unit"]), GRID[2] + GRID[3] + GRID[4], span=3)]),
            row([cell([], GRID[0], vmerge="continue"), cell(label("建议人"), GRID[1]),
                 cell(proposer, GRID[2]), cell(label("职称/职务"), GRID[3]),
                 cell(self.value_paragraphs(s["position"]), GRID[4])]),
            row([cell([], GRID[0], vmerge="continue"), cell(label("联系电话"), GRID[1]),
                 cell(self.value_paragraphs(s["phone"]), GRID[2] + GRID[3] + GRID[4], span=3)]),
        ]

    def write_form(self):
        if self.form.attachment_line:
            self.p([Text("附件1", bold=True)])
        self.p([Text("2025年省级国际科技合作项目指南建议信息表", bold=True)], align="center")
        rows = [self.industry_row(), self.region_row(), self.title_row(), self.type_row(), self.overview_row()]
        rows += self.key_technology_rows()
        rows += self.funding_rows()
        rows += self.source_rows()
        self.add(table(GRID, rows))
        self.p([Text("备注：技术成熟度等级详见附件2《技术成熟度等级划分》")])

    # --- the 说明报告

    def cn(self, n):
        return ("（{}）" if self.form.paren == "full" else "({}) ").format(CN_NUMERALS[n])

    def ar(self, n):
        return {"dot_space": f"{n}. ", "dot": f"{n}.", "comma": f"{n}、"}[self.form.arabic]

    def heading(self, level, text):
        if self.form.headings == "styled":
            self.p([Text(text)], style=f"Heading{level}", keep_next=True)
        else:
            self.p([Text(text, bold=level <= 2)], keep_next=True, indent=level > 1)

    def body(self, text):
        for line in text.split("\n"):
            self.p([Text(line)], indent=True)

    def labelled(self, label, text):
        self.p([Text(label + self.form.colon, bold=True), Text(text)], indent=True)

    def field(self, pointer, text):
        """The body under a heading; a field named in form.split is two paragraphs."""
        key = pointer.rsplit("/", 1)[-1]
        if key in self.form.split:
            text = split_in_two(text)
            set_pointer(self.expected, pointer, text)
        self.body(text)

    def indicator_table(self, indicators):
        grid = [600, 1000, 2426, 1200, 1900, 1900]
        head = ["序号", "类别", "指标", "目标值", "国内水平", "国际水平"]
        rows = [row([cell([paragraph([Text(h, bold=True)], align="center")], w) for h, w in zip(head, grid)],
                    header=True)]
        for i, ind in enumerate(indicators):
            target = ind.get("target")
            unit = ind.get("unit", "")
            value = ""
            if target is not None:
                value = str(target) + (" " if unit[:1].isascii() and unit[:1].isalpha() else "") + unit
                assert split_target(value) == (str(target), unit), (value, target, unit)
            values = [str(i + 1), TABLE_LABELS[ind["category"]], ind["text"], value,
                      ind.get("domestic", ""), ind.get("international", "")]
            rows.append(row([cell(self.value_paragraphs(v, align="center" if j in (0, 1, 3) else None) if v else [], w)
                             for j, (v, w) in enumerate(zip(values, grid))]))
        self.add(table(grid, rows))

    def item_prefix(self, n):
        return {"dot": f"{n}. ", "comma": f"{n}、", "paren": f"（{n}）"}[self.form.item_numbering]

    def indicator_paragraphs(self, key, indicators, heading_category, by_words, style):
        """One paragraph per item; returns what import reads from them."""
        read = []
        for i, (ind, written) in enumerate(indicators):
            if written is None:
                text = ind["text"]
                assert not text[-1:].isdigit(), f"{text!r} ends with a digit"
                written = text + str(ind["target"]) + ind.get("unit", "")
            needs_label = style == "para"
            if style == "auto":
                if by_words:
                    needs_label = classify_words(written) != ind["category"]
                else:
                    needs_label = heading_category != ind["category"]
            label = PARAGRAPH_LABELS[ind["category"]] + "：" if needs_label else ""
            # An unlabelled item must not start with a number: "1. 45 ℃…" reads as numbering.
            assert label or not written[:1].isdigit(), f"{written!r} starts with a digit: give it a label"
            self.p([Text(self.item_prefix(i + 1) + label + written)], indent=True)
            target, unit = read_target(written)
            assert target == str(ind["target"]) and unit == ind.get("unit", ""), \
                f"{key} item {written!r} reads as ({target}, {unit}), not ({ind['target']}, {ind.get('unit')})"
            # A paragraph item has no columns for the domestic and international figures.
            # A decimal read from the text keeps its digits ("4.0"): written as a JSON string,
            # which `zhinan format` leaves as it is (a JSON number 4.0 it would write as 4).
            item = {"category": ind["category"], "text": written,
                    "target": Num(target) if "." not in target else target}
            if unit:
                item["unit"] = unit
            read.append(item)
        return read

    def indicators(self, pointer, heading_category, by_words):
        key = pointer.rsplit("/", 1)[-1]
        items = [(i, None) for i in get_pointer(self.data, pointer) or []]
        extra = self.form.extra_indicators.get(key, [])
        items += extra
        style = self.form.indicator_style(key)
        if style == "table":
            assert not extra, "extra indicators are written as paragraphs"
            if items:
                self.indicator_table([i for i, _ in items])
            return
        read = self.indicator_paragraphs(key, items, heading_category, by_words, style)
        set_pointer(self.expected, pointer, read)

    def write_report(self):
        d, r, f = self.data, self.data["report"], self.form
        g = r["guideline"]
        title = f"“{d['title']}”项目指南建议说明报告"
        if f.headings == "styled":
            self.p([Text(title)], style="Title", align="center", page_break=True)
        else:
            self.p([Text(title, bold=True)], align="center", page_break=True)
        self.heading(1, "一、背景意义")
        self.field("/report/background", r["background"])
        self.heading(1, "二、项目概述")
        self.heading(2, self.cn(1) + "国内外发展现状与差距分析")
        self.heading(3, self.ar(1) + "发展现状")
        self.field("/report/status_quo", r["status_quo"])
        self.heading(3, self.ar(2) + "主要差距")
        self.field("/report/gaps", r["gaps"])
        self.heading(3, self.ar(3) + "实施意义")
        self.field("/report/significance", r["significance"])
        self.heading(2, self.cn(2) + "开展国际科技合作的必要性")
        self.field("/report/necessity", r["necessity"])
        self.heading(2, self.cn(3) + "合作基础")
        self.field("/report/cooperation_basis", r["cooperation_basis"])
        if d.get("partners"):
            partners = "；".join(f"{p['name']}（{p['country']}）" for p in d["partners"])
            self.p([Text("外方合作单位：" + partners)], indent=True)
        self.heading(2, self.cn(4) + "主要研究内容")
        self.field("/report/research_content", r["research_content"])
        self.heading(2, self.cn(5) + "项目目标")
        self.heading(3, self.ar(1) + "技术指标")
        self.indicators("/report/technical_indicators", "technical", by_words=False)
        self.heading(3, self.ar(2) + "绩效目标")
        self.indicators("/report/performance_targets", None, by_words=True)
        self.heading(2, self.cn(6) + "资金投入")
        self.field("/report/funding_plan", r["funding_plan"])

        self.heading(1, "三、关键技术清单及技术成熟度")
        for i, t in enumerate(d["key_technologies"]):
            n = i + 1
            self.heading(2, self.cn(n) + f.tech_heading.format(n=n, name=t["name"]))
            self.labelled("技术描述", t["description"])
            self.labelled("当前技术成熟度等级", level_text(f.level_current, t["trl_current"], self.profile))
            if t.get("evidence"):
                self.labelled("技术凭证", "")
                for j, e in enumerate(t["evidence"]):
                    line = self.ar(j + 1) + (e["kind"] + "：" if e.get("kind") else "") + e["title"]
                    if e.get("reference"):
                        line += f"（{e['reference']}）"
                    self.p([Text(line)], indent=True)
            self.labelled("预期指标", t["expected_indicators"])

        self.heading(1, "四、预期成效和项目交示件")
        self.field("/report/expected_outcomes", r["expected_outcomes"])
        if r.get("deliverables"):
            grid = [600, 3600, 4826]
            rows = [row([cell([paragraph([Text(h, bold=True)], align="center")], w)
                         for h, w in zip(["序号", "项目交示件", "检验、评测、考核方式"], grid)], header=True)]
            for j, x in enumerate(r["deliverables"]):
                rows.append(row([cell(self.value_paragraphs(str(j + 1), align="center"), grid[0]),
                                 cell(self.value_paragraphs(x["name"]), grid[1]),
                                 cell(self.value_paragraphs(x["verification"]), grid[2])]))
            self.add(table(grid, rows))

        self.heading(1, "五、指南建议")
        self.heading(2, self.cn(1) + "研究内容")
        self.field("/report/guideline/research_content", g["research_content"])
        self.heading(2, self.cn(2) + "考核指标" + ("：" if f.heading_colons else ""))
        self.heading(3, self.ar(1) + "验收考核指标")
        self.indicators("/report/guideline/acceptance_indicators", None, by_words=False)
        self.heading(3, self.ar(2) + "绩效参考指标")
        self.indicators("/report/guideline/performance_indicators", None, by_words=True)
        for label, key in (("申报条件", "eligibility"), ("支持强度", "support_intensity"),
                           ("技术成熟度", "readiness"), ("项目交示件", "deliverables"), ("张榜范围", "scope")):
            self.labelled(label, g[key])

    # --- saving

    def save(self, path):
        cp = self.document.core_properties
        cp.author = self.data["source"]["proposer"]
        cp.last_modified_by = self.data["source"]["proposer"]
        cp.title = "2025年省级国际科技合作项目指南建议信息表"
        cp.comments = ""
        cp.created = FIXED_TIME
        cp.modified = FIXED_TIME
        cp.revision = 1
        buffer = io.BytesIO()
        self.document.save(buffer)
        write_deterministic_zip(buffer.getvalue(), path)


def write_deterministic_zip(data, path):
    """The same parts, in the same order, with fixed timestamps (python-docx stamps 'now')."""
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, source.read(info.filename))


def split_in_two(text):
    """Two paragraphs: the break after the sentence end (。) nearest the middle."""
    ends = [m.end() for m in re.finditer("。", text) if m.end() < len(text)]
    if not ends:
        return text
    cut = min(ends, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut:]


def get_pointer(obj, pointer):
    for part in pointer.strip("/").split("/"):
        if obj is None:
            return None
        obj = obj[int(part)] if isinstance(obj, list) else obj.get(part)
    return obj


def set_pointer(obj, pointer, value):
    parts = pointer.strip("/").split("/")
    for part in parts[:-1]:
        obj = obj[int(part)] if isinstance(obj, list) else obj[part]
    obj[parts[-1]] = value


# ---------------------------------------------------------------------------------------


def form_data(form, samples, profile):
    """The suggestion the form shows (before the ways of writing it change the reading)."""
    data = load_sample(samples / form.sample, profile)
    for sample, index in form.extra_technologies:
        other = load_sample(samples / sample, profile)
        data["key_technologies"].append(copy.deepcopy(other["key_technologies"][index]))
    return data


def build(form, data, profile, out_dir, file_name=None, cli=None):
    """Writes the form; returns (docx path, expected suggestion, expected finding ids)."""
    b = Builder(form, data, profile)
    b.write_form()
    b.write_report()
    path = Path(out_dir) / (file_name or (form.name + ".docx"))
    b.save(path)
    return path, b.expected, sorted(form.findings)


def generate(out_dir, samples=DEFAULT_SAMPLES, profile_path=DEFAULT_PROFILE, cli=None, forms=None):
    """Writes every form of FORMS (or `forms`) and its expectations into out_dir; returns
    [(name, docx path, expected dict, expected finding ids)]."""
    if docx is None:
        raise RuntimeError("python-docx is not installed (Debian: apt-get install python3-docx)")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    samples = Path(samples)
    profile = Profile(profile_path)
    results = []
    for form in forms or FORMS:
        data = form_data(form, samples, profile)
        path, expected, findings = build(form, data, profile, out_dir, cli=cli)
        text = canonical(expected, cli)
        (out_dir / f"{form.name}.expected.json").write_text(text, encoding="utf-8")
        (out_dir / f"{form.name}.expected-findings.json").write_text(
            json.dumps(findings, ensure_ascii=False) + "\n", encoding="utf-8")
        results.append((form.name, path, load_json(text), findings))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--profile", type=Path, default=DEFAULT_PROFILE)
    parser.add_argument("--cli", help="zhinan, to write the expected JSON through `zhinan format`")
    args = parser.parse_args()
    if docx is None:
        print("python-docx is not installed (Debian: apt-get install python3-docx)", file=sys.stderr)
        return 2
    notes = {f.name: f.note for f in FORMS}
    for name, path, _, findings in generate(args.out, args.samples, args.profile, args.cli):
        print(f"{path}  findings={findings}\n    {notes[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The classic text attacks on suggestion JSON, each through the CLI (`validate --format
json`, `validate` as text, `format`, `pack`) and through Python (the wrapper over the C
API, from bytes and from the file): byte order marks and wide encodings, ill-formed UTF-8,
escapes of lone surrogates, NUL and other control characters, deep nesting, megabyte
strings and 10^5 keys or choices. Each must give its id at its place (line and column, or
JSON pointer), within the time and memory bounds of hostile_run.py, and nothing may be
written outside the output folder.

Usage: check_encoding_hostile.py ZHINAN_CLI WORK_DIR
"""
import json
import os
import sys

from hostile_run import SAMPLES, Sandbox, Verdicts, python_read

cli = os.path.abspath(sys.argv[1])
box = Sandbox(sys.argv[2])
verdict = Verdicts()
with open(os.path.join(SAMPLES, "valid-sco.json"), encoding="utf-8") as f:
    TEXT = f.read()
BASE = TEXT.encode("utf-8")
DOC = json.loads(TEXT)
TITLE_AT = BASE.index(b'"title": "') + len(b'"title": "')  # the first byte of the title's value
REPORT_LIMIT = 64 * 1024  # a finding quotes a value abbreviated, never a megabyte of it


class Case:
    def __init__(self, what, data, exit_code, rule, path=None, where=None, says=None, severity=None, raw_in_cli=False):
        self.what, self.data, self.exit_code, self.rule = what, data, exit_code, rule
        self.path, self.where, self.says, self.severity = path, where, says, severity
        # The CLI's text report prints each file's title and each finding's JSON pointer as
        # they are (cli/report_output.cpp, cli/cli_output.cpp): controls there reach the
        # terminal whatever the library does, so such a case is not checked for them.
        self.raw_in_cli = raw_in_cli


def place(data, offset, skip=0):
    """Line and column (characters) of a byte offset, as an editor shows them; `skip`
    bytes of a BOM in front are no character."""
    before = data[skip:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8")) + 1


def in_title(raw):
    """valid-sco with `raw` (bytes as they stand in the file) at the start of its title."""
    return BASE[:TITLE_AT] + raw + BASE[TITLE_AT:]


def changed(change):
    doc = json.loads(TEXT)
    change(doc)
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def escaped(change):
    """Like changed(), written with \\uXXXX escapes for everything not ASCII."""
    doc = json.loads(TEXT)
    change(doc)
    return json.dumps(doc, ensure_ascii=True, indent=2).encode("ascii")


def title_case(what, raw, rule, says, at_offset=0):
    data = in_title(raw)
    return Case(what, data, 1, rule, where=place(data, TITLE_AT + at_offset), says=says)


cases = []
# 1. Byte order marks and encodings other than UTF-8. A UTF-8 BOM (Notepad writes one) is
#    accepted, as decisions.md says; every other one names the encoding found.
cases.append(Case("a UTF-8 BOM is accepted", b"\xEF\xBB\xBF" + BASE, 0, None))
for name, bom, codec in [("UTF-16LE", b"\xFF\xFE", "utf-16-le"), ("UTF-16BE", b"\xFE\xFF", "utf-16-be"),
                         ("UTF-32LE", b"\xFF\xFE\x00\x00", "utf-32-le"), ("UTF-32BE", b"\x00\x00\xFE\xFF", "utf-32-be")]:
    cases.append(Case(name + " with its BOM", bom + TEXT.encode(codec), 1, "format.utf8_invalid", where=(1, 1),
                      says=name))
    cases.append(Case(name + " without a BOM", TEXT.encode(codec), 1, "format.utf8_invalid", where=(1, 1), says=name))
cases.append(Case("GB18030 with its BOM", b"\x84\x31\x95\x33" + TEXT.encode("gb18030"), 1, "format.utf8_invalid",
                  where=(1, 1), says="GB18030"))
cases.append(Case("two UTF-8 BOMs", b"\xEF\xBB\xBF\xEF\xBB\xBF" + BASE, 1, "format.json_invalid", where=(1, 1),
                  says="byte order mark"))

# 2. Ill-formed UTF-8: each at its line and column, saying what is wrong with the bytes.
for what, raw, says in [
    ("overlong / (C0 AF)", b"\xC0\xAF", "overlong"),
    ("overlong / (E0 80 AF)", b"\xE0\x80\xAF", "overlong"),
    ("overlong / (F0 80 80 AF)", b"\xF0\x80\x80\xAF", "overlong"),
    ("a surrogate in UTF-8 (ED A0 80)", b"\xED\xA0\x80", "surrogate"),
    ("a low surrogate in UTF-8 (ED B0 80)", b"\xED\xB0\x80", "surrogate"),
    ("past U+10FFFF (F4 90 80 80)", b"\xF4\x90\x80\x80", "U+10FFFF"),
    ("the bytes FF FE in a string", b"\xFF\xFE", "FF"),
    ("a continuation byte alone (80)", b"\x80", "continuation"),
    ("a character cut short (E6 B0, then ASCII)", b"\xE6\xB0x", "cut short"),
]:
    cases.append(title_case("validate, " + what, raw, "format.utf8_invalid", says))
truncated = BASE[:TITLE_AT] + "氢".encode("utf-8")[:2]
cases.append(Case("the file ends inside a character", truncated, 1, "format.utf8_invalid",
                  where=place(truncated, TITLE_AT), says="ends"))
# Escapes of half a surrogate pair name no character: at the escape's backslash.
for what, raw, at in [
    ("\"\\ud800\" without its pair", b"\\ud800", 0),
    ("\"\\udc00\" without its pair", b"\\udc00", 0),
    ("\"\\ud800\\ud800\"", b"\\ud800\\ud800", 0),
    ("\"\\ud800x\"", b"\\ud800x", 0),
    ("\"\\ud800\\u0041\"", b"\\ud800\\u0041", 0),
    ("\"x\\udfff\" after a letter", b"x\\udfff", 1),
]:
    cases.append(title_case("validate, " + what, raw, "format.utf8_invalid", "surrogate", at))
key = BASE.replace(b'"department": ', b'"dep\\ud800artment": ', 1)
cases.append(Case("a lone surrogate in a key", key, 1, "format.utf8_invalid",
                  where=place(key, key.index(b"\\ud800")), says="surrogate"))
cases.append(Case("a pair \"\\ud83d\\ude00\" is a character (😀)", in_title(b"\\ud83d\\ude00"), 0, None))

# 3. NUL and other control characters. Raw ones are no JSON (said at their place); escaped,
#    a NUL is removed and reported (C strings, Word and the ZIP cannot hold it), any other
#    invisible control is a warning at its field.
cases.append(title_case("a raw NUL byte in the title", b"\x00", "format.json_invalid", "NUL"))
nul = BASE.replace(b"{", b"{\x00", 1)
cases.append(Case("a raw NUL byte between tokens", nul, 1, "format.json_invalid", where=place(nul, 1), says="NUL"))
cases.append(title_case("a raw U+0001 in the title", b"\x01", "format.json_invalid", "U+0001"))
cases.append(title_case("a raw tab in the title", b"\t", "format.json_invalid", "U+0009"))
for what, change, path in [
    ("title", lambda d: d.update(title="氢\u0000能"), "/title"),
    ("source/unit", lambda d: d["source"].update(unit="\u0000" + d["source"]["unit"]), "/source/unit"),
    ("industry", lambda d: d.update(industry="new_energy\u0000"), "/industry"),
    ("region [..., \"\\u0000\"]", lambda d: d.update(region=["sco", "\u0000"]), "/region/1"),
    ("an evidence title", lambda d: d["key_technologies"][0]["evidence"][0].update(title="报告\u0000"),
     "/key_technologies/0/evidence/0/title"),
    ("funding/total \"1260\\u0000\"", lambda d: d["funding"].update(total="1260\u0000"), "/funding/total"),
    ("an indicator's unit", lambda d: d["report"]["technical_indicators"][0].update(unit="%\u0000"),
     "/report/technical_indicators/0/unit"),
]:
    cases.append(Case("\"\\u0000\" in " + what, escaped(change), 1, "format.nul_character", path))
for what, change, path, code in [
    ("ESC [2J in the title", lambda d: d.update(title="\u001b[2J" + d["title"]), "/title", "U+001B"),
    ("BEL in the proposer", lambda d: d["source"].update(proposer=d["source"]["proposer"] + "\u0007"),
     "/source/proposer", "U+0007"),
    ("C1 NEL in the overview", lambda d: d.update(overview=d["overview"] + "\u0085"), "/overview", "U+0085"),
    ("DEL in the department", lambda d: d.update(department=d["department"] + "\u007f"), "/department", "U+007F"),
]:
    cases.append(Case("\"\\u%s\" (%s)" % (code[2:].lower(), what), escaped(change), 0, "format.control_character", path,
                      says=code, severity="warning", raw_in_cli=path == "/title"))
cases.append(Case("tabs and line feeds in the overview are text", escaped(
    lambda d: d.update(overview="第一段\t说明\n第二段\r\n第三段")), 0, None))
# A value quoted in a message carries no control character to the clerk's terminal.
cases.append(Case("ESC in the industry, quoted by industry.unknown", escaped(
    lambda d: d.update(industry="\u001b[2J\u001b[31m新能源")), 1, "industry.unknown", "/industry"))
cases.append(Case("ESC in an unknown key, quoted by format.unknown_field", escaped(
    lambda d: d.update({"x\u001b[2Jy": 1})), 0, "format.unknown_field", "/x\u001b[2Jy", severity="warning",
    raw_in_cli=True))

# 4. Depth, length and breadth.
cases.append(Case("10^5 [", b"[" * 100_000, 1, "format.json_invalid", where=(1, 65), says="nesting"))
objects = b'{"a":' * 100_000
cases.append(Case("10^5 {\"a\":", objects, 1, "format.json_invalid", where=(1, 5 * 64 + 1), says="nesting"))
deep = BASE[:TITLE_AT - len(b'"title": "')] + b'"report": ' + b"[" * 100_000
cases.append(Case("10^5 [ in /report", deep, 1, "format.json_invalid", says="nesting"))
cases.append(Case("a 1 MB title", changed(lambda d: d.update(title="a" * 1_000_000)), 0, None))
cases.append(Case("a 1 MB title of Chinese characters", changed(lambda d: d.update(title="氢" * 350_000)), 0, None))
cases.append(Case("a 1 MB industry", changed(lambda d: d.update(industry="a" * 1_000_000)), 1, "industry.unknown",
                  "/industry"))
cases.append(Case("10^5 keys in the root object",
                  changed(lambda d: d.update({"k%06d" % i: i for i in range(100_000)})), 0, "format.unknown_field",
                  "/k000000", severity="warning"))
cases.append(Case("10^5 keys in /report/guideline",
                  changed(lambda d: d["report"]["guideline"].update({"k%06d" % i: i for i in range(100_000)})), 0,
                  "format.unknown_field", "/report/guideline/k000000", severity="warning"))
cases.append(Case("10^5 industries", changed(lambda d: d.update(industry=["x%d" % i for i in range(100_000)])), 1,
                  "industry.multiple", "/industry"))
cases.append(Case("10^5 bring_in sub-types",
                  changed(lambda d: d["project_type"].update(bring_in_subtypes=["s%d" % i for i in range(100_000)])),
                  1, "type.bring_in_subtype_multiple", "/project_type/bring_in_subtypes"))


def matches(d, case, get):
    return (get(d, "id") == case.rule and (case.path is None or get(d, "path") == case.path) and
            (case.where is None or (get(d, "line"), get(d, "column")) == case.where) and
            (case.severity is None or get(d, "severity") == case.severity))


def check_findings(case, found, get, problems):
    """The case's finding among `found`, saying what it should; no error when none is expected."""
    if case.rule is None:
        errors = [get(d, "id") for d in found if get(d, "severity") == "error"]
        if errors:
            problems.append("errors %s" % sorted(set(errors)))
        return
    hits = [d for d in found if matches(d, case, get)]
    if not hits:
        problems.append("no %s at %s in %s" % (case.rule, case.path or case.where, sorted(
            {(get(d, "id"), get(d, "path"), get(d, "line"), get(d, "column")) for d in found})[:6]))
        return
    if case.says and not any(case.says in get(d, "message_en") for d in hits):
        problems.append("%s does not say %r: %s" % (case.rule, case.says, get(hits[0], "message_en")[:200]))
    for d in found:  # quoted values are made visible, never passed on raw
        for text in (get(d, "message_zh"), get(d, "message_en")):
            if any(ord(c) < 0x20 and c not in "\n" or 0x7F <= ord(c) <= 0x9F for c in text):
                problems.append("%s message carries a control character: %r" % (get(d, "id"), text[:120]))


def from_cli(d, k):
    return d.get(k) if k not in ("line", "column") else d.get(k, 0)


def from_python(d, k):
    return getattr(d, k)


for n, case in enumerate(cases):
    name = "case-%02d.json" % n
    path = box.write(name, case.data)
    # validate --format json: the id, its place, the exit code; a report of bounded size.
    code, out, err, seconds, mb, problems = box.run(cli, ["validate", "--format", "json", path])
    if code != case.exit_code:
        problems.append("exit %d, not %d (%s)" % (code, case.exit_code, err[:200]))
    try:
        found = json.loads(out.decode("utf-8"))["diagnostics"]
        check_findings(case, found, from_cli, problems)
    except (ValueError, KeyError) as e:
        problems.append("no JSON report (%s): %r" % (e, out[:200]))
        if len(json.dumps(found, ensure_ascii=False)) > REPORT_LIMIT:  # the files' list names each title whole
            problems.append("findings of %d characters" % len(json.dumps(found, ensure_ascii=False)))
    verdict("cli validate, " + case.what, problems, seconds, mb, "[%s] " % (case.rule or "accepted"))

    # validate as text, as a clerk reads it in a terminal: no escape sequence gets through.
    code, out, err, seconds, mb, problems = box.run(cli, ["validate", path])
    text = (out + err.encode("utf-8")).decode("utf-8", "replace")
    if "\x1b" in text and not case.raw_in_cli:
        problems.append("the text report passes an ESC on to the terminal")
    if code != case.exit_code:
        problems.append("exit %d, not %d" % (code, case.exit_code))
    verdict("cli validate (text), " + case.what, problems, seconds, mb)

    # format (reading only, no rules): canonical JSON on stdout when the file reads, the
    # findings of reading on stderr.
    code, out, err, seconds, mb, problems = box.run(cli, ["format", path])
    reading = case.rule and case.rule.startswith("format.")
    if reading and code != (1 if case.severity is None else 0):
        problems.append("exit %d" % code)
    if reading and "[%s]" % case.rule not in err:
        problems.append("no [%s] on stderr: %s" % (case.rule, err[:200]))
    if code == 0:
        try:
            json.loads(out.decode("utf-8"))
        except ValueError as e:
            problems.append("the output is no JSON (%s)" % e)
    verdict("cli format, " + case.what, problems, seconds, mb)

    # pack: refused (exit 1) and nothing written while the file has errors; written only
    # inside the output folder otherwise.
    box.clear_out()
    zip_path = os.path.join(box.out, "包.zip")
    code, out, err, seconds, mb, problems = box.run(cli, ["pack", "-o", zip_path, path])
    written = sorted(os.listdir(box.out))
    if case.exit_code == 1 and (code != 1 or written):
        problems.append("exit %d (not 1), wrote %s" % (code, written))
    if case.exit_code == 0 and (code != 0 or "包.zip" not in written):
        problems.append("exit %d (not 0), wrote %s: %s" % (code, written, err[-300:]))
    verdict("cli pack, " + case.what, problems, seconds, mb, "exit %d, %d files in out/, " % (code, len(written)))

    # Python, from the bytes and from the file: the same id at the same place.
    for how in ("from_json", "from_file"):
        found, read, seconds, problems = python_read(case.data if how == "from_json" else path, how)
        check_findings(case, found, from_python, problems)
        errors = any(d.severity == "error" for d in found)
        if errors != (case.exit_code == 1):
            problems.append("errors: %s, expected %s" % (errors, case.exit_code == 1))
        verdict("python %s, %s" % (how, case.what), problems, seconds)

verdict.finish()

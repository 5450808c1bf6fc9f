#!/usr/bin/env python3
"""Hostile and careless suggestion JSON through `zhinan format` and `zhinan validate`, as an
office system would run them on what units send: numbers no double holds, keys given twice,
empty items, a text where a number belongs, files past the size limit. Each gives its id and
exit code within 5 s of CPU and 200 MB (os.wait4 of each child), and `format` always writes
JSON with the number exactly as written (never `inf`).

Usage: check_json_hostile.py ZHINAN_CLI WORK_DIR
"""
import json
import os
import subprocess
import sys
import time

cli, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "data", "valid-sco.json")
with open(SAMPLE, encoding="utf-8") as f:
    SAMPLE_TEXT = f.read()
    BASE = json.loads(SAMPLE_TEXT)

# CPU seconds: far above what a healthy run takes (the slowest case, 3.9 MB of key
# technologies, is about 2 s of CPU in Debug) and far below what the unbounded code took
# (41 s for 83 MB). CPU time, not the clock, so a loaded machine does not fail it.
TIME_LIMIT_S = 5
MEMORY_LIMIT_MB = 200
# Under AddressSanitizer (the asan preset sets ASAN_OPTIONS) every allocation carries
# redzones and quarantine and code runs a few times slower: the same bounds, scaled.
if "ASAN_OPTIONS" in os.environ:
    TIME_LIMIT_S *= 4
    MEMORY_LIMIT_MB *= 4


def write(name, data):
    path = os.path.join(work, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def with_total(name, literal):
    """valid-sco with its total written as the JSON literal `literal`."""
    assert '"total": 1260' in SAMPLE_TEXT
    return write(name, SAMPLE_TEXT.replace('"total": 1260', '"total": ' + literal, 1))


def changed(name, change):
    doc = json.loads(SAMPLE_TEXT)
    change(doc)
    return write(name, json.dumps(doc, ensure_ascii=False, indent=2))


def run(args, stdin=None):
    """Exit code, stdout, stderr, CPU seconds and peak RSS (MB) of one run of the CLI. The
    machines that run the tests are shared: a wall clock measured the load as much as the
    code (10^5 key technologies took 2.1 s of CPU and 6.0 s by the clock at a load of 5)."""
    start = time.monotonic()
    p = subprocess.Popen([cli] + args, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin is not None:
        # A reader thread would be needed for large outputs; the inputs fed here give small ones.
        try:
            p.stdin.write(stdin)
            p.stdin.close()
        except BrokenPipeError:
            pass  # the CLI stops reading at the size limit and closes its end
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if wall > 6 * TIME_LIMIT_S:  # a hang; the bound itself is on CPU time (see hostile_run.py)
        err += b"\n(took %.1f s by the clock)" % wall
        return p.returncode, out, err.decode("utf-8", "replace"), wall, usage.ru_maxrss / 1024
    return (p.returncode, out, err.decode("utf-8", "replace"), usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024)


def findings(out):
    return json.loads(out.decode("utf-8"))["diagnostics"]


failures = 0
passed = 0


def verdict(what, problems, seconds, mb, detail=""):
    global failures, passed
    if seconds > TIME_LIMIT_S:
        problems.append("took %.1f s (limit %d)" % (seconds, TIME_LIMIT_S))
    if mb > MEMORY_LIMIT_MB:
        problems.append("peak memory %.0f MB (limit %d)" % (mb, MEMORY_LIMIT_MB))
    if problems:
        failures += 1
        print("FAIL %s: %s" % (what, "; ".join(problems)))
    else:
        passed += 1
        print("ok   %s: %s%.2f s, %.0f MB" % (what, detail, seconds, mb))


def expect_validate(what, path, exit_code, wanted_id, wanted_path=None, says=None, stdin=None):
    code, out, err, seconds, mb = run(["validate", "--format", "json", path], stdin)
    problems = []
    if code != exit_code:
        problems.append("exit %d, not %d (%s)" % (code, exit_code, err[:200]))
    try:
        ds = findings(out)
    except ValueError:
        ds = []
        problems.append("no JSON report: %r" % out[:200])
    hits = [d for d in ds if d["id"] == wanted_id and (wanted_path is None or d["path"] == wanted_path)]
    if not hits:
        problems.append("no %s at %s in %s" % (wanted_id, wanted_path, sorted({d["id"] for d in ds})))
    elif says and says not in hits[0]["message_zh"]:
        problems.append("%s does not say %r: %s" % (wanted_id, says, hits[0]["message_zh"][:200]))
    verdict(what, problems, seconds, mb, "[%s] " % wanted_id)
    return ds


def expect_format_keeps(what, path, literal):
    """`zhinan format` writes valid JSON with the total exactly as written."""
    code, out, err, seconds, mb = run(["format", path])
    problems = []
    if code != 0:
        problems.append("exit %d, not 0 (%s)" % (code, err[:200]))
    text = out.decode("utf-8", "replace")
    if "inf" in text.lower().replace("info", ""):
        problems.append("writes inf")
    try:  # numbers as text: a 100,001-digit integer is more than Python's int() takes
        total = json.loads(text, parse_int=str, parse_float=str, parse_constant=lambda c: "CONSTANT " + c)
        total = total["funding"]["total"]
        if total != literal:
            problems.append("total written as %r" % total[:60])
    except (ValueError, KeyError, TypeError) as e:
        problems.append("output is no suggestion JSON (%s)" % e)
    verdict(what, problems, seconds, mb, "kept exactly, ")


# 1. Amounts from the number's text, exactly: never inf, never 0, never rounded.
OUT_OF_RANGE = "金额超出可表示的范围"
for what, name, literal in [
    ("1e400", "e400.json", "1e400"),
    ("1e999999", "e999999.json", "1e999999"),
    ("a 100,001-digit integer", "digits.json", "9" * 100_001),
    ("1e-400", "tiny.json", "1e-400"),
    ("1.000000000000000000000000000001", "fine.json", "1.000000000000000000000000000001"),
    ("a 26-digit total", "d26.json", "12345678901234567890123456"),
]:
    path = with_total(name, literal)
    expect_format_keeps("format, total " + what, path, literal)
    expect_validate("validate, total " + what, path, 1, "funding.total_invalid", "/funding/total", OUT_OF_RANGE)

# A decimal string: "1e3" is no way to write an amount (refused), " 12 " is 12 (trimmed).
path = changed("text-1e3.json", lambda d: d["funding"].update(total="1e3"))
expect_validate("validate, total \"1e3\"", path, 1, "funding.total_invalid", "/funding/total", "“1e3”")
path = changed("text-12.json", lambda d: d["funding"].update(total=" 1300 ", provincial=" 12 "))
code, out, err, seconds, mb = run(["format", path])
funding = json.loads(out.decode("utf-8"))["funding"] if code == 0 else {}
verdict("format, \" 12 \" is trimmed", [] if funding == {"total": "1300", "provincial": "12"} else
        ["exit %d, funding %r" % (code, funding)], seconds, mb, "%r, " % funding)
code, out, err, seconds, mb = run(["validate", "--format", "json", path])
verdict("validate, \" 1300 \" and \" 12 \" pass", [] if code == 0 else ["exit %d: %s" % (code, out[:300])],
        seconds, mb, "exit 0, ")

# 2. A key given twice: an error at its pointer, line and column; the first stands.
text = SAMPLE_TEXT.replace('"title": ', '"title": "第一个标题",\n  "title": ', 1)
second = text.index('"title"', text.index('"title"') + 1)
where = (text.count("\n", 0, second) + 1, second - text.rfind("\n", 0, second))  # line, column
dup = write("duplicate.json", text)
ds = expect_validate("validate, a second \"title\"", dup, 1, "format.duplicate_key", "/title")
hit = [d for d in ds if d["id"] == "format.duplicate_key"]
if hit and (hit[0].get("line"), hit[0].get("column")) != where:
    failures += 1
    print("FAIL the duplicate's place: line %s, column %s (want %d, %d)" % (hit[0].get("line"), hit[0].get("column"),
                                                                        *where))
code, out, err, seconds, mb = run(["format", dup])
verdict("format, a second \"title\"", [] if code == 1 and "[format.duplicate_key] /title" in err and
        '"title": "第一个标题"' in out.decode() else ["exit %d, %s" % (code, err[:200])], seconds, mb,
        "exit 1, the first kept, ")
nested = write("duplicate-nested.json", SAMPLE_TEXT.replace('"trl_current": ', '"trl_current": 1, "trl_current": ', 1))
expect_validate("validate, a second trl_current", nested, 1, "format.duplicate_key", "/key_technologies/0/trl_current")
many = write("duplicates-late.json", '{"format":"zhinan.suggestion/1","overview":"' + "a" * 4_000_000 + '"' +
             ',"x":1' * 10_000 + "}")
code, out, err, seconds, mb = run(["format", many])
listed = err.count("[format.duplicate_key]")
verdict("format, 10^4 duplicates after 4 MB", [] if code == 1 and listed == 101 and "还有9899处" in err else
        ["exit %d, %d listed: %s" % (code, listed, err[-300:])], seconds, mb, "101 listed, the rest counted, ")
escaped = write("duplicate-escaped.json", SAMPLE_TEXT.replace('"title": ', '"titl\\u0065": "x", "title": ', 1))
expect_validate("validate, a second title written \\u0065", escaped, 1, "format.duplicate_key", "/title")

# 3. A target that is no number, an empty evidence item, an empty partner.
path = changed("target-str.json",
               lambda d: d["report"]["technical_indicators"][0].update(target="str"))
expect_validate("validate, indicator target \"str\"", path, 1, "format.wrong_type",
                "/report/technical_indicators/0/target", "“str”")
path = changed("evidence-empty.json", lambda d: d["key_technologies"][0].update(evidence=[{}]))
expect_validate("validate, evidence [{}]", path, 0, "key_tech.evidence_missing", "/key_technologies/0/evidence")
path = changed("partner-empty.json", lambda d: d["partners"].append({}))
expect_validate("validate, partners [..., {}]", path, 0, "partners.incomplete", "/partners/2/name")

# 4. A file over limits.max_suggestion_bytes (4 MB): refused at once, unread.
big = SAMPLE_TEXT.replace('"overview": "', '"overview": "' + "氢" * 1_700_000, 1)  # 5.1 MB
path = write("five-megabytes.json", big)
expect_validate("validate, a 5 MB file", path, 1, "format.too_large", "", "4194304字节")
expect_validate("validate -, 5 MB on stdin", "-", 1, "format.too_large", "", stdin=big.encode("utf-8"))
code, out, err, seconds, mb = run(["format", path])
verdict("format, a 5 MB file", [] if code == 1 and "format.too_large" in err and not out else
        ["exit %d, %s" % (code, err[:200])], seconds, mb, "exit 1, ")
path = write("five-megabytes-of-brackets.json", "[" * 5_000_000)
expect_validate("validate, 5 MB of [", path, 1, "format.too_large")

# Under the limit memory stays a small multiple of the file: 10^5 key technologies, 3.9 MB.
doc = dict(BASE)
doc["key_technologies"] = [{"name": "k%06dxxxx" % i, "trl_current": 4} for i in range(100_000)]
text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
path = write("key-technologies-1e5.json", text)
ds = expect_validate("validate, 10^5 key technologies (%.1f MB)" % (len(text.encode()) / 1e6), path, 1,
                     "key_tech.too_many")
if len(ds) > 1000:
    failures += 1
    print("FAIL 10^5 key technologies: %d findings listed (one mistake is listed 100 times, then counted)" % len(ds))

print("%d passed, %d failed" % (passed, failures))
sys.exit(1 if failures else 0)

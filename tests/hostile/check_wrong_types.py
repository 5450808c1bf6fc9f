#!/usr/bin/env python3
"""Wrong types at every path. For every JSON pointer of every valid sample
(examples/data/valid-*.json), a variant with the value there replaced by each JSON type it
is not (a number, a string, an array, an object, null, true), read and validated through
Python (the wrapper over the C API, in this process) and, in batches of files, through
`zhinan validate --format json`. Each must give:

- format.wrong_type at exactly that pointer, and at no other;
- where SPEC.md lets a member take that type too (an amount as a number or a decimal
  string, industry, region and the bring_in sub-types as a code or a list of codes): no
  format.wrong_type, and for the text "x" as an amount its more specific id;
- for null, what the member (or the item) left out gives: null reads as absent
  (docs/decisions.md);

never an internal error, never an exception but ZhinanError(EPARSE) for a root that is
no object, and the CLI the same findings as the C API, within the bounds of hostile_run.py.

Usage: check_wrong_types.py ZHINAN_CLI WORK_DIR
"""
import collections
import glob
import json
import os
import random
import sys
import time

from hostile_run import SAMPLES, TIME_LIMIT_S, Sandbox, Verdicts, python_read

cli = os.path.abspath(sys.argv[1])
box = Sandbox(sys.argv[2])
verdict = Verdicts()

REPLACEMENTS = {"number": 1, "string": "x", "array": [], "object": {}, "null": None, "true": True}
# Members that take more than one JSON type (SPEC.md, the JSON format).
ALSO_TAKES = {"/funding/total": {"number", "string"}, "/funding/provincial": {"number", "string"},
              "/industry": {"string", "array"}, "/region": {"string", "array"},
              "/project_type/bring_in_subtypes": {"string", "array"}}
MORE_SPECIFIC = {("/funding/total", "string"): "funding.total_invalid",
                 ("/funding/provincial", "string"): "funding.provincial_invalid"}
CLI_BATCH = 250  # files per `zhinan validate`; its batch rules compare every pair


def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    return "array" if isinstance(v, list) else "object"


def token(key):
    return key.replace("~", "~0").replace("/", "~1")


def pointers(v, p=""):
    yield p, v
    if isinstance(v, dict):
        for k, x in v.items():
            yield from pointers(x, p + "/" + token(k))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from pointers(x, "%s/%d" % (p, i))


def edited(doc, ptr, new=None, remove=False):
    """A copy of doc with the value at ptr replaced by new (or removed)."""
    if ptr == "":
        return new
    doc = json.loads(json.dumps(doc))
    parts = [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]]
    parent = doc
    for t in parts[:-1]:
        parent = parent[int(t)] if isinstance(parent, list) else parent[t]
    last = int(parts[-1]) if isinstance(parent, list) else parts[-1]
    if remove:
        del parent[last]
    else:
        parent[last] = new
    return doc


def unique(doc, rng):
    """The sample with a title, overview, research content and proposer of its own: the
    variants are checked together by the CLI, whose batch rules would otherwise find every
    pair a duplicate (a finding per pair, which is not what this test is about)."""
    doc = json.loads(json.dumps(doc))
    words = lambda n: "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(n))  # noqa: E731
    doc["title"] = words(20)
    doc["overview"] = words(200)
    doc["source"]["proposer"] = words(3)
    doc["report"]["research_content"] = words(200)
    return doc


def key_of(d):
    return (d.id, d.path, d.severity)


def expected_problems(ptr, new_kind, found, removed):
    """What is wrong with `found` (the findings of the variant) for the rules above."""
    wrong = [d for d in found if d.id == "format.wrong_type"]
    if new_kind == "null":
        if any(d.path == ptr for d in wrong):
            return []  # an item of a list of objects: null is no object
        if sorted(map(key_of, found)) != sorted(map(key_of, removed)):
            return ["null is not read as absent: %s, left out: %s" % (
                sorted(set(map(key_of, found)) - set(map(key_of, removed)))[:4],
                sorted(set(map(key_of, removed)) - set(map(key_of, found)))[:4])]
        return []
    if new_kind in ALSO_TAKES.get(ptr, ()):
        problems = ["format.wrong_type at %s" % d.path for d in wrong]
        specific = MORE_SPECIFIC.get((ptr, new_kind))
        if specific and not any(d.id == specific and d.path == ptr for d in found):
            problems.append("no %s at %s" % (specific, ptr))
        return problems
    problems = []
    if not any(d.path == ptr for d in wrong):
        problems.append("no format.wrong_type at %s; got %s" % (ptr, sorted({(d.id, d.path) for d in found})[:5]))
    problems += ["another format.wrong_type at %s" % d.path for d in wrong if d.path != ptr]
    return problems


rng = random.Random(12)
variants = []  # (file name, findings through Python)
failed = collections.Counter()
slowest = 0.0
start = time.monotonic()
for sample in sorted(glob.glob(os.path.join(SAMPLES, "valid-*.json"))):
    with open(sample, encoding="utf-8") as f:
        original = json.load(f)
    runs = 0
    for ptr, value in list(pointers(original)):
        doc = unique(original, rng)
        removed_findings = None
        for new_kind, new in REPLACEMENTS.items():
            if new_kind == kind(value):
                continue
            text = json.dumps(edited(doc, ptr, new), ensure_ascii=False, indent=1)
            found, _, seconds, problems = python_read(text.encode("utf-8"))
            slowest = max(slowest, seconds)
            if new_kind == "null" and ptr:
                if removed_findings is None:
                    removed_findings = python_read(json.dumps(edited(doc, ptr, remove=True)).encode("utf-8"))[0]
                removed = removed_findings
            else:
                removed = []
            problems += expected_problems(ptr, new_kind, found, removed)
            if seconds > TIME_LIMIT_S:
                problems.append("took %.1f s" % seconds)
            name = "%s-%04d-%s.json" % (os.path.basename(sample)[6:-5], len(variants), new_kind)
            runs += 1
            if problems:
                failed[os.path.basename(sample)] += 1
                print("FAIL python %s %s := %s: %s" % (os.path.basename(sample), ptr or "(root)", new_kind,
                                                      "; ".join(problems)))
            box.write(name, text)  # kept on disk, not in this process, for the CLI below
            variants.append((name, found))
    print("ok   python, %s: %d variants read and validated" % (os.path.basename(sample), runs), flush=True)
python_seconds = time.monotonic() - start
verdict("python: %d variants, every one as expected" % len(variants), ["%d failed in %s" % (n, s) for s, n in
                                                                       failed.items()], slowest, 0.0,
        "%.1f s in all, the slowest " % python_seconds)

# The same files through the CLI, CLI_BATCH at a time: the same findings per file as the C
# API gave (the batch rules' findings across files aside), and an exit code of 1 or 0.
mismatches = 0
for first in range(0, len(variants), CLI_BATCH):
    batch = variants[first:first + CLI_BATCH]
    paths = [os.path.join(box.cases, name) for name, _ in batch]
    code, out, err, seconds, mb, problems = box.run(cli, ["validate", "--format", "json"] + paths)
    if code not in (0, 1):
        problems.append("exit %d: %s" % (code, err[:200]))
    try:
        report = json.loads(out.decode("utf-8"))
    except ValueError as e:
        report = {"diagnostics": []}
        problems.append("no JSON report (%s)" % e)
    by_file = collections.defaultdict(list)
    for d in report["diagnostics"]:
        if not d["id"].startswith("batch."):
            by_file[d.get("file")].append((d["id"], d["path"], d["severity"]))
    for (name, found), path in zip(batch, paths):
        cli_found = sorted(by_file.get(path, []))
        api_found = sorted((d.id, d.path, d.severity) for d in found if not d.id.startswith("batch."))
        if cli_found != api_found:
            mismatches += 1
            problems.append("%s: the CLI gives %s, the C API %s" % (name, sorted(set(cli_found) - set(api_found))[:3],
                                                                    sorted(set(api_found) - set(cli_found))[:3]))
    verdict("cli validate, variants %d-%d" % (first, first + len(batch) - 1), problems[:6], seconds, mb,
            "the same findings as the C API, ")
verdict.finish()

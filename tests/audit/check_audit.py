#!/usr/bin/python3
"""`zhinan audit` over departments' packages, as the province runs it.

    check_audit.py --cli ZHINAN --work DIR [--samples DIR] [--profile P]

1. make_packages.py writes the packages and their NAME.expected.json into DIR/packages.
2. `zhinan audit --format json` over ALL packages in one run (the province's run): every
   package's overview line (format, department, counts per region, suggestions), its
   suggestions' entries, its expected findings (id, package, entry, parameters) and the
   absence of the audit.* ids it must not have; exit 1 (some packages are faulty).
   Every diagnostic has package, entry, id, severity, path, message_zh, message_en, params;
   the summary agrees with the lists.
3. Each package alone (its exit code, the findings it must and must not have, no error at
   all for the well-made ones), and the pairs of the batch rules together (batch.duplicate
   and batch.proposer_multiple on the later side, naming the other as "PACKAGE：ENTRY").
4. The reports: --format text starts with Chinese and names every package; --format html
   -o report.html writes one self-contained file naming every package and every finding
   id; --xlsx list.xlsx holds one row per suggestion (read with openpyxl).
   With --registry, history.similar_funded on the suggestion like a funded project.
5. Usage errors exit 2.

Prints one line per check and "N passed, M failed"; exit 1 on any failure.
"""

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(HERE))
import make_packages  # noqa: E402

DIAGNOSTIC_FIELDS = ("package", "entry", "id", "severity", "path", "message_zh", "message_en", "params")
PACKAGE_FIELDS = ("name", "department", "format", "suggestions", "errors", "warnings", "per_region", "read")
SUGGESTION_FIELDS = ("package", "entry", "folder", "region", "number", "title", "unit", "proposer", "status")
HAN = re.compile(r"[\u4e00-\u9fff]")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, problems):
        """One named check: a list of problems (empty: passed)."""
        if problems:
            self.failed += 1
            print(f"FAIL  {name}")
            for p in problems[:25]:
                print(f"        {p}")
            if len(problems) > 25:
                print(f"        … and {len(problems) - 25} more")
        else:
            self.passed += 1
            print(f"ok    {name}")


class Auditor:
    def __init__(self, cli, profile):
        self.cli = cli
        self.profile = profile

    def run(self, paths, *options, cwd=None):
        args = [self.cli, "audit", *options]
        if self.profile:
            args += ["--profile", self.profile]
        args += [str(p) for p in paths]
        start = time.monotonic()
        try:
            r = subprocess.run(args, capture_output=True, timeout=300, cwd=cwd)
        except subprocess.TimeoutExpired:
            r = subprocess.CompletedProcess(args, -9, b"", b"killed after 300 s")
        r.elapsed = time.monotonic() - start
        return r

    def json(self, paths, *options):
        """(exit code, report or None, problems)."""
        r = self.run(paths, "--format", "json", *options)
        try:
            return r.returncode, json.loads(r.stdout.decode("utf-8")), []
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            return r.returncode, None, [f"stdout is no JSON document ({e}); exit {r.returncode}; stderr: "
                                        f"{r.stderr.decode('utf-8', 'replace')[:800]}"]


def describe(d):
    params = d.get("params") or {}
    return f"{d.get('id')} [{d.get('severity')}] {d.get('package')!r} entry={d.get('entry')!r} params={params}"


def matches(d, m, package):
    if d.get("id") != m["id"] or d.get("package") != m.get("package", package):
        return False
    if "severity" in m and d.get("severity") != m["severity"]:
        return False
    if "entry" in m and d.get("entry") != m["entry"]:
        return False
    if "entry_prefix" in m and not str(d.get("entry", "")).startswith(m["entry_prefix"]):
        return False
    params = d.get("params") or {}
    for k, v in m.get("params", {}).items():
        if str(params.get(k)) != str(v):
            return False
    if "mentions" in m:
        text = " ".join([str(d.get("entry", "")), str(d.get("message_zh", "")), str(d.get("message_en", ""))] +
                        [str(v) for v in params.values()])
        if m["mentions"] not in text:
            return False
    return True


def check_findings(report, package, expect, forbid, no_errors=False):
    """Problems with one package's findings in a report."""
    problems = []
    diags = report.get("diagnostics", [])
    own = [d for d in diags if d.get("package") == package]
    for m in expect:
        found = [d for d in diags if matches(d, m, package)]
        lo, hi = m.get("min_count", 1), m.get("max_count")
        if len(found) < lo or (hi is not None and len(found) > hi):
            want = {k: v for k, v in m.items() if k not in ("min_count", "max_count")}
            same_id = [describe(d) for d in diags if d.get("id") == m["id"]]
            problems.append(f"expected {lo}..{hi if hi is not None else '∞'} of {want}, got {len(found)}; "
                            f"findings with that id: {same_id or 'none'}")
    for fid in forbid:
        for d in own:
            if d.get("id") == fid:
                problems.append(f"must not report {describe(d)}")
    if no_errors:
        for d in own:
            if d.get("severity") == "error" and d.get("id") not in forbid:
                problems.append(f"a well-made package has an error: {describe(d)}")
    return problems


def check_package_line(report, exp):
    """The package's overview line and its suggestions in the report."""
    problems = []
    name = exp["package"]
    lines = [p for p in report.get("packages", []) if p.get("name") == name]
    if len(lines) != 1:
        return [f"{len(lines)} lines in \"packages\" named {name!r} (names: "
                f"{[p.get('name') for p in report.get('packages', [])]})"]
    line = lines[0]
    for f in PACKAGE_FIELDS:
        if f not in line:
            problems.append(f"package line lacks {f!r}")
    if line.get("format") != exp["format"]:
        problems.append(f"format {line.get('format')!r}, expected {exp['format']!r}")
    if line.get("read") is not exp.get("read", True):
        problems.append(f"read {line.get('read')!r}, expected {exp.get('read', True)!r}")
    if exp.get("department") and line.get("department") != exp["department"]:
        problems.append(f"department {line.get('department')!r}, expected {exp['department']!r}")
    if not line.get("department"):
        problems.append("no department (the SPEC: its suggestions' department, else the package's file name)")
    if line.get("suggestions") != exp["suggestions"]:
        problems.append(f"suggestions {line.get('suggestions')!r}, expected {exp['suggestions']}")
    if exp.get("per_region") is not None:
        got = {k: v for k, v in (line.get("per_region") or {}).items() if v}
        if got != exp["per_region"]:
            problems.append(f"per_region {got}, expected {exp['per_region']}")
    entries = [s for s in report.get("suggestions", []) if s.get("package") == name]
    got = sorted(s.get("entry") for s in entries)
    if got != sorted(exp["entries"]):
        problems.append(f"suggestions' entries {got}, expected {sorted(exp['entries'])}")
    for s in entries:
        missing = [f for f in SUGGESTION_FIELDS if f not in s]
        if missing:
            problems.append(f"suggestion {s.get('entry')!r} (status {s.get('status')!r}) lacks {missing}: the "
                            "report's contract lists them for every suggestion (an unread document's title and "
                            "unit are in its name)")
    return problems


def check_report_shape(report, packages):
    """What every JSON report must hold, whatever the packages."""
    problems = []
    if report.get("format") != "zhinan.audit/1":
        problems.append(f"format {report.get('format')!r}")
    names = [p.get("name") for p in report.get("packages", [])]
    if names != list(packages):
        problems.append(f"packages {names}, expected in order {list(packages)}")
    diags = report.get("diagnostics", [])
    for d in diags:
        missing = [f for f in DIAGNOSTIC_FIELDS if f not in d]
        if missing:
            problems.append(f"diagnostic lacks {missing}: {describe(d)}")
        if d.get("package") not in packages:
            problems.append(f"diagnostic of no package given: {describe(d)}")
        if d.get("severity") not in ("error", "warning", "info"):
            problems.append(f"severity {d.get('severity')!r}: {describe(d)}")
        if not HAN.search(str(d.get("message_zh", ""))):
            problems.append(f"message_zh without Chinese: {d.get('message_zh')!r}")
        if not str(d.get("message_en", "")).strip():
            problems.append(f"empty message_en: {describe(d)}")
        if "{" in str(d.get("message_zh", "")) or "{" in str(d.get("message_en", "")):
            problems.append(f"unfilled placeholder: {d.get('message_zh')!r} / {d.get('message_en')!r}")
    summary = report.get("summary", {})
    count = {sev: sum(1 for d in diags if d.get("severity") == sev) for sev in ("error", "warning")}
    want = {"packages": len(packages), "suggestions": len(report.get("suggestions", [])),
            "errors": count["error"], "warnings": count["warning"]}
    for k, v in want.items():
        if summary.get(k) != v:
            problems.append(f"summary.{k} = {summary.get(k)!r}, the lists say {v}")
    for p in report.get("packages", []):
        own = [d for d in diags if d.get("package") == p.get("name")]
        n = sum(1 for s in report.get("suggestions", []) if s.get("package") == p.get("name"))
        if p.get("suggestions") != n:
            problems.append(f"{p.get('name')}: suggestions {p.get('suggestions')!r}, the list holds {n}")
        if sum((p.get("per_region") or {}).values()) > n:
            problems.append(f"{p.get('name')}: per_region {p.get('per_region')} counts more than {n} suggestions")
        for sev, field in (("error", "errors"), ("warning", "warnings")):
            k = sum(1 for d in own if d.get("severity") == sev)
            if p.get(field) != k:
                problems.append(f"{p.get('name')}: {field} {p.get(field)!r}, its findings hold {k}")
    return problems


def without_other_side(m):
    """An expectation as the province-wide run can check it: which earlier package a batch
    finding names depends on what else is audited, so other_file is left out."""
    m = json.loads(json.dumps(m))
    if m["id"].startswith(("batch.", "history.")):
        m.get("params", {}).pop("other_file", None)
        m.pop("max_count", None)
    return m


def check_html(path, report, packages):
    problems = []
    text = path.read_text("utf-8")
    # A namespace declaration is a name, not a fetch; anything else naming a URL is.
    stripped = re.sub(r'xmlns(:\w+)?\s*=\s*"[^"]*"', "", text)
    for m in re.finditer(r"https?://[^\s\"'<>)]*", stripped):
        problems.append(f"external URL {m.group(0)!r}")
    for m in re.finditer(r"\b(src|href)\s*=\s*[\"']?([^\"'\s>]*)", stripped, re.I):
        if not m.group(2).startswith(("data:", "#")):
            problems.append(f"reference to an outside file: {m.group(0)!r}")
    for m in re.finditer(r"url\(\s*[\"']?([^\"')]*)", stripped, re.I):
        if not m.group(1).startswith(("data:", "#")):
            problems.append(f"CSS url() to an outside file: {m.group(0)!r}")
    if re.search(r"@import|<link\b|<iframe\b|<object\b|<embed\b", stripped, re.I):
        problems.append("imports, links or embeds something")
    plain = html.unescape(text)
    for p in packages:
        if p not in plain:
            problems.append(f"does not name package {p!r}")
    for fid in sorted({d["id"] for d in report.get("diagnostics", [])}):
        if fid not in plain:
            problems.append(f"does not show finding id {fid}")
    if not re.search(r"<html|<!doctype html", text, re.I):
        problems.append("is no HTML page")
    return problems


def check_xlsx(path, report):
    try:
        import openpyxl
    except ImportError:
        return None
    problems = []
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - whatever openpyxl says is the finding
        return [f"openpyxl cannot read it: {e}"]
    best = None
    for sheet in book.worksheets:
        rows = [[("" if c is None else str(c)).strip() for c in r] for r in sheet.iter_rows(values_only=True)]
        header = next((i for i, r in enumerate(rows) if any(c.replace(" ", "") == "项目名称" for c in r)), None)
        if header is not None:
            best = (sheet.title, rows, header)
            break
    if best is None:
        return ["no sheet with a 项目名称 header"]
    title, rows, header = best
    data = [r for r in rows[header + 1:] if any(r) and not (r[0].startswith("合计") or r[0].startswith("总计"))]
    suggestions = report.get("suggestions", [])
    if len(data) != len(suggestions):
        problems.append(f"sheet {title!r}: {len(data)} rows after the header, {len(suggestions)} suggestions")
    cells = {c for r in data for c in r}
    for s in suggestions:
        if s.get("title") and s["title"] not in cells:
            problems.append(f"no row with title {s['title']!r} ({s.get('package')} {s.get('entry')})")
    for p in {s.get("package") for s in suggestions}:
        if not any(p in c for c in cells):
            problems.append(f"package {p!r} in no row")
    return problems


def text_starts_with_chinese(text):
    """The first letter of the report (after rules, brackets, numbers) is a Han character."""
    for ch in text:
        if ch.isspace() or not ch.isalnum() or ch.isdigit():
            continue
        return bool(HAN.match(ch))
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--samples", default=str(make_packages.ROOT / "examples" / "data"))
    ap.add_argument("--profile")
    a = ap.parse_args()

    work = Path(a.work)
    out = work / "packages"
    res = Results()
    problems = make_packages.make(out, a.cli, a.samples)
    res.check("the packages are made and list back as intended", problems)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))["packages"]
    exps = {p: json.loads((out / f"{p}.expected.json").read_text("utf-8")) for p in manifest}
    paths = [out / p for p in manifest]
    audit = Auditor(a.cli, a.profile)

    # 2. The province's run over every package.
    rc, report, problems = audit.json(paths)
    if report is None:
        res.check("audit --format json over all packages", problems)
    else:
        res.check(f"one run over all {len(manifest)} packages: exit 1 (exit {rc}, {report.get('summary')})",
                  [] if rc == 1 else [f"exit {rc}"])
        res.check("one run over all packages: the report's shape", check_report_shape(report, manifest))
        for p in manifest:
            e = exps[p]
            expect = [without_other_side(m) for m in e["alone"]["expect"] + e.get("group", {}).get("expect", [])
                      if m.get("package", p) == p or m["id"].startswith(("batch.", "history."))]
            forbid = [f for f in e["alone"]["forbid"] if f.startswith("audit.")]
            res.check(f"all packages: {p} ({e['case']})",
                      check_package_line(report, e) + check_findings(report, p, expect, forbid))
        # Cross-package findings name the other side as PACKAGE：ENTRY of a package audited.
        bad = []
        for d in report.get("diagnostics", []):
            other = (d.get("params") or {}).get("other_file")
            if d["id"].startswith("batch.") and other is not None:
                pkg, sep, entry = str(other).partition("\uff1a")
                if not sep or pkg not in manifest:
                    bad.append(f"other_file {other!r} is not PACKAGE：ENTRY: {describe(d)}")
                elif not any(s.get("package") == pkg and s.get("entry") == entry for s in report["suggestions"]):
                    bad.append(f"other_file {other!r} names no suggestion read: {describe(d)}")
        res.check("all packages: batch findings name the other side as PACKAGE：ENTRY", bad)

    # 3. Each package alone, then the batch pairs together.
    for p in manifest:
        e = exps[p]
        rc, rep, problems = audit.json([out / p])
        if rep is not None:
            problems += [f"exit {rc}, expected {e['alone']['exit']}"] if rc != e["alone"]["exit"] else []
            problems += check_report_shape(rep, [p]) + check_package_line(rep, e)
            problems += check_findings(rep, p, e["alone"]["expect"], e["alone"]["forbid"], e["alone"]["no_errors"])
        res.check(f"alone: {p} ({e['case']})", problems)
    groups = []
    for p in manifest:
        g = exps[p].get("group")
        if g and g["packages"] not in groups:
            groups.append(g["packages"])
    for g in groups:
        rc, rep, problems = audit.json([out / p for p in g])
        if rep is not None:
            want = exps[g[-1]]["group"]["exit"]
            problems += [f"exit {rc}, expected {want}"] if rc != want else []
            problems += check_report_shape(rep, g)
            for p in g:
                ge = exps[p]["group"]
                problems += check_findings(rep, p, ge["expect"], ge["forbid"])
        res.check(f"together: {' + '.join(g)}", problems)

    # The funded-project registry: history.similar_funded (a warning) on the suggestion like it.
    reg = json.loads((out / "manifest.json").read_text("utf-8")).get("registry")
    if reg:
        rc, rep, problems = audit.json([out / reg["package"]], "--registry", str(out / reg["file"]))
        if rep is not None:
            problems += [f"exit {rc}, expected 0 (a warning only)"] if rc != 0 else []
            problems += check_findings(rep, reg["package"], [
                {"id": "history.similar_funded", "severity": "warning", "entry": reg["entry"],
                 "mentions": reg["funded_id"], "max_count": 1}], [])
        res.check(f"--registry: history.similar_funded on {reg['package']}", problems)

    # 4. The reports.
    r = audit.run(paths, "--format", "text")
    text = r.stdout.decode("utf-8", "replace")
    problems = [] if r.returncode == 1 else [f"exit {r.returncode}"]
    if not text_starts_with_chinese(text):
        problems.append(f"does not start with Chinese: {text[:120]!r}")
    problems += [f"does not name {p!r}" for p in manifest if p not in text]
    res.check("--format text: Chinese first, every package named", problems)

    for fmt in ("html", "json"):
        run_dir = work / f"report-{fmt}"
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir(parents=True)
        name = f"report.{fmt}"
        r = audit.run(paths, "--format", fmt, "-o", name, cwd=run_dir)
        written = sorted(x.name for x in run_dir.iterdir())
        problems = [] if r.returncode == 1 else [f"exit {r.returncode}: {r.stderr.decode('utf-8', 'replace')[:300]}"]
        if written != [name]:
            problems.append(f"wrote {written}, expected [{name!r}] only")
        elif report is not None:
            if fmt == "html":
                problems += check_html(run_dir / name, report, manifest)
            else:
                try:
                    written_report = json.loads((run_dir / name).read_text("utf-8"))
                    keys = ("format", "packages", "suggestions", "diagnostics", "summary")
                    if any(written_report.get(k) != report.get(k) for k in keys):
                        problems.append("-o report.json differs from what --format json prints")
                except (ValueError, UnicodeDecodeError) as e:
                    problems.append(f"report.json is no JSON: {e}")
        res.check(f"--format {fmt} -o {name}: one file" +
                  (", self-contained, every package and finding id" if fmt == "html" else ", the same report"),
                  problems)

    run_dir = work / "report-xlsx"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    rc, rep, problems = audit.json(paths, "--xlsx", str(run_dir / "list.xlsx"))
    if rep is not None:
        if not (run_dir / "list.xlsx").is_file():
            problems.append("list.xlsx not written")
        else:
            more = check_xlsx(run_dir / "list.xlsx", rep)
            if more is None:
                print("skip  --xlsx: openpyxl is not installed (python3-openpyxl)")
            problems += more or []
    res.check("--xlsx list.xlsx: one row per suggestion (openpyxl)", problems)

    # 5. Usage.
    problems = []
    for args in ([], ["--format", "yaml", str(paths[0])], ["--no-such-option", str(paths[0])]):
        r = subprocess.run([a.cli, "audit", *args], capture_output=True, timeout=60)
        if r.returncode != 2:
            problems.append(f"zhinan audit {' '.join(args)}: exit {r.returncode}, expected 2")
    res.check("usage errors exit 2", problems)

    print(f"{res.passed} passed, {res.failed} failed")
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())

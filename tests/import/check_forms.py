#!/usr/bin/python3
"""`zhinan import` reads Word forms of 附件1 the way units fill them.

    check_forms.py --cli ZHINAN --work DIR [--render-tool DOCX_RENDER_TOOL]
                   [--samples DIR] [--libreoffice]

1. make_forms.py writes the test forms (one per way of ticking boxes and of writing the
   report) and make_sample_forms.py the sample forms into DIR; `zhinan import --format
   json FILE` must print the expected suggestion (compared field by field: every
   differing JSON pointer is printed with both values) and report the expected
   import.* findings.
2. Every examples/data/valid-*.json rendered by zhinan itself (docx_render_tool) must
   import back to the sample's canonical JSON without `department` (a fixed point), and
   after the visible title is edited in word/document.xml, import must read the edited
   title and report import.embedded_differs.
3. With --libreoffice, the forms of 1. are also round-tripped through LibreOffice
   (soffice --convert-to docx), whose XML differs from Word's, and must import the same.

Exit 0 pass, 1 fail, 77 skip: LibreOffice (with --libreoffice) or python-docx is missing
and nothing else failed (the parts that can run always run); 2 usage.
"""

import argparse
import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(HERE))
import make_forms  # noqa: E402
from make_forms import Num, load_json  # noqa: E402
import make_sample_forms  # noqa: E402

ROOT = HERE.parent.parent

# Fields that hold a decimal: a JSON number or a decimal string are the same value (the
# SPEC lets amounts and targets be either), so they compare by their digits as written.
DECIMAL_POINTER = re.compile(r"^/funding/(total|provincial)$|/target$")

# What a LibreOffice round trip is allowed to change in what import reads, per form:
# {form name: {JSON pointer: (value expected instead, or DROPPED for "absent"), why}}.
# LibreOffice 7.4 keeps every feature the forms use: w:sym becomes a private-use
# character in the same symbol font (U+F052 / U+F0A3 in Wingdings 2), content controls
# become nested w:sdt with the w14:checkbox kept, FORMCHECKBOX fields are written with a
# bare <w:checked/> and no w:default, smart tags are dropped but their text kept, tracked
# changes, heading styles, gridSpan and vMerge are kept. So nothing is excepted today;
# add an entry here (with the reason) when a LibreOffice version loses something.
DROPPED = object()
LIBREOFFICE_EXCEPTIONS = {}
# Findings a LibreOffice copy need not report although the Word form does (same format).
LIBREOFFICE_FINDING_EXCEPTIONS = {}

REQUIRED_FINDING_FIELDS = ("id", "severity", "path", "message_zh", "message_en")
# What import must never say of a readable form without embedded JSON. Other ids it
# reports beyond the expected ones are listed ("also reported"), not failures: the
# expectations name what each form must earn, the JSON comparison catches misreadings.
NEVER_FOR_A_FORM = ("import.not_docx", "import.form_not_found", "import.limits_exceeded",
                    "import.format_unsupported", "import.embedded_differs")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []

    def ok(self, name, detail=""):
        self.passed += 1
        print(f"ok    {name}{('  ' + detail) if detail else ''}")

    def fail(self, name, lines):
        self.failed += 1
        self.failures.append(name)
        print(f"FAIL  {name}")
        for line in lines:
            print(f"        {line}")

    def skip(self, name, why):
        self.skipped += 1
        print(f"skip  {name}: {why}")


def short(value, limit=160):
    if value is DROPPED:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, Num) else str(value)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} chars)"


def diff(expected, actual, pointer=""):
    """[(pointer, expected, actual)] for every leaf that differs; DROPPED marks absence."""
    if DECIMAL_POINTER.search(pointer) and isinstance(expected, str) and isinstance(actual, str):
        return [] if str(expected) == str(actual) else [(pointer, expected, actual)]
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            p = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
            out += diff(expected.get(key, DROPPED), actual.get(key, DROPPED), p)
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        out = []
        for i in range(max(len(expected), len(actual))):
            out += diff(expected[i] if i < len(expected) else DROPPED,
                        actual[i] if i < len(actual) else DROPPED, f"{pointer}/{i}")
        return out
    if expected is DROPPED or actual is DROPPED:
        return [] if expected is actual else [(pointer, expected, actual)]
    same_type = isinstance(expected, Num) == isinstance(actual, Num) and type(expected) is type(actual)
    return [] if same_type and expected == actual else [(pointer, expected, actual)]


def apply_exceptions(expected, exceptions):
    """The expectation with the listed pointers replaced (or removed)."""
    expected = copy.deepcopy(expected)
    for pointer, (value, _why) in exceptions.items():
        parts = pointer.strip("/").split("/")
        obj = expected
        for part in parts[:-1]:
            obj = obj[int(part)] if isinstance(obj, list) else obj.setdefault(part, {})
        last = parts[-1]
        if value is DROPPED:
            if isinstance(obj, list):
                del obj[int(last)]
            else:
                obj.pop(last, None)
        elif isinstance(obj, list):
            obj[int(last)] = value
        else:
            obj[last] = value
    return expected


def finding_ids(stderr, stdout_is_suggestion=True):
    """(ids, problems): the ids of the findings import printed, and what is wrong with the
    findings document itself (it must be one JSON document, like validate's)."""
    problems = []
    text = stderr.strip()
    if not text:
        return [], problems
    try:
        doc = json.loads(text)
    except ValueError:
        problems.append("the findings on stderr are not one JSON document: " + short(text, 300))
        return re.findall(r"\bimport\.[a-z_]+\b", text), problems
    diagnostics = list(doc.get("diagnostics", [])) if isinstance(doc, dict) else []
    for f in doc.get("files", []) if isinstance(doc, dict) else []:
        if isinstance(f, dict):
            diagnostics += f.get("diagnostics", [])
    ids = []
    for d in diagnostics:
        missing = [k for k in REQUIRED_FINDING_FIELDS if k not in d]
        if missing:
            problems.append(f"a finding lacks {missing}: {short(d, 300)}")
        ids.append(d.get("id", "?"))
    return ids, problems


def run_import(cli, path, extra=()):
    r = subprocess.run([str(cli), "import", "--format", "json", *extra, str(path)], capture_output=True,
                       timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def not_canonical(cli, text):
    """Why `text` is not canonical JSON (`zhinan format` would change it), or None."""
    r = subprocess.run([str(cli), "format", "-"], input=text.encode("utf-8"), capture_output=True, timeout=60)
    if r.returncode != 0:
        return f"`zhinan format` of the output exited {r.returncode}: {r.stderr.decode('utf-8', 'replace')[:300]}"
    formatted = r.stdout.decode("utf-8")
    if formatted == text:
        return None
    for n, (a, b) in enumerate(zip(text.splitlines(), formatted.splitlines()), 1):
        if a != b:
            return f"the output is not canonical: line {n} is {a.strip()!r}, `zhinan format` writes {b.strip()!r}"
    return "the output is not canonical: `zhinan format` changes it"


def check_import(results, name, cli, path, expected, wanted_ids, exceptions=None, finding_exceptions=(),
                 forbidden=NEVER_FOR_A_FORM):
    """Imports one file and compares it with the expectation: the suggestion field by
    field, the wanted finding ids present, the forbidden ones absent."""
    rc, out, err = run_import(cli, path)
    lines = []
    if rc != 0:
        lines.append(f"`zhinan import` exited {rc} (0 expected: a form was read)")
    ids, problems = finding_ids(err)
    lines += problems
    suggestion = None
    try:
        suggestion = load_json(out)
    except ValueError:
        lines.append("stdout is not JSON: " + short(out, 300))
    if suggestion is not None:
        problem = not_canonical(cli, out)
        if problem:
            lines.append(problem)
        if exceptions:
            expected = apply_exceptions(expected, exceptions)
        for pointer, e, a in diff(expected, suggestion):
            lines.append(f"{pointer or '/'}: expected {short(e)}, got {short(a)}")
    for wanted in wanted_ids:
        if wanted not in ids and wanted not in finding_exceptions:
            lines.append(f"finding {wanted} expected, not reported (reported: {sorted(set(ids))})")
    for bad in forbidden:
        if bad in ids and bad not in wanted_ids:
            lines.append(f"finding {bad} reported, which this file must not give")
    if lines:
        if ids:
            lines.append(f"findings reported: {sorted(set(ids))}")
        results.fail(name, lines)
    else:
        unexpected = sorted(set(i for i in ids if i not in wanted_ids))
        results.ok(name, f"(also reported: {unexpected})" if unexpected else "")


def check_output_option(results, cli, path, work):
    """`-o OUT.json` writes what stdout would have shown."""
    out_file = work / "import-o.json"
    out_file.unlink(missing_ok=True)
    rc_stdout, stdout, _ = run_import(cli, path)
    r = subprocess.run([str(cli), "import", "-o", str(out_file), str(path)], capture_output=True, timeout=120)
    name = f"import -o {path.name}"
    if r.returncode != 0 or not out_file.exists():
        results.fail(name, [f"exited {r.returncode}, wrote {'a file' if out_file.exists() else 'nothing'}: "
                            + r.stderr.decode("utf-8", "replace")[:300]])
    elif out_file.read_text(encoding="utf-8") != stdout:
        results.fail(name, ["the -o file differs from what stdout shows"])
    else:
        results.ok(name)


def canonical_sample(cli, sample):
    """The sample's canonical JSON (`zhinan format`), without department."""
    r = subprocess.run([str(cli), "format", str(sample)], capture_output=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"zhinan format {sample.name} exited {r.returncode}: {r.stderr.decode()}")
    data = load_json(r.stdout.decode("utf-8"))
    for key in make_forms.DROPPED:
        data.pop(key, None)
    return data


# ---------------------------------------------------------------------------------------


def check_generated_forms(results, args, work):
    """Part 1: the python-docx forms. Returns [(name, path, expected, ids)] for part 3."""
    if make_forms.docx is None:
        results.skip("python-docx forms", "python-docx is not installed (apt-get install python3-docx)")
        return []
    cases = []
    try:
        for name, path, expected, ids in make_forms.generate(work / "forms", args.samples, args.profile, args.cli):
            cases.append((name, path, expected, ids))
        for name, path, expected in make_sample_forms.generate(work / "sample-forms", args.samples, args.profile,
                                                               args.cli):
            cases.append((name, path, expected, []))
    except Exception as e:  # noqa: BLE001 - a generator failure is a test failure
        results.fail("generating the forms", [f"{type(e).__name__}: {e}"])
        return cases
    for name, path, expected, ids in cases:
        check_import(results, f"form {path.name}", args.cli, path, expected, ids)
    if cases:
        check_output_option(results, args.cli, cases[0][1], work)
    committed = ROOT / "examples" / "data" / "forms"
    for path in sorted((work / "sample-forms").glob("*.docx")):
        mine = committed / path.name
        if not mine.exists():
            print(f"note  {mine} is not committed (run make_sample_forms.py {committed})")
        elif mine.read_bytes() != path.read_bytes():
            print(f"note  {mine} differs from what make_sample_forms.py writes now (regenerate it)")
    return cases


def check_rendered(results, args, work):
    """Part 2: zhinan's own .docx of each sample is a fixed point of import."""
    if not args.render_tool:
        results.fail("rendered samples", ["no --render-tool (docx_render_tool) given"])
        return
    out_dir = work / "rendered"
    out_dir.mkdir(parents=True, exist_ok=True)
    for sample in sorted(Path(args.samples).glob("valid-*.json")):
        docx_path = out_dir / (sample.stem + ".docx")
        r = subprocess.run([str(args.render_tool), str(sample), str(docx_path)], capture_output=True, timeout=60)
        if r.returncode != 0:
            results.fail(f"render {sample.name}", [f"docx_render_tool exited {r.returncode}: {r.stderr.decode()}"])
            continue
        try:
            expected = canonical_sample(args.cli, sample)
        except RuntimeError as e:
            results.fail(f"format {sample.name}", [str(e)])
            continue
        # Unedited, the visible form and the embedded JSON agree: no embedded_differs.
        check_import(results, f"rendered {docx_path.name} (fixed point)", args.cli, docx_path, expected, [],
                     forbidden=NEVER_FOR_A_FORM)

        # The visible table edited (as a clerk might in Word): the visible form wins, and
        # import says that it differs from the embedded JSON.
        title = expected.get("title", "")
        new_title = title + "（修订稿）"
        edited = out_dir / (sample.stem + "-edited.docx")
        with zipfile.ZipFile(docx_path) as z:
            parts = [(info, z.read(info.filename)) for info in z.infolist()]
        document = next((data for info, data in parts if info.filename == "word/document.xml"), b"").decode("utf-8")
        if not title or title not in document:
            results.fail(f"edit {docx_path.name}", ["the title is not found in word/document.xml"])
            continue
        with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in parts:
                if info.filename == "word/document.xml":
                    data = document.replace(title, new_title).encode("utf-8")
                z.writestr(info, data)
        rc, out, err = run_import(args.cli, edited)
        ids, problems = finding_ids(err)
        lines = list(problems)
        if rc != 0:
            lines.append(f"`zhinan import` exited {rc}")
        if "import.embedded_differs" not in ids:
            lines.append(f"import.embedded_differs not reported (reported: {sorted(set(ids))})")
        try:
            got = load_json(out).get("title")
            if got != new_title:
                lines.append(f"/title: expected the visible {short(new_title)}, got {short(got)}")
        except ValueError:
            lines.append("stdout is not JSON")
        if lines:
            results.fail(f"edited {edited.name} (embedded_differs)", lines)
        else:
            results.ok(f"edited {edited.name} (embedded_differs)")


def check_libreoffice(results, args, work, cases):
    """Part 3: the same forms after a LibreOffice round trip."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        results.skip("LibreOffice round trip", "LibreOffice (soffice) is not installed")
        return
    if not cases:
        results.skip("LibreOffice round trip", "no forms were generated")
        return
    out_dir = work / "libreoffice"
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    # LibreOffice names its output after the input; the two sets of forms share no name.
    profile_dir = Path(tempfile.mkdtemp(prefix="zhinan-import-lo-"))
    try:
        cmd = [soffice, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir)]
        cmd += [str(path) for _, path, _, _ in cases]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=780)
        if r.returncode != 0:
            results.fail("soffice --convert-to docx", [f"exited {r.returncode}: {r.stderr.strip()}"])
    except subprocess.TimeoutExpired:
        results.fail("soffice --convert-to docx", ["timed out"])
        return
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)
    for name, path, expected, ids in cases:
        converted = out_dir / path.name
        if not converted.exists():
            results.fail(f"libreoffice {path.name}", ["LibreOffice wrote no .docx"])
            continue
        check_import(results, f"libreoffice {path.name}", args.cli, converted, expected, ids,
                     exceptions=LIBREOFFICE_EXCEPTIONS.get(name),
                     finding_exceptions=LIBREOFFICE_FINDING_EXCEPTIONS.get(name, ()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, type=Path, help="the zhinan executable")
    parser.add_argument("--work", required=True, type=Path, help="a scratch directory (emptied first)")
    parser.add_argument("--render-tool", type=Path, help="docx_render_tool (tests/office/docx)")
    parser.add_argument("--samples", type=Path, default=make_forms.DEFAULT_SAMPLES)
    parser.add_argument("--profile", type=Path, default=make_forms.DEFAULT_PROFILE)
    parser.add_argument("--libreoffice", action="store_true", help="also round-trip the forms through LibreOffice")
    args = parser.parse_args()

    if not args.cli.exists():
        print(f"FAIL: {args.cli} does not exist")
        return 1
    # The work directory is emptied first; only one this script made (it holds the marker).
    work = args.work
    marker = work / ".zhinan-import-forms"
    if work.exists() and any(work.iterdir()) and not marker.exists():
        print(f"FAIL: {work} is not empty and was not made by check_forms.py; give another --work")
        return 2
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    marker.touch()

    results = Results()
    cases = check_generated_forms(results, args, work)
    check_rendered(results, args, work)
    if args.libreoffice:
        check_libreoffice(results, args, work, cases)

    print(f"\n{results.passed} passed, {results.failed} failed" +
          (f", {results.skipped} skipped" if results.skipped else ""))
    if results.failed:
        return 1
    return 77 if results.skipped else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validate zhinan.suggestion/1 sample files against the JSON Schema.

Usage: validate_samples.py SCHEMA.json (FILE.json | DIR)...

A directory stands for every *.json file directly inside it. Prints one line
per file, then checks that a few deliberately broken documents are rejected
(so the test can fail), and exits 1 if any check failed, 2 on usage errors.
Needs the `jsonschema` package (Debian: python3-jsonschema, 4.10 or later).
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("validate_samples: the jsonschema package is missing "
          "(apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

# Documents the schema must reject: each breaks the structure, not a rule of the call.
MUST_REJECT = [
    ("title is a number", {"format": "zhinan.suggestion/1", "title": 5}),
    ("format missing", {"title": "项目名称"}),
    ("format is another version", {"format": "zhinan.suggestion/2"}),
    ("trl_current is a string",
     {"format": "zhinan.suggestion/1",
      "key_technologies": [{"name": "关键技术", "trl_current": "4", "trl_expected": 7}]}),
    ("bring_in is a string",
     {"format": "zhinan.suggestion/1", "project_type": {"bring_in": "是"}}),
    ("indicator category unknown",
     {"format": "zhinan.suggestion/1",
      "report": {"performance_targets": [{"category": "financial", "target": 1}]}}),
    ("funding total is an object",
     {"format": "zhinan.suggestion/1", "funding": {"total": {"value": 1200}}}),
    ("industry list holds a number",
     {"format": "zhinan.suggestion/1", "industry": ["新能源", 3]}),
    ("not an object", ["zhinan.suggestion/1"]),
]

# Documents the schema must accept although the library reports them: the schema
# describes types only, so business-rule mistakes and unknown fields pass.
MUST_ACCEPT = [
    ("minimal", {"format": "zhinan.suggestion/1"}),
    ("several industries ticked",
     {"format": "zhinan.suggestion/1", "industry": ["高端装备", "新能源"]}),
    ("amounts as decimal strings",
     {"format": "zhinan.suggestion/1", "funding": {"total": "1200", "provincial": "300.5"}}),
    ("single sub-type as a string",
     {"format": "zhinan.suggestion/1",
      "project_type": {"bring_in": True, "bring_in_subtypes": "chokepoint"}}),
    ("unknown field kept", {"format": "zhinan.suggestion/1", "x_note": "内部备注"}),
]


def sample_files(args):
    files = []
    for arg in args:
        path = pathlib.Path(arg)
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        else:
            files.append(path)
    return files


def first_error(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    err = errors[0]
    pointer = "/" + "/".join(str(p) for p in err.absolute_path)
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{pointer}: {err.message}{more}"


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    schema_path = pathlib.Path(argv[1])
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"FAIL {schema_path}: cannot read schema: {exc}")
        return 1
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as exc:
        print(f"FAIL {schema_path}: not a valid draft 2020-12 schema: {exc.message}")
        return 1
    validator = jsonschema.Draft202012Validator(schema)
    print(f"ok   {schema_path} (schema)")

    failures = 0
    files = sample_files(argv[2:])
    if not files:
        print("FAIL no sample files given or found")
        failures += 1
    for path in files:
        try:
            raw = path.read_bytes()
            if raw.startswith(b"\xef\xbb\xbf"):
                raise ValueError("starts with a UTF-8 BOM")
            doc = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as exc:
            print(f"FAIL {path}: {exc}")
            failures += 1
            continue
        problem = first_error(validator, doc)
        if problem:
            print(f"FAIL {path}: {problem}")
            failures += 1
        else:
            print(f"ok   {path}")

    for name, doc in MUST_REJECT:
        if validator.is_valid(doc):
            print(f"FAIL broken document accepted: {name}")
            failures += 1
        else:
            print(f"ok   rejected: {name}")
    for name, doc in MUST_ACCEPT:
        problem = first_error(validator, doc)
        if problem:
            print(f"FAIL document wrongly rejected: {name}: {problem}")
            failures += 1
        else:
            print(f"ok   accepted: {name}")

    checked = len(files) + len(MUST_REJECT) + len(MUST_ACCEPT)
    print(f"{checked - failures}/{checked} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

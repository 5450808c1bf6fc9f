"""What the summary table of the valid samples must show, worked out from the JSON files
and the profile independently of the library (Decimal sums, not the C++ code)."""
import glob
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal


class Expected:
    def __init__(self, samples_dir, profile_path):
        with open(profile_path, encoding="utf-8") as f:
            profile = json.load(f)
        self.title = profile["package"]["summary_table_title"]
        regions = profile["regions"]
        suggestions = []
        for path in sorted(glob.glob(os.path.join(samples_dir, "valid-*.json"))):
            with open(path, encoding="utf-8") as f:
                suggestions.append(json.load(f, parse_float=Decimal))
        self.titles = [s["title"] for s in suggestions]
        self.units = [s["source"]["unit"] for s in suggestions]
        self.count = len(suggestions)
        self.total = sum(Decimal(str(s["funding"]["total"])) for s in suggestions)
        self.provincial = sum(Decimal(str(s["funding"]["provincial"])) for s in suggestions)
        self.key_technologies = sum(len(s["key_technologies"]) for s in suggestions)

        def region_of(s):
            for r in regions:
                if s["region"] in (r["code"], r["label"]):
                    return r["label"]
            raise ValueError(s["region"])

        # Each region's rows, in the profile's order, with the label its merged cell carries.
        self.groups = []
        for r in regions:
            n = sum(1 for s in suggestions if region_of(s) == r["label"])
            if n:
                self.groups.append((f"{r['label']}（{n}项）", n))
        self.headings = [heading for heading, _ in self.groups]
        self.totals_label = f"合计（{self.count}项）"


def prepare(argv):
    """argv: WRITER SAMPLES_DIR PROFILE OUT_DIR -> (out_dir, Expected)."""
    if len(argv) != 5:
        sys.exit(f"usage: {argv[0]} WRITER SAMPLES_DIR PROFILE OUT_DIR")
    writer, samples, profile, out = argv[1:]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    subprocess.run([writer, out, samples], check=True)
    return out, Expected(samples, profile)


def squeeze(text):
    """Text without any white space: wrapped cells break lines anywhere."""
    return "".join(text.split())

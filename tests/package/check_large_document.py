#!/usr/bin/env python3
"""A unit's 2 GB document (a sparse file) packed by `zhinan pack`: it is copied into the ZIP
a chunk at a time, so the run's peak memory stays flat (under 64 MB; the whole file in
memory was 2.1 GB), and Info-ZIP unzip and Python's zipfile read the entry back whole, its
size and CRC-32 right. The 汇总表 names the ZIP by its size and CRC-32."""
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

CLI = os.environ["ZHINAN_CLI"]
SAMPLES = os.environ["ZHINAN_SAMPLES"]
SIZE = 2 * 1024 ** 3
# AddressSanitizer (the asan preset sets ASAN_OPTIONS) keeps freed memory in quarantine
# and shadow memory beside every allocation.
LIMIT_MB = 256 if "ASAN_OPTIONS" in os.environ else 64


def main():
    work = tempfile.mkdtemp(prefix="zhinan-large-")
    problems = []
    try:
        with open(os.path.join(SAMPLES, "valid-sco.json"), encoding="utf-8") as f:
            s = json.load(f)
        s["document"] = "说明报告.doc"
        with open(os.path.join(work, "s.json"), "w", encoding="utf-8") as f:
            json.dump(s, f, ensure_ascii=False)
        with open(os.path.join(work, s["document"]), "wb") as f:
            f.seek(SIZE - 5)
            f.write(b"\xd0\xcf\x11\xe0!")  # a last chunk that is not zeros
        target = os.path.join(work, "out", "指南建议.zip")
        os.makedirs(os.path.dirname(target))
        r = subprocess.run([CLI, "pack", os.path.join(work, "s.json"), "-o", target], capture_output=True, timeout=600)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if r.returncode != 0:
            problems.append(f"pack exited {r.returncode}: {r.stdout.decode(errors='replace')}")
        if peak_mb > LIMIT_MB:
            problems.append(f"pack's peak memory {peak_mb:.0f} MB > {LIMIT_MB} MB")
        t = subprocess.run(["unzip", "-tq", target], capture_output=True)
        if t.returncode != 0:
            problems.append(f"unzip -t: {t.stdout!r}")
        with zipfile.ZipFile(target) as z:
            docs = [i for i in z.infolist() if i.filename.endswith(".doc")]
            if len(docs) != 1 or docs[0].file_size != SIZE:
                problems.append(f"entries {[(i.filename, i.file_size) for i in z.infolist()]}")
            else:
                with z.open(docs[0]) as f:  # zipfile checks the CRC-32 at the end
                    f.seek(SIZE - 5)
                    tail = f.read()
                if tail != b"\xd0\xcf\x11\xe0!":
                    problems.append(f"the entry ends with {tail!r}")
        with open(target, "rb") as f:
            data = f.read()
        note = f"（{len(data):,} 字节，CRC-32 校验值 {zlib.crc32(data):08X}）"
        with open(os.path.join(work, "out", "指南建议-汇总表.csv"), encoding="utf-8-sig") as f:
            if note not in f.read():
                problems.append(f"the 汇总表 does not name the ZIP as {note}")
        print(f"a {SIZE / 1024 ** 3:.0f} GB document packed in a {len(data) / 1024 ** 2:.1f} MB ZIP; "
              f"pack's peak memory {peak_mb:.0f} MB (limit {LIMIT_MB} MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

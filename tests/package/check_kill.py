#!/usr/bin/env python3
"""`zhinan pack` killed (SIGKILL) at 100 random moments while it replaces an older package.
After each kill the ZIP at the target is the old package or the new one, byte for byte and
whole (`unzip -t`); the 汇总表 files are the old or the new ones, never a new ZIP beside old
tables (the ZIP is renamed last); where new tables stand beside the old ZIP (the moment
between the renames) their note names a ZIP of another size and CRC-32, so the pair cannot
pass for a match. The next run leaves no temporary file, whatever the kill left."""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib

CLI = os.environ["ZHINAN_CLI"]
SAMPLES = os.environ["ZHINAN_SAMPLES"]
KILLS = 100


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def note_of(zip_bytes):
    size = f"{len(zip_bytes):,}"
    return f"（{size} 字节，CRC-32 校验值 {zlib.crc32(zip_bytes):08X}）".encode()


def make_inputs(folder, version):
    """The six valid samples, each with its unit's own report (a few MB, so the run
    spends its time writing); version 2 changes every report and the department."""
    import json
    os.makedirs(folder)
    names = sorted(n for n in os.listdir(SAMPLES) if n.startswith("valid-") and n.endswith(".json"))
    files = []
    for i, name in enumerate(names):
        with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
            s = json.load(f)
        s["document"] = f"report-{i}.doc"
        rng = random.Random(version * 100 + i)
        words = ["合作", "研发", "关键技术", "示范", "平台", "数据", str(version)]
        text = "".join(rng.choice(words) for _ in range(60_000)).encode()
        with open(os.path.join(folder, s["document"]), "wb") as f:
            f.write(text)
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(s, f, ensure_ascii=False)
        files.append(path)
    return files


def pack_args(files, target, version):
    return [CLI, "pack", *files, "-o", target, "--department", f"第{version}版科学技术局"]


def main():
    work = tempfile.mkdtemp(prefix="zhinan-kill-")
    problems = []
    try:
        v1 = make_inputs(os.path.join(work, "v1"), 1)
        v2 = make_inputs(os.path.join(work, "v2"), 2)
        reference = {}
        for version, files in ((1, v1), (2, v2)):
            out = os.path.join(work, f"ref{version}")
            os.makedirs(out)
            started = time.monotonic()
            r = subprocess.run(pack_args(files, os.path.join(out, "p.zip"), version), capture_output=True, timeout=300)
            took = time.monotonic() - started
            if r.returncode != 0:
                print(r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace"))
                return 1
            reference[version] = {n: read(os.path.join(out, n)) for n in ("p.zip", "p-汇总表.xlsx", "p-汇总表.csv")}
        old, new = reference[1], reference[2]
        if old["p.zip"] == new["p.zip"] or old["p-汇总表.csv"] == new["p-汇总表.csv"]:
            print("the two versions must differ")
            return 1

        target_dir = os.path.join(work, "target")
        os.makedirs(target_dir)
        target = os.path.join(target_dir, "p.zip")
        rng = random.Random(2025)
        states = {}
        temps_after_kill = 0
        for k in range(KILLS):
            for name, data in old.items():
                with open(os.path.join(target_dir, name), "wb") as f:
                    f.write(data)
            proc = subprocess.Popen(pack_args(v2, target, 2), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, took * 1.1))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            now = {n: read(os.path.join(target_dir, n)) for n in old}
            which = {n: "old" if now[n] == old[n] else "new" if now[n] == new[n] else "other" for n in old}
            state = (which["p.zip"], which["p-汇总表.xlsx"], which["p-汇总表.csv"])
            states[state] = states.get(state, 0) + 1
            temps_after_kill += sum(1 for n in os.listdir(target_dir) if n.startswith("."))
            if "other" in state:
                problems.append(f"kill {k}: a file at the target is neither the old nor the new one: {state}")
            if which["p.zip"] == "new" and state != ("new", "new", "new"):
                problems.append(f"kill {k}: the new ZIP beside old tables: {state}")
            if now["p.zip"] is not None:
                t = subprocess.run(["unzip", "-tq", target], capture_output=True)
                if t.returncode != 0:
                    problems.append(f"kill {k}: unzip -t fails: {t.stdout!r}")
            if which["p-汇总表.csv"] == "new" and which["p.zip"] == "old" and note_of(now["p.zip"]) in now["p-汇总表.csv"]:
                problems.append(f"kill {k}: new tables pass for the old ZIP's")
            # The next run: whole, and nothing left over from the killed one.
            r = subprocess.run(pack_args(v2, target, 2), capture_output=True, timeout=300)
            left = sorted(n for n in os.listdir(target_dir) if n not in old)
            if r.returncode != 0 or left:
                problems.append(f"kill {k}: the next run exited {r.returncode} and left {left}")
            after = {n: read(os.path.join(target_dir, n)) for n in old}
            if after != new:
                problems.append(f"kill {k}: the next run did not leave the new package")
            if note_of(after["p.zip"]) not in after["p-汇总表.csv"]:
                problems.append(f"kill {k}: the new 汇总表 does not name its ZIP")
        print(f"{KILLS} kills over {took:.2f} s runs; states (zip, xlsx, csv): {states}; "
              f"temporary files left by the kills: {temps_after_kill}, all removed by the next runs")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

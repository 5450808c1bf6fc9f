#!/usr/bin/env python3
"""Devices, FIFOs and folders where a suggestion, profile or registry file is expected: the
CLI reports io.read_failed for each (exit 2, never "internal error", never a hang), and the
Python wrapper (through the C API) raises ZhinanError with status EIO; each within a few
seconds and without growing (a /dev/zero read to its end would never stop)."""
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bindings", "python"))
import zhinan  # noqa: E402
from hostile_run import cli_environment  # noqa: E402

CLI = sys.argv[1]
TIME_LIMIT_S = 10
MEMORY_LIMIT_MB = 300 if "ASAN_OPTIONS" in os.environ else 100


def main():
    problems = []
    work = tempfile.mkdtemp(prefix="zhinan-devices-")
    silent_fifo = os.path.join(work, "没有写入方.json")
    os.mkfifo(silent_fifo)
    busy_fifo = os.path.join(work, "有写入方.json")
    os.mkfifo(busy_fifo)
    stop = threading.Event()

    def writer():  # a writer that never ends: the FIFO has data forever
        try:
            with open(busy_fifo, "wb") as f:
                while not stop.is_set():
                    f.write(b"[" * 65536)
        except (BrokenPipeError, OSError):
            pass

    threading.Thread(target=writer, daemon=True).start()
    targets = ["/dev/null", "/dev/zero", "/dev/urandom", silent_fifo, busy_fifo, work]

    for target in targets:
        for command in (["validate", "--format", "json"], ["count"], ["format"], ["summary"]):
            start = time.monotonic()
            try:
                r = subprocess.run([CLI, *command, target], capture_output=True, timeout=TIME_LIMIT_S * 3,
                                   env=cli_environment())
            except subprocess.TimeoutExpired:
                problems.append(f"{command[0]} {target}: still running after {TIME_LIMIT_S * 3} s")
                continue
            took = time.monotonic() - start
            text = (r.stdout + r.stderr).decode("utf-8", "replace")
            if r.returncode != 2 or "io.read_failed" not in text or "internal" in text.lower():
                problems.append(f"{command[0]} {target}: exit {r.returncode}, {text[:300]!r}")
            if took > TIME_LIMIT_S:
                problems.append(f"{command[0]} {target}: took {took:.1f} s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if peak > MEMORY_LIMIT_MB:
        problems.append(f"a CLI run peaked at {peak:.0f} MB")

    calls = {
        "Suggestion.from_file": lambda p: zhinan.Suggestion.from_file(p),
        "Profile.from_file": lambda p: zhinan.Profile.from_file(p),
        "Registry.from_jsonl_file": lambda p: zhinan.Registry.from_jsonl_file(p),
        "Registry.load": lambda p: zhinan.Registry.load(p),
    }
    for target in targets:
        for name, call in calls.items():
            start = time.monotonic()
            try:
                call(target)
                problems.append(f"{name}({target}) returned")
            except zhinan.ZhinanError as e:
                if e.status != zhinan.Status.EIO:
                    problems.append(f"{name}({target}): status {e.status!r}: {e}")
            if time.monotonic() - start > TIME_LIMIT_S:
                problems.append(f"{name}({target}) took {time.monotonic() - start:.1f} s")
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if own_peak > MEMORY_LIMIT_MB * 3:
        problems.append(f"the Python process peaked at {own_peak:.0f} MB")
    stop.set()
    try:  # release the writer if it waits for a reader
        fd = os.open(busy_fifo, os.O_RDONLY | os.O_NONBLOCK)
        os.close(fd)
    except OSError:
        pass
    for p in (silent_fifo, busy_fifo):
        os.unlink(p)
    os.rmdir(work)
    print(f"{len(targets)} devices, FIFOs and folders through 4 commands and 4 wrapper calls; "
          f"CLI peak {peak:.0f} MB, wrapper peak {own_peak:.0f} MB")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

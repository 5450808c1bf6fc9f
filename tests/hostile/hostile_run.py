"""What the hostile-input scripts share: running the CLI as a server would (a fresh working
directory, TMPDIR and HOME of its own, each watched so that nothing is written outside the
one output folder), its CPU time and peak memory (os.wait4 of that child alone), the bounds
(scaled under AddressSanitizer) and the verdicts.

The Python wrapper (bindings/python/zhinan over the C API) is imported from the tree; CTest
sets ZHINAN_LIBRARY to the built libzhinan.so.1 (and, under the sanitizers, LD_PRELOAD).
"""
import os
import resource
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "examples", "data")
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

# Time is CPU time (user and system) of the run: the machines that run the tests are shared,
# and a wall clock measures the load as much as the code. A run that waits instead (a hang)
# is caught by the wall clock at WALL_FACTOR times the limit.
TIME_LIMIT_S = 5.0
WALL_FACTOR = 6
MEMORY_LIMIT_MB = 200.0
# Under AddressSanitizer (the asan preset sets ASAN_OPTIONS) every allocation carries
# redzones and quarantine and code runs a few times slower: the same bounds, scaled.
if "ASAN_OPTIONS" in os.environ:
    TIME_LIMIT_S *= 4
    MEMORY_LIMIT_MB *= 4
PYTHON_ASAN_OPTIONS = ":detect_leaks=0"


def cli_environment(env=None):
    """The environment for the CLI a test runs: CTest turns leak checking off for the
    interpreter and preloads the ASan runtime into it (tests/hostile/CMakeLists.txt); the
    CLI, instrumented itself, is checked with the preset's options."""
    env = dict(os.environ if env is None else env)
    asan = env.get("ASAN_OPTIONS", "")
    if asan.endswith(PYTHON_ASAN_OPTIONS):
        env["ASAN_OPTIONS"] = asan[:-len(PYTHON_ASAN_OPTIONS)]
    env.pop("LD_PRELOAD", None)
    return env


# Runs the CLI and reports its exit status, peak memory and CPU time on fd argv[1]. Linux carries a
# process's peak RSS across fork and exec (the copy of the parent's memory counts), so the
# CLI is started by this small interpreter, not by the test's own process, whose memory (the
# library, the cases, the findings) would otherwise count as the CLI's.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
os.write(int(sys.argv[1]), b"%d %d %f" % (status, usage.ru_maxrss, usage.ru_utime + usage.ru_stime))
"""


def snapshot(root):
    """Every path under root, with size and modification time."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for n in dirs + files:
            p = os.path.join(folder, n)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            out[os.path.relpath(p, root)] = (st.st_size, st.st_mtime_ns)
    return out


class Sandbox:
    """A work folder: cases/ (the inputs, never written by the tool), out/ (the only place a
    run may write), and cwd/, tmp/, home/ (the run's working directory, TMPDIR and HOME,
    which must stay empty)."""

    def __init__(self, work):
        self.work = os.path.abspath(work)
        if os.path.exists(self.work):
            shutil.rmtree(self.work)
        for d in ("cases", "out", "cwd", "tmp", "home"):
            os.makedirs(os.path.join(self.work, d))
        self.cases = os.path.join(self.work, "cases")
        self.out = os.path.join(self.work, "out")
        self.env = dict(os.environ, TMPDIR=os.path.join(self.work, "tmp"), HOME=os.path.join(self.work, "home"),
                        LC_ALL="C.UTF-8")
        self.env = cli_environment(self.env)

    def write(self, name, data):
        path = os.path.join(self.cases, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def watched(self):
        return {d: snapshot(os.path.join(self.work, d)) for d in ("cases", "cwd", "tmp", "home")}

    def clear_out(self):
        shutil.rmtree(self.out)
        os.makedirs(self.out)

    def run(self, cli, args, stdin=None):
        """(exit code, stdout, stderr, CPU seconds and peak MB of the CLI, problems): problems
        lists a crash, a run past the wall clock's limit and every path written outside out/
        (the inputs, the working directory, TMPDIR, HOME)."""
        before = self.watched()
        report_r, report_w = os.pipe()
        start = time.monotonic()
        p = subprocess.Popen([sys.executable, "-S", "-c", LAUNCHER, str(report_w), cli] + args,
                             cwd=os.path.join(self.work, "cwd"), env=self.env, pass_fds=(report_w,),
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.close(report_w)
        bufs = {}

        def pump(stream, key):
            bufs[key] = stream.read()

        threads = [threading.Thread(target=pump, args=(p.stdout, "out")),
                   threading.Thread(target=pump, args=(p.stderr, "err"))]
        for t in threads:
            t.start()
        if stdin is not None:
            p.stdin.write(stdin)
            p.stdin.close()
        p.wait()
        seconds = time.monotonic() - start
        for t in threads:
            t.join()
        with os.fdopen(report_r, "rb") as f:
            reported = f.read().split()
        problems = []
        if len(reported) != 3:
            raise RuntimeError("the launcher did not run %s: %s" % (cli, bufs["err"][-300:]))
        p.returncode, peak_kb, cpu = os.waitstatus_to_exitcode(int(reported[0])), int(reported[1]), float(reported[2])
        if seconds > WALL_FACTOR * TIME_LIMIT_S:
            problems.append("took %.1f s by the clock (limit %.0f)" % (seconds, WALL_FACTOR * TIME_LIMIT_S))
        after = self.watched()
        for d in before:
            changed = sorted(k for k in set(before[d]) | set(after[d]) if before[d].get(k) != after[d].get(k))
            if changed:
                problems.append("wrote outside the output folder, in %s/: %s" % (d, changed[:5]))
        if p.returncode < 0 or p.returncode > 2:
            problems.append("crashed (exit %d): %s" % (p.returncode, bufs["err"][-300:].decode("utf-8", "replace")))
        return p.returncode, bufs["out"], bufs["err"].decode("utf-8", "replace"), cpu, peak_kb / 1024, problems


class Verdicts:
    def __init__(self):
        self.failures = 0
        self.passed = 0

    def __call__(self, what, problems, seconds=0.0, mb=0.0, detail=""):
        if seconds > TIME_LIMIT_S:
            problems.append("took %.1f s of CPU (limit %.0f)" % (seconds, TIME_LIMIT_S))
        if mb > MEMORY_LIMIT_MB:
            problems.append("peak memory %.0f MB (limit %.0f)" % (mb, MEMORY_LIMIT_MB))
        if problems:
            self.failures += 1
            print("FAIL %s: %s" % (what, "; ".join(problems)), flush=True)
        else:
            self.passed += 1
            print("ok   %s: %s%.2f s, %.0f MB" % (what, detail, seconds, mb), flush=True)

    def finish(self):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # The interpreter, the library and every suggestion read in-process: the same bound.
        self("this Python process (the C API calls in it)", [], 0.0, peak)
        print("%d passed, %d failed" % (self.passed, self.failures))
        sys.exit(1 if self.failures else 0)


def python_read(data, how="from_json"):
    """A suggestion's bytes (or, how="from_file", its file) through the Python wrapper and
    the C API: (findings of reading and validating, whether a suggestion was read, seconds,
    problems). An unreadable one must be ZhinanError EPARSE carrying its findings; anything
    else is a problem."""
    import zhinan

    start = time.process_time()  # CPU time, as for the CLI
    problems = []
    try:
        s = getattr(zhinan.Suggestion, how)(data)
    except zhinan.ZhinanError as e:
        if e.status != zhinan.Status.EPARSE:
            problems.append("ZhinanError status %s: %s" % (e.status, e))
        return list(e.diagnostics), False, time.process_time() - start, problems
    except Exception as e:  # noqa: BLE001 - any other exception is the defect being looked for
        return [], False, time.process_time() - start, ["raised %r" % e]
    with s:
        found = list(s.parse_diagnostics) + list(s.validate())
    return found, True, time.process_time() - start, problems

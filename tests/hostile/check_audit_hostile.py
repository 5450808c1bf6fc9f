#!/usr/bin/env python3
"""Hostile archives given to `zhinan audit` as the province's server would get them: each
is refused with its audit.* id, within 20 s and 300 MB, exit 1, and nothing is written
anywhere (no file named like an entry in WORK_DIR/.., /tmp or /etc; nothing new in the
working directory of the run or in WORK_DIR).

Usage: check_audit_hostile.py ZHINAN_CLI WORK_DIR

Peak memory is measured per run with os.wait4 (ru_maxrss of that child alone), since the
archivers this script runs to build the cases (7z, zip, bsdtar) are children too and
would otherwise count in RUSAGE_CHILDREN.

A hard link cannot be stored in a ZIP or a 7z (Info-ZIP, 7-Zip and bsdtar all store the
second name as a plain copy), so that case is a .tar made by bsdtar: audit reads .zip,
.7z and .rar only, and a tar is refused as audit.unreadable (audit.entry_unsafe, if the
library reads tar after all, is as good). Which one it gave is printed.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile

cli, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
if os.path.exists(work):
    shutil.rmtree(work)
os.makedirs(work)
cases_dir = os.path.join(work, "cases")
os.makedirs(cases_dir)
HERE = os.path.dirname(os.path.abspath(__file__))
FORM = os.path.join(HERE, "..", "..", "examples", "data", "forms", "多边合作-谐波减速器.docx")
GOOD_ENTRY = "多边科技合作/1.工业机器人高精度长寿命谐波减速器及一体化关节模组中日韩联合研发-烟台艾普精密传动有限公司.docx"
TIME_LIMIT = 20.0
MEMORY_LIMIT_MB = 300.0
# Names a careless reader would create (basenames of the hostile entries).
PLANTED = {"evil.txt", "evil", "evil.docx", "C:\\evil.txt", "passwd-link.docx", "zhinan-evil-device"}


def path(name):
    return os.path.join(cases_dir, name)


def form_bytes():
    with open(FORM, "rb") as f:
        return f.read()


def unix_info(name, mode=0o100644):
    """An entry made on Unix (Info-ZIP): the high 16 bits of external_attr are st_mode."""
    info = zipfile.ZipInfo(name, (2025, 3, 10, 9, 0, 0))
    info.create_system = 3
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def zip_with(name, infos):
    """A ZIP of (ZipInfo or name, bytes) pairs, names stored exactly as given; a plain name
    is a regular file (mode 0644), so that only what the case is about is wrong."""
    p = path(name)
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in infos:
            z.writestr(info if isinstance(info, zipfile.ZipInfo) else unix_info(info), data)
    return p


def good_zip(name):
    return zip_with(name, [(GOOD_ENTRY, form_bytes())])


def run_tool(args, cwd):
    r = subprocess.run(args, cwd=cwd, capture_output=True, timeout=300,
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    if r.returncode != 0:
        raise SystemExit(f"{args[0]} failed: {r.stdout.decode()} {r.stderr.decode()}")


def staged(tag):
    """A department's folder with one form in its region folder, for the archivers."""
    d = os.path.join(work, "stage-" + tag)
    os.makedirs(os.path.join(d, "多边科技合作"))
    with open(os.path.join(d, GOOD_ENTRY), "wb") as f:
        f.write(form_bytes())
    return d


def zip_slip(name, entry):
    return zip_with(name, [(GOOD_ENTRY, form_bytes()), (entry, b"evil")])


def symlink_zip():
    return zip_with("符号链接.zip", [(GOOD_ENTRY, form_bytes()),
                                  (unix_info("多边科技合作/passwd-link.docx", 0o120777), b"/etc/passwd")])


def device_zip():
    return zip_with("设备文件.zip", [(GOOD_ENTRY, form_bytes()),
                                 (unix_info("多边科技合作/zhinan-evil-device", 0o020666), b"")])


def hardlink_tar():
    """Text files, so that nothing inside looks like a ZIP (see docx_tar)."""
    d = os.path.join(work, "stage-tar")
    os.makedirs(os.path.join(d, "多边科技合作"))
    first = os.path.join(d, "多边科技合作", "1.说明-某单位.txt")
    with open(first, "w", encoding="utf-8") as f:
        f.write("指南建议说明\n" * 100)
    os.link(first, os.path.join(d, "多边科技合作", "2.硬链接-某单位.txt"))
    p = path("硬链接.tar")
    run_tool(["bsdtar", "-cf", p, "多边科技合作"], d)
    listing = subprocess.run(["bsdtar", "-tvf", p], capture_output=True).stdout.decode("utf-8", "replace")
    if "link to" not in listing:
        raise SystemExit("bsdtar did not store the hard link:\n" + listing)
    return p


def docx_tar():
    """A .tar (bsdtar) whose last member is a .docx: a ZIP's end record lies near the end of
    the file, and a lenient ZIP reader would take the form's parts for the package's entries."""
    d = staged("docx-tar")
    p = path("表格.tar")
    run_tool(["bsdtar", "-cf", p, "多边科技合作"], d)
    return p


def zeros_2gb():
    """One entry inflating to 2 GB of zeros (about 9 MB on disk), streamed in 1 MB chunks."""
    p = path("两GB零.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open(unix_info("多边科技合作/1.零-某单位.docx"), "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(2048):
                f.write(chunk)
    return p


def lying_sizes():
    """2047 MB of zeros whose headers (local and central) say it inflates to 1 KB: a reader
    that trusts the declared size instead of counting what it inflates is fooled."""
    p = path("谎报大小.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open(unix_info("多边科技合作/1.零-某单位.docx"), "w") as f:
            chunk = bytes(1 << 20)
            for _ in range(2047):
                f.write(chunk)
    with open(p, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"PK\x03\x04":
            raise SystemExit("no local header at 0")
        data[22:26] = (1024).to_bytes(4, "little")
        cd = data.rfind(b"PK\x01\x02")
        data[cd + 24:cd + 28] = (1024).to_bytes(4, "little")
        f.seek(0)
        f.write(data)
    return p


def nested_bomb():
    """42.zip-style: zips of identical zips, 5 levels of 8, 1 MB of zeros at the bottom
    (32 GB if everything were expanded), a few KB on disk. Each inner zip is just a file to
    the audit: the properly named one is data_unread, `42.zip` is misnamed."""
    level = path("bomb-leaf.zip")
    with zipfile.ZipFile(level, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(unix_info("0.bin"), bytes(1 << 20))
    for depth in range(1, 5):
        with open(level, "rb") as f:
            inner = f.read()
        nxt = path(f"bomb-{depth}.zip")
        with zipfile.ZipFile(nxt, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for i in range(8):
                z.writestr(unix_info(f"{depth}-{i}.zip"), inner)
        os.remove(level)
        level = nxt
    with open(level, "rb") as f:
        top = f.read()
    os.remove(level)
    return zip_with("套娃.zip", [(GOOD_ENTRY, form_bytes()),
                               ("多边科技合作/2.嵌套压缩包-某研究院.zip", top),
                               ("多边科技合作/42.zip", top)])


def zip_encrypted():
    d = staged("zip-p")
    p = path("加密.zip")
    run_tool(["zip", "-q", "-r", "-P", "secret", p, "多边科技合作"], d)
    return p


def seven_encrypted(name, *options):
    d = staged("7z" + "".join(options))
    p = path(name)
    run_tool(["7z", "a", "-t7z", "-mx=1", *options, p, "多边科技合作"], d)
    return p


def truncated():
    full = good_zip("完整.zip")
    with open(full, "rb") as f:
        data = f.read()
    os.remove(full)
    p = path("截断.zip")
    with open(p, "wb") as f:
        f.write(data[:len(data) // 2])
    return p


def text_as_zip():
    p = path("文本.zip")
    with open(p, "wb") as f:
        f.write("这不是压缩包，是一段文字。\n".encode("utf-8") * 20)
    return p


def many_entries():
    """10^5 empty entries (the limit is 10,000 per package)."""
    p = path("十万条目.zip")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        for i in range(100_000):
            info = unix_info(f"多边科技合作/{i}.txt")
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, b"")
    return p


# (what, [package paths], {ids any one of which must come}, exit codes accepted, extra check)
cases = [
    ("zip-slip ../evil.txt", [zip_slip("穿越1.zip", "../evil.txt")], {"audit.entry_unsafe"}, {1}),
    ("absolute path /etc/evil", [zip_slip("穿越2.zip", "/etc/evil")], {"audit.entry_unsafe"}, {1}),
    ("drive letter C:\\evil.txt", [zip_slip("穿越3.zip", "C:\\evil.txt")], {"audit.entry_unsafe"}, {1}),
    ("多边科技合作/../../evil.docx", [zip_slip("穿越4.zip", "多边科技合作/../../evil.docx")],
     {"audit.entry_unsafe"}, {1}),
    ("a symlink entry to /etc/passwd", [symlink_zip()], {"audit.entry_unsafe"}, {1}),
    ("a character-device entry", [device_zip()], {"audit.entry_unsafe"}, {1}),
    ("a hard link (a .tar by bsdtar)", [hardlink_tar()], {"audit.unreadable", "audit.entry_unsafe"}, {1}),
    ("a .tar holding a .docx (no ZIP, 7z or RAR)", [docx_tar()], {"audit.unreadable"}, {1}),
    ("a 2 GB-of-zeros entry", [zeros_2gb()], {"audit.too_large"}, {1}),
    ("a 2 GB entry whose headers say 1 KB", [lying_sizes()], {"audit.too_large", "audit.unreadable"}, {1}),
    ("a 42.zip-style nested bomb", [nested_bomb()], {"audit.data_unread", "audit.file_misnamed"}, {1}),
    ("zip -P secret", [zip_encrypted()], {"audit.entry_encrypted"}, {1}),
    ("7z a -psecret", [seven_encrypted("加密.7z", "-psecret")], {"audit.entry_encrypted"}, {1}),
    ("7z a -psecret -mhe=on (names encrypted too)", [seven_encrypted("加密名.7z", "-psecret", "-mhe=on")],
     {"audit.entry_encrypted", "audit.unreadable"}, {1}),
    ("a truncated archive", [truncated()], {"audit.unreadable"}, {1}),
    ("a text file named .zip", [text_as_zip()], {"audit.unreadable"}, {1}),
    ("10^5 empty entries", [many_entries()], {"audit.too_large"}, {1}),
]
# audit.too_large stops that package, not the run: a good package after it is still read.
cases.append(("a too-large package then a good one", [path("两GB零.zip"), good_zip("正常.zip")],
              {"audit.too_large"}, {1}))
for d in os.listdir(work):
    if d.startswith("stage-"):
        shutil.rmtree(os.path.join(work, d))


def snapshot(root):
    out = set()
    for folder, dirs, files in os.walk(root):
        for n in dirs + files:
            out.add(os.path.relpath(os.path.join(folder, n), root))
    return out


def planted_anywhere(cwd):
    """Files named like the hostile entries where a careless reader would put them."""
    found = []
    for d in {os.path.dirname(work), "/tmp", cwd, os.path.dirname(cwd), work, "/etc"}:
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for n in names:
            if n in PLANTED:
                found.append(os.path.join(d, n))
    return found


def run(paths, cwd):
    """Runs zhinan audit; (exit code or None on a kill, stdout, stderr, seconds, peak MB)."""
    start = time.monotonic()
    p = subprocess.Popen([cli, "audit", "--format", "json", *paths], cwd=cwd,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes while it runs; os.wait4 below needs the child unreaped.
    bufs = {"out": b"", "err": b""}

    def pump(stream, key):
        bufs[key] = stream.read()

    threads = [threading.Thread(target=pump, args=(p.stdout, "out")),
               threading.Thread(target=pump, args=(p.stderr, "err"))]
    for t in threads:
        t.start()
    killed = False
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > 3 * TIME_LIMIT:
            os.kill(p.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.02)
    elapsed = time.monotonic() - start
    for t in threads:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    code = None if killed else p.returncode
    return code, bufs["out"], bufs["err"], elapsed, usage.ru_maxrss / 1024


before_planted = set(planted_anywhere(work))
failures = passed = 0
peak = 0.0
for n, (what, paths, ids, exits) in enumerate(cases):
    cwd = os.path.join(work, f"cwd-{n}")
    os.makedirs(cwd)
    before_cwd, before_work = snapshot(cwd), snapshot(work)
    code, out, err, elapsed, rss = run(paths, cwd)
    peak = max(peak, rss)
    problems = []
    report = None
    try:
        report = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        problems.append(f"no JSON report ({e}); stderr: {err.decode('utf-8', 'replace')[:300]}")
    if code is None:
        problems.append(f"killed after {elapsed:.0f} s")
    elif code < 0 or code > 2:
        problems.append(f"crashed (exit {code}); stderr: {err.decode('utf-8', 'replace')[-300:]}")
    elif code not in exits:
        problems.append(f"exit {code}, not {sorted(exits)}")
    got = set()
    package = os.path.basename(paths[0])
    if report is not None:
        diags = report.get("diagnostics", [])
        got = {d.get("id") for d in diags if d.get("package") == package} & ids
        if not got:
            counts = {}
            for d in diags:
                counts[d.get("id")] = counts.get(d.get("id"), 0) + 1
            problems.append(f"none of {sorted(ids)} for {package}; got {counts}, e.g. " +
                            ", ".join(f"{d.get('id')} {d.get('entry')!r}" for d in diags[:4]))
        text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
        if "root:x:0:0" in text:
            problems.append("leaked /etc/passwd")
        if len(paths) > 1:  # the good package after the stopped one
            lines = {p.get("name"): p for p in report.get("packages", [])}
            good = lines.get(os.path.basename(paths[1]), {})
            if not good.get("read") or good.get("suggestions") != 1:
                problems.append(f"the good package after it was not read: {good}")
    if elapsed > TIME_LIMIT:
        problems.append(f"took {elapsed:.1f} s (limit {TIME_LIMIT:.0f})")
    if rss > MEMORY_LIMIT_MB:
        problems.append(f"peak memory {rss:.0f} MB (limit {MEMORY_LIMIT_MB:.0f})")
    new_cwd = snapshot(cwd) - before_cwd
    new_work = snapshot(work) - before_work
    if new_cwd:
        problems.append(f"wrote into its working directory: {sorted(new_cwd)[:10]}")
    if new_work:
        problems.append(f"wrote into WORK_DIR: {sorted(new_work)[:10]}")
    planted = set(planted_anywhere(cwd)) - before_planted
    if planted:
        problems.append(f"wrote files named like its entries: {sorted(planted)}")
        for f in planted:  # do not leave them for the next case (or the next run)
            try:
                os.remove(f)
            except OSError:
                pass
    if os.path.exists("/etc/evil") and "/etc/evil" not in before_planted:
        problems.append("wrote /etc/evil")
    if problems:
        failures += 1
        print("FAIL %s: %s" % (what, "; ".join(problems)))
    else:
        passed += 1
        print("ok   %s: [%s] exit %d in %.2f s, %.0f MB" % (what, ", ".join(sorted(got)), code, elapsed, rss))
print("ok   peak memory over all runs: %.0f MB (limit %.0f)" % (peak, MEMORY_LIMIT_MB))
print("%d passed, %d failed" % (passed, failures))
sys.exit(1 if failures else 0)

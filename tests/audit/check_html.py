"""audit.html_chromium: the audit's HTML report as a clerk's browser shows it. Headless
Chromium loads the page: its DOM lists every package and every finding of the same audit's
JSON report, the page refers to nothing outside itself (no http(s) URL, no file, no
script), and its screenshot is a real picture, not a blank page.

Usage: check_html.py REPORT.html REPORT.json [OUT_DIR]
OUT_DIR keeps the dumped DOM and the screenshot for a person to look at (a temporary
folder otherwise). Skips (77) when Chromium is not installed."""
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

SKIP = 77
TIMEOUT = 180
# Attributes that make a browser fetch or navigate to something.
URL_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action", "formaction",
                  "background", "xlink:href", "manifest", "ping", "cite", "longdesc"}
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(chromium, profile, args):
    """Runs one headless Chromium in its own process group, so that a hang can be
    stopped with every helper process it started."""
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--user-data-dir=" + str(profile)] + args
    env = dict(os.environ, HOME=str(profile), XDG_CONFIG_HOME=str(profile / "config"),
               XDG_CACHE_HOME=str(profile / "cache"))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError("chromium did not finish in %d s: %s" % (TIMEOUT, " ".join(args)))
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


class Page(HTMLParser):
    """The text nodes of a page, its findings rows and pairs, and what it refers to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.references = []  # (tag, attribute, value) that leave the page
        self.attribute_values = []
        self.scripts = 0
        self.findings_rows = 0
        self.pairs = 0
        self.styles = []
        self._in_style = False
        self._in_findings = 0
        self._in_tbody = False

    def handle_starttag(self, tag, attrs):
        classes = ""
        for name, value in attrs:
            value = value or ""
            self.attribute_values.append(value)
            if name == "class":
                classes = value
            if name == "style":
                self.styles.append(value)
            if name in URL_ATTRIBUTES and not (value.startswith("#") or value.startswith("data:")):
                self.references.append((tag, name, value))
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self._in_style = True
        if tag == "table" and "findings-table" in classes.split():
            self._in_findings += 1
        if tag == "tbody" and self._in_findings:
            self._in_tbody = True
        if tag == "tr" and self._in_tbody:
            self.findings_rows += 1
        if tag == "section" and "pair" in classes.split():
            self.pairs += 1

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "tbody":
            self._in_tbody = False
        if tag == "table" and self._in_findings:
            self._in_findings -= 1

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)
        else:
            self.texts.append(data)


def parse(html):
    page = Page()
    page.feed(html)
    page.close()
    return page


def check_self_contained(raw):
    page = parse(raw)
    check(re.search(r'<meta\s+charset="utf-8"', raw, re.I) is not None, 'declares <meta charset="utf-8">')
    # In markup and style, that is; a finding's text may quote a link the unit wrote.
    css = "\n".join(page.styles)
    urls = re.findall(r"(?:https?:)?//[^\s\"'<>)]*", "\n".join(page.attribute_values + [css]), re.I)
    check(not urls, "no http(s) URL in its markup and style" + (": " + ", ".join(urls[:5]) if urls else ""))
    check(not page.references, "refers to no external file" +
          (": " + repr(page.references[:5]) if page.references else ""))
    check(re.search(r"url\s*\(|@import", css, re.I) is None, "its CSS loads nothing (no url(), no @import)")
    check(page.scripts == 0, "needs no script (none in it)")
    check("@page" in css and "A4" in css, "prints on A4 (@page size A4)")


def check_dom(dom, report):
    page = parse(dom)
    text = "\n".join(page.texts)
    packages = [p["name"] for p in report["packages"]]
    diagnostics = report["diagnostics"]
    check(len(dom) > 0 and "审核报告" in text, "Chromium dumped the page (%d characters)" % len(dom))
    for name in packages:
        check(name in text, "package listed: " + name)
    missing = sorted({d["id"] for d in diagnostics if d["id"] not in text})
    check(not missing, "every finding id listed (%d findings, %d ids)%s" % (
        len(diagnostics), len({d["id"] for d in diagnostics}), ": missing " + ", ".join(missing) if missing else ""))
    check(page.findings_rows == len(diagnostics),
          "one findings row per finding (%d rows, %d findings)" % (page.findings_rows, len(diagnostics)))
    pair_ids = {"batch.duplicate", "batch.similar", "history.similar_funded"}
    pairs = sum(1 for d in diagnostics if d["id"] in pair_ids)
    check(page.pairs == pairs, "one side-by-side pair per duplicate finding (%d shown, %d found)" % (page.pairs, pairs))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_screenshot(chromium, profile, url, shot):
    if shot.exists():
        shot.unlink()
    rc, _, err = run_chromium(chromium, profile, ["--screenshot=" + str(shot), "--window-size=1280,2000",
                                                  "--hide-scrollbars", url])
    written = shot.exists()
    check(rc == 0 and written, "screenshot written: %s%s" % (shot, "" if written else " (" + err.strip()[-300:] + ")"))
    if not written:
        return
    size = shot.stat().st_size
    check(size > 10 * 1024, "screenshot is not blank (%d bytes > 10 kB)" % size)
    dims = png_size(shot)
    check(dims == (1280, 2000), "screenshot is a 1280×2000 PNG (%s)" % (dims,))


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    html_path, json_path = Path(argv[1]).resolve(), Path(argv[2])
    chromium = find_chromium()
    if not chromium:
        print("skipped: chromium not found")
        return SKIP
    raw = html_path.read_text(encoding="utf-8")
    report = json.loads(json_path.read_text(encoding="utf-8"))
    check(report.get("format") == "zhinan.audit/1", "the JSON is a zhinan.audit/1 report")
    check_self_contained(raw)

    out_dir = Path(argv[3]) if len(argv) > 3 else Path(tempfile.mkdtemp(prefix="zhinan-html-out-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="zhinan-chromium-"))
    try:
        url = html_path.as_uri()
        rc, dom, err = run_chromium(chromium, profile, ["--dump-dom", url])
        check(rc == 0, "chromium --dump-dom exits 0 (%d)%s" % (rc, "" if rc == 0 else ": " + err.strip()[-300:]))
        (out_dir / "dom.html").write_text(dom, encoding="utf-8")
        check_dom(dom, report)
        check_screenshot(chromium, profile, url, out_dir / "screenshot.png")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print("%d failure(s); output in %s" % (len(failures), out_dir))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

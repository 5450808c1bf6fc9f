#!/usr/bin/python3
"""Departments' packages made the way departments make them, for `zhinan audit`.

    make_packages.py OUTDIR --cli ZHINAN [--samples DIR]

From the samples (examples/data/valid-*.json and the units' own Word forms in
examples/data/forms/*.docx) this writes into OUTDIR one package per case: `zhinan pack`
output, Python's zipfile with CP936 names and no UTF-8 flag (what Windows' built-in
compressor writes), 7-Zip, an extracted folder, and packages with the mistakes clerks make
(wrong or alias folders, files outside the folders, misnamed files, gaps and duplicates in
the numbers, a form in the wrong region's folder, a 汇总表 that disagrees, a PDF, an empty
ZIP), plus the same suggestion or the same proposer in two departments' packages.

Beside each package P it writes `P.expected.json`:

    {"package": P, "case": "...", "format": "zip|7z|folder", "read": true,
     "department": NAME or null (null: not checked), "suggestions": N,
     "entries": [entry names the JSON report's "suggestions" must hold],
     "per_region": {code: n} or null,
     "alone": {"exit": 0|1, "no_errors": bool, "expect": [MATCH…], "forbid": [id…]},
     "group": {"packages": [P1, P2], "exit": 1, "expect": [MATCH…], "forbid": [id…]}  (optional)}

where MATCH is {"id", optional "severity", "entry", "entry_prefix", "params" {k: v},
"mentions" (a substring of the entry, message or a parameter), "min_count", "max_count"}.
"alone" is checked on an audit of P by itself, "group" on an audit of the group's packages
together in that order; the province's run over every package (manifest.json lists them
in order) checks the expectations again, without the other side of batch findings.

Also writes OUTDIR/funded.jsonl (a funded project like one sample) and OUTDIR/manifest.json:
{"packages": [P…] in the order the province audits them, "registry": {"file", "package",
"entry", "funded_id"}: the suggestion --registry must find history.similar_funded for}.
Exit 0 when every package was written and lists back as intended, 1 otherwise.
"""

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

FOLDERS = {
    "multilateral": "多边科技合作",
    "innovation_leaders": "创新领先国家",
    "sco": "上合组织成员国",
    "belt_and_road": "\u201c一带一路\u201d共建国家",
    "hk_macao_taiwan": "港澳台地区",
}

# Each sample: its JSON and the unit's own Word form of the same suggestion.
SAMPLE_FILES = {
    "harmonic": ("valid-multilateral.json", "多边合作-谐波减速器.docx"),
    "hydrogen": ("valid-innovation-leaders.json", "创新领先-电解水制氢.docx"),
    "cotton": ("valid-sco.json", "上合组织-耐盐棉花.docx"),
    "mural": ("valid-other-industry.json", "上合组织-壁画保护.docx"),
    "drone": ("valid-belt-and-road.json", "一带一路-植保无人机.docx"),
    "fish": ("valid-hk-macao-taiwan.json", "港澳台-鱼病预警.docx"),
}


class Sample:
    def __init__(self, key, samples):
        json_name, form_name = SAMPLE_FILES[key]
        self.key = key
        self.json_path = samples / json_name
        self.form_path = samples / "forms" / form_name
        self.data = json.loads(self.json_path.read_text("utf-8"))
        self.title = self.data["title"]
        self.unit = self.data["source"]["unit"]
        self.region = self.data["region"]
        if self.region not in FOLDERS:  # a Chinese label is accepted on input too
            self.region = {v: k for k, v in FOLDERS.items()}.get(self.region, self.region)
        self.folder = FOLDERS[self.region]

    def name(self, number, ext=".docx", unit=None):
        return f"{number}.{self.title}-{unit or self.unit}{ext}"

    def entry(self, number, folder=None, ext=".docx", unit=None):
        return f"{folder if folder is not None else self.folder}/{self.name(number, ext, unit)}"

    def form(self):
        return self.form_path.read_bytes()


def match(id_, **kw):
    m = {"id": id_}
    m.update({k: v for k, v in kw.items() if v is not None})
    return m


# Findings no well-made package may have.
STRUCTURE_ERRORS = ["audit.unreadable", "audit.too_large", "audit.entry_unsafe", "audit.entry_encrypted",
                    "audit.folder_unknown", "audit.file_outside_folder", "audit.file_misnamed", "audit.numbering",
                    "audit.number_duplicate", "audit.empty", "audit.region_mismatch", "audit.name_mismatch",
                    "audit.data_unread", "audit.summary_mismatch"]


class Maker:
    def __init__(self, out, cli, samples):
        self.out = out
        self.cli = cli
        self.samples = samples
        self.s = {k: Sample(k, samples) for k in SAMPLE_FILES}
        self.manifest = []
        self.problems = []
        self.tmp = Path(tempfile.mkdtemp(prefix="zhinan-audit-make-"))

    # --- writers -------------------------------------------------------------------------

    @staticmethod
    def dirs_of(entries):
        """The folder entries an archiver writes before the files (parents first)."""
        seen = []
        for name, _ in entries:
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i]) + "/"
                if d not in seen:
                    seen.append(d)
        return seen

    def zip_utf8(self, package, entries, with_dirs=True):
        """Python's zipfile: UTF-8 names with bit 11 set, as 7-Zip, Bandizip and WinRAR write."""
        path = self.out / package
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            # MS-DOS attributes (directory 0x10, archive 0x20), as tools on Windows write them.
            if with_dirs:
                for d in self.dirs_of(entries):
                    info = zipfile.ZipInfo(d, (2025, 3, 10, 9, 0, 0))
                    info.create_system, info.external_attr = 0, 0x10
                    z.writestr(info, b"")
            for name, data in entries:
                info = zipfile.ZipInfo(name, (2025, 3, 10, 9, 0, 0))
                info.create_system, info.external_attr = 0, 0x20
                z.writestr(info, data, zipfile.ZIP_DEFLATED)
        self.check_zip_names(path, [d for d in self.dirs_of(entries)] if with_dirs else [], entries, None)
        return path

    def zip_cp936(self, package, entries, encoding="cp936"):
        """What Windows' built-in compressor (Send to → Compressed folder) writes on Chinese
        Windows: names in the OEM code page CP936, general-purpose bit 11 clear, folders too.
        With encoding="utf-8": UTF-8 names with the flag clear (old Info-ZIP, macOS)."""

        class Cp936Info(zipfile.ZipInfo):
            # zipfile would store a non-ASCII name as UTF-8 and set bit 11; store the bytes
            # of the encoding and leave the flag clear, in the local header and the central
            # directory alike.
            def _encodeFilenameFlags(self):
                return self.filename.encode(encoding), self.flag_bits & ~0x800

        path = self.out / package
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for d in self.dirs_of(entries):
                info = Cp936Info(d, (2025, 3, 10, 9, 0, 0))
                info.create_system = 0  # MS-DOS, as Windows writes
                info.external_attr = 0x10
                z.writestr(info, b"")
            for name, data in entries:
                info = Cp936Info(name, (2025, 3, 10, 9, 0, 0))
                info.create_system = 0
                info.external_attr = 0x20
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
        # The raw bytes: no bit 11 anywhere, and the names are CP936 (not UTF-8).
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.flag_bits & 0x800:
                    self.problems.append(f"{package}: {info.filename} has the UTF-8 flag")
        self.check_zip_names(path, self.dirs_of(entries), entries, encoding)
        return path

    def folder(self, package, entries):
        path = self.out / package
        for name, data in entries:
            p = path / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        listed = sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())
        if listed != sorted(n for n, _ in entries):
            self.problems.append(f"{package}: folder holds {listed}")
        return path

    def seven_zip(self, package, entries):
        """7-Zip (`7z a`) of a department's extracted folder: the region folders at the root."""
        src = self.tmp / ("7z-" + package)
        for name, data in entries:
            p = src / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        path = self.out / package
        tops = sorted({n.split("/")[0] for n, _ in entries})
        env = dict(os.environ, LC_ALL="C.UTF-8")
        r = subprocess.run(["7z", "a", "-t7z", "-mx=1", str(path), "--", *tops], cwd=src, env=env,
                           capture_output=True, timeout=300)
        if r.returncode != 0:
            self.problems.append(f"{package}: 7z a failed: {r.stderr.decode('utf-8', 'replace')}")
            return path
        r = subprocess.run(["bsdtar", "-tf", str(path)], capture_output=True, timeout=60, env=env)
        names = {n.rstrip("/") for n in r.stdout.decode("utf-8", "replace").splitlines()}
        for name, _ in entries:
            if name not in names:
                self.problems.append(f"{package}: bsdtar does not list {name} (lists {sorted(names)})")
        return path

    def check_zip_names(self, path, dirs, entries, encoding):
        """Read the names back: Python (with the encoding given) and bsdtar. (Not Debian's
        Info-ZIP unzip: its iconv patch converts the names of entries made on FAT/NTFS, as
        Windows tools mark them, from the OEM code page even when bit 11 says UTF-8.)"""
        want = sorted(dirs + [n for n, _ in entries])
        with zipfile.ZipFile(path, metadata_encoding=encoding) if encoding else zipfile.ZipFile(path) as z:
            got = sorted(i.filename for i in z.infolist())
        if got != want:
            self.problems.append(f"{path.name}: zipfile reads {got}, expected {want}")
        if not entries:
            return
        # libarchive, the library's own reader; a legacy encoding has to be named to it.
        options = ["--options", "hdrcharset=" + encoding.upper()] if encoding else []
        r = subprocess.run(["bsdtar", *options, "-tf", str(path)], capture_output=True, timeout=60)
        listed = sorted(r.stdout.decode("utf-8", "replace").splitlines())
        if r.returncode != 0 or listed != want:
            self.problems.append(f"{path.name}: bsdtar ({r.returncode}) lists {listed}")

    # --- zhinan pack ---------------------------------------------------------------------

    def pack(self, department, datas, into):
        """`zhinan pack` of the given suggestion JSON objects: the package's path and its
        files {entry: bytes} (folders left out). The 汇总表 is written beside it."""
        work = self.tmp / ("pack-" + department + "-" + str(len(list(self.tmp.iterdir()))))
        work.mkdir()
        files = []
        for i, data in enumerate(datas):
            f = work / f"s{i}.json"
            f.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
            files.append(str(f))
        into.mkdir(parents=True, exist_ok=True)
        out = into / f"{department}.zip"
        r = subprocess.run([self.cli, "pack", "-o", str(out), "--department", department,
                            "--time", "2025-03-10T09:00:00", *files], capture_output=True, timeout=300)
        if r.returncode != 0:
            raise SystemExit(f"zhinan pack failed ({r.returncode}):\n{r.stdout.decode()}\n{r.stderr.decode()}")
        with zipfile.ZipFile(out) as z:
            entries = [(i.filename, z.read(i)) for i in z.infolist() if not i.filename.endswith("/")]
        return out, entries

    def variant(self, key, **source):
        """A sample's JSON with its source (proposer, phone, unit) changed."""
        data = json.loads(json.dumps(self.s[key].data))
        data["source"].update(source)
        return data

    # --- cases ---------------------------------------------------------------------------

    def expected(self, package, **fields):
        doc = {"package": package, "read": True, "department": None, "per_region": None}
        doc.update(fields)
        doc.setdefault("suggestions", len(doc.get("entries", [])))
        (self.out / f"{package}.expected.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n",
                                                           "utf-8")
        self.manifest.append(package)

    def forms(self, *items):
        """[(entry, bytes)] of units' own forms: (sample key, number[, folder[, name]])."""
        out = []
        for item in items:
            key, number = item[0], item[1]
            folder = item[2] if len(item) > 2 else None
            s = self.s[key]
            entry = item[3] if len(item) > 3 else s.entry(number, folder)
            out.append((entry, s.form()))
        return out

    def make_all(self):
        s = self.s
        # 1. zhinan pack's own output, its 汇总表 (.xlsx and .csv) beside it.
        package = "青岛市科技局.zip"
        _, entries = self.pack("青岛市科技局", [s[k].data for k in SAMPLE_FILES], self.out)
        self.expected(package, case="zhinan pack output, 汇总表 beside it", format="zip",
                      entries=[e for e, _ in entries],
                      per_region={"multilateral": 1, "innovation_leaders": 1, "sco": 2, "belt_and_road": 1,
                                  "hk_macao_taiwan": 1},
                      alone={"exit": 0, "no_errors": True, "expect": [],
                             "forbid": STRUCTURE_ERRORS + ["audit.summary_absent", "audit.name_legacy_encoding",
                                                           "audit.wrapper_folder", "audit.folder_alias"]})

        # 2. Windows' built-in compressor: CP936 names, no UTF-8 flag.
        package = "烟台市科技局.zip"
        entries = self.forms(("harmonic", 1), ("cotton", 1), ("drone", 1), ("fish", 1))
        self.zip_cp936(package, entries)
        self.expected(package, case="CP936 names without the UTF-8 flag (Windows' compressor)", format="zip",
                      department="烟台市科技局", entries=[e for e, _ in entries],
                      per_region={"multilateral": 1, "sco": 1, "belt_and_road": 1, "hk_macao_taiwan": 1},
                      alone={"exit": 0, "no_errors": True,
                             "expect": [match("audit.name_legacy_encoding", severity="info", entry="", max_count=1)],
                             "forbid": STRUCTURE_ERRORS + ["audit.folder_alias", "audit.wrapper_folder"]})

        # 3. One folder wrapping the region folders.
        package = "潍坊市科技局.zip"
        wrapper = "潍坊市科技局指南建议"
        entries = self.forms(("harmonic", 1, f"{wrapper}/{FOLDERS['multilateral']}"),
                             ("fish", 1, f"{wrapper}/{FOLDERS['hk_macao_taiwan']}"))
        self.zip_utf8(package, entries)
        self.expected(package, case="a wrapper folder around the region folders", format="zip",
                      department="潍坊市科技局", entries=[e for e, _ in entries],
                      per_region={"multilateral": 1, "hk_macao_taiwan": 1},
                      alone={"exit": 0, "no_errors": True,
                             "expect": [match("audit.wrapper_folder", severity="info", params={"folder": wrapper},
                                              max_count=1)],
                             "forbid": STRUCTURE_ERRORS + ["audit.folder_alias"]})

        # 4. 7-Zip of an extracted folder.
        package = "济南市科技局.7z"
        entries = self.forms(("hydrogen", 1), ("cotton", 1), ("drone", 1))
        self.seven_zip(package, entries)
        self.expected(package, case="7z a of an extracted folder", format="7z", department="济南市科技局",
                      entries=[e for e, _ in entries],
                      per_region={"innovation_leaders": 1, "sco": 1, "belt_and_road": 1},
                      alone={"exit": 0, "no_errors": True, "expect": [],
                             "forbid": STRUCTURE_ERRORS + ["audit.name_legacy_encoding", "audit.wrapper_folder"]})

        # 5. An already extracted folder.
        package = "山东大学"
        entries = self.forms(("harmonic", 1), ("mural", 1), ("fish", 1))
        self.folder(package, entries)
        self.expected(package, case="an extracted folder", format="folder", department="山东大学",
                      entries=[e for e, _ in entries],
                      per_region={"multilateral": 1, "sco": 1, "hk_macao_taiwan": 1},
                      alone={"exit": 0, "no_errors": True, "expect": [],
                             "forbid": STRUCTURE_ERRORS + ["audit.name_legacy_encoding", "audit.wrapper_folder"]})

        # 6. The same suggestion in two departments' packages, under another proposer and unit.
        first, second = "威海市科技局.zip", "日照市科技局.zip"
        entries_first = self.forms(("hydrogen", 1), ("harmonic", 1))
        self.zip_utf8(first, entries_first)
        other_unit = "日照氢能装备研究院"
        _, rendered = self.pack("日照市科技局", [
            self.variant("hydrogen", unit=other_unit, proposer="周启明", phone="0633-8217765"),
            s["fish"].data], self.tmp / "rizhao")
        self.zip_utf8(second, rendered)
        dup_entry = s["hydrogen"].entry(1, unit=other_unit)
        group = {"packages": [first, second], "exit": 1,
                 "expect": [match("batch.duplicate", severity="error", package=second, entry=dup_entry,
                                  params={"other_file": f"{first}\uff1a{entries_first[0][0]}"})],
                 "forbid": ["batch.proposer_multiple"]}
        self.expected(first, case="the same suggestion in two packages (the earlier side)", format="zip",
                      department="威海市科技局", entries=[e for e, _ in entries_first],
                      alone={"exit": 0, "no_errors": True, "expect": [], "forbid": STRUCTURE_ERRORS},
                      group=dict(group, expect=[], forbid=["batch.duplicate", "batch.proposer_multiple"]))
        self.expected(second, case="the same suggestion in two packages (the later side)", format="zip",
                      entries=[e for e, _ in rendered],
                      alone={"exit": 0, "no_errors": True, "expect": [], "forbid": STRUCTURE_ERRORS + ["batch.duplicate"]},
                      group=group)
        if dup_entry not in [e for e, _ in rendered]:
            self.problems.append(f"{second}: zhinan pack did not name the file {dup_entry}")

        # 7. One proposer, two different suggestions, in two packages.
        first, second = "东营市科技局.zip", "滨州市科技局.zip"
        entries_first = self.forms(("cotton", 1))
        self.zip_utf8(first, entries_first)
        cotton = s["cotton"].data["source"]
        _, rendered = self.pack("滨州市科技局", [
            self.variant("drone", proposer=cotton["proposer"], phone=cotton["phone"])], self.tmp / "binzhou")
        self.zip_utf8(second, rendered)
        group = {"packages": [first, second], "exit": 1,
                 "expect": [match("batch.proposer_multiple", severity="error", package=second, entry=rendered[0][0],
                                  params={"other_file": f"{first}\uff1a{entries_first[0][0]}",
                                          "proposer": cotton["proposer"]})],
                 "forbid": ["batch.duplicate", "batch.similar"]}
        self.expected(first, case="one proposer in two packages (the earlier side)", format="zip",
                      department="东营市科技局", entries=[e for e, _ in entries_first],
                      alone={"exit": 0, "no_errors": True, "expect": [], "forbid": STRUCTURE_ERRORS},
                      group=dict(group, expect=[], forbid=["batch.proposer_multiple", "batch.duplicate"]))
        self.expected(second, case="one proposer in two packages (the later side)", format="zip",
                      entries=[e for e, _ in rendered],
                      alone={"exit": 0, "no_errors": True, "expect": [],
                             "forbid": STRUCTURE_ERRORS + ["batch.proposer_multiple"]},
                      group=group)

        # 8. A folder that is no region.
        package = "泰安市科技局.zip"
        entries = self.forms(("hydrogen", 1, "新能源合作"), ("harmonic", 1))
        self.zip_utf8(package, entries)
        self.expected(package, case="a folder that is no region (新能源合作)", format="zip", department="泰安市科技局",
                      entries=[e for e, _ in entries],
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.folder_unknown", severity="error", params={"folder": "新能源合作"},
                                              max_count=1)],
                             "forbid": ["audit.folder_alias", "audit.file_misnamed", "audit.wrapper_folder"]})

        # 9. Alias folders: without the quotes, with ASCII quotes.
        for package, folder in (("临沂市科技局.zip", "一带一路共建国家"), ("德州市科技局.zip", '"一带一路"共建国家')):
            entries = self.forms(("drone", 1, folder))
            self.zip_utf8(package, entries)
            self.expected(package, case=f"an alias folder ({folder})", format="zip", department=package[:-4],
                          entries=[e for e, _ in entries], per_region={"belt_and_road": 1},
                          alone={"exit": 0, "no_errors": True,
                                 "expect": [match("audit.folder_alias", severity="warning",
                                                  params={"folder": folder, "label": FOLDERS["belt_and_road"]},
                                                  max_count=1)],
                                 "forbid": STRUCTURE_ERRORS})

        # 10. A file at the root.
        package = "聊城市科技局.zip"
        entries = self.forms(("harmonic", 1, None, s["harmonic"].name(1)), ("fish", 1))
        self.zip_utf8(package, entries)
        self.expected(package, case="a file at the root", format="zip", department="聊城市科技局",
                      entries=[e for e, _ in entries],
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.file_outside_folder", severity="error", entry=entries[0][0],
                                              max_count=1)],
                             "forbid": ["audit.folder_unknown", "audit.wrapper_folder", "audit.file_misnamed"]})

        # 11. A file not named 序号.项目名称-建议单位.
        package = "菏泽市科技局.zip"
        misnamed = f"{FOLDERS['sco']}/耐盐棉花.docx"
        entries = self.forms(("mural", 1), ("cotton", 0, None, misnamed))
        self.zip_utf8(package, entries)
        self.expected(package, case="a misnamed file (耐盐棉花.docx)", format="zip", department="菏泽市科技局",
                      entries=[e for e, _ in entries],
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.file_misnamed", severity="error", entry=misnamed, max_count=1)],
                             # A misnamed form is still a form: it is read and validated.
                             "forbid": ["audit.folder_unknown", "audit.file_outside_folder", "audit.number_duplicate",
                                        "audit.data_unread"]})

        # 12. Numbers 1, 3 and numbers 1, 1 in one folder.
        package = "枣庄市科技局.zip"
        entries = self.forms(("mural", 1), ("cotton", 3))
        self.zip_utf8(package, entries)
        self.expected(package, case="a gap in the numbers (1, 3)", format="zip", department="枣庄市科技局",
                      entries=[e for e, _ in entries], per_region={"sco": 2},
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.numbering", severity="error", params={"folder": FOLDERS["sco"]},
                                              max_count=1)],
                             "forbid": ["audit.number_duplicate", "audit.file_misnamed", "audit.folder_unknown"]})
        package = "济宁市科技局.zip"
        entries = self.forms(("mural", 1), ("cotton", 1))
        self.zip_utf8(package, entries)
        self.expected(package, case="a number used twice (1, 1)", format="zip", department="济宁市科技局",
                      entries=[e for e, _ in entries], per_region={"sco": 2},
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.number_duplicate", severity="error",
                                              params={"folder": FOLDERS["sco"], "number": "1"}, max_count=1)],
                             "forbid": ["audit.file_misnamed", "audit.folder_unknown"]})

        # 13. A form in another region's folder.
        package = "淄博市科技局.zip"
        wrong = s["cotton"].entry(1, FOLDERS["innovation_leaders"])
        entries = self.forms(("cotton", 1, FOLDERS["innovation_leaders"]), ("fish", 1))
        self.zip_utf8(package, entries)
        self.expected(package, case="a form in the wrong region's folder", format="zip", department="淄博市科技局",
                      entries=[e for e, _ in entries],
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.region_mismatch", severity="error", entry=wrong, max_count=1)],
                             "forbid": ["audit.folder_unknown", "audit.file_misnamed", "audit.numbering"]})

        # 14. A 汇总表 inside the package that disagrees: one title edited, one row dropped.
        department = "山东省农业农村厅"
        package = department + ".zip"
        packed, rendered = self.pack(department, [s["harmonic"].data, s["hydrogen"].data, s["fish"].data],
                                     self.tmp / "agri")
        table_name = f"{department}-汇总表.csv"
        table = (packed.parent / table_name).read_text("utf-8-sig")
        rows = list(csv.reader(io.StringIO(table)))
        header = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
        # The header as the seed's 附件3 spells it: 合作国别、地区 (the column is found either way).
        rows[header] = ["合作国别、地区" if c == "合作国别地区" else c for c in rows[header]]
        title_col = rows[header].index("项目名称")
        # One title changed in the middle, one only lengthened (a clerk's 修订 note): both
        # differ from the file's title, and a 汇总表 shows titles in full, never shortened.
        changed = s["harmonic"].title.replace("谐波减速器", "行星减速器")
        lengthened = s["hydrogen"].title + "（修订）"
        edited = 0
        for r in rows[header + 1:]:
            if r and r[title_col] == s["harmonic"].title:
                r[title_col], edited = changed, edited + 1
            elif r and r[title_col] == s["hydrogen"].title:
                r[title_col], edited = lengthened, edited + 1
        dropped = None
        for i, r in enumerate(rows):
            if i > header and r and r[title_col] == s["fish"].title:
                dropped = rows.pop(i)
                break
        if edited != 2 or not dropped or changed == s["harmonic"].title:
            self.problems.append(f"{package}: could not edit the 汇总表 {rows}")
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows(rows)
        entries = rendered + [(table_name, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))]
        self.zip_utf8(package, entries)
        fish_entry = next(e for e, _ in rendered if s["fish"].title in e)
        self.expected(package, case="a 汇总表 inside that disagrees (a title edited, a row dropped)", format="zip",
                      entries=[e for e, _ in rendered],
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.summary_mismatch", severity="error", mentions=s["fish"].title,
                                              max_count=1),
                                        match("audit.summary_mismatch", severity="error", mentions=changed,
                                              max_count=1),
                                        match("audit.summary_mismatch", severity="error", mentions=lengthened,
                                              max_count=1)],
                             "forbid": ["audit.summary_absent", "audit.file_outside_folder", "audit.file_misnamed",
                                        "audit.folder_unknown"]},
                      dropped_entry=fish_entry)

        # 15. No 汇总表 anywhere.
        package = "山东省卫生健康委员会.zip"
        entries = self.forms(("fish", 1), ("harmonic", 1))
        self.zip_utf8(package, entries)
        self.expected(package, case="no 汇总表 anywhere", format="zip", department="山东省卫生健康委员会",
                      entries=[e for e, _ in entries], per_region={"hk_macao_taiwan": 1, "multilateral": 1},
                      alone={"exit": 0, "no_errors": True,
                             "expect": [match("audit.summary_absent", severity="info", entry="", max_count=1)],
                             "forbid": STRUCTURE_ERRORS})

        # 16. A PDF, properly named.
        package = "山东省教育厅.zip"
        pdf_entry = s["fish"].entry(1, ext=".pdf")
        entries = [(pdf_entry, minimal_pdf()), *self.forms(("harmonic", 1))]
        self.zip_utf8(package, entries)
        self.expected(package, case="a PDF in its folder, properly named", format="zip", department="山东省教育厅",
                      entries=[e for e, _ in entries], per_region={"hk_macao_taiwan": 1, "multilateral": 1},
                      alone={"exit": 0, "no_errors": True,
                             "expect": [match("audit.data_unread", severity="info", entry=pdf_entry, max_count=1)],
                             "forbid": ["audit.file_misnamed", "audit.unreadable", "audit.folder_unknown",
                                        "audit.numbering"]})

        # 17. UTF-8 names without the UTF-8 flag: read as UTF-8 (valid), no legacy-encoding note.
        package = "莱西市科技局.zip"
        entries = self.forms(("drone", 1), ("cotton", 1))
        self.zip_cp936(package, entries, encoding="utf-8")
        self.expected(package, case="UTF-8 names without the UTF-8 flag", format="zip", department="莱西市科技局",
                      entries=[e for e, _ in entries], per_region={"belt_and_road": 1, "sco": 1},
                      alone={"exit": 0, "no_errors": True, "expect": [],
                             "forbid": STRUCTURE_ERRORS + ["audit.name_legacy_encoding", "audit.folder_alias"]})

        # 18. zhinan pack's output with its 汇总表 beside it edited: one row dropped (.xlsx gone).
        department = "山东省科学院"
        packed, entries = self.pack(department, [s["cotton"].data, s["drone"].data, s["fish"].data], self.out)
        (self.out / f"{department}-汇总表.xlsx").unlink()
        beside = self.out / f"{department}-汇总表.csv"
        lines = beside.read_text("utf-8-sig").splitlines(keepends=True)
        kept = [ln for ln in lines if s["drone"].title not in ln]
        if len(kept) != len(lines) - 1:
            self.problems.append(f"{beside.name}: no single row of {s['drone'].title}")
        beside.write_text("\ufeff" + "".join(kept), "utf-8")
        self.expected(packed.name, case="the 汇总表 beside the package lacks a row", format="zip",
                      department=department, entries=[e for e, _ in entries],
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.summary_mismatch", severity="error", mentions=s["drone"].title,
                                              max_count=1)],
                             "forbid": STRUCTURE_ERRORS[:-1] + ["audit.summary_absent"]})

        # 19. The 汇总表 as zhinan pack writes it (.xlsx) inside the package: it agrees.
        department = "山东省商务厅"
        packed, rendered = self.pack(department, [s["hydrogen"].data, s["mural"].data], self.tmp / "commerce")
        table = f"{department}-汇总表.xlsx"
        entries = rendered + [(table, (packed.parent / table).read_bytes())]
        self.zip_utf8(department + ".zip", entries)
        self.expected(department + ".zip", case="the .xlsx 汇总表 inside the package agrees", format="zip",
                      department=department, entries=[e for e, _ in rendered],
                      per_region={"innovation_leaders": 1, "sco": 1},
                      alone={"exit": 0, "no_errors": True, "expect": [],
                             "forbid": STRUCTURE_ERRORS + ["audit.summary_absent"]})

        # 20. An empty ZIP (22 bytes: the end record only).
        package = "山东省工业和信息化厅.zip"
        with zipfile.ZipFile(self.out / package, "w"):
            pass
        self.expected(package, case="an empty ZIP", format="zip", entries=[], suggestions=0,
                      alone={"exit": 1, "no_errors": False,
                             "expect": [match("audit.empty", severity="error", entry="", max_count=1)],
                             "forbid": ["audit.unreadable", "audit.too_large"]})

        # A funded project like the fish sample, for --registry (history.similar_funded).
        fish = s["fish"].data
        funded = {"id": "2023-GHZ-017", "year": 2023, "title": fish["title"], "abstract": fish["overview"],
                  "unit": "青岛某研究院"}
        (self.out / "funded.jsonl").write_text(json.dumps(funded, ensure_ascii=False) + "\n", "utf-8")
        registry = {"file": "funded.jsonl", "package": "山东省卫生健康委员会.zip", "entry": s["fish"].entry(1),
                    "funded_id": funded["id"]}
        (self.out / "manifest.json").write_text(
            json.dumps({"packages": self.manifest, "registry": registry}, ensure_ascii=False, indent=2) + "\n",
            "utf-8")


def minimal_pdf():
    """A small well-formed PDF with one page (a scanned copy, as units sometimes send)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"]
    stream = b"BT /F1 12 Tf 72 770 Td (scan) Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make(out, cli, samples):
    """Writes every package into `out` (emptied first); returns the problems found."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    maker = Maker(out, cli, Path(samples))
    try:
        maker.make_all()
    finally:
        shutil.rmtree(maker.tmp, ignore_errors=True)
    return maker.problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--cli", required=True, help="the zhinan command (for zhinan pack)")
    ap.add_argument("--samples", default=str(ROOT / "examples" / "data"))
    a = ap.parse_args()
    problems = make(a.outdir, a.cli, a.samples)
    for p in problems:
        print("PROBLEM", p)
    manifest = json.loads((Path(a.outdir) / "manifest.json").read_text("utf-8"))
    print(f"{len(manifest['packages'])} packages written to {a.outdir}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

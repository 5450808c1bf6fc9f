"""The province's audit of the packages the departments send (.zip, .7z, .rar or an
extracted folder): each read without trusting it, its layout, names and 汇总表 checked,
every document read and validated, and the batch rules run across all the packages."""
from __future__ import annotations

import ctypes
import os
from typing import Any, Callable, List, Optional

from ._native import (AUDIT_OPTIONS_VERSION, AUDIT_PROGRESS, A, AuditOptionsStruct, D, Handle, Library, Status,
                      _type_name, choice, encode_required, path_bytes)
from .batch import Registry
from .diagnostic import Diagnostic
from .profile import Profile
from .suggestion import _profile_pointer

_MODES = {"submit": 0, "draft": 1}
_FORMATS = {"text": 0, "json": 1, "html": 2, "text_en": 3}


class Audit(Handle):
    """Several packages audited together under one profile (None: the built-in one).

        with zhinan.Audit() as audit:
            audit.add_package_file("青岛市科学技术局.zip")
            audit.add_package_file("济南市科学技术局.7z")
            for d in audit.run():
                print(d.package, d.entry, d.id, d.message_zh)
            html = audit.report("html")

    Packages are read only when ``run`` runs, in the order added; one that cannot be read
    is an ``audit.unreadable`` finding, not an exception. The reports and ``write_xlsx``
    describe the last run; adding a package or setting the registry drops it."""

    _names = ("审核", "audit")
    _pointer_type = A

    def __init__(self, profile: Optional[Profile] = None, *, library: Optional[Library] = None):
        lib = library or (profile._library if profile is not None else Library.default())
        out = A()
        lib.check(lib.c.zn_audit_new(ctypes.byref(out), _profile_pointer(profile)))
        self._adopt(lib, out)
        self._registry: Optional[Registry] = None

    def add_package_file(self, path: "os.PathLike[str] | str | bytes") -> None:
        """A .zip, .7z or .rar file, or a folder; a 汇总表 beside the file
        ("NAME-汇总表.xlsx" or ".csv") is checked with it."""
        self._library.check(self._library.c.zn_audit_add_package_file(self._live(), path_bytes(path, "path")))

    def add_package_bytes(self, name: str, data: bytes) -> None:
        """A package held in memory (copied); ``name`` is its file name ("部门.zip"), which
        the findings and reports use."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {_type_name(data)}")
        label = encode_required(name, "name")
        data = bytes(data)
        self._library.check(self._library.c.zn_audit_add_package_bytes(self._live(), label, data, len(data)))

    @property
    def registry(self) -> Optional[Registry]:
        """The funded projects compared as well (history.similar_funded); None for none."""
        return self._registry

    def set_registry(self, registry: Optional[Registry]) -> None:
        """Also compare every suggestion with funded projects; None removes them. The audit
        keeps its own reference: the registry may be closed afterwards."""
        if registry is not None and not isinstance(registry, Registry):
            raise TypeError(f"registry must be a zhinan.Registry, not {type(registry).__name__}")
        self._library.check(self._library.c.zn_audit_set_registry(
            self._live(), registry._live() if registry is not None else None))
        self._registry = registry

    def run(self, progress: Optional[Callable[[int, int, int], Optional[bool]]] = None,
            mode: str = "submit") -> List[Diagnostic]:
        """Audits every package added and returns every finding, each with its ``package``
        and ``entry``: the packages' structure, each document's rules (``mode`` as for
        ``validate``), then the batch rules across the packages (each about the later
        suggestion). Findings are data, whatever they say. ``progress(packages_done,
        packages_total, entries_done)`` is called as it goes; returning False cancels
        (ZhinanError ECANCELED), and what it raises cancels and is raised again."""
        c_mode = choice(_MODES, mode, "mode")
        lib = self._library
        raised: List[BaseException] = []

        def report(_user: Any, done: int, total: int, entries: int) -> int:
            if raised:
                return 1
            try:
                return 1 if progress(done, total, entries) is False else 0  # type: ignore[misc]
            except BaseException as e:  # never let it unwind through C: cancel, raise after
                raised.append(e)
                return 1

        options = AuditOptionsStruct()
        options.version = AUDIT_OPTIONS_VERSION
        options.mode = c_mode
        options.progress = AUDIT_PROGRESS(report) if progress is not None else AUDIT_PROGRESS()
        out = D()
        status = lib.c.zn_audit_run(ctypes.byref(out), self._live(), ctypes.byref(options))
        failure = lib.error(status) if status != Status.OK else None
        try:
            found = lib.read_diagnostics(out)
        finally:
            lib.c.zn_diagnostics_free(out)
        if raised:
            raise raised[0]
        if failure is not None:
            raise failure
        return found

    def report(self, format: str = "text") -> str:
        """The report of the last run: ``"text"`` (Chinese, then English, for a terminal),
        ``"text_en"`` (English alone), ``"json"`` (one zhinan.audit/1 document) or ``"html"`` (one self-contained page,
        printable on A4). ZhinanError EINVAL before a run."""
        return self._library.owned(self._library.c.zn_audit_report, self._live(), choice(_FORMATS, format, "format"))

    def write_xlsx(self, path: "os.PathLike[str] | str | bytes") -> None:
        """The province-wide list of every suggestion read, as .xlsx, written atomically."""
        self._library.check(self._library.c.zn_audit_write_xlsx(self._live(), path_bytes(path, "path")))

"""Across suggestions (三(三) of the call) and the package (四): a department's batch,
the registry of funded projects, and the ZIP with its 汇总表."""
from __future__ import annotations

import ctypes
import datetime
import os
from typing import Any, Callable, Iterable, List, Optional, Union

from ._native import (B, D, PACKAGE_OPTIONS_VERSION, PROGRESS, R, Handle, Library, PackageOptionsStruct, Status,
                      _type_name, choice, encode, path_bytes)
from .diagnostic import Diagnostic
from .profile import Profile
from .suggestion import Suggestion, _profile_pointer

_NUMBERING = {"per-folder": 0, "global": 1}


class Registry(Handle):
    """The funded projects (已立项项目) with their near-duplicate index, for the rule
    history.similar_funded. Read JSON Lines once with ``from_jsonl_file`` (slow: it
    indexes), ``save`` the index, and ``load`` it quickly afterwards."""

    _names = ("已立项项目库", "registry")
    _pointer_type = R

    def __init__(self) -> None:
        raise TypeError("use Registry.from_jsonl_file() or Registry.load()")

    @classmethod
    def from_jsonl_file(cls, path: "os.PathLike[str] | str | bytes", profile: Optional[Profile] = None,
                        library: Optional[Library] = None) -> "Registry":
        """One {"id", "year", "title", "abstract", "unit"} per line. Bad lines are skipped
        and listed in ``parse_diagnostics`` (registry.line_invalid, with the line)."""
        name = path_bytes(path, "path")
        lib = library or (profile._library if profile is not None else Library.default())
        out, found = lib.read(R, lib.c.zn_registry_from_jsonl_file, _profile_pointer(profile), name)
        registry = cls._wrap(lib, out)
        registry.parse_diagnostics = found
        return registry

    @classmethod
    def load(cls, path: "os.PathLike[str] | str | bytes", library: Optional[Library] = None) -> "Registry":
        """Reads what ``save`` wrote (ZhinanError EPARSE for anything else)."""
        name = path_bytes(path, "path")
        lib = library or Library.default()
        out = R()
        lib.check(lib.c.zn_registry_load(ctypes.byref(out), name))
        registry = cls._wrap(lib, out)
        registry.parse_diagnostics = []
        return registry

    def save(self, path: "os.PathLike[str] | str | bytes") -> None:
        """Writes the registry and its index to one file, atomically."""
        self._library.check(self._library.c.zn_registry_save(self._live(), path_bytes(path, "path")))

    def __len__(self) -> int:
        return self._library.c.zn_registry_count(self._live())


PathLike = Union[str, bytes, "os.PathLike[str]"]


def _roots(document_roots: Union[None, PathLike, Iterable[PathLike]]) -> Any:
    """The folders as a char *[] for zn_package_options.document_roots (one path alone is
    one folder, not its characters); None for none."""
    if document_roots is None:
        return None
    if isinstance(document_roots, (str, bytes, os.PathLike)):
        document_roots = [document_roots]
    try:
        items = list(document_roots)
    except TypeError:
        raise TypeError("document_roots must be a path or an iterable of paths, not "
                        f"{_type_name(document_roots)}") from None
    paths = [path_bytes(root, "each of document_roots") for root in items]
    if any(not p for p in paths):
        raise ValueError("document_roots: a folder may not be empty")
    return (ctypes.c_char_p * len(paths))(*paths) if paths else None


def _options(callback: Any, numbering: str, all_regions: bool, gbk_names: bool,
             department: Optional[str], contact: Optional[str], phone: Optional[str], date: Optional[str],
             threads: int, time: Optional[datetime.datetime], roots: Any) -> PackageOptionsStruct:
    o = PackageOptionsStruct()
    o.version = PACKAGE_OPTIONS_VERSION
    o.numbering = choice(_NUMBERING, numbering, "numbering")
    o.all_regions = int(bool(all_regions))
    o.gbk_names = int(bool(gbk_names))
    o.department, o.contact = encode(department, "department"), encode(contact, "contact")
    o.phone, o.date = encode(phone, "phone"), encode(date, "date")
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be int, not {_type_name(threads)}")
    if not -2**31 <= threads < 2**31:  # ctypes would cut it
        raise ValueError(f"threads {threads} does not fit a C int")
    o.threads = threads
    o.progress = callback
    if time is not None:
        o.year, o.month, o.day = time.year, time.month, time.day
        o.hour, o.minute, o.second = time.hour, time.minute, time.second
    if roots is not None:  # the caller keeps `roots` alive until zn_package_write returns
        o.document_roots = ctypes.cast(roots, ctypes.POINTER(ctypes.c_char_p))
        o.document_root_count = len(roots)
    return o


class Batch(Handle):
    """The suggestions one competent department (or the whole province) gives together,
    under one profile (None: the built-in one). ``add`` copies a suggestion in, so the
    original may change or be closed afterwards."""

    _names = ("批次", "batch")
    _pointer_type = B

    def __init__(self, profile: Optional[Profile] = None, *, library: Optional[Library] = None):
        lib = library or (profile._library if profile is not None else Library.default())
        out = B()
        lib.check(lib.c.zn_batch_new(ctypes.byref(out), _profile_pointer(profile)))
        self._adopt(lib, out)
        self._registry: Optional[Registry] = None

    def add(self, suggestion: Suggestion, name: "str | os.PathLike[str] | bytes | None" = None) -> None:
        """Adds a copy of ``suggestion`` under ``name``: the file it came from (relative
        ``document`` paths are found beside it; the default is ``suggestion.source_path``)
        or any label the findings should name."""
        if not isinstance(suggestion, Suggestion):
            raise TypeError(f"suggestion must be a zhinan.Suggestion, not {_type_name(suggestion)}")
        name = suggestion.source_path if name is None else name
        if name is None:
            raise ValueError("name the suggestion: it was not read from a file")
        label = path_bytes(name, "name")  # a label, or the path of the file it came from
        self._library.check(self._library.c.zn_batch_add(self._live(), suggestion._live(), label))

    def __len__(self) -> int:
        return self._library.c.zn_batch_count(self._live())

    @property
    def registry(self) -> Optional[Registry]:
        """Funded projects to compare against as well (history.similar_funded); None for none."""
        return self._registry

    @registry.setter
    def registry(self, registry: Optional[Registry]) -> None:
        if registry is not None and not isinstance(registry, Registry):
            raise TypeError(f"registry must be a zhinan.Registry, not {type(registry).__name__}")
        self._library.check(self._library.c.zn_batch_set_registry(
            self._live(), registry._live() if registry is not None else None))
        self._registry = registry  # the batch keeps its own reference: closing it is fine

    def check(self) -> List[Diagnostic]:
        """The rules across the suggestions (batch.proposer_multiple, batch.duplicate,
        batch.similar, history.similar_funded): each finding names in ``file`` the later
        suggestion and, in its message, the other one."""
        lib = self._library
        out = D()
        status = lib.c.zn_batch_check(ctypes.byref(out), self._live())
        try:
            if status != Status.OK:
                raise lib.error(status)
            return lib.read_diagnostics(out)
        finally:
            lib.c.zn_diagnostics_free(out)

    def write_package(self, zip_path: "os.PathLike[str] | str", *, numbering: str = "per-folder",
                      all_regions: bool = False, gbk_names: bool = False, department: Optional[str] = None,
                      contact: Optional[str] = None, phone: Optional[str] = None, date: Optional[str] = None,
                      threads: int = 0, time: Optional[datetime.datetime] = None,
                      progress: Optional[Callable[[int, int], Optional[bool]]] = None,
                      document_roots: Union[None, PathLike, Iterable[PathLike]] = None) -> List[Diagnostic]:
        """Checks every rule, then writes the package to ``zip_path`` and the 汇总表 beside
        it (``<name>-汇总表.xlsx`` and ``.csv``), atomically. Returns the findings (warnings;
        each with its ``file``). Raises ZhinanError with the findings: EREFUSED (nothing
        written) when a suggestion has errors, ECANCELED when ``progress(done, total)``
        returned False, EIO when writing failed. ``time`` stamps every entry (default: a
        fixed date, so the same input gives the same bytes); ``department``, ``contact``,
        ``phone`` and ``date`` fill the 汇总表's header. ``document_roots`` (a folder or a
        list of them) are where a suggestion's ``document`` may lie besides the folder of
        its own file; one anywhere else is refused (package.document_outside)."""
        lib = self._library
        raised: List[BaseException] = []

        def report(_user: Any, done: int, total: int) -> int:
            if raised:
                return 1
            try:
                return 1 if progress(done, total) is False else 0  # type: ignore[misc]
            except BaseException as e:  # never let it unwind through C: cancel, raise after
                raised.append(e)
                return 1

        callback = PROGRESS(report) if progress is not None else PROGRESS()
        roots = _roots(document_roots)
        options = _options(callback, numbering, all_regions, gbk_names, department, contact, phone, date,
                           threads, time, roots)
        out = D()
        status = lib.c.zn_package_write(ctypes.byref(out), self._live(), path_bytes(zip_path, "zip_path"),
                                        ctypes.byref(options))
        failure = lib.error(status) if status != Status.OK else None
        try:
            found = lib.read_diagnostics(out)
        finally:
            lib.c.zn_diagnostics_free(out)
        if raised:
            raise raised[0]
        if failure is not None:
            failure.diagnostics = found
            raise failure
        return found

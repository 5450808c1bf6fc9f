"""Counting 字 as reviewers do, folding text for comparison, and package file names."""
from __future__ import annotations

import ctypes
from typing import List, NamedTuple, Optional

from ._native import D, Library, Status, encode
from .diagnostic import Diagnostic

_COUNT_MODES = {"word": 0, "chars": 1, "chars-with-spaces": 2, "graphemes": 3}


def count(text: str, mode: str = "word", library: Optional[Library] = None) -> int:
    """How many 字 ``text`` has: ``"word"`` is Word's 字数统计 (what "1000 字以内"
    means), ``"chars"`` 字符数(不计空格), ``"chars-with-spaces"`` 字符数(计空格),
    ``"graphemes"`` user-perceived characters."""
    if mode not in _COUNT_MODES:
        raise ValueError(f"mode must be one of {', '.join(_COUNT_MODES)}, not {mode!r}")
    lib = library or Library.default()
    data = text.encode("utf-8")
    out = ctypes.c_size_t()
    lib.check(lib.c.zn_count(ctypes.byref(out), data, len(data), _COUNT_MODES[mode]))
    return out.value


def fold(text: str, library: Optional[Library] = None) -> str:
    """``text`` as the duplicate rules compare it (NFKC, case and width folded,
    Traditional to Simplified, without punctuation or white space)."""
    lib = library or Library.default()
    data = text.encode("utf-8")
    return lib.owned(lib.c.zn_fold, data, len(data))


class Name(NamedTuple):
    """A file name made safe, and what was changed to make it so (``name.*`` findings)."""

    name: str
    changes: List[Diagnostic]


def _name(lib: Library, function, *args) -> Name:  # type: ignore[no-untyped-def]
    out, length, changes = ctypes.c_void_p(), ctypes.c_size_t(), D()
    status = function(ctypes.byref(out), ctypes.byref(length), ctypes.byref(changes), *args)
    try:
        if status != Status.OK:
            raise lib.error(status)
        return Name(ctypes.string_at(out.value, length.value).decode("utf-8"), lib.read_diagnostics(changes))
    finally:
        lib.c.zn_string_free(out)
        lib.c.zn_diagnostics_free(changes)


def sanitize_name(name: str, library: Optional[Library] = None) -> Name:
    """One file or folder name made legal and readable on Windows, macOS and Linux."""
    lib = library or Library.default()
    return _name(lib, lib.c.zn_name_sanitize, encode(name, "name"))


def entry_name(number: int, title: str, unit: str, extension: str, folder: Optional[str] = None,
               pattern: Optional[str] = None, library: Optional[Library] = None) -> Name:
    """A package entry's file name, 序号.项目名称-建议单位.ext, short enough for every
    unzip tool (the title is shortened first). ``folder`` is the region folder it goes in
    (None: the root); ``pattern`` defaults to the call's "{number}.{title}-{unit}"."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"number must be int, not {type(number).__name__}")
    lib = library or Library.default()
    return _name(lib, lib.c.zn_name_entry, encode(folder, "folder"), number, encode(title, "title"),
                 encode(unit, "unit"), encode(extension, "extension"), encode(pattern, "pattern"))

"""Counting 字 as reviewers do, folding text for comparison, and package file names."""
from __future__ import annotations

import ctypes
from typing import List, NamedTuple, Optional, Union

from ._native import D, Library, Status, _type_name, choice, encode, encode_required, text_bytes
from .diagnostic import Diagnostic

_COUNT_MODES = {"word": 0, "chars": 1, "chars-with-spaces": 2, "graphemes": 3}


def count(text: Union[str, bytes], mode: str = "word", library: Optional[Library] = None) -> int:
    """How many 字 ``text`` (str, or bytes in UTF-8) has: ``"word"`` is Word's 字数统计
    (what "1000 字以内" means), ``"chars"`` 字符数(不计空格), ``"chars-with-spaces"``
    字符数(计空格), ``"graphemes"`` user-perceived characters."""
    data = text_bytes(text, "text")
    c_mode = choice(_COUNT_MODES, mode, "mode")
    lib = library or Library.default()
    out = ctypes.c_size_t()
    lib.check(lib.c.zn_count(ctypes.byref(out), data, len(data), c_mode))
    return out.value


def fold(text: Union[str, bytes], library: Optional[Library] = None) -> str:
    """``text`` (str, or bytes in UTF-8) as the duplicate rules compare it (NFKC, case and
    width folded, Traditional to Simplified, without punctuation or white space)."""
    data = text_bytes(text, "text")
    lib = library or Library.default()
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


def sanitize_name(name: Union[str, bytes], library: Optional[Library] = None) -> Name:
    """One file or folder name (str, or bytes in UTF-8) made legal and readable on
    Windows, macOS and Linux."""
    if isinstance(name, (bytes, bytearray, memoryview)):
        raw = bytes(name)
        if b"\0" in raw:  # C would cut the name there
            raise ValueError("name contains a NUL byte")
    else:
        raw = encode_required(name, "name")
    lib = library or Library.default()
    return _name(lib, lib.c.zn_name_sanitize, raw)


def entry_name(number: int, title: str, unit: str, extension: str, folder: Optional[str] = None,
               pattern: Optional[str] = None, library: Optional[Library] = None) -> Name:
    """A package entry's file name, 序号.项目名称-建议单位.ext, short enough for every
    unzip tool (the title is shortened first). ``folder`` is the region folder it goes in
    (None: the root); ``pattern`` defaults to the call's "{number}.{title}-{unit}"."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"number must be int, not {_type_name(number)}")
    if not -2**31 <= number < 2**31:  # ctypes would cut it into another number
        raise ValueError(f"number {number} does not fit a C int")
    texts = (encode(folder, "folder"), encode_required(title, "title"), encode_required(unit, "unit"),
             encode_required(extension, "extension"), encode(pattern, "pattern"))
    lib = library or Library.default()
    return _name(lib, lib.c.zn_name_entry, texts[0], number, *texts[1:])

"""One 指南建议 (zn_suggestion): the 信息表's fields, read from and written to JSON."""
from __future__ import annotations

import ctypes
import decimal
import enum
import os
from typing import Any, Callable, Iterable, List, Optional, Union

from ._native import S, Handle, Library, _type_name, encode, encode_required, path_bytes, text_bytes
from .diagnostic import Diagnostic
from .key_technologies import KeyTechnologies, KeyTechnology
from .profile import Profile


class ProjectType(enum.IntFlag):
    """项目类型 (ZN_TYPE_*)."""

    NONE = 0
    BRING_IN = 1  # “引进来”
    GO_GLOBAL = 2  # “走出去”
    PLATFORM = 4  # 依托国际创新合作平台
    MAJOR_EVENT = 8  # 重大活动签约


def _profile_pointer(profile: Optional[Profile]) -> Any:
    if profile is None:
        return None
    if not isinstance(profile, Profile):
        raise TypeError(f"profile must be a zhinan.Profile, not {type(profile).__name__}")
    return profile._live()


class _Text:
    """A text field of the form (zn_field): reads "" when empty; None or "" clears it."""

    def __init__(self, field: int, doc: str):
        self.field = field
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Optional["Suggestion"], owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        lib = obj._library
        return lib.borrowed(lib.c.zn_suggestion_get(obj._live(), self.field))

    def __set__(self, obj: "Suggestion", value: Any) -> None:
        lib = obj._library
        lib.check(lib.c.zn_suggestion_set(obj._live(), self.field, encode(self.convert(value), self.name)))

    def convert(self, value: Any) -> Optional[str]:
        return value


class _Amount(_Text):
    """An amount in 万元: decimal text, kept exactly as given. int and Decimal are written
    out; float is refused, since 0.1 has no exact binary value."""

    def convert(self, value: Any) -> Optional[str]:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, bool) or isinstance(value, float):
            raise TypeError(f"{self.name} is decimal text: pass str, int or decimal.Decimal, not "
                            f"{type(value).__name__}")
        if isinstance(value, (int, decimal.Decimal)):
            return format(value, "f") if isinstance(value, decimal.Decimal) else str(value)
        raise TypeError(f"{self.name} must be str, int or decimal.Decimal, not {type(value).__name__}")


class _Flag:
    """One 项目类型 box as a bool."""

    def __init__(self, flag: ProjectType, doc: str):
        self.flag = flag
        self.__doc__ = doc

    def __get__(self, obj: Optional["Suggestion"], owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        return bool(obj.project_types & self.flag)

    def __set__(self, obj: "Suggestion", value: bool) -> None:
        flags = obj.project_types
        obj.project_types = (flags | self.flag) if value else (flags & ~self.flag)


def _one_or_many(values: Union[None, str, Iterable[str]], what: str) -> List[str]:
    """A str is one value (not its characters); None is none; else an iterable of str.
    TypeError naming ``what`` for anything else (bytes too: its items would be ints)."""
    if values is None:
        return []
    if isinstance(values, str):
        items = [values]
    elif isinstance(values, (bytes, bytearray, memoryview)):
        raise TypeError(f"{what} must be str or an iterable of str, not {_type_name(values)}")
    else:
        try:
            items = list(values)
        except TypeError:
            raise TypeError(f"{what} must be str or an iterable of str, not {_type_name(values)}") from None
    for item in items:
        encode_required(item, f"each of {what}")  # type and NUL checks before anything changes
        if not item:
            raise ValueError(f"{what}: a code or label may not be empty")
    return items


def _single(value: str, what: str) -> bytes:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {_type_name(value)}")
    return encode(*_one_or_many(value, what))  # type: ignore[return-value]


class Suggestion(Handle):
    """A guideline suggestion. ``Suggestion()`` is an empty one (under the built-in
    profile); ``from_json``/``from_file`` read zhinan.suggestion/1, ``from_docx``/
    ``from_docx_file`` a unit's Word form. Close it, or use ``with``, to free it at once;
    otherwise it is freed when collected.

    ``parse_diagnostics`` holds what reading found (wrong types, unknown fields) and
    ``source_path`` the file it was read from (None otherwise); the rules of the call are
    checked by ``validate()``. One thread at a time per object.
    """

    _names = ("建议", "suggestion")
    _pointer_type = S

    def __init__(self, *, library: Optional[Library] = None):
        lib = library or Library.default()
        out = S()
        lib.check(lib.c.zn_suggestion_new(ctypes.byref(out)))
        self._adopt(lib, out)
        self.parse_diagnostics: List[Diagnostic] = []
        self.source_path: Optional[str] = None

    @classmethod
    def new(cls, library: Optional[Library] = None) -> "Suggestion":
        return cls(library=library)

    @classmethod
    def _read(cls, lib: Library, function: Callable[..., int], *args: Any) -> "Suggestion":
        out, found = lib.read(S, function, *args)
        obj = cls._wrap(lib, out)
        obj.parse_diagnostics = found
        obj.source_path = None
        return obj

    @classmethod
    def from_json(cls, text: Union[str, bytes], profile: Optional[Profile] = None,
                  library: Optional[Library] = None) -> "Suggestion":
        """Reads zhinan.suggestion/1 (str, or bytes in UTF-8, a BOM is fine) under profile
        (None: the built-in one). Raises ZhinanError with ``diagnostics`` and the first
        error's line and column when the text is not a suggestion at all."""
        data = text_bytes(text, "text")
        lib = library or (profile._library if profile is not None else Library.default())
        return cls._read(lib, lib.c.zn_suggestion_from_json, _profile_pointer(profile), data, len(data))

    @classmethod
    def from_file(cls, path: "os.PathLike[str] | str | bytes", profile: Optional[Profile] = None,
                  library: Optional[Library] = None) -> "Suggestion":
        """Reads a file; ZhinanError with status EIO when it cannot be read."""
        name = path_bytes(path, "path")
        lib = library or (profile._library if profile is not None else Library.default())
        obj = cls._read(lib, lib.c.zn_suggestion_from_file, _profile_pointer(profile), name)
        obj.source_path = os.fsdecode(path)
        return obj

    @classmethod
    def from_docx(cls, data: bytes, profile: Optional[Profile] = None,
                  library: Optional[Library] = None) -> "Suggestion":
        """Reads a unit's own Word form (附件1, a .docx as Word, WPS or LibreOffice saves
        it) from its bytes. ``parse_diagnostics`` holds the import.* findings (fields that
        could not be read are left empty). Raises ZhinanError (status EPARSE, with
        ``diagnostics``: import.not_docx, import.form_not_found, …) when the bytes are no
        such form."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {_type_name(data)}")
        lib = library or (profile._library if profile is not None else Library.default())
        data = bytes(data)
        return cls._read(lib, lib.c.zn_suggestion_from_docx, _profile_pointer(profile), data, len(data))

    @classmethod
    def from_docx_file(cls, path: "os.PathLike[str] | str | bytes", profile: Optional[Profile] = None,
                       library: Optional[Library] = None) -> "Suggestion":
        """Reads a Word form from a file; ZhinanError with status EIO when it cannot be
        read, EPARSE when it is no form (a .doc or .wps gives import.format_unsupported,
        saying how to re-save it as .docx)."""
        name = path_bytes(path, "path")
        lib = library or (profile._library if profile is not None else Library.default())
        obj = cls._read(lib, lib.c.zn_suggestion_from_docx_file, _profile_pointer(profile), name)
        obj.source_path = os.fsdecode(path)
        return obj

    def to_json(self) -> str:
        """The canonical JSON: the same suggestion always gives the same text."""
        return self._library.owned(self._library.c.zn_suggestion_to_json, self._live())

    def clone(self) -> "Suggestion":
        """An independent copy (its own handle)."""
        out = S()
        self._library.check(self._library.c.zn_suggestion_clone(ctypes.byref(out), self._live()))
        copy = type(self)._wrap(self._library, out)
        copy.parse_diagnostics = list(self.parse_diagnostics)
        copy.source_path = self.source_path
        return copy

    __copy__ = clone

    def __deepcopy__(self, memo: Any) -> "Suggestion":
        return self.clone()

    def validate(self, profile: Optional[Profile] = None, mode: str = "submit") -> List[Diagnostic]:
        from .validation import validate

        return validate(self, profile, mode)

    def __repr__(self) -> str:
        if self.closed:
            return "<zhinan.Suggestion (closed)>"
        return f"<zhinan.Suggestion {self.title!r}>"

    # --- 信息表 text fields
    title = _Text(0, "项目名称")
    industry_other = _Text(1, "其他：____ (with the industry code other)")
    overview = _Text(2, "项目概述 (at most the profile's limit of 字)")
    funding_total = _Amount(3, "项目计划总投入（万元）, decimal text such as '1200'")
    funding_provincial = _Amount(4, "省财政资金支持强度建议（万元）, decimal text such as '300.5'")
    unit = _Text(5, "建议单位")
    proposer = _Text(6, "建议人")
    position = _Text(7, "职称/职务")
    phone = _Text(8, "联系电话")
    department = _Text(9, "主管部门")
    report_document = _Text(10, "the unit's own 说明报告 file")
    document = _Text(11, "a ready 电子版 file to package")

    # --- 产业领域 and 合作国别、地区: codes; set with a code, label or alias
    def _codes(self, count: Callable[..., int], item: Callable[..., Optional[bytes]]) -> List[str]:
        p, lib = self._live(), self._library
        return [lib.borrowed(item(p, i)) for i in range(count(p))]

    def _replace(self, set_one: Callable[..., int], add: Callable[..., int], values: Any, what: str) -> None:
        items, lib = _one_or_many(values, what), self._library
        lib.check(set_one(self._live(), encode(items[0]) if items else None))
        for value in items[1:]:
            lib.check(add(self._live(), encode(value)))

    @property
    def industries(self) -> List[str]:
        """The 产业领域 codes ticked (one expected; several is what validation reports)."""
        c = self._library.c
        return self._codes(c.zn_suggestion_industry_count, c.zn_suggestion_industry)

    @industries.setter
    def industries(self, values: Union[None, str, Iterable[str]]) -> None:
        c = self._library.c
        self._replace(c.zn_suggestion_set_industry, c.zn_suggestion_add_industry, values, "industries")

    @property
    def industry(self) -> Optional[str]:
        """The (first) 产业领域 code, None when none is ticked; set with code or label."""
        codes = self.industries
        return codes[0] if codes else None

    @industry.setter
    def industry(self, value: Optional[str]) -> None:
        c = self._library.c
        self._replace(c.zn_suggestion_set_industry, c.zn_suggestion_add_industry, value, "industry")

    def add_industry(self, code_or_label: str) -> None:
        self._library.check(self._library.c.zn_suggestion_add_industry(self._live(), _single(code_or_label, "code_or_label")))

    @property
    def regions(self) -> List[str]:
        """The 合作国别、地区 codes ticked (one expected)."""
        c = self._library.c
        return self._codes(c.zn_suggestion_region_count, c.zn_suggestion_region)

    @regions.setter
    def regions(self, values: Union[None, str, Iterable[str]]) -> None:
        c = self._library.c
        self._replace(c.zn_suggestion_set_region, c.zn_suggestion_add_region, values, "regions")

    @property
    def region(self) -> Optional[str]:
        codes = self.regions
        return codes[0] if codes else None

    @region.setter
    def region(self, value: Optional[str]) -> None:
        c = self._library.c
        self._replace(c.zn_suggestion_set_region, c.zn_suggestion_add_region, value, "region")

    def add_region(self, code_or_label: str) -> None:
        self._library.check(self._library.c.zn_suggestion_add_region(self._live(), _single(code_or_label, "code_or_label")))

    # --- 项目类型
    @property
    def project_types(self) -> ProjectType:
        return ProjectType(self._library.c.zn_suggestion_type_flags(self._live()))

    @project_types.setter
    def project_types(self, flags: Union[ProjectType, int]) -> None:
        if isinstance(flags, bool) or not isinstance(flags, int):
            raise TypeError(f"project_types must be ProjectType flags, not {type(flags).__name__}")
        self._library.check(self._library.c.zn_suggestion_set_type_flags(self._live(), int(flags)))

    bring_in = _Flag(ProjectType.BRING_IN, "“引进来”")
    go_global = _Flag(ProjectType.GO_GLOBAL, "“走出去”")
    platform = _Flag(ProjectType.PLATFORM, "依托国际创新合作平台")
    major_event = _Flag(ProjectType.MAJOR_EVENT, "重大活动签约")

    @property
    def subtypes(self) -> List[str]:
        """The sub-types of “引进来” ticked, as codes (one expected)."""
        c = self._library.c
        return self._codes(c.zn_suggestion_subtype_count, c.zn_suggestion_subtype)

    @subtypes.setter
    def subtypes(self, values: Union[None, str, Iterable[str]]) -> None:
        items = [encode(v) for v in _one_or_many(values, "subtypes")]
        array = (ctypes.c_char_p * len(items))(*items)
        self._library.check(self._library.c.zn_suggestion_set_subtypes(self._live(), array, len(items)))

    # --- 关键科学问题及技术清单
    @property
    def key_technologies(self) -> KeyTechnologies:
        return KeyTechnologies(self)

    @key_technologies.setter
    def key_technologies(self, items: Iterable[Union[KeyTechnology, tuple]]) -> None:
        """Replaces the whole list (evidence and indicators of the old items are gone)."""
        new = [i if isinstance(i, KeyTechnology) else KeyTechnology(*i) for i in items]
        view = KeyTechnologies(self)
        view.clear()
        view.extend(new)

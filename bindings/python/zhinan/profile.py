"""The call profile: the year's regions, industries, types, readiness scale and limits."""
from __future__ import annotations

import ctypes
import os
from typing import Dict, List, NamedTuple, Optional, Tuple, Union

from ._native import P, Handle, Library, _type_name, path_bytes, text_bytes

# zn_profile_list
_INDUSTRIES, _REGIONS, _PROJECT_TYPES, _BRING_IN_SUBTYPES = 0, 1, 2, 3


class Choice(NamedTuple):
    """One entry of a list on the form: the stable code and the Chinese label."""

    code: str
    label: str


class TrlLevel(NamedTuple):
    """A level of the technology readiness scale (附件2): 1 报告级 … 13 回报级."""

    level: int
    name: str
    criterion: str


class Limits(NamedTuple):
    key_technologies_max: int  # 原则上不超过5项
    overview_max: int  # 项目概述 1000 字以内


def _level(level: int) -> int:
    """A readiness level as a C int: one too large for it becomes 0, a level no scale has,
    rather than being cut by ctypes into one that some scale has."""
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError(f"level must be int, not {_type_name(level)}")
    return level if -2**31 <= level < 2**31 else 0  # 0 is on no scale


class Profile(Handle):
    """A call profile (zn_profile). Use ``Profile.builtin()`` for the 2025 Shandong call,
    or read another year's from ``zhinan.profile/1`` JSON. Immutable; close it (or use
    ``with``) when done. Suggestions read under a profile keep what they need of it, so
    it may be closed before them."""

    _names = ("配置", "profile")
    _pointer_type = P

    def __init__(self) -> None:
        raise TypeError("use Profile.builtin(), Profile.from_file() or Profile.from_json()")

    @classmethod
    def builtin(cls, library: Optional[Library] = None) -> "Profile":
        lib = library or Library.default()
        out = P()
        lib.check(lib.c.zn_profile_builtin(ctypes.byref(out)))
        return cls._wrap(lib, out)

    @classmethod
    def from_json(cls, text: Union[str, bytes], library: Optional[Library] = None) -> "Profile":
        """Reads zhinan.profile/1; ZhinanError (with ``diagnostics``) when it cannot."""
        data = text_bytes(text, "text")
        lib = library or Library.default()
        out, _ = lib.read(P, lib.c.zn_profile_from_json, data, len(data))
        return cls._wrap(lib, out)

    @classmethod
    def from_file(cls, path: "os.PathLike[str] | str | bytes", library: Optional[Library] = None) -> "Profile":
        name = path_bytes(path, "path")
        lib = library or Library.default()
        out, _ = lib.read(P, lib.c.zn_profile_from_file, name)
        return cls._wrap(lib, out)

    def __repr__(self) -> str:
        if self.closed:
            return "<zhinan.Profile (closed)>"
        return f"<zhinan.Profile {self.id!r} {self.name}>"

    @property
    def id(self) -> str:
        return self._library.borrowed(self._library.c.zn_profile_id(self._live()))

    @property
    def name(self) -> str:
        """The call's name, in Chinese."""
        return self._library.borrowed(self._library.c.zn_profile_name(self._live()))

    def _list(self, kind: int) -> List[Choice]:
        c, p, lib = self._library.c, self._live(), self._library
        return [Choice(lib.borrowed(c.zn_profile_code(p, kind, i)), lib.borrowed(c.zn_profile_label(p, kind, i)))
                for i in range(c.zn_profile_count(p, kind))]

    @property
    def industries(self) -> List[Choice]:
        """产业领域: [(code, label), …]; ``dict(profile.industries)`` maps codes to labels."""
        return self._list(_INDUSTRIES)

    @property
    def regions(self) -> List[Choice]:
        """合作国别、地区."""
        return self._list(_REGIONS)

    @property
    def project_types(self) -> List[Choice]:
        """项目类型: bring_in, go_global, platform, major_event."""
        return self._list(_PROJECT_TYPES)

    @property
    def bring_in_subtypes(self) -> List[Choice]:
        """The sub-types of “引进来”."""
        return self._list(_BRING_IN_SUBTYPES)

    @property
    def region_folders(self) -> Dict[str, str]:
        """Region code → the package folder its suggestions go in."""
        c, p, lib = self._library.c, self._live(), self._library
        return {lib.borrowed(c.zn_profile_code(p, _REGIONS, i)): lib.borrowed(c.zn_profile_region_folder(p, i))
                for i in range(c.zn_profile_count(p, _REGIONS))}

    @property
    def trl_range(self) -> Tuple[int, int]:
        """The lowest and highest level of the readiness scale (1, 13 in 2025)."""
        lowest, highest = ctypes.c_int(), ctypes.c_int()
        self._library.check(self._library.c.zn_profile_trl_range(ctypes.byref(lowest), ctypes.byref(highest),
                                                                  self._live()))
        return lowest.value, highest.value

    def trl_name(self, level: int) -> Optional[str]:
        """The name of a readiness level (报告级 …), None when the scale has no such level."""
        raw = self._library.c.zn_profile_trl_name(self._live(), _level(level))
        return None if raw is None else raw.decode("utf-8")

    def trl_criterion(self, level: int) -> Optional[str]:
        raw = self._library.c.zn_profile_trl_criterion(self._live(), _level(level))
        return None if raw is None else raw.decode("utf-8")

    @property
    def trl_levels(self) -> List[TrlLevel]:
        lowest, highest = self.trl_range
        return [TrlLevel(level, self.trl_name(level) or "", self.trl_criterion(level) or "")
                for level in range(lowest, highest + 1)]

    @property
    def limits(self) -> Limits:
        key_technologies, overview = ctypes.c_int(), ctypes.c_int()
        self._library.check(self._library.c.zn_profile_limits(ctypes.byref(key_technologies), ctypes.byref(overview),
                                                               self._live()))
        return Limits(key_technologies.value, overview.value)

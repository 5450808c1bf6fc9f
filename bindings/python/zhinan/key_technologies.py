"""关键科学问题及技术清单: the key technologies of a suggestion, as a list-like view."""
from __future__ import annotations

import collections.abc
import ctypes
import dataclasses
from typing import TYPE_CHECKING, Iterable, List, Optional, Tuple, Union, overload

from ._native import encode

if TYPE_CHECKING:
    from .suggestion import Suggestion


@dataclasses.dataclass(frozen=True)
class KeyTechnology:
    """One key technology: its name, description and readiness levels now (自评) and
    expected at completion, on the profile's scale (1–13); 0 means not given."""

    name: str
    description: str = ""
    current: int = 0
    expected: int = 0


def _level(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, not {type(value).__name__}")
    if not -2**31 <= value < 2**31:  # ctypes would cut it silently
        raise ValueError(f"{what} {value} does not fit a C int")
    return value


class KeyTechnologies(collections.abc.Sequence):
    """The live list of a suggestion's key technologies: index it, iterate it, ``len()``
    it; change it with add/set/remove (``del techs[i]`` and ``techs[i] = item`` too).
    Each item reads as a KeyTechnology value; evidence and expected indicators are kept
    by set() but not shown (the C API does not expose them)."""

    def __init__(self, suggestion: "Suggestion"):
        self._suggestion = suggestion

    def __len__(self) -> int:
        s = self._suggestion
        return s._library.c.zn_suggestion_key_tech_count(s._live())

    def _index(self, i: int) -> int:
        if isinstance(i, bool) or not isinstance(i, int):
            raise TypeError(f"key technology indices must be int, not {type(i).__name__}")
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"key technology index out of range ({n} items)")
        return i

    @overload
    def __getitem__(self, i: int) -> KeyTechnology: ...

    @overload
    def __getitem__(self, i: slice) -> List[KeyTechnology]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[KeyTechnology, List[KeyTechnology]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = self._index(i)
        s = self._suggestion
        lib, p = s._library, s._live()
        current, expected = self.levels(i)
        return KeyTechnology(lib.borrowed(lib.c.zn_suggestion_key_tech_name(p, i)),
                             lib.borrowed(lib.c.zn_suggestion_key_tech_description(p, i)), current, expected)

    def levels(self, i: int) -> Tuple[int, int]:
        """(current, expected) readiness levels of item i; 0 for a level not given."""
        i = self._index(i)
        s = self._suggestion
        current, expected = ctypes.c_int(), ctypes.c_int()
        s._library.check(s._library.c.zn_suggestion_key_tech_levels(ctypes.byref(current), ctypes.byref(expected),
                                                                     s._live(), i))
        return current.value, expected.value

    def add(self, name: str, description: str = "", current: int = 0, expected: int = 0) -> int:
        """Appends an item and returns its index."""
        s = self._suggestion
        index = ctypes.c_size_t()
        s._library.check(s._library.c.zn_suggestion_add_key_tech(
            ctypes.byref(index), s._live(), encode(name, "name"), encode(description, "description"),
            _level(current, "current"), _level(expected, "expected")))
        return index.value

    def append(self, item: Union[KeyTechnology, Tuple]) -> None:
        item = item if isinstance(item, KeyTechnology) else KeyTechnology(*item)
        self.add(item.name, item.description, item.current, item.expected)

    def extend(self, items: Iterable[Union[KeyTechnology, Tuple]]) -> None:
        for item in items:
            self.append(item)

    def set(self, i: int, name: Optional[str] = None, description: Optional[str] = None,
            current: Optional[int] = None, expected: Optional[int] = None) -> None:
        """Changes item i; what is passed as None stays as it was. The item keeps its
        evidence and expected indicators."""
        old = self[i]
        s = self._suggestion
        s._library.check(s._library.c.zn_suggestion_set_key_tech(
            s._live(), self._index(i),
            encode(old.name if name is None else name, "name"),
            encode(old.description if description is None else description, "description"),
            _level(old.current if current is None else current, "current"),
            _level(old.expected if expected is None else expected, "expected")))

    def __setitem__(self, i: int, item: Union[KeyTechnology, Tuple]) -> None:
        item = item if isinstance(item, KeyTechnology) else KeyTechnology(*item)
        self.set(i, item.name, item.description, item.current, item.expected)

    def remove(self, i: int) -> None:
        """Removes item i (by index: items are values, not identities)."""
        s = self._suggestion
        s._library.check(s._library.c.zn_suggestion_remove_key_tech(s._live(), self._index(i)))

    def __delitem__(self, i: int) -> None:
        self.remove(i)

    def clear(self) -> None:
        for i in reversed(range(len(self))):
            self.remove(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (KeyTechnologies, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a live view: not hashable, like a list

    def __repr__(self) -> str:
        return f"KeyTechnologies({list(self)!r})"

"""A finding of reading or validating a suggestion, as a plain value."""
from __future__ import annotations

import dataclasses
from typing import Dict

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One finding: the rule id of SPEC.md (``overview.too_long`` …), its severity
    (``"error"``, ``"warning"`` or ``"info"``), the JSON pointer of the field
    (``/overview``), the message in Chinese and in English, the 1-based line and column
    in the raw text (0 when the finding has none) and the parameters its messages cite
    (``{"limit": "1000", "count": "1164", …}``, all strings), and, when several
    suggestions were checked together, the name of the one it is about (``file``). A
    finding of an audit names its package (the file name, ``package``) and the entry
    inside it as read (``entry``, "" for the package as a whole); both are "" otherwise."""

    id: str
    severity: str
    path: str
    message_zh: str
    message_en: str
    line: int = 0
    column: int = 0
    params: Dict[str, str] = dataclasses.field(default_factory=dict, hash=False)
    file: str = ""
    package: str = ""
    entry: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.line else self.path
        if self.file:
            where = f"{self.file} {where}"
        if self.package:
            place = f"{self.package}/{self.entry}" if self.entry else self.package
            where = f"{place} {where}" if where else place
        return f"{self.severity} {self.id} {where}: {self.message_zh}"

"""A finding of reading or validating a suggestion, as a plain value."""
from __future__ import annotations

import dataclasses
import enum
import json
from typing import Any, Dict, Iterable, List


class Severity(str, enum.Enum):
    """A finding's severity. A str: ``Severity.ERROR == "error"``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


class Mode(str, enum.Enum):
    """How a suggestion is checked: ``SUBMIT`` (everything the call requires) or ``DRAFT``
    (while a unit is still writing: what is missing is not yet an error). A str too."""

    SUBMIT = "submit"
    DRAFT = "draft"

    def __str__(self) -> str:
        return self.value


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


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

    def to_dict(self) -> Dict[str, Any]:
        """As zn_diagnostics_to_json writes a finding: file, package and entry only when
        known, then id, severity, path, both messages, line, column and params."""
        out: Dict[str, Any] = {}
        for key in ("file", "package", "entry"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        out.update(id=self.id, severity=str(self.severity), path=self.path, message_zh=self.message_zh,
                   message_en=self.message_en, line=self.line, column=self.column, params=dict(self.params))
        return out


def to_json(findings: Iterable[Diagnostic]) -> str:
    """Findings as one JSON array (UTF-8 text, Chinese unescaped), in the shape of the C
    API's zn_diagnostics_to_json: what a web service or a log stores."""
    items: List[Dict[str, Any]] = [d.to_dict() for d in findings]
    return json.dumps(items, ensure_ascii=False)

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.line else self.path
        if self.file:
            where = f"{self.file} {where}"
        if self.package:
            place = f"{self.package}/{self.entry}" if self.entry else self.package
            where = f"{place} {where}" if where else place
        return f"{self.severity} {self.id} {where}: {self.message_zh}"

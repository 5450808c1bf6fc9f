"""zhinan for Python: check guideline suggestions (指南建议) for the Shandong provincial
international S&T cooperation call, through libzhinan.so.1's C API (ctypes, standard
library only).

    import zhinan

    with zhinan.Suggestion.from_file("建议.json") as s:
        print(s.title)
        for d in zhinan.validate(s):
            print(d.severity, d.id, d.message_zh)

The library is found through ZHINAN_LIBRARY, next to the package, in the libdir of the
install prefix it was built for, then through the system's loader; pass
``library=zhinan.Library(path)`` to any constructor to choose another. Every object that
holds a C handle (Profile, Suggestion, Batch, Registry, Audit) is freed by ``close()``, by
a ``with`` block, or at the latest when it is collected. Failures raise ZhinanError, as
the subclass that is also the matching builtin (FileNotFoundError, PermissionError,
ValueError, …); findings are returned as Diagnostic values, never raised.
"""
from ._native import (Library, Rule, Status, ZhinanError, ZhinanFileNotFoundError, ZhinanIsADirectoryError,
                      ZhinanLookupError, ZhinanMemoryError, ZhinanOSError, ZhinanParseError, ZhinanPermissionError,
                      ZhinanValueError)
from .audit import Audit
from .batch import Batch, Registry
from .diagnostic import ERROR, INFO, WARNING, Diagnostic, Mode, Severity, to_json
from .key_technologies import KeyTechnologies, KeyTechnology
from .profile import Choice, Limits, Profile, TrlLevel
from .suggestion import ProjectType, Suggestion
from .text import Name, count, entry_name, fold, sanitize_name
from .validation import validate

__all__ = [
    "Library", "Rule", "Status", "ZhinanError",
    "ZhinanValueError", "ZhinanParseError", "ZhinanOSError", "ZhinanFileNotFoundError", "ZhinanPermissionError",
    "ZhinanIsADirectoryError", "ZhinanMemoryError", "ZhinanLookupError",
    "Diagnostic", "Severity", "Mode", "ERROR", "WARNING", "INFO", "to_json",
    "Profile", "Choice", "TrlLevel", "Limits",
    "Suggestion", "ProjectType", "KeyTechnology", "KeyTechnologies",
    "validate",
    "Batch", "Registry",
    "Audit",
    "count", "fold", "sanitize_name", "entry_name", "Name",
]

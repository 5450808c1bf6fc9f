"""Checking a suggestion against the rules of the call."""
from __future__ import annotations

import ctypes
from typing import List, Optional

from ._native import D, Status, choice
from .diagnostic import Diagnostic
from .profile import Profile
from .suggestion import Suggestion, _profile_pointer

_MODES = {"submit": 0, "draft": 1}


def validate(suggestion: Suggestion, profile: Optional[Profile] = None, mode: str = "submit") -> List[Diagnostic]:
    """Every single-suggestion rule of the call, under ``profile`` (None: the built-in
    2025 one), in the form's order. ``mode="submit"`` is the department's check before
    packaging; ``"draft"`` (a unit still filling the form) makes every ``*missing`` rule
    a warning. Findings are data: the call raises only when the check could not run."""
    if not isinstance(suggestion, Suggestion):
        raise TypeError(f"suggestion must be a zhinan.Suggestion, not {type(suggestion).__name__}")
    c_mode = choice(_MODES, mode, "mode")
    lib = suggestion._library
    out = D()
    status = lib.c.zn_validate(ctypes.byref(out), suggestion._live(), _profile_pointer(profile), c_mode)
    try:
        if status != Status.OK:
            raise lib.error(status)
        return lib.read_diagnostics(out)
    finally:
        lib.c.zn_diagnostics_free(out)

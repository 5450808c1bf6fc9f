"""The C ABI of libzhinan.so.1 through ctypes: loading, signatures, errors, handles.

Everything that touches ctypes lives here or in the classes built on it; the rest of the
package speaks str, int and lists. Strings cross as UTF-8 both ways, explicitly.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import enum
import errno
import os
import sys
import sysconfig
import threading
from typing import Any, Callable, List, NamedTuple, Optional, Sequence, Tuple

from .diagnostic import Diagnostic, Severity

# The major version this wrapper was written against (zhinan.h: ZN_VERSION_MAJOR).
ABI_MAJOR = 1


class Status(enum.IntEnum):
    """zn_status: 0 is success, failures are negative and never renumbered."""

    OK = 0
    EINVAL = -1  # an argument is invalid (NULL, out of range, not UTF-8)
    EPARSE = -2  # the input could not be read at all (see the diagnostics)
    EIO = -3  # a file could not be read or written
    ENOMEM = -4
    ENOTFOUND = -5  # no such code in the call profile
    EREFUSED = -6  # the package was refused: some suggestion has errors (see the diagnostics)
    ECANCELED = -7  # the progress callback cancelled; nothing was written
    EINTERNAL = -99  # a bug in zhinan


class Rule(NamedTuple):
    """A rule of the call as the library knows it."""

    id: str
    severity: str
    field: str
    message_zh: str
    message_en: str


class ZhinanError(Exception):
    """A failed zhinan call: its status, the rule id (when the failure had one) and the
    message in Chinese and English. ``diagnostics`` lists what was wrong with input that
    could not be read (empty otherwise)."""

    def __init__(self, status: int, message: str, rule_id: str = "", diagnostics: Sequence[Any] = ()):
        super().__init__(message)
        try:
            self.status: int = Status(status)
        except ValueError:  # a status newer than this wrapper
            self.status = status
        self.rule_id = rule_id
        zh, _, en = message.partition("\n")
        self.message_zh = zh
        self.message_en = en
        self.diagnostics = list(diagnostics)

    def __str__(self) -> str:
        return self.args[0]


# Each failure is also the builtin exception a Python caller would catch for it: a missing
# file is a FileNotFoundError, a bad argument or a closed handle a ValueError, and so on.
# ``except zhinan.ZhinanError`` still catches them all.
class ZhinanValueError(ZhinanError, ValueError):
    """ZN_EINVAL: an argument the library refused, or a handle already closed."""


class ZhinanParseError(ZhinanError, ValueError):
    """ZN_EPARSE: input that could not be read at all; ``diagnostics`` say what and where."""


class ZhinanOSError(ZhinanError, OSError):
    """ZN_EIO: a file that could not be read or written."""


class ZhinanFileNotFoundError(ZhinanOSError, FileNotFoundError):
    """ZN_EIO for a file or folder that does not exist."""


class ZhinanPermissionError(ZhinanOSError, PermissionError):
    """ZN_EIO for a file the process may not read or write."""


class ZhinanIsADirectoryError(ZhinanOSError, IsADirectoryError):
    """ZN_EIO for a folder where a file was expected."""


class ZhinanMemoryError(ZhinanError, MemoryError):
    """ZN_ENOMEM."""


class ZhinanLookupError(ZhinanError, LookupError):
    """ZN_ENOTFOUND: no such code in the call profile."""


# The English reasons of the library's I/O messages (zhinan/io.hpp, describe_file_error).
_IO_REASONS = (("no such file or folder", ZhinanFileNotFoundError, errno.ENOENT),
               ("permission denied", ZhinanPermissionError, errno.EACCES),
               ("is a folder, not a file", ZhinanIsADirectoryError, errno.EISDIR))


def make_error(status: int, message: str, rule_id: str = "", diagnostics: Sequence[Any] = ()) -> ZhinanError:
    """The ZhinanError subclass for a failure's status (and, for I/O, its reason)."""
    cls: type = ZhinanError
    number = None
    if status == Status.EINVAL:
        cls = ZhinanValueError
    elif status == Status.EPARSE:
        cls = ZhinanParseError
    elif status == Status.ENOMEM:
        cls = ZhinanMemoryError
    elif status == Status.ENOTFOUND:
        cls = ZhinanLookupError
    elif status == Status.EIO:
        cls = ZhinanOSError
        english = message.partition("\n")[2].lower()
        for reason, subclass, code in _IO_REASONS:
            if reason in english:
                cls, number = subclass, code
                break
    error = cls(status, message, rule_id, diagnostics)
    if isinstance(error, OSError):
        error.errno = number
        error.strerror = message
    return error


# Opaque handle types, so that ctypes refuses a profile where a suggestion is expected.
class _Suggestion(ctypes.Structure):
    pass


class _Profile(ctypes.Structure):
    pass


class _Diagnostics(ctypes.Structure):
    pass


class _Batch(ctypes.Structure):
    pass


class _Registry(ctypes.Structure):
    pass


class _Audit(ctypes.Structure):
    pass


S = ctypes.POINTER(_Suggestion)
P = ctypes.POINTER(_Profile)
D = ctypes.POINTER(_Diagnostics)
B = ctypes.POINTER(_Batch)
R = ctypes.POINTER(_Registry)
A = ctypes.POINTER(_Audit)

# int (*zn_progress_fn)(void *user, size_t done, size_t total)
PROGRESS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t)


class PackageOptionsStruct(ctypes.Structure):
    """zn_package_options, version 2, field for field."""

    _fields_ = [("version", ctypes.c_int), ("numbering", ctypes.c_int), ("all_regions", ctypes.c_int),
                ("gbk_names", ctypes.c_int), ("department", ctypes.c_char_p), ("contact", ctypes.c_char_p),
                ("phone", ctypes.c_char_p), ("date", ctypes.c_char_p), ("threads", ctypes.c_int),
                ("progress", PROGRESS), ("progress_user", ctypes.c_void_p),
                ("year", ctypes.c_int), ("month", ctypes.c_int), ("day", ctypes.c_int),
                ("hour", ctypes.c_int), ("minute", ctypes.c_int), ("second", ctypes.c_int),
                # version 2
                ("document_roots", ctypes.POINTER(ctypes.c_char_p)), ("document_root_count", ctypes.c_size_t)]


PACKAGE_OPTIONS_VERSION = 2

# int (*zn_audit_progress_fn)(void *user, size_t packages_done, size_t packages_total, size_t entries_done)
AUDIT_PROGRESS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t)


class AuditOptionsStruct(ctypes.Structure):
    """zn_audit_options, version 1, field for field."""

    _fields_ = [("version", ctypes.c_int), ("mode", ctypes.c_int), ("progress", AUDIT_PROGRESS),
                ("progress_user", ctypes.c_void_p)]


AUDIT_OPTIONS_VERSION = 1
_int, _size, _str = ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p
_int_p, _size_p = ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_size_t)
# char ** of owned strings: c_void_p, not c_char_p, so that ctypes keeps the pointer to
# free instead of copying and losing it.
_owned_p = ctypes.POINTER(ctypes.c_void_p)

# name: (restype, argtypes), as zhinan.h declares them.
_SIGNATURES = {
    "zn_version": (_int, [_int_p, _int_p, _int_p]),
    "zn_version_string": (_str, []),
    "zn_error_last": (_str, []),
    "zn_error_last_id": (_str, []),
    "zn_error_clear": (None, []),
    "zn_string_free": (None, [ctypes.c_void_p]),
    "zn_diagnostics_count": (_size, [D]),
    "zn_diagnostics_count_severity": (_size, [D, _int]),
    "zn_diagnostics_id": (_str, [D, _size]),
    "zn_diagnostics_file": (_str, [D, _size]),
    "zn_diagnostics_package": (_str, [D, _size]),
    "zn_diagnostics_entry": (_str, [D, _size]),
    "zn_diagnostics_severity": (_int, [D, _size]),
    "zn_diagnostics_path": (_str, [D, _size]),
    "zn_diagnostics_message_zh": (_str, [D, _size]),
    "zn_diagnostics_message_en": (_str, [D, _size]),
    "zn_diagnostics_location": (_int, [_int_p, _int_p, D, _size]),
    "zn_diagnostics_param_count": (_size, [D, _size]),
    "zn_diagnostics_param_name": (_str, [D, _size, _size]),
    "zn_diagnostics_param_value": (_str, [D, _size, _size]),
    "zn_diagnostics_to_json": (_int, [_owned_p, _size_p, D]),
    "zn_diagnostics_free": (None, [D]),
    "zn_profile_builtin": (_int, [ctypes.POINTER(P)]),
    "zn_profile_from_json": (_int, [ctypes.POINTER(P), ctypes.POINTER(D), _str, _size]),
    "zn_profile_from_file": (_int, [ctypes.POINTER(P), ctypes.POINTER(D), _str]),
    "zn_profile_free": (None, [P]),
    "zn_profile_id": (_str, [P]),
    "zn_profile_name": (_str, [P]),
    "zn_profile_count": (_size, [P, _int]),
    "zn_profile_code": (_str, [P, _int, _size]),
    "zn_profile_label": (_str, [P, _int, _size]),
    "zn_profile_region_folder": (_str, [P, _size]),
    "zn_profile_trl_range": (_int, [_int_p, _int_p, P]),
    "zn_profile_trl_name": (_str, [P, _int]),
    "zn_profile_trl_criterion": (_str, [P, _int]),
    "zn_profile_limits": (_int, [_int_p, _int_p, P]),
    "zn_suggestion_new": (_int, [ctypes.POINTER(S)]),
    "zn_suggestion_from_json": (_int, [ctypes.POINTER(S), ctypes.POINTER(D), P, _str, _size]),
    "zn_suggestion_from_file": (_int, [ctypes.POINTER(S), ctypes.POINTER(D), P, _str]),
    "zn_suggestion_from_docx": (_int, [ctypes.POINTER(S), ctypes.POINTER(D), P, ctypes.c_void_p, _size]),
    "zn_suggestion_from_docx_file": (_int, [ctypes.POINTER(S), ctypes.POINTER(D), P, _str]),
    "zn_suggestion_to_json": (_int, [_owned_p, _size_p, S]),
    "zn_suggestion_clone": (_int, [ctypes.POINTER(S), S]),
    "zn_suggestion_free": (None, [S]),
    "zn_suggestion_get": (_str, [S, _int]),
    "zn_suggestion_set": (_int, [S, _int, _str]),
    "zn_suggestion_industry_count": (_size, [S]),
    "zn_suggestion_industry": (_str, [S, _size]),
    "zn_suggestion_set_industry": (_int, [S, _str]),
    "zn_suggestion_add_industry": (_int, [S, _str]),
    "zn_suggestion_region_count": (_size, [S]),
    "zn_suggestion_region": (_str, [S, _size]),
    "zn_suggestion_set_region": (_int, [S, _str]),
    "zn_suggestion_add_region": (_int, [S, _str]),
    "zn_suggestion_type_flags": (_int, [S]),
    "zn_suggestion_set_type_flags": (_int, [S, _int]),
    "zn_suggestion_subtype_count": (_size, [S]),
    "zn_suggestion_subtype": (_str, [S, _size]),
    "zn_suggestion_set_subtypes": (_int, [S, ctypes.POINTER(_str), _size]),
    "zn_suggestion_key_tech_count": (_size, [S]),
    "zn_suggestion_key_tech_name": (_str, [S, _size]),
    "zn_suggestion_key_tech_description": (_str, [S, _size]),
    "zn_suggestion_key_tech_levels": (_int, [_int_p, _int_p, S, _size]),
    "zn_suggestion_add_key_tech": (_int, [_size_p, S, _str, _str, _int, _int]),
    "zn_suggestion_set_key_tech": (_int, [S, _size, _str, _str, _int, _int]),
    "zn_suggestion_remove_key_tech": (_int, [S, _size]),
    "zn_validate": (_int, [ctypes.POINTER(D), S, P, _int]),
    "zn_rule_count": (_size, []),
    "zn_rule_id": (_str, [_size]),
    "zn_rule_severity": (_int, [_size]),
    "zn_rule_field": (_str, [_size]),
"zn_rule_message_zh": (_str, [_size]),
"zn_rule_message_en": (_str, [_size]),
    "zn_count": (_int, [_size_p, _str, _size, _int]),
    "zn_fold": (_int, [_owned_p, _size_p, _str, _size]),
    "zn_name_sanitize": (_int, [_owned_p, _size_p, ctypes.POINTER(D), _str]),
    "zn_name_entry": (_int, [_owned_p, _size_p, ctypes.POINTER(D), _str, _int, _str, _str, _str, _str]),
    "zn_registry_from_jsonl_file": (_int, [ctypes.POINTER(R), ctypes.POINTER(D), P, _str]),
    "zn_registry_save": (_int, [R, _str]),
    "zn_registry_load": (_int, [ctypes.POINTER(R), _str]),
    "zn_registry_count": (_size, [R]),
    "zn_registry_free": (None, [R]),
    "zn_batch_new": (_int, [ctypes.POINTER(B), P]),
    "zn_batch_add": (_int, [B, S, _str]),
    "zn_batch_count": (_size, [B]),
    "zn_batch_set_registry": (_int, [B, R]),
    "zn_batch_check": (_int, [ctypes.POINTER(D), B]),
    "zn_batch_free": (None, [B]),
    "zn_package_write": (_int, [ctypes.POINTER(D), B, _str, ctypes.POINTER(PackageOptionsStruct)]),
    "zn_audit_new": (_int, [ctypes.POINTER(A), P]),
    "zn_audit_free": (None, [A]),
    "zn_audit_add_package_file": (_int, [A, _str]),
    "zn_audit_add_package_bytes": (_int, [A, _str, ctypes.c_void_p, _size]),
    "zn_audit_set_registry": (_int, [A, R]),
    "zn_audit_run": (_int, [ctypes.POINTER(D), A, ctypes.POINTER(AuditOptionsStruct)]),
    "zn_audit_report": (_int, [_owned_p, _size_p, A, _int]),
    "zn_audit_write_xlsx": (_int, [A, _str]),
}


def _system_name() -> str:
    """What the platform's loader calls libzhinan when nobody says where it is."""
    found = ctypes.util.find_library("zhinan")
    if found:
        return found
    if sys.platform == "win32":
        return "zhinan.dll"
    if sys.platform == "darwin":
        return "libzhinan.1.dylib"
    return "libzhinan.so.1"


_FILE_NAME = {"win32": "zhinan.dll", "darwin": "libzhinan.1.dylib"}.get(sys.platform, "libzhinan.so.1")


def _prefix_libdirs() -> List[str]:
    """The libdirs of the zhinan install this package was built or installed for."""
    try:
        from ._install import PREFIX  # written by pip's build or by `cmake --install`
    except ImportError:  # running from the source tree
        return []
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    dirs = [os.path.join(PREFIX, "lib")]
    if multiarch:
        dirs.append(os.path.join(PREFIX, "lib", multiarch))
    dirs.append(os.path.join(PREFIX, "lib64"))
    return dirs


def _candidates() -> List[Tuple[str, str]]:
    """(where, path) in the order they are tried when ZHINAN_LIBRARY is not set."""
    out = [("next to the package", os.path.join(os.path.dirname(os.path.abspath(__file__)), _FILE_NAME))]
    libdirs = _prefix_libdirs()
    for libdir in libdirs:
        out.append(("the install prefix's libdir", os.path.join(libdir, _FILE_NAME)))
    if not libdirs:  # said in the error all the same, so that it names every place
        out.append(("the install prefix's libdir", ""))
    out.append(("the system's loader", _system_name()))
    return out


def _load_default() -> "Tuple[str, ctypes.CDLL]":
    """The first candidate that loads; OSError naming every place tried when none does.
    ZHINAN_LIBRARY, when set, is the only candidate: a library named on purpose is never
    silently replaced by another one."""
    given = os.environ.get("ZHINAN_LIBRARY")
    if given:
        try:
            return given, ctypes.CDLL(given)
        except OSError as e:
            raise OSError(f"ZHINAN_LIBRARY 指定的库无法加载 / the library ZHINAN_LIBRARY names cannot be loaded: "
                          f"{given} ({e})") from None
    tried = ["ZHINAN_LIBRARY (not set)"]
    for where, path in _candidates():
        if not path:
            tried.append(f"{where} (none recorded: this copy was not installed by pip or cmake --install)")
            continue
        is_file_path = os.sep in path or (os.altsep and os.altsep in path)
        if is_file_path and not os.path.exists(path):
            tried.append(f"{where}: {path} (not there)")
            continue
        try:
            return path, ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{where}: {path} ({e})")
    raise OSError("找不到 libzhinan.so.1 / cannot load libzhinan.so.1; tried, in order:\n  " + "\n  ".join(tried) +
                  "\nSet ZHINAN_LIBRARY to the library's path (e.g. /usr/local/lib/libzhinan.so.1), "
                  "or pass zhinan.Library(path).")


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def encode(text: Optional[str], what: str = "text") -> Optional[bytes]:
    """A str as NUL-terminated UTF-8 for a const char * (None stays NULL, for the
    parameters the C API lets be NULL). TypeError, naming ``what``, for anything else."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {_type_name(text)}")
    if "\0" in text:  # C would silently cut the text there
        raise ValueError(f"{what} contains a NUL character")
    return text.encode("utf-8")


def encode_required(text: str, what: str) -> bytes:
    """As encode, for a parameter the C API refuses as NULL: None is a TypeError too."""
    if text is None:
        raise TypeError(f"{what} must be str, not None")
    return encode(text, what)  # type: ignore[return-value]


_BYTES_LIKE = (bytes, bytearray, memoryview)


def text_bytes(text: "str | bytes", what: str) -> bytes:
    """Text passed with its length (JSON, text to count or fold): a str as UTF-8, or bytes
    (bytearray, memoryview) as they are, taken to be UTF-8. TypeError, naming ``what``, for
    anything else (bytes(12345) would make 12,345 NUL bytes of an int)."""
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, _BYTES_LIKE):
        return bytes(text)
    raise TypeError(f"{what} must be str or bytes, not {_type_name(text)}")


def choice(options: "dict[str, int]", value: str, what: str) -> int:
    """The C value of a named option ("per-folder", "draft", …): TypeError naming ``what``
    for a value that is not str, ValueError for a str that is none of them."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {_type_name(value)}")
    if value not in options:
        names = ", ".join(repr(name) for name in options)
        raise ValueError(f"{what} must be one of {names}, not {value!r}")
    return options[value]


def decode(raw: Optional[bytes]) -> Optional[str]:
    """A borrowed const char * (ctypes copied it already) as str."""
    return None if raw is None else raw.decode("utf-8")


def path_bytes(path: "os.PathLike[str] | str | bytes", what: str = "path") -> bytes:
    """A file name (str, bytes or os.PathLike) as the UTF-8 the C API takes, whatever the
    locale. TypeError, naming ``what``, for anything else; ValueError for a NUL inside."""
    try:
        name = os.fspath(path)
    except TypeError:
        raise TypeError(f"{what} must be str, bytes or os.PathLike, not {_type_name(path)}") from None
    if isinstance(name, bytes):
        if b"\0" in name:  # C would silently cut the name there
            raise ValueError(f"{what} contains a NUL byte")
        return name  # already bytes: the library refuses them unless they are UTF-8
    return encode(name, what)  # type: ignore[return-value]


class Library:
    """libzhinan.so.1, loaded and declared.

    ``path`` names the library file; without it, in this order: the environment variable
    ZHINAN_LIBRARY; libzhinan.so.1 next to the package (a copy installed with it); the
    libdir of the install prefix the package was built for (``zhinan._install``); the
    system's loader (``ctypes.util.find_library("zhinan")``, then ``libzhinan.so.1``).
    Raises OSError naming every place it tried when none loads, or when the library is of
    another major version. Loading twice gives the same library: the process has one copy.
    """

    def __init__(self, path: "os.PathLike[str] | str | None" = None):
        if path is None:
            self.path, self.c = _load_default()
        else:
            try:
                self.path = os.fspath(path)
            except TypeError:
                raise TypeError(f"path must be str, bytes or os.PathLike, not {_type_name(path)}") from None
            self.c = ctypes.CDLL(self.path)
        for name, (restype, argtypes) in _SIGNATURES.items():
            try:
                function = getattr(self.c, name)
            except AttributeError:
                raise OSError(f"{self.path} has no {name}: it is older than this wrapper") from None
            function.restype = restype
            function.argtypes = argtypes
        major = self.version[0]
        if major != ABI_MAJOR:
            raise OSError(f"{self.path} is zhinan {self.version_string}; this wrapper needs {ABI_MAJOR}.x")

    _default: "Optional[Library]" = None
    _default_lock = threading.Lock()

    @classmethod
    def default(cls) -> "Library":
        """The library every object uses when it is not given one (loaded on first use)."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    def __repr__(self) -> str:
        return f"<zhinan.Library {self.version_string} from {self.path!r}>"

    @property
    def version(self) -> Tuple[int, int, int]:
        """(major, minor, patch) of the library actually loaded."""
        major, minor, patch = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        self.c.zn_version(ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
        return major.value, minor.value, patch.value

    @property
    def version_string(self) -> str:
        return decode(self.c.zn_version_string()) or ""

    def rules(self) -> "List[Rule]":
        """The rule registry: per rule its id, default severity, the form's field in Chinese
        and its message templates in Chinese and English ({parameters} where a finding puts
        its values). A Rule is a tuple whose first three items are (id, severity, field)."""
        c = self.c
        return [Rule(decode(c.zn_rule_id(i)) or "", SEVERITIES.get(c.zn_rule_severity(i), Severity.ERROR),
                     decode(c.zn_rule_field(i)) or "", decode(c.zn_rule_message_zh(i)) or "",
                     decode(c.zn_rule_message_en(i)) or "") for i in range(c.zn_rule_count())]

    # --- the helpers the classes use

    def error(self, status: int, diagnostics: Sequence[Any] = ()) -> ZhinanError:
        """The exception for a failure just returned (zn_error_last is per thread and
        lasts until the next call, so this must come right after the failing one)."""
        message = decode(self.c.zn_error_last()) or ""
        rule_id = decode(self.c.zn_error_last_id()) or ""
        return make_error(status, message or f"zhinan status {status}", rule_id, diagnostics)

    def check(self, status: int) -> None:
        if status != Status.OK:
            raise self.error(status)

    def borrowed(self, raw: Optional[bytes]) -> str:
        """A getter's result: NULL means the call was refused, and zn_error_last says why."""
        if raw is None:
            raise self.error(Status.EINVAL)
        return raw.decode("utf-8")

    def owned(self, function: Callable[..., int], *args: Any) -> str:
        """Calls a zn_*_to_json(char **out, size_t *out_len, …) and frees what it returns."""
        out, length = ctypes.c_void_p(), ctypes.c_size_t()
        status = function(ctypes.byref(out), ctypes.byref(length), *args)
        try:
            if status != Status.OK:
                raise self.error(status)
            return ctypes.string_at(out.value, length.value).decode("utf-8")
        finally:
            self.c.zn_string_free(out)

    def read_diagnostics(self, d: Any) -> List[Diagnostic]:
        """The findings of a zn_diagnostics as Diagnostic values (d stays the caller's)."""
        c, found = self.c, []
        line, column = ctypes.c_int(), ctypes.c_int()
        for i in range(c.zn_diagnostics_count(d) if d else 0):
            c.zn_diagnostics_location(ctypes.byref(line), ctypes.byref(column), d, i)
            params = {decode(c.zn_diagnostics_param_name(d, i, k)): decode(c.zn_diagnostics_param_value(d, i, k))
                      for k in range(c.zn_diagnostics_param_count(d, i))}
            found.append(Diagnostic(
                id=decode(c.zn_diagnostics_id(d, i)) or "",
                severity=SEVERITIES.get(c.zn_diagnostics_severity(d, i), Severity.ERROR),
                path=decode(c.zn_diagnostics_path(d, i)) or "",
                message_zh=decode(c.zn_diagnostics_message_zh(d, i)) or "",
                message_en=decode(c.zn_diagnostics_message_en(d, i)) or "",
                line=line.value, column=column.value, params=params,
                file=decode(c.zn_diagnostics_file(d, i)) or "",
                package=decode(c.zn_diagnostics_package(d, i)) or "",
                entry=decode(c.zn_diagnostics_entry(d, i)) or ""))
        return found

    def read(self, handle_type: Any, function: Callable[..., int], *args: Any) -> Tuple[Any, List[Diagnostic]]:
        """Calls a reader (out, diagnostics, …): the new handle and the findings, or
        ZhinanError carrying them when nothing could be read."""
        out, d = handle_type(), D()
        status = function(ctypes.byref(out), ctypes.byref(d), *args)
        failure = self.error(status) if status != Status.OK else None
        try:
            found = self.read_diagnostics(d)
        finally:
            self.c.zn_diagnostics_free(d)
        if failure is not None:
            if out:  # not expected on failure, but never leak it
                getattr(self.c, _FREE[handle_type])(out)
            failure.diagnostics = found
            raise failure
        return out, found


SEVERITIES = {0: Severity.ERROR, 1: Severity.WARNING, 2: Severity.INFO}
_FREE = {S: "zn_suggestion_free", P: "zn_profile_free", D: "zn_diagnostics_free", B: "zn_batch_free",
         R: "zn_registry_free", A: "zn_audit_free"}


class Handle:
    """An owned zhinan handle: freed by close(), by leaving a ``with`` block, or at the
    latest when the object is collected. Using it after close() raises ZhinanError."""

    _names = ("句柄", "handle")  # how messages call it, in Chinese and English
    _pointer_type: Any = None

    def _adopt(self, library: Library, pointer: Any) -> None:
        self._library = library
        # The free function is kept on the object so that __del__ needs no module
        # globals (they may already be gone when the interpreter shuts down).
        self._free = getattr(library.c, _FREE[self._pointer_type])
        self._pointer = pointer

    @classmethod
    def _wrap(cls, library: Library, pointer: Any):
        obj = cls.__new__(cls)
        Handle._adopt(obj, library, pointer)
        return obj

    def close(self) -> None:
        """Frees the handle now (a second close does nothing)."""
        pointer, self._pointer = getattr(self, "_pointer", None), None
        if pointer:
            self._free(pointer)

    @property
    def closed(self) -> bool:
        return not getattr(self, "_pointer", None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # pragma: no cover - nothing may escape a finalizer
            pass

    def _live(self) -> Any:
        """The C pointer, or ZhinanError when the object was closed."""
        pointer = getattr(self, "_pointer", None)
        if not pointer:
            zh, en = self._names
            raise ZhinanValueError(Status.EINVAL, f"{zh}已关闭，不能再使用\nthe {en} is closed")
        return pointer

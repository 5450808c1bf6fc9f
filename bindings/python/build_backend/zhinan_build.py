"""A PEP 517 build backend for the zhinan wrapper, standard library only.

pip builds a project in an isolated environment and installs the backend's requirements
into it from a package index; none is reachable where zhinan is built and deployed
(government networks, this project's CI), so setuptools cannot be fetched. The package
is a directory of .py files, and a wheel of such a package is a zip with three metadata
files: that much is written here (PEP 427 wheels, PEP 517/660 hooks, core metadata 2.1).

The libdir of the zhinan install that the package should load, when it is not in the
loader's path, is recorded at build time from ZHINAN_PREFIX (default /usr/local, CMake's
default prefix) into zhinan/_install.py; `cmake --install` writes its own.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "zhinan"
# Fixed timestamps: the same sources give the same wheel.
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def _project():
    """name, version, description, requires-python from pyproject.toml (a flat subset of TOML)."""
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]
    fields = dict(re.findall(r'^([a-z-]+)\s*=\s*"([^"]*)"', section, re.M))
    return fields["name"], fields["version"], fields.get("description", ""), fields.get("requires-python", "")


def _metadata():
    name, version, description, python = _project()
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", f"Summary: {description}"]
    if python:
        lines.append(f"Requires-Python: {python}")
    lines += ["Classifier: Typing :: Typed", "Description-Content-Type: text/markdown", "", readme]
    return "\n".join(lines) + "\n"


def _install_module():
    prefix = os.environ.get("ZHINAN_PREFIX", "/usr/local")
    return ('"""Where this copy looks for libzhinan.so.1 after ZHINAN_LIBRARY and its own folder:\n'
            'the libdir of the zhinan install it was built for (ZHINAN_PREFIX when pip built it)."""\n'
            f"PREFIX = {prefix!r}\n")


def _package_files():
    """(path in the wheel, bytes) for every file of the package, sorted."""
    out = []
    base = os.path.join(ROOT, PACKAGE)
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".typed")) and name != "_install.py":
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    out.append((os.path.relpath(path, ROOT).replace(os.sep, "/"), f.read()))
    out.append((f"{PACKAGE}/_install.py", _install_module().encode("utf-8")))
    return sorted(out)


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{path},sha256={digest},{len(data)}"


def _dist_info(name, version):
    return f"{name}-{version}.dist-info"


def _wheel_metadata_files(name, version):
    dist = _dist_info(name, version)
    wheel = "Wheel-Version: 1.0\nGenerator: zhinan_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return [(f"{dist}/METADATA", _metadata().encode("utf-8")), (f"{dist}/WHEEL", wheel.encode("ascii"))]


def _write_wheel(directory, files):
    name, version, _, _ = _project()
    filename = f"{name}-{version}-py3-none-any.whl"
    dist = _dist_info(name, version)
    files = files + _wheel_metadata_files(name, version)
    record = "\n".join([_record_line(p, d) for p, d in files] + [f"{dist}/RECORD,,"]) + "\n"
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files + [(f"{dist}/RECORD", record.encode("utf-8"))]:
            info = zipfile.ZipInfo(path, ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return filename


# --- PEP 517

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    name, version, _, _ = _project()
    dist = os.path.join(metadata_directory, _dist_info(name, version))
    os.makedirs(dist, exist_ok=True)
    for path, data in _wheel_metadata_files(name, version):
        with open(os.path.join(metadata_directory, path), "wb") as f:
            f.write(data)
    return _dist_info(name, version)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, _package_files())


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a .pth file naming the source folder, so edits take effect at once."""
    return _write_wheel(wheel_directory, [("zhinan_editable.pth", (ROOT + "\n").encode("utf-8"))])


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_sdist(sdist_directory, config_settings=None):
    name, version, _, _ = _project()
    stem = f"{name}-{version}"
    filename = stem + ".tar.gz"
    members = [("pyproject.toml", None), ("README.md", None), ("build_backend/zhinan_build.py", None)]
    members += [(p, d) for p, d in _package_files() if not p.endswith("_install.py")]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for path, data in members:
            if data is None:
                with open(os.path.join(ROOT, path), "rb") as f:
                    data = f.read()
            info = tarfile.TarInfo(f"{stem}/{path}")
            info.size, info.mtime, info.mode = len(data), time.mktime(ZIP_TIME + (0, 0, -1)), 0o644
            tar.addfile(info, io.BytesIO(data))
        pkg_info = _metadata().encode("utf-8")
        info = tarfile.TarInfo(f"{stem}/PKG-INFO")
        info.size, info.mtime, info.mode = len(pkg_info), time.mktime(ZIP_TIME + (0, 0, -1)), 0o644
        tar.addfile(info, io.BytesIO(pkg_info))
    return filename

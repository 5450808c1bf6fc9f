#!/usr/bin/env python3
"""python.pip_install: the wrapper installed the ways integrators install it, then used
without LD_LIBRARY_PATH or ZHINAN_LIBRARY.

1. `cmake --install BUILD --prefix P` (the library, and the Python package as its
   component), then `pip install bindings/python` into a fresh venv, offline, built for P
   (ZHINAN_PREFIX): `import zhinan` loads P's libzhinan.so.1 and validates a sample.
2. The package cmake installed into P, on PYTHONPATH: the same.
3. With nothing to find, the OSError names the four places tried, in order.

usage: check_pip_install.py BUILD_DIR SOURCE_DIR WORK_DIR
"""
import os
import shutil
import subprocess
import sys

BUILD, SOURCE, WORK = sys.argv[1:4]
SAMPLE = os.path.join(SOURCE, "examples", "data", "valid-sco.json")
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(cmd, env=None, ok=True):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    if ok and r.returncode != 0:
        sys.exit(f"failed: {cmd}\n{r.stdout}\n{r.stderr}")
    return r


def clean_env(**extra):
    """The environment of an integrator's process: no hint where the library is."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("ZHINAN_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH", "LD_PRELOAD")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


USE = ("import zhinan, sys\n"
       "lib = zhinan.Library.default()\n"
       "with zhinan.Suggestion.from_file(sys.argv[1]) as s:\n"
       "    found = zhinan.validate(s)\n"
       "print(lib.path)\n"
       "print(len(found))\n")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    prefix = os.path.join(WORK, "prefix")
    run([shutil.which("cmake"), "--install", BUILD, "--prefix", prefix])
    libraries = [os.path.join(d, "libzhinan.so.1") for d in (os.path.join(prefix, "lib"),)]
    check(all(os.path.exists(p) for p in libraries), "cmake --install put libzhinan.so.1 into P/lib")

    # 1. pip into a venv, offline: the wheel is built by the package's own backend.
    venv = os.path.join(WORK, "venv")
    run([sys.executable, "-m", "venv", venv])
    pip = run([os.path.join(venv, "bin", "pip"), "install", os.path.join(SOURCE, "bindings", "python")],
              env=clean_env(ZHINAN_PREFIX=prefix), ok=False)
    check(pip.returncode == 0, "pip install bindings/python into a venv, offline" +
          ("" if pip.returncode == 0 else ": " + pip.stdout[-500:] + pip.stderr[-1500:]))
    if pip.returncode == 0:
        python = os.path.join(venv, "bin", "python")
        r = run([python, "-c", USE, SAMPLE], env=clean_env(), ok=False)
        lines = r.stdout.split()
        check(r.returncode == 0 and lines and lines[0] == os.path.join(prefix, "lib", "libzhinan.so.1"),
              f"import zhinan in the venv loads P's library without LD_LIBRARY_PATH ({r.stdout.strip()!r} {r.stderr[-300:]!r})")
        r = run([python, "-c", "import zhinan, os; print(os.path.exists(os.path.join(os.path.dirname(zhinan.__file__), "
                 "'py.typed')))"], env=clean_env(), ok=False)
        check(r.stdout.strip() == "True", "the installed package carries py.typed")

    # 2. The package cmake installed, beside the library.
    site = os.path.join(prefix, "lib", "python3", "dist-packages")
    r = run([sys.executable, "-c", USE, SAMPLE], env=clean_env(PYTHONPATH=site), ok=False)
    check(r.returncode == 0 and r.stdout.split()[:1] == [os.path.join(prefix, "lib", "libzhinan.so.1")],
          f"the package cmake --install wrote loads P's library ({r.stdout.strip()!r} {r.stderr[-300:]!r})")

    # 3. Nowhere to find it: the source tree's package (no _install.py), the system's
    # loader asked for a name nobody has.
    probe = ("import zhinan._native as n\n"
             "n._system_name = lambda: 'libzhinan-nowhere.so.1'\n"
             "try:\n    lib = n.Library()\nexcept OSError as e:\n    print(e)\nelse:\n    print('LOADED', lib.path)\n")
    r = run([sys.executable, "-c", probe], env=clean_env(PYTHONPATH=os.path.join(SOURCE, "bindings", "python")), ok=False)
    text = r.stdout
    places = ["ZHINAN_LIBRARY (not set)", "next to the package", "the install prefix's libdir", "the system's loader",
              "Set ZHINAN_LIBRARY"]
    positions = [text.find(p) for p in places]
    check(all(p >= 0 for p in positions) and positions == sorted(positions),
          f"the OSError names the four places, in order: {text!r}")
    r = run([sys.executable, "-c", probe], env=clean_env(PYTHONPATH=site), ok=False)
    check(r.stdout.strip() == "LOADED " + os.path.join(prefix, "lib", "libzhinan.so.1"),
          f"with the prefix's library there, it is found before the system is asked: {r.stdout.strip()!r}")
    # ZHINAN_LIBRARY naming a missing file: an error saying so, not another library.
    r = run([sys.executable, "-c", probe], env=clean_env(PYTHONPATH=site, ZHINAN_LIBRARY="/nonexistent/libzhinan.so.1"),
            ok=False)
    check("ZHINAN_LIBRARY" in r.stdout and "/nonexistent/libzhinan.so.1" in r.stdout and "LOADED" not in r.stdout,
          f"a wrong ZHINAN_LIBRARY is an error naming it: {r.stdout.strip()!r}")

    shutil.rmtree(WORK, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# deb.install: the three .deb files `cpack -G DEB` makes from this Release build, installed
# on this machine as an integrator would (dpkg -i), then used: the CLI checks a sample, and a
# consumer project (C through CMake and pkg-config, C++ through the installed wrapper) builds
# against /usr and runs without LD_LIBRARY_PATH. The packages are removed again at the end.
# Needs root (the CI machine is); skips (77) otherwise, or when zhinan is already installed
# from elsewhere.
#   check_deb.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build="$1" source="$2" work="$3"
if [ "$(id -u)" -ne 0 ]; then echo "skipped: installing .deb files needs root"; exit 77; fi
if [ -e /usr/bin/zhinan ] && ! dpkg -S /usr/bin/zhinan >/dev/null 2>&1; then
  echo "skipped: /usr/bin/zhinan exists and is no package's"; exit 77
fi
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL $*"; status=1; }
status=0
cleanup() { dpkg -P zhinan libzhinan-dev libzhinan1 >/dev/null 2>&1 || true; }
trap cleanup EXIT

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" >cpack.log 2>&1) || { cat "$work/cpack.log"; exit 1; }
shopt -s nullglob
debs=("$work"/*.deb)
echo "built: ${debs[*]##*/}"
[ ${#debs[@]} -eq 3 ] || fail "expected three packages, got ${#debs[@]}"
for name in libzhinan1 libzhinan-dev zhinan; do
  deb=$(ls "$work"/${name}_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || { fail "no ${name}_*.deb"; continue; }
  echo "$name: $(dpkg-deb -f "$deb" Depends)"
done
lib_depends=$(dpkg-deb -f "$work"/libzhinan1_*.deb Depends)
for dep in libc6 libicu72 libboost-json1.81.0 libarchive13 libzip4 libxlsxwriter; do
  [[ "$lib_depends" == *"$dep"* ]] || fail "libzhinan1 does not depend on $dep (dpkg-shlibdeps): $lib_depends"
done
[[ "$(dpkg-deb -f "$work"/libzhinan-dev_*.deb Depends)" == *"libzhinan1 (= "* ]] || fail "libzhinan-dev does not depend on libzhinan1 of its version"
# (listed first: grep -q stopping early would break dpkg-deb's pipe under pipefail)
runtime_files=$(dpkg-deb -c "$work"/libzhinan1_*.deb)
dev_files=$(dpkg-deb -c "$work"/libzhinan-dev_*.deb)
[[ "$runtime_files" == *"/libzhinan.so.1"* ]] || fail "libzhinan1 lacks libzhinan.so.1"
for f in include/zhinan.h include/zhinan.hpp pkgconfig/zhinan.pc cmake/zhinan/zhinanConfig.cmake; do
  [[ "$dev_files" == *"$f"* ]] || fail "libzhinan-dev lacks $f"
done

dpkg -i "${debs[@]}" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; exit 1; }
ldconfig
env -u LD_LIBRARY_PATH /usr/bin/zhinan --version || fail "zhinan --version"
env -u LD_LIBRARY_PATH /usr/bin/zhinan validate "$source/examples/data/valid-sco.json" >"$work/validate.log" 2>&1 \
  || { cat "$work/validate.log"; fail "the installed zhinan validate of a valid sample"; }
grep -q "通过" "$work/validate.log" || fail "validate printed no verdict"
[ -f /usr/share/zhinan/profiles/shandong-2025.json ] || fail "the profile is not installed"

# A consumer against the installed packages alone: no prefix path, no LD_LIBRARY_PATH.
cmake -S "$source/tests/consumer" -B "$work/consumer" -G Ninja >"$work/consumer.log" 2>&1 \
  && cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; fail "consumer build"; }
for exe in consumer_cmake consumer_pkgconfig; do
  out=$(env -u LD_LIBRARY_PATH "$work/consumer/$exe" "$source/examples/data/valid-sco.json") || fail "$exe"
  [ -n "$out" ] || fail "$exe printed nothing"
done
mkdir -p "$work/scratch"
out=$(env -u LD_LIBRARY_PATH "$work/consumer/consumer_cpp" "$source/examples/data/valid-sco.json" \
      "$source/examples/data/faulty-many-mistakes.json" "$work/scratch" 2>&1) || fail "consumer_cpp: $out"
[[ "$out" == *"C++ wrapper: all checks passed"* ]] || fail "consumer_cpp: $out"
linked=$(ldd "$work/consumer/consumer_cmake")
[[ "$linked" == *"/libzhinan.so.1"* ]] || fail "the consumer is not linked to the installed library"
grep libzhinan <<<"$linked"

cleanup
trap - EXIT
dpkg -s libzhinan1 >/dev/null 2>&1 && fail "libzhinan1 still installed after dpkg -P"
[ -e /usr/bin/zhinan ] && fail "/usr/bin/zhinan left behind"
[ $status -eq 0 ] && echo "the .deb files install, work and remove cleanly"
exit $status

#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test under the `default` and `asan`
# presets, the threaded C API tests under the `tsan` preset (ThreadSanitizer; it builds only
# the library and those tests), then the fuzz targets under the `fuzz` preset, then the
# release build and its .deb files (the `deb` test preset). Ends with ctest's summary line
# of the combined run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
status=0
for preset in default asan tsan; do
  echo "== preset $preset"
  scripts/build.sh "$preset"
  run=()
  # gcc 12's ThreadSanitizer cannot map its shadow memory when the kernel randomizes more
  # than 28 bits of mmap addresses ("unexpected memory mapping"): then without ASLR.
  if [ "$preset" = tsan ] && [ "$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 28)" -gt 28 ]; then
    run=(setarch "$(uname -m)" -R)
  fi
  "${run[@]}" ctest --preset "$preset" -j"$(nproc)" 2>&1 | tee "build/$preset/ctest.log" || status=1
done
# Every fuzz target (clang, libFuzzer, ASan+UBSan) for a fixed number of runs from its
# committed corpus; a crash fails the run (scripts/fuzz.sh fuzzes for hours on demand).
echo "== preset fuzz"
scripts/build.sh fuzz
ctest --preset fuzz -j"$(nproc)" 2>&1 | tee build/fuzz-ci/ctest.log || status=1
# The README's main command builds the release preset: it must build warning-free too.
# From it, the .deb files: built with cpack, installed, used and removed (deb.install).
echo "== preset release (build, then the .deb files)"
scripts/build.sh release
ctest --preset deb 2>&1 | tee build/release/ctest.log || status=1
# One closing line for the whole run, in ctest's own words.
python3 scripts/ctest_summary.py build/default/ctest.log build/asan/ctest.log build/tsan/ctest.log \
  build/fuzz-ci/ctest.log build/release/ctest.log
exit $status

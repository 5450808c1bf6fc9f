#!/usr/bin/env bash
# Fuzzing on demand, for as long as asked: every target (or those named), each for SECONDS
# (default 3600), from its committed corpus, new inputs kept in build/fuzz/corpus-TARGET.
#   scripts/fuzz.sh [--seconds N] [TARGET…]      e.g. scripts/fuzz.sh --seconds 14400 import archive
# A crash stops that target and leaves crash-* in build/fuzz/; put it in fuzz/corpus/TARGET/
# as regression-NAME so that the test command runs it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=3600
if [ "${1:-}" = "--seconds" ]; then seconds=$2; shift 2; fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.cpp; do t=$(basename "$f" .cpp); targets+=("${t#fuzz_}"); done
fi
scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DZHINAN_BUILD_FUZZ=ON -DZHINAN_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for t in "${targets[@]}"; do
  cmake --build build/fuzz --target "fuzz_$t" -- -j"$(nproc)"
  mkdir -p "build/fuzz/corpus-$t"
  echo "== fuzz_$t for ${seconds}s"
  (cd build/fuzz && "./fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 \
     "corpus-$t" "../../fuzz/corpus/$t") || echo "fuzz_$t stopped: see build/fuzz/crash-*"
done

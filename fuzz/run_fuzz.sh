#!/usr/bin/env bash
# One fuzz target for a fixed number of runs from its committed seed corpus (a CTest test):
#   run_fuzz.sh TARGET CORPUS_DIR RUNS
# New inputs go to a scratch folder, never into the committed corpus; every committed input
# (regression-* reproducers included) is run first, so a crash found once stays found.
# A crash fails the test and its reproducer is left in the scratch folder to be committed.
set -euo pipefail
target=$1 corpus=$2 runs=$3
scratch=$(mktemp -d "${TMPDIR:-/tmp}/zhinan-fuzz-$(basename "$target").XXXXXX")
trap 'rm -rf "$scratch/corpus"' EXIT
mkdir -p "$scratch/corpus"
"$target" -runs="$runs" -seed=1 -rss_limit_mb=2048 -max_len=262144 -timeout=30 \
  -artifact_prefix="$scratch/" "$scratch/corpus" "$corpus" 2>"$scratch/log" || {
  tail -40 "$scratch/log"
  echo "crash reproducer: $(ls "$scratch"/crash-* "$scratch"/timeout-* "$scratch"/oom-* 2>/dev/null)"
  exit 1
}
grep -E '^Done|#[0-9]+.*DONE' "$scratch/log" | tail -1
rm -rf "$scratch"

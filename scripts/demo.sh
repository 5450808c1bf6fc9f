#!/usr/bin/env bash
# The main job on a fresh machine: install, build, then read the bundled sample
# suggestions, print each one's canonical form and a one-line summary of all.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release >/dev/null
zhinan=build/release/zhinan
for f in examples/data/*.json; do
  echo "== $f"
  "$zhinan" format "$f"
done
echo
echo "== 摘要 / summary"
"$zhinan" summary examples/data/*.json

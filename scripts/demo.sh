#!/usr/bin/env bash
# The main job on a fresh machine: install, build, then check the bundled sample
# suggestions as a department's clerk would (every rule of the call, in Chinese first)
# and print each one's one-line summary. The faulty sample is there to show the report;
# its errors are expected, so they do not fail the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release >/dev/null
zhinan=build/release/zhinan

echo "== 检查 / validate"
set +e
"$zhinan" validate examples/data/*.json
status=$?
set -e
if [ "$status" -gt 1 ]; then exit "$status"; fi

echo
echo "== 摘要 / summary"
"$zhinan" summary examples/data/*.json

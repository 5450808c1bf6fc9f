#!/usr/bin/env bash
# The main job on a fresh machine: install, build, check the bundled sample suggestions as
# a department's clerk would (every rule of the call, Chinese first), then pack the valid
# ones into the package of section 四 with its 汇总表, and say where they are.
# The faulty sample is there to show the report: its errors are expected and it is left
# out of the package (a package is refused while any suggestion has an error).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release >/dev/null
zhinan=build/release/zhinan
out=out/demo
mkdir -p "$out"

echo "== 检查 / validate"
set +e
"$zhinan" validate examples/data/*.json
status=$?
set -e
if [ "$status" -gt 1 ]; then exit "$status"; fi

echo
echo "== 打包 / pack"
"$zhinan" pack -o "$out/指南建议.zip" --department "青岛市科学技术局" --contact "张明" \
  --phone "0532-85911234" --date "2025年3月10日" examples/data/valid-*.json

echo
echo "== 压缩包内容 / package contents"
unzip -l "$out/指南建议.zip"
ls -l "$out"

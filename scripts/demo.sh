#!/usr/bin/env bash
# The main job on a fresh machine: install, build, check the units' Word forms and the
# bundled JSON samples as a department's clerk would (every rule of the call, Chinese
# first), then pack them into the package of section 四 with its 汇总表, and say where.
# The faulty sample is there to show the report: its errors are expected and it is left
# out of the package (a package is refused while any suggestion has an error).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== 编译（首次约需数分钟） / building (a few minutes the first time)"
scripts/build.sh release | grep --line-buffered -E "^\[[0-9]+/[0-9]+\]" | awk 'NR % 20 == 1' || true
zhinan=build/release/zhinan
out=out/demo
mkdir -p "$out"

echo "== 检查单位报来的 Word 表格（附件1） / validate the units' Word forms"
"$zhinan" validate --department "青岛市科学技术局" examples/data/forms/*.docx

echo
echo "== 打包 Word 表格（单位原文件原样放入） / pack the Word forms as they are"
"$zhinan" pack -o "$out/指南建议-单位表格.zip" --department "青岛市科学技术局" --contact "张明" \
  --phone "0532-85911234" --date "2025年3月10日" examples/data/forms/*.docx
unzip -l "$out/指南建议-单位表格.zip"

echo
echo "== 检查 JSON 数据（其中 faulty-many-mistakes 是故意写错的示例） / validate JSON (one sample is wrong on purpose)"
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

echo
echo "== 省厅审核两个压缩包（同一批建议报了两次，应查出重复） / the province audits both packages (the same suggestions twice: duplicates)"
set +e
"$zhinan" audit --format html -o "$out/审核报告.html" --xlsx "$out/全省清单.xlsx" "$out/指南建议.zip" "$out/指南建议-单位表格.zip"
"$zhinan" audit "$out/指南建议.zip" "$out/指南建议-单位表格.zip" | head -n 2
set -e

echo
echo "== 完成 / done. 请查看 / look at:"
for f in "$out"/*; do echo "  $(cd "$(dirname "$f")" && pwd)/$(basename "$f")"; done

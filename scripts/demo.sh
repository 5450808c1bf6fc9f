#!/usr/bin/env bash
# The main job on a fresh machine: install, build, check the units' Word forms and the
# bundled JSON samples as a department's clerk would (every rule of the call, Chinese
# first), then pack them into the package of section 四 with its 汇总表, and say where.
# The faulty sample is there to show the report (the demo says so): its errors are planted and it is left
# out of the package (a package is refused while any suggestion has an error).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== 编译（首次约需数分钟） / building (a few minutes the first time)"
scripts/build.sh release | grep --line-buffered -E "^\[[0-9]+/[0-9]+\]" | awk 'NR % 20 == 1' || true
zhinan="$(pwd)/build/release/zhinan"
out="$(pwd)/out/demo"  # absolute, so every path printed below opens from any folder
mkdir -p "$out"

echo
echo "== 第1步：检查并打包单位报来的 Word 表格（附件1）：打包前逐项检查，警告照列，有错误则不打包"
echo "   step 1: check and pack the units' Word forms (annex 1): every rule first; errors stop the package"
"$zhinan" pack -o "$out/指南建议-单位表格.zip" --department "青岛市科学技术局" --contact "张明" \
  --phone "0532-85911234" --date "2025年3月10日" examples/data/forms/*.docx
unzip -l "$out/指南建议-单位表格.zip"

echo
echo "== 第2步：一份故意写错的示例（faulty-many-mistakes.json），看检查报告怎样指出每个问题"
echo "   step 2: a sample that is wrong on purpose, to show how the report names each problem"
set +e
"$zhinan" validate examples/data/faulty-many-mistakes.json
status=$?
set -e
if [ "$status" -gt 1 ]; then exit "$status"; fi
echo "   （以上错误是示例故意设置的，这份建议不会被打包 / the errors above are planted; this one is not packed）"

echo
echo "== 第3步：检查并打包 JSON 数据填写的建议，生成汇总表（附件3）"
echo "   step 3: check and pack the suggestions given as JSON, with the 汇总表 (annex 3)"
"$zhinan" pack -o "$out/指南建议.zip" --department "青岛市科学技术局" --contact "张明" \
  --phone "0532-85911234" --date "2025年3月10日" examples/data/valid-*.json
unzip -l "$out/指南建议.zip"

echo
echo "== 第4步：省厅审核收到的两个压缩包（同一批建议报了两次，应查出重复）"
echo "   step 4: the province audits both packages (the same suggestions twice: duplicates expected)"
set +e
"$zhinan" audit --format html -o "$out/审核报告.html" --xlsx "$out/全省清单.xlsx" "$out/指南建议.zip" "$out/指南建议-单位表格.zip"
"$zhinan" audit "$out/指南建议.zip" "$out/指南建议-单位表格.zip" | head -n 2
set -e

echo
echo "== 完成。请查看以下文件（压缩包、汇总表打印盖章后报送；审核报告用浏览器打开） / done; look at:"
for f in "$out"/*; do echo "  $f"; done

// zhinan: check, package and audit guideline suggestions (指南建议).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "zhinan/version.hpp"

namespace {

using namespace zhinan::cli;

constexpr std::string_view kHelpZh =
    "zhinan — 省级国际科技合作项目指南建议的检查、打包与查重工具\n"
    "\n"
    "用法：\n"
    "  zhinan import [-o 输出.json] [--format text|json] 单位.docx\n"
    "                               读取单位填写的附件1（Word/WPS 表格），输出指南建议数据（JSON）\n"
    "  zhinan validate [--mode draft|submit] [--profile 配置] [--department 主管部门] [--format text|json] 文件…\n"
    "                               按通知要求逐项检查指南建议（.docx 表格或 .json）\n"
    "  zhinan pack -o 输出.zip [--department 主管部门] [--numbering per-folder|global] 文件…\n"
    "                               按合作国别、地区分文件夹打包，并生成汇总表（.xlsx 和 .csv）\n"
    "                               其他选项：--contact --phone --date --all-regions --gbk-names\n"
    "                               --registry 已立项项目.jsonl --time 2025-01-01T00:00:00\n"
    "                               --documents-root 文件夹（电子版 document 允许所在的文件夹，默认仅 JSON 所在文件夹）\n"
    "  zhinan audit [--registry 已立项项目.jsonl] [--format text|json|html] [-o 报告] [--xlsx 清单.xlsx] 压缩包…\n"
    "                               省厅审核各主管部门报来的压缩包（.zip/.7z/.rar/文件夹）并跨包查重\n"
    "  zhinan registry 已立项项目.jsonl -o 索引文件\n"
    "                               为已立项项目建立查重索引，供 --registry 直接使用\n"
    "  zhinan count [--mode word|chars|chars-with-spaces|graphemes] [文件|-]\n"
    "                               按 Word“字数统计”的规则数字数（默认 word）\n"
    "  zhinan name 文字…             生成各系统都能解压的文件名（--number --unit --ext 生成“序号.项目名称-建议单位”）\n"
    "  zhinan format 文件|-          输出指南建议的规范 JSON\n"
    "  zhinan summary 文件…          每个指南建议一行摘要\n"
    "  zhinan --version             显示版本\n"
    "  zhinan --help                显示本帮助\n"
    "\n"
    "通用选项：\n"
    "  --lang zh|en                 提示语言（默认中文）\n"
    "\n"
    "退出码：0 无错误；1 发现错误；2 用法或读写错误。\n";

constexpr std::string_view kHelpEn =
    "zhinan — check, package and audit guideline suggestions\n"
    "\n"
    "Usage:\n"
    "  zhinan import [-o OUT.json] [--format text|json] FORM.docx\n"
    "                               read a unit's filled-in form (annex 1, Word/WPS) into suggestion JSON\n"
    "  zhinan validate [--mode draft|submit] [--profile P] [--department NAME] [--format text|json] FILE…\n"
    "                               check suggestions (.docx forms or .json) against every rule of the call\n"
    "  zhinan pack -o OUT.zip [--department NAME] [--numbering per-folder|global] FILE…\n"
    "                               one ZIP with a folder per region, and the summary table (.xlsx, .csv)\n"
    "                               more: --contact --phone --date --all-regions --gbk-names\n"
    "                               --registry FUNDED.jsonl --time 2025-01-01T00:00:00\n"
    "                               --documents-root DIR (where a `document` may lie; default: the JSON's folder)\n"
    "  zhinan audit [--registry FUNDED.jsonl] [--format text|json|html] [-o REPORT] [--xlsx LIST.xlsx] PACKAGE…\n"
    "                               the province's check of received packages (.zip/.7z/.rar/folders), duplicates across all\n"
    "  zhinan registry FUNDED.jsonl -o INDEX\n"
    "                               index the funded projects once, for --registry\n"
    "  zhinan count [--mode word|chars|chars-with-spaces|graphemes] [FILE|-]\n"
    "                               count 字 as Word's word count does (default: word)\n"
    "  zhinan name TEXT…            file names every unzip tool reads right (--number --unit --ext: an entry name)\n"
    "  zhinan format FILE|-         print a suggestion's canonical JSON\n"
    "  zhinan summary FILE…         one line per suggestion\n"
    "  zhinan --version             print the version\n"
    "  zhinan --help                print this help\n"
    "\n"
    "Common options:\n"
    "  --lang zh|en                 language of messages (default Chinese)\n"
    "\n"
    "Exit codes: 0 no errors; 1 errors found; 2 usage or I/O failure.\n";

int run(std::vector<std::string> args) {
  Context ctx{Lang::zh, std::cout, std::cerr};
  // --lang may stand anywhere; it applies to every message.
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--lang" && !args[i].starts_with("--lang=")) continue;
    std::string value = args[i] == "--lang" ? (i + 1 < args.size() ? args[i + 1] : "") : args[i].substr(7);
    if (value != "zh" && value != "en") {
      std::cerr << "--lang 只能是 zh 或 en\n  --lang must be zh or en\n";
      return kExitUsage;
    }
    ctx.lang = value == "en" ? Lang::en : Lang::zh;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(args[i] == "--lang" ? i + 2 : i + 1));
    break;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (ctx.lang == Lang::zh) std::cout << kHelpZh << '\n';
    std::cout << kHelpEn;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "zhinan " << zhinan::version_string() << '\n';
    return kExitOk;
  }
  const std::string command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "import") return run_import(ctx, rest);
  if (command == "audit") return run_audit(ctx, rest);
  if (command == "format") return run_format(ctx, rest);
  if (command == "summary") return run_summary(ctx, rest);
  if (command == "validate") return run_validate(ctx, rest);
  if (command == "count") return run_count(ctx, rest);
  if (command == "pack") return run_pack(ctx, rest);
  if (command == "registry") return run_registry(ctx, rest);
  if (command == "name") return run_name(ctx, rest);
  std::cerr << say(ctx, "未知命令“" + command + "”，请运行 zhinan --help 查看用法",
                   "unknown command \"" + command + "\"; run zhinan --help")
            << '\n';
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "内部错误 / internal error: " << e.what() << '\n';
    return kExitUsage;
  }
}

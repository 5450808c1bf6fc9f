// zhinan format FILE|-: prints the canonical form of a suggestion.
#include <ostream>

#include "cli.hpp"
#include "options.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

const CommandSpec kFormatCommand{
    .name = "format",
    .summary_zh = "输出指南建议的规范 JSON（zhinan.suggestion/1，再格式化一次不变）",
    .summary_en = "print a suggestion's canonical JSON (zhinan.suggestion/1, a fixed point)",
    .operands_zh = "文件|-",
    .operands_en = "FILE|-",
    .operands_help_zh = "指南建议 .json；- 为标准输入",
    .operands_help_en = "a suggestion's .json; - for standard input",
    .min_operands = 1,
    .max_operands = 1,
    .no_operands_zh = "缺少要格式化的 JSON 文件：例如 zhinan format 单位一.json（- 为标准输入）",
    .no_operands_en = "no JSON file to format: e.g. zhinan format unit1.json (- for standard input)",
    .notes_zh = "退出码：0 已输出；1 文件有错误；2 用法错误或文件无法读取。\n",
    .notes_en = "Exit codes: 0 printed; 1 the file has errors; 2 usage error or a file that cannot be read.\n",
};

int run_format(const Context& ctx, std::span<const std::string> all_args) {
  ParsedArgs command_line;
  if (auto exit = parse_command_line(ctx, kFormatCommand, all_args, command_line)) return *exit;
  const std::vector<std::string>& args = command_line.operands;
  std::string bytes;
  if (auto failure = read_input(args[0], bytes, text_input_limits(Profile::builtin())))
    return report_input_failure(ctx, args[0], *failure);
  ParseResult parsed = parse_suggestion(bytes);
  if (!parsed.suggestion) {
    print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, args[0], parsed.diagnostics);
    return kExitFindings;
  }
  ctx.out << to_json(*parsed.suggestion);
  // Findings that did not stop reading (wrong types, unknown fields) go to stderr.
  print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, args[0], parsed.diagnostics);
  return has_errors(parsed.diagnostics) ? kExitFindings : kExitOk;
}

}  // namespace zhinan::cli

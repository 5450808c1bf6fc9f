// zhinan summary FILE…: one line per suggestion, as a clerk scans a batch.
#include <ostream>

#include "cli.hpp"
#include "options.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {
namespace {

template <typename Find>
std::string labels(const std::vector<std::string>& codes, Find find) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += "、";
    const auto* choice = find(code);
    out += choice ? choice->label : code;
  }
  return out.empty() ? "—" : out;
}

std::string amount(const std::optional<DecimalText>& d) { return d ? d->literal : "—"; }

}  // namespace

const CommandSpec kSummaryCommand{
    .name = "summary",
    .summary_zh = "每个指南建议一行摘要（合作国别、领域、名称、单位、关键技术数、金额）",
    .summary_en = "one line per suggestion (region, industry, title, unit, key technologies, funding)",
    .operands_zh = "文件…",
    .operands_en = "FILE…",
    .operands_help_zh = "指南建议 .json；- 为标准输入",
    .operands_help_en = "suggestions' .json; - for standard input",
    .min_operands = 1,
    .no_operands_zh = "缺少 JSON 文件：例如 zhinan summary 单位一.json 单位二.json",
    .no_operands_en = "no JSON file: e.g. zhinan summary unit1.json unit2.json",
    .notes_zh = "退出码：0 全部读出；1 有文件读不出指南建议；2 用法错误或文件无法读取。\n",
    .notes_en = "Exit codes: 0 all read; 1 a file holds no readable suggestion; 2 usage error or a file that cannot be "
                "read.\n",
};

int run_summary(const Context& ctx, std::span<const std::string> all_args) {
  ParsedArgs command_line;
  if (auto exit = parse_command_line(ctx, kSummaryCommand, all_args, command_line)) return *exit;
  const std::vector<std::string>& args = command_line.operands;
  const Profile& profile = Profile::builtin();
  int status = kExitOk;
  for (const auto& file : args) {
    std::string bytes;
    if (auto failure = read_input(file, bytes, text_input_limits(profile))) {
      const int exit = report_input_failure(ctx, file, *failure);
      if (exit == kExitUsage) return exit;
      status = exit;
      continue;
    }
    ParseResult parsed = parse_suggestion(bytes, profile);
    if (!parsed.suggestion) {
      print_diagnostics(ctx, file, parsed.diagnostics);
      status = kExitFindings;
      continue;
    }
    const Suggestion& s = *parsed.suggestion;
    const std::string region = labels(s.region, [&](std::string_view c) { return profile.find_region(c); });
    const std::string industry = labels(s.industry, [&](std::string_view c) { return profile.find_industry(c); });
    const std::size_t k = s.key_technologies.size();
    const std::string n = std::to_string(k);
    ctx.out << path_to_utf8(path_from_utf8(file).filename()) << ": "
            << (ctx.lang == Lang::zh
                    ? region + " | " + industry + " | 《" + s.title + "》 | " + s.source.unit + " | 关键技术" + n +
                          "项 | 总投入" + amount(s.funding.total) + "万元，省财政" + amount(s.funding.provincial) + "万元"
                    : region + " | " + industry + " | " + s.title + " | " + s.source.unit + " | " +
                          count_en(k, "key technology", "key technologies") + " | total " + amount(s.funding.total) + ", provincial " +
                          amount(s.funding.provincial) + " (10k yuan)")
            << '\n';
  }
  return status;
}

}  // namespace zhinan::cli

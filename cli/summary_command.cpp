// zhinan summary FILE…: one line per suggestion, as a clerk scans a batch.
#include <ostream>

#include "cli.hpp"
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

int run_summary(const Context& ctx, std::span<const std::string> args) {
  if (args.empty()) {
    ctx.err << say(ctx, "用法：zhinan summary 文件…", "usage: zhinan summary FILE…") << '\n';
    return kExitUsage;
  }
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
    const std::string n = std::to_string(s.key_technologies.size());
    ctx.out << path_to_utf8(path_from_utf8(file).filename()) << ": "
            << (ctx.lang == Lang::zh
                    ? region + " | " + industry + " | 《" + s.title + "》 | " + s.source.unit + " | 关键技术" + n +
                          "项 | 总投入" + amount(s.funding.total) + "万元，省财政" + amount(s.funding.provincial) + "万元"
                    : region + " | " + industry + " | " + s.title + " | " + s.source.unit + " | " + n +
                          " key technologies | total " + amount(s.funding.total) + ", provincial " +
                          amount(s.funding.provincial) + " (10k yuan)")
            << '\n';
  }
  return status;
}

}  // namespace zhinan::cli

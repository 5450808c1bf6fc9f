// zhinan format FILE|-: prints the canonical form of a suggestion.
#include <ostream>

#include "cli.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

int run_format(const Context& ctx, std::span<const std::string> args) {
  if (args.size() != 1) {
    ctx.err << say(ctx, "用法：zhinan format 文件|-", "usage: zhinan format FILE|-") << '\n';
    return kExitUsage;
  }
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

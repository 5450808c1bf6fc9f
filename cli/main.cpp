// zhinan: check, package and audit guideline suggestions (指南建议).
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"
#include "options.hpp"
#include "zhinan/version.hpp"

namespace {

using namespace zhinan::cli;

int run(std::vector<std::string> args) {
  Context ctx{Lang::zh, std::cout, std::cerr};
  // --lang may stand anywhere; it applies to every message.
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--lang" && !args[i].starts_with("--lang=")) continue;
    std::string value = args[i] == "--lang" ? (i + 1 < args.size() ? args[i + 1] : "") : args[i].substr(7);
    if (value != "zh" && value != "en")
      return report_bad_value(ctx, "--lang", value, {"只能是 zh 或 en，例如 --lang en", "it must be zh or en, e.g. --lang en"});
    ctx.lang = value == "en" ? Lang::en : Lang::zh;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(args[i] == "--lang" ? i + 2 : i + 1));
    break;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    // zhinan help pack: the same as zhinan pack --help.
    if (args.size() == 2 && args[0] == "help")
      if (const CommandSpec* spec = find_command_spec(args[1])) {
        print_command_help(ctx, *spec);
        return kExitOk;
      }
    print_main_help(ctx);
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

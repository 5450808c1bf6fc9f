#include <ostream>

#include "cli.hpp"

namespace zhinan::cli {

std::string say(const Context& ctx, std::string_view zh, std::string_view en) {
  if (ctx.lang == Lang::en) return std::string(en);
  return std::string(zh) + "\n  " + std::string(en);
}

std::string count_en(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string_view severity_label(Lang lang, Severity s) {
  switch (s) {
    case Severity::error: return lang == Lang::zh ? "错误" : "error";
    case Severity::warning: return lang == Lang::zh ? "警告" : "warning";
    case Severity::info: return lang == Lang::zh ? "提示" : "info";
  }
  return "";
}

void print_diagnostics(const Context& ctx, std::string_view file, const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    ctx.out << file;
    if (d.location) ctx.out << ':' << d.location->line << ':' << d.location->column;
    ctx.out << ": " << severity_label(ctx.lang, d.severity) << " [" << d.id << "]";
    if (!d.path.empty()) ctx.out << ' ' << d.path;
    ctx.out << ' ' << say(ctx, d.message_zh, d.message_en) << '\n';
  }
}

}  // namespace zhinan::cli

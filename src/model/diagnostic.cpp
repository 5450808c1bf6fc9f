#include "zhinan/diagnostic.hpp"

#include <algorithm>

namespace zhinan {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity s : {Severity::error, Severity::warning, Severity::info})
    if (to_string(s) == name) return s;
  return std::nullopt;
}

bool has_errors(const Diagnostics& diagnostics) { return count(diagnostics, Severity::error) > 0; }

std::size_t count(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<std::size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

bool has(const Diagnostics& diagnostics, std::string_view id) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& d) { return d.id == id; });
}

std::string json_pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace zhinan

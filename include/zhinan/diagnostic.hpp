// Diagnostics: what a check found, with a stable rule id, a place and a reason in
// Chinese and English. Input problems are data, not exceptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhinan {

enum class Severity { error, warning, info };

std::string_view to_string(Severity severity);  // "error", "warning", "info"
std::optional<Severity> parse_severity(std::string_view name);

// Where in a text file a problem sits: 1-based line and column (column in characters).
struct TextLocation {
  int line = 0;
  int column = 0;
  friend bool operator==(const TextLocation&, const TextLocation&) = default;
};

struct Diagnostic {
  std::string file;  // the suggestion it is about, when several are checked together
  std::string package;  // audit: the package (its file name) the finding is about
  std::string entry;    // audit: the entry inside it, as read; "" for the package as a whole
  std::string id;  // a rule id of SPEC.md, e.g. "format.json_invalid"
  Severity severity = Severity::error;
  std::string path;  // JSON pointer into the suggestion, "" for the whole document
  std::string message_zh;
  std::string message_en;
  std::vector<std::pair<std::string, std::string>> params;  // named values the messages cite
  std::optional<TextLocation> location;                    // for problems in the raw text
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
std::size_t count(const Diagnostics& diagnostics, Severity severity);
bool has(const Diagnostics& diagnostics, std::string_view id);

// JSON pointer escaping of one reference token (RFC 6901: ~ → ~0, / → ~1).
std::string json_pointer_token(std::string_view key);

}  // namespace zhinan

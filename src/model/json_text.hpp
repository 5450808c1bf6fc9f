// Raw bytes to a JSON value, with every failure as a located format.* diagnostic
// (internal; shared by the suggestion and profile readers).
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhinan/diagnostic.hpp"

namespace zhinan::detail {

// Deeper nesting than any suggestion needs is refused rather than parsed.
inline constexpr std::size_t kMaxJsonDepth = 64;

// The exact text of the numbers of one document that no 64-bit integer holds (1200.55,
// 1e400, 1e-400, a 26-digit total), by the value that stands for them in its tree: the
// tree holds them as double, and a double must never decide an amount (SPEC: "never held
// as binary floating point").
class NumberTexts {
 public:
  // The number as written: its recorded text, else an integer's digits (exact), else, for
  // a tree built elsewhere, the shortest decimal of its double.
  std::string literal(const boost::json::value& number) const;

  // Building: every double of the tree, then once ordered for lookup.
  void add(const boost::json::value* number, std::string text) { texts_.emplace_back(number, std::move(text)); }
  void index();

 private:
  std::vector<std::pair<const boost::json::value*, std::string>> texts_;
};

struct JsonText {
  // On the heap, so that the tree's values, which NumberTexts knows by address, stay put.
  std::unique_ptr<boost::json::value> value;
  NumberTexts numbers;
  // format.* findings: one that stops reading (no value), or format.duplicate_key (the
  // first of the two members is kept).
  Diagnostics diagnostics;
};

// Accepts a UTF-8 BOM; reports UTF-16, UTF-32 and GB18030 (by their BOM, or the NULs
// beside ASCII), ill-formed UTF-8 (saying what is wrong with the bytes, with a hint when
// they look like GBK), escapes of half a surrogate pair, raw control characters, binary
// files, empty files and JSON syntax errors with line and column, and a key given twice
// in one object (format.duplicate_key, at its JSON pointer and line and column) instead
// of letting either silently win.
JsonText parse_json_text(std::string_view bytes);

// 1-based line and column (in characters) of a byte offset.
TextLocation locate(std::string_view text, std::size_t offset);

// A text as a finding quotes it: at most `max_characters`, its beginning and its end
// around "…" (a value of a million characters must not be copied into every message), and
// its controls and bidi overrides written as escapes (\u001B, \n), which a clerk's
// terminal would otherwise obey.
std::string abbreviated(std::string_view utf8, std::size_t max_characters = 40);

Diagnostic make_diagnostic(std::string id, Severity severity, std::string path,
                           std::string message_zh, std::string message_en);

}  // namespace zhinan::detail

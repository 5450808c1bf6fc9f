// Raw bytes to a JSON value, with every failure as a located format.* diagnostic
// (internal; shared by the suggestion and profile readers).
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string_view>

#include "zhinan/diagnostic.hpp"

namespace zhinan::detail {

// Deeper nesting than any suggestion needs is refused rather than parsed.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonText {
  std::optional<boost::json::value> value;
  Diagnostics diagnostics;
};

// Accepts a UTF-8 BOM; reports UTF-16, other encodings (with a hint when the bytes look
// like GBK), binary files, empty files and JSON syntax errors with line and column.
JsonText parse_json_text(std::string_view bytes);

// 1-based line and column (in characters) of a byte offset.
TextLocation locate(std::string_view text, std::size_t offset);

Diagnostic make_diagnostic(std::string id, Severity severity, std::string path,
                           std::string message_zh, std::string message_en);

}  // namespace zhinan::detail

// Reading and writing suggestions in the JSON format zhinan.suggestion/1.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan {

inline constexpr std::string_view kSuggestionFormat = "zhinan.suggestion/1";

struct ParseResult {
  // Present unless the text could not be read as a suggestion at all (format.json_invalid,
  // format.utf8_invalid, format.version_unsupported, format.wrong_type at the root).
  std::optional<Suggestion> suggestion;
  Diagnostics diagnostics;  // format.* findings, each with its JSON pointer or line/column
};

// Parses UTF-8 JSON (a leading BOM is accepted). Labels and aliases of the profile's
// choices are read as their codes; text that matches no code is kept as written.
ParseResult parse_suggestion(std::string_view json, const Profile& profile = Profile::builtin());

// Reads a file and parses it; an unreadable file gives io.read_failed.
ParseResult read_suggestion_file(const std::filesystem::path& path,
                                 const Profile& profile = Profile::builtin());

// The canonical form: fixed key order (SPEC.md's), two-space indentation, literal UTF-8,
// empty fields left out, unknown fields kept after the known ones, a final newline.
// Writing what this reads back gives the same bytes.
std::string to_json(const Suggestion& suggestion);

}  // namespace zhinan

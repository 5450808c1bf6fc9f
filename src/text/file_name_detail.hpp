// Pieces shared by the file-name sources (internal).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/file_name.hpp"

namespace zhinan::detail {

// --- reporting (file_name_changes.cpp)

// Records a change, merging it with an equal one (kind, part, original, replacement)
// already recorded by counting it again.
void note(NameChanges& changes, NameChangeKind kind, NamePart part, std::string original,
          std::string replacement, std::string message_zh, std::string message_en);

// Counts an equal change once more if one was recorded; false if there is none yet (then
// the caller makes the messages and calls note). Saves building messages per character.
bool count_again(NameChanges& changes, NameChangeKind kind, NamePart part,
                 std::string_view original, std::string_view replacement);

// Appends the count to the messages of changes that happened more than once; call once,
// just before the changes are handed out.
void finish_messages(NameChanges& changes);

std::string_view part_zh(NamePart part);
std::string_view part_en(NamePart part);

// `text` with every white space other than " " and every invisible character written as
// U+XXXX, so a message can show it.
std::string visible(std::string_view text);

// --- characters (file_name_sanitize.cpp)

// The character-level pass: forbidden characters replaced, invisible ones removed,
// invalid bytes replaced, white-space runs folded. With `trim_edges`, white space at
// either end goes too (title, unit); without it, it stays as one space (pattern text).
std::string sanitize_text(std::string_view text, NamePart part, bool trim_edges,
                          NameChanges& changes);

// The whole-component pass: trims leading spaces and trailing spaces and periods, makes a
// leading period and a device name safe, and puts a placeholder for an empty name.
std::string finish_component(std::string name, NamePart part, NameChanges* changes);

// --- lengths and cuts (file_name_shorten.cpp)

// Byte offsets where each grapheme cluster of valid UTF-8 `text` ends, ascending; the
// last is text.size(). Empty for empty text.
std::vector<std::size_t> grapheme_ends(std::string_view text);

// The first `keep` graphemes of `text` (given its grapheme_ends) followed by "…", with
// white space before the "…" dropped. `keep` must be less than ends.size().
std::string cut_with_ellipsis(std::string_view text, const std::vector<std::size_t>& ends,
                              std::size_t keep);

// The largest `keep` in [low, high] for which fits(keep) holds, assuming that fits is
// (nearly) monotone; nothing when fits(low) does not hold. Every answer has been checked.
std::optional<std::size_t> largest_fitting(std::size_t low, std::size_t high,
                                           const std::function<bool(std::size_t)>& fits);

// The extension of a file name with its dot (".docx"), or "" (see file_name_sanitize.cpp).
std::string extension_of(std::string_view name);

}  // namespace zhinan::detail

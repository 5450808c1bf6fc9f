// How a length limit counts 字 (see text counting); the call profile picks one per limit.
#pragma once

#include <optional>
#include <string_view>

namespace zhinan {

enum class CountMode {
  word,               // Word's 字数: East Asian characters + runs of other non-space text
  chars,              // 字符数(不计空格)
  chars_with_spaces,  // 字符数(计空格)
  graphemes,          // user-perceived characters (ICU grapheme clusters)
};

std::string_view to_string(CountMode mode);
std::optional<CountMode> parse_count_mode(std::string_view name);

}  // namespace zhinan

#include "zhinan/count_mode.hpp"

namespace zhinan {

std::string_view to_string(CountMode mode) {
  switch (mode) {
    case CountMode::word: return "word";
    case CountMode::chars: return "chars";
    case CountMode::chars_with_spaces: return "chars-with-spaces";
    case CountMode::graphemes: return "graphemes";
  }
  return "word";
}

std::optional<CountMode> parse_count_mode(std::string_view name) {
  for (CountMode m : {CountMode::word, CountMode::chars, CountMode::chars_with_spaces,
                      CountMode::graphemes})
    if (to_string(m) == name) return m;
  return std::nullopt;
}

}  // namespace zhinan

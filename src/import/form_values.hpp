// Values as units write them in the form (internal): amounts, levels, check-box options
// and template placeholders, each read the ways SPEC.md's import section lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan::detail {

// White space (also U+3000, NBSP, zero-width space) removed at both ends.
std::string trim_text(std::string_view text);

// A template's placeholder left as it was: XXXX, XXXXX, ____ (with a unit after it).
bool is_placeholder(std::string_view text);

struct AmountRead {
  std::optional<DecimalText> amount;  // 万元; as written when it is no number
  bool converted_from_yuan = false;
  bool placeholder = false;
};
// 1200, 1,200.5, 1200万元, １２００, 12000000元 → exact 万元.
AmountRead read_amount(std::string_view text);

// 4, 4级, 第4级, 第四级, TRL4, TRL 4, 功能级, "4级 功能级" → 4; nothing when unreadable.
std::optional<TrlLevel> read_level(std::string_view text, const TrlScale& scale);

// One option of a check-box cell: whether its box is ticked and the text after the box.
struct Option {
  bool ticked = false;
  bool boxed = false;  // a box (or a tick mark) stood before it
  std::string text;
};
// The cell split at its boxes; text before the first box is one unboxed option.
std::vector<Option> split_options(std::string_view cell);

// Text as labels and headings are compared: full-width made half-width, ASCII letters
// lower-cased, punctuation, symbols, spaces and controls removed ("合作国别（地区）" →
// "合作国别地区"). Unlike fold_for_comparison no Traditional→Simplified (a form's labels
// are the template's own words), which keeps it a table look-up per character.
std::string label_key(std::string_view text);

// label_key of a label, computed once per thread.
const std::string& folded_label(const std::string& label);

// The choice whose folded label (or alias) begins `folded_text`, the longest such.
const Choice* choice_at(std::string_view folded_text, const std::vector<const Choice*>& choices);

// A template's guidance text left in a field (简述项目开展的必要性和重要性。 …).
bool is_template_guidance(std::string_view text);

}  // namespace zhinan::detail

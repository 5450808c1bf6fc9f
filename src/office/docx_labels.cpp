// How values read on paper: levels, amounts, outline numbers.
#include <array>
#include <string>

#include "office/docx_sections.hpp"

namespace zhinan::detail {

std::string trl_text(const std::optional<TrlLevel>& level, const Profile& profile) {
  if (!level) return {};
  std::string text = std::to_string(level->value) + "级";
  if (const TrlLevelDefinition* definition = profile.trl_scale().find(*level)) {
    text += " " + definition->name;
  }
  return text;
}

std::string amount_text(const std::optional<DecimalText>& amount) {
  if (!amount) return {};
  if (const auto money = amount->money()) return money->to_string();
  return amount->literal;  // not a number: shown as written, the rules report it
}

std::string chinese_numeral(int n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                              "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return std::string(kDigits[static_cast<std::size_t>(n)]);
  std::string text;
  if (n >= 20) text += kDigits[static_cast<std::size_t>(n / 10)];
  text += "十";
  if (n % 10 != 0) text += kDigits[static_cast<std::size_t>(n % 10)];
  return text;
}

}  // namespace zhinan::detail

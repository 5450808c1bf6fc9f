// The two halves of a suggestion's document (internal): the information form laid out
// like 附件1 (信息表) and the explanatory report under the reference outline (说明报告).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "office/docx_word.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan::detail {

// 信息表: the title, the form's table with a ☑/☐ for every option, and its 备注.
void write_form(WordDocument& doc, const Suggestion& s, const Profile& profile);

// 说明报告, starting on a new page.
void write_report(WordDocument& doc, const Suggestion& s, const Profile& profile);

// The form's title, "2025年省级国际科技合作项目指南建议信息表", from the profile.
std::string form_title(const Profile& profile);

// "4级 功能级": the level's number and, when the scale has it, its name.
std::string trl_text(const std::optional<TrlLevel>& level, const Profile& profile);

// An amount as the unit wrote it, normalized when it is a number: "300.5".
std::string amount_text(const std::optional<DecimalText>& amount);

// 一 … 九十九, for the outline's numbering (（一）, 二、).
std::string chinese_numeral(int n);

}  // namespace zhinan::detail

// The two halves of 附件1 read from a Word body (internal): the 信息表 (form_table.cpp)
// and the 说明报告 under its outline headings (report_outline.cpp).
#pragma once

#include <cstddef>
#include <optional>

#include "import/word_body.hpp"
#include "rules/rule_context.hpp"

namespace zhinan::detail {

// Fills the form's fields of `s` from the tables that carry the form's row labels. The
// index of the last block of the form, or nothing when no table carries them.
std::optional<std::size_t> read_form(const WordBody& body, Suggestion& s, RuleContext& ctx);

// Fills `s.report` (and partners, key technologies' descriptions and evidence) from the
// blocks after `from`. Leaves the report absent when no outline heading is found.
void read_report(const WordBody& body, std::size_t from, Suggestion& s, RuleContext& ctx);

}  // namespace zhinan::detail

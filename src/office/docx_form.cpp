// 附件1 信息表: the same rows, in the same order, as the call's form.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "office/docx_layout.hpp"
#include "office/docx_sections.hpp"

namespace zhinan::detail {

namespace {

constexpr int kSize = style::table_text_size;

// The form's grid, its columns as wide as their fixed words need (at the table's size)
// and the values' column taking the rest of the text width:
// row labels and 序号 | sub-labels | values | 当前自评等级, 职称/职务 | 实施预期等级.
struct FormColumns {
  std::vector<int> widths;
  int value_width = 0;  // a value beside a row label: the four columns after the label's
};

FormColumns form_columns() {
  const int label = column_for(em_width("合作国别、"), kSize);  // the longest line of a row label
  const int sub_label = column_for(em_width("建议单位"), kSize);
  const int level = column_for(em_width("当前自评等级"), kSize);
  const int value = page::text_width - label - sub_label - 2 * level;
  return {{label, sub_label, value, level, level}, page::text_width - label};
}

constexpr int kValueSpan = 4;  // a value beside a row label fills the rest of the row

const CellFormat kLabel{.align = Align::center};
const CellFormat kValue{.span = kValueSpan, .align = Align::both};
constexpr int kRowHeight = 454;  // 0.8 cm: the blank rows of the form keep a writable height
// Page 1 holds the options and about this many lines of the overview below them. A
// longer overview's row may break onto page 2 (the form still takes two pages); kept
// whole it would leave page 1 half empty and push the form onto a third.
constexpr int kOverviewLinesOnPageOne = 20;

// The lines `text` takes in a cell `width` twips wide, estimated.
int lines_in(std::string_view text, int width) {
  const double line = ems_in(width, kSize) - 1;
  int lines = 0;
  for (std::string_view paragraph : split_lines(text)) {
    lines += std::max(1, static_cast<int>(std::ceil(em_width(paragraph) / line)));
  }
  return lines;
}

bool ticked(const std::vector<std::string>& chosen, const Choice& choice) {
  return std::any_of(chosen.begin(), chosen.end(),
                     [&](const std::string& c) { return choice.matches(c); });
}

// What the unit ticked that is none of the form's options, shown rather than lost.
template <typename ChoiceT>
void add_unmatched(std::vector<FlowItem>& items, const std::vector<std::string>& chosen,
                   const std::vector<ChoiceT>& options) {
  for (const std::string& c : chosen) {
    const bool known = std::any_of(options.begin(), options.end(),
                                   [&](const ChoiceT& o) { return o.matches(c); });
    if (!known) items.push_back({.text = "（另填：" + c + "）"});
  }
}

void note(std::vector<FlowItem>& items, std::string text) {
  items.push_back({.text = std::move(text), .gap_before = false});
}

void flow_cell(WordDocument& doc, const std::vector<FlowItem>& items, int width) {
  doc.begin_cell({.span = kValueSpan});
  write_flow(doc, items, width, kSize);
  doc.end_cell();
}

void industry_row(WordDocument& doc, const Suggestion& s, const Profile& profile, int width) {
  std::vector<FlowItem> items;
  for (const IndustryField& field : profile.industries()) {
    FlowItem item{.box = ticked(s.industry, field), .text = field.label};
    if (field.requires_text) {
      item.text += "：";
      item.fill_in = s.industry_other;
    }
    items.push_back(std::move(item));
  }
  add_unmatched(items, s.industry, profile.industries());
  note(items, "（仅选择一个领域）");
  doc.begin_row();
  doc.cell("产业领域", kLabel);
  flow_cell(doc, items, width);
  doc.end_row();
}

void region_row(WordDocument& doc, const Suggestion& s, const Profile& profile, int width) {
  std::vector<FlowItem> items;
  for (const Region& region : profile.regions()) items.push_back({.box = ticked(s.region, region), .text = region.label});
  add_unmatched(items, s.region, profile.regions());
  doc.begin_row();
  doc.cell("合作国别、\n地区", kLabel);  // broken after 、 so that no word is
  flow_cell(doc, items, width);
  doc.end_row();
}

void text_row(WordDocument& doc, std::string_view label, std::string_view value, bool can_split = false) {
  doc.begin_row({.can_split = can_split});
  doc.cell(label, kLabel);
  doc.cell(value, kValue);
  doc.end_row();
}

bool type_ticked(const ProjectType& type, std::string_view code) {
  if (code == "bring_in") return type.bring_in;
  if (code == "go_global") return type.go_global;
  if (code == "platform") return type.platform;
  if (code == "major_event") return type.major_event;
  return false;
}

// “引进来” with its sub-types in parentheses on the first line; the other types, which
// may be combined, on the second (项目类型 of 附件1). A parenthesis clings to the option
// beside it, so that no line starts with “）” or ends with “（”.
void type_row(WordDocument& doc, const Suggestion& s, const Profile& profile, int width) {
  const ProjectType& type = s.project_type;
  doc.begin_row();
  doc.cell("项目类型", kLabel);
  doc.begin_cell({.span = kValueSpan});
  std::vector<FlowItem> others;
  for (const Choice& choice : profile.project_types()) {
    if (choice.code != "bring_in") {
      others.push_back({.box = type_ticked(type, choice.code), .text = choice.label});
      continue;
    }
    std::vector<FlowItem> items{{.box = type.bring_in, .text = choice.label}};
    const auto& subtypes = profile.bring_in_subtypes();
    for (const Choice& subtype : subtypes) {
      items.push_back({.box = ticked(type.bring_in_subtypes, subtype), .text = subtype.label});
    }
    add_unmatched(items, type.bring_in_subtypes, subtypes);
    if (items.size() > 1) {
      items[1].before = "（";
      items[1].gap_before = false;
      items.back().text += "）";
    }
    note(items, "（仅选择一种类型）");
    write_flow(doc, items, width, kSize);
  }
  note(others, "（可多选）");
  write_flow(doc, others, width, kSize);
  doc.end_cell();
  doc.end_row();
}

// 关键科学问题及技术清单: as many numbered rows as the call allows, filled from the top.
void key_technology_rows(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  const int limit = profile.limits().key_technologies_max;
  // The list's heading rows stay with its first item on the page.
  doc.begin_row({.keep_with_next = true});
  doc.cell("关键科学问题及技术清单（不超过" + std::to_string(limit) + "项）",
           {.span = 5, .align = Align::center, .bold = true});
  doc.end_row();

  doc.begin_row({.keep_with_next = true});
  doc.cell("序号", {.merge = VMerge::restart, .align = Align::center});
  doc.cell("科学问题/关键技术", {.span = 2, .merge = VMerge::restart, .align = Align::center});
  doc.cell("技术成熟度等级", {.span = 2, .align = Align::center});
  doc.end_row();
  doc.begin_row({.keep_with_next = true});
  doc.cell("", {.merge = VMerge::continue_above});
  doc.cell("", {.span = 2, .merge = VMerge::continue_above});
  doc.cell("当前自评等级", {.align = Align::center});
  doc.cell("实施预期等级", {.align = Align::center});
  doc.end_row();

  const std::size_t rows = std::max(s.key_technologies.size(), static_cast<std::size_t>(std::max(limit, 0)));
  for (std::size_t i = 0; i < rows; ++i) {
    const KeyTechnology* tech = i < s.key_technologies.size() ? &s.key_technologies[i] : nullptr;
    doc.begin_row({.min_height = kRowHeight});
    doc.cell(std::to_string(i + 1), {.align = Align::center});
    doc.cell(tech ? std::string_view(tech->name) : std::string_view(), {.span = 2, .align = Align::both});
    doc.cell(tech ? trl_text(tech->trl.current, profile) : std::string(), {.align = Align::center});
    doc.cell(tech ? trl_text(tech->trl.expected, profile) : std::string(), {.align = Align::center});
    doc.end_row();
  }
}

void funding_rows(WordDocument& doc, const Suggestion& s) {
  const auto amount = [](const std::optional<DecimalText>& a) {
    const std::string text = amount_text(a);
    return (text.empty() ? std::string("        ") : text) + " 万元";
  };
  doc.begin_row({.keep_with_next = true});  // the merged label spans both rows
  doc.cell("项目实施\n投入计划", {.merge = VMerge::restart, .align = Align::center});
  doc.cell("项目计划总投入", {.span = 2, .align = Align::center});
  doc.cell(amount(s.funding.total), {.span = 2, .align = Align::center});
  doc.end_row();
  doc.begin_row();
  doc.cell("", {.merge = VMerge::continue_above});
  doc.cell("省财政资金支持强度建议", {.span = 2, .align = Align::center});
  doc.cell(amount(s.funding.provincial), {.span = 2, .align = Align::center});
  doc.end_row();
}

void source_rows(WordDocument& doc, const Suggestion& s) {
  doc.begin_row({.keep_with_next = true});  // the merged label spans the three rows
  doc.cell("项目指南\n建议来源", {.merge = VMerge::restart, .align = Align::center});
  doc.cell("建议单位", kLabel);
  doc.cell(s.source.unit, {.span = 3, .align = Align::both});
  doc.end_row();
  doc.begin_row({.keep_with_next = true});
  doc.cell("", {.merge = VMerge::continue_above});
  doc.cell("建议人", kLabel);
  doc.cell(s.source.proposer);
  doc.cell("职称/职务", kLabel);
  doc.cell(s.source.position);
  doc.end_row();
  doc.begin_row();
  doc.cell("", {.merge = VMerge::continue_above});
  doc.cell("联系电话", kLabel);
  doc.cell(s.source.phone, {.span = 3});
  doc.end_row();
}

}  // namespace

std::string form_title(const Profile& profile) {
  // The summary table (附件3) and the form (附件1) share their title but for the last word.
  constexpr std::string_view kSummary = "汇总表";
  std::string title = profile.package().summary_table_title;
  if (title.size() >= kSummary.size() && title.ends_with(kSummary)) {
    title.resize(title.size() - kSummary.size());
    return title + "信息表";
  }
  return profile.name_zh() + "信息表";
}

void write_title(WordDocument& doc, std::string_view title) {
  doc.begin_paragraph({.style = style::title});
  // Too long for one line of 二号, it is broken where the call's own form breaks it,
  // before 指南建议 (“2025年省级国际科技合作项目 / 指南建议信息表”); else it wraps.
  const double line = page::text_width / (style::title_size * 10.0) - 1;
  const std::size_t at = em_width(title) > line ? title.rfind("指南建议") : std::string_view::npos;
  if (at == std::string_view::npos || at == 0) {
    doc.run(title);
  } else {
    doc.run(title.substr(0, at));
    doc.line_break();
    doc.run(title.substr(at));
  }
  doc.end_paragraph();
}

void write_form(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  doc.paragraphs("附件1", {.style = style::attachment});
  write_title(doc, form_title(profile));
  const FormColumns columns = form_columns();
  doc.begin_table(columns.widths);
  industry_row(doc, s, profile, columns.value_width);
  region_row(doc, s, profile, columns.value_width);
  text_row(doc, "项目名称", s.title);
  type_row(doc, s, profile, columns.value_width);
  text_row(doc, "项目概述", s.overview, lines_in(s.overview, columns.value_width) > kOverviewLinesOnPageOne);
  key_technology_rows(doc, s, profile);
  funding_rows(doc, s);
  source_rows(doc, s);
  doc.end_table();
  doc.paragraphs("备注：技术成熟度等级详见附件2《技术成熟度等级划分》", {.style = style::note});
}

}  // namespace zhinan::detail

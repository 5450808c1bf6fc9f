// 附件1 信息表: the same rows, in the same order, as the call's form.
#include <algorithm>
#include <string>
#include <vector>

#include "office/docx_sections.hpp"

namespace zhinan::detail {

namespace {

// Column widths (twips) of the form's grid, 9026 in all (the text width of the page):
// row labels and 序号 | sub-labels | values | 当前自评等级, 职称/职务 | 实施预期等级.
const std::vector<int> kFormColumns = {1400, 1700, 2126, 1900, 1900};
constexpr int kValueSpan = 4;  // a value beside a row label fills the rest of the row

constexpr std::string_view kGap = "  ";  // between one option and the next box

const CellFormat kLabel{.align = Align::center};
constexpr int kRowHeight = 454;  // 0.8 cm: the blank rows of the form keep a writable height

bool ticked(const std::vector<std::string>& chosen, const Choice& choice) {
  return std::any_of(chosen.begin(), chosen.end(),
                     [&](const std::string& c) { return choice.matches(c); });
}

// What the unit ticked that is none of the form's options, shown rather than lost.
template <typename ChoiceT>
std::vector<std::string> unmatched(const std::vector<std::string>& chosen,
                                   const std::vector<ChoiceT>& options) {
  std::vector<std::string> out;
  for (const std::string& c : chosen) {
    const bool known = std::any_of(options.begin(), options.end(),
                                   [&](const ChoiceT& o) { return o.matches(c); });
    if (!known) out.push_back(c);
  }
  return out;
}

void write_unmatched(WordDocument& doc, const std::vector<std::string>& texts) {
  for (const std::string& text : texts) doc.run("（另填：" + text + "）");
}

void option(WordDocument& doc, bool is_ticked, std::string_view label, bool last = false) {
  doc.box(is_ticked);
  doc.run(label);
  if (!last) doc.run(kGap);
}

void begin_value_cell(WordDocument& doc) {
  doc.begin_cell({.span = kValueSpan});
  doc.begin_paragraph({.style = style::table_text});
}

void end_value_cell(WordDocument& doc) {
  doc.end_paragraph();
  doc.end_cell();
}

void industry_row(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  doc.begin_row();
  doc.cell("产业领域", kLabel);
  begin_value_cell(doc);
  for (const IndustryField& field : profile.industries()) {
    doc.box(ticked(s.industry, field));
    doc.run(field.label);
    if (field.requires_text) {
      doc.run("：");
      if (s.industry_other.empty()) {
        doc.run("        ", {.underline = true});
      } else {
        doc.run(s.industry_other, {.underline = true});
      }
    }
    doc.run(kGap);
  }
  write_unmatched(doc, unmatched(s.industry, profile.industries()));
  doc.run("（仅选择一个领域）");
  end_value_cell(doc);
  doc.end_row();
}

void region_row(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  doc.begin_row();
  doc.cell("合作国别、地区", kLabel);
  begin_value_cell(doc);
  const auto& regions = profile.regions();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    option(doc, ticked(s.region, regions[i]), regions[i].label, i + 1 == regions.size());
  }
  write_unmatched(doc, unmatched(s.region, profile.regions()));
  end_value_cell(doc);
  doc.end_row();
}

void text_row(WordDocument& doc, std::string_view label, std::string_view value) {
  doc.begin_row();
  doc.cell(label, kLabel);
  doc.cell(value, {.span = kValueSpan});
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
// may be combined, on the second (项目类型 of 附件1).
void type_row(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  const ProjectType& type = s.project_type;
  doc.begin_row();
  doc.cell("项目类型", kLabel);
  doc.begin_cell({.span = kValueSpan});
  std::vector<const Choice*> others;
  for (const Choice& choice : profile.project_types()) {
    if (choice.code != "bring_in") {
      others.push_back(&choice);
      continue;
    }
    doc.begin_paragraph({.style = style::table_text});
    doc.box(type.bring_in);
    doc.run(choice.label);
    doc.run("（");
    const auto& subtypes = profile.bring_in_subtypes();
    for (std::size_t i = 0; i < subtypes.size(); ++i) {
      option(doc, ticked(type.bring_in_subtypes, subtypes[i]), subtypes[i].label, i + 1 == subtypes.size());
    }
    write_unmatched(doc, unmatched(type.bring_in_subtypes, subtypes));
    doc.run("）（仅选择一种类型）");
    doc.end_paragraph();
  }
  doc.begin_paragraph({.style = style::table_text});
  for (std::size_t i = 0; i < others.size(); ++i) {
    option(doc, type_ticked(type, others[i]->code), others[i]->label, i + 1 == others.size());
  }
  doc.run("（可多选）");
  doc.end_paragraph();
  doc.end_cell();
  doc.end_row();
}

// 关键科学问题及技术清单: as many numbered rows as the call allows, filled from the top.
void key_technology_rows(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  const int limit = profile.limits().key_technologies_max;
  doc.begin_row();
  doc.cell("关键科学问题及技术清单（不超过" + std::to_string(limit) + "项）",
           {.span = 5, .align = Align::center, .bold = true});
  doc.end_row();

  doc.begin_row();
  doc.cell("序号", {.merge = VMerge::restart, .align = Align::center});
  doc.cell("科学问题/关键技术", {.span = 2, .merge = VMerge::restart, .align = Align::center});
  doc.cell("技术成熟度等级", {.span = 2, .align = Align::center});
  doc.end_row();
  doc.begin_row();
  doc.cell("", {.merge = VMerge::continue_above});
  doc.cell("", {.span = 2, .merge = VMerge::continue_above});
  doc.cell("当前自评等级", {.align = Align::center});
  doc.cell("实施预期等级", {.align = Align::center});
  doc.end_row();

  const std::size_t rows = std::max(s.key_technologies.size(), static_cast<std::size_t>(std::max(limit, 0)));
  for (std::size_t i = 0; i < rows; ++i) {
    const KeyTechnology* tech = i < s.key_technologies.size() ? &s.key_technologies[i] : nullptr;
    doc.begin_row(false, kRowHeight);
    doc.cell(std::to_string(i + 1), {.align = Align::center});
    doc.cell(tech ? std::string_view(tech->name) : std::string_view(), {.span = 2});
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
  doc.begin_row();
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
  doc.begin_row();
  doc.cell("项目指南\n建议来源", {.merge = VMerge::restart, .align = Align::center});
  doc.cell("建议单位", kLabel);
  doc.cell(s.source.unit, {.span = 3});
  doc.end_row();
  doc.begin_row();
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

void write_form(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  doc.paragraphs(form_title(profile), {.style = style::title});
  doc.begin_table(kFormColumns);
  industry_row(doc, s, profile);
  region_row(doc, s, profile);
  text_row(doc, "项目名称", s.title);
  type_row(doc, s, profile);
  text_row(doc, "项目概述", s.overview);
  key_technology_rows(doc, s, profile);
  funding_rows(doc, s);
  source_rows(doc, s);
  doc.end_table();
  doc.paragraphs("备注：技术成熟度等级详见附件2《技术成熟度等级划分》", {.style = style::note});
}

}  // namespace zhinan::detail

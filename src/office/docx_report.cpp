// 说明报告 under the reference outline of 附件1, one heading per field of the report.
#include <string>
#include <vector>

#include "office/docx_layout.hpp"
#include "office/docx_sections.hpp"

namespace zhinan::detail {

namespace {

constexpr int kSize = style::table_text_size;

// 序号 | 类别 | 指标 | 目标值 | 国内水平 | 国际水平: 序号 and 类别 as wide as their words
// (知识产权, 经济效益), 目标值 as a number with its unit, the rest shared 4 : 3 : 3.
std::vector<int> indicator_columns() {
  const int number = column_for(em_width("序号"), kSize);
  const int category = column_for(em_width("知识产权"), kSize);
  const int target = column_for(em_width("目标值") + 2, kSize);
  const int rest = page::text_width - number - category - target;
  const int level = rest * 3 / 10;
  return {number, category, rest - 2 * level, target, level, level};
}

// 序号 | 交示件 | 检验、评测、考核方式, the two texts shared 2 : 3.
std::vector<int> deliverable_columns() {
  const int number = column_for(em_width("序号"), kSize);
  const int name = (page::text_width - number) * 2 / 5;
  return {number, name, page::text_width - number - name};
}

const CellFormat kHead{.align = Align::center, .bold = true};
const CellFormat kCentered{.align = Align::center};
const CellFormat kText{.align = Align::both};

void heading(WordDocument& doc, std::string_view style_id, std::string_view text) {
  doc.paragraphs(text, {.style = style_id, .keep_next = true});
}

void body(WordDocument& doc, std::string_view text) {
  if (split_lines(text).empty()) return;  // an empty section keeps its heading only
  doc.paragraphs(text, {.style = style::body});
}

void labelled(WordDocument& doc, std::string_view label, std::string_view text) {
  doc.labelled(label, text, {.style = style::body});
}

std::string_view category_label(std::string_view code) {
  if (code == "technical") return "技术";
  if (code == "product") return "产品";
  if (code == "ip") return "知识产权";
  if (code == "economic") return "经济效益";
  if (code == "social") return "社会效益";
  if (code == "talent") return "人才";
  if (code == "platform") return "平台";
  return code;  // as the unit wrote it
}

// "300份", "90%", "1.8 kg/m³": a space only before a unit that starts with a letter.
// Without a target the unit alone says nothing (the rules report the missing number).
std::string target_text(const Indicator& indicator) {
  if (!indicator.target) return {};
  std::string text = indicator.target->literal;
  if (indicator.unit.empty()) return text;
  const unsigned char first = static_cast<unsigned char>(indicator.unit.front());
  const bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  if (!text.empty() && letter) text += ' ';
  return text + indicator.unit;
}

void indicator_table(WordDocument& doc, const std::vector<Indicator>& indicators) {
  if (indicators.empty()) return;
  doc.begin_table(indicator_columns());
  doc.begin_row({.repeat_as_header = true});
  for (std::string_view head : {"序号", "类别", "指标", "目标值", "国内水平", "国际水平"}) doc.cell(head, kHead);
  doc.end_row();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const Indicator& indicator = indicators[i];
    doc.begin_row();
    doc.cell(std::to_string(i + 1), kCentered);
    doc.cell(category_label(indicator.category), kCentered);
    doc.cell(indicator.text, kText);
    doc.cell(target_text(indicator), kCentered);
    doc.cell(indicator.domestic, kText);
    doc.cell(indicator.international, kText);
    doc.end_row();
  }
  doc.end_table();
}

void deliverable_table(WordDocument& doc, const std::vector<Deliverable>& deliverables) {
  if (deliverables.empty()) return;
  doc.begin_table(deliverable_columns());
  doc.begin_row({.repeat_as_header = true});
  for (std::string_view head : {"序号", "项目交示件", "检验、评测、考核方式"}) doc.cell(head, kHead);
  doc.end_row();
  for (std::size_t i = 0; i < deliverables.size(); ++i) {
    doc.begin_row();
    doc.cell(std::to_string(i + 1), kCentered);
    doc.cell(deliverables[i].name, kText);
    doc.cell(deliverables[i].verification, kText);
    doc.end_row();
  }
  doc.end_table();
}

std::string numbered(int n, std::string_view text) { return "（" + chinese_numeral(n) + "）" + std::string(text); }

// Whether the unit's own 资金投入 text already states the amount (“总投入1260万元”).
bool states(std::string_view plan, std::string_view amount) {
  return amount.empty() || plan.find(std::string(amount) + "万元") != std::string_view::npos;
}

// 二、项目概述: (一)–(六) of the outline. The overview itself is the form's 项目概述,
// printed there once; the report does not repeat it.
void overview_section(WordDocument& doc, const Suggestion& s, const Report& r) {
  heading(doc, style::heading1, "二、项目概述");
  heading(doc, style::heading2, numbered(1, "国内外发展现状与差距分析"));
  heading(doc, style::heading3, "1. 发展现状");
  body(doc, r.status_quo);
  heading(doc, style::heading3, "2. 主要差距");
  body(doc, r.gaps);
  heading(doc, style::heading3, "3. 实施意义");
  body(doc, r.significance);
  heading(doc, style::heading2, numbered(2, "开展国际科技合作的必要性"));
  body(doc, r.necessity);
  heading(doc, style::heading2, numbered(3, "合作基础"));
  body(doc, r.cooperation_basis);
  if (!s.partners.empty()) {
    std::string partners;
    for (const Partner& p : s.partners) {
      partners += (partners.empty() ? "" : "；") + p.name;
      if (!p.country.empty()) partners += "（" + p.country + "）";
    }
    labelled(doc, "外方合作单位：", partners);
  }
  heading(doc, style::heading2, numbered(4, "主要研究内容"));
  body(doc, r.research_content);
  heading(doc, style::heading2, numbered(5, "项目目标"));
  heading(doc, style::heading3, "1. 技术指标");
  indicator_table(doc, r.technical_indicators);
  heading(doc, style::heading3, "2. 绩效目标");
  indicator_table(doc, r.performance_targets);
  heading(doc, style::heading2, numbered(6, "资金投入"));
  const std::string total = amount_text(s.funding.total);
  const std::string provincial = amount_text(s.funding.provincial);
  // The amounts in a sentence of their own, unless the unit's text already says them.
  const bool stated = states(r.funding_plan, total) && states(r.funding_plan, provincial);
  if ((!total.empty() || !provincial.empty()) && !stated) {
    body(doc, "项目计划总投入" + (total.empty() ? "—" : total) + "万元，省财政资金支持强度建议" +
                  (provincial.empty() ? "—" : provincial) + "万元。");
  }
  body(doc, r.funding_plan);
}

std::string evidence_lines(const std::vector<Evidence>& evidence) {
  std::string lines;
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const Evidence& e = evidence[i];
    lines += std::to_string(i + 1) + ". ";
    if (!e.kind.empty()) lines += e.kind + "：";
    lines += e.title;
    if (!e.reference.empty()) lines += "（" + e.reference + "）";
    lines += '\n';
  }
  return lines;
}

// 三、关键技术清单及技术成熟度: per technology its description, levels with evidence, targets.
void key_technology_section(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  heading(doc, style::heading1, "三、关键技术清单及技术成熟度");
  for (std::size_t i = 0; i < s.key_technologies.size(); ++i) {
    const KeyTechnology& tech = s.key_technologies[i];
    const int n = static_cast<int>(i + 1);
    heading(doc, style::heading2, numbered(n, "关键技术" + std::to_string(n) + "：" + tech.name));
    labelled(doc, "技术描述：", tech.description);
    std::string current = trl_text(tech.trl.current, profile);
    if (tech.trl.current) {
      if (const TrlLevelDefinition* definition = profile.trl_scale().find(*tech.trl.current)) {
        current += "（评价标准：" + definition->criterion + "）";
      }
    }
    labelled(doc, "当前技术成熟度等级：", current);
    labelled(doc, "实施预期等级：", trl_text(tech.trl.expected, profile));
    if (!tech.trl.evidence.empty()) labelled(doc, "技术凭证：", evidence_lines(tech.trl.evidence));
    labelled(doc, "预期指标：", tech.expected_indicators);
  }
}

// 五、指南建议: the draft guideline text.
void guideline_section(WordDocument& doc, const std::optional<Guideline>& guideline) {
  heading(doc, style::heading1, "五、指南建议");
  const Guideline g = guideline.value_or(Guideline{});
  heading(doc, style::heading2, numbered(1, "研究内容"));
  body(doc, g.research_content);
  heading(doc, style::heading2, numbered(2, "考核指标"));
  heading(doc, style::heading3, "1. 验收考核指标");
  indicator_table(doc, g.acceptance_indicators);
  heading(doc, style::heading3, "2. 绩效参考指标");
  indicator_table(doc, g.performance_indicators);
  labelled(doc, "申报条件：", g.eligibility);
  labelled(doc, "支持强度：", g.support_intensity);
  labelled(doc, "技术成熟度：", g.readiness);
  labelled(doc, "项目交示件：", g.deliverables);
  labelled(doc, "张榜范围：", g.scope);
}

// The file's own name, without the folders of its path.
std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

void write_report(WordDocument& doc, const Suggestion& s, const Profile& profile) {
  doc.paragraphs("“" + s.title + "”项目指南建议说明报告",
                 {.style = style::title, .page_break_before = true});
  if (!s.report) {
    if (!s.report_document.empty()) {
      body(doc, "说明报告见单位提供的文件“" + std::string(file_name(s.report_document)) + "”。");
    } else {
      body(doc, "（未提供说明报告）");
    }
    return;
  }
  const Report& r = *s.report;
  heading(doc, style::heading1, "一、背景意义");
  body(doc, r.background);
  overview_section(doc, s, r);
  key_technology_section(doc, s, profile);
  heading(doc, style::heading1, "四、预期成效和项目交示件");
  body(doc, r.expected_outcomes);
  deliverable_table(doc, r.deliverables);
  guideline_section(doc, r.guideline);
}

}  // namespace zhinan::detail

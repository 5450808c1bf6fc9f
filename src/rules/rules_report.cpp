// 说明报告 (附件1 参考提纲): its headings, its indicators (三(二)) and its 交示件.
#include <array>

#include "rules/rule_context.hpp"

namespace zhinan::detail {
namespace {

struct Section {
  const char* key;
  const char* zh;
  const char* en;
};

// A target is numeric when, after a comparison word or sign, it is a decimal number,
// perhaps with a percent sign: 95, "≥95", "不低于 99.5%", "1e-6".
bool is_numeric_target(std::string_view t) {
  auto trim = [&] {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  };
  trim();
  for (std::string_view prefix : {"≥", "≤", "＞", "＜", "≈", "不低于", "不少于", "不高于", "不超过", "优于",
                                  "达到", "小于", "大于", ">=", "<=", ">", "<", "=", "~"})
    if (t.starts_with(prefix)) {
      t.remove_prefix(prefix.size());
      break;
    }
  for (std::string_view suffix : {"%", "％", "‰"})
    if (t.ends_with(suffix)) {
      t.remove_suffix(suffix.size());
      break;
    }
  trim();
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) t.remove_prefix(1);
  std::size_t digits = 0, i = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++digits;
  if (i < t.size() && t[i] == '.') {
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++digits;
  }
  if (digits > 0 && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
  }
  return digits > 0 && i == t.size();
}

struct IndicatorList {
  const std::vector<Indicator>* items;
  std::string path;
  const char* zh;
  const char* en;
  bool all_must_be_quantified;  // else only technical and product ones
};

void check_quantified(RuleContext& ctx, const IndicatorList& list) {
  for (std::size_t i = 0; i < list.items->size(); ++i) {
    const Indicator& ind = (*list.items)[i];
    const bool must = list.all_must_be_quantified || ind.category == "technical" || ind.category == "product";
    if (!must || (ind.target && is_numeric_target(ind.target->literal))) continue;
    ctx.report("report.indicator_not_quantified", list.path + "/" + std::to_string(i) + "/target",
               {{"list", list.zh}, {"list_en", list.en}, {"index", std::to_string(i + 1)}, {"text", ind.text}});
  }
}

void check_sections(RuleContext& ctx, const Report& r) {
  const std::array<std::pair<Section, const std::string*>, 9> texts = {{
      {{"background", "背景意义", "background"}, &r.background},
      {{"status_quo", "发展现状", "status quo"}, &r.status_quo},
      {{"gaps", "主要差距", "main gaps"}, &r.gaps},
      {{"significance", "实施意义", "significance"}, &r.significance},
      {{"necessity", "开展国际科技合作的必要性", "necessity of international cooperation"}, &r.necessity},
      {{"cooperation_basis", "合作基础", "cooperation basis"}, &r.cooperation_basis},
      {{"research_content", "主要研究内容", "research content"}, &r.research_content},
      {{"funding_plan", "资金投入", "funding plan"}, &r.funding_plan},
      {{"expected_outcomes", "预期成效", "expected outcomes"}, &r.expected_outcomes},
  }};
  auto missing = [&](const std::string& path, const char* zh, const char* en) {
    ctx.report("report.section_missing", path, {{"section", zh}, {"section_en", en}});
  };
  for (const auto& [section, text] : texts)
    if (is_blank(*text)) missing(std::string("/report/") + section.key, section.zh, section.en);
  if (r.technical_indicators.empty()) missing("/report/technical_indicators", "技术指标", "technical indicators");
  if (r.performance_targets.empty()) missing("/report/performance_targets", "绩效目标", "performance targets");
  if (!r.guideline) {
    missing("/report/guideline", "指南建议", "guideline draft");
    return;
  }
  const Guideline& g = *r.guideline;
  const std::array<std::pair<Section, const std::string*>, 6> guideline_texts = {{
      {{"research_content", "指南建议·研究内容", "guideline: research content"}, &g.research_content},
      {{"eligibility", "指南建议·申报条件", "guideline: eligibility"}, &g.eligibility},
      {{"support_intensity", "指南建议·支持强度", "guideline: support intensity"}, &g.support_intensity},
      {{"readiness", "指南建议·技术成熟度", "guideline: readiness"}, &g.readiness},
      {{"deliverables", "指南建议·项目交示件", "guideline: deliverables"}, &g.deliverables},
      {{"scope", "指南建议·张榜范围", "guideline: scope"}, &g.scope},
  }};
  for (const auto& [section, text] : guideline_texts)
    if (is_blank(*text)) missing(std::string("/report/guideline/") + section.key, section.zh, section.en);
  if (g.acceptance_indicators.empty())
    missing("/report/guideline/acceptance_indicators", "指南建议·验收考核指标", "guideline: acceptance indicators");
  if (g.performance_indicators.empty())
    missing("/report/guideline/performance_indicators", "指南建议·绩效参考指标", "guideline: performance indicators");
}

void check_indicators(RuleContext& ctx, const Report& r) {
  std::vector<IndicatorList> lists = {
      {&r.technical_indicators, "/report/technical_indicators", "技术指标", "technical indicators", true},
      {&r.performance_targets, "/report/performance_targets", "绩效目标", "performance targets", false}};
  if (r.guideline) {
    lists.push_back({&r.guideline->acceptance_indicators, "/report/guideline/acceptance_indicators",
                     "验收考核指标", "acceptance indicators", true});
    lists.push_back({&r.guideline->performance_indicators, "/report/guideline/performance_indicators",
                     "绩效参考指标", "performance indicators", false});
  }
  bool ip = false, economic = false, social = false;
  for (const auto& list : lists) {
    check_quantified(ctx, list);
    for (const auto& ind : *list.items) {
      ip = ip || ind.category == "ip";
      economic = economic || ind.category == "economic";
      social = social || ind.category == "social";
    }
  }
  if (!ip) ctx.report("report.ip_indicator_missing", "/report/performance_targets");
  if (!economic) ctx.report("report.economic_indicator_missing", "/report/performance_targets");
  if (!social) ctx.report("report.social_indicator_missing", "/report/performance_targets");
}

void check_deliverables(RuleContext& ctx, const Report& r) {
  if (r.deliverables.empty()) {
    ctx.report("report.deliverables_missing", "/report/deliverables");
    return;
  }
  for (std::size_t i = 0; i < r.deliverables.size(); ++i)
    if (is_blank(r.deliverables[i].verification))
      ctx.report("report.deliverable_unverifiable", "/report/deliverables/" + std::to_string(i) + "/verification",
                 {{"name", r.deliverables[i].name}});
}

}  // namespace

void check_report(const Suggestion& s, RuleContext& ctx) {
  if (!s.report) {
    if (is_blank(s.report_document)) ctx.report("report.missing", "/report");
    else ctx.report("report.document_unchecked", "/report_document", {{"file", s.report_document}});
    return;
  }
  check_sections(ctx, *s.report);
  check_indicators(ctx, *s.report);
  check_deliverables(ctx, *s.report);
}

}  // namespace zhinan::detail

// 说明报告 (附件1 参考提纲): its headings, its indicators (三(二)) and its 交示件.
#include <doctest/doctest.h>

#include <algorithm>

#include "rules_support.hpp"

using namespace zhinan;
using test::check;
using test::find;
using test::paths_of;
using test::sample;
using test::says;

namespace {

// Removes every indicator of `category` from every list of the report.
void drop_category(Report& r, std::string_view category) {
  auto drop = [&](std::vector<Indicator>& list) {
    std::erase_if(list, [&](const Indicator& i) { return i.category == category; });
  };
  drop(r.technical_indicators);
  drop(r.performance_targets);
  drop(r.guideline->acceptance_indicators);
  drop(r.guideline->performance_indicators);
}

DecimalText target(const char* literal) { return DecimalText{literal, true}; }

}  // namespace

TEST_CASE("rules.report: 说明报告 is required, as the outline's fields or as a document") {
  auto s = sample("valid-sco");
  s.report.reset();
  auto ds = check(s);
  const Diagnostic* d = find(ds, "report.missing");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/report");
  CHECK(says(d, "说明报告"));
  CHECK(ds.size() == 1);  // nothing inside a report that is not there
}

TEST_CASE("rules.report: a document of the unit's own is noted once, as info, and not looked into") {
  auto s = sample("valid-sco");
  s.report.reset();
  s.report_document = "东营盐碱地说明报告.docx";
  auto ds = check(s);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].id == "report.document_unchecked");
  CHECK(ds[0].severity == Severity::info);
  CHECK(ds[0].path == "/report_document");
  CHECK(says(&ds[0], "说明报告"));
  CHECK(says(&ds[0], "“东营盐碱地说明报告.docx”"));
  CHECK_FALSE(has(ds, "report.missing"));
  CHECK_FALSE(has_errors(ds));
}

TEST_CASE("rules.report: every heading of the outline left empty is named in the path") {
  struct Heading {
    std::string Report::*member;
    const char* path;
    const char* zh;
  };
  const Heading headings[] = {
      {&Report::background, "/report/background", "背景意义"},
      {&Report::status_quo, "/report/status_quo", "发展现状"},
      {&Report::gaps, "/report/gaps", "主要差距"},
      {&Report::significance, "/report/significance", "实施意义"},
      {&Report::necessity, "/report/necessity", "开展国际科技合作的必要性"},
      {&Report::cooperation_basis, "/report/cooperation_basis", "合作基础"},
      {&Report::research_content, "/report/research_content", "主要研究内容"},
      {&Report::funding_plan, "/report/funding_plan", "资金投入"},
      {&Report::expected_outcomes, "/report/expected_outcomes", "预期成效"},
  };
  for (const Heading& h : headings) {
    CAPTURE(h.path);
    auto s = sample("valid-sco");
    (*s.report).*h.member = " ";
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == "report.section_missing");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].path == h.path);
    CHECK(says(&ds[0], std::string("“") + h.zh + "”"));
  }
}

TEST_CASE("rules.report: the headings of 五、指南建议 are each checked") {
  auto s = sample("valid-sco");
  Guideline& g = *s.report->guideline;
  g.scope.clear();
  g.eligibility.clear();
  auto ds = check(s);
  CHECK(paths_of(ds, "report.section_missing") ==
        std::vector<std::string>{"/report/guideline/eligibility", "/report/guideline/scope"});
  CHECK(says(find(ds, "report.section_missing"), "申报条件"));
  CHECK(says(test::find_all(ds, "report.section_missing")[1], "张榜范围"));
  g.research_content.clear();
  g.support_intensity.clear();
  g.readiness.clear();
  g.deliverables.clear();
  CHECK(paths_of(check(s), "report.section_missing").size() == 6);
}

TEST_CASE("rules.report: empty indicator lists are empty headings") {
  auto s = sample("valid-sco");
  s.report->technical_indicators.clear();
  s.report->guideline->acceptance_indicators.clear();
  auto ds = check(s);
  CHECK(paths_of(ds, "report.section_missing") ==
        std::vector<std::string>{"/report/technical_indicators", "/report/guideline/acceptance_indicators"});
  CHECK(says(find(ds, "report.section_missing"), "技术指标"));
  SUBCASE("no 指南建议 at all") {
    s = sample("valid-sco");
    s.report->guideline.reset();
    ds = check(s);
    CHECK(paths_of(ds, "report.section_missing") == std::vector<std::string>{"/report/guideline"});
    CHECK(says(find(ds, "report.section_missing"), "指南建议"));
    CHECK_FALSE(has_errors(ds));  // its indicators were extra; the report's own still cover 三(二)
  }
}

TEST_CASE("rules.report: technical and product indicators need a numeric target") {
  auto s = sample("valid-sco");
  Indicator& ind = s.report->technical_indicators[1];  // 耐盐性鉴定准确率, 90 %
  const std::string path = "/report/technical_indicators/1/target";
  SUBCASE("numeric targets pass, as a number or with a comparison") {
    for (const char* good : {"95", "≥95", "≥ 95%", "不低于99.5%", "<=0.5", "1e-6", "-40"}) {
      CAPTURE(good);
      ind.target = target(good);
      CHECK(check(s).empty());
    }
  }
  SUBCASE("no target") {
    ind.target.reset();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "report.indicator_not_quantified");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == path);
    CHECK(says(d, "技术指标第2项指标“耐盐性鉴定准确率”"));
    CHECK(says(d, "量化"));
  }
  SUBCASE("words are not a number") {
    for (const char* bad : {"约百分之九十", "国际先进", "", "95分以上", "≥"}) {
      CAPTURE(bad);
      ind.target = target(bad);
      CHECK(paths_of(check(s), "report.indicator_not_quantified") == std::vector<std::string>{path});
    }
  }
  SUBCASE("a product indicator among the performance targets needs one too") {
    auto& targets = s.report->performance_targets;
    targets[0].target.reset();  // ip: not required to be numeric
    CHECK(check(s).empty());
    targets[0].category = "product";
    CHECK(paths_of(check(s), "report.indicator_not_quantified") ==
          std::vector<std::string>{"/report/performance_targets/0/target"});
  }
  SUBCASE("every acceptance indicator needs one (验收考核指标)") {
    auto& acceptance = s.report->guideline->acceptance_indicators;
    acceptance[2].target = target("较大提升");
    auto ds = check(s);
    CHECK(paths_of(ds, "report.indicator_not_quantified") ==
          std::vector<std::string>{"/report/guideline/acceptance_indicators/2/target"});
    CHECK(says(find(ds, "report.indicator_not_quantified"), "验收考核指标第3项"));
  }
}

TEST_CASE("rules.report: IP, economic and social indicators are each required (三(二))") {
  struct Category {
    const char* category;
    const char* id;
    const char* zh;
  };
  for (const Category& c : {Category{"ip", "report.ip_indicator_missing", "知识产权指标"},
                            Category{"economic", "report.economic_indicator_missing", "经济效益指标"},
                            Category{"social", "report.social_indicator_missing", "社会效益指标"}}) {
    CAPTURE(c.category);
    auto s = sample("valid-sco");
    drop_category(*s.report, c.category);
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == c.id);
    CHECK(ds[0].severity == Severity::error);
    CHECK(ds[0].path == "/report/performance_targets");
    CHECK(says(&ds[0], c.zh));
    CHECK(says(&ds[0], "考核指标"));
  }
  SUBCASE("one of each, anywhere in the report, is enough") {
    auto s = sample("valid-sco");
    drop_category(*s.report, "economic");
    Indicator economic{"economic", "新增产值", DecimalText{"1.2", false}, "亿元", "", "", {}};
    s.report->guideline->performance_indicators.push_back(economic);
    CHECK(check(s).empty());
  }
}

TEST_CASE("rules.report: 交示件 are listed, each with how it is verified") {
  auto s = sample("valid-sco");
  SUBCASE("none") {
    s.report->deliverables.clear();
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == "report.deliverables_missing");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].path == "/report/deliverables");
    CHECK(says(&ds[0], "项目交示件"));
  }
  SUBCASE("one without verification") {
    s.report->deliverables[2].verification = "";
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == "report.deliverable_unverifiable");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].path == "/report/deliverables/2/verification");
    CHECK(says(&ds[0], "交示件“盐碱地智能节水灌溉决策系统1套”"));
    CHECK(says(&ds[0], "可检验、可评测、可考核"));
  }
  SUBCASE("each verified passes") {
    s.report->deliverables.resize(1);
    CHECK(check(s).empty());
  }
}

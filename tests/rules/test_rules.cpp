// The rule engine as a whole: the registry, the bundled samples, draft mode and order.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <sstream>
#include <utility>

#include "rules_support.hpp"

using namespace zhinan;
using test::check;
using test::find;
using test::sample;

namespace {

using Mutation = std::function<void(Suggestion&)>;

struct FiringCase {
  std::string id;
  Mutation mutate;
  std::vector<std::string> also = {};  // other rules the same change rightly fires
};

// One change to valid-sco that makes each rule fire; the rule tests beside this file
// check each one's neighbour that must not fire, its path and its message.
const std::vector<FiringCase>& firing_cases() {
  static const std::vector<FiringCase> cases = {
      {"title.missing", [](Suggestion& s) { s.title.clear(); }},
      {"industry.missing", [](Suggestion& s) { s.industry.clear(); }},
      {"industry.unknown", [](Suggestion& s) { s.industry = {"钢铁"}; }},
      {"industry.multiple", [](Suggestion& s) { s.industry = {"new_energy", "biotech"}; }},
      {"industry.other_text_missing", [](Suggestion& s) { s.industry = {"other"}; },
       {"region.industry_outside_focus"}},  // 其他 is no region's focus
      {"region.missing", [](Suggestion& s) { s.region.clear(); }},
      {"region.unknown", [](Suggestion& s) { s.region = {"欧盟"}; }},
      {"region.multiple", [](Suggestion& s) { s.region = {"sco", "belt_and_road"}; }},
      {"type.none",
       [](Suggestion& s) {
         s.project_type.bring_in = s.project_type.go_global = false;
         s.project_type.bring_in_subtypes.clear();
       }},
      {"type.bring_in_subtype_missing", [](Suggestion& s) { s.project_type.bring_in_subtypes.clear(); }},
      {"type.bring_in_subtype_multiple", [](Suggestion& s) { s.project_type.bring_in_subtypes.push_back("disruptive"); }},
      {"type.subtype_without_bring_in", [](Suggestion& s) { s.project_type.bring_in = false; }},
      {"type.subtype_unknown", [](Suggestion& s) { s.project_type.bring_in_subtypes = {"技术引进"}; }},
      {"overview.missing", [](Suggestion& s) { s.overview.clear(); }},
      {"overview.too_long", [](Suggestion& s) { s.overview = test::repeat("氢", 1001); }},
      {"key_tech.missing", [](Suggestion& s) { s.key_technologies.clear(); }},
      {"key_tech.too_many",
       [](Suggestion& s) {
         for (int i = 0; i < 3; ++i) s.key_technologies.push_back(s.key_technologies[0]);
         for (std::size_t i = 0; i < 6; ++i) s.key_technologies[i].name = "技术" + std::to_string(i);
       }},
      {"key_tech.name_missing", [](Suggestion& s) { s.key_technologies[0].name.clear(); }},
      {"key_tech.name_duplicate", [](Suggestion& s) { s.key_technologies[1].name = s.key_technologies[0].name; }},
      {"key_tech.trl_missing", [](Suggestion& s) { s.key_technologies[0].trl.expected.reset(); }},
      {"key_tech.trl_out_of_range", [](Suggestion& s) { s.key_technologies[0].trl.expected = TrlLevel{14}; }},
      {"key_tech.trl_regress", [](Suggestion& s) { s.key_technologies[0].trl.expected = TrlLevel{4}; }},
      {"key_tech.trl_flat", [](Suggestion& s) { s.key_technologies[0].trl.expected = TrlLevel{5}; }},
      {"key_tech.evidence_missing", [](Suggestion& s) { s.key_technologies[0].trl.evidence.clear(); }},
      {"funding.total_missing", [](Suggestion& s) { s.funding.total.reset(); }},
      {"funding.total_invalid", [](Suggestion& s) { s.funding.total = DecimalText{"0", false}; }},
      {"funding.provincial_missing", [](Suggestion& s) { s.funding.provincial.reset(); }},
      {"funding.provincial_invalid", [](Suggestion& s) { s.funding.provincial = DecimalText{"-1", false}; }},
      {"funding.provincial_exceeds_total", [](Suggestion& s) { s.funding.provincial = DecimalText{"1261", false}; }},
      {"funding.precision", [](Suggestion& s) { s.funding.provincial = DecimalText{"300.505", true}; }},
      {"source.unit_missing", [](Suggestion& s) { s.source.unit.clear(); }},
      {"source.proposer_missing", [](Suggestion& s) { s.source.proposer.clear(); }},
      {"source.position_missing", [](Suggestion& s) { s.source.position.clear(); }},
      {"source.phone_missing", [](Suggestion& s) { s.source.phone.clear(); }},
      {"source.phone_invalid", [](Suggestion& s) { s.source.phone = "12345"; }},
      {"department.missing", [](Suggestion& s) { s.department.clear(); }},
      {"report.missing", [](Suggestion& s) { s.report.reset(); }},
      {"report.document_unchecked",
       [](Suggestion& s) {
         s.report.reset();
         s.report_document = "report.docx";
       }},
      {"report.section_missing", [](Suggestion& s) { s.report->gaps.clear(); }},
      {"report.indicator_not_quantified", [](Suggestion& s) { s.report->technical_indicators[0].target.reset(); }},
      {"report.ip_indicator_missing",
       [](Suggestion& s) {
         for (auto* list : {&s.report->performance_targets, &s.report->guideline->performance_indicators})
           std::erase_if(*list, [](const Indicator& i) { return i.category == "ip"; });
       }},
      {"report.economic_indicator_missing",
       [](Suggestion& s) {
         for (auto* list : {&s.report->performance_targets, &s.report->guideline->performance_indicators})
           std::erase_if(*list, [](const Indicator& i) { return i.category == "economic"; });
       }},
      {"report.social_indicator_missing",
       [](Suggestion& s) {
         for (auto* list : {&s.report->performance_targets, &s.report->guideline->performance_indicators})
           std::erase_if(*list, [](const Indicator& i) { return i.category == "social"; });
       }},
      {"report.deliverables_missing", [](Suggestion& s) { s.report->deliverables.clear(); }},
      {"report.deliverable_unverifiable", [](Suggestion& s) { s.report->deliverables[0].verification.clear(); }},
      {"partners.incomplete", [](Suggestion& s) { s.partners[0].country.clear(); }},
      {"region.industry_outside_focus", [](Suggestion& s) { s.industry = {"biotech"}; }},
      {"region.partner_mismatch", [](Suggestion& s) { s.partners = {Partner{"MIT", "US", {}}}; }},
      {"region.multilateral_single_partner",
       [](Suggestion& s) {
         s.region = {"multilateral"};
         s.partners.resize(1);
       }},
      {"region.leaders_not_bring_in",
       [](Suggestion& s) {
         s.region = {"innovation_leaders"};
         s.industry = {"new_energy"};
         s.partners = {Partner{"RWTH", "DE", {}}};
         s.project_type.bring_in = false;
         s.project_type.bring_in_subtypes.clear();
       }},
  };
  return cases;
}

std::set<std::pair<std::string, std::string>> id_path_pairs(const Diagnostics& ds) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& d : ds)
    if (d.severity != Severity::info) out.emplace(d.id, d.path);
  return out;
}

// Where in the form and outline a finding belongs: 项目名称 … 说明报告, then consistency.
int part_of(const Diagnostic& d) {
  static const std::vector<std::string> parts = {
      "title.", "industry.", "region.missing", "region.unknown", "region.multiple", "type.", "overview.",
      "key_tech.", "funding.", "source.", "department.", "report.", "region."};
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (d.id.starts_with(parts[i])) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("rules.registry: every rule validate() can report is fired by a one-change case, alone") {
  const auto& cases = firing_cases();
  std::set<std::string> covered;
  for (const auto& [id, mutate, also] : cases) {
    CAPTURE(id);
    REQUIRE(find_rule(id));
    auto s = sample("valid-sco");
    REQUIRE(check(s).empty());
    mutate(s);
    auto ds = check(s);
    INFO(test::summary(ds));
    const Diagnostic* d = find(ds, id);
    REQUIRE(d);
    CHECK(d->severity == find_rule(id)->severity);
    std::set<std::string> fired, wanted(also.begin(), also.end());
    for (const auto& other : ds) fired.insert(other.id);
    wanted.insert(id);
    CHECK(fired == wanted);  // one change, one rule
    CHECK(test::find_all(ds, id).size() == 1);
    CHECK_FALSE(d->message_zh.empty());
    CHECK_FALSE(d->message_en.empty());
    covered.insert(id);
  }
  for (const RuleInfo& rule : rule_registry()) {
    CAPTURE(rule.id);
    // The JSON reader's (format.*), the batch rules' (dedup.hpp), the package's and the Word reader's
    // (tests/import/), not validate()'s.
    if (rule.id.starts_with("format.") || rule.id.starts_with("batch.") || rule.id.starts_with("history.") ||
        rule.id.starts_with("registry.") || rule.id.starts_with("package.") ||
        rule.id.starts_with("import.") || rule.id.starts_with("audit."))
      continue;
    CHECK(covered.contains(std::string(rule.id)));
  }
}

TEST_CASE("rules.registry: ids are unique, and every message names its rule's parameters") {
  std::set<std::string_view> ids;
  for (const RuleInfo& rule : rule_registry()) {
    CAPTURE(rule.id);
    CHECK(ids.insert(rule.id).second);
    CHECK_FALSE(rule.field_zh.empty());
  }
  CHECK(find_rule("no.such_rule") == nullptr);
  for (const auto& c : firing_cases()) {
    auto s = sample("valid-sco");
    c.mutate(s);
    for (const Diagnostic& d : check(s)) {
      CAPTURE(d.message_zh);
      CAPTURE(d.message_en);
      CHECK(d.message_zh.find('{') == std::string::npos);  // every {parameter} was filled in
      CHECK(d.message_en.find('{') == std::string::npos);
      CHECK(d.path.starts_with("/"));
    }
  }
}

TEST_CASE("rules.samples: every valid sample has no errors, and only the warnings it is meant to have") {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::samples_dir())) {
    const std::string name = entry.path().stem().string();
    if (!name.starts_with("valid-") || entry.path().extension() != ".json") continue;
    ++seen;
    CAPTURE(name);
    auto ds = check(sample(name));
    INFO(test::summary(ds));
    CHECK_FALSE(has_errors(ds));
    if (name == "valid-other-industry") {
      // 其他 is in no region's focus list.
      REQUIRE(ds.size() == 1);
      CHECK(ds[0].id == "region.industry_outside_focus");
      CHECK(ds[0].path == "/industry");
    } else {
      CHECK(ds.empty());
    }
  }
  CHECK(seen >= 6);
}

TEST_CASE("rules.samples: the faulty sample gives exactly the findings its .expected.txt lists") {
  auto text = read_file(test::samples_dir() / "faulty-many-mistakes.expected.txt");
  REQUIRE(text);
  std::set<std::pair<std::string, std::string>> expected;
  std::size_t lines = 0;
  std::istringstream in(*text);
  for (std::string id, path; in >> id >> path;) {
    expected.emplace(id, path);
    ++lines;
  }
  REQUIRE(lines >= 10);
  auto ds = check(sample("faulty-many-mistakes"));
  INFO(test::summary(ds));
  CHECK(id_path_pairs(ds) == expected);
  CHECK(count(ds, Severity::error) + count(ds, Severity::warning) == lines);  // none twice
}

TEST_CASE("rules.mode: draft makes every *missing rule a warning and leaves the rest") {
  CHECK(to_string(Mode::draft) == "draft");
  CHECK(parse_mode("submit") == Mode::submit);
  CHECK_FALSE(parse_mode("final"));
  int missing_rules = 0;
  for (const RuleInfo& rule : rule_registry()) {
    CAPTURE(rule.id);
    CHECK(effective_severity(rule, Profile::builtin(), Mode::submit) == rule.severity);
    const Severity draft = effective_severity(rule, Profile::builtin(), Mode::draft);
    if (rule.id.ends_with("missing")) {
      ++missing_rules;
      CHECK(draft == Severity::warning);
    } else {
      CHECK(draft == rule.severity);
    }
  }
  CHECK(missing_rules >= 20);

  auto s = sample("valid-sco");
  s.title.clear();
  s.funding.total.reset();
  s.report.reset();
  s.overview = test::repeat("氢", 1001);
  s.source.phone = "12345";
  auto draft = check(s, Mode::draft);
  CHECK(find(draft, "title.missing")->severity == Severity::warning);
  CHECK(find(draft, "funding.total_missing")->severity == Severity::warning);
  CHECK(find(draft, "report.missing")->severity == Severity::warning);
  CHECK(find(draft, "overview.too_long")->severity == Severity::error);
  CHECK(find(draft, "source.phone_invalid")->severity == Severity::error);
  auto submit = check(s);
  CHECK(find(submit, "title.missing")->severity == Severity::error);
  CHECK(find(submit, "report.missing")->severity == Severity::error);
  CHECK(id_path_pairs(draft) == id_path_pairs(submit));
}

TEST_CASE("rules.mode: an empty form lists what is missing — in draft mode only the type is an error") {
  const Suggestion empty;
  auto submit = check(empty);
  std::vector<std::string> ids;
  for (const auto& d : submit) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"title.missing", "industry.missing", "region.missing", "type.none",
                                        "overview.missing", "key_tech.missing", "funding.total_missing",
                                        "funding.provincial_missing", "source.unit_missing", "source.proposer_missing",
                                        "source.position_missing", "source.phone_missing", "department.missing",
                                        "report.missing"});
  CHECK(count(submit, Severity::error) == submit.size());
  auto draft = check(empty, Mode::draft);
  REQUIRE(draft.size() == submit.size());
  for (const auto& d : draft) {
    CAPTURE(d.id);
    // type.none is SPEC's id for "no type ticked"; it does not end in "missing".
    CHECK(d.severity == (d.id == "type.none" ? Severity::error : Severity::warning));
  }
}

TEST_CASE("rules.order: the same suggestion gives the same findings, in the form's order") {
  auto s = sample("faulty-many-mistakes");
  s.title.clear();
  s.region = {"multilateral"};
  s.partners.resize(1);
  s.department.clear();
  s.key_technologies[3].name.clear();
  s.key_technologies[0].trl.evidence.clear();
  const auto first = check(s);
  const auto second = check(s);
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CAPTURE(i);
    CHECK(first[i].id == second[i].id);
    CHECK(first[i].path == second[i].path);
    CHECK(first[i].severity == second[i].severity);
    CHECK(first[i].message_zh == second[i].message_zh);
    CHECK(first[i].message_en == second[i].message_en);
  }
  INFO(test::summary(first));
  REQUIRE(first.size() >= 15);
  CHECK(first.front().id == "title.missing");
  CHECK(first.back().id == "region.multilateral_single_partner");
  for (std::size_t i = 1; i < first.size(); ++i) {
    CAPTURE(first[i].id);
    CHECK(part_of(first[i]) >= 0);
    CHECK(part_of(first[i - 1]) <= part_of(first[i]));
  }
  // Within the list of key technologies, by item.
  std::vector<std::string> items;
  for (const auto& d : first)
    if (d.path.starts_with("/key_technologies/")) items.push_back(d.path.substr(0, d.path.find('/', 18)));
  CHECK(std::is_sorted(items.begin(), items.end()));
  CHECK(items.front() == "/key_technologies/0");
  CHECK(items.back() == "/key_technologies/4");
}

// 关键科学问题及技术清单 and 技术成熟度等级 (三(一), 附件2).
#include <doctest/doctest.h>

#include "rules_support.hpp"

using namespace zhinan;
using test::check;
using test::find;
using test::paths_of;
using test::sample;
using test::says;

namespace {

// The sample's key technologies made up to `n`, each with its own name.
Suggestion with_key_technologies(std::size_t n) {
  auto s = sample("valid-sco");
  REQUIRE(s.key_technologies.size() == 3);
  const KeyTechnology model = s.key_technologies.front();
  s.key_technologies.resize(n, model);
  for (std::size_t i = 0; i < n; ++i) s.key_technologies[i].name = "关键技术" + std::to_string(i + 1);
  return s;
}

// The built-in profile's text with `overrides` (JSON members) as its severity_overrides.
std::string profile_with_overrides(const std::string& overrides) {
  auto text = read_file(test::source_dir() / "data" / "profiles" / "shandong-2025.json");
  REQUIRE(text);
  const std::string key = "\"severity_overrides\"";
  const auto at = text->find(key);
  REQUIRE(at != std::string::npos);
  const auto open = text->find('{', at + key.size());
  REQUIRE(open != std::string::npos);
  const auto next = text->find_first_not_of(" \t\r\n", open + 1);
  const bool empty = next != std::string::npos && (*text)[next] == '}';
  text->insert(open + 1, overrides + (empty ? "" : ","));
  return *text;
}

}  // namespace

TEST_CASE("rules.key_tech: at least one key technology") {
  auto s = sample("valid-sco");
  s.key_technologies.resize(1);
  CHECK(check(s).empty());
  s.key_technologies.clear();
  auto ds = check(s);
  const Diagnostic* d = find(ds, "key_tech.missing");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/key_technologies");
  CHECK(says(d, "关键技术"));
}

TEST_CASE("rules.key_tech: 5 key technologies are allowed, 6 are not (原则上不超过5项)") {
  CHECK(check(with_key_technologies(5)).empty());
  auto ds = check(with_key_technologies(6));
  const Diagnostic* d = find(ds, "key_tech.too_many");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/key_technologies");
  CHECK(says(d, "技术清单"));
  CHECK(says(d, "不超过5项"));
  CHECK(says(d, "现有6项"));
  CHECK(ds.size() == 1);  // each of the six is still checked, and is fine
}

TEST_CASE("rules.key_tech: a profile may make the 原则上 limit a warning") {
  ProfileLoadResult loaded = Profile::from_json(profile_with_overrides(R"("key_tech.too_many": "warning")"));
  INFO(test::summary(loaded.diagnostics));
  REQUIRE(loaded.profile);
  const Profile& lenient = *loaded.profile;
  CHECK(lenient.severity_override("key_tech.too_many") == Severity::warning);
  CHECK_FALSE(lenient.severity_override("key_tech.missing"));

  auto ds = validate(with_key_technologies(6), lenient);
  const Diagnostic* d = find(ds, "key_tech.too_many");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
  CHECK_FALSE(has_errors(ds));
  CHECK(validate(with_key_technologies(5), lenient).empty());
  // Only that rule changes.
  auto none = with_key_technologies(0);
  CHECK(find(validate(none, lenient), "key_tech.missing")->severity == Severity::error);
  // And draft mode still applies on top of the profile.
  CHECK(find(validate(none, lenient, Mode::draft), "key_tech.missing")->severity == Severity::warning);
}

TEST_CASE("rules.key_tech: 原则上 — with the exception accepted, a sixth is a warning asking for the reason") {
  Limits limits = Profile::builtin().limits();
  CHECK_FALSE(limits.allow_more_key_technologies);
  const auto strict_findings = check(with_key_technologies(6));  // alive while `strict` points into it
  const Diagnostic* strict = find(strict_findings, "key_tech.too_many");
  REQUIRE(strict);
  CHECK(says(strict, "须在说明报告中说明理由"));  // the error already says how an exception is made

  limits.allow_more_key_technologies = true;
  const Profile lenient = Profile::builtin().with_limits(limits);
  CHECK(lenient.regions().size() == Profile::builtin().regions().size());  // the rest is the call's
  auto ds = validate(with_key_technologies(6), lenient);
  const Diagnostic* d = find(ds, "key_tech.too_many");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
  CHECK(d->path == "/key_technologies");
  CHECK(says(d, "原则上不超过5项"));
  CHECK(says(d, "现有6项"));
  CHECK(says(d, "须在说明报告中说明超过5项的理由"));
  CHECK(d->message_en.find("must give the reason") != std::string::npos);
  CHECK_FALSE(has_errors(ds));
  CHECK(validate(with_key_technologies(5), lenient).empty());
  // Only the limit is relaxed: a missing list is still an error.
  CHECK(find(validate(with_key_technologies(0), lenient), "key_tech.missing")->severity == Severity::error);
  // A profile may say the same in its data.
  auto text = read_file(test::source_dir() / "data" / "profiles" / "shandong-2025.json");
  REQUIRE(text);
  const std::string from = "\"key_technologies_max\": 5,";
  REQUIRE(text->find(from) != std::string::npos);
  text->replace(text->find(from), from.size(), from + " \"allow_more_key_technologies\": true,");
  ProfileLoadResult loaded = Profile::from_json(*text);
  INFO(test::summary(loaded.diagnostics));
  REQUIRE(loaded.profile);
  CHECK(loaded.profile->limits().allow_more_key_technologies);
  CHECK(find(validate(with_key_technologies(6), *loaded.profile), "key_tech.too_many")->severity ==
        Severity::warning);
}

TEST_CASE("rules.key_tech: a profile override that is no severity is refused") {
  ProfileLoadResult loaded = Profile::from_json(profile_with_overrides(R"("key_tech.too_many": "soft")"));
  CHECK_FALSE(loaded.profile);
  REQUIRE_FALSE(loaded.diagnostics.empty());
  CHECK(loaded.diagnostics.front().path == "/severity_overrides/key_tech.too_many");
}

TEST_CASE("rules.key_tech: every item has a name, and no two the same name") {
  auto s = sample("valid-sco");
  SUBCASE("no name") {
    s.key_technologies[1].name = " ";
    auto ds = check(s);
    const Diagnostic* d = find(ds, "key_tech.name_missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/key_technologies/1/name");
    CHECK(says(d, "第2项关键技术"));
    CHECK(says(d, "名称"));
  }
  SUBCASE("the same name twice") {
    s.key_technologies[2].name = s.key_technologies[0].name;
    auto ds = check(s);
    const Diagnostic* d = find(ds, "key_tech.name_duplicate");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/key_technologies/2/name");  // the later one
    CHECK(says(d, "第3项关键技术与第1项同名"));
    CHECK(paths_of(ds, "key_tech.name_duplicate").size() == 1);
  }
  SUBCASE("white space, half- or full-width, does not make a name another") {
    s.key_technologies[0].name = "氢能储运";
    s.key_technologies[1].name = "氢能\u3000储 运";
    CHECK(paths_of(check(s), "key_tech.name_duplicate") == std::vector<std::string>{"/key_technologies/1/name"});
  }
  SUBCASE("different names pass") {
    s.key_technologies[0].name = "氢能储运";
    s.key_technologies[1].name = "氢能制备";
    CHECK_FALSE(has(check(s), "key_tech.name_duplicate"));
  }
  SUBCASE("two unnamed items are missing, not duplicates") {
    s.key_technologies[0].name.clear();
    s.key_technologies[1].name.clear();
    auto ds = check(s);
    CHECK(paths_of(ds, "key_tech.name_missing") ==
          std::vector<std::string>{"/key_technologies/0/name", "/key_technologies/1/name"});
    CHECK_FALSE(has(ds, "key_tech.name_duplicate"));
  }
}

TEST_CASE("rules.key_tech: both levels are needed, on the 13-level scale of 附件2") {
  auto s = sample("valid-sco");
  KeyTechnology& k = s.key_technologies[0];
  SUBCASE("current level missing") {
    k.trl.current.reset();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "key_tech.trl_missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/key_technologies/0/trl_current");
    CHECK(says(d, "第1项关键技术"));
    CHECK(says(d, "当前自评等级"));
    CHECK_FALSE(has(ds, "key_tech.evidence_missing"));  // no level to judge evidence against
  }
  SUBCASE("expected level missing") {
    k.trl.expected.reset();
    auto ds = check(s);
    CHECK(paths_of(ds, "key_tech.trl_missing") == std::vector<std::string>{"/key_technologies/0/trl_expected"});
    CHECK(says(find(ds, "key_tech.trl_missing"), "实施预期等级"));
  }
  SUBCASE("1 and 13 are levels") {
    k.trl.current = TrlLevel{1};
    k.trl.expected = TrlLevel{13};
    CHECK(check(s).empty());
  }
  SUBCASE("0 and 14 are not") {
    k.trl.current = TrlLevel{0};
    k.trl.expected = TrlLevel{14};
    auto ds = check(s);
    CHECK(paths_of(ds, "key_tech.trl_out_of_range") ==
          std::vector<std::string>{"/key_technologies/0/trl_current", "/key_technologies/0/trl_expected"});
    const Diagnostic* d = find(ds, "key_tech.trl_out_of_range");
    CHECK(d->severity == Severity::error);
    CHECK(says(d, "当前自评等级为0"));
    CHECK(says(d, "1–13"));
    CHECK(says(test::find_all(ds, "key_tech.trl_out_of_range")[1], "实施预期等级为14"));
    CHECK_FALSE(has(ds, "key_tech.trl_regress"));  // no comparison with a level off the scale
    CHECK_FALSE(has(ds, "key_tech.evidence_missing"));
  }
}

TEST_CASE("rules.key_tech: the expected level must rise — equal warns, below is an error") {
  auto s = sample("valid-sco");
  KeyTechnology& k = s.key_technologies[1];  // current 7, expected 9
  REQUIRE(k.trl.current == TrlLevel{7});
  k.trl.expected = TrlLevel{8};
  CHECK(check(s).empty());

  k.trl.expected = TrlLevel{7};
  auto flat = check(s);
  const Diagnostic* f = find(flat, "key_tech.trl_flat");
  REQUIRE(f);
  CHECK(f->severity == Severity::warning);
  CHECK(f->path == "/key_technologies/1/trl_expected");
  CHECK(says(f, "第2项关键技术"));
  CHECK(says(f, "均为7级"));
  CHECK_FALSE(has(flat, "key_tech.trl_regress"));
  CHECK_FALSE(has_errors(flat));

  k.trl.expected = TrlLevel{6};
  auto below = check(s);
  const Diagnostic* r = find(below, "key_tech.trl_regress");
  REQUIRE(r);
  CHECK(r->severity == Severity::error);
  CHECK(r->path == "/key_technologies/1/trl_expected");
  CHECK(says(r, "实施预期等级（6级）低于当前自评等级（7级）"));
  CHECK_FALSE(has(below, "key_tech.trl_flat"));
}

TEST_CASE("rules.key_tech: evidence for the current level, naming what 附件2 accepts") {
  auto s = sample("valid-sco");
  KeyTechnology& k = s.key_technologies[2];  // current 4 (功能级)
  REQUIRE(k.trl.current == TrlLevel{4});
  REQUIRE(k.trl.evidence.size() == 1);
  CHECK(check(s).empty());
  k.trl.evidence.clear();
  auto ds = check(s);
  const Diagnostic* d = find(ds, "key_tech.evidence_missing");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
  CHECK(d->path == "/key_technologies/2/evidence");
  CHECK(says(d, "第3项关键技术"));
  CHECK(says(d, "4级功能级"));
  CHECK(says(d, "实物功能模型"));
}

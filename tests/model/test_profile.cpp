#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "support.hpp"
#include "zhinan/profile.hpp"

using namespace zhinan;

TEST_CASE("profile: the built-in 2025 call has every region with its folder and focus list") {
  const Profile& p = Profile::builtin();
  CHECK(p.id() == "shandong-2025");
  REQUIRE(p.regions().size() == 5);
  CHECK(p.find_region("belt_and_road")->folder == "\u201C一带一路\u201D共建国家");
  CHECK(p.find_region("多边科技合作")->code == "multilateral");
  CHECK(p.find_region("港澳台地区")->has_country("TW"));
  CHECK(p.find_region("sco")->has_country("UZ"));
  CHECK_FALSE(p.find_region("sco")->has_country("CN"));
  CHECK(p.find_region("multilateral")->any_country);
  CHECK(p.find_region("multilateral")->min_partner_countries == 2);
  CHECK(p.find_region("innovation_leaders")->requires_bring_in);
  for (const char* named : {"VN", "MY", "SG", "ZA", "BR", "IL"})  // 二(四) names them
    CHECK(p.find_region("belt_and_road")->has_country(named));
  CHECK(p.find_region("sco")->has_focus("high_end_chemicals"));
  CHECK_FALSE(p.find_region("sco")->has_focus("biotech"));
  CHECK(p.find_region("nowhere") == nullptr);
}

TEST_CASE("profile: industries, types and sub-types by code and by label") {
  const Profile& p = Profile::builtin();
  CHECK(p.industries().size() == 11);
  CHECK(p.find_industry("低空经济")->code == "low_altitude_economy");
  CHECK(p.find_industry("其他")->requires_text);
  CHECK(p.find_project_type("\u201C引进来\u201D")->code == "bring_in");
  CHECK(p.find_bring_in_subtype("\u201C卡脖子\u201D技术")->code == "chokepoint");
  CHECK(p.bring_in_subtypes().size() == 5);
}

TEST_CASE("profile: the readiness scale of 附件2 has 13 named levels") {
  const TrlScale& scale = Profile::builtin().trl_scale();
  CHECK(scale.lowest() == 1);
  CHECK(scale.highest() == 13);
  CHECK(scale.find(TrlLevel{1})->name == "报告级");
  CHECK(scale.find(TrlLevel{7})->name == "环境级");
  CHECK(scale.find(TrlLevel{13})->name == "回报级");
  CHECK_FALSE(scale.find(TrlLevel{13})->evidence.empty());
  CHECK(scale.contains(TrlLevel{13}));
  CHECK_FALSE(scale.contains(TrlLevel{14}));
  CHECK_FALSE(scale.contains(TrlLevel{0}));
}

TEST_CASE("profile: limits and thresholds come from the data") {
  const Profile& p = Profile::builtin();
  CHECK(p.limits().key_technologies_max == 5);
  CHECK(p.limits().overview_max == 1000);
  CHECK(p.limits().overview_count_mode == CountMode::word);
  CHECK(p.similarity().batch_duplicate == doctest::Approx(0.9));
  CHECK(p.package().summary_table_title == "2025年省级国际科技合作项目指南建议汇总表");
}

TEST_CASE("profile: a next year's call loads from a file") {
  auto text = *read_file(test::source_dir() / "data" / "profiles" / "shandong-2025.json");
  const std::string from = "\"key_technologies_max\": 5";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "\"key_technologies_max\": 8");
  ProfileLoadResult loaded = Profile::from_json(text);
  REQUIRE(loaded.profile);
  CHECK(loaded.profile->limits().key_technologies_max == 8);
}

TEST_CASE("profile: a bad profile is refused with the place of each problem") {
  SUBCASE("not JSON") {
    auto r = Profile::from_json("{\"format\": ");
    CHECK_FALSE(r.profile);
    CHECK(has(r.diagnostics, "format.json_invalid"));
  }
  SUBCASE("wrong format") {
    auto r = Profile::from_json(R"({"format": "zhinan.suggestion/1"})");
    CHECK_FALSE(r.profile);
    CHECK(r.diagnostics.front().path == "/format");
  }
  SUBCASE("a focus industry that does not exist, levels with a gap") {
    auto text = *read_file(test::source_dir() / "data" / "profiles" / "shandong-2025.json");
    auto at = text.find("\"high_end_chemicals\"", text.find("\"regions\""));
    text.replace(at, 20, "\"steel\"");
    at = text.find("\"level\": 2");
    text.replace(at, 10, "\"level\": 9");
    auto r = Profile::from_json(text);
    CHECK_FALSE(r.profile);
    CHECK(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                        [](const Diagnostic& d) { return d.id == "profile.invalid"; }) == 2);
    CHECK(r.diagnostics.back().path == "/trl_scale/1/level");
  }
  SUBCASE("a missing file") {
    auto r = Profile::from_file("/nonexistent/profile.json");
    CHECK_FALSE(r.profile);
    CHECK(has(r.diagnostics, "io.read_failed"));
  }
}

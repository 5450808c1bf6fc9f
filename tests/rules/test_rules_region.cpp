// Consistency with 二、重点合作国别（地区）和领域: focus fields, partner countries, type.
#include <doctest/doctest.h>

#include "rules_support.hpp"

using namespace zhinan;
using test::check;
using test::find;
using test::sample;
using test::says;

namespace {

std::vector<Partner> partners_in(std::initializer_list<const char*> countries) {
  std::vector<Partner> out;
  for (const char* c : countries) out.push_back(Partner{std::string("合作单位") + c, c, {}});
  return out;
}

}  // namespace

TEST_CASE("rules.region: an industry outside the region's focus fields warns") {
  auto s = sample("valid-sco");  // 现代高效农业 is a focus of 上合组织成员国
  s.industry = {"high_end_chemicals"};
  CHECK(check(s).empty());
  s.industry = {"biotech"};
  auto ds = check(s);
  REQUIRE(ds.size() == 1);
  const Diagnostic& d = ds[0];
  CHECK(d.id == "region.industry_outside_focus");
  CHECK(d.severity == Severity::warning);
  CHECK(d.path == "/industry");
  CHECK(says(&d, "产业领域“生物技术”"));
  CHECK(says(&d, "“上合组织成员国”"));
  CHECK(says(&d, "新能源、高端装备、高端化工、现代高效农业"));
  SUBCASE("labels are the same fields as codes") {
    s.industry = {"生物技术"};
    s.region = {"上合组织成员国"};
    CHECK(has(check(s), "region.industry_outside_focus"));
    s.industry = {"高端化工"};
    CHECK(check(s).empty());
  }
}

TEST_CASE("rules.region: each region's focus list is the one section 二 names") {
  struct Case {
    const char* region;
    const char* inside;
    const char* outside;
  };
  for (const Case& c : {Case{"multilateral", "health", "next_gen_it"},
                        Case{"innovation_leaders", "biotech", "modern_agriculture"},
                        Case{"sco", "new_energy", "modern_marine"},
                        Case{"belt_and_road", "low_altitude_economy", "new_materials"},
                        Case{"hk_macao_taiwan", "modern_marine", "high_end_chemicals"}}) {
    CAPTURE(c.region);
    auto s = sample("valid-sco");
    s.region = {c.region};
    s.partners.clear();
    s.partners = partners_in({"HK", "JP"});
    s.industry = {c.inside};
    CHECK_FALSE(has(check(s), "region.industry_outside_focus"));
    s.industry = {c.outside};
    CHECK(has(check(s), "region.industry_outside_focus"));
  }
}

TEST_CASE("rules.region: partners all outside the region warn, one inside does not") {
  auto s = sample("valid-sco");
  s.partners = partners_in({"US", "DE"});
  auto ds = check(s);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].id == "region.partner_mismatch");
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].path == "/partners");
  CHECK(says(&ds[0], "DE、US"));
  CHECK(says(&ds[0], "“上合组织成员国”"));
  CHECK(says(&ds[0], "外方合作单位"));

  s.partners = partners_in({"US", "KZ"});
  CHECK(check(s).empty());
  SUBCASE("no partners: nothing to compare") {
    s.partners.clear();
    CHECK(check(s).empty());
  }
  SUBCASE("partners all in China are a mismatch, not 'no partner'; beside a foreign one CN is left out") {
    s.partners = partners_in({"CN"});
    ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == "region.partner_mismatch");
    CHECK(says(&ds[0], "（CN）"));
    s.partners = partners_in({"CN", "KZ"});
    CHECK(check(s).empty());
    s.partners = partners_in({"CN", "US"});
    CHECK(has(check(s), "region.partner_mismatch"));
  }
  SUBCASE("country codes in lower case are the same countries") {
    s.partners = partners_in({"kz"});
    CHECK(check(s).empty());
    s.partners = partners_in({"cn", "us"});
    CHECK(has(check(s), "region.partner_mismatch"));
  }
  SUBCASE("港澳台 are HK, MO and TW") {
    auto h = sample("valid-hk-macao-taiwan");
    h.partners = partners_in({"TW"});
    CHECK(check(h).empty());
    h.partners = partners_in({"SG"});
    CHECK(has(check(h), "region.partner_mismatch"));
  }
  SUBCASE("the countries 二(四) names are always 一带一路 partners") {
    auto b = sample("valid-belt-and-road");
    for (const char* named : {"VN", "MY", "SG", "ZA", "BR", "IL"}) {
      CAPTURE(named);
      b.partners = partners_in({named});
      CHECK(check(b).empty());
    }
    b.partners = partners_in({"US"});
    CHECK(has(check(b), "region.partner_mismatch"));
  }
}

TEST_CASE("rules.region: a multilateral project has partners from 2 or more countries") {
  auto s = sample("valid-multilateral");
  s.partners = partners_in({"JP", "KR"});
  CHECK(check(s).empty());
  s.partners = partners_in({"JP", "RU", "HK"});  // any countries: 日韩、上合、港澳
  CHECK(check(s).empty());
  for (auto partners : {partners_in({"JP"}), partners_in({"JP", "JP"}), partners_in({"JP", "CN"})}) {
    s.partners = partners;
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == "region.multilateral_single_partner");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].path == "/partners");
    CHECK(says(&ds[0], "多边科技合作"));
    CHECK(says(&ds[0], "至少2个"));
    CHECK(says(&ds[0], "现有1个"));
    CHECK(ds[0].message_en.ends_with("there is 1"));  // English counts: one is singular
    CHECK_FALSE(has(ds, "region.partner_mismatch"));  // any country is in 多边
  }
  SUBCASE("no partners named counts as none") {
    s.partners.clear();
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].id == "region.multilateral_single_partner");
    CHECK(test::says(&ds[0], "现有0个"));
    CHECK(ds[0].message_en.ends_with("there are 0"));
  }
}

TEST_CASE("rules.region: innovation leaders are “引进来” projects") {
  auto s = sample("valid-innovation-leaders");
  REQUIRE(s.project_type.bring_in);
  CHECK(check(s).empty());
  s.project_type.bring_in = false;
  s.project_type.bring_in_subtypes.clear();
  s.project_type.go_global = true;
  auto ds = check(s);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].id == "region.leaders_not_bring_in");
  CHECK(ds[0].severity == Severity::warning);
  CHECK(ds[0].path == "/project_type/bring_in");
  CHECK(says(&ds[0], "创新领先国家"));
  CHECK(says(&ds[0], "“引进来”"));
  SUBCASE("other regions may go global only") {
    s.region = {"sco"};
    s.industry = {"new_energy"};
    s.partners = partners_in({"RU"});
    CHECK(check(s).empty());
  }
}

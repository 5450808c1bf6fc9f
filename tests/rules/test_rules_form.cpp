// 信息表, top half: 项目名称, 产业领域, 合作国别、地区, 项目类型, 项目概述.
#include <doctest/doctest.h>

#include "rules_support.hpp"
#include "zhinan/count.hpp"

using namespace zhinan;
using test::check;
using test::find;
using test::repeat;
using test::sample;
using test::says;

TEST_CASE("rules.title: an empty 项目名称 is an error at /title — any title passes") {
  auto s = sample("valid-sco");
  s.title = "X";
  CHECK_FALSE(has(check(s), "title.missing"));
  for (const char* blank : {"", "   ", "\t\r\n"}) {
    CAPTURE(blank);
    s.title = blank;
    auto ds = check(s);
    const Diagnostic* d = find(ds, "title.missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/title");
    CHECK(says(d, "项目名称"));
  }
}

TEST_CASE("rules.title: a title of full-width spaces only, as a Chinese IME types them, is missing") {
  auto s = sample("valid-sco");
  s.title = "\u3000\u3000";  // 全角空格
  CHECK(has(check(s), "title.missing"));
  s.title = "\u3000氢\u3000";
  CHECK_FALSE(has(check(s), "title.missing"));
}

TEST_CASE("rules.industry: exactly one 产业领域, ticked by code or by its label") {
  auto s = sample("valid-sco");
  SUBCASE("none ticked") {
    s.industry.clear();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "industry.missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/industry");
    CHECK(says(d, "产业领域"));
    CHECK(says(d, "低空经济"));  // the allowed fields are listed
  }
  SUBCASE("a field the call does not name") {
    s.industry = {"钢铁"};
    auto ds = check(s);
    const Diagnostic* d = find(ds, "industry.unknown");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/industry");
    CHECK(says(d, "“钢铁”"));
    CHECK_FALSE(has(ds, "region.industry_outside_focus"));  // unknown is not also outside
  }
  SUBCASE("two ticked (仅选择一个)") {
    s.industry = {"new_energy", "新材料"};
    auto ds = check(s);
    const Diagnostic* d = find(ds, "industry.multiple");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/industry");
    CHECK(says(d, "2个"));
    CHECK(says(d, "新能源、新材料"));
    CHECK_FALSE(has(ds, "industry.unknown"));
  }
  SUBCASE("one ticked, by its Chinese label, is the same as its code") {
    s.industry = {"现代高效农业"};
    CHECK(test::check(s).empty());
    s.industry = {"modern_agriculture"};
    CHECK(test::check(s).empty());
  }
}

TEST_CASE("rules.industry: a form written with the Chinese labels reads and checks as the codes") {
  std::string text = test::sample_text("valid-sco");
  for (auto [code, label] : {std::pair{"\"modern_agriculture\"", "\"现代高效农业\""},
                             std::pair{"\"sco\"", "\"上合组织成员国\""},
                             std::pair{"\"chokepoint\"", "\"“卡脖子”技术\""}}) {
    const auto at = text.find(code);
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string_view(code).size(), label);
  }
  ParseResult r = parse_suggestion(text);
  REQUIRE(r.suggestion);
  CHECK(r.diagnostics.empty());
  CHECK(check(*r.suggestion).empty());
}

TEST_CASE("rules.industry: 其他 needs the text after it") {
  auto s = sample("valid-other-industry");
  REQUIRE(s.industry == std::vector<std::string>{"other"});
  REQUIRE_FALSE(s.industry_other.empty());
  CHECK_FALSE(has(check(s), "industry.other_text_missing"));
  s.industry_other = "  ";
  auto ds = check(s);
  const Diagnostic* d = find(ds, "industry.other_text_missing");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/industry_other");
  CHECK(says(d, "其他"));
  SUBCASE("the label 其他 and its variant 其它 are 其他 too") {
    for (const char* label : {"其他", "其它"}) {
      s.industry = {label};
      CHECK(has(check(s), "industry.other_text_missing"));
    }
  }
  SUBCASE("a named field needs no text") {
    s.industry = {"new_energy"};
    CHECK_FALSE(has(check(s), "industry.other_text_missing"));
  }
}

TEST_CASE("rules.region: exactly one 合作国别、地区, by code or label") {
  auto s = sample("valid-sco");
  SUBCASE("none") {
    s.region.clear();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "region.missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/region");
    CHECK(says(d, "合作国别、地区"));
    CHECK(says(d, "“一带一路”共建国家"));
  }
  SUBCASE("not a region of the call") {
    s.region = {"欧盟"};
    auto ds = check(s);
    const Diagnostic* d = find(ds, "region.unknown");
    REQUIRE(d);
    CHECK(d->path == "/region");
    CHECK(says(d, "“欧盟”"));
    CHECK_FALSE(has(ds, "region.partner_mismatch"));  // nothing to compare with
  }
  SUBCASE("two") {
    s.region = {"sco", "港澳台地区"};
    auto ds = check(s);
    const Diagnostic* d = find(ds, "region.multiple");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/region");
    CHECK(says(d, "上合组织成员国、港澳台地区"));
  }
  SUBCASE("the label, and the label with ASCII quotes, are the code") {
    s.region = {"上合组织成员国"};
    CHECK(check(s).empty());
    auto b = sample("valid-belt-and-road");
    for (const char* label : {"“一带一路”共建国家", "\"一带一路\"共建国家", "一带一路共建国家"}) {
      CAPTURE(label);
      b.region = {label};
      CHECK(check(b).empty());
    }
  }
}

TEST_CASE("rules.type: “引进来” or “走出去”, at least one") {
  auto s = sample("valid-belt-and-road");  // go_global only
  REQUIRE(s.project_type.go_global);
  REQUIRE_FALSE(s.project_type.bring_in);
  CHECK_FALSE(has(check(s), "type.none"));
  s.project_type.go_global = false;
  s.project_type.platform = true;  // 可多选 flags are no type
  s.project_type.major_event = true;
  auto ds = check(s);
  const Diagnostic* d = find(ds, "type.none");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/project_type");
  CHECK(says(d, "项目类型"));
  s.project_type.bring_in = true;
  s.project_type.bring_in_subtypes = {"disruptive"};
  CHECK_FALSE(has(check(s), "type.none"));
}

TEST_CASE("rules.type: “引进来” takes exactly one of its sub-types (仅选择一种类型)") {
  auto s = sample("valid-sco");
  const std::string path = "/project_type/bring_in_subtypes";
  SUBCASE("one passes, by code or label") {
    CHECK(check(s).empty());
    s.project_type.bring_in_subtypes = {"0-1颠覆性技术"};
    CHECK(check(s).empty());
  }
  SUBCASE("none") {
    s.project_type.bring_in_subtypes.clear();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "type.bring_in_subtype_missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == path);
    CHECK(says(d, "“引进来”"));
    CHECK(says(d, "国产化替代"));
  }
  SUBCASE("two") {
    s.project_type.bring_in_subtypes = {"chokepoint", "domestic_substitution"};
    auto ds = check(s);
    const Diagnostic* d = find(ds, "type.bring_in_subtype_multiple");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == path);
    CHECK(says(d, "2种"));
    CHECK(says(d, "“卡脖子”技术、国产化替代"));
  }
  SUBCASE("a sub-type without “引进来”") {
    s.project_type.bring_in = false;  // go_global stays ticked
    auto ds = check(s);
    const Diagnostic* d = find(ds, "type.subtype_without_bring_in");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == path);
    CHECK(says(d, "“卡脖子”技术"));
    CHECK_FALSE(has(ds, "type.none"));
  }
  SUBCASE("a sub-type the call does not have") {
    s.project_type.bring_in_subtypes = {"技术引进"};
    auto ds = check(s);
    const Diagnostic* d = find(ds, "type.subtype_unknown");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == path + "/0");
    CHECK(says(d, "“技术引进”"));
    CHECK_FALSE(has(ds, "type.bring_in_subtype_missing"));  // one is ticked, just not a known one
  }
}

TEST_CASE("rules.overview: 1000 字 is allowed, 1001 is not") {
  auto s = sample("valid-sco");
  s.overview = repeat("氢", 1000);  // Word's 字数: each Han character counts 1
  REQUIRE(count_text(s.overview, CountMode::word) == 1000);
  CHECK_FALSE(has(check(s), "overview.too_long"));
  s.overview += "氢";
  auto ds = check(s);
  const Diagnostic* d = find(ds, "overview.too_long");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/overview");
  CHECK(says(d, "项目概述"));
  CHECK(says(d, "1000"));
  CHECK(says(d, "1001"));
  CHECK(d->message_en.find("1001") != std::string::npos);
}

TEST_CASE("rules.overview: counted as Word counts 字, not bytes or code points") {
  auto s = sample("valid-sco");
  // 999 Han characters and one run of Latin letters and digits: 1000 字, though 1012 code points.
  s.overview = repeat("氢", 999) + "H2O2-2024AI";
  CHECK_FALSE(has(check(s), "overview.too_long"));
  // Full-width punctuation counts 1 each: 1000 Han + 。 is 1001.
  s.overview = repeat("氢", 1000) + "。";
  CHECK(has(check(s), "overview.too_long"));
  // Spaces and line breaks count nothing.
  s.overview = repeat("氢 \n", 1000);
  CHECK_FALSE(has(check(s), "overview.too_long"));
}

TEST_CASE("rules.overview: empty is missing, not too long") {
  auto s = sample("valid-sco");
  for (const char* blank : {"", " \n "}) {
    s.overview = blank;
    auto ds = check(s);
    const Diagnostic* d = find(ds, "overview.missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/overview");
    CHECK(says(d, "项目概述"));
    CHECK_FALSE(has(ds, "overview.too_long"));
  }
  s.overview = "氢";
  CHECK_FALSE(has(check(s), "overview.missing"));
}

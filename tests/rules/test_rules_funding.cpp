// 项目实施投入计划 (万元), 项目指南建议来源 and 主管部门.
#include <doctest/doctest.h>

#include "rules_support.hpp"

using namespace zhinan;
using test::check;
using test::find;
using test::paths_of;
using test::sample;
using test::says;

namespace {

DecimalText amount(const char* literal, bool quoted = true) { return DecimalText{literal, quoted}; }

}  // namespace

TEST_CASE("rules.funding: the total is a positive amount — 0 is not") {
  auto s = sample("valid-sco");
  SUBCASE("missing") {
    s.funding.total.reset();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "funding.total_missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/funding/total");
    CHECK(says(d, "项目计划总投入"));
    CHECK_FALSE(has(ds, "funding.provincial_exceeds_total"));
  }
  SUBCASE("an empty string is missing") {
    s.funding.total = amount(" ");
    CHECK(has(check(s), "funding.total_missing"));
  }
  for (const char* bad : {"0", "-1260", "三百万", "1,260", "1260万元"}) {
    CAPTURE(bad);
    s.funding.total = amount(bad);
    auto ds = check(s);
    const Diagnostic* d = find(ds, "funding.total_invalid");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/funding/total");
    CHECK(says(d, "项目计划总投入"));
    CHECK(says(d, std::string("“") + bad + "”"));
    CHECK_FALSE(has(ds, "funding.provincial_exceeds_total"));
  }
  for (const char* good : {"0.01", "1260", "1e3"}) {
    CAPTURE(good);
    s.funding.total = amount(good, false);
    s.funding.provincial = amount("0");
    CHECK(check(s).empty());
  }
}

TEST_CASE("rules.funding: the provincial amount may be 0 but not negative") {
  auto s = sample("valid-sco");
  s.funding.provincial = amount("0", false);
  CHECK(check(s).empty());
  SUBCASE("missing") {
    s.funding.provincial.reset();
    auto ds = check(s);
    const Diagnostic* d = find(ds, "funding.provincial_missing");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/funding/provincial");
    CHECK(says(d, "省财政资金支持强度建议"));
  }
  for (const char* bad : {"-0.5", "三百", ""}) {
    CAPTURE(bad);
    s.funding.provincial = amount(bad);
    auto ds = check(s);
    if (*bad == '\0') {
      CHECK(has(ds, "funding.provincial_missing"));
      continue;
    }
    const Diagnostic* d = find(ds, "funding.provincial_invalid");
    REQUIRE(d);
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/funding/provincial");
    CHECK(says(d, "省财政资金支持强度建议"));
    CHECK(says(d, bad));
  }
}

TEST_CASE("rules.funding: provincial equal to the total passes, above it fails") {
  auto s = sample("valid-sco");
  s.funding.total = amount("1260", false);
  s.funding.provincial = amount("1260.00");
  CHECK(check(s).empty());
  s.funding.provincial = amount("1260.01");
  auto ds = check(s);
  const Diagnostic* d = find(ds, "funding.provincial_exceeds_total");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/funding/provincial");
  CHECK(says(d, "省财政资金支持强度建议（1260.01万元）"));
  CHECK(says(d, "项目计划总投入（1260万元）"));
  CHECK(ds.size() == 1);
}

TEST_CASE("rules.funding: compared exactly, never as binary floating point") {
  auto s = sample("valid-sco");
  s.funding.total = amount("0.3", false);
  s.funding.provincial = amount("0.3");  // 0.1 + 0.2 > 0.3 in double; not here
  CHECK(check(s).empty());
  s.funding.total = amount("99999999.99", false);
  s.funding.provincial = amount("99999999.98");
  CHECK(check(s).empty());
}

TEST_CASE("rules.funding: 2 decimals of 万元 pass, 3 warn") {
  auto s = sample("valid-sco");
  s.funding.total = amount("1260.25", false);
  s.funding.provincial = amount("300.55");
  CHECK(check(s).empty());
  s.funding.provincial = amount("300.50");  // a trailing zero is no extra precision
  CHECK(check(s).empty());

  s.funding.provincial = amount("300.555");
  auto ds = check(s);
  const Diagnostic* d = find(ds, "funding.precision");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
  CHECK(d->path == "/funding/provincial");
  CHECK(says(d, "省财政资金支持强度建议“300.555”"));
  CHECK(says(d, "超过2位"));
  CHECK_FALSE(has_errors(ds));

  s.funding.total = amount("1260.125", false);
  CHECK(paths_of(check(s), "funding.precision") == std::vector<std::string>{"/funding/total", "/funding/provincial"});
  CHECK(says(find(check(s), "funding.precision"), "项目计划总投入“1260.125”"));
}

TEST_CASE("rules.source: 建议单位, 建议人, 职称/职务 and 联系电话 are each required") {
  struct Field {
    std::string Source::*member;
    const char* id;
    const char* path;
    const char* zh;
  };
  const Field fields[] = {
      {&Source::unit, "source.unit_missing", "/source/unit", "建议单位"},
      {&Source::proposer, "source.proposer_missing", "/source/proposer", "建议人"},
      {&Source::position, "source.position_missing", "/source/position", "职称/职务"},
      {&Source::phone, "source.phone_missing", "/source/phone", "联系电话"},
  };
  for (const Field& f : fields) {
    for (const char* blank : {"", "\t", "\u3000"}) {  // 全角空格 is blank too
      CAPTURE(f.id);
      CAPTURE(blank);
      auto s = sample("valid-sco");
      s.source.*f.member = blank;
      auto ds = check(s);
      REQUIRE(ds.size() == 1);
      CHECK(ds[0].id == f.id);
      CHECK(ds[0].severity == Severity::error);
      CHECK(ds[0].path == f.path);
      CHECK(says(&ds[0], f.zh));
    }
  }
}

TEST_CASE("rules.source: the phone must be a Chinese mobile or landline number") {
  auto s = sample("valid-sco");
  for (const char* good : {"0546-8316725", "13912345678", "+86 139 1234 5678", "(0535)6913071", "0535-6913071转8001",
                           "400-123-4567", "０５３５－６９１３０７１"}) {
    CAPTURE(good);
    s.source.phone = good;
    CHECK(check(s).empty());
  }
  for (const char* bad : {"12345", "12345678901", "010-12345678", "+1 202 555 0100", "电话", "0535-691307"}) {
    CAPTURE(bad);
    s.source.phone = bad;
    auto ds = check(s);
    REQUIRE(ds.size() == 1);
    const Diagnostic& d = ds[0];
    CHECK(d.id == "source.phone_invalid");
    CHECK(d.severity == Severity::error);
    CHECK(d.path == "/source/phone");
    CHECK(says(&d, "联系电话"));
    CHECK(says(&d, std::string("“") + bad + "”"));
  }
}

TEST_CASE("rules.department: the 主管部门 that recommends it is required") {
  auto s = sample("valid-sco");
  s.department = "";
  auto ds = check(s);
  const Diagnostic* d = find(ds, "department.missing");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  CHECK(d->path == "/department");
  CHECK(says(d, "主管部门"));
  s.department = "省直有关部门";
  CHECK(check(s).empty());
}

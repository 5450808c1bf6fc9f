#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support.hpp"
#include "zhinan/suggestion_json.hpp"

using namespace zhinan;
using zhinan::test::repeat;

namespace {

const Diagnostic* find(const Diagnostics& ds, std::string_view id) {
  for (const auto& d : ds)
    if (d.id == id) return &d;
  return nullptr;
}

std::string doc(const std::string& members) {
  return R"({"format": "zhinan.suggestion/1")" + (members.empty() ? "" : ", " + members) + "}";
}

}  // namespace

TEST_CASE("json: every bundled sample reads and its canonical form is a fixed point") {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::samples_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++seen;
    CAPTURE(entry.path().filename().string());
    ParseResult first = read_suggestion_file(entry.path());
    REQUIRE(first.suggestion);
    CHECK_FALSE(has_errors(first.diagnostics));
    const std::string canonical = to_json(*first.suggestion);
    ParseResult second = parse_suggestion(canonical);
    REQUIRE(second.suggestion);
    CHECK(*second.suggestion == *first.suggestion);
    CHECK(to_json(*second.suggestion) == canonical);
  }
  CHECK(seen >= 6);
}

TEST_CASE("json: labels are read as codes, and several ticked boxes stay several") {
  ParseResult r = parse_suggestion(doc(R"("industry": "新能源", "region": ["上合组织成员国", "港澳台地区"],
      "project_type": {"bring_in": true, "bring_in_subtypes": "“卡脖子”技术"})"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry == std::vector<std::string>{"new_energy"});
  CHECK(r.suggestion->region == std::vector<std::string>{"sco", "hk_macao_taiwan"});
  CHECK(r.suggestion->project_type.bring_in_subtypes == std::vector<std::string>{"chokepoint"});
  CHECK(r.diagnostics.empty());
}

TEST_CASE("json: text that is no code is kept as written for the rules to report") {
  ParseResult r = parse_suggestion(doc(R"("industry": "钢铁")"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry == std::vector<std::string>{"钢铁"});
}

TEST_CASE("json: amounts keep their exact decimal, as number or string") {
  ParseResult r = parse_suggestion(doc(R"("funding": {"total": 1200.55, "provincial": "300.5"})"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->funding.total->literal == "1200.55");
  CHECK_FALSE(r.suggestion->funding.total->quoted);
  CHECK(r.suggestion->funding.total->money()->units() == 1'200'550'000);
  CHECK(r.suggestion->funding.provincial->quoted);
  const std::string out = to_json(*r.suggestion);
  CHECK(out.find("\"total\": 1200.55") != std::string::npos);
  CHECK(out.find("\"provincial\": \"300.5\"") != std::string::npos);
}

TEST_CASE("json: unknown fields warn and survive the round trip") {
  ParseResult r = parse_suggestion(doc(R"("titel": "x", "source": {"unit": "山东大学", "fax": [1, {"a": null}]})"));
  REQUIRE(r.suggestion);
  std::vector<std::string> paths;
  for (const auto& d : r.diagnostics) {
    CHECK(d.id == "format.unknown_field");
    CHECK(d.severity == Severity::warning);
    paths.push_back(d.path);
  }
  CHECK(paths == std::vector<std::string>{"/source/fax", "/titel"});
  const std::string out = to_json(*r.suggestion);
  CHECK(out.find("\"titel\": \"x\"") != std::string::npos);
  CHECK(out.find("\"fax\": [1,{\"a\":null}]") != std::string::npos);
  CHECK(to_json(*parse_suggestion(out).suggestion) == out);
}

TEST_CASE("json: a field of the wrong type is reported at its JSON pointer and read as empty") {
  ParseResult r = parse_suggestion(doc(R"("title": 5, "key_technologies": [{"name": "x", "trl_current": "四"}, 7],
      "project_type": {"go_global": "yes"}, "funding": {"total": true})"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title.empty());
  std::vector<std::string> paths;
  for (const auto& d : r.diagnostics) {
    CHECK(d.id == "format.wrong_type");
    CHECK(d.severity == Severity::error);
    paths.push_back(d.path);
  }
  CHECK(paths == std::vector<std::string>{"/title", "/project_type/go_global", "/key_technologies/0/trl_current",
                                          "/key_technologies/1", "/funding/total"});
  CHECK(find(r.diagnostics, "format.wrong_type")->message_zh.find("字符串") != std::string::npos);
}

TEST_CASE("json: a whole-number level written as 4.0 is level 4 — 4.5 is not a level") {
  auto r = parse_suggestion(doc(R"("key_technologies": [{"trl_current": 4.0, "trl_expected": 4.5}])"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->key_technologies[0].trl.current == TrlLevel{4});
  CHECK_FALSE(r.suggestion->key_technologies[0].trl.expected);
  CHECK(has(r.diagnostics, "format.wrong_type"));
}

TEST_CASE("json: null reads as absent") {
  auto r = parse_suggestion(doc(R"("title": null, "report": null)"));
  REQUIRE(r.suggestion);
  CHECK(r.diagnostics.empty());
  CHECK_FALSE(r.suggestion->report);
}

TEST_CASE("json: the format version is checked") {
  auto other = parse_suggestion(R"({"format": "zhinan.suggestion/2", "title": "x"})");
  CHECK_FALSE(other.suggestion);
  CHECK(find(other.diagnostics, "format.version_unsupported")->path == "/format");
  auto missing = parse_suggestion(R"({"title": "x"})");
  REQUIRE(missing.suggestion);
  CHECK(has(missing.diagnostics, "format.version_unsupported"));
}

TEST_CASE("json: broken input gives a located format error, never a crash") {
  SUBCASE("truncated") {
    auto r = parse_suggestion("{\"format\": \"zhinan.suggestion/1\",\n  \"title\": \"氢能");
    CHECK_FALSE(r.suggestion);
    const Diagnostic* d = find(r.diagnostics, "format.json_invalid");
    REQUIRE(d);
    CHECK(d->location == TextLocation{2, 15});  // just past 氢能
  }
  SUBCASE("a syntax error on line 3") {
    auto r = parse_suggestion("{\n\"format\": \"zhinan.suggestion/1\",\n\"title\": \"x\" \"y\"}");
    REQUIRE(find(r.diagnostics, "format.json_invalid"));
    CHECK(r.diagnostics[0].location->line == 3);
    CHECK(r.diagnostics[0].message_zh.starts_with("第3行"));
  }
  SUBCASE("invalid UTF-8") {
    auto r = parse_suggestion("{\"format\": \"zhinan.suggestion/1\", \"title\": \"\xC0\xAF\"}");
    CHECK_FALSE(r.suggestion);
    CHECK(find(r.diagnostics, "format.utf8_invalid")->location == TextLocation{1, 45});
  }
  SUBCASE("GBK, as an old Notepad saves it, is recognised and the fix explained") {
    // {"title": "氢能"} in GBK: C7E2 C4DC
    auto r = parse_suggestion("{\"format\": \"zhinan.suggestion/1\", \"title\": \"\xC7\xE2\xC4\xDC\"}");
    const Diagnostic* d = find(r.diagnostics, "format.utf8_invalid");
    REQUIRE(d);
    CHECK(d->message_zh.find("GBK") != std::string::npos);
    CHECK(d->message_zh.find("UTF-8") != std::string::npos);
  }
  SUBCASE("UTF-16") {
    auto r = parse_suggestion(std::string("\xFF\xFE{\0\"\0", 6));
    CHECK(has(r.diagnostics, "format.utf8_invalid"));
  }
  SUBCASE("empty and white space only") {
    CHECK(has(parse_suggestion("").diagnostics, "format.json_invalid"));
    CHECK(find(parse_suggestion(" \n\t").diagnostics, "format.json_invalid")->location);
  }
  SUBCASE("binary") {
    std::string binary("PK\x03\x04\x14\x00\x00\x00", 8);
    auto r = parse_suggestion(binary);
    CHECK_FALSE(r.suggestion);
    CHECK(find(r.diagnostics, "format.json_invalid")->message_en.find("binary") != std::string::npos);
  }
  SUBCASE("nesting 100,000 deep") {
    auto r = parse_suggestion(doc("\"x\": " + repeat("[", 100'000)));
    CHECK_FALSE(r.suggestion);
    CHECK(find(r.diagnostics, "format.json_invalid")->location->column > 64);
  }
  SUBCASE("a 3.9 MB string reads") {  // under limits.max_suggestion_bytes, 4 MB
    auto r = parse_suggestion(doc("\"overview\": \"" + repeat("氢", 1'300'000) + "\""));
    REQUIRE(r.suggestion);
    CHECK(r.suggestion->overview.size() == 3'900'000);
  }
  SUBCASE("the root is not an object") {
    auto r = parse_suggestion("[1, 2]");
    CHECK_FALSE(r.suggestion);
    CHECK(has(r.diagnostics, "format.wrong_type"));
  }
  SUBCASE("extra text after the object") {
    auto r = parse_suggestion(doc("") + " }");
    CHECK(find(r.diagnostics, "format.json_invalid")->location == TextLocation{1, 35});
  }
}

TEST_CASE("json: a UTF-8 BOM from Notepad is accepted") {
  auto r = parse_suggestion("\xEF\xBB\xBF" + doc(R"("title": "氢能")"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title == "氢能");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("json: control characters and quotes are escaped, Chinese stays literal") {
  Suggestion s;
  s.title = "“氢”\"a\"\\\n\t\x01";
  const std::string out = to_json(s);
  CHECK(out.find(R"("title": "“氢”\"a\"\\\n\t\u0001")") != std::string::npos);
  CHECK(parse_suggestion(out).suggestion->title == s.title);
}

TEST_CASE("json: an unreadable file is an I/O finding, not a crash") {
  auto r = read_suggestion_file("/nonexistent/x.json");
  CHECK_FALSE(r.suggestion);
  CHECK(has(r.diagnostics, "io.read_failed"));
  auto dir = read_suggestion_file(test::samples_dir());
  CHECK(has(dir.diagnostics, "io.read_failed"));
}

TEST_CASE("json: the same box ticked twice, as code and as label, is one box") {
  auto r = parse_suggestion(doc(R"("industry": ["new_energy", "新能源"], "region": ["sco", "sco"])"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry == std::vector<std::string>{"new_energy"});
  CHECK(r.suggestion->region == std::vector<std::string>{"sco"});
}

TEST_CASE("json: indicator categories are read from their Chinese names") {
  auto r = parse_suggestion(doc(R"("report": {"performance_targets": [{"category": "知识产权", "text": "专利"},
      {"category": "经济效益"}, {"category": "社会效益"}, {"category": "人才"}, {"category": "技术指标"}]})"));
  REQUIRE(r.suggestion);
  std::vector<std::string> codes;
  for (const auto& i : r.suggestion->report->performance_targets) codes.push_back(i.category);
  CHECK(codes == std::vector<std::string>{"ip", "economic", "social", "talent", "technical"});
}

TEST_CASE("json: a NUL character in a text is removed and reported, so C strings carry the rest") {
  auto r = parse_suggestion(doc(R"("title": "氢\u0000能")"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title == "氢能");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].id == "format.nul_character");
  CHECK(r.diagnostics[0].path == "/title");
}

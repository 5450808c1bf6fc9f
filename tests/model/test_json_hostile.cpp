// Hostile and careless JSON (issue 12): numbers no double holds, keys given twice, empty
// items, a text where a number belongs, files far larger than any suggestion.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

using namespace zhinan;
using zhinan::test::repeat;

namespace {

const Diagnostic* find(const Diagnostics& ds, std::string_view id) {
  for (const auto& d : ds)
    if (d.id == id) return &d;
  return nullptr;
}

std::size_t count_of(const Diagnostics& ds, std::string_view id) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.id == id;
  return n;
}

std::string doc(const std::string& members) { return R"({"format": "zhinan.suggestion/1", )" + members + "}"; }

// valid-sco with its total written as `total` (a JSON literal).
std::string sample_with_total(const std::string& total) {
  std::string text = test::sample_text("valid-sco");
  const std::string was = "\"total\": 1260";
  const auto at = text.find(was);
  REQUIRE(at != std::string::npos);
  return text.replace(at, was.size(), "\"total\": " + total);
}

Diagnostics validated(const ParseResult& r) {
  REQUIRE(r.suggestion);
  Diagnostics ds = r.diagnostics;
  for (Diagnostic& d : validate(*r.suggestion)) ds.push_back(std::move(d));
  return ds;
}

bool says(const Diagnostic* d, std::string_view text) {
  return d && d->message_zh.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("json.hostile: 1e400, 1e999999 and a 100,001-digit total are kept as written, never inf") {
  for (const std::string& literal : {std::string("1e400"), std::string("1e999999"), std::string("-1E+400"),
                                     repeat("1", 100'001)}) {
    CAPTURE(literal.substr(0, 20));
    ParseResult r = parse_suggestion(sample_with_total(literal));
    REQUIRE(r.suggestion);
    CHECK(r.suggestion->funding.total->literal == literal);
    CHECK_FALSE(r.suggestion->funding.total->quoted);
    const std::string out = to_json(*r.suggestion);
    CHECK(out.find("\"total\": " + literal + ",") != std::string::npos);
    CHECK(out.find("inf") == std::string::npos);
    CHECK(to_json(*parse_suggestion(out).suggestion) == out);  // the canonical form is still JSON
    const Diagnostics ds = validated(r);
    const Diagnostic* d = find(ds, "funding.total_invalid");
    CHECK(says(d, "金额超出可表示的范围"));
    CHECK(d->message_zh.size() < 400);  // quotes the literal's ends, not its 100,001 digits
  }
}

TEST_CASE("json.hostile: 1e-400 is not 0, 1.000000000000000000000000000001 is not 1") {
  for (const char* literal : {"1e-400", "1.000000000000000000000000000001", "0.0000001"}) {
    CAPTURE(literal);
    ParseResult r = parse_suggestion(sample_with_total(literal));
    REQUIRE(r.suggestion);
    CHECK(r.suggestion->funding.total->literal == literal);
    CHECK_FALSE(r.suggestion->funding.total->money());
    const Diagnostics ds = validated(r);  // kept: the finding points into it
    const Diagnostic* d = find(ds, "funding.total_invalid");
    CHECK(says(d, "金额超出可表示的范围"));
    CHECK(says(d, std::string("“") + literal + "”"));
  }
  // Precision beyond a hundred yuan but within a fen is held, and warned about.
  ParseResult r = parse_suggestion(sample_with_total("1260.000001"));
  CHECK(r.suggestion->funding.total->money()->units() == 1'260'000'001);
  CHECK(has(validated(r), "funding.precision"));
}

TEST_CASE("json.hostile: a 26-digit total keeps its digits, not 1e+26") {
  ParseResult r = parse_suggestion(sample_with_total("12345678901234567890123456"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->funding.total->literal == "12345678901234567890123456");
  CHECK(says(find(validated(r), "funding.total_invalid"), "12345678901234567890123456"));
  // A number a double would round is exact: 1200.55 stays 1200.55, 0.1 + 0.2 is 0.3.
  ParseResult exact = parse_suggestion(doc(R"("funding": {"total": 9007199254740993.5, "provincial": 0.30})"));
  CHECK(exact.suggestion->funding.total->literal == "9007199254740993.5");
  CHECK(exact.suggestion->funding.provincial->literal == "0.30");
}

TEST_CASE("json.hostile: an amount as text is a plain decimal — \"1e3\" is refused, \" 12 \" is 12") {
  ParseResult r = parse_suggestion(doc(R"("funding": {"total": "1e3", "provincial": " 12 "})"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->funding.total->literal == "1e3");
  CHECK_FALSE(r.suggestion->funding.total->money());
  CHECK(r.suggestion->funding.provincial->literal == "12");  // trimmed, never kept with spaces
  CHECK(r.suggestion->funding.provincial->quoted);
  CHECK(r.suggestion->funding.provincial->money()->to_string() == "12");
  CHECK(to_json(*r.suggestion).find("\"provincial\": \"12\"") != std::string::npos);
  const Diagnostics ds = validate(*r.suggestion);
  CHECK(says(find(ds, "funding.total_invalid"), "“1e3”不是大于0的金额"));
  CHECK_FALSE(has(ds, "funding.provincial_invalid"));
  // The blanks a Chinese input method types go too; a JSON number may use its exponent.
  ParseResult wide = parse_suggestion(doc("\"funding\": {\"total\": \"\u3000300.5\\t\", \"provincial\": 1.2e2}"));
  REQUIRE(wide.suggestion);
  CHECK(wide.suggestion->funding.total->literal == "300.5");
  CHECK(wide.suggestion->funding.provincial->money()->to_string() == "120");
}

TEST_CASE("json.hostile: a key given twice is format.duplicate_key at its pointer, line and column") {
  const std::string text =
      "{\"format\": \"zhinan.suggestion/1\",\n"
      "  \"title\": \"第一个\",\n"
      "  \"title\": \"第二个\",\n"
      "  \"key_technologies\": [{\"name\": \"a\"}, {\"name\": \"b\", \"na\\u006De\": \"c\"}]}";
  ParseResult r = parse_suggestion(text);
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title == "第一个");  // the first stands; neither wins silently
  CHECK(r.suggestion->key_technologies.at(1).name == "b");
  REQUIRE(count_of(r.diagnostics, "format.duplicate_key") == 2);
  const Diagnostic& title = r.diagnostics[0];
  CHECK(title.id == "format.duplicate_key");
  CHECK(title.severity == Severity::error);
  CHECK(title.path == "/title");
  CHECK(title.location == TextLocation{3, 3});
  CHECK(title.message_zh.starts_with("第3行第3列"));
  CHECK(title.message_zh.find("“title”") != std::string::npos);
  const Diagnostic& name = r.diagnostics[1];
  CHECK(name.path == "/key_technologies/1/name");  // written with an escape, still the same key
  CHECK(name.location == TextLocation{4, 53});
}

TEST_CASE("json.hostile: keys given twice in an object of many members are all found") {
  // Past sixteen members the keys are looked up through a hash set instead of one by one.
  std::string members;
  for (int i = 0; i < 40; ++i) members += ", \"k" + std::to_string(i) + "\": " + std::to_string(i);
  ParseResult r = parse_suggestion(doc(R"("x": {"k0": -1)" + members + ", \"k39\": 99, \"k41\": 41}"));
  REQUIRE(r.suggestion);
  std::vector<std::string> paths;
  for (const auto& d : r.diagnostics)
    if (d.id == "format.duplicate_key") paths.push_back(d.path);
  // k0 repeats as member 1 (found by the scan), k39 as member 41 (found through the set).
  CHECK(paths == std::vector<std::string>{"/x/k0", "/x/k39"});
  REQUIRE(r.suggestion->unknown.size() == 1);
  CHECK(r.suggestion->unknown[0].second.starts_with(R"({"k0":-1,"k1":1,)"));
  CHECK(r.suggestion->unknown[0].second.ends_with(R"("k39":39,"k41":41})"));
  // The outer object past sixteen members, then nesting deeper than before, then a key of
  // the outer object again: its keys are still where its look-up finds them.
  std::string outer;
  for (int i = 0; i < 20; ++i) outer += "\"u" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  ParseResult deep = parse_suggestion(doc(outer + R"("n": {"a": {"b": {"c": [{"d": 1}]}}}, "u3": 0, "u19": 0)"));
  REQUIRE(deep.suggestion);
  paths.clear();
  for (const auto& d : deep.diagnostics)
    if (d.id == "format.duplicate_key") paths.push_back(d.path);
  CHECK(paths == std::vector<std::string>{"/u3", "/u19"});
}

TEST_CASE("json.hostile: a duplicate's skipped value leaves every later number exact") {
  ParseResult r = parse_suggestion(doc(
      R"("funding": {"total": 1.5, "total": {"x": [2.5, {"y": 3.5}]}, "provincial": 0.25}, "x": [4.5, 5.50])"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->funding.total->literal == "1.5");
  CHECK(r.suggestion->funding.provincial->literal == "0.25");
  CHECK(has(r.diagnostics, "format.duplicate_key"));
  // Unknown fields keep their numbers as written too.
  REQUIRE(r.suggestion->unknown.size() == 1);
  CHECK(r.suggestion->unknown[0].second == "[4.5,5.50]");
  ParseResult big = parse_suggestion(doc(R"("x": {"n": 1e400, "m": 12345678901234567890123})"));
  CHECK(big.suggestion->unknown[0].second == R"({"n":1e400,"m":12345678901234567890123})");
}

TEST_CASE("json.hostile: an indicator target without a digit is format.wrong_type") {
  ParseResult r = parse_suggestion(doc(R"("report": {"technical_indicators": [
      {"category": "technical", "text": "效率", "target": "str"},
      {"category": "technical", "text": "效率", "target": "≥95%"},
      {"category": "technical", "text": "效率", "target": "９５"},
      {"category": "technical", "text": "效率", "target": 95}]})"));
  REQUIRE(r.suggestion);
  REQUIRE(count_of(r.diagnostics, "format.wrong_type") == 1);
  const Diagnostic* d = find(r.diagnostics, "format.wrong_type");
  CHECK(d->path == "/report/technical_indicators/0/target");
  CHECK(d->message_zh.find("“str”") != std::string::npos);
  const auto& items = r.suggestion->report->technical_indicators;
  CHECK_FALSE(items[0].target);  // read as absent, like every wrong type
  CHECK(items[1].target->literal == "≥95%");
  CHECK(items[2].target);
  CHECK(items[3].target->literal == "95");
}

TEST_CASE("json.hostile: evidence [{}] is no evidence, partners [{}] is partners.incomplete") {
  Suggestion s = test::sample("valid-sco");
  s.key_technologies[0].trl.evidence = {Evidence{}};
  s.partners.push_back(Partner{});
  s.partners.push_back(Partner{"莫斯科国立大学", "", {}});
  const std::string text = to_json(s);
  CHECK(text.find("{}") != std::string::npos);
  ParseResult r = parse_suggestion(text);
  const Diagnostics ds = validated(r);
  const Diagnostic* evidence = find(ds, "key_tech.evidence_missing");
  REQUIRE(evidence);
  CHECK(evidence->path == "/key_technologies/0/evidence");
  REQUIRE(count_of(ds, "partners.incomplete") == 2);
  const Diagnostic* partner = find(ds, "partners.incomplete");
  CHECK(partner->severity == Severity::warning);
  CHECK(partner->path == "/partners/2/name");
  CHECK(partner->message_zh == "第3个外方合作单位未填写名称和国家或地区");
  CHECK(ds.back().path == "/partners/3/country");
}

TEST_CASE("json.hostile: a suggestion over limits.max_suggestion_bytes is format.too_large, unread") {
  const std::size_t limit = Profile::builtin().limits().max_suggestion_bytes;
  CHECK(limit == 4u * 1024 * 1024);
  std::string at_limit = doc(R"("title": "x")");
  at_limit.append(limit - at_limit.size(), ' ');
  CHECK(parse_suggestion(at_limit).suggestion);
  ParseResult over = parse_suggestion(at_limit + " ");
  CHECK_FALSE(over.suggestion);
  REQUIRE(over.diagnostics.size() == 1);
  const Diagnostic& d = over.diagnostics[0];
  CHECK(d.id == "format.too_large");
  CHECK(d.severity == Severity::error);
  CHECK(d.message_zh.find("4194305字节") != std::string::npos);  // the size
  CHECK(d.message_zh.find("4194304字节") != std::string::npos);  // and the limit
  CHECK(d.message_en.find("limits.max_suggestion_bytes") != std::string::npos);
  // Bytes that are not even JSON are refused the same, before the parser sees them.
  CHECK(parse_suggestion(std::string(limit + 1, '[')).diagnostics.at(0).id == "format.too_large");
}

TEST_CASE("json.hostile: a profile sets the size limit, and a file over it is not read") {
  std::string text = *read_file(test::source_dir() / "data" / "profiles" / "shandong-2025.json");
  const std::string was = "\"max_suggestion_bytes\": 4194304";
  REQUIRE(text.find(was) != std::string::npos);
  auto with = [&](const std::string& value) {
    std::string changed = text;
    return Profile::from_json(changed.replace(changed.find(was), was.size(), "\"max_suggestion_bytes\": " + value));
  };
  ProfileLoadResult small = with("2048");
  REQUIRE(small.profile);
  CHECK(small.profile->limits().max_suggestion_bytes == 2048);
  CHECK(has(parse_suggestion(doc("\"title\": \"" + repeat("氢", 1000) + "\""), *small.profile).diagnostics,
            "format.too_large"));
  for (const char* bad : {"100", "\"4 MB\"", "4194304.5", "1e12", "-1"}) {
    CAPTURE(bad);
    ProfileLoadResult refused = with(bad);
    CHECK_FALSE(refused.profile);
    CHECK(find(refused.diagnostics, "profile.invalid")->path == "/limits/max_suggestion_bytes");
  }
  std::string without = text;
  without.replace(without.find(",\n    " + was), was.size() + 6, "");
  ProfileLoadResult absent = Profile::from_json(without);
  REQUIRE(absent.profile);
  CHECK(absent.profile->limits().max_suggestion_bytes == 4u * 1024 * 1024);

  const auto file = std::filesystem::temp_directory_path() / "zhinan-test-too-large.json";
  std::ofstream(file, std::ios::binary) << doc("\"title\": \"" + repeat("氢", 1000) + "\"");
  ParseResult r = read_suggestion_file(file, *small.profile);
  std::filesystem::remove(file);
  CHECK_FALSE(r.suggestion);
  CHECK(find(r.diagnostics, "format.too_large"));
}

TEST_CASE("json.hostile: one mistake a thousand times lists 100 findings and one that counts the rest") {
  std::string items;
  for (int i = 0; i < 1000; ++i) items += i ? ",7" : "7";
  ParseResult r = parse_suggestion(doc("\"key_technologies\": [" + items + "]"));
  REQUIRE(r.suggestion);
  REQUIRE(count_of(r.diagnostics, "format.wrong_type") == 101);
  const Diagnostic& last = r.diagnostics.back();
  CHECK(last.path == "/key_technologies/100");
  CHECK(last.message_zh.find("还有900处") != std::string::npos);
  CHECK(last.severity == Severity::error);

  Suggestion s = test::sample("valid-sco");
  s.key_technologies.resize(1000);  // 997 without a name, levels or evidence
  const Diagnostics ds = validate(s);
  CHECK(count_of(ds, "key_tech.name_missing") == 101);
  CHECK(count_of(ds, "key_tech.trl_missing") == 101);
  CHECK(has(ds, "key_tech.too_many"));
  CHECK(ds.size() < 400);
}

// Hostile text in suggestion JSON (issue 12): other encodings, ill-formed UTF-8, lone
// surrogates, NUL and control characters, values a message quotes, 10^5 choices.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "support.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

using namespace zhinan;
using namespace std::string_literals;
using zhinan::test::repeat;

namespace {

const Diagnostic* find(const Diagnostics& ds, std::string_view id) {
  for (const auto& d : ds)
    if (d.id == id) return &d;
  return nullptr;
}

std::string doc(const std::string& members) { return R"({"format": "zhinan.suggestion/1", )" + members + "}"; }

std::size_t count_of(const Diagnostics& ds, std::string_view id) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.id == id ? 1 : 0;
  return n;
}

std::string param(const Diagnostic* d, std::string_view name) {
  if (d)
    for (const auto& [k, v] : d->params)
      if (k == name) return v;
  return "";
}

bool has_control(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 && c != '\n') return true;
  return false;
}

}  // namespace

TEST_CASE("json.encoding: UTF-16 and UTF-32, with a BOM or without, and GB18030 name their encoding") {
  const std::string json = doc(R"("title": "x")");
  auto wide = [&](bool big, int width) {
    std::string out;
    for (char c : json) {
      std::string unit(static_cast<std::size_t>(width), '\0');
      unit[big ? unit.size() - 1 : 0] = c;
      out += unit;
    }
    return out;
  };
  struct Case {
    std::string bytes, encoding, bom;
  };
  for (const Case& c : {Case{"\xFF\xFE"s + wide(false, 2), "UTF-16LE", "yes"}, Case{wide(false, 2), "UTF-16LE", "no"},
                        Case{"\xFE\xFF"s + wide(true, 2), "UTF-16BE", "yes"}, Case{wide(true, 2), "UTF-16BE", "no"},
                        Case{"\xFF\xFE\0\0"s + wide(false, 4), "UTF-32LE", "yes"}, Case{wide(false, 4), "UTF-32LE", "no"},
                        Case{"\0\0\xFE\xFF"s + wide(true, 4), "UTF-32BE", "yes"}, Case{wide(true, 4), "UTF-32BE", "no"},
                        Case{"\x84\x31\x95\x33"s + json, "GB18030", "yes"}}) {
    CAPTURE(c.encoding);
    CAPTURE(c.bom);
    auto r = parse_suggestion(c.bytes);
    CHECK_FALSE(r.suggestion);
    const Diagnostic* d = find(r.diagnostics, "format.utf8_invalid");
    REQUIRE(d);
    CHECK(d->location == TextLocation{1, 1});
    CHECK(param(d, "encoding") == c.encoding);
    CHECK(param(d, "bom") == c.bom);
    CHECK(d->message_en.find(c.encoding) != std::string::npos);
  }
}

TEST_CASE("json.encoding: ill-formed UTF-8 says what is wrong with its bytes, at their line and column") {
  struct Case {
    std::string bytes, says;
  };
  for (const Case& c : {Case{"\xC0\xAF", "overlong encoding of U+002F"}, Case{"\xE0\x80\xAF", "overlong"},
                        Case{"\xED\xA0\x80", "surrogate U+D800"}, Case{"\xF4\x90\x80\x80", "past U+10FFFF"},
                        Case{"\xFF\xFE", "the byte FF never occurs"}, Case{"\x80", "continuation byte"},
                        Case{"\xE6\xB0x", "cut short"}}) {
    CAPTURE(c.says);
    auto r = parse_suggestion(doc("\"title\": \"氢" + c.bytes + "\""));
    const Diagnostic* d = find(r.diagnostics, "format.utf8_invalid");
    REQUIRE(d);
    CHECK(d->location == TextLocation{1, 46});  // past {"format": …, "title": "氢
    CHECK(d->message_en.find(c.says) != std::string::npos);
  }
  // Cut inside its last character: truncated, not GBK (E6 B0 is a GBK pair too).
  auto cut = parse_suggestion(R"({"format": "zhinan.suggestion/1", "title": ")" + "氢"s.substr(0, 2));
  const Diagnostic* d = find(cut.diagnostics, "format.utf8_invalid");
  REQUIRE(d);
  CHECK(d->message_en.find("ends inside a character") != std::string::npos);
  CHECK(d->location == TextLocation{1, 45});
}

TEST_CASE("json.encoding: ill-formed UTF-8 is found at any offset and in a key, after the end it is extra text") {
  // The check runs eight ASCII bytes and whole Chinese characters at a time: every
  // alignment, and E0/ED leads (whose second byte is narrower) right after fast runs.
  const std::string bad[] = {"\xE0\x9F\xBF", "\xED\xBF\xBF", "\xEE\x80", "\xF0\x8F\xBF\xBF", "\xC1\xBF", "\xBF"};
  for (std::size_t before = 0; before < 12; ++before) {
    for (const std::string& pad : {std::string("a"), std::string("氢")}) {
      std::string run;
      for (std::size_t i = 0; i < before; ++i) run += pad;
      for (const std::string& b : bad) {
        CAPTURE(before);
        auto r = parse_suggestion(doc("\"title\": \"" + run + b + "能\""));
        const Diagnostic* d = find(r.diagnostics, "format.utf8_invalid");
        REQUIRE(d);
        CHECK(d->location == TextLocation{1, 45 + static_cast<int>(before)});
      }
      // Valid edges: E0 A0 80 (U+0800), ED 9F BF (U+D7FF), EF BF BF (U+FFFF), F4 8F BF BF.
      auto good = parse_suggestion(doc("\"title\": \"" + run + "\xE0\xA0\x80\xED\x9F\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF\""));
      CHECK(find(good.diagnostics, "format.utf8_invalid") == nullptr);
    }
  }
  auto key = parse_suggestion(doc("\"ti\xFFtle\": \"氢\""));
  REQUIRE(find(key.diagnostics, "format.utf8_invalid"));
  CHECK(find(key.diagnostics, "format.utf8_invalid")->location == TextLocation{1, 38});
  // After the end of the JSON, a bad byte is extra text, whatever its encoding.
  auto after = parse_suggestion(doc("\"title\": \"氢\"") + "\n\xFF");
  CHECK_FALSE(find(after.diagnostics, "format.utf8_invalid"));
  REQUIRE(find(after.diagnostics, "format.json_invalid"));
  CHECK(find(after.diagnostics, "format.json_invalid")->location == TextLocation{2, 1});
}

TEST_CASE("json.encoding: an escape of half a surrogate pair is format.utf8_invalid at its backslash") {
  for (const std::string escape : {R"(\ud800)", R"(\udc00)", R"(\ud800\ud800)", R"(\ud800x)", R"(\ud800\u0041)"}) {
    CAPTURE(escape);
    auto r = parse_suggestion(doc("\"title\": \"" + escape + "\""));
    CHECK_FALSE(r.suggestion);
    const Diagnostic* d = find(r.diagnostics, "format.utf8_invalid");
    REQUIRE(d);
    CHECK(d->location == TextLocation{1, 45});
    CHECK(d->message_en.find(escape.substr(0, 6)) != std::string::npos);
  }
  auto pair = parse_suggestion(doc(R"("title": "\ud83d\ude00", "note": "\\ud800")"));
  REQUIRE(pair.suggestion);  // a whole pair is a character; an escaped backslash is no escape
  CHECK(pair.suggestion->title == "😀");
  CHECK_FALSE(find(pair.diagnostics, "format.utf8_invalid"));
}

TEST_CASE("json.encoding: a raw NUL or control character is format.json_invalid at its place, not a binary file") {
  for (const auto& [raw, name] : {std::pair{"\0"s, "U+0000 NUL"}, std::pair{"\x01"s, "U+0001"},
                                  std::pair{"\t"s, "U+0009 TAB"}}) {
    CAPTURE(name);
    auto r = parse_suggestion(doc("\n\"title\": \"氢" + raw + "\""));
    const Diagnostic* d = find(r.diagnostics, "format.json_invalid");
    REQUIRE(d);
    CHECK(d->location == TextLocation{2, 12});
    CHECK(d->message_en.find(name) != std::string::npos);
    CHECK(d->message_en.find("binary") == std::string::npos);
  }
  auto bom = parse_suggestion("\xEF\xBB\xBF\xEF\xBB\xBF" + doc(R"("title": "x")"));
  REQUIRE(find(bom.diagnostics, "format.json_invalid"));
  CHECK(find(bom.diagnostics, "format.json_invalid")->message_en.find("byte order mark") != std::string::npos);
}

TEST_CASE("json.encoding: \\u0000 in a choice is removed and reported at the item, as in any text") {
  auto r = parse_suggestion(doc(R"("industry": "new_energy\u0000", "region": ["sco", "\u0000x"])"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry == std::vector<std::string>{"new_energy"});
  CHECK(r.suggestion->region == std::vector<std::string>{"sco", "x"});
  std::vector<std::string> paths;
  for (const auto& d : r.diagnostics)
    if (d.id == "format.nul_character") paths.push_back(d.path);
  CHECK(paths == std::vector<std::string>{"/industry", "/region/1"});
}

TEST_CASE("json.encoding: any other control character is format.control_character (w), the text kept") {
  auto r = parse_suggestion(doc(R"("title": "氢\u001b[2J", "overview": "a\tb\nc\r\nd", "department": "x\u0085")"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->title == "氢\x1b[2J");
  std::vector<std::string> found;
  for (const auto& d : r.diagnostics) {
    CHECK(d.id == "format.control_character");
    CHECK(d.severity == Severity::warning);
    found.push_back(d.path + " " + param(&d, "code_point") + " " + param(&d, "position"));
  }
  CHECK(found == std::vector<std::string>{"/title U+001B 2", "/department U+0085 2"});
  CHECK(find_rule("format.control_character"));
}

TEST_CASE("json.encoding: a control character is found wherever it stands in a long text") {
  // The scan goes eight bytes at a time: every offset in a word, after ASCII and after
  // Chinese, and the look-alikes beside it (a tab, a line break, "·" = C2 B7) are no finding.
  for (std::size_t before = 0; before < 20; ++before) {
    for (const std::string& pad : {std::string("a"), std::string("中"), std::string("·"), std::string("\\t")}) {
      std::string title;
      for (std::size_t i = 0; i < before; ++i) title += pad;
      const std::string tail = "\\n后文·后文后文后文后文";
      for (const auto& [control, name] : {std::pair<std::string, std::string>{"\\u0007", "U+0007"},
                                          {"\\u007f", "U+007F"}, {"\\u0085", "U+0085"}}) {
        auto r = parse_suggestion(doc("\"title\": \"" + title + control + tail + "\""));
        REQUIRE(r.suggestion);
        CAPTURE(before);
        CAPTURE(pad);
        REQUIRE(count_of(r.diagnostics, "format.control_character") == 1);
        const Diagnostic* d = find(r.diagnostics, "format.control_character");
        CHECK(param(d, "code_point") == name);
        CHECK(param(d, "position") == std::to_string(before + 1));
      }
      CHECK(count_of(parse_suggestion(doc("\"title\": \"" + title + tail + "\"")).diagnostics,
                     "format.control_character") == 0);
    }
  }
}

TEST_CASE("json.encoding: a value a message quotes shows its controls as escapes and is abbreviated") {
  auto r = parse_suggestion(doc(R"("industry": "\u001b[31m新能源\u202e", "x\u001by": 1, "format2": ")" +
                                repeat("a", 1'000'000) + "\""));
  REQUIRE(r.suggestion);
  Diagnostics ds = r.diagnostics;
  for (Diagnostic& d : validate(*r.suggestion)) ds.push_back(std::move(d));
  const Diagnostic* unknown = find(ds, "industry.unknown");
  REQUIRE(unknown);
  CHECK(unknown->message_en.find(R"(\u001B[31m新能源\u202E)") != std::string::npos);
  for (const auto& d : ds) {
    CAPTURE(d.id);
    CHECK_FALSE(has_control(d.message_zh));
    CHECK_FALSE(has_control(d.message_en));
    CHECK(d.message_en.size() < 4000);
  }
  auto long_value = parse_suggestion(doc(R"("industry": ")" + repeat("氢", 1'000'000) + "\""));
  const Diagnostics long_ds = validate(*long_value.suggestion);
  REQUIRE(find(long_ds, "industry.unknown"));
  CHECK(find(long_ds, "industry.unknown")->message_zh.size() < 6000);
}

TEST_CASE("json.encoding: 10^5 ticked boxes are read and checked in linear time") {
  std::string items;
  for (int i = 0; i < 100'000; ++i) items += (i ? ",\"x" : "\"x") + std::to_string(i) + "\"";
  const auto start = std::chrono::steady_clock::now();
  auto r = parse_suggestion(doc("\"industry\": [" + items + "], \"project_type\": {\"bring_in_subtypes\": [" + items +
                                "]}"));
  REQUIRE(r.suggestion);
  CHECK(r.suggestion->industry.size() == 100'000);
  const Diagnostics ds = validate(*r.suggestion);
  CHECK(find(ds, "industry.multiple"));
  CHECK(find(ds, "type.subtype_unknown"));
  // Quadratic took 90 s; linear is well under a second even under the sanitizers.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

// Counting a text fed in pieces (TextCounter) gives the counts of the whole text, wherever
// it is cut: the word count's state, an unfinished UTF-8 sequence and, for graphemes, the
// text of a cluster that may go on are all carried from one piece to the next.
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "support.hpp"
#include "text/count_table.hpp"
#include "zhinan/count.hpp"

using zhinan::CountMode;
using zhinan::TextCounter;
using zhinan::TextCounts;

namespace {

constexpr CountMode kModes[] = {CountMode::word, CountMode::chars, CountMode::chars_with_spaces,
                                CountMode::graphemes};

bool same(const TextCounts& a, const TextCounts& b) {
  return a.word == b.word && a.chars == b.chars && a.chars_with_spaces == b.chars_with_spaces &&
         a.graphemes == b.graphemes && a.code_points == b.code_points;
}

// The whole text's counts, by count_all and by count_text in each mode.
struct Whole {
  explicit Whole(std::string_view text) : all(zhinan::count_all(text)) {
    for (std::size_t i = 0; i < std::size(kModes); ++i) one[i] = zhinan::count_text(text, kModes[i]);
  }
  TextCounts all;
  std::size_t one[std::size(kModes)];
};

// Feeds `text` cut at `cuts` (ascending offsets) to one counter of each kind and checks
// each against the whole text's count; the message names the cuts when one differs.
void check_cut(std::string_view text, const Whole& whole, const std::vector<std::size_t>& cuts) {
  std::vector<std::string_view> pieces;
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    pieces.push_back(text.substr(from, cut - from));
    from = cut;
  }
  pieces.push_back(text.substr(from));
  std::string where;
  for (std::size_t cut : cuts) where += " " + std::to_string(cut);

  TextCounter all;
  for (auto piece : pieces) all.feed(piece);
  CHECK_MESSAGE(same(all.finish(), whole.all), "all counts, cut at" << where);
  for (std::size_t i = 0; i < std::size(kModes); ++i) {
    TextCounter one(kModes[i]);
    for (auto piece : pieces) one.feed(piece);
    CHECK_MESSAGE(one.finish().get(kModes[i]) == whole.one[i], zhinan::to_string(kModes[i]) << ", cut at" << where);
  }
}

// Every place to cut the text in two, as doctest checks: one failing place fails the test.
void check_every_cut(std::string_view text) {
  const Whole whole(text);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) check_cut(text, whole, {cut});
}

// Every way to cut a short text in three, then one byte at a time.
void check_every_two_cuts(std::string_view text) {
  const Whole whole(text);
  for (std::size_t a = 0; a <= text.size(); ++a)
    for (std::size_t b = a; b <= text.size(); ++b) check_cut(text, whole, {a, b});
  std::vector<std::size_t> every;
  for (std::size_t i = 1; i < text.size(); ++i) every.push_back(i);
  check_cut(text, whole, every);
}

// Random pieces of 0 to `longest` bytes (empty pieces included), from a fixed seed.
void check_random_cuts(std::string_view text, std::size_t longest, int times, unsigned seed) {
  const Whole whole(text);
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> length(0, longest);
  for (int t = 0; t < times; ++t) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = length(random); at < text.size(); at += length(random)) cuts.push_back(at);
    check_cut(text, whole, cuts);
  }
}

void collect(const boost::json::value& v, std::vector<std::string>& out) {
  if (v.is_string()) {
    out.emplace_back(v.get_string());
  } else if (v.is_object()) {
    for (const auto& kv : v.get_object()) collect(kv.value(), out);
  } else if (v.is_array()) {
    for (const auto& item : v.get_array()) collect(item, out);
  }
}

// Every string value of the bundled samples (examples/data/*.json).
std::vector<std::string> sample_strings() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(zhinan::test::samples_dir())) {
    if (entry.path().extension() != ".json") continue;
    const auto text = zhinan::read_file(entry.path());
    REQUIRE(text);
    collect(boost::json::parse(*text), out);
  }
  return out;
}

// Short texts whose cuts fall where the carried state matters.
const char* const kEdgeCases[] = {
    "\xF0\xA0\x80\x80\xF0\x9F\x98\x80" "a\xF0\xA0\x80\x80",  // 𠀀😀a𠀀: cut inside a 4-byte sequence
    "中文Latin单词word end",               // inside a Latin word, and after it
    "2024年5G和AI",                        // a digit run, then a letter, then Han
    "含盐量0.4%的",                        // a run of digits and punctuation
    "ab\xE4\xB8",                          // ends in a truncated 中
    "\xE4\xB8" "a\xE4\xB8\xAD",            // a truncated 中, an ASCII byte, a whole 中
    "\xF0\x9F\x98\xF0\x9F\x98\x80",        // a truncated emoji, then a whole one
    "\xE0\x80\x80\xED\xA0\x80\xF4\x90\x80\x80",  // overlong, surrogate, past U+10FFFF
    "\xC0\xAF\xFF\xFE\x80\xBF",            // overlong `/`, bytes no sequence starts with, stray trails
    "\xE4\xB8\xAD\xE4",                    // 中 and a lone lead at the very end
    "\xC3",                                // a lone 2-byte lead
    "甲\r\n乙\r\n\r\n\r",                   // CR LF cut between CR and LF
    "e\u0301\u0301 x \u0301",              // combining marks, one after a space
    "\xF0\x9F\x91\xA8\u200D\xF0\x9F\x91\xA9\u200D\xF0\x9F\x91\xA7好",  // 👨‍👩‍👧 then Han
    "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3\xF0\x9F\x87\xBA\xF0\x9F\x87\xBF\xF0\x9F\x87\xAF",  // odd flags
    "한\u1112\u1161\u11AB국",              // a syllable decomposed into jamo between two composed
    "\uFEFF中\u200B文 \uFE0Fa\u200Db",     // BOM, ZWSP, VS16 after a space, ZWJ in a run
    "1\uFE0F\u20E3 葛\U000E0100",          // keycap, ideographic variation sequence
    "第一行\u2028第二行\u3000\u00A0end",   // U+2028, U+3000, U+00A0
    "क्षि न्",                              // Devanagari conjuncts (GB9c in newer Unicode)
};

}  // namespace

TEST_CASE("count stream: the hand-made edge cases, cut in two and three everywhere") {
  for (const char* text : kEdgeCases) {
    CAPTURE(text);
    check_every_two_cuts(text);
  }
  // NUL is a character like any other, and not the end of the text.
  check_every_two_cuts(std::string("a\0b\0\xE4\xB8\0", 7));
}

TEST_CASE("count stream: every sample text, cut in two everywhere and in random pieces") {
  const std::vector<std::string> texts = sample_strings();
  REQUIRE(texts.size() > 50);
  std::size_t non_ascii = 0;
  for (const auto& text : texts) {
    CAPTURE(text);
    non_ascii += std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    check_every_cut(text);
    check_random_cuts(text, 7, 4, static_cast<unsigned>(text.size()));
  }
  CHECK(non_ascii > 20);  // the samples' Chinese prose is among them
}

TEST_CASE("count stream: the samples as one long text in random pieces of up to 64 KiB") {
  std::string text;
  for (const auto& s : sample_strings()) text += s + (text.size() % 3 == 0 ? "\r\n" : "");
  text = zhinan::test::repeat(text, 20);
  check_random_cuts(text, 300, 10, 1);
  check_random_cuts(text, 65536, 10, 2);
}

TEST_CASE("count stream: long texts with no sure cluster boundary, fed a byte at a time") {
  // No place between e and U+0301 or between two marks ends a cluster for sure: the
  // grapheme count keeps all of it, and still gives ICU's count of the whole.
  const std::string marks = zhinan::test::repeat("e\u0301", 3000);
  const std::string bad = zhinan::test::repeat("\xE4\xB8", 3000);  // ill-formed all through
  for (const std::string& text : {marks, bad}) {
    std::vector<std::size_t> every;
    for (std::size_t i = 1; i < text.size(); ++i) every.push_back(i);
    check_cut(text, Whole(text), every);
  }
}

TEST_CASE("count stream: finish gives the counts and starts over") {
  TextCounter counter(CountMode::word);
  counter.feed("AB");
  counter.feed("C 中\xE4");
  CHECK(counter.finish().word == 3);  // ABC, 中, and the lone lead byte
  CHECK(counter.finish().word == 0);  // nothing since
  counter.feed("\xB8\xAD");           // not the end of the lead before: two stray trail bytes
  CHECK(counter.finish().word == 1);
  TextCounter all;
  all.feed("e\u0301");
  const TextCounts counts = all.finish();
  CHECK(counts.graphemes == 1);
  CHECK(counts.code_points == 2);
  CHECK(all.finish().graphemes == 0);
  TextCounter one(CountMode::chars);
  one.feed("a b");
  const TextCounts chars_only = one.finish();
  CHECK(chars_only.chars == 2);
  CHECK(chars_only.word == 0);  // a counter of one mode fills that mode alone
}

TEST_CASE("count: a run of ideographs counted without look-ups agrees with the table") {
  using zhinan::detail::char_table;
  // Every group of 64 code points marked for the run is East Asian to the last one, and
  // joins nothing: the unified ideographs are marked, the Hangul syllables (which a
  // trailing jamo may join) are not.
  const auto& table = char_table();
  bool agree = true;
  for (char32_t group = 0; group < 1024; ++group)
    for (char32_t cp = group << 6; table.plain_east_asian_3[group] && cp < (group + 1) << 6; ++cp)
      agree = agree && table.entry(cp) == static_cast<std::uint8_t>(zhinan::detail::CharClass::east_asian);
  CHECK(agree);
  CHECK(table.plain_east_asian_3[0x4E00 >> 6]);
  CHECK_FALSE(table.plain_east_asian_3[0xAC00 >> 6]);
  CHECK_FALSE(table.plain_east_asian_3[0x4DC0 >> 6]);  // Yijing hexagrams, beside the ideographs
  CHECK_FALSE(table.plain_east_asian_3[0x3000 >> 6]);  // U+3000 is a space
  CHECK_FALSE(table.plain_east_asian_3[0xD800 >> 6]);  // surrogates: ill-formed in UTF-8
  CHECK_FALSE(table.plain_east_asian_3[0x0780 >> 6]);  // overlong as 3 bytes
  // Where a run meets what it is not: the hexagram ䷀ U+4DC0 is a run of its own, the
  // encoded surrogate three ill-formed bytes, a run's last three bytes take the usual way.
  CHECK(zhinan::count_text("一二三\u4DC0一\u4DC0", CountMode::word) == 6);
  CHECK(zhinan::count_text("中文\xED\xA0\x80中文", CountMode::word) == 5);
  CHECK(zhinan::count_text("中文\xED\xA0\x80中文", CountMode::chars) == 7);
  CHECK(zhinan::count_text("中文\xE0\x9E\xBF文", CountMode::chars) == 6);  // overlong U+07BF
  CHECK(zhinan::count_text("中文\xE4\xB8", CountMode::chars) == 4);       // truncated at the end
  for (std::size_t n = 0; n < 8; ++n) {
    const std::string run = zhinan::test::repeat("한中", n);
    CHECK(zhinan::count_text(run, CountMode::word) == 2 * n);
    CHECK(zhinan::count_text(run + "ab", CountMode::word) == 2 * n + 1);
    CHECK(zhinan::count_all(run + "e\u0301").graphemes == 2 * n + 1);
  }
}

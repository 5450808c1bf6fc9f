// 字数统计 as the reviewers' Word counts it (SPEC "Counting 字 like the reviewers do").
// Every expected value is worked out from the rules in the comment beside it.
#include <doctest/doctest.h>

#include <string>

#include "text/count_table.hpp"
#include "support.hpp"
#include "zhinan/count.hpp"

using zhinan::CountMode;
using zhinan::count_all;
using zhinan::count_text;
using zhinan::detail::CharClass;
using zhinan::detail::char_class;
using zhinan::test::repeat;

namespace {
std::size_t word(std::string_view s) { return count_text(s, CountMode::word); }
std::size_t chars(std::string_view s) { return count_text(s, CountMode::chars); }
std::size_t spaced(std::string_view s) { return count_text(s, CountMode::chars_with_spaces); }
std::size_t graphemes(std::string_view s) { return count_text(s, CountMode::graphemes); }
}  // namespace

TEST_CASE("count: Chinese prose counts every character and every punctuation mark") {
  CHECK(word("山东省科学技术厅") == 8);  // 8 Han
  // 我省现有盐碱地约 8 + `890` 1 + 万亩 2 + ， 1 + 主要分布在黄河三角洲地区 12 + 。 1
  CHECK(word("我省现有盐碱地约890万亩，主要分布在黄河三角洲地区。") == 25);
  CHECK(chars("我省现有盐碱地约890万亩，主要分布在黄河三角洲地区。") == 27);  // 890 is 3 here
  CHECK(spaced("我省现有盐碱地约890万亩，主要分布在黄河三角洲地区。") == 27);  // no spaces
  CHECK(graphemes("我省现有盐碱地约890万亩，主要分布在黄河三角洲地区。") == 27);  // one each
}

TEST_CASE("count: Latin words and digits inside Chinese are one 字 per run") {
  CHECK(word("東京2024オリンピック") == 9);  // 東京 2 + `2024` 1 + オリンピック 6 (SPEC)
  CHECK(word("Hello、World。") == 4);        // Hello + 、 + World + 。 (SPEC)
  CHECK(word("采用5G和AI技术") == 7);        // 采用 2 + 5G + 和 + AI + 技术 2
  CHECK(word("申请发明专利6件") == 8);       // 6 Han + `6` + 件
  CHECK(word("KASP分子标记") == 5);          // KASP + 4 Han
  CHECK(word("含盐量0.4%的盐碱地") == 8);    // 含盐量 3 + `0.4%` 1 + 的盐碱地 4
  CHECK(chars("含盐量0.4%的盐碱地") == 11);  // 3 + 4 + 4 code points
  CHECK(word("the quick brown fox") == 4);   // four runs between spaces
  CHECK(chars("the quick brown fox") == 16); // 19 code points less 3 spaces
  CHECK(spaced("the quick brown fox") == 19);
  CHECK(word("ok👍") == 1);                  // an emoji joins the Latin run before it
}

TEST_CASE("count: full-width letters and digits count one each, ASCII ones one per run") {
  CHECK(word("ＡＢＣ１２３") == 6);  // Halfwidth and Fullwidth Forms: East Asian, 1 each
  CHECK(chars("ＡＢＣ１２３") == 6);
  CHECK(word("ABC123") == 1);        // the same in ASCII: one run
  CHECK(word("ＡＩ技术") == 4);      // Ａ Ｉ 技 术
  CHECK(word("（一）") == 3);        // full-width parentheses are East Asian
  CHECK(word("ｶﾀｶﾅ") == 4);          // half-width katakana: same block, 1 each
  CHECK(word("ﾊﾞ") == 2);            // the half-width dakuten U+FF9E takes a cell of its own
}

TEST_CASE("count: punctuation, CJK and ASCII") {
  // 他说 2 + ：(U+FF1A) 1 + “ (other, a run between Han) 1 + 你好 2 + ！ 1 + ” 1
  CHECK(word("他说：“你好！”") == 8);
  CHECK(word("Hello, world!") == 2);     // ASCII punctuation joins the run beside it
  CHECK(word("a - b") == 3);             // a lone `-` between spaces is a run of 1
  CHECK(word("中 - 文") == 3);           // 中 + `-` + 文
  CHECK(word("（注：见附件1）") == 8);   // （ 注 ： 见 附 件 + `1` + ）
  CHECK(word("《山东省》") == 5);        // 《 》 are in CJK Symbols and Punctuation
  CHECK(word("发展——创新") == 5);        // 发展 2 + `——` (General Punctuation, a run) 1 + 创新 2
  CHECK(word("①②③") == 1);              // Enclosed Alphanumerics: one run (SPEC)
  CHECK(word("等等……") == 3);            // 等等 2 + `……` 1
  CHECK(chars("等等……") == 4);           // two U+2026
}

TEST_CASE("count: emoji sequences are one run of other characters") {
  const std::string family = "👨\u200D👩\u200D👧";  // man ZWJ woman ZWJ girl
  CHECK(word(family) == 1);               // ZWJ does not split the run
  CHECK(chars(family) == 5);              // 3 emoji + 2 ZWJ code points
  CHECK(graphemes(family) == 1);          // one extended grapheme cluster (GB11)
  CHECK(word("👍🏽") == 1);                // thumbs up + skin tone modifier
  CHECK(chars("👍🏽") == 2);
  CHECK(graphemes("👍🏽") == 1);
  CHECK(word("好👍🏽棒") == 3);            // 好 + the emoji run + 棒
  CHECK(word("1️⃣") == 1);                 // `1` VS16 U+20E3: one run
  CHECK(chars("1️⃣") == 2);                // `1` and the keycap; VS16 is not counted
  CHECK(spaced("1️⃣") == 2);
  CHECK(graphemes("1️⃣") == 1);
  CHECK(word("❤️") == 1);                  // U+2764 VS16
  CHECK(chars("❤️") == 1);                 // VS16 is excluded (SPEC)
  CHECK(word("🇨🇳🇺🇿") == 1);              // four regional indicators, one run
  CHECK(chars("🇨🇳🇺🇿") == 4);
  CHECK(graphemes("🇨🇳🇺🇿") == 2);         // two flags (GB12/GB13 pair them)
  CHECK(word("😀 😀") == 2);               // a space ends an emoji run
}

TEST_CASE("count: BOM, zero-width space, variation selectors and invisible controls") {
  CHECK(word("\uFEFF中文") == 2);          // a leading BOM changes nothing
  CHECK(chars("\uFEFF中文") == 2);         // BOM excluded (SPEC)
  CHECK(spaced("\uFEFF中文") == 2);        // excluded with spaces too
  CHECK(graphemes("\uFEFF中文") == 3);     // but it is a cluster (GCB=Control)
  CHECK(word("ab\uFEFFcd") == 1);          // a zero-width no-break space does not split
  CHECK(word("foo\u200Bbar") == 1);        // Word neither sees a zero-width space nor splits at it
  CHECK(chars("ab\u200Bcd") == 4);         // and it is not counted (SPEC)
  CHECK(spaced("ab\u200Bcd") == 4);
  CHECK(word("\u200B") == 0);
  CHECK(word("葛\U000E0100") == 1);        // an ideographic variation sequence is one 字
  CHECK(chars("葛\U000E0100") == 1);       // U+E0100 excluded (SPEC)
  CHECK(graphemes("葛\U000E0100") == 1);
  CHECK(word("a\uFE0Fb") == 1);            // VS16 inside a run does not split it
  CHECK(word("中\u200D文") == 2);          // a ZWJ after 中 belongs to it
  CHECK(chars("中\u200D文") == 3);         // but ZWJ is a counted code point
  CHECK(word("中\u200E文") == 2);          // LRM is invisible: no run of its own
  CHECK(chars("中\u200E文") == 3);
  CHECK(word("co\u00ADop") == 1);          // a soft hyphen does not split a word
}

TEST_CASE("count: U+2028 and U+2029 stay characters in Word, each a 字 of its own") {
  CHECK(word("第一行\u2028第二行") == 7);  // 6 Han and the separator (SPEC, counting)
  CHECK(chars("第一行\u2028第二行") == 7);
  CHECK(spaced("第一行\u2028第二行") == 7);
  CHECK(word("a\u2028b") == 3);            // it ends the run before it and is one itself
  CHECK(word("ab\u2029") == 2);
  CHECK(spaced("a\u2029b") == 3);
  CHECK(word("\u2028") == 1);
  CHECK(chars("\u2029") == 1);
}

TEST_CASE("count: line, paragraph and page breaks are counted in no mode") {
  CHECK(chars("甲\r\n乙") == 2);
  CHECK(spaced("甲\r\n乙") == 2);          // CRLF is one paragraph mark, not counted
  CHECK(graphemes("甲\r\n乙") == 3);       // CR LF is one cluster (GB3)
  CHECK(word("one\r\ntwo") == 2);
  CHECK(spaced("one\r\ntwo") == 6);
  CHECK(spaced("a\nb") == spaced("a\r\nb"));  // the same whatever the line endings
  CHECK(word("a\fb") == 2);                // form feed: a page break
  CHECK(spaced("a\fb") == 2);
  CHECK(spaced("a\vb") == 2);              // VT: Word's manual line break
  CHECK(word("a\tb") == 2);                // a tab is white space
  CHECK(chars("a\tb") == 2);
  CHECK(spaced("a\tb") == 3);              // and counts with the spaces
}

TEST_CASE("count: no-break and ideographic spaces are white space") {
  CHECK(word("10\u00A0km") == 2);          // U+00A0 separates like a space
  CHECK(chars("10\u00A0km") == 4);
  CHECK(spaced("10\u00A0km") == 5);
  CHECK(word("中\u3000文") == 2);          // U+3000 is white space, not a CJK symbol
  CHECK(chars("中\u3000文") == 2);
  CHECK(spaced("中\u3000文") == 3);
  CHECK(word("\u3000\u3000项目概述") == 4);  // the customary two-space paragraph indent
  CHECK(spaced("\u3000\u3000项目概述") == 6);
}

TEST_CASE("count: empty and white-space-only text count 0") {
  for (CountMode m : {CountMode::word, CountMode::chars, CountMode::chars_with_spaces, CountMode::graphemes})
    CHECK(count_text("", m) == 0);
  const std::string blank = " \t\r\n\u3000\u00A0";
  CHECK(word(blank) == 0);
  CHECK(chars(blank) == 0);
  CHECK(spaced(blank) == 4);               // space, tab, U+3000, U+00A0; CR LF excluded
  CHECK(graphemes(blank) == 5);            // CR LF is one cluster
}

TEST_CASE("count: supplementary and compatibility ideographs, never normalized") {
  CHECK(word("𠀀") == 1);                  // U+20000, CJK Extension B
  CHECK(chars("𠀀") == 1);                 // one code point (two UTF-16 units)
  CHECK(count_all("𠀀").code_points == 1);
  CHECK(word("𠀀𠀁丁") == 3);
  CHECK(word("\uF900") == 1);              // 豈 U+F900, a compatibility ideograph
  CHECK(chars("\uF900\uF901") == 2);
  CHECK(char_class(0xF900) == CharClass::east_asian);  // counted as itself, not as U+8C48
  CHECK(word("\U0002F800") == 1);          // CJK Compatibility Ideographs Supplement
  CHECK(word("\U0002EBF0") == 1);          // Ext. I (Unicode 15.1): unassigned here, still 1
}

TEST_CASE("count: Hangul, kana and Bopomofo") {
  CHECK(word("한국어") == 3);              // SPEC: each Hangul syllable counts 1
  CHECK(word("한국어 단어") == 5);
  CHECK(word("\u1112\u1161\u11AB") == 1);  // 한 decomposed into jamo: still 1
  CHECK(chars("\u1112\u1161\u11AB") == 3); // three code points
  CHECK(graphemes("\u1112\u1161\u11AB") == 1);
  CHECK(word("ひらがな") == 4);
  CHECK(word("カタカナ") == 4);
  CHECK(word("ラーメン") == 4);            // ー U+30FC is script Common, but in the Katakana block
  CHECK(word("\u304B\u3099") == 1);        // が as か + combining dakuten
  CHECK(chars("\u304B\u3099") == 2);
  CHECK(word("ㄅㄆㄇ") == 3);
}

TEST_CASE("count: ill-formed UTF-8 counts one other character per byte") {
  CHECK(word("\xFF") == 1);
  CHECK(chars("\xFF") == 1);
  CHECK(graphemes("\xFF") == 1);
  CHECK(word("中\xFF\xFE文") == 3);         // 中 + a run of two U+FFFD + 文
  CHECK(chars("中\xFF\xFE文") == 4);
  CHECK(word("ab\xC3") == 1);               // a truncated sequence joins the run
  CHECK(chars("\xE4\xB8") == 2);            // truncated 中: two bytes, two U+FFFD
  CHECK(chars("\xED\xA0\x80") == 3);        // an encoded surrogate is three bad bytes
  CHECK(chars("\xC0\xAF") == 2);            // an overlong `/`
  CHECK(word(std::string("a\0b", 3)) == 1); // NUL is an invisible control inside the run
}

TEST_CASE("count: the 1000-字 limit is reached at 1000 and passed at 1001") {
  std::string text = repeat("氢", 1000);
  CHECK(word(text) == 1000);
  CHECK(word(text + "。") == 1001);
  std::string mixed = repeat("科技合作AI ", 200);  // 4 Han + `AI` = 5 per unit
  CHECK(word(mixed) == 1000);
  CHECK(word(mixed + "X") == 1001);                // after the space `X` starts a run
  CHECK(word(mixed + "\u200D") == 1001);           // a ZWJ alone after a space is a run too
  CHECK(word(repeat("氢\r\n", 1000)) == 1000);     // breaks add nothing
}

TEST_CASE("count: count_all agrees with count_text on a real overview") {
  const std::string overview = zhinan::test::sample("valid-sco").overview;
  const zhinan::TextCounts all = count_all(overview);
  for (CountMode m : {CountMode::word, CountMode::chars, CountMode::chars_with_spaces, CountMode::graphemes})
    CHECK(all.get(m) == count_text(overview, m));
  CHECK(all.word <= 1000);                 // a valid sample keeps within the limit
  CHECK(all.word < all.chars);             // its digits and Latin words are runs
  CHECK(all.code_points == all.graphemes); // Chinese prose: one cluster per code point
}

TEST_CASE("count: the classes come from ICU's properties") {
  bool all_han = true;
  for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) all_han = all_han && char_class(cp) == CharClass::east_asian;
  CHECK(all_han);                                       // CJK Unified Ideographs
  CHECK(char_class(0x3001) == CharClass::east_asian);   // 、 CJK Symbols and Punctuation
  CHECK(char_class(0x3000) == CharClass::space);        // ideographic space leaves its block
  CHECK(char_class(0x3099) == CharClass::mark);         // combining dakuten
  CHECK(char_class(0x302A) == CharClass::mark);         // ideographic tone mark
  CHECK(char_class(0x2F00) == CharClass::east_asian);   // ⼀ Kangxi radical
  CHECK(char_class(0x1F210) == CharClass::east_asian);  // 🈐 Enclosed Ideographic Supplement
  CHECK(char_class(0x200B) == CharClass::ignorable);    // zero-width space: unseen, no split
  CHECK(char_class(0x000C) == CharClass::separator);    // form feed: a page break
  CHECK(char_class(0x2029) == CharClass::east_asian);   // a 字 of its own
  CHECK(char_class(0xFEFF) == CharClass::ignorable);
  CHECK(char_class(0xFE0F) == CharClass::ignorable);
  CHECK(char_class(0xE01EF) == CharClass::ignorable);   // VS256
  CHECK(char_class(0x200D) == CharClass::mark);
  CHECK(char_class(U'A') == CharClass::other);
  CHECK(char_class(0x2460) == CharClass::other);        // ①
}

TEST_CASE("count: the grapheme shortcut agrees with ICU") {
  using zhinan::detail::count_graphemes_icu;
  for (const char* s : {"我省现有盐碱地约890万亩。", "a\r\nb\n\rc", "\r\n\r\n", "e\u0301", "👨\u200D👩",
                        "한국어", "\xFF\xFE", "\xE4\xB8", "tab\there\f"})
    CHECK_MESSAGE(graphemes(s) == count_graphemes_icu(s), s);
  // Cutting a long text into pieces does not change the count. Each 28-byte unit has
  // places to cut (A|B, B|CR, space|e) at most 16 bytes apart, so pieces of 20 find one.
  const std::string text = repeat("氢能AB\r\n👍🏽 e\u0301é한\xFF", 50);
  CHECK(count_graphemes_icu(text, 20) == count_graphemes_icu(text));
  CHECK(count_graphemes_icu(repeat("中", 100), 10) == 100);  // no ASCII pair: cut at lead bytes
}

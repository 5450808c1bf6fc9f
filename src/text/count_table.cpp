// The class table of the 字 counts, derived from ICU's Unicode properties.
//
// Every class below is a set of Unicode properties, never a hand-typed range, so a new
// ICU brings new ideographs and kana with it. The sets are applied in order of
// precedence: a later one overrides an earlier one where they overlap.
#include "text/count_table.hpp"

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

namespace zhinan::detail {
namespace {

constexpr char32_t kCodeSpace = 0x110000;

class SetBuilder {
 public:
  // Adds every code point with `property` = `value`.
  SetBuilder& with(UProperty property, int32_t value) {
    icu::UnicodeSet part;
    part.applyIntPropertyValue(property, value, status_);
    set_.addAll(part);
    return *this;
  }
  SetBuilder& with(UChar32 cp) {
    set_.add(cp);
    return *this;
  }
  SetBuilder& only_where(UProperty property, int32_t value) {
    icu::UnicodeSet part;
    part.applyIntPropertyValue(property, value, status_);
    set_.retainAll(part);
    return *this;
  }
  const icu::UnicodeSet& done() {
    if (U_FAILURE(status_))
      throw std::runtime_error(std::string("ICU cannot build the count table: ") + u_errorName(status_));
    return set_;
  }

 private:
  icu::UnicodeSet set_;
  UErrorCode status_ = U_ZERO_ERROR;
};

// East Asian characters, each one 字 (SPEC: "every East Asian character counts 1").
icu::UnicodeSet east_asian() {
  SetBuilder b;
  // The scripts by code point: Han covers the unified ideographs of every extension
  // (Ext. B's 𠀀 U+20000 included) and the compatibility ideographs (U+F900 …), which
  // Word counts as 中文字符 like any other.
  // Hangul counts per syllable, as SPEC says, though Word's label reads 朝鲜语单词
  // (Korean words); the call's texts are Chinese, where the two never differ.
  for (UScriptCode s : {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_HANGUL,
                        USCRIPT_BOPOMOFO})
    b.with(UCHAR_SCRIPT, s);
  // Whole blocks, because their Common-script members are East Asian too: 、。「」〈〉
  // (CJK Symbols and Punctuation), the prolonged sound mark ー U+30FC (Katakana, script
  // Common), full-width ！（），Ａ１ and half-width ｶﾅ (Halfwidth and Fullwidth Forms),
  // ㈱㊣ (Enclosed CJK), ㎡㍻ (CJK Compatibility), ⼀ (Kangxi), ⺀ (Radicals
  // Supplement), ︐ (Vertical Forms), ︵ (CJK Compatibility Forms), ⿰ (Ideographic
  // Description), ㇀ (CJK Strokes), 🈐 (Enclosed Ideographic Supplement).
  // Also East Asian by their purpose, so taken too: Small Form Variants ﹐﹑ (CNS 11643
  // compatibility), Kanbun ㆑, the kana extension blocks, Ideographic Symbols and
  // Punctuation. Not taken: Yi, Tangut, Nüshu, Khitan (Word has no East Asian font rules
  // for them), and Enclosed Alphanumerics ①②③, which SPEC counts as a run.
  for (UBlockCode block :
       {UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION, UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS,
        UBLOCK_ENCLOSED_CJK_LETTERS_AND_MONTHS, UBLOCK_CJK_COMPATIBILITY, UBLOCK_KANGXI_RADICALS,
        UBLOCK_CJK_RADICALS_SUPPLEMENT, UBLOCK_VERTICAL_FORMS, UBLOCK_CJK_COMPATIBILITY_FORMS,
        UBLOCK_IDEOGRAPHIC_DESCRIPTION_CHARACTERS, UBLOCK_CJK_STROKES,
        UBLOCK_ENCLOSED_IDEOGRAPHIC_SUPPLEMENT, UBLOCK_SMALL_FORM_VARIANTS, UBLOCK_KANBUN,
        UBLOCK_HIRAGANA, UBLOCK_KATAKANA, UBLOCK_KATAKANA_PHONETIC_EXTENSIONS,
        UBLOCK_KANA_SUPPLEMENT, UBLOCK_KANA_EXTENDED_A, UBLOCK_KANA_EXTENDED_B,
        UBLOCK_SMALL_KANA_EXTENSION, UBLOCK_BOPOMOFO, UBLOCK_BOPOMOFO_EXTENDED,
        UBLOCK_HANGUL_COMPATIBILITY_JAMO, UBLOCK_IDEOGRAPHIC_SYMBOLS_AND_PUNCTUATION})
    b.with(UCHAR_BLOCK, block);
  icu::UnicodeSet set = b.done();
  // Ideographs newer than this ICU (e.g. Ext. I, Unicode 15.1) are unassigned here, but
  // Unicode gives unassigned code points in the ideograph blocks and in planes 2 and 3
  // East_Asian_Width=W by default: take those, so a newer text still counts them 1 each.
  set.addAll(SetBuilder().with(UCHAR_GENERAL_CATEGORY, U_UNASSIGNED)
                 .only_where(UCHAR_EAST_ASIAN_WIDTH, U_EA_WIDE).done());
  return set;
}

// Invisible controls and format characters (Cc, Cf): LRM/RLM, bidi embeddings, word
// joiner U+2060, soft hyphen, tag characters of flag sequences, stray C0/C1 controls.
// They are code points, so chars counts them (SPEC excludes only the ones named
// below), but they show nothing: they neither make a 字 nor split a run.
icu::UnicodeSet format() {
  return SetBuilder().with(UCHAR_GENERAL_CATEGORY, U_CONTROL_CHAR)
      .with(UCHAR_GENERAL_CATEGORY, U_FORMAT_CHAR).done();
}

// Characters that take no place of their own but belong to the one before them:
// nonspacing and enclosing marks (é as e + U+0301, the keycap U+20E3 of 1️⃣, the
// dakuten U+3099 of decomposed が, the ideographic tone marks U+302A–302F, which sit in
// CJK Symbols and Punctuation but are not characters a reader counts), ZWJ and ZWNJ
// (👨‍👩‍👧 stays one run; a ZWJ after 中 adds nothing), and the medial vowel and final
// consonant jamo that complete a decomposed Hangul syllable (한 as ᄒ ᅡ ᆫ is 1, like
// the precomposed 한). So text counts the same whether it arrived composed or
// decomposed, without normalizing it. Spacing forms such as ゛ U+309B and ﾞ U+FF9E
// take a cell on the page and stay East Asian.
icu::UnicodeSet mark() {
  return SetBuilder().with(UCHAR_GENERAL_CATEGORY, U_NON_SPACING_MARK)
      .with(UCHAR_GENERAL_CATEGORY, U_ENCLOSING_MARK)
      .with(0x200C).with(0x200D)
      .with(UCHAR_HANGUL_SYLLABLE_TYPE, U_HST_VOWEL_JAMO)
      .with(UCHAR_HANGUL_SYLLABLE_TYPE, U_HST_TRAILING_JAMO).done();
}

// White space: ICU's White_Space (u_isUWhiteSpace), which is what Word treats as space
// too: space, tab, U+00A0, U+1680, U+2000–200A, U+202F, U+205F and the ideographic
// space U+3000 (which overrides its block, CJK Symbols and Punctuation).
icu::UnicodeSet space() { return SetBuilder().with(UCHAR_WHITE_SPACE, 1).done(); }

// Breaks, counted in no character mode: the document's own paragraph and page breaks
// (CR, LF, CR LF, FF), and VT and NEL, which Word reads as a manual line break. U+2028
// and U+2029 are not among them (SPEC.md, counting): pasted into Word they stay
// characters, each a 字 of its own (see standalone()).
icu::UnicodeSet separator() {
  return SetBuilder().with(0x0A).with(0x0B).with(0x0C).with(0x0D).with(0x85).done();
}

// The line and paragraph separators U+2028 and U+2029: each counts 1 in every mode and
// ends the run before it, as an East Asian character does.
icu::UnicodeSet standalone() { return SetBuilder().with(0x2028).with(0x2029).done(); }

// Excluded from the counts by SPEC and invisible inside a run: the BOM / zero-width
// no-break space U+FEFF (a no-break space joins, never splits), the zero-width space
// U+200B (Word's count neither sees it nor splits at it: `foo​bar` is one word), and the variation
// selectors VS1–VS16 and VS17–VS256 (the two Variation Selectors blocks), which pick a
// glyph of the character before them: 葛󠄀 is one 字, ❤️ one run. The Mongolian free
// variation selectors are not in SPEC's list; being nonspacing marks they join the
// letter before them anyway.
icu::UnicodeSet ignorable() {
  return SetBuilder().with(0xFEFF).with(0x200B).with(UCHAR_BLOCK, UBLOCK_VARIATION_SELECTORS)
      .with(UCHAR_BLOCK, UBLOCK_VARIATION_SELECTORS_SUPPLEMENT).done();
}

// Code points that may share a grapheme cluster with a neighbour (other than CR LF):
// the grapheme count may skip ICU only for texts without any of them.
icu::UnicodeSet grapheme_joins() {
  icu::UnicodeSet simple = SetBuilder().with(UCHAR_GRAPHEME_CLUSTER_BREAK, U_GCB_OTHER)
      .with(UCHAR_GRAPHEME_CLUSTER_BREAK, U_GCB_CONTROL)
      .with(UCHAR_GRAPHEME_CLUSTER_BREAK, U_GCB_CR)
      .with(UCHAR_GRAPHEME_CLUSTER_BREAK, U_GCB_LF).done();
  return icu::UnicodeSet(simple).complement();
}

void paint(std::vector<std::uint8_t>& flat, const icu::UnicodeSet& set, std::uint8_t value,
           bool as_flag) {
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    const auto first = static_cast<std::size_t>(set.getRangeStart(i));
    const auto last = static_cast<std::size_t>(set.getRangeEnd(i));
    for (std::size_t cp = first; cp <= last && cp < flat.size(); ++cp)
      flat[cp] = as_flag ? static_cast<std::uint8_t>(flat[cp] | value)
                         : static_cast<std::uint8_t>((flat[cp] & ~kClassMask) | value);
  }
}

CharTable build() {
  std::vector<std::uint8_t> flat(kCodeSpace, static_cast<std::uint8_t>(CharClass::other));
  const auto cls = [](CharClass c) { return static_cast<std::uint8_t>(c); };
  // Lowest precedence first. Everything not named is `other`: Latin, digits, ASCII
  // punctuation, symbols, emoji, private use, U+FFFD, and General Punctuation (“ ” — …).
  // Word may treat those last ones as East Asian when the run's font or language is
  // Chinese, which plain text does not say; SPEC leaves them other. Between Chinese
  // characters it makes no difference (a lone “ is a run of one); only `——` and `……`
  // count 1 here where such a Word may count 2.
  paint(flat, east_asian(), cls(CharClass::east_asian), false);
  paint(flat, format(), cls(CharClass::format), false);
  paint(flat, mark(), cls(CharClass::mark), false);          // ZWJ/ZWNJ are Cf: mark wins
  paint(flat, space(), cls(CharClass::space), false);        // U+3000 leaves its block
  paint(flat, separator(), cls(CharClass::separator), false);  // VT, FF are White_Space too
  paint(flat, standalone(), cls(CharClass::east_asian), false);  // U+2028 is White_Space too
  paint(flat, ignorable(), cls(CharClass::ignorable), false);  // VS are Mn, BOM is Cf
  paint(flat, grapheme_joins(), kGraphemeJoins, true);

  CharTable table;
  // From U+0800 on: below it a 3-byte sequence is overlong, never a plain run.
  for (std::size_t i = 0x800 >> 6; i < table.plain_east_asian_3.size(); ++i) {
    const auto first = flat.begin() + static_cast<std::ptrdiff_t>(i << 6);
    table.plain_east_asian_3[i] = std::all_of(first, first + 64, [&](std::uint8_t e) { return e == cls(CharClass::east_asian); });
  }
  std::map<std::string, std::uint16_t> seen;  // block contents -> block number
  for (std::size_t hi = 0; hi < table.block_of.size(); ++hi) {
    const auto first = flat.begin() + static_cast<std::ptrdiff_t>(hi << 8);
    const std::string block(first, first + 256);
    auto [it, fresh] = seen.try_emplace(block, static_cast<std::uint16_t>(seen.size()));
    if (fresh) table.blocks.insert(table.blocks.end(), block.begin(), block.end());
    table.block_of[hi] = it->second;
  }
  return table;
}

}  // namespace

const CharTable& char_table() {
  static const CharTable table = build();  // C++11 magic static: built once, thread-safe
  return table;
}

}  // namespace zhinan::detail

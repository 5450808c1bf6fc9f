// The Traditional → Simplified table of folding (internal), generated at build time from
// ICU's own "Traditional-Simplified" transliterator by fold_table_generate.cpp, and the
// character classes of step 4 (see zhinan/fold.hpp for the steps).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include <unicode/uchar.h>

namespace zhinan::detail {

// Step 4: letters, marks and numbers stay; punctuation, symbols, separators, controls and
// format characters go. Private-use and unassigned code points stay (they may be rare
// ideographs). The generator bakes this into the table for the BMP; the fold calls it
// for the other planes, so both use one definition.
inline bool fold_kept_by_icu(UChar32 c) {
  switch (u_charType(c)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return false;
    default:
      return !u_isUWhiteSpace(c);
  }
}

// 64 BMP code points, one bit each: kept by step 4, mapped to one other BMP code point,
// or the first character of phrase rules. The `_before` counts are the mapped and the
// phrase-start code points of all earlier blocks, so that a code point's rank — its index
// in `bmp_targets` or `phrase_starts` — is the count plus a popcount within the block.
struct FoldBmpBlock {
  std::uint64_t kept;
  std::uint64_t mapped;
  std::uint64_t phrase_start;
  std::uint16_t mapped_before;
  std::uint16_t phrase_start_before;
};

// One code point to one code point, for the planes above the BMP.
struct FoldMapping {
  char32_t from;
  char32_t to;
};

// A rule applied as a whole: its key and output are UTF-8 in `phrase_bytes`. The output
// already has the 苧 → 苎 mend (fold.cpp says why).
struct FoldPhrase {
  std::uint32_t key_offset;
  std::uint32_t output_offset;
  std::uint8_t key_length;
  std::uint8_t output_length;
};

// The rules starting with `first`, in ICU's order: phrases[begin, end). ICU applies the
// first that matches; it rejects rule sets where an earlier rule is a prefix of a later
// one, so the first match is also the longest.
struct FoldPhraseStart {
  char32_t first;
  std::uint16_t begin;
  std::uint16_t end;
};

struct FoldTable {
  std::span<const FoldBmpBlock, 1024> bmp;
  std::span<const char16_t> bmp_targets;           // by rank among the mapped BMP code points
  std::span<const FoldPhraseStart> phrase_starts;  // sorted by `first`: the BMP ones by rank
  std::span<const FoldPhrase> phrases;
  std::span<const unsigned char> phrase_bytes;
  std::span<const FoldMapping> supplementary_mappings;  // sorted by `from`
  std::size_t bmp_phrase_starts;  // how many of phrase_starts are in the BMP
};

// In the generated source (build/…/generated/fold_table_data.cpp).
extern const FoldTable kFoldTable;

}  // namespace zhinan::detail

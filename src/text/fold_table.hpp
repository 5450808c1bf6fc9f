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

// 64 BMP code points, one bit each:
// - kept: step 4 keeps it;
// - mapped: step 3 maps it to one other BMP code point (when no phrase matches);
// - phrase_start: phrase rules start with it;
// - nfkc_boundary: NFKC_Casefold never joins it with what precedes it (ICU's
//   hasBoundaryBefore), so text made only of such characters normalizes character by
//   character;
// - nfkc_mapped: NFKC_Casefold changes it, alone, to `nfkc_outputs`.
// The `_before` counts are the mapped, phrase-start and nfkc_mapped code points of all
// earlier blocks, so that a code point's rank — its index in `bmp_targets`,
// `phrase_starts` or `nfkc_outputs` — is the count plus a popcount within the block.
struct FoldBmpBlock {
  std::uint64_t kept;
  std::uint64_t mapped;
  std::uint64_t phrase_start;
  std::uint64_t nfkc_boundary;
  std::uint64_t nfkc_mapped;
  std::uint16_t mapped_before;
  std::uint16_t phrase_start_before;
  std::uint16_t nfkc_mapped_before;
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

// No rule reads or writes ASCII: the generator refuses rules with ASCII characters, which
// are all rule syntax or white space.
//
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
  // NFKC_Casefold of one BMP code point with nfkc_boundary, by rank: UTF-8 in
  // `nfkc_bytes`, each as offset << 8 | length.
  std::span<const std::uint32_t> nfkc_outputs;
  std::span<const unsigned char> nfkc_bytes;
  std::size_t bmp_phrase_starts;  // how many of phrase_starts are in the BMP
};

// In the generated source (build/…/generated/fold_table_data.cpp).
extern const FoldTable kFoldTable;

}  // namespace zhinan::detail

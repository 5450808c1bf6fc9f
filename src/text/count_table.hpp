// What each code point is to the 字 counts: a table built once from ICU (internal).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace zhinan::detail {

// How a code point acts on the three counts that are not grapheme clusters.
//            word (字数)                       chars   chars_with_spaces
// other      starts a run, or continues one    1       1
// east_asian counts 1 on its own               1       1
//            (also U+2028, U+2029)
// space      ends a run                        0       1
// separator  ends a run (CR, LF, FF, VT, NEL)   0       0
// ignorable  nothing (BOM, ZWSP, variation s.) 0       0
// mark       joins the character before it;   1       1
//            after a space it starts a run
// format     nothing (invisible controls)      1       1
enum class CharClass : std::uint8_t {
  other = 0,
  east_asian = 1,
  space = 2,
  separator = 3,
  ignorable = 4,
  mark = 5,
  format = 6,
};
inline constexpr int kClassCount = 7;
inline constexpr std::uint8_t kClassMask = 0x07;
// Set when the grapheme cluster break property is anything but Other, Control, CR or LF:
// only then may a cluster hold more than one code point (besides CR LF).
inline constexpr std::uint8_t kGraphemeJoins = 0x80;
// What an ill-formed byte reads as: U+FFFD, an other character; flagged so that the
// grapheme count leaves the text to ICU, which folds ill-formed sequences its own way.
inline constexpr std::uint8_t kIllFormed = static_cast<std::uint8_t>(CharClass::other) | kGraphemeJoins;

// A two-level table over all 17 planes: the high bits of a code point pick a 256-entry
// block, the low 8 bits an entry in it. Identical blocks are stored once, so all of
// U+4E00–9FFF shares one block that stays in the L1 cache.
struct CharTable {
  static constexpr std::size_t kBlockCount = 0x110000 / 256;
  std::array<std::uint16_t, kBlockCount> block_of{};
  std::vector<std::uint8_t> blocks;  // block number * 256 + low byte -> class | flags

  // Per 64 code points of U+0800–FFFF, by a 3-byte sequence's lead and first trail byte
  // (cp >> 6): 1 when all 64 are East Asian and join nothing, as the ideographs do (not
  // the Hangul syllables: a jamo may join them). A run of them is counted without a
  // look-up per character.
  std::array<std::uint8_t, 1024> plain_east_asian_3{};

  std::uint8_t entry(char32_t cp) const noexcept {
    return blocks[(static_cast<std::size_t>(block_of[cp >> 8]) << 8) | (cp & 0xFF)];
  }
};

// Built on first use from ICU's Unicode properties; thread-safe.
const CharTable& char_table();

inline CharClass char_class(char32_t cp) {
  return static_cast<CharClass>(char_table().entry(cp) & kClassMask);
}

// Extended grapheme clusters by ICU's character BreakIterator over a UTF-8 UText.
// Texts longer than `chunk` bytes are cut where two ASCII characters meet (always a
// cluster boundary), as ICU's break positions are 32-bit.
std::size_t count_graphemes_icu(std::string_view utf8, std::size_t chunk = std::size_t{1} << 30);

}  // namespace zhinan::detail

// UTF-8 decoding shared by the readers and the text functions (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zhinan::detail {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Decodes one code point at `pos` and advances it; returns kInvalidCodePoint (advancing
// by one byte) for ill-formed input: overlong forms, surrogates, values past U+10FFFF.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// decode_utf8, with ASCII and the three-byte characters of most of CJK decoded here
// without a call: a lead E1–EC, EE or EF takes any two continuation bytes (E0, ED and the
// rest have narrower ranges, which decode_utf8 checks). For loops over long texts.
inline char32_t decode_utf8_inline(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const unsigned lead = s[0];
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  if (pos + 3 <= text.size() && ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) &&
      (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
    pos += 3;
    return static_cast<char32_t>(((lead & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu));
  }
  return decode_utf8(text, pos);
}

// Offset of the first ill-formed byte, or npos when the whole text is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t cp);

}  // namespace zhinan::detail

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

// Offset of the first ill-formed byte, or npos when the whole text is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t cp);

}  // namespace zhinan::detail

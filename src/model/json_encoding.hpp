// What is wrong with bytes that are no UTF-8 JSON text, said precisely enough for a clerk
// to fix it (internal; the failures of json_text.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zhinan::detail {

// An encoding other than UTF-8 that a file's first bytes show: its byte order mark, or the
// NUL bytes UTF-16 and UTF-32 put beside each ASCII character a JSON text begins with
// (RFC 4627, section 3).
struct ForeignEncoding {
  std::string_view name;  // "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "GB18030"
  bool bom = false;
};
std::optional<ForeignEncoding> foreign_encoding(std::string_view bytes);

// Why the UTF-8 sequence at `offset` is ill-formed, in Chinese and English, and its bytes
// in hex ("C0 AF"). `offset` is what find_invalid_utf8 returned.
struct Utf8Problem {
  std::string bytes;
  std::string zh, en;
};
Utf8Problem describe_invalid_utf8(std::string_view text, std::size_t offset);

// True when the text has at least as many well-formed multi-byte UTF-8 characters as runs
// of ill-formed bytes: UTF-8 with a bad spot, not a file in another encoding.
bool mostly_utf8(std::string_view text);

// True when the bytes from `offset` to the end are the first bytes of one UTF-8 character:
// the file was cut inside it.
bool ends_inside_character(std::string_view text, std::size_t offset);

// The backslash of the first \uXXXX escape in a string of `text` that is half a UTF-16
// surrogate pair without its other half (no character: UTF-8 cannot hold it), looking no
// further than `limit`; npos when there is none.
std::size_t find_lone_surrogate_escape(std::string_view text, std::size_t limit);

// "U+001B" for a message.
std::string code_point_name(char32_t cp);

// C0 controls other than tab, line feed and carriage return, DEL and the C1 controls:
// invisible, and no Word form, XML part or terminal shows them as text.
constexpr bool is_control_character(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
}

// The offset of the first is_control_character in well-formed UTF-8, by its bytes (C0 and
// DEL are one byte, C1 is C2 80 to C2 9F), or npos.
std::size_t find_control_character(std::string_view utf8);

// Code points in well-formed UTF-8 (its bytes other than continuation bytes).
std::size_t character_count(std::string_view utf8);

}  // namespace zhinan::detail

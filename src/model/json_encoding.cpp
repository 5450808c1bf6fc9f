#include "model/json_encoding.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "base/utf8.hpp"

namespace zhinan::detail {
namespace {

unsigned byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

bool is_continuation(unsigned b) { return (b & 0xC0) == 0x80; }

// How many bytes a UTF-8 character with this first byte has (0: no first byte).
int sequence_length(unsigned lead) {
  if (lead >= 0xC0 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

std::string hex_bytes(std::string_view text, std::size_t from, std::size_t count) {
  std::string out;
  char buffer[4];
  for (std::size_t i = from; i < text.size() && i < from + count; ++i) {
    std::snprintf(buffer, sizeof buffer, "%02X", byte_at(text, i));
    out += (out.empty() ? "" : " ") + std::string(buffer);
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of a \uXXXX escape at `i`, or -1.
long escape_at(std::string_view text, std::size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
  long v = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const int d = hex_digit(text[k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace

std::optional<ForeignEncoding> foreign_encoding(std::string_view b) {
  using namespace std::string_view_literals;
  if (b.starts_with("\0\0\xFE\xFF"sv)) return ForeignEncoding{"UTF-32BE", true};
  if (b.starts_with("\xFF\xFE\0\0"sv)) return ForeignEncoding{"UTF-32LE", true};  // before UTF-16LE: FF FE too
  if (b.starts_with("\xFE\xFF"sv)) return ForeignEncoding{"UTF-16BE", true};
  if (b.starts_with("\xFF\xFE"sv)) return ForeignEncoding{"UTF-16LE", true};
  if (b.starts_with("\x84\x31\x95\x33"sv)) return ForeignEncoding{"GB18030", true};
  // No BOM: a JSON text begins with an ASCII character, which UTF-16 and UTF-32 pad with NULs.
  const auto zero = [&](std::size_t i) { return b[i] == '\0'; };
  if (b.size() >= 4) {
    if (zero(0) && zero(1) && zero(2) && !zero(3)) return ForeignEncoding{"UTF-32BE", false};
    if (!zero(0) && zero(1) && zero(2) && zero(3)) return ForeignEncoding{"UTF-32LE", false};
    if (zero(0) && !zero(1) && zero(2) && !zero(3)) return ForeignEncoding{"UTF-16BE", false};
    if (!zero(0) && zero(1) && !zero(2) && zero(3)) return ForeignEncoding{"UTF-16LE", false};
  } else if (b.size() >= 2) {
    if (zero(0) && !zero(1)) return ForeignEncoding{"UTF-16BE", false};
    if (!zero(0) && zero(1)) return ForeignEncoding{"UTF-16LE", false};
  }
  return std::nullopt;
}

bool mostly_utf8(std::string_view text) {
  std::size_t characters = 0, bad_runs = 0;
  bool in_bad_run = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (byte_at(text, pos) < 0x80) {
      ++pos;
      in_bad_run = false;
      continue;
    }
    const bool bad = decode_utf8(text, pos) == kInvalidCodePoint;
    if (bad && !in_bad_run) ++bad_runs;
    if (!bad) ++characters;
    in_bad_run = bad;
  }
  return characters >= bad_runs;
}

bool ends_inside_character(std::string_view text, std::size_t offset) {
  const int length = sequence_length(byte_at(text, offset));
  if (length == 0 || offset + static_cast<std::size_t>(length) <= text.size()) return false;
  for (std::size_t i = offset + 1; i < text.size(); ++i)
    if (!is_continuation(byte_at(text, i))) return false;
  return true;
}

Utf8Problem describe_invalid_utf8(std::string_view text, std::size_t offset) {
  const unsigned lead = byte_at(text, offset);
  const int length = sequence_length(lead);
  Utf8Problem p;
  if (length == 0) {
    p.bytes = hex_bytes(text, offset, 1);
    if (is_continuation(lead)) {
      p.zh = "续字节前缺少字符的首字节";
      p.en = "a continuation byte without the first byte of its character";
    } else {
      p.zh = "字节 " + p.bytes + " 不会出现在 UTF-8 编码中";
      p.en = "the byte " + p.bytes + " never occurs in UTF-8";
    }
    return p;
  }
  if (ends_inside_character(text, offset)) {
    p.bytes = hex_bytes(text, offset, 4);
    p.zh = "文件在一个字符的中间结束（文件被截断）";
    p.en = "the file ends inside a character (it was cut off)";
    return p;
  }
  int present = 1;
  while (present < length && is_continuation(byte_at(text, offset + static_cast<std::size_t>(present)))) ++present;
  p.bytes = hex_bytes(text, offset, static_cast<std::size_t>(present));
  const std::string first = hex_bytes(text, offset, 1);
  if (present < length) {
    p.zh = "字符不完整：首字节 " + first + " 之后应有" + std::to_string(length - 1) + "个续字节，只有" +
           std::to_string(present - 1) + "个";
    p.en = "a character cut short: its first byte " + first + " needs " + std::to_string(length - 1) +
           " continuation bytes, " + std::to_string(present - 1) + " follow";
    return p;
  }
  char32_t cp = lead & (0x7Fu >> length);
  for (int i = 1; i < length; ++i) cp = (cp << 6) | (byte_at(text, offset + static_cast<std::size_t>(i)) & 0x3Fu);
  const std::string name = code_point_name(cp);
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    p.zh = "UTF-16 代理项 " + name + " 被编码成了 UTF-8（CESU-8），它不是字符";
    p.en = "the UTF-16 surrogate " + name + " encoded as UTF-8 (CESU-8); it is no character";
  } else if (cp > 0x10FFFF) {
    p.zh = "超出 Unicode 的最大码位 U+10FFFF";
    p.en = "past U+10FFFF, the last code point of Unicode";
  } else {
    p.zh = name + " 的超长编码（overlong），UTF-8 只允许最短的形式";
    p.en = "an overlong encoding of " + name + "; UTF-8 allows only the shortest form";
  }
  return p;
}

std::size_t find_lone_surrogate_escape(std::string_view text, std::size_t limit) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size() && i <= limit; ++i) {
    if (text[i] == '"') {
      in_string = !in_string;
      continue;
    }
    if (!in_string || text[i] != '\\') continue;
    const long v = escape_at(text, i);
    if (v >= 0xD800 && v <= 0xDBFF) {
      const long low = escape_at(text, i + 6);
      if (low < 0xDC00 || low > 0xDFFF) return i;
      i += 11;
    } else if (v >= 0xDC00 && v <= 0xDFFF) {
      return i;
    } else {
      ++i;  // past the escaped character (a quote, a backslash, the u)
    }
  }
  return std::string_view::npos;
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// Whether any byte of `word` is below `n` (n ≤ 128), or equal to `b`: bit tricks on eight
// bytes at once, exact.
constexpr bool any_below(std::uint64_t word, unsigned n) { return ((word - kOnes * n) & ~word & kHighs) != 0; }
constexpr bool any_equal(std::uint64_t word, unsigned b) {
  const std::uint64_t x = word ^ (kOnes * b);
  return ((x - kOnes) & ~x & kHighs) != 0;
}

}  // namespace

std::size_t find_control_character(std::string_view utf8) {
  // Eight bytes at a time past those that cannot start one (no C0, DEL or C2 among them);
  // the rare word that has one is looked at byte by byte (a tab or line break is no finding).
  std::size_t i = 0;
  for (; i < utf8.size(); ++i) {
    if (i + 8 <= utf8.size()) {
      std::uint64_t word;
      std::memcpy(&word, utf8.data() + i, 8);
      if (!any_below(word, 0x20) && !any_equal(word, 0x7F) && !any_equal(word, 0xC2)) {
        i += 7;
        continue;
      }
    }
    const unsigned b = byte_at(utf8, i);
    if (b < 0x80 ? is_control_character(b)
                 : b == 0xC2 && i + 1 < utf8.size() && byte_at(utf8, i + 1) >= 0x80 && byte_at(utf8, i + 1) <= 0x9F)
      return i;
  }
  return std::string_view::npos;
}

std::size_t character_count(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) n += !is_continuation(byte_at(utf8, i));
  return n;
}

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace zhinan::detail

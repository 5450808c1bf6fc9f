// One name component made legal everywhere and readable to a Chinese reader
// (section 四 and "Filename normalization" of the spec; the rules are in file_name.hpp).
#include <algorithm>
#include <array>
#include <cstdio>

#include <unicode/uchar.h>

#include "text/file_name_detail.hpp"
#include "base/utf8.hpp"
#include "zhinan/file_name.hpp"

namespace zhinan::detail {
namespace {

constexpr std::string_view kOpenQuote = "“";
constexpr std::string_view kCloseQuote = "”";
constexpr std::string_view kDeviceGuard = "＿";  // U+FF3F FULLWIDTH LOW LINE
constexpr std::string_view kLeadingPeriod = "．";  // U+FF0E FULLWIDTH FULL STOP

// Windows forbids these in names; the full-width forms read the same to a Chinese reader.
// (The ASCII quote is handled apart: it becomes “ or ” in turn.)
std::string_view full_width_for(char32_t cp) {
  switch (cp) {
    case U':': return "：";
    case U'?': return "？";
    case U'*': return "＊";
    case U'<': return "＜";
    case U'>': return "＞";
    case U'|': return "｜";
    case U'/': return "／";
    case U'\\': return "＼";
    default: return {};
  }
}

enum class Invisible { no, control, zero_width, bidi };

Invisible invisible_kind(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return Invisible::control;
  if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD ||
      cp == 0x180E || (cp >= 0x2061 && cp <= 0x2064))
    return Invisible::zero_width;
  if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C)
    return Invisible::bidi;
  return Invisible::no;
}

bool is_white_space(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0; }

bool is_pictograph(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC) != 0;
}

// Keeps an emoji going across a variation selector or a skin-tone modifier.
bool continues_emoji(char32_t cp) {
  return cp == 0xFE0F || u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EMOJI_MODIFIER) != 0;
}

std::string hex_label(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

void note_replaced(NameChanges& changes, NamePart part, std::string_view from, std::string_view to) {
  if (count_again(changes, NameChangeKind::replaced_char, part, from, to)) return;
  const std::string zh_part(part_zh(part)), en_part(part_en(part));
  if (from == "\"") {
    note(changes, NameChangeKind::replaced_char, part, std::string(from), std::string(to),
         zh_part + "中的英文双引号 \" 不能用于 Windows 文件名，已替换为中文引号 " + std::string(to),
         "the ASCII quote \" cannot appear in a Windows file name; the " + en_part +
             " has the Chinese quote " + std::string(to) + " instead");
    return;
  }
  note(changes, NameChangeKind::replaced_char, part, std::string(from), std::string(to),
       zh_part + "中的 " + std::string(from) + " 不能用于 Windows 文件名，已替换为全角的 " + std::string(to),
       std::string(from) + " cannot appear in a Windows file name; the " + en_part +
           " has the full-width " + std::string(to) + " instead");
}

void note_removed(NameChanges& changes, NamePart part, char32_t cp, Invisible kind) {
  static constexpr std::array<std::string_view, 4> zh = {"", "控制字符", "零宽字符", "双向文字控制符"};
  static constexpr std::array<std::string_view, 4> en = {"", "control character",
                                                         "zero-width character", "bidi control"};
  const auto i = static_cast<std::size_t>(kind);
  const std::string label = hex_label(cp);
  if (count_again(changes, NameChangeKind::removed_char, part, label, "")) return;
  note(changes, NameChangeKind::removed_char, part, label, "",
       std::string(part_zh(part)) + "中的不可见" + std::string(zh[i]) + " " + label + " 已删除",
       "the invisible " + std::string(en[i]) + " " + label + " was removed from the " +
           std::string(part_en(part)));
}

void note_invalid(NameChanges& changes, NamePart part, unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "<%02X>", static_cast<unsigned>(byte));
  if (count_again(changes, NameChangeKind::invalid_utf8, part, buffer, "\xEF\xBF\xBD")) return;
  note(changes, NameChangeKind::invalid_utf8, part, buffer, "\xEF\xBF\xBD",
       std::string(part_zh(part)) + "中有不是 UTF-8 的字节 " + buffer + "，已替换为 U+FFFD",
       std::string("the ") + std::string(part_en(part)) + " has a byte " + buffer +
           " that is not UTF-8; it became U+FFFD");
}

void note_folded(NameChanges& changes, NamePart part, std::string_view run) {
  const std::string shown = visible(run);
  if (count_again(changes, NameChangeKind::folded_space, part, shown, " ")) return;
  note(changes, NameChangeKind::folded_space, part, shown, " ",
       std::string(part_zh(part)) + "中的连续空白或特殊空格（" + shown + "）已合并为一个空格",
       "a run of white space or a special space (" + shown + ") in the " +
           std::string(part_en(part)) + " became one space");
}

void note_trimmed(NameChanges& changes, NamePart part, std::string_view cut) {
  note(changes, NameChangeKind::trimmed, part, visible(cut), "",
       std::string(part_zh(part)) + "首尾的空白或末尾的句点（" + visible(cut) +
           "）已删除：Windows 不允许文件名以空格或句点结尾",
       "white space at either end or periods at the end of the " + std::string(part_en(part)) +
           " (" + visible(cut) + ") were removed: Windows does not allow them at the end of a name");
}

// Is the code point starting at `pos` a pictograph (so that a ZWJ before it joins an emoji)?
bool pictograph_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char32_t next = decode_utf8(text, pos);
  return next != kInvalidCodePoint && is_pictograph(next);
}

}  // namespace

std::string sanitize_text(std::string_view text, NamePart part, bool trim_edges,
                          NameChanges& changes) {
  std::string out;
  std::string space_run;      // white space seen and not yet written
  bool quote_opens = true;    // the next ASCII " becomes “
  bool in_emoji = false;      // the last character written belongs to an emoji
  const auto flush_spaces = [&] {
    if (space_run.empty()) return;
    if (out.empty() && trim_edges) {
      note_trimmed(changes, part, space_run);
    } else {
      out += ' ';
      if (space_run != " ") note_folded(changes, part, space_run);
    }
    space_run.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    char32_t cp = decode_utf8(text, pos);
    if (cp == kInvalidCodePoint) {
      note_invalid(changes, part, static_cast<unsigned char>(text[start]));
      cp = 0xFFFD;
    }
    if (is_white_space(cp)) {
      space_run.append(text.substr(start, pos - start));
      continue;
    }
    if (const Invisible kind = invisible_kind(cp); kind != Invisible::no) {
      // A ZWJ between pictographs is part of an emoji (👨‍👩‍👧); elsewhere it is invisible.
      if (!(cp == 0x200D && in_emoji && space_run.empty() && pictograph_at(text, pos))) {
        note_removed(changes, part, cp, kind);
        continue;
      }
    }
    flush_spaces();
    in_emoji = is_pictograph(cp) || (in_emoji && continues_emoji(cp));
    if (cp == U'"') {
      const std::string_view quote = quote_opens ? kOpenQuote : kCloseQuote;
      note_replaced(changes, part, "\"", quote);
      out += quote;
      quote_opens = !quote_opens;
    } else if (const std::string_view wide = full_width_for(cp); !wide.empty()) {
      note_replaced(changes, part, text.substr(start, pos - start), wide);
      out += wide;
    } else {
      append_utf8(out, cp);
    }
  }
  if (!space_run.empty()) {
    if (trim_edges) note_trimmed(changes, part, space_run);
    else flush_spaces();
  }
  return out;
}

}  // namespace zhinan::detail

namespace zhinan {
namespace {

constexpr std::array<std::string_view, 6> kDevices = {"con", "prn", "aux", "nul", "conin$", "conout$"};
constexpr std::array<std::string_view, 13> kDeviceSuffixes = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"};

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ascii_ci(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (ascii_lower(text[i]) != lower[i]) return false;
  return true;
}

// Length of the device word at the start of `name` (0 when there is none): Windows
// looks at the part before the first period, ignoring spaces at its end.
std::size_t device_word_length(std::string_view name) {
  std::string_view base = name.substr(0, name.find('.'));
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  for (std::string_view device : kDevices)
    if (equals_ascii_ci(base, device)) return base.size();
  if (base.size() < 4) return 0;
  const std::string_view stem = base.substr(0, 3);
  if (!equals_ascii_ci(stem, "com") && !equals_ascii_ci(stem, "lpt")) return 0;
  for (std::string_view suffix : kDeviceSuffixes)
    if (base.substr(3) == suffix) return base.size();
  return 0;
}

}  // namespace

bool is_windows_device_name(std::string_view name) { return device_word_length(name) > 0; }

}  // namespace zhinan

namespace zhinan::detail {

std::string finish_component(std::string name, NamePart part, NameChanges* changes) {
  NameChanges ignored;
  NameChanges& out = changes ? *changes : ignored;
  std::size_t lead = 0;
  while (lead < name.size() && name[lead] == ' ') ++lead;
  if (lead > 0) {
    note_trimmed(out, part, name.substr(0, lead));
    name.erase(0, lead);
  }
  std::size_t keep = name.size();
  while (keep > 0 && (name[keep - 1] == ' ' || name[keep - 1] == '.')) --keep;
  if (keep < name.size()) {
    note_trimmed(out, part, std::string_view(name).substr(keep));
    name.resize(keep);
  }
  if (!name.empty() && name.front() == '.') {
    name.replace(0, 1, kLeadingPeriod);
    note(out, NameChangeKind::leading_period, part, ".", std::string(kLeadingPeriod),
         std::string(part_zh(part)) + "以“.”开头，在 macOS 和 Linux 上会被隐藏，已改为“．”",
         "the " + std::string(part_en(part)) +
             " began with \".\", which hides a file on macOS and Linux; it begins with \"．\" now");
  }
  if (const std::size_t word = device_word_length(name); word > 0) {
    const std::string before = name;
    name.insert(word, kDeviceGuard);
    note(out, NameChangeKind::device_name, part, before, name,
         "“" + before + "”是 Windows 的设备名，不能用作文件名，已改为“" + name + "”",
         "\"" + before + "\" is a Windows device name and cannot be a file name; it became \"" +
             name + "\"");
  }
  if (name.empty()) {
    name = kUnnamedPlaceholder;
    note(out, NameChangeKind::empty_name, part, "", name,
         std::string(part_zh(part)) + "为空（或只含不能使用的字符），已用“" + name + "”代替",
         "the " + std::string(part_en(part)) + " was empty (or held nothing usable); \"" + name +
             "\" stands in");
  }
  return name;
}

// ".docx" of "报告.docx": a dot, then 1 to 10 ASCII letters and digits with at least one
// letter (so "第2.5版" has none); "" when there is none or the name is only an extension.
std::string extension_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name.size() - dot - 1 > 10 || dot + 1 == name.size()) return {};
  bool letter = false;
  for (char c : name.substr(dot + 1)) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !(c >= '0' && c <= '9')) return {};
    letter = letter || alpha;
  }
  return letter ? std::string(name.substr(dot)) : std::string();
}

}  // namespace zhinan::detail

namespace zhinan {

SanitizedName sanitize_name_component(std::string_view name, std::size_t max_bytes) {
  max_bytes = std::max(max_bytes, kMinNameBytes);
  SanitizedName result;
  std::string text = detail::sanitize_text(name, NamePart::name, true, result.changes);
  text = detail::finish_component(std::move(text), NamePart::name, &result.changes);
  if (text.size() > max_bytes) {
    // A name with an extension keeps it whole: the cut is in the part before it.
    const std::string extension = detail::extension_of(text);
    const std::string stem = text.substr(0, text.size() - extension.size());
    const auto ends = detail::grapheme_ends(stem);
    const auto fits = [&](std::size_t keep) {
      return detail::finish_component(detail::cut_with_ellipsis(stem, ends, keep) + extension, NamePart::name,
                                      nullptr)
                 .size() <= max_bytes;
    };
    const std::size_t keep = detail::largest_fitting(0, ends.size() - 1, fits).value_or(0);
    std::string cut = detail::finish_component(detail::cut_with_ellipsis(stem, ends, keep) + extension,
                                               NamePart::name, &result.changes);
    const std::string limit = std::to_string(max_bytes);
    detail::note(result.changes, NameChangeKind::shortened_name, NamePart::name, text, cut,
                 "文件名超过 " + limit + " 字节，已在字符边界处截短为“" + cut + "”",
                 "the file name was longer than " + limit +
                     " bytes; it was cut at a character boundary to \"" + cut + "\"");
    text = std::move(cut);
  }
  detail::finish_messages(result.changes);
  result.name = std::move(text);
  return result;
}

}  // namespace zhinan

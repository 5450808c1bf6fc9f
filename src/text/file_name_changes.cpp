// Reporting what file-name normalization changed, so the clerk can be told.
#include <algorithm>
#include <cstdio>

#include <unicode/uchar.h>

#include "text/file_name_detail.hpp"
#include "base/utf8.hpp"
#include "zhinan/file_name.hpp"

namespace zhinan {

std::string_view to_string(NameChangeKind kind) {
  switch (kind) {
    case NameChangeKind::replaced_char: return "replaced_char";
    case NameChangeKind::removed_char: return "removed_char";
    case NameChangeKind::invalid_utf8: return "invalid_utf8";
    case NameChangeKind::folded_space: return "folded_space";
    case NameChangeKind::trimmed: return "trimmed";
    case NameChangeKind::leading_period: return "leading_period";
    case NameChangeKind::device_name: return "device_name";
    case NameChangeKind::empty_name: return "empty_name";
    case NameChangeKind::shortened_title: return "shortened_title";
    case NameChangeKind::shortened_unit: return "shortened_unit";
    case NameChangeKind::shortened_name: return "shortened_name";
    case NameChangeKind::disambiguated: return "disambiguated";
  }
  return "replaced_char";
}

std::string_view to_string(NamePart part) {
  switch (part) {
    case NamePart::name: return "name";
    case NamePart::title: return "title";
    case NamePart::unit: return "unit";
    case NamePart::extension: return "extension";
    case NamePart::pattern: return "pattern";
  }
  return "name";
}

bool has(const NameChanges& changes, NameChangeKind kind) {
  return std::any_of(changes.begin(), changes.end(),
                     [&](const NameChange& c) { return c.kind == kind; });
}

}  // namespace zhinan

namespace zhinan::detail {

std::string_view part_zh(NamePart part) {
  switch (part) {
    case NamePart::name: return "文件名";
    case NamePart::title: return "项目名称";
    case NamePart::unit: return "建议单位";
    case NamePart::extension: return "扩展名";
    case NamePart::pattern: return "命名模式";
  }
  return "文件名";
}

std::string_view part_en(NamePart part) {
  switch (part) {
    case NamePart::name: return "file name";
    case NamePart::title: return "title";
    case NamePart::unit: return "unit";
    case NamePart::extension: return "extension";
    case NamePart::pattern: return "name pattern";
  }
  return "file name";
}

bool count_again(NameChanges& changes, NameChangeKind kind, NamePart part,
                 std::string_view original, std::string_view replacement) {
  for (NameChange& c : changes) {
    if (c.kind == kind && c.part == part && c.original == original && c.replacement == replacement) {
      ++c.count;
      return true;
    }
  }
  return false;
}

void note(NameChanges& changes, NameChangeKind kind, NamePart part, std::string original,
          std::string replacement, std::string message_zh, std::string message_en) {
  if (count_again(changes, kind, part, original, replacement)) return;
  changes.push_back(NameChange{kind, part, std::move(original), std::move(replacement), 1,
                               std::move(message_zh), std::move(message_en)});
}

void finish_messages(NameChanges& changes) {
  for (NameChange& c : changes) {
    if (c.count < 2) continue;
    const std::string n = std::to_string(c.count);
    c.message_zh += "（" + n + " 处）";
    c.message_en += " (" + n + " times)";
  }
}

namespace {

bool shown_as_code(char32_t cp) {
  if (u_isUWhiteSpace(static_cast<UChar32>(cp))) return true;
  const auto category = u_charType(static_cast<UChar32>(cp));
  return category == U_CONTROL_CHAR || category == U_FORMAT_CHAR;
}

}  // namespace

std::string visible(std::string_view text) {
  std::string out;
  bool after_label = false;
  const auto label = [&](const char* format, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    if (!out.empty()) out += ' ';
    out += buffer;
    after_label = true;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (cp == kInvalidCodePoint) {
      label("<%02X>", static_cast<unsigned char>(text[start]));
    } else if (shown_as_code(cp)) {
      label("U+%04X", static_cast<unsigned>(cp));
    } else {
      if (after_label) out += ' ';
      after_label = false;
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace zhinan::detail

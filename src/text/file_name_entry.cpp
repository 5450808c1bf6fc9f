// Package entry names `序号.项目名称-建议单位.ext` (section 四), within the budgets and
// never equal to one another on a case-insensitive file system.
#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "text/file_name_detail.hpp"
#include "zhinan/file_name.hpp"

namespace zhinan {
namespace {

using detail::cut_with_ellipsis;
using detail::finish_component;
using detail::grapheme_ends;
using detail::largest_fitting;

enum class Field { literal, number, title, unit };

struct Segment {
  Field field = Field::literal;
  std::string text;  // the literal text, sanitized
};

// A request with every piece sanitized once, ready to be put together under a budget.
struct Prepared {
  std::vector<Segment> segments;
  std::string number, title, unit, extension;
  NameChanges changes;  // what sanitizing the pieces changed

  bool uses(Field field) const {
    return std::any_of(segments.begin(), segments.end(),
                       [&](const Segment& s) { return s.field == field; });
  }

  std::string stem(std::string_view title_text, std::string_view unit_text) const {
    std::string out;
    for (const Segment& s : segments) {
      switch (s.field) {
        case Field::literal: out += s.text; break;
        case Field::number: out += number; break;
        case Field::title: out += title_text; break;
        case Field::unit: out += unit_text; break;
      }
    }
    return out;
  }

  std::string whole(std::string stem_text, std::string_view suffix, NameChanges* notes) const {
    stem_text += suffix;
    if (!extension.empty()) stem_text += "." + extension;
    return finish_component(std::move(stem_text), NamePart::name, notes);
  }
};

// The budgets for the file name itself, with the floors of file_name.hpp applied.
struct Limits {
  std::size_t bytes = 0;
  std::size_t units = 0;
  std::size_t path_units = 0;  // as asked, for the messages

  bool fits(std::string_view name) const {
    return name.size() <= bytes && utf16_length(name) <= units;
  }
};

Limits limits_for(std::string_view folder, const NameBudget& budget) {
  Limits limits;
  limits.bytes = std::max(budget.max_name_bytes, kMinNameBytes);
  limits.path_units = budget.max_path_utf16;
  const std::size_t folder_units = folder.empty() ? 0 : utf16_length(folder) + 1;
  // Windows allows 255 UTF-16 units per component whatever the path.
  limits.units = std::min<std::size_t>(255, budget.max_path_utf16 > folder_units
                                                ? budget.max_path_utf16 - folder_units
                                                : 0);
  limits.units = std::max(limits.units, kMinNameUtf16);
  return limits;
}

std::vector<Segment> parse_pattern(std::string_view pattern, NameChanges& changes) {
  if (pattern.empty()) pattern = kDefaultFileNamePattern;
  std::vector<Segment> segments;
  std::string literal;
  const auto flush = [&] {
    if (literal.empty()) return;
    segments.push_back({Field::literal, detail::sanitize_text(literal, NamePart::pattern, false, changes)});
    literal.clear();
  };
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    if (pattern[pos] == '{') {
      const std::size_t close = pattern.find('}', pos);
      const std::string_view name =
          close == std::string_view::npos ? std::string_view() : pattern.substr(pos + 1, close - pos - 1);
      const Field field = name == "number" ? Field::number
                          : name == "title" ? Field::title
                          : name == "unit"  ? Field::unit
                                            : Field::literal;
      if (field != Field::literal) {
        flush();
        segments.push_back({field, {}});
        pos = close + 1;
        continue;
      }
    }
    literal += pattern[pos++];
  }
  flush();
  return segments;
}

// Title and unit: sanitized, trimmed, and never empty.
std::string prepare_field(std::string_view text, NamePart part, std::string_view placeholder,
                          NameChanges& changes) {
  std::string out = detail::sanitize_text(text, part, true, changes);
  if (out.empty()) {
    out = placeholder;
    detail::note(changes, NameChangeKind::empty_name, part, "", out,
                 std::string(detail::part_zh(part)) + "为空（或只含不能使用的字符），文件名中用“" + out + "”代替",
                 "the " + std::string(detail::part_en(part)) + " was empty (or held nothing usable); \"" +
                     out + "\" stands in");
  }
  return out;
}

std::string prepare_extension(std::string_view text, NameChanges& changes) {
  // "docx", ".docx" and " .docx. " are the same extension.
  std::string out = detail::sanitize_text(text, NamePart::extension, true, changes);
  const std::size_t first = out.find_first_not_of(". ");
  out = first == std::string::npos ? std::string() : out.substr(first, out.find_last_not_of(". ") - first + 1);
  if (out.size() > kMaxExtensionBytes) {
    const auto ends = grapheme_ends(out);
    std::size_t keep = 0;
    while (keep < ends.size() && ends[keep] <= kMaxExtensionBytes) ++keep;
    std::string cut = out.substr(0, keep == 0 ? 0 : ends[keep - 1]);
    while (!cut.empty() && (cut.back() == '.' || cut.back() == ' ')) cut.pop_back();
    detail::note(changes, NameChangeKind::shortened_name, NamePart::extension, out, cut,
                 "扩展名过长，已截短为“" + cut + "”", "the extension was too long; it was cut to \"" + cut + "\"");
    out = std::move(cut);
  }
  return out;
}

Prepared prepare(const EntryNameRequest& request, std::string_view pattern) {
  Prepared p;
  p.segments = parse_pattern(pattern, p.changes);
  p.number = std::to_string(request.number);
  if (p.uses(Field::title))
    p.title = prepare_field(request.title, NamePart::title, kUnnamedPlaceholder, p.changes);
  if (p.uses(Field::unit))
    p.unit = prepare_field(request.unit, NamePart::unit, kUnknownUnitPlaceholder, p.changes);
  p.extension = prepare_extension(request.extension, p.changes);
  return p;
}

std::string budget_zh(const Limits& limits) {
  return "文件名不超过 " + std::to_string(limits.bytes) + " 字节、包内路径不超过 " +
         std::to_string(limits.path_units) + " 个字符";
}

std::string budget_en(const Limits& limits) {
  return "the file name within " + std::to_string(limits.bytes) + " bytes and the path in the package within " +
         std::to_string(limits.path_units) + " characters";
}

// Cuts `field` (title or unit) to the most graphemes, at least one, with which the name
// fits. When even one grapheme and "…" do not fit, the field is left at its shortest:
// that cut, or the whole field when the cut would not be shorter ("ab" → "a…" is not).
void shorten_field(std::string& field, const std::string& full,
                   const std::function<bool(const std::string&)>& fits_with) {
  const auto ends = grapheme_ends(full);
  if (ends.size() < 2) return;
  const auto keep = largest_fitting(1, ends.size() - 1, [&](std::size_t k) {
    return fits_with(cut_with_ellipsis(full, ends, k));
  });
  std::string cut = cut_with_ellipsis(full, ends, keep.value_or(1));
  if (keep || (cut.size() < full.size() && utf16_length(cut) <= utf16_length(full))) field = std::move(cut);
}

// One name for `p` with " (n)" `suffix` before the extension, within `limits`.
EntryName build(const Prepared& p, std::string_view suffix, const Limits& limits) {
  EntryName out;
  out.changes = p.changes;
  std::string title = p.title, unit = p.unit;
  const auto fits = [&](const std::string& t, const std::string& u) {
    return limits.fits(p.whole(p.stem(t, u), suffix, nullptr));
  };
  bool title_cut = false, unit_cut = false;
  if (!fits(title, unit) && p.uses(Field::title)) {
    shorten_field(title, p.title, [&](const std::string& t) { return fits(t, unit); });
    title_cut = title != p.title;
  }
  if (!fits(title, unit) && p.uses(Field::unit)) {
    shorten_field(unit, p.unit, [&](const std::string& u) { return fits(title, u); });
    unit_cut = unit != p.unit;
  }
  if (title_cut)
    detail::note(out.changes, NameChangeKind::shortened_title, NamePart::title, p.title, title,
                 "项目名称过长，文件名中已截短为“" + title + "”（" + budget_zh(limits) + "）",
                 "the title was too long; the file name has \"" + title + "\" (" + budget_en(limits) + ")");
  if (unit_cut)
    detail::note(out.changes, NameChangeKind::shortened_unit, NamePart::unit, p.unit, unit,
                 "建议单位名称过长，文件名中已截短为“" + unit + "”（" + budget_zh(limits) + "）",
                 "the unit was too long; the file name has \"" + unit + "\" (" + budget_en(limits) + ")");
  if (fits(title, unit)) {
    out.file_name = p.whole(p.stem(title, unit), suffix, &out.changes);
    return out;
  }
  // Still too long (a grapheme cluster of hundreds of bytes, a huge pattern or folder):
  // cut the whole stem; the floors of the budget leave room for "…", suffix and extension.
  const std::string stem = p.stem(title, unit);
  const auto ends = grapheme_ends(stem);
  const std::size_t keep =
      ends.empty() ? 0
                   : largest_fitting(0, ends.size() - 1, [&](std::size_t k) {
                       return limits.fits(p.whole(cut_with_ellipsis(stem, ends, k), suffix, nullptr));
                     }).value_or(0);
  const std::string cut = cut_with_ellipsis(stem, ends, keep);
  out.file_name = p.whole(cut, suffix, &out.changes);
  detail::note(out.changes, NameChangeKind::shortened_name, NamePart::name, stem, cut,
               "文件名仍然过长，已整体截短为“" + out.file_name + "”（" + budget_zh(limits) + "）",
               "the file name was still too long; it was cut as a whole to \"" + out.file_name + "\" (" +
                   budget_en(limits) + ")");
  return out;
}

std::string join_path(std::string_view folder, std::string_view file_name) {
  if (folder.empty()) return std::string(file_name);
  return std::string(folder) + "/" + std::string(file_name);
}

std::string path_key(std::string_view folder, std::string_view file_name) {
  if (folder.empty()) return name_compare_key(file_name);
  return name_compare_key(folder) + "/" + name_compare_key(file_name);
}

}  // namespace

EntryName make_entry_name(const EntryNameRequest& request, std::string_view pattern,
                          const NameBudget& budget) {
  EntryName name = build(prepare(request, pattern), "", limits_for(request.folder, budget));
  name.path = join_path(request.folder, name.file_name);
  detail::finish_messages(name.changes);
  return name;
}

std::vector<EntryName> make_entry_names(std::span<const EntryNameRequest> requests,
                                        std::string_view pattern, const NameBudget& budget) {
  constexpr std::size_t kFolder = static_cast<std::size_t>(-1);
  std::unordered_map<std::string, std::size_t> taken;  // path key → entry index, or kFolder
  for (const EntryNameRequest& r : requests)
    if (!r.folder.empty()) taken.emplace(name_compare_key(r.folder), kFolder);
  std::vector<EntryName> names;
  names.reserve(requests.size());
  for (const EntryNameRequest& request : requests) {
    const Prepared p = prepare(request, pattern);
    const Limits limits = limits_for(request.folder, budget);
    EntryName name = build(p, "", limits);
    auto clash = taken.find(path_key(request.folder, name.file_name));
    if (clash != taken.end()) {
      const std::string wanted = join_path(request.folder, name.file_name);
      const std::string other = clash->second == kFolder ? "" : names[clash->second].path;
      // Distinct numbers give distinct names, so this ends within taken.size() + 1 tries.
      for (std::size_t n = 2;; ++n) {
        if (n > taken.size() + 2) throw std::logic_error("make_entry_names: no free \" (n)\"");
        name = build(p, " (" + std::to_string(n) + ")", limits);
        if (!taken.contains(path_key(request.folder, name.file_name))) break;
      }
      const std::string zh_other = other.empty() ? "同名的文件夹" : "前面的“" + other + "”";
      const std::string en_other = other.empty() ? "a folder of that name" : "the earlier \"" + other + "\"";
      detail::note(name.changes, NameChangeKind::disambiguated, NamePart::name, wanted,
                   name.file_name,
                   "“" + wanted + "”与" + zh_other + "在不区分大小写的文件系统上是同一个名字，已改为“" +
                       name.file_name + "”",
                   "\"" + wanted + "\" would be the same name as " + en_other +
                       " on a case-insensitive file system; it became \"" + name.file_name + "\"");
    }
    taken.emplace(path_key(request.folder, name.file_name), names.size());
    name.path = join_path(request.folder, name.file_name);
    detail::finish_messages(name.changes);
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace zhinan

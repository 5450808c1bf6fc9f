#include "import/form_values.hpp"

#include <array>
#include <cstdint>
#include <unordered_map>

#include "base/utf8.hpp"
#include <unicode/uchar.h>

namespace zhinan::detail {

namespace {

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0 || cp == 0x200B ||
         cp == 0xFEFF;
}

// Full-width ASCII (U+FF01–FF5E) to ASCII, so that １２００ and ，are read as 1200 and ,.
char32_t half_width(char32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp; }

std::string half_width_text(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (cp == kInvalidCodePoint) out.append(text.substr(start, pos - start));
    else append_utf8(out, half_width(cp));
  }
  return out;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (!is_space_cp(cp)) out.append(text.substr(start, pos - start));
  }
  return out;
}

bool strip_suffix(std::string& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.resize(text.size() - suffix.size());
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "1,200.5" → "1200.5" when every comma groups three digits; nothing otherwise.
std::optional<std::string> plain_decimal(std::string_view text) {
  std::string digits;
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.find(',') != std::string_view::npos) {
    std::size_t start = 0;
    bool first = true;
    while (start <= whole.size()) {
      const std::size_t comma = whole.find(',', start);
      const std::string_view group = whole.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      if (!all_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
      digits += group;
      first = false;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  } else {
    if (!all_digits(whole)) return std::nullopt;
    digits = whole;
  }
  if (dot != std::string_view::npos) {
    if (!all_digits(fraction)) return std::nullopt;
    digits += '.';
    digits += fraction;
  }
  return digits;
}

// A decimal in 元 divided by 10,000, exactly: the point moves four places left.
std::string yuan_to_wan(const std::string& yuan) {
  const std::size_t dot = yuan.find('.');
  std::string whole = yuan.substr(0, dot);
  std::string fraction = dot == std::string::npos ? std::string() : yuan.substr(dot + 1);
  while (whole.size() < 5) whole.insert(whole.begin(), '0');
  fraction = whole.substr(whole.size() - 4) + fraction;
  whole.resize(whole.size() - 4);
  while (whole.size() > 1 && whole.front() == '0') whole.erase(whole.begin());
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? whole : whole + "." + fraction;
}

constexpr std::array<std::string_view, 14> kChineseDigits = {"零", "一", "二", "三", "四", "五", "六",
                                                             "七", "八", "九", "十", "〇", "两", "壹"};

// 一 … 九十九 (as 第四级 and 第十三级 write them).
std::optional<int> chinese_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  int pending = -1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool matched = false;
    for (std::size_t d = 0; d < kChineseDigits.size(); ++d) {
      if (text.substr(pos).starts_with(kChineseDigits[d])) {
        pos += kChineseDigits[d].size();
        matched = true;
        if (d == 10) {
          value += (pending < 0 ? 1 : pending) * 10;
          pending = -1;
        } else {
          pending = d == 11 ? 0 : d == 12 ? 2 : d == 13 ? 1 : static_cast<int>(d);
        }
        break;
      }
    }
    if (!matched) return std::nullopt;
  }
  if (pending > 0) value += pending;
  return value;
}

}  // namespace

std::string trim_text(std::string_view text) {
  const std::string_view half = text;
  std::size_t begin = 0;
  std::size_t end = half.size();
  std::size_t pos = 0;
  bool seen = false;
  while (pos < half.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(half, pos);
    if (!is_space_cp(cp)) {
      if (!seen) begin = start;
      seen = true;
      end = pos;
    }
  }
  return seen ? std::string(half.substr(begin, end - begin)) : std::string();
}

bool is_placeholder(std::string_view text) {
  std::string t = without_spaces(half_width_text(text));
  strip_suffix(t, "万元") || strip_suffix(t, "元");
  if (t.empty()) return false;
  std::size_t pos = 0;
  while (pos < t.size()) {
    const char32_t cp = decode_utf8(t, pos);
    if (cp != 'X' && cp != 'x' && cp != '_' && cp != 0xFF3F && cp != 0x2014 && cp != 0x2026 && cp != '.') return false;
  }
  return true;
}

AmountRead read_amount(std::string_view text) {
  AmountRead out;
  std::string t = without_spaces(half_width_text(text));
  if (t.empty()) return out;
  if (is_placeholder(t)) {
    out.placeholder = true;
    return out;
  }
  bool yuan = false;
  if (!strip_suffix(t, "万元") && !strip_suffix(t, "万")) yuan = strip_suffix(t, "元");
  if (const std::optional<std::string> plain = plain_decimal(t)) {
    std::string literal = yuan ? yuan_to_wan(*plain) : *plain;
    if (const auto money = Money::parse(literal)) literal = money->to_string();
    out.amount = DecimalText{literal, false};
    out.converted_from_yuan = yuan;
    return out;
  }
  out.amount = DecimalText{trim_text(text), true};  // no number: kept as written, the rules say so
  return out;
}

std::optional<TrlLevel> read_level(std::string_view text, const TrlScale& scale) {
  std::string t = without_spaces(half_width_text(text));
  if (t.empty()) return std::nullopt;
  for (char& c : t) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (t.starts_with("TRL")) t.erase(0, 3);
  if (t.starts_with("第")) t.erase(0, std::string_view("第").size());
  // "4级功能级": the number is enough; a name alone is looked up on the scale.
  std::size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 3) {
    const std::string_view rest = std::string_view(t).substr(digits);
    if (rest.empty() || rest.starts_with("级")) return TrlLevel{std::stoi(t.substr(0, digits))};
  }
  const std::size_t ji = t.find("级");
  if (ji != std::string::npos && ji > 0) {
    if (const auto n = chinese_number(std::string_view(t).substr(0, ji))) return TrlLevel{*n};
  }
  const std::string folded = label_key(t);
  for (const TrlLevelDefinition& level : scale.levels()) {
    if (!level.name.empty() && folded.starts_with(label_key(level.name))) return TrlLevel{level.level};
  }
  return std::nullopt;
}

std::vector<Option> split_options(std::string_view cell) {
  static constexpr std::array<std::string_view, 7> kTicked = {"☑", "☒", "■", "▣", "√", "✓", "✔"};
  static constexpr std::array<std::string_view, 3> kUnticked = {"☐", "□", "◻"};
  std::vector<Option> out(1);
  std::size_t pos = 0;
  while (pos < cell.size()) {
    const std::string_view rest = cell.substr(pos);
    std::size_t glyph = 0;
    bool ticked = false;
    for (std::string_view g : kTicked) {
      if (rest.starts_with(g)) glyph = g.size(), ticked = true;
    }
    for (std::string_view g : kUnticked) {
      if (rest.starts_with(g)) glyph = g.size();
    }
    if (glyph != 0) {
      out.push_back(Option{ticked, true, {}});
      pos += glyph;
      continue;
    }
    const std::size_t start = pos;
    decode_utf8(cell, pos);
    out.back().text.append(cell.substr(start, pos - start));
  }
  if (out.front().text.empty() && out.size() > 1) out.erase(out.begin());
  return out;
}

std::string label_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = decode_utf8(text, pos);
    if (cp == kInvalidCodePoint) continue;
    cp = half_width(cp);
    const std::uint32_t category = U_MASK(u_charType(static_cast<UChar32>(cp)));
    if ((category & (U_GC_P_MASK | U_GC_S_MASK | U_GC_Z_MASK | U_GC_CC_MASK | U_GC_CF_MASK)) != 0) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    append_utf8(out, cp);
  }
  return out;
}

const std::string& folded_label(const std::string& label) {
  // Labels repeat on every form: fold each once per thread (ICU's transliterator is slow).
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(label);
  if (it == cache.end()) it = cache.emplace(label, label_key(label)).first;
  return it->second;
}

const Choice* choice_at(std::string_view folded_text, const std::vector<const Choice*>& choices) {
  const Choice* best = nullptr;
  std::size_t best_size = 0;
  for (const Choice* choice : choices) {
    std::vector<std::string_view> names = {folded_label(choice->label)};
    for (const std::string& alias : choice->aliases) names.push_back(folded_label(alias));
    for (std::string_view name : names) {
      if (!name.empty() && folded_text.starts_with(name) && name.size() > best_size) {
        best = choice;
        best_size = name.size();
      }
    }
  }
  return best;
}

bool is_template_guidance(std::string_view text) {
  // The reference outline's own sentences (附件1), which a unit may leave under a heading.
  static constexpr std::array<std::string_view, 11> kGuidance = {
      "简要说明项目实施的必要性、主要合作内容、拟解决关键问题、预期成效目标（1000字以内）",
      "简述项目开展的必要性和重要性。",
      "简述项目概况，包括国内外发展现状、项目目标、开展国际科技合作的必要性、主要研究内容、预期成效等。",
      "阐述中方承担单位与外方合作单位相关研究任务等。",
      "提出项目的可考核的研究目标。",
      "定量化描述项目要达到的主要技术指标。",
      "描述项目实施要达到的经济效益、平台建设、人才引进培养等目标。",
      "项目总投入、省财政资金支持建议等。",
      "简要描述该关键技术的相关信息。",
      "项目预期指标与国内外同类技术指标对比。",
      "描述项目预期成效，项目交示件须可检验、可评测、可考核，并体现与国内外同类指标对比。",
  };
  if (text.size() > 400) return false;  // longer than any guidance sentence: the unit's own text
  const std::string folded = label_key(text);
  if (folded.empty()) return false;
  for (std::string_view g : kGuidance) {
    if (folded_label(std::string(g)) == folded) return true;
  }
  return false;
}

}  // namespace zhinan::detail

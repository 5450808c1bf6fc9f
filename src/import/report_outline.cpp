// 说明报告: the text under each heading of the reference outline (附件1) into its field.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "base/utf8.hpp"
#include "import/form_values.hpp"
#include "import/readers.hpp"

namespace zhinan::detail {

namespace {

enum class Section {
  none, background, overview, status_group, status_quo, gaps, significance, necessity, cooperation_basis,
  research_content, objectives, technical_indicators, performance_targets, funding_plan, key_technologies,
  key_technology, expected_outcomes, guideline, guideline_research, guideline_indicators, acceptance_indicators,
  performance_indicators
};

struct Heading {
  std::string_view folded;  // the heading's words, folded
  Section section;
  Section parent;  // the top-level heading it belongs under (none: anywhere)
};

constexpr std::array kHeadings = {
    Heading{"背景意义", Section::background, Section::none},
    Heading{"项目概述", Section::overview, Section::none},
    Heading{"关键技术清单及技术成熟度", Section::key_technologies, Section::none},
    Heading{"关键技术清单", Section::key_technologies, Section::none},
    Heading{"预期成效和项目交示件", Section::expected_outcomes, Section::none},
    Heading{"预期成效", Section::expected_outcomes, Section::none},
    Heading{"指南建议", Section::guideline, Section::none},
    Heading{"国内外发展现状与差距分析", Section::status_group, Section::overview},
    Heading{"发展现状", Section::status_quo, Section::overview},
    Heading{"主要差距", Section::gaps, Section::overview},
    Heading{"实施意义", Section::significance, Section::overview},
    Heading{"开展国际科技合作的必要性", Section::necessity, Section::overview},
    Heading{"国际科技合作的必要性", Section::necessity, Section::overview},
    Heading{"合作必要性", Section::necessity, Section::overview},
    Heading{"合作基础", Section::cooperation_basis, Section::overview},
    Heading{"主要研究内容", Section::research_content, Section::overview},
    Heading{"项目目标", Section::objectives, Section::overview},
    Heading{"技术指标", Section::technical_indicators, Section::overview},
    Heading{"绩效目标", Section::performance_targets, Section::overview},
    Heading{"资金投入", Section::funding_plan, Section::overview},
    Heading{"研究内容", Section::guideline_research, Section::guideline},
    Heading{"考核指标", Section::guideline_indicators, Section::guideline},
    Heading{"验收考核指标", Section::acceptance_indicators, Section::guideline},
    Heading{"绩效参考指标", Section::performance_indicators, Section::guideline},
};

// Labelled paragraphs ("技术描述：…") inside a key technology's section and the guideline.
enum class Label { none, description, current_level, expected_level, evidence, expected_indicators, partners,
                   eligibility, support_intensity, readiness, deliverables, scope, research };

struct LabelText {
  std::string_view text;
  Label label;
};

constexpr std::array kLabels = {
    LabelText{"技术描述", Label::description},      LabelText{"当前技术成熟度等级", Label::current_level},
    LabelText{"实施预期等级", Label::expected_level}, LabelText{"技术凭证", Label::evidence},
    LabelText{"预期指标", Label::expected_indicators}, LabelText{"外方合作单位", Label::partners},
    LabelText{"申报条件", Label::eligibility},      LabelText{"支持强度", Label::support_intensity},
    LabelText{"技术成熟度", Label::readiness},      LabelText{"项目交示件", Label::deliverables},
    LabelText{"张榜范围", Label::scope},            LabelText{"研究内容", Label::research},
};

bool starts_with_any(std::string_view text, std::size_t& length, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (text.starts_with(p)) {
      length = p.size();
      return true;
    }
  }
  return false;
}

// The outline's numbering at the start: 一、 （一） (一) 1. 1、 1． (1) ①; its length in bytes.
std::size_t numbering_length(std::string_view text) {
  static constexpr std::array<std::string_view, 10> kNumerals = {"一", "二", "三", "四", "五",
                                                                 "六", "七", "八", "九", "十"};
  std::size_t pos = 0;
  std::size_t open = 0;
  const bool paren = starts_with_any(text, open, {"（", "("});
  pos = open;
  std::size_t digits = 0;
  while (true) {
    if (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      ++pos;
      ++digits;
      continue;
    }
    bool numeral = false;
    for (std::string_view n : kNumerals) {
      if (text.substr(pos).starts_with(n)) {
        pos += n.size();
        ++digits;
        numeral = true;
        break;
      }
    }
    if (!numeral) break;
  }
  if (digits == 0) return 0;
  std::size_t close = 0;
  if (paren) return starts_with_any(text.substr(pos), close, {"）", ")"}) ? pos + close : 0;
  return starts_with_any(text.substr(pos), close, {"、", ".", "．", "。"}) ? pos + close : 0;
}

// "技术描述：xxx" → the label and "xxx".
Label label_of(std::string_view text, std::string& rest) {
  for (const LabelText& l : kLabels) {
    if (!text.starts_with(l.text)) continue;
    std::string_view after = text.substr(l.text.size());
    std::size_t colon = 0;
    if (!starts_with_any(after, colon, {"：", ":"})) continue;
    rest = trim_text(after.substr(colon));
    return l.label;
  }
  return Label::none;
}

std::string_view category_code(std::string_view label) {
  const std::string f = label_key(label);
  if (f == "技术" || f == "技术指标") return "technical";
  if (f == "产品" || f == "产品指标") return "product";
  if (f == "知识产权" || f == "知识产权指标") return "ip";
  if (f == "经济效益" || f == "经济" || f == "经济指标" || f == "经济效益指标") return "economic";
  if (f == "社会效益" || f == "社会" || f == "社会指标" || f == "社会效益指标") return "social";
  if (f == "人才" || f == "人才培养" || f == "人才指标") return "talent";
  if (f == "平台" || f == "平台建设" || f == "平台指标") return "platform";
  return {};
}

// Performance items without a label: classified by their words (SPEC.md).
std::string_view category_by_words(std::string_view text) {
  struct Words { std::string_view code; std::array<std::string_view, 5> words; };
  static constexpr std::array<Words, 5> kWords = {
      Words{"ip", {"专利", "软件著作权", "标准", "著作权", "论文"}},
      Words{"economic", {"产值", "销售", "利润", "收入", "节约"}},
      Words{"social", {"就业", "减排", "示范", "带动", "推广"}},
      Words{"talent", {"人才", "培养", "引进", "博士", "团队"}},
      Words{"platform", {"平台", "中心", "实验室", "基地", "联盟"}},
  };
  for (const Words& w : kWords) {
    for (std::string_view word : w.words) {
      if (text.find(word) != std::string_view::npos) return w.code;
    }
  }
  return {};
}

bool is_digit_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// A target as the unit wrote it: a JSON number when that is its canonical spelling
// ("95", "1.8"), else the digits kept as a string ("4.0" keeps its precision).
DecimalText target_literal(std::string_view digits) {
  const std::optional<Money> money = Money::parse(digits);
  const bool canonical = money && money->to_string() == digits;
  return DecimalText{std::string(digits), !canonical};
}

bool unit_stop(char32_t cp) {
  // Where a unit ends: white space, CJK and ASCII punctuation other than the unit's own
  // (/ % ‰ ° · ² ³), a digit.
  if (cp == '/' || cp == '%' || cp == 0x2030 || cp == 0xB0 || cp == 0xB7 || cp == 0xB2 || cp == 0xB3 || cp == 0x2103) {
    return false;
  }
  if (cp >= '0' && cp <= '9') return true;
  const std::uint32_t category = U_MASK(u_charType(static_cast<UChar32>(cp)));
  return (category & (U_GC_P_MASK | U_GC_Z_MASK | U_GC_CC_MASK | U_GC_SM_MASK)) != 0 || cp == 0x3000;
}

// The number at `at` (digits, one point) and the unit that follows it (up to the next
// space or punctuation, "以上"/"以内" left out); in a table's 目标值 cell the unit is the
// rest of the cell.
void number_and_unit(std::string_view text, std::size_t at, Indicator& out, bool rest_is_unit = false) {
  std::size_t end = at;
  while (is_digit_at(text, end) || (text[end] == '.' && is_digit_at(text, end + 1))) ++end;
  out.target = target_literal(text.substr(at, end - at));
  std::size_t unit_start = end;
  while (unit_start < text.size() && text[unit_start] == ' ') ++unit_start;
  std::size_t unit_end = unit_start;
  if (rest_is_unit) {
    unit_end = text.size();
  } else {
    int characters = 0;
    while (unit_end < text.size() && characters < 12) {
      std::size_t next = unit_end;
      if (unit_stop(decode_utf8(text, next))) break;
      unit_end = next;
      ++characters;
    }
  }
  std::string unit = trim_text(text.substr(unit_start, unit_end - unit_start));
  for (std::string_view tail : {"以上", "以下", "以内", "左右"}) {
    if (unit.ends_with(tail)) unit.resize(unit.size() - tail.size());
  }
  out.unit = std::move(unit);
}

// The numeric target of an item: after a comparator, else the last number.
void read_target(std::string_view text, Indicator& out) {
  static constexpr std::array<std::string_view, 14> kComparators = {
      "≥", "≤", ">=", "<=", ">", "<", "不低于", "不少于", "不高于", "不超过", "达到", "大于", "小于", "优于"};
  std::size_t best = std::string_view::npos;
  for (std::string_view c : kComparators) {
    const std::size_t at = text.find(c);
    if (at == std::string_view::npos) continue;
    std::size_t n = at + c.size();
    while (n < text.size() && text[n] == ' ') ++n;
    if (is_digit_at(text, n) && (best == std::string_view::npos || n < best)) best = n;
  }
  if (best == std::string_view::npos) {
    for (std::size_t i = text.size(); i-- > 0;) {
      if (is_digit_at(text, i) && (i == 0 || !(is_digit_at(text, i - 1) || text[i - 1] == '.'))) {
        best = i;
        break;
      }
    }
  }
  if (best != std::string_view::npos) number_and_unit(text, best, out);
}

class ReportReader {
 public:
  ReportReader(const WordBody& body, Suggestion& s, RuleContext& ctx) : body_(body), s_(s), ctx_(ctx) {}

  void read(std::size_t from) {
    for (std::size_t b = from; b < body_.blocks.size(); ++b) {
      const WordBlock& block = body_.blocks[b];
      if (block.is_table) table(body_.tables[block.table]);
      else paragraph(block.paragraph);
    }
    finish();
  }

 private:
  std::vector<Indicator>* indicator_list() {
    Report& r = report();
    switch (section_) {
      case Section::technical_indicators: return &r.technical_indicators;
      case Section::performance_targets: return &r.performance_targets;
      case Section::acceptance_indicators: return &guideline().acceptance_indicators;
      case Section::performance_indicators: return &guideline().performance_indicators;
      default: return nullptr;
    }
  }

  Report& report() {
    if (!s_.report) s_.report.emplace();
    return *s_.report;
  }
  Guideline& guideline() {
    if (!report().guideline) report().guideline.emplace();
    return *report().guideline;
  }

  std::string_view default_category() const {
    if (section_ == Section::technical_indicators) return "technical";
    return {};
  }

  // A heading: numbering and a known title, or a heading style with a known title.
  bool heading(const WordParagraph& p, const std::string& text) {
    const std::size_t numbering = numbering_length(text);
    std::string_view title = std::string_view(text).substr(numbering);
    std::string inline_text;
    // "（一）研究内容：…" and "（一）关键技术1：名称" carry text after a colon.
    std::size_t colon = std::min(title.find("："), title.find(':'));
    if ((colon == std::string_view::npos ? title.size() : colon) > 160) return false;  // a sentence, not a heading
    const std::string folded_whole = label_key(colon == std::string_view::npos ? title : title.substr(0, colon));
    if (numbering == 0 && p.outline_level < 0 && folded_whole.size() > 40) return false;
    // 关键技术N：名称
    if (folded_whole.starts_with("关键技术") && folded_whole.size() > std::string_view("关键技术").size() &&
        std::all_of(folded_whole.begin() + std::string_view("关键技术").size(), folded_whole.end(),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (top_ == Section::key_technologies)) {
      const int n = std::stoi(folded_whole.substr(std::string_view("关键技术").size()));
      key_tech_ = n >= 1 ? static_cast<std::size_t>(n - 1) : 0;
      section_ = Section::key_technology;
      label_ = Label::none;
      const std::string name = colon == std::string_view::npos ? std::string() : trim_text(title.substr(colon + (title.substr(colon).starts_with("：") ? 3 : 1)));
      if (key_tech_ >= s_.key_technologies.size() && key_tech_ < 64) s_.key_technologies.resize(key_tech_ + 1);
      if (key_tech_ < s_.key_technologies.size() && s_.key_technologies[key_tech_].name.empty() && !is_placeholder(name)) {
        s_.key_technologies[key_tech_].name = name;
      }
      return true;
    }
    for (const Heading& h : kHeadings) {
      if (folded_whole != h.folded) continue;
      if (h.parent != Section::none && h.parent != top_) continue;
      if (h.parent == Section::none && numbering == 0 && p.outline_level < 0 && text.size() > 40) continue;
      if (numbering == 0 && p.outline_level < 0 && colon == std::string_view::npos && folded_whole != label_key(text)) continue;
      if (h.parent == Section::none) top_ = h.section;
      section_ = h.section;
      label_ = Label::none;
      seen_heading_ = true;
      if (colon != std::string_view::npos) {
        inline_text = trim_text(title.substr(colon + (title.substr(colon).starts_with("：") ? 3 : 1)));
        if (!inline_text.empty()) body_text(inline_text);
      }
      return true;
    }
    return false;
  }

  void paragraph(const WordParagraph& p) {
    const std::string text = trim_text(p.text);
    if (text.empty()) return;
    if (!seen_heading_ && text.find("说明报告") != std::string::npos) return;  // the report's title
    if (text.starts_with("（参考提纲）") || text.starts_with("(参考提纲)")) return;
    if (heading(p, text)) return;
    if (!seen_heading_) return;
    body_text(text);
  }

  void append(std::string& field, const std::string& text) { field += (field.empty() ? "" : "\n") + text; }

  void body_text(const std::string& text) {
    std::string rest;
    const Label label = label_of(text, rest);
    if (label != Label::none && labelled(label, rest)) return;
    if (label_ != Label::none && continue_label(text)) return;
    if (std::vector<Indicator>* list = indicator_list()) {
      indicator_item(*list, text);
      return;
    }
    Report& r = report();
    switch (section_) {
      case Section::background: append(r.background, text); break;
      case Section::status_quo: append(r.status_quo, text); break;
      case Section::gaps: append(r.gaps, text); break;
      case Section::significance: append(r.significance, text); break;
      case Section::necessity: append(r.necessity, text); break;
      case Section::cooperation_basis: append(r.cooperation_basis, text); break;
      case Section::research_content: append(r.research_content, text); break;
      case Section::funding_plan:
        if (!generated_funding_sentence(text)) append(r.funding_plan, text);
        break;
      case Section::expected_outcomes: append(r.expected_outcomes, text); break;
      case Section::guideline_research: append(guideline().research_content, text); break;
      default: break;  // 二、项目概述's own text repeats the form's 项目概述; the rest is guidance
    }
  }

  // The sentence zhinan's own rendering writes from the form's amounts.
  bool generated_funding_sentence(const std::string& text) const {
    return text.starts_with("项目计划总投入") && text.find("省财政资金支持强度建议") != std::string::npos &&
           text.ends_with("万元。") && text.size() < 160;
  }

  KeyTechnology* tech() {
    if (section_ != Section::key_technology || key_tech_ >= s_.key_technologies.size()) return nullptr;
    return &s_.key_technologies[key_tech_];
  }

  bool labelled(Label label, const std::string& rest) {
    KeyTechnology* t = tech();
    label_ = label;
    switch (label) {
      case Label::description: if (!t) return false; append(t->description, rest); return true;
      case Label::expected_indicators: if (!t) return false; append(t->expected_indicators, rest); return true;
      case Label::current_level:
      case Label::expected_level: {
        if (!t) return false;
        auto& level = label == Label::current_level ? t->trl.current : t->trl.expected;
        if (!level) level = read_level(rest.substr(0, rest.find("（")), ctx_.profile().trl_scale());
        return true;
      }
      case Label::evidence: if (!t) return false; if (!rest.empty()) evidence(*t, rest); return true;
      case Label::partners: partners(rest); return true;
      case Label::eligibility: append(guideline().eligibility, rest); return true;
      case Label::support_intensity: append(guideline().support_intensity, rest); return true;
      case Label::readiness: append(guideline().readiness, rest); return true;
      case Label::deliverables: append(guideline().deliverables, rest); return true;
      case Label::scope: append(guideline().scope, rest); return true;
      case Label::research:
        if (top_ != Section::guideline) return false;
        append(guideline().research_content, rest);
        return true;
      case Label::none: return false;
    }
    return false;
  }

  // A later paragraph of a labelled field.
  bool continue_label(const std::string& text) {
    KeyTechnology* t = tech();
    switch (label_) {
      case Label::description: if (t) append(t->description, text); return t != nullptr;
      case Label::expected_indicators: if (t) append(t->expected_indicators, text); return t != nullptr;
      case Label::evidence: if (t) evidence(*t, text); return t != nullptr;
      case Label::current_level: case Label::expected_level: return t != nullptr;
      case Label::eligibility: append(guideline().eligibility, text); return true;
      case Label::support_intensity: append(guideline().support_intensity, text); return true;
      case Label::readiness: append(guideline().readiness, text); return true;
      case Label::deliverables: append(guideline().deliverables, text); return true;
      case Label::scope: append(guideline().scope, text); return true;
      default: return false;
    }
  }

  // "1. 测试报告：标题（编号）"
  void evidence(KeyTechnology& t, std::string line) {
    line = trim_text(std::string_view(line).substr(numbering_length(line)));
    if (line.empty()) return;
    Evidence e;
    if (line.ends_with("）")) {
      const std::size_t open = line.rfind("（");
      if (open != std::string::npos) {
        e.reference = line.substr(open + 3, line.size() - open - 6);
        line.resize(open);
      }
    }
    const std::size_t colon = line.find("：");
    if (colon != std::string::npos && colon <= 30) {
      e.kind = line.substr(0, colon);
      e.title = line.substr(colon + 3);
    } else {
      e.title = line;
    }
    t.trl.evidence.push_back(std::move(e));
  }

  // "名称（RU）；名称2（DE）"
  void partners(const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find("；", start);
      const std::string item = trim_text(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
      start = end == std::string::npos ? text.size() : end + 3;
      if (item.empty()) continue;
      Partner p;
      p.name = item;
      if (item.ends_with("）")) {
        const std::size_t open = item.rfind("（");
        const std::string code = open == std::string::npos ? std::string() : item.substr(open + 3, item.size() - open - 6);
        if (code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
          p.country = code;
          p.name = trim_text(item.substr(0, open));
        }
      }
      s_.partners.push_back(std::move(p));
    }
  }

  void indicator_item(std::vector<Indicator>& list, std::string text) {
    text = trim_text(std::string_view(text).substr(numbering_length(text)));
    if (text.empty() || is_template_guidance(text)) return;
    Indicator item;
    for (std::string_view colon : {"：", ":"}) {
      const std::size_t at = text.find(colon);
      if (at == std::string::npos || at > 24) continue;
      const std::string_view code = category_code(text.substr(0, at));
      if (code.empty()) continue;
      item.category = std::string(code);
      text = trim_text(text.substr(at + colon.size()));
      break;
    }
    if (item.category.empty()) item.category = std::string(default_category());
    if (item.category.empty()) item.category = std::string(category_by_words(text));
    item.text = text;
    read_target(text, item);
    if (item.category.empty()) {
      const std::size_t index = list.size();
      ctx_.report("import.choice_unclear", indicator_path(index) + "/category", {{"value", text}});
    }
    list.push_back(std::move(item));
  }

  std::string indicator_path(std::size_t index) const {
    switch (section_) {
      case Section::technical_indicators: return "/report/technical_indicators/" + std::to_string(index);
      case Section::performance_targets: return "/report/performance_targets/" + std::to_string(index);
      case Section::acceptance_indicators: return "/report/guideline/acceptance_indicators/" + std::to_string(index);
      default: return "/report/guideline/performance_indicators/" + std::to_string(index);
    }
  }

  // Indicator and deliverable tables, found by their header row.
  void table(const WordTable& t) {
    if (t.rows.empty()) return;
    std::vector<std::string> head;
    for (const WordCell& c : t.rows.front().cells) head.push_back(label_key(c.text));
    const auto column = [&](std::initializer_list<std::string_view> names) -> int {
      for (std::size_t i = 0; i < head.size(); ++i) {
        for (std::string_view n : names) {
          if (head[i] == n) return static_cast<int>(i);
        }
      }
      return -1;
    };
    const auto cell = [](const WordRow& row, int i) {
      return i >= 0 && static_cast<std::size_t>(i) < row.cells.size() ? trim_text(row.cells[static_cast<std::size_t>(i)].text) : std::string();
    };
    const int deliverable = column({"项目交示件", "交示件"});
    if (deliverable >= 0 && section_ == Section::expected_outcomes) {
      const int verification = column({"检验评测考核方式", "检验方式", "考核方式"});
      for (std::size_t r = 1; r < t.rows.size(); ++r) {
        Deliverable d{cell(t.rows[r], deliverable), cell(t.rows[r], verification), {}};
        if (!d.name.empty() || !d.verification.empty()) report().deliverables.push_back(std::move(d));
      }
      return;
    }
    std::vector<Indicator>* list = indicator_list();
    const int text_column = column({"指标", "指标名称", "指标内容"});
    if (list == nullptr || text_column < 0) return;
    const int category = column({"类别", "指标类别"});
    const int target = column({"目标值", "指标值", "目标"});
    const int domestic = column({"国内水平", "国内"});
    const int international = column({"国际水平", "国外水平", "国际"});
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
      Indicator item;
      item.text = cell(t.rows[r], text_column);
      if (item.text.empty()) continue;
      const std::string_view code = category >= 0 ? category_code(cell(t.rows[r], category)) : std::string_view();
      item.category = !code.empty() ? std::string(code) : category >= 0 ? cell(t.rows[r], category) : std::string();
      if (item.category.empty()) item.category = std::string(default_category());
      if (item.category.empty()) item.category = std::string(category_by_words(item.text));
      const std::string value = cell(t.rows[r], target);
      if (!value.empty() && is_digit_at(value, 0)) number_and_unit(value, 0, item, true);
      else if (target < 0) read_target(item.text, item);
      item.domestic = cell(t.rows[r], domestic);
      item.international = cell(t.rows[r], international);
      list->push_back(std::move(item));
    }
  }

  void finish() {
    if (!s_.report) return;
    Report& r = *s_.report;
    for (std::string* field : {&r.background, &r.status_quo, &r.gaps, &r.significance, &r.necessity,
                               &r.cooperation_basis, &r.research_content, &r.funding_plan, &r.expected_outcomes}) {
      if (is_template_guidance(*field) || is_placeholder(*field)) field->clear();
    }
    if (r.guideline && *r.guideline == Guideline{}) r.guideline.reset();
    for (KeyTechnology& t : s_.key_technologies) {
      if (is_template_guidance(t.description)) t.description.clear();
      if (is_template_guidance(t.expected_indicators)) t.expected_indicators.clear();
    }
  }

  const WordBody& body_;
  Suggestion& s_;
  RuleContext& ctx_;
  Section top_ = Section::none;
  Section section_ = Section::none;
  Label label_ = Label::none;
  std::size_t key_tech_ = 0;
  bool seen_heading_ = false;
};

}  // namespace

void read_report(const WordBody& body, std::size_t from, Suggestion& s, RuleContext& ctx) {
  ReportReader(body, s, ctx).read(from);
}

}  // namespace zhinan::detail

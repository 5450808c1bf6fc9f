// 附件1 信息表: found by its row labels in whatever tables hold them, however merged or split.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "import/form_values.hpp"
#include "import/readers.hpp"

namespace zhinan::detail {

namespace {

enum class Field {
  industry, region, title, type, overview, key_tech_header, total, provincial, unit, proposer, position, phone, group
};

struct Label {
  std::string_view text;  // as folded: no spaces or punctuation, Simplified
  Field field;
};

// Row labels of the form, folded; a cell whose folded text begins with one is that label.
// 项目实施投入计划 and 项目指南建议来源 only group the rows after them.
constexpr std::array kLabels = {
    Label{"产业领域", Field::industry},         Label{"合作国别地区", Field::region},
    Label{"合作国别", Field::region},           Label{"项目名称", Field::title},
    Label{"项目类型", Field::type},             Label{"项目概述", Field::overview},
    Label{"关键科学问题及技术清单", Field::key_tech_header}, Label{"关键科学问题", Field::key_tech_header},
    Label{"项目计划总投入", Field::total},      Label{"计划总投入", Field::total},
    Label{"省财政资金支持强度建议", Field::provincial}, Label{"省财政资金", Field::provincial},
    Label{"建议单位", Field::unit},             Label{"建议人", Field::proposer},
    Label{"职称职务", Field::position},         Label{"职称", Field::position},
    Label{"联系电话", Field::phone},            Label{"项目实施投入计划", Field::group},
    Label{"项目指南建议来源", Field::group},    Label{"指南建议来源", Field::group},
};

// A label cell holds the label and perhaps a hint after it ("（不超过5项）"), never a value:
// so it must be short once folded.
std::optional<Field> label_of(std::string_view cell_text) {
  if (cell_text.size() > 240) return std::nullopt;  // a label with its hint is a few dozen characters
  const std::string folded = label_key(cell_text);
  if (folded.empty() || folded.size() > 60) return std::nullopt;
  const Label* best = nullptr;
  for (const Label& label : kLabels) {
    if (folded.starts_with(label.text) && (best == nullptr || label.text.size() > best->text.size())) best = &label;
  }
  if (best == nullptr) return std::nullopt;
  // "建议人" must not take "建议单位"'s cell, nor a long value starting with a label's words.
  if (best->field != Field::key_tech_header && folded.size() > best->text.size() + 12) return std::nullopt;
  return best->field;
}

// A row's cells that carry text of their own: continued vertical merges hold nothing.
std::vector<const WordCell*> live_cells(const WordRow& row) {
  std::vector<const WordCell*> cells;
  for (const WordCell& cell : row.cells) {
    if (cell.merge != CellMerge::continued) cells.push_back(&cell);
  }
  return cells;
}

std::size_t label_count(const WordTable& table) {
  std::size_t n = 0;
  for (const WordRow& row : table.rows) {
    for (const WordCell* cell : live_cells(row)) {
      if (const auto f = label_of(cell->text); f && *f != Field::group) ++n;
    }
  }
  return n;
}

std::vector<const Choice*> pointers(const auto& choices) {
  std::vector<const Choice*> out;
  for (const auto& c : choices) out.push_back(&c);
  return out;
}

// "（仅选择一个领域）", "（可多选）": the form's own notes, not options.
std::string without_notes(std::string text) {
  for (std::string_view note : {"（仅", "(仅", "（可多选", "(可多选"}) {
    for (std::size_t at = text.find(note); at != std::string::npos; at = text.find(note, at)) {
      const std::size_t full = text.find("）", at);
      const std::size_t half = text.find(')', at);
      const std::size_t close = std::min(full == std::string::npos ? text.size() : full + 3,
                                         half == std::string::npos ? text.size() : half + 1);
      text.erase(at, close - at);
    }
  }
  return text;
}

struct Chosen {
  std::vector<const Choice*> ticked;
  bool unclear = false;
  std::string other_text;  // what follows 其他：
};

// 其他：____ takes the text after its label's colon, the blanks' underscores dropped.
std::string text_after_colon(std::string_view option_text) {
  const std::string text = trim_text(option_text);
  for (std::string_view colon : {"：", ":"}) {
    if (const std::size_t at = text.find(colon); at != std::string::npos) {
      std::string rest = text.substr(at + colon.size());
      rest.erase(std::remove(rest.begin(), rest.end(), '_'), rest.end());
      return trim_text(rest);
    }
  }
  return {};
}

// The options of a check-box cell that were chosen: ticked boxes; or, where no box is
// drawn at all, the options left standing after the others were deleted.
Chosen chosen_options(std::string_view cell, const std::vector<const Choice*>& choices, bool several_allowed) {
  Chosen out;
  const std::string text = without_notes(std::string(cell));
  const std::vector<Option> options = split_options(text);
  const auto add = [&](const Choice* c, std::string_view option_text) {
    if (std::find(out.ticked.begin(), out.ticked.end(), c) != out.ticked.end()) return;
    out.ticked.push_back(c);
    if (out.other_text.empty()) out.other_text = text_after_colon(option_text);
  };
  if (std::any_of(options.begin(), options.end(), [](const Option& o) { return o.boxed; })) {
    for (const Option& o : options) {
      if (!o.boxed || !o.ticked) continue;
      if (const Choice* c = choice_at(label_key(o.text), choices)) add(c, o.text);
      else out.unclear = true;
    }
    return out;
  }
  const std::string folded = label_key(text);
  std::vector<const Choice*> present;
  for (const Choice* c : choices) {
    const std::string& label = folded_label(c->label);
    if (!label.empty() && folded.find(label) != std::string::npos) present.push_back(c);
  }
  if (present.size() > 1 && !several_allowed) {
    out.unclear = true;
    return out;
  }
  for (const Choice* c : present) {
    const std::size_t at = text.find(c->label);
    add(c, at == std::string::npos ? std::string_view() : std::string_view(text).substr(at));
  }
  return out;
}

class FormReader {
 public:
  FormReader(Suggestion& s, RuleContext& ctx) : s_(s), ctx_(ctx), profile_(ctx.profile()) {}

  void row(const WordRow& row) {
    const std::vector<const WordCell*> cells = live_cells(row);
    if (in_key_tech_ && key_tech_row(cells)) return;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::optional<Field> field = label_of(cells[i]->text);
      if (!field || *field == Field::group) continue;
      if (*field == Field::key_tech_header) {
        in_key_tech_ = true;
        continue;
      }
      in_key_tech_ = false;
      // The value: the cells after the label up to the next label, joined.
      std::string value;
      std::size_t j = i + 1;
      for (; j < cells.size() && !label_of(cells[j]->text); ++j) {
        value += (value.empty() ? "" : "\n") + cells[j]->text;
      }
      take(*field, value);
      i = j - 1;
    }
  }

 private:
  // 序号 | 科学问题/关键技术 | 当前自评等级 | 实施预期等级, and the header rows above the items.
  bool key_tech_row(const std::vector<const WordCell*>& cells) {
    if (cells.empty()) return true;
    const std::string first = label_key(cells.front()->text);
    if (first == "序号" || first.starts_with("当前自评") || first.starts_with("技术成熟度")) return true;
    if (first.empty() && cells.size() <= 2) return true;
    const std::string number = trim_text(cells.front()->text);
    const bool numbered = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!numbered) return false;
    const std::string name = cells.size() > 1 ? trim_text(cells[1]->text) : std::string();
    const std::string current = cells.size() > 2 ? cells[2]->text : std::string();
    const std::string expected = cells.size() > 3 ? cells[3]->text : std::string();
    if (name.empty() && trim_text(current).empty() && trim_text(expected).empty()) return true;  // a blank row
    const std::size_t index = s_.key_technologies.size();
    KeyTechnology tech;
    tech.name = placeholder_checked(name, "/key_technologies/" + std::to_string(index) + "/name");
    tech.trl.current = level(current, index, "trl_current");
    tech.trl.expected = level(expected, index, "trl_expected");
    s_.key_technologies.push_back(std::move(tech));
    return true;
  }

  std::optional<TrlLevel> level(const std::string& text, std::size_t index, std::string_view which) {
    const std::string trimmed = trim_text(text);
    if (trimmed.empty()) return std::nullopt;
    const std::string path = "/key_technologies/" + std::to_string(index) + "/" + std::string(which);
    if (is_placeholder(trimmed)) {
      ctx_.report("import.placeholder", path, {{"value", trimmed}});
      return std::nullopt;
    }
    const std::optional<TrlLevel> read = read_level(trimmed, profile_.trl_scale());
    if (!read) ctx_.report("import.choice_unclear", path, {{"value", trimmed}});
    return read;
  }

  std::string placeholder_checked(const std::string& text, const std::string& path) {
    const std::string trimmed = trim_text(text);
    if (is_placeholder(trimmed) || is_template_guidance(trimmed)) {
      ctx_.report("import.placeholder", path, {{"value", trimmed}});
      return {};
    }
    return trimmed;
  }

  void amount(const std::string& text, std::optional<DecimalText>& into, const std::string& path) {
    AmountRead read = read_amount(text);
    if (read.placeholder) ctx_.report("import.placeholder", path, {{"value", trim_text(text)}});
    if (read.converted_from_yuan) {
      ctx_.report("import.unit_converted", path, {{"value", trim_text(text)}, {"amount", read.amount->literal}});
    }
    into = std::move(read.amount);
  }

  void choices(const std::string& text, std::vector<std::string>& into, const std::vector<const Choice*>& options,
               const std::string& path) {
    const Chosen chosen = chosen_options(text, options, false);
    for (const Choice* c : chosen.ticked) into.push_back(c->code);
    if (chosen.unclear) ctx_.report("import.choice_unclear", path, {{"value", trim_text(text)}});
    if (!chosen.other_text.empty() && !chosen.ticked.empty()) {
      for (const IndustryField& f : profile_.industries()) {
        if (f.requires_text && f.code == chosen.ticked.front()->code) s_.industry_other = chosen.other_text;
      }
    }
  }

  void project_type(const std::string& text) {
    std::vector<const Choice*> options = pointers(profile_.project_types());
    const std::vector<const Choice*> subtypes = pointers(profile_.bring_in_subtypes());
    options.insert(options.end(), subtypes.begin(), subtypes.end());
    const Chosen chosen = chosen_options(text, options, true);
    ProjectType& type = s_.project_type;
    for (const Choice* c : chosen.ticked) {
      if (std::find(subtypes.begin(), subtypes.end(), c) != subtypes.end()) type.bring_in_subtypes.push_back(c->code);
      else if (c->code == "bring_in") type.bring_in = true;
      else if (c->code == "go_global") type.go_global = true;
      else if (c->code == "platform") type.platform = true;
      else if (c->code == "major_event") type.major_event = true;
    }
    if (chosen.unclear) ctx_.report("import.choice_unclear", "/project_type", {{"value", trim_text(text)}});
  }

  void take(Field field, const std::string& value) {
    switch (field) {
      case Field::industry: choices(value, s_.industry, pointers(profile_.industries()), "/industry"); break;
      case Field::region: choices(value, s_.region, pointers(profile_.regions()), "/region"); break;
      case Field::title: s_.title = placeholder_checked(value, "/title"); break;
      case Field::type: project_type(value); break;
      case Field::overview: s_.overview = placeholder_checked(value, "/overview"); break;
      case Field::total: amount(value, s_.funding.total, "/funding/total"); break;
      case Field::provincial: amount(value, s_.funding.provincial, "/funding/provincial"); break;
      case Field::unit: s_.source.unit = placeholder_checked(value, "/source/unit"); break;
      case Field::proposer: s_.source.proposer = placeholder_checked(value, "/source/proposer"); break;
      case Field::position: s_.source.position = placeholder_checked(value, "/source/position"); break;
      case Field::phone: s_.source.phone = placeholder_checked(value, "/source/phone"); break;
      case Field::key_tech_header: case Field::group: break;
    }
  }

  Suggestion& s_;
  RuleContext& ctx_;
  const Profile& profile_;
  bool in_key_tech_ = false;
};

}  // namespace

std::optional<std::size_t> read_form(const WordBody& body, Suggestion& s, RuleContext& ctx) {
  // The form may be one table, or split in several (a page break, a pasted half), or sit
  // inside a layout table: every table with two or more of its labels is part of it.
  std::vector<bool> is_form(body.tables.size(), false);
  bool found = false;
  for (std::size_t t = 0; t < body.tables.size(); ++t) {
    is_form[t] = label_count(body.tables[t]) >= 2;
    found = found || is_form[t];
  }
  if (!found) return std::nullopt;
  FormReader reader(s, ctx);
  // A layout table that holds the form is skipped when the form's own table is nested in it.
  std::optional<std::size_t> last_block;
  for (std::size_t t = 0; t < body.tables.size(); ++t) {
    if (!is_form[t]) continue;
    for (const WordRow& row : body.tables[t].rows) reader.row(row);
  }
  for (std::size_t b = 0; b < body.blocks.size(); ++b) {
    if (body.blocks[b].is_table && is_form[body.blocks[b].table]) last_block = b;
  }
  // The form nested in a layout table: the layout table's block ends the form.
  if (!last_block) {
    for (std::size_t b = 0; b < body.blocks.size(); ++b) {
      if (body.blocks[b].is_table) last_block = b;
      if (last_block) break;
    }
  }
  return last_block.value_or(0);
}

}  // namespace zhinan::detail

// Text measured against the page (internal): how wide a text is, how wide a column must
// be to hold a word on one line, and a cell's check-box options laid out in lines that
// never break an option. Word and LibreOffice both break a line between any two Chinese
// characters, and LibreOffice ignores U+2060 WORD JOINER there (tried with 7.4), so an
// option is kept whole by ending the line before it ourselves. That is reliable because
// a Chinese character, a full-width mark and U+3000 are exactly one em in every Chinese
// font: the widths below are what any office suite draws, give or take the Latin letters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "office/docx_word.hpp"

namespace zhinan::detail {

// The width of `text` in ems of its font: one for an East Asian character, a little more
// for a check box, 0.6 for anything else (digits and Latin letters are half-width in a
// Chinese font; a little more covers a Latin fallback font).
double em_width(std::string_view text);

// The column width (twips) that holds `ems` of text of `size` half-points on one line:
// the text, the cell's margins and half an em for the office suite's rounding.
int column_for(double ems, int size);

// How many ems of text of `size` a cell `width` twips wide holds on one line.
double ems_in(int width, int size);

// One option of a check-box cell, or a note among them.
struct FlowItem {
  std::string before = {};    // ahead of the box: an opening parenthesis
  std::optional<bool> box = {};  // ☑ (true), ☐ (false), or no box (a note)
  std::string text = {};      // the label and what clings to it: "其他：", "变革性技术迭代）"
  // After the text, underlined: what 其他 names, or (empty) a blank line to write on.
  std::optional<std::string> fill_in = {};
  bool gap_before = true;     // a U+3000 between it and the item before on the same line
};

// The items as one left-aligned paragraph of the table text style in a cell `cell_width`
// twips wide: each item whole on a line, a line break before an item that would not fit.
// Left-aligned, since Word stretches a justified line that ends in a line break.
void write_flow(WordDocument& doc, const std::vector<FlowItem>& items, int cell_width, int text_size);

}  // namespace zhinan::detail

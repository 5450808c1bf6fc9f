// word/document.xml as the form reader needs it (internal): the body's paragraphs and
// tables in order, each cell's text, and every check box of whatever kind turned into
// one of two characters, ☑ (ticked) or ☐ (not), so that the form reader reads text only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace zhinan::detail {

inline constexpr std::string_view kTickedBox = "\u2611";    // ☑
inline constexpr std::string_view kUntickedBox = "\u2610";  // ☐

enum class CellMerge { none, restart, continued };

struct WordTable;

struct WordCell {
  std::string text;  // its paragraphs joined with '\n'
  int span = 1;      // grid columns (w:gridSpan)
  CellMerge merge = CellMerge::none;
};

struct WordRow {
  std::vector<WordCell> cells;
};

struct WordTable {
  std::vector<WordRow> rows;
};

struct WordParagraph {
  std::string text;
  int outline_level = -1;  // 0 for Heading 1 (a heading style or w:outlineLvl), -1 for body text
};

// A body-level block: a paragraph, or a table (then `table` indexes WordBody::tables).
struct WordBlock {
  bool is_table = false;
  WordParagraph paragraph;
  std::size_t table = 0;
};

struct WordBody {
  std::vector<WordBlock> blocks;
  std::vector<WordTable> tables;  // every table, nested ones too, in document order
};

// Reads <w:body> of word/document.xml. `styles` gives word/styles.xml (may be empty),
// which says which paragraph styles are headings; it is asked for only when a paragraph
// uses a style other than Word's HeadingN ids, since many forms need no styles at all. Text rules (SPEC.md): runs, bookmarks,
// proofing marks and smart tags do not split words; tracked deletions are left out and
// insertions kept; field results kept, instructions dropped; comments, footnotes and
// drawings left out. The document must already be depth-limited (parse_xml_part).
using StylesSource = std::function<const pugi::xml_document&()>;
WordBody read_word_body(const pugi::xml_document& document, const StylesSource& styles);

}  // namespace zhinan::detail

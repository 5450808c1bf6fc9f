// Building word/document.xml: paragraphs, runs, check boxes and bordered tables in
// WordprocessingML, with the element order the schema demands (Word refuses a file
// whose pPr/rPr/tcPr children are out of order) (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "office/docx_xml.hpp"

namespace zhinan::detail {

// Style ids defined in styles.xml (docx_package.cpp).
namespace style {
inline constexpr std::string_view title = "Title";
inline constexpr std::string_view heading1 = "Heading1";
inline constexpr std::string_view heading2 = "Heading2";
inline constexpr std::string_view heading3 = "Heading3";
inline constexpr std::string_view body = "BodyText";        // first line indented 2 字
inline constexpr std::string_view table_text = "TableText";  // single-spaced, no indent
inline constexpr std::string_view note = "Note";
}  // namespace style

enum class Align { inherit, left, center, both };

struct ParaFormat {
  std::string_view style = {};  // empty: Normal
  Align align = Align::inherit;
  bool page_break_before = false;
  bool keep_next = false;
};

struct RunFormat {
  bool bold = false;
  bool underline = false;
};

// 纵向合并: a cell that starts a vertical merge, or continues the one above.
enum class VMerge { none, restart, continue_above };

struct CellFormat {
  int span = 1;  // grid columns covered (gridSpan)
  VMerge merge = VMerge::none;
  Align align = Align::left;
  bool bold = false;
};

// The text split at line breaks (LF, CR LF, CR), empty lines left out.
std::vector<std::string_view> split_lines(std::string_view text);

// Whether the text holds a character Word should take from the East Asian font
// (Han, kana, Hangul, CJK punctuation, full-width forms, Chinese quotation marks).
bool has_east_asian(std::string_view text);

class WordDocument {
 public:
  WordDocument();  // <w:document><w:body>

  // A paragraph per line of `text`; one empty paragraph when there is no text.
  void paragraphs(std::string_view text, const ParaFormat& format = {}, const RunFormat& run = {});
  // "label" in bold, then the text's first line in the same paragraph, later lines after.
  void labelled(std::string_view label, std::string_view text, const ParaFormat& format = {});

  void begin_paragraph(const ParaFormat& format = {});
  void run(std::string_view text, const RunFormat& format = {});  // line breaks become <w:br/>
  void box(bool ticked);                                           // ☑ or ☐
  void end_paragraph();

  // A bordered table of fixed column widths (twentieths of a point), centred on the page.
  void begin_table(std::vector<int> column_widths);
  // `min_height` (twips, 0 for none) keeps an empty row as tall as a written one.
  void begin_row(bool repeat_as_header = false, int min_height = 0);
  void begin_cell(const CellFormat& format = {});
  void end_cell();  // writes an empty paragraph if the cell has none (the schema needs one)
  void end_row();
  void end_table();
  // A cell holding `text`, a paragraph per line, in the table text style.
  void cell(std::string_view text, const CellFormat& format = {});

  // Closes the body with an A4 portrait section whose footer (the page number) is the
  // given relationship of word/document.xml, and returns word/document.xml.
  std::string finish(std::string_view footer_relationship);

 private:
  void paragraph_properties(const ParaFormat& format);
  void run_properties(std::string_view text, const RunFormat& format, bool symbol);
  void text_run(std::string_view text, const RunFormat& format, bool symbol);

  XmlWriter xml_;
  std::vector<int> columns_;
  std::size_t next_column_ = 0;
  int paragraphs_in_cell_ = 0;
  Align cell_align_ = Align::left;
  bool cell_bold_ = false;
  bool in_cell_ = false;
};

}  // namespace zhinan::detail

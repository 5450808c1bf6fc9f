// Building word/document.xml: paragraphs, runs, check boxes and bordered tables in
// WordprocessingML, with the element order the schema demands (Word refuses a file
// whose pPr/rPr/tcPr children are out of order) (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "office/docx_xml.hpp"

namespace zhinan::detail {

// The page as GB/T 9704-2012 sets a government document: A4 portrait, margins 上 37 mm,
// 下 35 mm, 左 28 mm, 右 26 mm (a 156 mm × 225 mm text block), in twentieths of a point.
namespace page {
inline constexpr int width = 11906;
inline constexpr int height = 16838;
inline constexpr int margin_top = 2098;
inline constexpr int margin_bottom = 1984;
inline constexpr int margin_left = 1587;
inline constexpr int margin_right = 1474;
inline constexpr int text_width = width - margin_left - margin_right;  // 8845
inline constexpr int cell_margin = 108;  // left and right inside every table cell
}  // namespace page

// Font sizes in half-points, by the names Chinese typesetting gives them.
namespace font_size {
inline constexpr int er_hao = 44;    // 二号, 22 pt
inline constexpr int san_hao = 32;   // 三号, 16 pt
inline constexpr int si_hao = 28;    // 四号, 14 pt
inline constexpr int xiao_si = 24;   // 小四, 12 pt
inline constexpr int wu_hao = 21;    // 五号, 10.5 pt
}  // namespace font_size

// Style ids defined in styles.xml (docx_package.cpp).
namespace style {
inline constexpr std::string_view attachment = "AttachmentLabel";  // 附件1, above the title
inline constexpr std::string_view title = "Title";
inline constexpr std::string_view heading1 = "Heading1";
inline constexpr std::string_view heading2 = "Heading2";
inline constexpr std::string_view heading3 = "Heading3";
inline constexpr std::string_view body = "BodyText";        // first line indented 2 字
inline constexpr std::string_view table_text = "TableText";  // single-spaced, no indent
inline constexpr std::string_view note = "Note";

// The size each style sets, for what has to be measured against it (check boxes, columns).
inline constexpr int table_text_size = font_size::wu_hao;
inline constexpr int title_size = font_size::er_hao;
inline constexpr int body_size = font_size::san_hao;
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

struct RowFormat {
  bool repeat_as_header = false;  // w:tblHeader: repeated at the top of every page the table continues on
  bool can_split = false;         // without it (w:cantSplit) the row moves whole to the next page
  bool keep_with_next = false;    // its paragraphs keep with the next row's (a heading row)
  int min_height = 0;             // twips; keeps an empty row as tall as a written one
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

// Whether Word should take the character from the East Asian font (Han, kana, Hangul,
// CJK punctuation, full-width forms, Chinese quotation marks): in that font it is one
// em wide.
bool east_asian(char32_t cp);
// Whether the text holds such a character.
bool has_east_asian(std::string_view text);

// The check box glyphs are drawn a little larger than the text, so that the box stands
// as tall as a Chinese character beside it (measured with DejaVu Sans, LibreOffice's
// stand-in for Segoe UI Symbol: a ☐ is about 6/7 as tall as an ideograph of the same
// size): half-points for text of `text_size`.
int box_size(int text_size);

class WordDocument {
 public:
  WordDocument();  // <w:document><w:body>

  // A paragraph per line of `text`; one empty paragraph when there is no text.
  void paragraphs(std::string_view text, const ParaFormat& format = {}, const RunFormat& run = {});
  // "label" in bold, then the text's first line in the same paragraph, later lines after.
  void labelled(std::string_view label, std::string_view text, const ParaFormat& format = {});

  void begin_paragraph(const ParaFormat& format = {});
  void run(std::string_view text, const RunFormat& format = {});  // line breaks become <w:br/>
  void box(bool ticked, int text_size);                            // ☑ or ☐ beside text of that size
  void line_break();                                               // <w:br/>
  void end_paragraph();

  // A bordered table of fixed column widths (twentieths of a point), centred on the page.
  void begin_table(std::vector<int> column_widths);
  void begin_row(const RowFormat& format = {});
  void begin_cell(const CellFormat& format = {});
  void end_cell();  // writes an empty paragraph if the cell has none (the schema needs one)
  void end_row();
  void end_table();
  // A cell holding `text`, a paragraph per line, in the table text style.
  void cell(std::string_view text, const CellFormat& format = {});

  // Closes the body with the page section (page::) whose footer (the page number) is the
  // given relationship of word/document.xml, and returns word/document.xml.
  std::string finish(std::string_view footer_relationship);

 private:
  void paragraph_properties(const ParaFormat& format);
  // symbol_size: 0 for text, else the half-point size of a check box glyph; quote: the
  // run holds one Chinese quotation mark.
  void run_properties(std::string_view text, const RunFormat& format, int symbol_size, bool quote);
  void plain_run(std::string_view text, const RunFormat& format, int symbol_size, bool quote);
  void text_run(std::string_view text, const RunFormat& format, int symbol_size);

  XmlWriter xml_;
  std::vector<int> columns_;
  std::size_t next_column_ = 0;
  int paragraphs_in_cell_ = 0;
  Align cell_align_ = Align::left;
  bool cell_bold_ = false;
  bool in_cell_ = false;
  bool row_keep_with_next_ = false;
};

}  // namespace zhinan::detail

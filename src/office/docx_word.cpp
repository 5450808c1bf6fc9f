#include "office/docx_word.hpp"

#include <numeric>
#include <stdexcept>

#include "base/utf8.hpp"

namespace zhinan::detail {

namespace {

// A4 portrait, in twentieths of a point, with 2.54 cm margins all round.
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMargin = 1440;

constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kRelationshipsNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The font for ☐ and ☑: present on every Windows since 7; elsewhere the office suite
// falls back to any font that has the two signs.
constexpr std::string_view kSymbolFont = "Segoe UI Symbol";
constexpr std::string_view kBoxTicked = "\u2611";  // ☑
constexpr std::string_view kBoxEmpty = "\u2610";   // ☐

std::string_view align_value(Align align) {
  switch (align) {
    case Align::left: return "left";
    case Align::center: return "center";
    case Align::both: return "both";
    case Align::inherit: break;
  }
  return {};
}

bool east_asian_code_point(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) ||    // Hangul Jamo
         (cp >= 0x2E80 && cp <= 0x2FDF) ||    // CJK radicals, Kangxi radicals
         (cp >= 0x2FF0 && cp <= 0x303F) ||    // ideographic description, CJK punctuation
         (cp >= 0x3040 && cp <= 0x9FFF) ||    // kana … CJK unified ideographs
         (cp >= 0xA960 && cp <= 0xA97F) ||    // Hangul Jamo extended
         (cp >= 0xAC00 && cp <= 0xD7FF) ||    // Hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
         (cp >= 0xFE10 && cp <= 0xFE1F) ||    // vertical forms
         (cp >= 0xFE30 && cp <= 0xFE4F) ||    // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF) ||    // half-width and full-width forms
         (cp >= 0x20000 && cp <= 0x3FFFF) ||  // supplementary ideographic planes
         // Shared with Western text; a Chinese document wants them from the Chinese
         // font, which is exactly what w:hint="eastAsia" tells Word.
         cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2014 ||
         cp == 0x2026 || cp == 0x00B7;
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    if (i > start) lines.push_back(text.substr(start, i - start));
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return lines;
}

bool has_east_asian(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (east_asian_code_point(decode_utf8(text, pos))) return true;
  }
  return false;
}

WordDocument::WordDocument() {
  xml_.open("w:document").attr("xmlns:w", kWordNamespace).attr("xmlns:r", kRelationshipsNamespace);
  xml_.open("w:body");
}

void WordDocument::paragraph_properties(const ParaFormat& format) {
  const bool any = !format.style.empty() || format.align != Align::inherit ||
                   format.page_break_before || format.keep_next;
  if (!any) return;
  xml_.open("w:pPr");
  if (!format.style.empty()) xml_.empty("w:pStyle", "w:val", format.style);
  if (format.keep_next) xml_.empty("w:keepNext");
  if (format.page_break_before) xml_.empty("w:pageBreakBefore");
  if (format.align != Align::inherit) xml_.empty("w:jc", "w:val", align_value(format.align));
  xml_.close();
}

void WordDocument::run_properties(std::string_view text, const RunFormat& format, bool symbol) {
  const bool east_asian = !symbol && has_east_asian(text);
  if (!symbol && !east_asian && !format.bold && !format.underline) return;
  xml_.open("w:rPr");
  if (symbol) {
    xml_.open("w:rFonts")
        .attr("w:ascii", kSymbolFont)
        .attr("w:eastAsia", kSymbolFont)
        .attr("w:hAnsi", kSymbolFont)
        .attr("w:cs", kSymbolFont)
        .close();
  } else if (east_asian) {
    xml_.empty("w:rFonts", "w:hint", "eastAsia");
  }
  if (format.bold) xml_.empty("w:b").empty("w:bCs");
  if (format.underline) xml_.empty("w:u", "w:val", "single");
  xml_.close();
}

void WordDocument::text_run(std::string_view text, const RunFormat& format, bool symbol) {
  if (text.empty()) return;
  xml_.open("w:r");
  run_properties(text, format, symbol);
  std::size_t start = 0;
  const auto flush = [&](std::size_t end) {
    if (end > start) xml_.open("w:t").attr("xml:space", "preserve").text(text.substr(start, end - start)).close();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\n' && c != '\r' && c != '\t') continue;
    flush(i);
    if (c == '\t') {
      xml_.empty("w:tab");
    } else {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      xml_.empty("w:br");
    }
    start = i + 1;
  }
  flush(text.size());
  xml_.close();
}

void WordDocument::begin_paragraph(const ParaFormat& format) {
  xml_.open("w:p");
  paragraph_properties(format);
  if (in_cell_) ++paragraphs_in_cell_;
}

void WordDocument::run(std::string_view text, const RunFormat& format) {
  text_run(text, format, false);
}

void WordDocument::box(bool ticked) { text_run(ticked ? kBoxTicked : kBoxEmpty, {}, true); }

void WordDocument::end_paragraph() { xml_.close(); }

void WordDocument::paragraphs(std::string_view text, const ParaFormat& format, const RunFormat& run_format) {
  const auto lines = split_lines(text);
  if (lines.empty()) {
    begin_paragraph(format);
    end_paragraph();
    return;
  }
  for (std::string_view line : lines) {
    begin_paragraph(format);
    run(line, run_format);
    end_paragraph();
  }
}

void WordDocument::labelled(std::string_view label, std::string_view text, const ParaFormat& format) {
  const auto lines = split_lines(text);
  begin_paragraph(format);
  run(label, {.bold = true});
  if (!lines.empty()) run(lines.front());
  end_paragraph();
  for (std::size_t i = 1; i < lines.size(); ++i) {
    begin_paragraph(format);
    run(lines[i]);
    end_paragraph();
  }
}

void WordDocument::begin_table(std::vector<int> column_widths) {
  columns_ = std::move(column_widths);
  const int total = std::accumulate(columns_.begin(), columns_.end(), 0);
  xml_.open("w:tbl").open("w:tblPr");
  xml_.open("w:tblW").attr("w:w", total).attr("w:type", "dxa").close();
  xml_.empty("w:jc", "w:val", "center");
  xml_.open("w:tblBorders");
  for (std::string_view side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    xml_.open(side).attr("w:val", "single").attr("w:sz", 4).attr("w:space", 0).attr("w:color", "auto").close();
  }
  xml_.close();
  xml_.empty("w:tblLayout", "w:type", "fixed");
  xml_.open("w:tblCellMar");
  xml_.open("w:left").attr("w:w", 108).attr("w:type", "dxa").close();
  xml_.open("w:right").attr("w:w", 108).attr("w:type", "dxa").close();
  xml_.close();
  xml_.close();  // tblPr
  xml_.open("w:tblGrid");
  for (int width : columns_) xml_.empty("w:gridCol", "w:w", width);
  xml_.close();
}

void WordDocument::begin_row(bool repeat_as_header, int min_height) {
  xml_.open("w:tr");
  if (repeat_as_header || min_height > 0) {
    xml_.open("w:trPr");
    if (min_height > 0) xml_.open("w:trHeight").attr("w:val", min_height).attr("w:hRule", "atLeast").close();
    if (repeat_as_header) xml_.empty("w:tblHeader");
    xml_.close();
  }
  next_column_ = 0;
}

void WordDocument::begin_cell(const CellFormat& format) {
  const auto span = static_cast<std::size_t>(format.span);
  if (format.span < 1 || next_column_ + span > columns_.size()) {
    throw std::logic_error("WordDocument: a cell beyond the table's grid");
  }
  const int width = std::accumulate(columns_.begin() + static_cast<std::ptrdiff_t>(next_column_),
                                    columns_.begin() + static_cast<std::ptrdiff_t>(next_column_ + span), 0);
  next_column_ += span;
  xml_.open("w:tc").open("w:tcPr");
  xml_.open("w:tcW").attr("w:w", width).attr("w:type", "dxa").close();
  if (format.span > 1) xml_.empty("w:gridSpan", "w:val", format.span);
  if (format.merge == VMerge::restart) xml_.empty("w:vMerge", "w:val", "restart");
  if (format.merge == VMerge::continue_above) xml_.empty("w:vMerge");
  xml_.empty("w:vAlign", "w:val", "center");
  xml_.close();
  in_cell_ = true;
  paragraphs_in_cell_ = 0;
  cell_align_ = format.align;
  cell_bold_ = format.bold;
}

void WordDocument::end_cell() {
  if (paragraphs_in_cell_ == 0) {
    begin_paragraph({.style = style::table_text});
    end_paragraph();
  }
  in_cell_ = false;
  xml_.close();
}

void WordDocument::end_row() {
  if (next_column_ != columns_.size()) throw std::logic_error("WordDocument: a row short of the grid");
  xml_.close();
}

void WordDocument::end_table() {
  xml_.close();
  columns_.clear();
}

void WordDocument::cell(std::string_view text, const CellFormat& format) {
  begin_cell(format);
  if (format.merge != VMerge::continue_above) {
    paragraphs(text, {.style = style::table_text, .align = cell_align_}, {.bold = cell_bold_});
  }
  end_cell();
}

std::string WordDocument::finish(std::string_view footer_relationship) {
  xml_.open("w:sectPr");
  xml_.open("w:footerReference").attr("w:type", "default").attr("r:id", footer_relationship).close();
  xml_.open("w:pgSz").attr("w:w", kPageWidth).attr("w:h", kPageHeight).close();
  xml_.open("w:pgMar")
      .attr("w:top", kMargin)
      .attr("w:right", kMargin)
      .attr("w:bottom", kMargin)
      .attr("w:left", kMargin)
      .attr("w:header", 851)
      .attr("w:footer", 992)
      .attr("w:gutter", 0)
      .close();
  xml_.empty("w:cols", "w:space", 425);
  xml_.close();  // sectPr
  xml_.close();  // body
  xml_.close();  // document
  return xml_.finish();
}

}  // namespace zhinan::detail

#include "office/docx_word.hpp"

#include <numeric>
#include <stdexcept>

#include "base/utf8.hpp"

namespace zhinan::detail {

namespace {

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

}  // namespace

bool east_asian(char32_t cp) {
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

int box_size(int text_size) { return (text_size * 7 + 3) / 6; }

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
    if (east_asian(decode_utf8_inline(text, pos))) return true;
  }
  return false;
}

WordDocument::WordDocument() {
  xml_.open("w:document").attr("xmlns:w", kWordNamespace).attr("xmlns:r", kRelationshipsNamespace);
  xml_.open("w:body");
}

void WordDocument::paragraph_properties(const ParaFormat& format) {
  const bool keep_next = format.keep_next || (in_cell_ && row_keep_with_next_);
  const bool any = !format.style.empty() || format.align != Align::inherit ||
                   format.page_break_before || keep_next;
  if (!any) return;
  xml_.open("w:pPr");
  if (!format.style.empty()) xml_.empty("w:pStyle", "w:val", format.style);
  if (keep_next) xml_.empty("w:keepNext");
  if (format.page_break_before) xml_.empty("w:pageBreakBefore");
  if (format.align != Align::inherit) xml_.empty("w:jc", "w:val", align_value(format.align));
  xml_.close();
}

void WordDocument::run_properties(std::string_view text, const RunFormat& format, int symbol_size, bool quote) {
  const bool symbol = symbol_size > 0;
  const bool hint = !symbol && has_east_asian(text);
  if (!symbol && !hint && !format.bold && !format.underline) return;
  xml_.open("w:rPr");
  if (symbol) {
    xml_.open("w:rFonts")
        .attr("w:ascii", kSymbolFont)
        .attr("w:eastAsia", kSymbolFont)
        .attr("w:hAnsi", kSymbolFont)
        .attr("w:cs", kSymbolFont)
        .close();
  } else if (hint) {
    xml_.empty("w:rFonts", "w:hint", "eastAsia");
  }
  if (format.bold) xml_.empty("w:b").empty("w:bCs");
  if (symbol) xml_.empty("w:sz", "w:val", symbol_size).empty("w:szCs", "w:val", symbol_size);
  if (format.underline) xml_.empty("w:u", "w:val", "single");
  if (quote) xml_.empty("w:lang", "w:val", "zh-CN");
  xml_.close();
}

// One run, its line breaks and tabs as Word's own elements.
void WordDocument::plain_run(std::string_view text, const RunFormat& format, int symbol_size, bool quote) {
  if (text.empty()) return;
  xml_.open("w:r");
  run_properties(text, format, symbol_size, quote);
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

// Chinese quotation marks get runs of their own, marked zh-CN. LibreOffice draws a quote
// that follows a Latin letter, a digit or a check box from the Latin face; where that
// face is missing it falls back by the run's language, and only zh-CN gives a Chinese
// face, in which “” are full-width like every other mark. (The whole text cannot be
// zh-CN: LibreOffice would then break numbers and English words anywhere.)
void WordDocument::text_run(std::string_view text, const RunFormat& format, int symbol_size) {
  if (symbol_size > 0) return plain_run(text, format, symbol_size, false);
  std::size_t start = 0, pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (cp != 0x2018 && cp != 0x2019 && cp != 0x201C && cp != 0x201D) continue;
    plain_run(text.substr(start, at - start), format, 0, false);
    plain_run(text.substr(at, pos - at), format, 0, true);
    start = pos;
  }
  plain_run(text.substr(start), format, 0, false);
}

void WordDocument::begin_paragraph(const ParaFormat& format) {
  xml_.open("w:p");
  paragraph_properties(format);
  if (in_cell_) ++paragraphs_in_cell_;
}

void WordDocument::run(std::string_view text, const RunFormat& format) {
  text_run(text, format, 0);
}

void WordDocument::box(bool ticked, int text_size) {
  text_run(ticked ? kBoxTicked : kBoxEmpty, {}, box_size(text_size));
}

void WordDocument::line_break() { xml_.open("w:r").empty("w:br").close(); }

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
  xml_.open("w:left").attr("w:w", page::cell_margin).attr("w:type", "dxa").close();
  xml_.open("w:right").attr("w:w", page::cell_margin).attr("w:type", "dxa").close();
  xml_.close();
  xml_.close();  // tblPr
  xml_.open("w:tblGrid");
  for (int width : columns_) xml_.empty("w:gridCol", "w:w", width);
  xml_.close();
}

void WordDocument::begin_row(const RowFormat& format) {
  xml_.open("w:tr");
  if (!format.can_split || format.repeat_as_header || format.min_height > 0) {
    xml_.open("w:trPr");
    if (!format.can_split) xml_.empty("w:cantSplit");
    if (format.min_height > 0) {
      xml_.open("w:trHeight").attr("w:val", format.min_height).attr("w:hRule", "atLeast").close();
    }
    if (format.repeat_as_header) xml_.empty("w:tblHeader");
    xml_.close();
  }
  next_column_ = 0;
  row_keep_with_next_ = format.keep_with_next;
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
  row_keep_with_next_ = false;
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
  xml_.open("w:pgSz").attr("w:w", page::width).attr("w:h", page::height).close();
  // The page number 7 mm below the text block (GB/T 9704), its line ending 23 mm above the edge.
  xml_.open("w:pgMar")
      .attr("w:top", page::margin_top)
      .attr("w:right", page::margin_right)
      .attr("w:bottom", page::margin_bottom)
      .attr("w:left", page::margin_left)
      .attr("w:header", 851)
      .attr("w:footer", 1304)
      .attr("w:gutter", 0)
      .close();
  xml_.empty("w:cols", "w:space", 425);
  xml_.close();  // sectPr
  xml_.close();  // body
  xml_.close();  // document
  return xml_.finish();
}

}  // namespace zhinan::detail

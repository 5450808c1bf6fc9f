#include "office/docx_layout.hpp"

#include <cmath>

#include "base/utf8.hpp"

namespace zhinan::detail {

namespace {

// A check box, drawn at box_size() in a symbol font: its advance is about one em of the
// text beside it (Segoe UI Symbol, DejaVu Sans); counted a quarter more to be safe.
constexpr double kBoxEms = 1.25;
constexpr double kOtherEms = 0.6;
// Kept free at the end of every line: what rounding, kerning or a fallback font may add.
constexpr double kLineReserveEms = 1.0;

constexpr std::string_view kGap = "\u3000";  // 　 between two options on a line
// 其他：____ with nothing written: no-break spaces, which Word underlines even at a line end.
constexpr std::string_view kBlank = "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0";

std::string_view fill_in_text(const FlowItem& item) {
  if (!item.fill_in) return {};
  return item.fill_in->empty() ? kBlank : std::string_view(*item.fill_in);
}

double item_width(const FlowItem& item) {
  return em_width(item.before) + (item.box ? kBoxEms : 0.0) + em_width(item.text) + em_width(fill_in_text(item));
}

}  // namespace

double em_width(std::string_view text) {
  double ems = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = decode_utf8(text, pos);
    if (cp == 0x2610 || cp == 0x2611) {
      ems += kBoxEms;
    } else if (east_asian(cp)) {
      ems += 1.0;
    } else {
      ems += kOtherEms;
    }
  }
  return ems;
}

int column_for(double ems, int size) {
  return static_cast<int>(std::ceil((ems + 0.5) * size * 10)) + 2 * page::cell_margin;
}

double ems_in(int width, int size) { return static_cast<double>(width - 2 * page::cell_margin) / (size * 10.0); }

void write_flow(WordDocument& doc, const std::vector<FlowItem>& items, int cell_width, int text_size) {
  const double line = ems_in(cell_width, text_size) - kLineReserveEms;
  doc.begin_paragraph({.style = style::table_text, .align = Align::left});
  double used = 0;
  for (const FlowItem& item : items) {
    const double width = item_width(item);
    const double gap = item.gap_before && used > 0 ? em_width(kGap) : 0.0;
    if (used > 0 && used + gap + width > line) {
      doc.line_break();
      used = 0;
    } else if (gap > 0) {
      doc.run(kGap);
      used += gap;
    }
    doc.run(item.before);
    if (item.box) doc.box(*item.box, text_size);
    doc.run(item.text);
    if (item.fill_in) doc.run(fill_in_text(item), {.underline = true});
    used += width;
  }
  doc.end_paragraph();
}

}  // namespace zhinan::detail

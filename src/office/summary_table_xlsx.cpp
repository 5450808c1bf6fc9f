// 附件3 as .xlsx: laid out like the call's table, ready to print on A4 landscape, stamp
// and sign. libxlsxwriter writes a file by name, so the workbook goes to a temporary file
// that is renamed into place (summary_table_file.cpp).
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/libc_time_lock.hpp"
#include "base/thread_locale.hpp"
#include "office/summary_table_file.hpp"
#include "office/summary_table_layout.hpp"
#include "base/utf8.hpp"
#include "zhinan/io.hpp"

namespace zhinan {
namespace {

using namespace detail;

constexpr lxw_col_t kLastCol = static_cast<lxw_col_t>(kSummaryColumns.size() - 1);
constexpr const char* kBodyFont = "宋体";
constexpr const char* kTitleFont = "黑体";
constexpr std::uint8_t kPaperA4 = 9;
constexpr std::time_t kDefaultCreated = 1735689600;  // 2025-01-01T00:00:00Z, the call's year

// Widths in Excel's character units; a Chinese character takes about two.
constexpr std::array<double, kSummaryColumns.size()> kColumnWidths = {6,  12, 30, 22, 9, 13, 14,
                                                                      12, 22, 12, 14, 8, 10};

// Row heights are written, not left to the reader: LibreOffice keeps the default height
// for wrapped cells and cuts the text off. A Chinese character of 宋体 11pt is about two
// width units (curly quotes and full-width forms too), other characters about one.
constexpr double kLineHeight = 15;    // points per line of 11pt text, with leading
constexpr double kRowPadding = 5;     // points above and below the lines
constexpr double kCellPadding = 0.8;  // width units lost to the cell's margins

double char_width(char32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2018 && cp <= 0x201D) ||
                    (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
                    cp >= 0x20000;
  return wide ? 2.0 : 1.1;
}

// Lines the text takes in a wrapped cell `width` units wide (breaking anywhere, which is
// how Chinese text wraps and close enough for the rest).
int lines_needed(std::string_view text, double width) {
  const double usable = std::max(2.0, width - kCellPadding);
  int lines = 1;
  double used = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = decode_utf8(text, pos);
    if (cp == U'\n') {
      ++lines;
      used = 0;
      continue;
    }
    double w = char_width(cp);
    if (used + w > usable && used > 0) {
      ++lines;
      used = 0;
    }
    used += w;
  }
  return lines;
}

double row_height(int lines) { return std::max(20.0, lines * kLineHeight + kRowPadding); }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// The document's created time: midnight UTC of 填报日期 when it reads as a date
// ("2026年11月29日", "2026-11-29"), else a fixed time, so that output never depends on
// the clock.
std::time_t created_time(const std::string& date) {
  std::vector<unsigned> numbers;
  bool in_number = false;
  for (char c : date) {
    if (c >= '0' && c <= '9') {
      if (!in_number) numbers.push_back(0);
      in_number = true;
      if (numbers.back() < 100000)
        numbers.back() = numbers.back() * 10 + static_cast<unsigned>(c - '0');
    } else {
      in_number = false;
    }
  }
  if (numbers.size() < 3) return kDefaultCreated;
  const unsigned y = numbers[0], m = numbers[1], d = numbers[2];
  if (y < 1980 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return kDefaultCreated;
  return static_cast<std::time_t>(days_from_civil(y, m, d) * 86400);
}

class SheetWriter {
 public:
  SheetWriter(lxw_workbook* workbook, lxw_worksheet* sheet) : wb_(workbook), ws_(sheet) {
    make_formats();
  }

  void write(const SummaryLayout& layout, const SummaryHeader& header) {
    set_up_page();
    check(worksheet_merge_range(ws_, 0, 0, 0, kLastCol, layout.title.c_str(), title_));
    check(worksheet_set_row(ws_, 0, 36, nullptr));
    write_header_block(header);
    write_column_header();
    lxw_row_t row = 3;
    for (const auto& group : layout.groups) {
      write_group(row, group);
      row += static_cast<lxw_row_t>(group.lines.size());
    }
    write_totals(row, layout.totals);
    if (std::string note = summary_package_note(header); !note.empty()) {
      check(worksheet_merge_range(ws_, row + 1, 0, row + 1, kLastCol, note.c_str(), note_));
      check(worksheet_set_row(ws_, row + 1, row_height(1), nullptr));
    }
  }

  lxw_error first_error() const { return error_; }

 private:
  lxw_format* font(double size = 11) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_font_name(f, kBodyFont);
    format_set_font_size(f, size);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
  }
  lxw_format* cell(std::uint8_t align, bool bold = false) {
    lxw_format* f = font();
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, align);
    format_set_text_wrap(f);
    if (bold) format_set_bold(f);
    return f;
  }
  void make_formats() {
    title_ = font(16);
    format_set_font_name(title_, kTitleFont);
    format_set_bold(title_);
    format_set_align(title_, LXW_ALIGN_CENTER);
    header_field_ = font();
    format_set_align(header_field_, LXW_ALIGN_LEFT);
    column_header_ = cell(LXW_ALIGN_CENTER, true);
    centered_ = cell(LXW_ALIGN_CENTER);
    left_ = cell(LXW_ALIGN_LEFT);
    right_ = cell(LXW_ALIGN_RIGHT);
    totals_label_ = cell(LXW_ALIGN_CENTER, true);
    totals_count_ = cell(LXW_ALIGN_CENTER, true);
    note_ = font(9);
    format_set_align(note_, LXW_ALIGN_LEFT);
  }
  // "#,##0.00", or more places when an amount needs them, so nothing is hidden.
  lxw_format* amount_format(Money amount, bool bold) {
    int decimals = std::max(2, amount.decimals());
    lxw_format*& f = amounts_[{decimals, bold}];
    if (!f) {
      f = cell(LXW_ALIGN_RIGHT, bold);
      format_set_num_format(
          f, ("#,##0." + std::string(static_cast<std::size_t>(decimals), '0')).c_str());
    }
    return f;
  }

  void check(lxw_error result) {
    if (result != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = result;
  }

  void set_up_page() {
    for (lxw_col_t col = 0; col <= kLastCol; ++col)
      check(worksheet_set_column(ws_, col, col, kColumnWidths[col], nullptr));
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, kPaperA4);
    worksheet_set_margins(ws_, 0.4, 0.4, 0.6, 0.7);  // inches; room below for the footer
    worksheet_center_horizontally(ws_);
    worksheet_fit_to_pages(ws_, 1, 0);  // one page wide, as many pages long as needed
    check(worksheet_repeat_rows(ws_, 0, 2));
    check(worksheet_set_footer(ws_, "&C第 &P 页，共 &N 页"));
    worksheet_freeze_panes(ws_, 3, 0);
  }

  // 主管部门（盖章）：…  联系人：…  联系电话：…  填报日期：… across the width.
  void write_header_block(const SummaryHeader& header) {
    static constexpr std::array<std::pair<lxw_col_t, lxw_col_t>, 4> kSpans = {
        {{0, 3}, {4, 6}, {7, 9}, {10, kLastCol}}};
    auto fields = summary_header_fields(header);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      std::string text = std::string(fields[i].label) + "：" + fields[i].value;
      check(worksheet_merge_range(ws_, 1, kSpans[i].first, 1, kSpans[i].second, excel_cell_text(text).c_str(),
                                  header_field_));
    }
    check(worksheet_set_row(ws_, 1, 28, nullptr));
  }

  void write_column_header() {
    int lines = 1;
    for (lxw_col_t col = 0; col <= kLastCol; ++col) {
      std::string text(kSummaryColumns[col]);
      // The unit on a line of its own (项目计划总投入 / （万元）), as a clerk would break it.
      if (auto unit = text.find("（"); unit != std::string::npos && unit > 0)
        text.insert(unit, "\n");
      check(worksheet_write_string(ws_, 2, col, text.c_str(), column_header_));
      lines = std::max(lines, lines_needed(text, kColumnWidths[col]));
    }
    check(worksheet_set_row(ws_, 2, row_height(lines), nullptr));
  }

  void write_text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    check(worksheet_write_string(ws_, row, col, excel_cell_text(text).c_str(), format));
  }

  void write_amount(lxw_row_t row, lxw_col_t col, const SummaryAmount& amount, bool bold = false) {
    if (amount.money) {
      check(worksheet_write_number(ws_, row, col, amount_to_double(*amount.money),
                                   amount_format(*amount.money, bold)));
    } else {
      write_text(row, col, amount.text, right_);  // as written, for the clerk to see
    }
  }

  // A known region's rows share one region cell, merged down the group and carrying its
  // count ("上合组织成员国\n（3项）"), as a clerk lays out such a table: the region said once,
  // not in a heading row and again in every row. Rows without one known region each say
  // what the suggestion gave, after the group's label.
  void write_group(lxw_row_t first, const SummaryGroup& group) {
    const auto last = static_cast<lxw_row_t>(first + group.lines.size() - 1);
    std::vector<double> heights;
    for (std::size_t i = 0; i < group.lines.size(); ++i) {
      const SummaryLine& line = group.lines[i];
      std::string own_region;  // only for rows without one known region
      if (!group.known_region) own_region = group.label + (line.region.empty() ? "" : "：" + line.region);
      heights.push_back(write_line(static_cast<lxw_row_t>(first + i), line, own_region));
    }
    if (group.known_region) {
      // The count on a line of its own, so that a narrow cell never wraps inside "（1项）".
      std::string heading = group.heading();
      heading.insert(group.label.size(), "\n");
      heading = excel_cell_text(heading);
      if (first == last) {
        check(worksheet_write_string(ws_, first, kColRegion, heading.c_str(), centered_));
      } else {
        check(worksheet_merge_range(ws_, first, kColRegion, last, kColRegion, heading.c_str(), centered_));
      }
      // A merged cell grows no row: the last row takes what the heading needs beyond the group's height.
      double total = 0;
      for (double h : heights) total += h;
      const double needed = row_height(lines_needed(heading, kColumnWidths[kColRegion]));
      if (needed > total) heights.back() += needed - total;
    }
    for (std::size_t i = 0; i < heights.size(); ++i)
      check(worksheet_set_row(ws_, static_cast<lxw_row_t>(first + i), heights[i], nullptr));
  }

  // Writes the line's cells but the region's when `region` is empty; returns the row's height.
  double write_line(lxw_row_t row, const SummaryLine& line, const std::string& region) {
    check(worksheet_write_number(ws_, row, kColNumber, line.number, centered_));
    if (!region.empty()) write_text(row, kColRegion, region, centered_);
    write_text(row, kColTitle, line.title, left_);
    write_text(row, kColUnit, line.unit, left_);
    write_text(row, kColProposer, line.proposer, centered_);
    write_text(row, kColPosition, line.position, centered_);
    write_text(row, kColPhone, line.phone, centered_);
    write_text(row, kColIndustry, line.industry, centered_);
    write_text(row, kColType, line.project_type, left_);
    write_amount(row, kColTotal, line.total);
    write_amount(row, kColProvincial, line.provincial);
    check(worksheet_write_number(ws_, row, kColKeyTech, line.key_technologies, centered_));
    check(worksheet_write_blank(ws_, row, kColRemark, centered_));
    int lines = 1;
    const std::array<std::pair<int, const std::string*>, 8> wrapped = {
        {{kColRegion, &region},
         {kColTitle, &line.title},
         {kColUnit, &line.unit},
         {kColProposer, &line.proposer},
         {kColPosition, &line.position},
         {kColPhone, &line.phone},
         {kColIndustry, &line.industry},
         {kColType, &line.project_type}}};
    for (const auto& [col, text] : wrapped)
      lines = std::max(lines, lines_needed(*text, kColumnWidths[static_cast<std::size_t>(col)]));
    return row_height(lines);
  }

  // The sums are Money sums written once as numbers: no SUM() for Excel to redo in double.
  void write_totals(lxw_row_t row, const SummaryTotals& totals) {
    check(worksheet_merge_range(ws_, row, 0, row, kColType, totals.label().c_str(), totals_label_));
    write_amount(row, kColTotal, {totals.total, {}}, true);
    write_amount(row, kColProvincial, {totals.provincial, {}}, true);
    check(worksheet_write_number(ws_, row, kColKeyTech, totals.key_technologies, totals_count_));
    check(worksheet_write_blank(ws_, row, kColRemark, centered_));
    check(worksheet_set_row(ws_, row, row_height(1), nullptr));
  }

  lxw_workbook* wb_;
  lxw_worksheet* ws_;
  lxw_error error_ = LXW_NO_ERROR;
  lxw_format *title_ = nullptr, *header_field_ = nullptr, *column_header_ = nullptr;
  lxw_format *centered_ = nullptr, *left_ = nullptr, *right_ = nullptr;
  lxw_format *totals_label_ = nullptr, *totals_count_ = nullptr, *note_ = nullptr;
  std::map<std::pair<int, bool>, lxw_format*> amounts_;
};

bool write_workbook(const std::filesystem::path& file, const SummaryLayout& layout,
                    const SummaryHeader& header, std::string* error) {
  // libxlsxwriter prints numbers with snprintf, which follows LC_NUMERIC: "300,5" under a
  // German host locale. "C" for this thread while writing.
  const ThreadLocale c_numbers(LC_NUMERIC_MASK, "C");
  lxw_workbook* workbook = workbook_new(path_to_utf8(file).c_str());
  if (!workbook) {
    *error = "cannot start the workbook";
    return false;
  }
  // Fixed properties: libxlsxwriter stamps the zip entries with 1980-01-01 and the
  // document with `created`; nothing else in the file depends on the clock.
  std::string title = layout.title, author = header.department;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.created = created_time(header.date);
  lxw_error result = workbook_set_properties(workbook, &properties);

  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "汇总表");
  if (sheet) {
    SheetWriter writer(workbook, sheet);
    writer.write(layout, header);
    if (result == LXW_NO_ERROR) result = writer.first_error();
  } else if (result == LXW_NO_ERROR) {
    result = LXW_ERROR_MEMORY_MALLOC_FAILED;
  }
  lxw_error closed;
  {
    const LibcTimeLock lock;  // docProps/core.xml's date, through gmtime()
    closed = workbook_close(workbook);  // frees the workbook whatever happened
  }
  if (result == LXW_NO_ERROR) result = closed;
  if (result != LXW_NO_ERROR) *error = lxw_strerror(result);
  return result == LXW_NO_ERROR;
}

}  // namespace

namespace detail {

bool write_summary_xlsx_in_place(const std::filesystem::path& path, std::span<const SummaryRow> rows,
                                 const SummaryHeader& header, const Profile& profile, std::string* error) {
  std::string reason;
  try {
    if (write_workbook(path, lay_out_summary(rows, profile), header, &reason)) return true;
  } catch (const std::invalid_argument& e) {
    reason = e.what();
  }
  if (error) *error = reason;
  return false;
}

}  // namespace detail

bool write_summary_xlsx(const std::filesystem::path& path, std::span<const SummaryRow> rows,
                        const SummaryHeader& header, const Profile& profile, std::string* error) {
  SummaryLayout layout;
  try {
    layout = lay_out_summary(rows, profile);
  } catch (const std::invalid_argument& e) {
    if (error) *error = e.what();
    return false;
  }
  return write_file_atomically(
      path,
      [&](const std::filesystem::path& temp, std::string* reason) {
        return write_workbook(temp, layout, header, reason);
      },
      error);
}

}  // namespace zhinan

// The province-wide list of every suggestion the audit read, as .xlsx: one row each, in
// the order read, with its package, department, folder and verdict, for the clerk to
// sort and filter. Written like the 汇总表 (office/summary_table_xlsx.cpp): to a temporary
// file renamed into place, numbers printed in the "C" locale, no clock in the file.
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/libc_time_lock.hpp"
#include "base/thread_locale.hpp"
#include "base/utf8.hpp"
#include "office/summary_table_file.hpp"
#include "office/summary_table_layout.hpp"
#include "zhinan/audit.hpp"
#include "zhinan/io.hpp"

namespace zhinan {
namespace {

using namespace detail;

constexpr const char* kSheetName = "指南建议清单";
constexpr const char* kFont = "宋体";
constexpr std::uint8_t kPaperA4 = 9;
constexpr std::time_t kCreated = 1735689600;  // 2025-01-01T00:00:00Z: output never depends on the clock

constexpr std::array<std::string_view, 11> kColumns = {
    "序号",     "压缩包",   "主管部门", "合作国别、地区",         "文件夹序号",
    "项目名称", "建议单位", "建议人",   "项目计划总投入（万元）", "省财政资金支持强度建议（万元）",
    "审核结果"};
// Excel's character units; a Chinese character takes about two.
constexpr std::array<double, kColumns.size()> kWidths = {6, 24, 20, 18, 8, 40, 28, 10, 16, 23, 10};

enum Column : lxw_col_t {
  kRow, kPackage, kDepartment, kRegion, kNumber, kTitle, kUnit, kProposer, kTotal, kProvincial, kVerdict
};
constexpr lxw_col_t kLastCol = kVerdict;

// Row heights are written, not left to the reader: LibreOffice keeps the default height
// for wrapped cells and cuts the text off. As in the 汇总表: a Chinese character of 宋体
// 11pt is about two width units, other characters about one, 15 points a line.
double char_width(char32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2018 && cp <= 0x201D) ||
                    (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
  return wide ? 2.0 : 1.1;
}

int lines_needed(std::string_view text, double width) {
  const double usable = std::max(2.0, width - 0.8);  // less the cell's margins
  int lines = 1;
  double used = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = decode_utf8(text, pos);
    const double w = cp == U'\n' ? usable + 1 : char_width(cp);
    if (used + w > usable && used > 0) {
      ++lines;
      used = 0;
    }
    if (cp != U'\n') used += w;
  }
  return lines;
}

double row_height(int lines) { return std::max(20.0, lines * 15.0 + 5.0); }

// As the JSON report says it (audit_report.cpp): a document whose data could not be read
// is 未能读取 whatever its name's findings.
std::string verdict(const AuditedSuggestion& s) {
  if (!s.suggestion) return "未能读取";
  if (s.has_errors) return "不通过";
  return s.has_warnings ? "有警告" : "通过";
}

// The entry's file name without its folders, for a row whose data could not be read.
std::string_view file_name(std::string_view entry) {
  const std::size_t slash = entry.find_last_of('/');
  return slash == std::string_view::npos ? entry : entry.substr(slash + 1);
}

class ListWriter {
 public:
  ListWriter(lxw_workbook* workbook, lxw_worksheet* sheet, const AuditResult& result)
      : wb_(workbook), ws_(sheet), result_(result) {
    header_ = cell(LXW_ALIGN_CENTER);
    format_set_bold(header_);
    centered_ = cell(LXW_ALIGN_CENTER);
    left_ = cell(LXW_ALIGN_LEFT);
    right_ = cell(LXW_ALIGN_RIGHT);
  }

  void write() {
    set_up_page();
    for (lxw_col_t col = 0; col <= kLastCol; ++col) {
      std::string text(kColumns[col]);
      // The unit on a line of its own (项目计划总投入 / （万元）), as a clerk would break it.
      if (auto unit = text.find("（"); unit != std::string::npos && unit > 0) text.insert(unit, "\n");
      write_text(0, col, text, header_);
    }
    check(worksheet_set_row(ws_, 0, row_height(lines_), nullptr));
    lxw_row_t row = 1;
    for (const AuditedSuggestion& s : result_.suggestions) write_row(row++, s);
    check(worksheet_autofilter(ws_, 0, 0, row - 1, kLastCol));
  }

  lxw_error first_error() const { return error_; }

 private:
  lxw_format* cell(std::uint8_t align) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_font_name(f, kFont);
    format_set_font_size(f, 11);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    return f;
  }
  // "#,##0.00", or more places when an amount needs them, so nothing is hidden.
  lxw_format* amount_format(Money amount) {
    const int decimals = std::max(2, amount.decimals());
    lxw_format*& f = amounts_[decimals];
    if (!f) {
      f = cell(LXW_ALIGN_RIGHT);
      format_set_num_format(f, ("#,##0." + std::string(static_cast<std::size_t>(decimals), '0')).c_str());
    }
    return f;
  }
  void check(lxw_error result) {
    if (result != LXW_NO_ERROR && error_ == LXW_NO_ERROR) error_ = result;
  }

  void set_up_page() {
    for (lxw_col_t col = 0; col <= kLastCol; ++col) check(worksheet_set_column(ws_, col, col, kWidths[col], nullptr));
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, kPaperA4);
    worksheet_set_margins(ws_, 0.4, 0.4, 0.6, 0.7);  // inches; room below for the footer
    worksheet_fit_to_pages(ws_, 1, 0);                // one page wide, as long as needed
    check(worksheet_repeat_rows(ws_, 0, 0));
    check(worksheet_set_footer(ws_, "&C第 &P 页，共 &N 页"));
    worksheet_freeze_panes(ws_, 1, 0);
  }

  // Text in a wrapped cell; `lines_` keeps the most lines a cell of the row needs.
  void write_text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    check(worksheet_write_string(ws_, row, col, excel_cell_text(text).c_str(), format));
    lines_ = std::max(lines_, lines_needed(text, kWidths[col]));
  }

  // A number when the literal is an amount, else the text as written (or blank).
  void write_amount(lxw_row_t row, lxw_col_t col, const std::optional<DecimalText>& amount) {
    const std::optional<Money> money = amount ? amount->money() : std::nullopt;
    if (money) check(worksheet_write_number(ws_, row, col, amount_to_double(*money), amount_format(*money)));
    else if (amount) write_text(row, col, amount->literal, right_);
    else check(worksheet_write_blank(ws_, row, col, right_));
  }

  std::string region_label(const std::string& code, const std::string& folder) const {
    for (const auto& [c, label] : result_.regions)
      if (!code.empty() && c == code) return label;
    return folder;  // no region: the folder as written
  }

  void write_row(lxw_row_t row, const AuditedSuggestion& s) {
    lines_ = 1;
    check(worksheet_write_number(ws_, row, kRow, row, centered_));
    write_text(row, kPackage, s.package, left_);
    write_text(row, kDepartment, s.department, left_);
    write_text(row, kRegion, region_label(s.region, s.folder), centered_);
    if (s.number > 0) check(worksheet_write_number(ws_, row, kNumber, s.number, centered_));
    else check(worksheet_write_blank(ws_, row, kNumber, centered_));
    const Suggestion* data = s.suggestion ? &*s.suggestion : nullptr;
    write_text(row, kTitle, data ? data->title : std::string(file_name(s.entry)), left_);
    write_text(row, kUnit, data ? data->source.unit : std::string(), left_);
    write_text(row, kProposer, data ? data->source.proposer : std::string(), centered_);
    write_amount(row, kTotal, data ? data->funding.total : std::nullopt);
    write_amount(row, kProvincial, data ? data->funding.provincial : std::nullopt);
    write_text(row, kVerdict, verdict(s), centered_);
    check(worksheet_set_row(ws_, row, row_height(lines_), nullptr));
  }

  lxw_workbook* wb_;
  lxw_worksheet* ws_;
  const AuditResult& result_;
  lxw_error error_ = LXW_NO_ERROR;
  lxw_format *header_ = nullptr, *centered_ = nullptr, *left_ = nullptr, *right_ = nullptr;
  std::map<int, lxw_format*> amounts_;
  int lines_ = 1;
};

bool write_workbook(const std::filesystem::path& file, const AuditResult& result, std::string* error) {
  // libxlsxwriter prints numbers with snprintf, which follows LC_NUMERIC: "300,5" under a
  // German host locale. "C" for this thread while writing.
  const ThreadLocale c_numbers(LC_NUMERIC_MASK, "C");
  lxw_workbook* workbook = workbook_new(path_to_utf8(file).c_str());
  if (!workbook) {
    *error = "cannot start the workbook";
    return false;
  }
  std::string title = kSheetName;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.created = kCreated;
  lxw_error status = workbook_set_properties(workbook, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, kSheetName);
  if (sheet) {
    ListWriter writer(workbook, sheet, result);
    writer.write();
    if (status == LXW_NO_ERROR) status = writer.first_error();
  } else if (status == LXW_NO_ERROR) {
    status = LXW_ERROR_MEMORY_MALLOC_FAILED;
  }
  lxw_error closed;
  {
    const LibcTimeLock lock;  // docProps/core.xml's date, through gmtime()
    closed = workbook_close(workbook);  // frees the workbook whatever happened
  }
  if (status == LXW_NO_ERROR) status = closed;
  if (status != LXW_NO_ERROR) *error = lxw_strerror(status);
  return status == LXW_NO_ERROR;
}

}  // namespace

bool write_audit_xlsx(const AuditResult& result, const std::filesystem::path& path, std::string* error) {
  return write_file_atomically(
      path,
      [&](const std::filesystem::path& temp, std::string* reason) { return write_workbook(temp, result, reason); },
      error);
}

}  // namespace zhinan

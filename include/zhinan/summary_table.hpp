// The summary table 附件3 (指南建议汇总表) that a competent department fills in, stamps and
// sends with its package (section 四(三)): one row per suggestion, grouped by cooperation
// region, with the same 序号 as the suggestion's file name in the package.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan {

// The lines above the table. Empty fields are left blank for handwriting.
struct SummaryHeader {
  std::string department;  // 主管部门（盖章）
  std::string contact;     // 联系人
  std::string phone;       // 联系电话
  std::string date;        // 填报日期, as text: "2026年11月29日"
  // The package this table goes with, named with its size and CRC-32 in a note below the
  // table (7-Zip and `crc32` show the same figure), so that a table and a ZIP from
  // different runs cannot pass for each other. Empty name: no note.
  std::string package_name;
  std::uint64_t package_size = 0;
  std::uint32_t package_crc32 = 0;
  // How the package numbered its files, which the 序号 column repeats: from 1 in each
  // region's folder (the call's 四（二）: a folder per region, "1.项目名称-建议单位"), or
  // once across the package. Said in the note.
  bool numbered_across_package = false;
};

// One suggestion in the table. `number` is the 序号 of its file name in the package
// (counting per region folder or globally, as the package was numbered). The suggestion
// is borrowed and must not be null (summary_csv throws std::invalid_argument for a null
// one; write_summary_xlsx returns false).
struct SummaryRow {
  int number = 0;
  const Suggestion* suggestion = nullptr;
};

// Rows are grouped by region in the profile's region order, each group under a
// sub-heading row ("上合组织成员国（3项）"), and ordered by number within a group; a
// suggestion without exactly one known region goes into a last group of its own. The
// totals row (合计) adds the amounts exactly, in Money, never in binary floating point.

// Writes the table as an .xlsx ready to print on A4 landscape. Atomic: the workbook is
// written to a temporary file beside `path` and renamed over it, so on failure nothing
// is left at `path` and a file already there is untouched. The same inputs give the same
// bytes (the document's created time comes from `header.date`, or a fixed default).
// Returns false with the reason in `error` (may be null) when the file cannot be written.
bool write_summary_xlsx(const std::filesystem::path& path, std::span<const SummaryRow> rows,
                        const SummaryHeader& header, const Profile& profile,
                        std::string* error = nullptr);

// The same table as CSV for Excel and WPS: UTF-8 with a BOM, CRLF line ends, RFC 4180
// quoting. The title and the header fields come first, one line each; then the column
// header, one line per suggestion (with its region in a column instead of sub-heading
// rows) and the totals line. Text that a spreadsheet would run as a formula (starting
// with = + - @) is prefixed with an apostrophe.
std::string summary_csv(std::span<const SummaryRow> rows, const SummaryHeader& header,
                        const Profile& profile);

}  // namespace zhinan

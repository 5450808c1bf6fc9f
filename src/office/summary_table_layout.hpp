// The summary table's content, shared by the .xlsx and .csv writers (internal): what
// each cell says, in which order, and the exact totals.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/money.hpp"
#include "zhinan/summary_table.hpp"

namespace zhinan::detail {

// The columns of 附件3, in order.
inline constexpr std::array<std::string_view, 13> kSummaryColumns = {
    "序号",
    "合作国别、地区",
    "项目名称",
    "建议单位",
    "建议人",
    "职称/职务",
    "联系电话",
    "产业领域",
    "项目类型",
    "项目计划总投入（万元）",
    "省财政资金支持强度建议（万元）",
    "关键技术（项）",
    "备注"};

enum SummaryColumn : int {
  kColNumber,
  kColRegion,
  kColTitle,
  kColUnit,
  kColProposer,
  kColPosition,
  kColPhone,
  kColIndustry,
  kColType,
  kColTotal,
  kColProvincial,
  kColKeyTech,
  kColRemark
};

// The labels of the header block, with their values.
struct SummaryHeaderField {
  std::string_view label;
  std::string value;
};
std::array<SummaryHeaderField, 4> summary_header_fields(const SummaryHeader& header);
// The note naming the package the table goes with; "" when the header names none.
// "注：…本表与压缩包“X.zip”（119,785 字节，CRC-32 校验值 2F814946）同时生成…": the audit
// finds the size and CRC-32 again by these markers.
std::string summary_package_note(const SummaryHeader& header);
inline constexpr std::string_view kPackageNoteStart = "注：";
inline constexpr std::string_view kPackageNoteSizeThenCrc = " 字节，CRC-32 校验值 ";

// An amount cell: the exact amount, or the text as written when it is not one.
struct SummaryAmount {
  std::optional<Money> money;
  std::string text;  // only when `money` is empty: the invalid literal, or empty if absent
};

struct SummaryLine {
  int number = 0;
  std::string region, title, unit, proposer, position, phone, industry, project_type;
  SummaryAmount total, provincial;
  int key_technologies = 0;
};

struct SummaryGroup {
  std::string label;  // the region's label, or 未明确合作国别、地区
  bool known_region = true;  // false for the group of 未明确合作国别、地区
  std::vector<SummaryLine> lines;
  std::string heading() const;  // "上合组织成员国（3项）"
};

struct SummaryTotals {
  int count = 0;
  Money total;
  Money provincial;
  int key_technologies = 0;
  std::string label() const;  // "合计（5项）"
};

struct SummaryLayout {
  std::string title;
  std::vector<SummaryGroup> groups;  // non-empty groups only
  SummaryTotals totals;
};

// Throws std::invalid_argument for a row without a suggestion.
SummaryLayout lay_out_summary(std::span<const SummaryRow> rows, const Profile& profile);

// The amount with at least `min_decimals` places and as many more as it needs (up to 6),
// optionally with thousands separators: "1200.00", "2,100.50", "0.125".
std::string format_amount(Money amount, int min_decimals = 2, bool group_thousands = false);

// The double nearest to the exact decimal, for a spreadsheet cell; never a sum of doubles.
double amount_to_double(Money amount);

// A cell of Excel holds at most 32,767 characters, and libxlsxwriter refuses a longer text
// (and with it the whole table): such a text is cut at a character and ends with "…".
// The .csv keeps it whole.
inline constexpr std::size_t kExcelCellCharacters = 32767;
std::string excel_cell_text(std::string_view utf8);

}  // namespace zhinan::detail

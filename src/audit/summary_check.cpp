#include "audit/summary_check.hpp"

#include <cstdio>
#include <map>

#include "base/raw_deflate.hpp"
#include "import/form_values.hpp"
#include "office/summary_table_layout.hpp"
#include "office/xlsx_read.hpp"

namespace zhinan::detail {

namespace {

constexpr std::size_t kMaxMismatchesPerTable = 10;

// RFC 4180 CSV, UTF-8 with or without a BOM.
CellGrid read_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  CellGrid grid(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      grid.back().push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      grid.back().push_back(std::move(cell));
      cell.clear();
      grid.emplace_back();
    } else {
      cell += c;
    }
  }
  if (!cell.empty() || !grid.back().empty()) grid.back().push_back(std::move(cell));
  return grid;
}

struct Columns {
  int number = -1, region = -1, title = -1, unit = -1;
};

std::optional<std::pair<std::size_t, Columns>> header_row(const CellGrid& grid) {
  for (std::size_t r = 0; r < grid.size(); ++r) {
    Columns c;
    for (std::size_t i = 0; i < grid[r].size(); ++i) {
      const std::string key = label_key(grid[r][i]);
      if (key == "序号") c.number = static_cast<int>(i);
      else if (key == "合作国别地区" || key == "合作国别") c.region = static_cast<int>(i);
      else if (key == "项目名称") c.title = static_cast<int>(i);
      else if (key == "建议单位") c.unit = static_cast<int>(i);
    }
    if (c.number >= 0 && c.title >= 0) return std::make_pair(r, c);
  }
  return std::nullopt;
}

std::string cell(const std::vector<std::string>& row, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < row.size() ? trim_text(row[static_cast<std::size_t>(i)]) : std::string();
}

// A 汇总表 lists titles in full: they must equal the document's. Only a title known from a
// file name alone, which the file-name rules may have shortened, may be a beginning of it.
bool same_text(const std::string& in_table, const std::string& in_file, bool file_shortened) {
  const std::string x = label_key(in_table), y = label_key(in_file);
  return x == y || (file_shortened && !y.empty() && x.starts_with(y));
}

// A region's label without the count a table gives after it: "上合组织成员国（3项）" →
// "上合组织成员国".
std::string without_count(const std::string& text) {
  static constexpr std::string_view kOpen = "（", kClose = "项）";
  if (!text.ends_with(kClose)) return text;
  const std::size_t open = text.rfind(kOpen);
  if (open == std::string::npos) return text;
  const std::size_t digits = open + kOpen.size(), end = text.size() - kClose.size();
  if (digits == end || text.find_first_not_of("0123456789", digits) != end) return text;
  return trim_text(text.substr(0, open));  // "上合组织成员国\n（3项）" puts the count on its own line
}

struct Row {
  std::size_t line = 0;
  std::string region;
  int number = 0;
  std::string title, unit;
};

std::vector<Row> table_rows(const CellGrid& grid, const Profile& profile, std::string& department) {
  for (const auto& row : grid) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (label_key(row[i]).starts_with("主管部门")) {
        const std::size_t colon = row[i].find("：");
        std::string value = colon != std::string::npos ? trim_text(row[i].substr(colon + 3)) : cell(row, static_cast<int>(i + 1));
        if (!value.empty() && department.empty()) department = value;
      }
    }
  }
  std::vector<Row> rows;
  const auto header = header_row(grid);
  if (!header) return rows;
  const Columns& c = header->second;
  // The region of the rows that follow: from a sub-heading row (older tables, and tables
  // clerks make by hand), or from the region column, whose cell a table may merge down the
  // rows of one region (zhinan's own): a blank cell there continues the one above.
  std::string current_region;
  for (std::size_t r = header->first + 1; r < grid.size(); ++r) {
    const std::string number = cell(grid[r], c.number);
    bool alias = false;
    if (const Region* region = region_of_folder(without_count(number), profile, alias)) current_region = region->code;
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) continue;
    if (c.region >= 0) {
      if (const std::string named = cell(grid[r], c.region); !named.empty()) {
        const Region* region = region_of_folder(without_count(named), profile, alias);
        current_region = region ? region->code : std::string();
      }
    }
    rows.push_back({r + 1, current_region, std::stoi(number.substr(0, 6)), cell(grid[r], c.title), cell(grid[r], c.unit)});
  }
  return rows;
}

// The size and CRC-32 a table's note gives for its ZIP ("…（119,785 字节，CRC-32 校验值
// 2F814946）…"), if it has that note.
std::optional<std::pair<std::uint64_t, std::uint32_t>> package_in_note(const CellGrid& grid) {
  constexpr std::string_view kStart = kPackageNoteStart, kBytes = kPackageNoteSizeThenCrc;
  for (const auto& row : grid) {
    for (const std::string& text : row) {
      if (!text.starts_with(kStart)) continue;
      const std::size_t bytes = text.find(kBytes);
      const std::size_t open = text.rfind("（", bytes);
      if (bytes == std::string::npos || open == std::string::npos || text.size() < bytes + kBytes.size() + 8) continue;
      std::uint64_t size = 0;
      for (std::size_t i = open + 3; i < bytes; ++i) {
        if (text[i] >= '0' && text[i] <= '9') size = size * 10 + static_cast<std::uint64_t>(text[i] - '0');
        else if (text[i] != ',') return std::nullopt;
      }
      const std::string hex = text.substr(bytes + kBytes.size(), 8);
      if (hex.find_first_not_of("0123456789ABCDEFabcdef") != std::string::npos) return std::nullopt;
      return std::make_pair(size, static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16)));
    }
  }
  return std::nullopt;
}

std::string crc_text(std::uint32_t crc) {
  char out[9];
  std::snprintf(out, sizeof out, "%08X", static_cast<unsigned>(crc));
  return out;
}

}  // namespace

PackageFingerprint PackageFingerprint::of(std::string_view bytes) {
  return {bytes.size(), crc32_of(bytes)};
}

void check_summary_tables(const std::vector<SummaryTable>& tables, const std::vector<DocumentFacts>& documents,
                          const Profile& profile, std::vector<EntryFinding>& findings, std::string& department) {
  if (tables.empty()) {
    add_finding(findings, profile, "audit.summary_absent", "", {});
    return;
  }
  for (const SummaryTable& table : tables) {
    const auto mismatch = [&](const std::string& entry, std::string zh, std::string en) {
      add_finding(findings, profile, "audit.summary_mismatch", entry,
                  {{"table", table.name}, {"detail", std::move(zh)}, {"detail_en", std::move(en)}});
    };
    std::string error;
    std::optional<CellGrid> grid;
    if (table.name.ends_with(".csv") || table.name.ends_with(".CSV")) grid = read_csv(table.data);
    else grid = read_xlsx_first_sheet(table.data, &error);
    if (!grid || !header_row(*grid)) {
      mismatch(table.name, "无法读取表格或找不到“序号”“项目名称”列" + (error.empty() ? "" : "（" + error + "）"),
               "the table cannot be read or has no 序号 / 项目名称 columns" + (error.empty() ? "" : ": " + error));
      continue;
    }
    if (table.package_file) {
      if (const auto named = package_in_note(*grid)) {
        const std::uint64_t size = table.package_file->size;
        const std::uint32_t crc = table.package_file->crc32;
        if (named->first != size || named->second != crc) {
          mismatch(table.name,
                   "表中注明的压缩包为 " + std::to_string(named->first) + " 字节、CRC-32 " + crc_text(named->second) +
                       "，收到的压缩包为 " + std::to_string(size) + " 字节、CRC-32 " + crc_text(crc) +
                       "：两者不是同一次打包的结果，请重新打包后一并报送",
                   "the table names a ZIP of " + std::to_string(named->first) + " bytes, CRC-32 " + crc_text(named->second) +
                       ", the package received has " + std::to_string(size) + " bytes, CRC-32 " + crc_text(crc) +
                       ": they are not from the same run");
        }
      }
    }
    const std::vector<Row> rows = table_rows(*grid, profile, department);
    std::size_t reported = 0;
    std::vector<bool> matched(documents.size(), false);
    for (const Row& row : rows) {
      if (reported >= kMaxMismatchesPerTable) break;
      std::size_t found = documents.size();
      for (std::size_t i = 0; i < documents.size(); ++i) {
        const LaidOutDocument& d = *documents[i].document;
        if (!matched[i] && d.number == row.number && (row.region.empty() || row.region == d.region)) {
          found = i;
          break;
        }
      }
      if (found == documents.size()) {
        ++reported;
        mismatch(table.name, "第" + std::to_string(row.line) + "行（序号" + std::to_string(row.number) + "《" + row.title + "》）没有对应的文件",
                 "row " + std::to_string(row.line) + " (number " + std::to_string(row.number) + ", " + row.title + ") has no file");
        continue;
      }
      matched[found] = true;
      const DocumentFacts& facts = documents[found];
      if (!same_text(row.title, facts.title, facts.from_name) ||
          (!row.unit.empty() && !same_text(row.unit, facts.unit, facts.from_name))) {
        ++reported;
        mismatch(facts.document->name,
                 "第" + std::to_string(row.line) + "行为《" + row.title + "》（" + row.unit + "），文件为《" + facts.title + "》（" + facts.unit + "）",
                 "row " + std::to_string(row.line) + " says " + row.title + " (" + row.unit + "), the file " + facts.title + " (" + facts.unit + ")");
      }
    }
    for (std::size_t i = 0; i < documents.size() && reported < kMaxMismatchesPerTable; ++i) {
      if (matched[i]) continue;
      ++reported;
      mismatch(documents[i].document->name, "文件《" + documents[i].title + "》在汇总表中没有对应的行",
               "the file " + documents[i].title + " has no row in the table");
    }
  }
}

}  // namespace zhinan::detail

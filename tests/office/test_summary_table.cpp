#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "office/summary_table_layout.hpp"
#include "office/xlsx_read.hpp"
#include "support.hpp"
#include "zhinan/summary_table.hpp"

using namespace zhinan;
using zhinan::test::sample;

namespace {

using Record = std::vector<std::string>;

// Reads CSV back the way RFC 4180 says, so the tests see fields, not bytes.
std::vector<Record> parse_csv(std::string_view text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      ++i;
    } else {
      field += c;
    }
  }
  return records;
}

// The CSV's records without the BOM; the table's rows start after the column header.
std::vector<Record> csv_records(std::span<const SummaryRow> rows,
                                const SummaryHeader& header = {}) {
  std::string csv = summary_csv(rows, header, Profile::builtin());
  REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
  return parse_csv(std::string_view(csv).substr(3));
}
constexpr std::size_t kFirstRowRecord = 6;  // title, four header lines, column header

std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(test::samples_dir())) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Every sample, numbered per region folder as the package numbers them.
struct Batch {
  std::vector<Suggestion> suggestions;
  std::vector<SummaryRow> rows;
};
Batch all_samples() {
  Batch batch;
  for (const auto& name : sample_names()) batch.suggestions.push_back(sample(name));
  std::map<std::string, int> next;
  for (const auto& s : batch.suggestions) {
    std::string folder = s.region.empty() ? "" : s.region.front();
    batch.rows.push_back({++next[folder], &s});
  }
  return batch;
}

Suggestion with_amounts(const std::string& total, const std::string& provincial) {
  Suggestion s = sample("valid-sco");
  s.funding.total = DecimalText{total, true};
  s.funding.provincial = DecimalText{provincial, true};
  return s;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("zhinan-test-summary-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path), {}));
  }
};

std::string file_bytes(const std::filesystem::path& path) { return read_file(path).value_or(""); }

}  // namespace

TEST_CASE("summary: every sample is listed once, grouped in the profile's region order") {
  Batch batch = all_samples();
  auto records = csv_records(batch.rows);
  REQUIRE(records.size() == kFirstRowRecord + batch.rows.size() + 1);
  CHECK(records[0] == Record{"2025年省级国际科技合作项目指南建议汇总表"});
  CHECK(records[5].front() == "序号");
  CHECK(records[5].size() == 13);

  // Region by region in the profile's order, numbers rising within a region.
  const auto& regions = Profile::builtin().regions();
  std::size_t region = 0;
  int last_number = 0;
  std::multiset<std::pair<std::string, int>> listed;
  for (std::size_t i = kFirstRowRecord; i < kFirstRowRecord + batch.rows.size(); ++i) {
    const Record& r = records[i];
    REQUIRE(r.size() == 13);
    const std::string& label = r[detail::kColRegion];
    auto at = std::find_if(regions.begin(), regions.end(),
                           [&](const Region& x) { return x.label == label; });
    REQUIRE(at != regions.end());
    auto index = static_cast<std::size_t>(at - regions.begin());
    CHECK(index >= region);
    if (index != region) last_number = 0;
    region = index;
    int number = std::stoi(r[detail::kColNumber]);
    CHECK(number > last_number);
    last_number = number;
    listed.insert({r[detail::kColTitle], number});
  }
  // The same numbers as the file names.
  for (const auto& row : batch.rows) CHECK(listed.count({row.suggestion->title, row.number}) == 1);
}

TEST_CASE("summary: each group's region cell carries its count, in the .xlsx layout") {
  Batch batch = all_samples();
  auto layout = detail::lay_out_summary(batch.rows, Profile::builtin());
  std::vector<std::string> headings;
  for (const auto& group : layout.groups) headings.push_back(group.heading());
  CHECK(headings == std::vector<std::string>{"多边科技合作（1项）", "创新领先国家（1项）",
                                             "上合组织成员国（3项）", "“一带一路”共建国家（1项）",
                                             "港澳台地区（1项）"});
  CHECK(layout.totals.label() == "合计（7项）");
  for (const auto& group : layout.groups) CHECK(group.known_region);
}

TEST_CASE("summary: industry, project type and amounts read as on the form") {
  Suggestion other = sample("valid-other-industry");
  Suggestion sco = sample("valid-sco");
  Suggestion leaders = sample("valid-innovation-leaders");
  std::vector<SummaryRow> rows = {{1, &sco}, {2, &other}, {1, &leaders}};
  auto records = csv_records(rows);
  const Record& leaders_row = records[kFirstRowRecord];
  const Record& sco_row = records[kFirstRowRecord + 1];
  const Record& other_row = records[kFirstRowRecord + 2];
  CHECK(sco_row[detail::kColIndustry] == "现代高效农业");
  CHECK(sco_row[detail::kColType] == "“引进来”（“卡脖子”技术）；“走出去”");
  CHECK(sco_row[detail::kColTotal] == "1260.00");
  CHECK(sco_row[detail::kColProvincial] == "300.50");
  CHECK(sco_row[detail::kColKeyTech] == "3");
  CHECK(sco_row[detail::kColUnit] == "东营黄河三角洲盐碱地农业研究院");
  CHECK(sco_row[detail::kColPhone] == "0546-8316725");
  CHECK(other_row[detail::kColIndustry] == "其他：文化遗产保护与数字化");
  CHECK(leaders_row[detail::kColType] == "“引进来”（国产化替代）；依托国际创新合作平台");
  CHECK(records.back() ==
        Record{"合计（3项）", "", "", "", "", "", "", "", "", "4060.00", "1000.50", "9", ""});
}

TEST_CASE("summary: totals are the exact sums, where adding doubles would drift") {
  // 100 × 0.1 is 9.99999999999998 in double; 300.5 + 0.1 + 0.2 is 300.80000000000001.
  std::vector<Suggestion> many(100, with_amounts("0.3", "0.1"));
  many.push_back(with_amounts("300.5", "0.2"));
  std::vector<SummaryRow> rows;
  for (std::size_t i = 0; i < many.size(); ++i) rows.push_back({static_cast<int>(i + 1), &many[i]});

  auto layout = detail::lay_out_summary(rows, Profile::builtin());
  CHECK(layout.totals.total == *Money::parse("330.5"));
  CHECK(layout.totals.provincial == *Money::parse("10.2"));
  double drifted = 0;
  for (int i = 0; i < 100; ++i) drifted += 0.1;
  CHECK(drifted != 10.0);  // what a double sum would have written
  CHECK(detail::amount_to_double(*Money::parse("10")) == 10.0);
  CHECK(detail::amount_to_double(layout.totals.provincial) == 10.2);

  auto records = csv_records(rows);
  CHECK(records.back()[detail::kColTotal] == "330.50");
  CHECK(records.back()[detail::kColProvincial] == "10.20");
}

TEST_CASE("summary: amounts show every place they need, and at least two") {
  CHECK(detail::format_amount(*Money::parse("1200")) == "1200.00");
  CHECK(detail::format_amount(*Money::parse("0.125")) == "0.125");
  CHECK(detail::format_amount(*Money::parse("1234567.5"), 2, true) == "1,234,567.50");
  CHECK(detail::format_amount(*Money::parse("-0.01")) == "-0.01");
  CHECK(detail::format_amount(*Money::parse("0.000001")) == "0.000001");
}

TEST_CASE("summary: CSV starts with the BOM and ends every line with CRLF") {
  Batch batch = all_samples();
  std::string csv = summary_csv(batch.rows, {}, Profile::builtin());
  CHECK(
      csv.starts_with("\xEF\xBB\xBF"
                      "2025年"));
  CHECK(csv.ends_with("\r\n"));
  for (std::size_t at = csv.find('\n'); at != std::string::npos; at = csv.find('\n', at + 1))
    CHECK(csv[at - 1] == '\r');
}

TEST_CASE("summary: a title with a comma, a quote and a newline is quoted per RFC 4180") {
  Suggestion s = sample("valid-sco");
  s.title = "氢能,储能\"示范\"\n联合攻关";
  std::vector<SummaryRow> rows = {{1, &s}};
  std::string csv = summary_csv(rows, {}, Profile::builtin());
  CHECK(csv.find(",\"氢能,储能\"\"示范\"\"\n联合攻关\",") != std::string::npos);
  auto records = parse_csv(std::string_view(csv).substr(3));
  CHECK(records[kFirstRowRecord][detail::kColTitle] == s.title);
}

TEST_CASE("summary: text a spreadsheet would run as a formula stays text in the CSV") {
  Suggestion s = sample("valid-sco");
  s.title = "=HYPERLINK(\"http://x\")";
  s.source.phone = "+86 138 0000 0000";
  std::vector<SummaryRow> rows = {{1, &s}};
  auto records = csv_records(rows);
  CHECK(records[kFirstRowRecord][detail::kColTitle] == "'=HYPERLINK(\"http://x\")");
  CHECK(records[kFirstRowRecord][detail::kColPhone] == "'+86 138 0000 0000");
}

TEST_CASE("summary: a text past Excel's 32,767 characters is cut in the .xlsx, whole in the CSV") {
  Suggestion s = sample("valid-sco");
  s.title = test::repeat("氢", 1'000'000);  // validate has no limit on a title; the table must still be written
  std::vector<SummaryRow> rows = {{1, &s}};
  TempDir dir;
  std::string error;
  REQUIRE_MESSAGE(write_summary_xlsx(dir.path / "t.xlsx", rows, {}, Profile::builtin(), &error), error);
  const auto grid = detail::read_xlsx_first_sheet(file_bytes(dir.path / "t.xlsx"), &error);
  REQUIRE(grid);
  bool cut = false;
  for (const auto& row : *grid)
    for (const auto& cell : row)
      cut = cut || cell == test::repeat("氢", detail::kExcelCellCharacters - 1) + "…";
  CHECK(cut);
  CHECK(csv_records(rows)[kFirstRowRecord][detail::kColTitle] == s.title);
  CHECK(detail::excel_cell_text(test::repeat("a", detail::kExcelCellCharacters)) ==
        test::repeat("a", detail::kExcelCellCharacters));
}

TEST_CASE("summary: the header block, blank where the clerk writes by hand") {
  Suggestion s = sample("valid-sco");
  std::vector<SummaryRow> rows = {{1, &s}};
  auto filled = csv_records(rows, {"东营市科学技术局", "李娜", "0546-8316000", "2026年11月29日", {}, 0, 0, false});
  CHECK(filled[1] == Record{"主管部门（盖章）", "东营市科学技术局"});
  CHECK(filled[2] == Record{"联系人", "李娜"});
  CHECK(filled[3] == Record{"联系电话", "0546-8316000"});
  CHECK(filled[4] == Record{"填报日期", "2026年11月29日"});
  auto blank = csv_records(rows);
  CHECK(blank[1] == Record{"主管部门（盖章）", ""});
}

TEST_CASE("summary: a suggestion without one known region is listed last, not lost") {
  Suggestion known = sample("valid-sco");
  Suggestion unknown = sample("valid-sco");
  unknown.region = {"火星"};
  std::vector<SummaryRow> rows = {{1, &unknown}, {1, &known}};
  auto layout = detail::lay_out_summary(rows, Profile::builtin());
  REQUIRE(layout.groups.size() == 2);
  CHECK(layout.groups.back().heading() == "未明确合作国别、地区（1项）");
  CHECK_FALSE(layout.groups.back().known_region);  // each row says its own region, no merged cell
  CHECK(layout.groups.back().lines.front().region == "火星");
}

TEST_CASE("summary: a row without a suggestion is refused") {
  std::vector<SummaryRow> rows = {{1, nullptr}};
  CHECK_THROWS_AS(summary_csv(rows, {}, Profile::builtin()), std::invalid_argument);
  TempDir dir;
  std::string error;
  CHECK_FALSE(write_summary_xlsx(dir.path / "t.xlsx", rows, {}, Profile::builtin(), &error));
  CHECK_FALSE(error.empty());
  CHECK(dir.entries() == 0);
}

TEST_CASE("summary: the same inputs give the same bytes, in both formats") {
  Batch batch = all_samples();
  SummaryHeader header{"东营市科学技术局", "李娜", "0546-8316000", "2026年11月29日", {}, 0, 0, false};
  CHECK(summary_csv(batch.rows, header, Profile::builtin()) ==
        summary_csv(batch.rows, header, Profile::builtin()));

  TempDir dir;
  std::string error;
  REQUIRE(write_summary_xlsx(dir.path / "a.xlsx", batch.rows, header, Profile::builtin(), &error));
  // Past a second boundary, so that a clock-stamped field would show.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  REQUIRE(write_summary_xlsx(dir.path / "b.xlsx", batch.rows, header, Profile::builtin(), &error));
  std::string a = file_bytes(dir.path / "a.xlsx");
  CHECK(a.starts_with("PK\x03\x04"));
  CHECK(a == file_bytes(dir.path / "b.xlsx"));
  CHECK(dir.entries() == 2);  // no temporary file left behind

  header.date = "2026年11月30日";
  REQUIRE(write_summary_xlsx(dir.path / "c.xlsx", batch.rows, header, Profile::builtin(), &error));
  CHECK(a != file_bytes(dir.path / "c.xlsx"));
}

TEST_CASE("summary: a target in a missing directory fails and creates nothing") {
  Batch batch = all_samples();
  TempDir dir;
  std::string error;
  auto target = dir.path / "missing" / "汇总表.xlsx";
  CHECK_FALSE(write_summary_xlsx(target, batch.rows, {}, Profile::builtin(), &error));
  CHECK(error.find("汇总表.xlsx") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path / "missing"));
  CHECK(dir.entries() == 0);
}

TEST_CASE("summary: a failed write leaves the file already there intact") {
  TempDir dir;
  auto target = dir.path / "汇总表.xlsx";
  std::ofstream(target, std::ios::binary) << "the table sent yesterday";
  // A row without its suggestion is refused. (A text past a cell's 32,767 characters, which
  // libxlsxwriter refuses, no longer fails the table: it is cut, see above.)
  std::vector<SummaryRow> rows = {{1, nullptr}};
  std::string error;
  CHECK_FALSE(write_summary_xlsx(target, rows, {}, Profile::builtin(), &error));
  CHECK_FALSE(error.empty());
  CHECK(file_bytes(target) == "the table sent yesterday");
  CHECK(dir.entries() == 1);

  // A directory in the way: the rename fails, the directory stays.
  auto blocked = dir.path / "blocked.xlsx";
  std::filesystem::create_directory(blocked);
  std::ofstream(blocked / "keep.txt") << "keep";
  Suggestion good = sample("valid-sco");
  std::vector<SummaryRow> good_rows = {{1, &good}};
  CHECK_FALSE(write_summary_xlsx(blocked, good_rows, {}, Profile::builtin(), &error));
  CHECK(file_bytes(blocked / "keep.txt") == "keep");
  CHECK(dir.entries() == 2);
}

TEST_CASE("summary: a good write replaces the file already there") {
  TempDir dir;
  auto target = dir.path / "汇总表.xlsx";
  std::ofstream(target, std::ios::binary) << "old";
  Suggestion s = sample("valid-sco");
  std::vector<SummaryRow> rows = {{1, &s}};
  std::string error;
  REQUIRE(write_summary_xlsx(target, rows, {}, Profile::builtin(), &error));
  CHECK(file_bytes(target).starts_with("PK\x03\x04"));
  CHECK(dir.entries() == 1);
}

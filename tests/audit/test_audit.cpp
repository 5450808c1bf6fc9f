// The province's audit (SPEC.md, audit): names, unsafe entries, the layout of section 四,
// the 汇总表, content against folder and name, and duplicates across packages.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "audit/archive_reader.hpp"
#include "office/docx_zip.hpp"
#include "support.hpp"
#include "zhinan/audit.hpp"
#include "zhinan/docx.hpp"
#include "zhinan/package.hpp"
#include "zhinan/suggestion_json.hpp"
#include "zhinan/summary_table.hpp"

using namespace zhinan;

namespace {

std::string make_zip(const std::vector<detail::ZipEntry>& entries) { return detail::write_zip(entries); }

std::string rendered(const std::string& sample) { return render_docx(test::sample(sample)); }

const std::string kSco = "上合组织成员国/1.盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范-东营黄河三角洲盐碱地农业研究院.docx";
const std::string kMultilateral = "多边科技合作/1.工业机器人高精度长寿命谐波减速器及一体化关节模组中日韩联合研发-烟台艾普精密传动有限公司.docx";

AuditResult audit_one(const std::string& name, const std::string& bytes) {
  Audit audit;
  audit.add_package_bytes(name, bytes);
  return audit.run();
}

const Diagnostic* find(const AuditResult& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("audit.names: UTF-8 kept, GB18030 read when a name is no UTF-8") {
  bool legacy = false;
  CHECK(detail::name_to_utf8("多边科技合作/1.a-b.docx", legacy) == "多边科技合作/1.a-b.docx");
  CHECK_FALSE(legacy);
  const std::string gbk = "\xB6\xE0\xB1\xDF\xBF\xC6\xBC\xBC\xBA\xCF\xD7\xF7";  // 多边科技合作 in GBK
  CHECK(detail::name_to_utf8(gbk, legacy) == "多边科技合作");
  CHECK(legacy);
}

TEST_CASE("audit.entry_unsafe: absolute, drive letter and .. are never read") {
  CHECK(detail::unsafe_name_reason("/etc/passwd") == "absolute path");
  CHECK(detail::unsafe_name_reason("C:/evil.txt") == "drive letter");
  CHECK_FALSE(detail::unsafe_name_reason("多边科技合作/../../evil").empty());
  CHECK(detail::unsafe_name_reason("多边科技合作/1.a-b.docx").empty());
  CHECK(detail::unsafe_name_reason("a..b/c").empty());  // dots inside a name are fine
}

TEST_CASE("audit.clean: a package as zhinan packs it has no structural finding") {
  const AuditResult r = audit_one("青岛.zip", make_zip({{kSco, rendered("valid-sco")}, {kMultilateral, rendered("valid-multilateral")}}));
  REQUIRE(r.packages.size() == 1);
  CHECK(r.packages[0].read);
  CHECK(r.packages[0].suggestions == 2);
  CHECK(r.packages[0].department == "青岛");  // no 汇总表: the package's own name
  CHECK(find(r, "audit.summary_absent"));
  for (const Diagnostic& d : r.diagnostics) {
    CAPTURE(d.id);
    CHECK(d.package == "青岛.zip");
    CHECK(d.severity != Severity::error);
  }
  REQUIRE(r.suggestions.size() == 2);
  CHECK(r.suggestions[0].region == "sco");
  CHECK(r.suggestions[0].number == 1);
  CHECK(r.suggestions[0].suggestion->department == "青岛");
}

TEST_CASE("audit.layout: wrapper folder, alias, unknown folder with the nearest label, outside, misnamed") {
  const std::string doc = rendered("valid-belt-and-road");
  const std::string name = "1.面向东南亚热带种植园的智能植保无人机系统研发与海外应用示范-山东翔鹰智能航空科技有限公司.docx";
  AuditResult r = audit_one("a.zip", make_zip({{"烟台市科技局/\"一带一路\"共建国家/" + name, doc}}));
  CHECK(find(r, "audit.wrapper_folder"));
  REQUIRE(find(r, "audit.folder_alias"));
  CHECK(r.suggestions.at(0).region == "belt_and_road");
  r = audit_one("b.zip", make_zip({{"一带一路国家/" + name, doc}, {"说明.docx", doc}, {"多边科技合作/耐盐棉花.docx", doc}}));
  const Diagnostic* unknown = find(r, "audit.folder_unknown");
  REQUIRE(unknown);
  CHECK(unknown->message_zh.find("“一带一路”共建国家") != std::string::npos);
  REQUIRE(find(r, "audit.file_outside_folder"));
  CHECK(find(r, "audit.file_outside_folder")->entry == "说明.docx");
  REQUIRE(find(r, "audit.file_misnamed"));
  CHECK(find(r, "audit.file_misnamed")->entry == "多边科技合作/耐盐棉花.docx");
}

TEST_CASE("audit.numbering: 1…n per folder or across the package, gaps and repeats are errors") {
  const std::string doc = rendered("valid-sco");
  const auto named = [](int n) { return "上合组织成员国/" + std::to_string(n) + ".盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范-东营黄河三角洲盐碱地农业研究院.docx"; };
  CHECK_FALSE(find(audit_one("a.zip", make_zip({{named(1), doc}, {named(2), doc}})), "audit.numbering"));
  CHECK(find(audit_one("a.zip", make_zip({{named(1), doc}, {named(3), doc}})), "audit.numbering"));
  const AuditResult twice = audit_one("a.zip", make_zip({{named(1), doc}, {named(1) + ".bak.docx", doc}}));
  CHECK(find(twice, "audit.number_duplicate"));
  // Numbered globally: 1 in one folder, 2 in another.
  const std::string other = "多边科技合作/2.工业机器人高精度长寿命谐波减速器及一体化关节模组中日韩联合研发-烟台艾普精密传动有限公司.docx";
  CHECK_FALSE(find(audit_one("a.zip", make_zip({{named(1), doc}, {other, rendered("valid-multilateral")}})), "audit.numbering"));
  CHECK(find(audit_one("empty.zip", make_zip({{"多边科技合作/", ""}})), "audit.empty"));
}

TEST_CASE("audit.content: a document in the wrong folder, a name that is not its data, a PDF") {
  const std::string wrong = "多边科技合作/1.盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范-东营黄河三角洲盐碱地农业研究院.docx";
  AuditResult r = audit_one("a.zip", make_zip({{wrong, rendered("valid-sco")}}));
  REQUIRE(find(r, "audit.region_mismatch"));
  CHECK(find(r, "audit.region_mismatch")->entry == wrong);
  r = audit_one("a.zip", make_zip({{"上合组织成员国/1.另一个题目-东营黄河三角洲盐碱地农业研究院.docx", rendered("valid-sco")}}));
  REQUIRE(find(r, "audit.name_mismatch"));
  CHECK(find(r, "audit.name_mismatch")->path == "/title");
  r = audit_one("a.zip", make_zip({{"上合组织成员国/1.题目-单位.pdf", "%PDF-1.7"}}));
  REQUIRE(find(r, "audit.data_unread"));
  CHECK(find(r, "audit.data_unread")->severity == Severity::info);
}

TEST_CASE("audit.summary: a 汇总表 that disagrees with the files, and its department") {
  const std::string csv =
      "\xEF\xBB\xBF" "2025年省级国际科技合作项目指南建议汇总表\n主管部门（盖章）,东营市科学技术局\n"
      "序号,合作国别地区,项目名称,建议单位\n"
      "1,上合组织成员国,盐碱地耐盐棉花小麦种质中乌俄联合创制与节水高效栽培技术示范,东营黄河三角洲盐碱地农业研究院\n";
  AuditResult r = audit_one("东营.zip", make_zip({{kSco, rendered("valid-sco")}, {"东营-汇总表.csv", csv}}));
  CHECK_FALSE(find(r, "audit.summary_mismatch"));
  CHECK_FALSE(find(r, "audit.summary_absent"));
  CHECK(r.packages[0].department == "东营市科学技术局");
  r = audit_one("东营.zip", make_zip({{kSco, rendered("valid-sco")}, {kMultilateral, rendered("valid-multilateral")}, {"东营-汇总表.csv", csv}}));
  REQUIRE(find(r, "audit.summary_mismatch"));
  CHECK(find(r, "audit.summary_mismatch")->entry == kMultilateral);  // a file without its row
}

TEST_CASE("audit.batch: the same suggestion through two departments names both packages") {
  Audit audit;
  audit.add_package_bytes("青岛.zip", make_zip({{kSco, rendered("valid-sco")}}));
  audit.add_package_bytes("东营.zip", make_zip({{kSco, rendered("valid-sco")}}));
  const AuditResult r = audit.run();
  const Diagnostic* duplicate = find(r, "batch.duplicate");
  REQUIRE(duplicate);
  CHECK(duplicate->package == "东营.zip");
  CHECK(duplicate->entry == kSco);
  CHECK(duplicate->message_zh.find("青岛.zip：" + kSco) != std::string::npos);
  CHECK(r.packages[1].errors >= 1);
  CHECK(r.suggestions[1].has_errors);
  CHECK_FALSE(r.suggestions[0].has_errors);
}

TEST_CASE("audit.limits: too many entries, an oversized entry and junk stop that package, not the run") {
  std::vector<detail::ZipEntry> many;
  for (int i = 0; i < 30; ++i) many.push_back({"多边科技合作/" + std::to_string(i) + ".txt", ""});
  Audit audit;
  audit.add_package_bytes("many.zip", make_zip(many));
  audit.add_package_bytes("big.zip", make_zip({{"多边科技合作/1.a-b.docx", std::string(3u << 20, 'x')}}));
  audit.add_package_bytes("junk.zip", "not an archive at all");
  audit.add_package_bytes("ok.zip", make_zip({{kSco, rendered("valid-sco")}}));
  AuditOptions options;
  options.limits.max_entries = 20;
  options.limits.max_entry_size = 1u << 20;
  const AuditResult r = audit.run(options);
  REQUIRE(r.packages.size() == 4);
  CHECK_FALSE(r.packages[0].read);
  CHECK_FALSE(r.packages[1].read);
  CHECK_FALSE(r.packages[2].read);
  CHECK(r.packages[3].read);
  std::size_t too_large = 0, unreadable = 0;
  for (const Diagnostic& d : r.diagnostics) {
    too_large += d.id == "audit.too_large";
    unreadable += d.id == "audit.unreadable" && d.package == "junk.zip";
  }
  CHECK(too_large == 2);
  CHECK(unreadable == 1);
}

TEST_CASE("audit.progress: packages and entries reported, and a cancel stops the run") {
  Audit audit;
  audit.add_package_bytes("a.zip", make_zip({{kSco, rendered("valid-sco")}}));
  audit.add_package_bytes("b.zip", make_zip({{kSco, rendered("valid-sco")}}));
  std::size_t calls = 0;
  AuditOptions options;
  options.progress = [&](const AuditProgress& p) {
    ++calls;
    CHECK(p.packages_total == 2);
    return true;
  };
  CHECK_FALSE(audit.run(options).cancelled);
  CHECK(calls == 4);
  options.progress = [](const AuditProgress& p) { return p.packages_done == 0; };
  const AuditResult cancelled = audit.run(options);
  CHECK(cancelled.cancelled);
  CHECK(cancelled.packages.size() == 1);
}

TEST_CASE("audit.report: the JSON report carries package and entry on every finding") {
  Audit audit;
  audit.add_package_bytes("青岛.zip", make_zip({{kSco, rendered("valid-sco")}}));
  audit.add_package_bytes("东营.zip", make_zip({{kSco, rendered("valid-sco")}}));
  const std::string json = audit_report(audit.run(), AuditFormat::json);
  CHECK(json.find("\"format\":\"zhinan.audit/1\"") != std::string::npos);
  CHECK(json.find("\"package\":\"东营.zip\"") != std::string::npos);
  const std::string text = audit_report(audit.run(), AuditFormat::text);
  CHECK(text.starts_with("审核结果"));
}

TEST_CASE("audit.summary: a 汇总表 beside the ZIP that names another run's ZIP is a mismatch") {
  const auto dir = std::filesystem::temp_directory_path() / ("zhinan-audit-note-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "other");
  std::vector<Suggestion> suggestions = {test::sample("valid-sco"), test::sample("valid-multilateral")};
  std::vector<PackageInput> inputs = {{"a.json", &suggestions[0], {}}, {"b.json", &suggestions[1], {}}};
  REQUIRE(write_package(inputs, dir / "青岛.zip").written);
  PackageOptions later;
  later.time.day = 2;  // another run: the same files, another ZIP
  REQUIRE(write_package(inputs, dir / "other" / "青岛.zip", Profile::builtin(), later).written);

  const auto audit_dir = [&] {
    Audit audit;
    audit.add_package_file(dir / "青岛.zip");
    return audit.run();
  };
  const AuditResult matching = audit_dir();
  CHECK_FALSE(find(matching, "audit.summary_mismatch"));
  CHECK_FALSE(find(matching, "audit.summary_absent"));

  std::filesystem::copy_file(dir / "other" / "青岛-汇总表.csv", dir / "青岛-汇总表.csv",
                             std::filesystem::copy_options::overwrite_existing);
  const AuditResult stale = audit_dir();
  const Diagnostic* d = find(stale, "audit.summary_mismatch");
  REQUIRE(d);
  CHECK(d->message_zh.find("不是同一次打包的结果") != std::string::npos);
  CHECK(d->entry == "青岛-汇总表.csv");
  std::filesystem::remove_all(dir);
}

TEST_CASE("audit.summary: the region cell merged down a group, as pack writes the .xlsx, places every row") {
  const auto dir = std::filesystem::temp_directory_path() / ("zhinan-audit-merged-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const Suggestion first = test::sample("valid-sco");
  Suggestion second = first;
  second.title = "盐碱地耐盐大豆种质联合创制";
  const std::vector<SummaryRow> rows = {{1, &first}, {2, &second}};
  SummaryHeader header;
  header.department = "东营市科学技术局";
  std::string error;
  REQUIRE_MESSAGE(write_summary_xlsx(dir / "t.xlsx", rows, header, Profile::builtin(), &error), error);
  const std::string table = read_file(dir / "t.xlsx").value_or("");
  std::filesystem::remove_all(dir);

  const std::string unit = "-" + first.source.unit + ".docx";
  const std::string one = "上合组织成员国/1." + first.title + unit;
  // Row 2's region is only in the merged cell above it ("上合组织成员国（2项）").
  AuditResult r = audit_one("东营.zip", make_zip({{one, rendered("valid-sco")},
                                                  {"上合组织成员国/2." + second.title + unit, render_docx(second)},
                                                  {"东营-汇总表.xlsx", table}}));
  CHECK_FALSE(find(r, "audit.summary_mismatch"));
  // The second file moved to another region's folder: the table's row 2 (上合组织成员国) has no file.
  r = audit_one("东营.zip", make_zip({{one, rendered("valid-sco")},
                                      {"多边科技合作/2." + second.title + unit, render_docx(second)},
                                      {"东营-汇总表.xlsx", table}}));
  const Diagnostic* d = find(r, "audit.summary_mismatch");
  REQUIRE(d);
  CHECK(d->message_zh.find("序号2《" + second.title + "》）没有对应的文件") != std::string::npos);
}

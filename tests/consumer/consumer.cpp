// An integrator's C++ program over the installed header-only wrapper <zhinan.hpp>: reads
// a suggestion, validates it (a range of findings), catches a failure as zn::Error, checks
// a batch and writes its package, audits it. Prints what it saw; exits non-zero on any
// surprise, naming it.
#include <zhinan.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::cerr << "FAIL " << what << '\n';
    ++failures;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return 2;  // valid.json faulty.json scratch-dir
  expect(zn::version() == ZN_VERSION_STRING, "the library loaded is the header's version");

  zn::Suggestion s = zn::Suggestion::from_file(argv[1]);
  std::cout << s.title() << '\n';
  expect(!s.title().empty() && s.regions().size() == 1, "the sample reads with its title and region");
  expect(zn::validate(s).count(zn::Severity::error) == 0, "the valid sample has no error");

  const zn::Suggestion faulty = zn::Suggestion::from_file(argv[2]);
  const zn::Findings found = zn::validate(faulty);
  std::size_t errors = 0;
  bool cited = false;
  for (const zn::Finding& f : found) {  // a range of values
    errors += f.severity == zn::Severity::error;
    if (f.id == "overview.too_long") cited = f.params.at("limit") == "1000" && f.path == "/overview";
  }
  expect(errors == 12 && found.has_errors(), "the faulty sample's 12 errors, through the range");
  expect(cited, "overview.too_long cites its limit at /overview");
  expect(found.to_json().front() == '[' && found.to_json().find("\"overview.too_long\"") != std::string::npos,
         "findings as JSON");

  try {
    zn::Suggestion::from_file("/nonexistent/建议.json");
    expect(false, "a missing file throws");
  } catch (const zn::Error& e) {
    expect(e.status() == ZN_EIO && e.rule_id() == "io.read_failed", "a missing file is ZN_EIO, io.read_failed");
    expect(e.message_zh().find("不存在") != std::string::npos && e.message_en().find("no such file") != std::string::npos,
           "the error carries both messages");
  }
  try {
    zn::Suggestion::from_json("{");
    expect(false, "broken JSON throws");
  } catch (const zn::Error& e) {
    expect(e.status() == ZN_EPARSE && e.rule_id() == "format.json_invalid", "broken JSON is ZN_EPARSE");
  }

  zn::Suggestion moved = std::move(s);  // handles move, and free once
  zn::Suggestion copy = moved.clone();
  copy.set(zn::Field::title, "另一个项目名称");
  expect(copy.title() == "另一个项目名称" && moved.title() != copy.title(), "a clone is independent");
  expect(zn::count("项目概述abc") == 5, "count as Word counts 字");

  const std::filesystem::path dir = argv[3];
  zn::Batch batch;
  batch.add(moved, argv[1]);
  expect(batch.check().empty(), "one suggestion alone: no batch finding");
  zn::PackageOptions options;
  options.department = "青岛市科学技术局";
  std::size_t steps = 0, total = 0;
  options.progress = [&](std::size_t done, std::size_t all) {
    steps = done;
    total = all;
    return true;
  };
  const std::string zip = (dir / "部门.zip").string();
  batch.write_package(zip, options);
  expect(std::filesystem::exists(zip) && steps == total && total == 2, "the package, progress to its end");

  zn::Audit audit;
  audit.add_package_file(zip);
  const zn::Findings audited = audit.run();
  expect(!audited.has_errors(), "the province's audit of that package finds no error");
  expect(audit.report(zn::AuditFormat::text_english).rfind("audit: 1 package", 0) == 0, "the report in English");
  if (failures) return 1;
  std::cout << "C++ wrapper: all checks passed\n";
  return 0;
}

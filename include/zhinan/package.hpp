// The package of section 四: one ZIP per competent department, a folder per cooperation
// region, files named 序号.项目名称-建议单位.ext, and beside it the 汇总表 (附件3) as .xlsx
// and .csv with the same numbers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "zhinan/dedup.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/file_name.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"
#include "zhinan/summary_table.hpp"

namespace zhinan {

enum class Numbering {
  per_folder,  // 1, 2, 3 … in each region's folder (the call's example)
  global,      // one count across the folders, in the profile's region order
};

enum class NameEncoding {
  utf8,  // UTF-8 names with general-purpose bit 11 (Windows 7+, 7-Zip, WinRAR, macOS, Info-ZIP)
  gbk,   // GBK names plus the Info-ZIP Unicode Path field (0x7075), for old Chinese-locale tools
};

// The time every entry carries (the ZIP's MS-DOS fields have no time zone).
struct PackageTime {
  int year = 2025, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

struct PackageProgress {
  std::size_t done = 0;   // entries written
  std::size_t total = 0;  // entries in the package
  std::uint64_t bytes = 0;  // bytes of the ZIP written so far
};

struct PackageOptions {
  Numbering numbering = Numbering::per_folder;
  bool all_regions = false;  // also the folders of regions without suggestions
  NameEncoding names = NameEncoding::utf8;
  PackageTime time;            // fixed, so the same input gives the same bytes
  SummaryHeader summary;       // 主管部门, 联系人, 联系电话, 填报日期 of the 汇总表
  unsigned threads = 0;        // compressing threads; 0: one per core
  // Folders a suggestion's `document` may lie in besides its own file's folder. A document
  // resolving (links followed) anywhere else is refused (package.document_outside): an
  // office system packing JSON from units must not hand out its own files.
  std::vector<std::filesystem::path> document_roots;
  // Called after each entry; returning false cancels (nothing is left at the targets).
  std::function<bool(const PackageProgress&)> progress;
};

// One suggestion to package: where it came from (for messages and relative paths).
struct PackageInput {
  std::string name;                // the file, as the clerk knows it
  const Suggestion* suggestion = nullptr;
  std::filesystem::path base_dir;  // `document` and `report_document` are relative to it
};

struct PackagedFile {
  std::size_t input = 0;  // index into the inputs
  std::string region;     // region code
  int number = 0;         // 序号, the same in the file name and the 汇总表
  std::string path;       // inside the ZIP: folder/file name
  bool rendered = false;  // a .docx made from the data, not the unit's own file
};

struct PackageResult {
  bool written = false;
  bool cancelled = false;
  Diagnostics diagnostics;  // why it refused or failed, and warnings (names changed, …)
  std::vector<PackagedFile> files;
  std::filesystem::path zip, xlsx, csv;
};

// The 汇总表 beside `zip`: "<stem>-汇总表.xlsx" and "<stem>-汇总表.csv".
std::filesystem::path summary_path(const std::filesystem::path& zip, std::string_view extension);

// Validates every suggestion (submit mode, then the batch rules, and `registry` when
// given) and refuses while any has an error. Otherwise writes the ZIP, the .xlsx and the
// .csv, each to a temporary file beside its target and renamed into place: after any
// failure or cancellation nothing is at the targets and what was there is intact. The
// same inputs and options give the same bytes. Memory does not grow with the number or
// size of the documents: they are read, rendered and compressed a few at a time.
PackageResult write_package(std::span<const PackageInput> inputs, const std::filesystem::path& zip,
                            const Profile& profile = Profile::builtin(), const PackageOptions& options = {},
                            const FundedRegistry* registry = nullptr);

}  // namespace zhinan

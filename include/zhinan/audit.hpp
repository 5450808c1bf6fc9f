// The province's check of the packages it receives (SPEC.md, "audit"): about twenty
// departments' archives (.zip, .7z, .rar, or extracted folders), each read without
// trusting it, its folders, names, numbers and 汇总表 checked, every document read and
// validated, and the batch rules of 三(三) run across all of them together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/dedup.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"
#include "zhinan/rules.hpp"

namespace zhinan {

// What one package may cost before it is stopped with audit.too_large (the rest of the
// run goes on). A department's package is tens of MB.
struct AuditLimits {
  std::uint64_t max_entry_size = 256u << 20;     // one entry, inflated
  std::uint64_t max_total_size = 2048ull << 20;  // all entries of one package, inflated
  std::uint64_t max_ratio = 200;                 // inflated / archive size, once past 64 MB inflated
  std::size_t max_entries = 10000;               // entries (files and folders) of one package
};

struct AuditProgress {
  std::size_t packages_done = 0;
  std::size_t packages_total = 0;
  std::size_t entries_done = 0;  // entries read so far, over all packages
  std::string package;           // the one being read
};

struct AuditOptions {
  AuditLimits limits;
  Mode mode = Mode::submit;
  // Called before each package is read and after it is done (entries_done then counts its
  // entries too); returning false cancels (AuditResult::cancelled, nothing else is done).
  std::function<bool(const AuditProgress&)> progress;
};

// One suggestion found in a package.
struct AuditedSuggestion {
  std::string package;  // the package's display name (its file name)
  std::string entry;    // the entry's name as read (UTF-8), e.g. "上合组织成员国/1.标题-单位.docx"
  std::string folder;   // the region folder it stands in, as written ("" outside any)
  std::string region;   // that folder's region code ("" when the folder is no region)
  int number = 0;       // the 序号 of its name (0 when the name has none)
  std::string title_in_name;  // the 项目名称 and 建议单位 its name shows ("" for a misnamed file)
  std::string unit_in_name;
  std::string department;
  std::optional<Suggestion> suggestion;  // absent when its data could not be read (audit.data_unread)
  bool has_errors = false;
  bool has_warnings = false;
};

// One package's overview line: counts per region folder and its verdict.
struct AuditedPackage {
  std::string name;        // display name
  std::string department;  // from its 汇总表's header, else the package's file name
  std::string format;      // "zip", "7z", "rar", "folder"
  std::vector<std::pair<std::string, std::size_t>> per_region;  // region code → suggestions
  std::size_t suggestions = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool read = false;  // false when it could not be read at all (audit.unreadable, audit.too_large)
};

struct AuditResult {
  // The profile's regions (code, label = folder name), in its order, for the reports.
  std::vector<std::pair<std::string, std::string>> regions;
  std::vector<AuditedPackage> packages;       // in the order added
  std::vector<AuditedSuggestion> suggestions;  // package by package, entries in archive order
  // Every finding; each has `package` and `entry` (entry "" for the package as a whole).
  // Structure first, then each document's rules, then the batch rules across packages.
  Diagnostics diagnostics;
  bool cancelled = false;
};

// The audit of several packages together.
class Audit {
 public:
  explicit Audit(std::shared_ptr<const Profile> profile = Profile::builtin_shared());
  ~Audit();
  Audit(Audit&&) noexcept;
  Audit& operator=(Audit&&) noexcept;

  // A .zip, .7z or .rar file, or a folder (an extracted package); read when run() runs.
  // A 汇总表 beside the file ("NAME-汇总表.xlsx" or ".csv", or any 汇总表 file in the same
  // folder whose name starts with the package's stem) is checked with it.
  void add_package_file(const std::filesystem::path& path);
  // A package held in memory; `name` is its file name, for messages and its department.
  void add_package_bytes(std::string name, std::string bytes);
  // Funded work, for history.similar_funded across all packages.
  void set_registry(std::shared_ptr<const FundedRegistry> registry);

  AuditResult run(const AuditOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The reports of an audit. Text: Chinese first (English after each line), for the
// terminal. JSON: one document {"format":"zhinan.audit/1","packages":[…],"suggestions":[…],
// "diagnostics":[…],"summary":{…}}, every diagnostic with package, entry, id, severity, path,
// message_zh, message_en. HTML: one self-contained page (no external assets) that opens in
// any browser and prints on A4. Text in English alone (text_english): for `--lang en`.
enum class AuditFormat { text, json, html, text_english };
std::string audit_report(const AuditResult& result, AuditFormat format);

// The province-wide list of every suggestion read (package, department, region, number,
// title, unit, proposer, funding, status) as .xlsx, written atomically.
bool write_audit_xlsx(const AuditResult& result, const std::filesystem::path& path, std::string* error);

}  // namespace zhinan

// The package writer's plan and its parts (internal).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "zhinan/package.hpp"
#include "package/zip_writer.hpp"

namespace zhinan::detail {

struct PlannedEntry {
  std::size_t input = 0;
  const Region* region = nullptr;
  int number = 0;
  EntryName name;                   // file name and path inside the ZIP (UTF-8)
  std::filesystem::path document;   // the unit's own file; empty: render a .docx
  bool store = false;               // already compressed: store, don't deflate
};

struct Plan {
  std::vector<const Region*> folders;  // in the profile's order
  std::vector<PlannedEntry> entries;   // by folder, then number
};

// Checks every suggestion and the documents they name, and lays out folders, numbers and
// names. Findings go to `diagnostics`; the plan is usable only when they hold no error.
Plan plan_package(std::span<const PackageInput> inputs, const Profile& profile, const PackageOptions& options,
                  const FundedRegistry* registry, Diagnostics& diagnostics);

// The ZIP name of a UTF-8 path under the chosen encoding.
ZipName zip_name(const std::string& utf8_path, NameEncoding encoding);

// Writes the ZIP of `plan` to `path` (a temporary file); "" on success, else the reason.
// Compression runs on worker threads, a bounded window ahead of the writer.
std::string write_zip(const Plan& plan, std::span<const PackageInput> inputs, const Profile& profile,
                      const PackageOptions& options, const std::filesystem::path& path, bool& cancelled);

// A temporary name beside `target`, hidden and unique to this process and call.
std::filesystem::path temporary_beside(const std::filesystem::path& target);
// Flushes `path` to disk and renames it over `target`; "" on success, else the reason.
std::string commit_file(const std::filesystem::path& path, const std::filesystem::path& target);


}  // namespace zhinan::detail

// The package writer's plan and its parts (internal).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "zhinan/io.hpp"
#include "zhinan/package.hpp"
#include "package/zip_writer.hpp"

namespace zhinan::detail {

struct PlannedEntry {
  std::size_t input = 0;
  const Region* region = nullptr;
  int number = 0;
  EntryName name;                   // file name and path inside the ZIP (UTF-8)
  std::filesystem::path document;   // the unit's own file; empty: render a .docx
  std::uint64_t document_size = 0;  // its size when checked; a file that changes after is refused
  bool store = false;               // a kind that is compressed already: stored unless a probe says deflating pays
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

// What was written: the ZIP's size, and its CRC-32 when the writer knows it (see
// ZipWriter::output_crc; otherwise measure_file reads it back).
struct WrittenZip {
  std::uint64_t size = 0;
  std::optional<std::uint32_t> crc;
};

// Writes the ZIP of `plan` to `path` (a temporary file); nothing on success, else the reason.
// Compression runs on worker threads, a bounded window ahead of the writer.
std::optional<FileError> write_zip(const Plan& plan, std::span<const PackageInput> inputs, const Profile& profile,
                                   const PackageOptions& options, const std::filesystem::path& path, bool& cancelled,
                                   WrittenZip& zip_written);

// Documents larger than this are copied into the ZIP a chunk at a time by the writing
// thread, not read whole: memory stays flat whatever their size. Tests lower it (it is
// read on the thread that calls write_package).
extern thread_local std::uint64_t stream_documents_above;

// Flushes `path` to disk and renames it over `target`; nothing on success, else the reason.
std::optional<FileError> commit_file(const std::filesystem::path& path, const std::filesystem::path& target);
// The size and CRC-32 of a file; false when it cannot be read to its end.
bool measure_file(const std::filesystem::path& path, std::uint64_t& size, std::uint32_t& crc);

}  // namespace zhinan::detail

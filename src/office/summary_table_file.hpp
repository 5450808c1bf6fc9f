// Writing the summary table's file atomically (internal).
#pragma once

#include <filesystem>
#include <functional>
#include <span>
#include <string>

#include "zhinan/summary_table.hpp"

namespace zhinan::detail {

// Creates a new, empty temporary file beside `target`, lets `write` fill it (by path),
// flushes it to disk and renames it over `target`. On any failure the temporary file is
// removed, `target` is left as it was, and the reason goes to `error`.
using WriteToPath = std::function<bool(const std::filesystem::path& temp, std::string* error)>;
bool write_file_atomically(const std::filesystem::path& target, const WriteToPath& write,
                           std::string* error);

// The 汇总表 written straight to `path`, for a caller that manages its own temporary
// files and commits them together (the package writer).
bool write_summary_xlsx_in_place(const std::filesystem::path& path, std::span<const SummaryRow> rows,
                                 const SummaryHeader& header, const Profile& profile, std::string* error);

}  // namespace zhinan::detail

// Writing the summary table's file atomically (internal).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace zhinan::detail {

// Creates a new, empty temporary file beside `target`, lets `write` fill it (by path),
// flushes it to disk and renames it over `target`. On any failure the temporary file is
// removed, `target` is left as it was, and the reason goes to `error`.
using WriteToPath = std::function<bool(const std::filesystem::path& temp, std::string* error)>;
bool write_file_atomically(const std::filesystem::path& target, const WriteToPath& write,
                           std::string* error);

}  // namespace zhinan::detail

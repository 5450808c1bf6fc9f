// Files named in UTF-8, read and written without relying on the process code page.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zhinan {

// A path from UTF-8 text; on Windows this becomes the wide path explicitly.
std::filesystem::path path_from_utf8(std::string_view utf8);
// The path as UTF-8 text, for messages.
std::string path_to_utf8(const std::filesystem::path& path);

// The whole file, or nothing (with the reason in `error`, from the system).
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr);

}  // namespace zhinan

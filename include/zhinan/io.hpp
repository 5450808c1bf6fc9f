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

// Why reading or writing a file failed: in words a clerk can act on (Chinese), and in
// English followed by the system's own words.
struct FileError {
  std::string zh, en;
};
// The common errno values in those words: no such file, no permission, disk full, a
// folder where a file was expected, a read-only disk, …; any other with the system's text;
// 0 (a failure that set no errno) as an I/O error.
FileError describe_file_error(int error_number);
// The same for what is there but no regular file (a device, a FIFO, a socket).
FileError not_a_regular_file();

// The whole file, or nothing with the reason in `error`. Only regular files are read: a
// device, FIFO or socket is refused before it is opened (/dev/zero has no end, a FIFO
// without a writer would block).
std::optional<std::string> read_file(const std::filesystem::path& path, FileError* error);
// As above with the reason in English alone.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr);

}  // namespace zhinan

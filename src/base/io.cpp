#include "zhinan/io.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace zhinan {

std::filesystem::path path_from_utf8(std::string_view utf8) {
  // char8_t makes the conversion explicit: never through the process code page.
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

std::string path_to_utf8(const std::filesystem::path& path) {
  std::u8string s = path.u8string();
  return std::string(s.begin(), s.end());
}

std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    if (error) *error = "is a directory";
    return std::nullopt;
  }
  // A device, a FIFO or a socket has no end to read to (/dev/zero) or blocks (a FIFO
  // without a writer): only regular files are read.
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    if (error) *error = "is not a regular file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  // One read into a buffer of the file's size; a file still growing is read to its end.
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  std::string bytes(ec ? 0 : static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  in.clear();
  std::ostringstream rest;
  rest << in.rdbuf();
  bytes += std::move(rest).str();
  return bytes;
}

}  // namespace zhinan

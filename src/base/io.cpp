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

FileError describe_file_error(int error_number) {
  if (error_number == 0) error_number = EIO;  // a failure that set no errno is still one
  const std::string system = std::strerror(error_number);
  const auto with = [&](std::string zh, std::string en) { return FileError{std::move(zh), std::move(en) + " (" + system + ")"}; };
  switch (error_number) {
    case ENOENT: return with("文件或文件夹不存在，请检查路径", "no such file or folder");
    case EACCES:
    case EPERM: return with("没有权限，请检查文件的权限或换一个位置", "permission denied");
    case ENOSPC: return with("磁盘空间不足，请清理磁盘或换一个位置", "the disk is full");
#ifdef EDQUOT
    case EDQUOT: return with("磁盘配额已用完，请清理或换一个位置", "the disk quota is used up");
#endif
    case EISDIR: return with("这是一个文件夹，不是文件", "is a folder, not a file");
    case ENOTDIR: return with("路径中有一部分不是文件夹", "a part of the path is not a folder");
    case EROFS: return with("磁盘是只读的，请换一个位置", "the disk is read-only");
    case EFBIG: return with("文件超过了系统允许的大小", "the file is larger than the system allows");
    case ENAMETOOLONG: return with("路径或文件名太长", "the path or file name is too long");
    case EMFILE:
    case ENFILE: return with("同时打开的文件太多，请稍后再试", "too many open files");
    case EIO: return with("磁盘读写出错，请检查磁盘或 U 盘", "an input/output error on the disk");
    case EBUSY: return with("文件正被其他程序使用，请关闭后再试", "the file is in use");
    default: return with("系统错误：" + system, "system error");
  }
}

FileError not_a_regular_file() {
  return {"这不是普通文件（是设备、管道或套接字），不能读取", "is not a regular file (a device, FIFO or socket)"};
}

std::optional<std::string> read_file(const std::filesystem::path& path, FileError* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    if (error) *error = describe_file_error(EISDIR);
    return std::nullopt;
  }
  // A device, a FIFO or a socket has no end to read to (/dev/zero) or blocks (a FIFO
  // without a writer): only regular files are read.
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    if (error) *error = not_a_regular_file();
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = describe_file_error(errno ? errno : ENOENT);
    return std::nullopt;
  }
  // One read into a buffer of the file's size; a file still growing is read to its end.
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  std::string bytes(ec ? 0 : static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    if (error) *error = describe_file_error(EIO);
    return std::nullopt;
  }
  in.clear();
  std::ostringstream rest;
  rest << in.rdbuf();
  bytes += std::move(rest).str();
  return bytes;
}

std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error) {
  FileError why;
  std::optional<std::string> bytes = read_file(path, error ? &why : nullptr);
  if (!bytes && error) *error = why.en;
  return bytes;
}

}  // namespace zhinan

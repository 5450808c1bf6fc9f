#include "office/summary_table_file.hpp"

#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>

#include "zhinan/io.hpp"

#ifdef _WIN32
#include <cstdio>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace zhinan::detail {
namespace {

void set_error(std::string* error, std::string text) {
  if (error) *error = std::move(text);
}

std::string random_suffix() {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (int i = 0; i < 10; ++i) out += kDigits[engine() % (sizeof kDigits - 1)];
  return out;
}

// Creates `path` exclusively (never opens a file someone else made), honouring the umask.
bool create_new_file(const std::filesystem::path& path, int* error_number) {
#ifdef _WIN32
  std::FILE* file = _wfopen(path.c_str(), L"wbx");
  if (!file) {
    *error_number = errno;
    return false;
  }
  std::fclose(file);
  return true;
#else
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error_number = errno;
    return false;
  }
  ::close(fd);
  return true;
#endif
}

// What the writer left must be on disk before the rename makes it visible.
bool flush_to_disk(const std::filesystem::path& path) {
#ifdef _WIN32
  (void)path;
  return true;
#else
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
#endif
}

}  // namespace

bool write_file_atomically(const std::filesystem::path& target, const WriteToPath& write,
                           std::string* error) {
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::filesystem::path temp;
  int error_number = 0;
  for (int attempt = 0;; ++attempt) {
    // A dot name, so that a file manager does not show the half-written file.
    temp = dir /
           path_from_utf8("." + path_to_utf8(target.filename()) + "." + random_suffix() + ".tmp");
    if (create_new_file(temp, &error_number)) break;
    if (error_number != EEXIST || attempt == 16) {
      set_error(error, path_to_utf8(target) + ": " + std::strerror(error_number));
      return false;
    }
  }
  std::error_code ec;
  std::string reason;
  bool ok = write(temp, &reason);
  if (ok && !flush_to_disk(temp)) {
    ok = false;
    reason = std::string("cannot flush: ") + std::strerror(errno);
  }
  if (ok) {
    std::filesystem::rename(temp, target, ec);
    if (ec) {
      ok = false;
      reason = ec.message();
    }
  }
  if (!ok) {
    std::filesystem::remove(temp, ec);
    set_error(error, path_to_utf8(target) + ": " + reason);
  }
  return ok;
}

}  // namespace zhinan::detail

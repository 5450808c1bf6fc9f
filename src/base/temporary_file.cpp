#include "base/temporary_file.hpp"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <random>
#include <string_view>

#include "zhinan/io.hpp"

#ifdef _WIN32
#include <cstdio>
#include <windows.h>
#else
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#endif

namespace zhinan::detail {
namespace {

constexpr std::string_view kMark = ".zn";
constexpr std::string_view kSuffix = ".tmp";

unsigned long this_process() {
#ifdef _WIN32
  return static_cast<unsigned long>(GetCurrentProcessId());
#else
  return static_cast<unsigned long>(getpid());
#endif
}

// Eight hex digits naming this host (FNV-1a of its name): a folder shared over the network
// may hold another machine's temporary files, whose process ids mean nothing here.
std::string compute_host_tag() {
  std::string name = "localhost";
#ifndef _WIN32
  char buffer[256] = {};
  if (gethostname(buffer, sizeof buffer - 1) == 0) name = buffer;
#else
  wchar_t buffer[256] = {};
  DWORD size = 255;
  if (GetComputerNameW(buffer, &size)) name = path_to_utf8(std::filesystem::path(buffer));
#endif
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : name) hash = (hash ^ c) * 16777619u;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag;
  for (int shift = 28; shift >= 0; shift -= 4) tag += kHex[(hash >> shift) & 0xF];
  return tag;
}

const std::string& host_tag() {
  static const std::string tag = compute_host_tag();
  return tag;
}

bool running(unsigned long pid) {
  if (pid == this_process()) return true;
#ifdef _WIN32
  HANDLE process = OpenProcess(SYNCHRONIZE, FALSE, static_cast<DWORD>(pid));
  if (!process) return GetLastError() == ERROR_ACCESS_DENIED;
  const bool alive = WaitForSingleObject(process, 0) == WAIT_TIMEOUT;
  CloseHandle(process);
  return alive;
#else
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#endif
}

std::string random_suffix() {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (int i = 0; i < 10; ++i) out += kDigits[engine() % (sizeof kDigits - 1)];
  return out;
}

std::string prefix_for(const std::filesystem::path& target) {
  return "." + path_to_utf8(target.filename()) + std::string(kMark);
}

bool create_exclusively(const std::filesystem::path& path, int* error_number) {
#ifdef _WIN32
  std::FILE* file = _wfopen(path.c_str(), L"wbx");
  if (!file) {
    *error_number = errno;
    return false;
  }
  std::fclose(file);
  return true;
#else
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error_number = errno;
    return false;
  }
  ::close(fd);
  return true;
#endif
}

}  // namespace

std::filesystem::path create_temporary_beside(const std::filesystem::path& target, int* error_number) {
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  const std::string& host = host_tag();
  for (int attempt = 0;; ++attempt) {
    std::filesystem::path temp = dir / path_from_utf8(prefix_for(target) + host + "-" + std::to_string(this_process()) +
                                                      "-" + random_suffix() + std::string(kSuffix));
    if (create_exclusively(temp, error_number)) return temp;
    if (*error_number != EEXIST || attempt == 16) return {};
  }
}

bool flush_to_disk(const std::filesystem::path& path) {
#ifdef _WIN32
  (void)path;  // MoveFileEx with MOVEFILE_WRITE_THROUGH is the rename's part there
  return true;
#else
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
#endif
}

void start_flushing(std::FILE* file, std::uint64_t from, std::uint64_t to) {
#ifdef __linux__
  if (to <= from || std::fflush(file) != 0) return;
  ::sync_file_range(::fileno(file), static_cast<off_t>(from), static_cast<off_t>(to - from), SYNC_FILE_RANGE_WRITE);
#else
  (void)file;
  (void)from;
  (void)to;
#endif
}

void flush_folder(const std::filesystem::path& folder) {
#ifndef _WIN32
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
#else
  (void)folder;
#endif
}

void remove_dead_temporaries(const std::filesystem::path& target) {
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  const std::string prefix = prefix_for(target) + host_tag() + "-";
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = path_to_utf8(it->path().filename());
    if (!name.starts_with(prefix) || !name.ends_with(kSuffix)) continue;
    const std::string_view rest = std::string_view(name).substr(prefix.size());
    unsigned long pid = 0;
    const auto [stop, failed] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
    if (failed != std::errc() || stop == rest.data() || *stop != '-') continue;
    std::error_code status_ec;
    if (!running(pid) && it->is_regular_file(status_ec)) std::filesystem::remove(it->path(), status_ec);
  }
}

}  // namespace zhinan::detail

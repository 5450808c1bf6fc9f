// ZIP archives in memory through libzip, as a .docx needs them (internal): written
// reproducibly (entries in the order given, deflate at a fixed level, every time stamp
// 1980-01-01 00:00), and read back from a byte buffer. Safe on any number of threads at
// once (libzip's time-zone calls hold base/libc_time_lock.hpp's lock; the deflating, done
// here before libzip writes, does not).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;  // libzip's zip_t, kept out of this header

namespace zhinan::detail {

struct ZipEntry {
  std::string name;  // the part name without the leading '/'
  std::string data;
};

// The archive's bytes; the same entries give the same bytes, whatever the time zone.
// Throws std::runtime_error when libzip fails (out of memory, in practice).
std::string write_zip(const std::vector<ZipEntry>& entries);

// An archive read from memory; the bytes must outlive the reader.
class ZipReader {
 public:
  explicit ZipReader(std::string_view bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool ok() const { return archive_ != nullptr; }
  const std::string& error() const { return error_; }  // why it did not open or read
  std::vector<std::string> names() const;
  // The entry's contents, or nothing when it is absent, larger than `max_size`, inflating
  // more than `max_ratio` times its stored size (0: any ratio), or unreadable; then
  // error() says which, and limit_hit() whether a limit was the reason.
  std::optional<std::string> read(std::string_view name, std::size_t max_size, std::size_t max_ratio = 0);
  bool limit_hit() const { return limit_hit_; }
  std::size_t entry_count() const;

 private:
  zip* archive_ = nullptr;
  std::string error_;
  bool limit_hit_ = false;
};

}  // namespace zhinan::detail

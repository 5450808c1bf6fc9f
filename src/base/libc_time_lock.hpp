// One process-wide lock, held around each of our calls into libxlsxwriter, libzip and
// libarchive that reads the C library's clock or time-zone state (internal).
// - libxlsxwriter 1.1.4 writes docProps/core.xml's dcterms:created in workbook_close with
//   gmtime(), whose struct tm is one static buffer for the whole process: two workbooks
//   closed at once can each get the other's date.
// - libzip 1.7.3 converts every DOS date through the local time zone: mktime() for each
//   entry when it reads a central directory (zip_open*) and in zip_file_set_dostime,
//   localtime_r() for each entry in zip_close (a fixed DOS time does not avoid it: 1.7.3
//   turns it into a time_t and back). libarchive 3.6.2 reads the DOS times of ZIP and RAR
//   headers with mktime(). Each runs tzset(), which frees and copies the zone's name:
//   glibc does that under a lock of its own that ThreadSanitizer cannot see, and neither
//   library promises more than that; this lock makes the order ours and visible.
// A host calling gmtime() or localtime() on threads of its own must serialize those itself
// (docs/decisions.md, "Races").
#pragma once

#include <mutex>

namespace zhinan::detail {

inline std::mutex& libc_time_mutex() {
  static std::mutex mutex;  // one per binary: zhinan_core is linked into each once
  return mutex;
}

// Holds the lock for as long as it lives: `const LibcTimeLock lock;` before the call.
class LibcTimeLock {
 public:
  LibcTimeLock() : guard_(libc_time_mutex()) {}
  LibcTimeLock(const LibcTimeLock&) = delete;
  LibcTimeLock& operator=(const LibcTimeLock&) = delete;

 private:
  std::lock_guard<std::mutex> guard_;
};

}  // namespace zhinan::detail

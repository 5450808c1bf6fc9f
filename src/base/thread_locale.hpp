// A C locale category set for the calling thread only, for as long as the guard lives
// (internal). Libraries that format or convert through the C locale (libxlsxwriter's
// snprintf of numbers, libarchive's name conversion) then behave the same whatever the
// host process set, and other threads are not touched. (On Windows the C runtime's
// per-thread locale would be the equivalent; not done yet.)
#pragma once

#if !defined(_WIN32)
#include <clocale>
#include <locale.h>
#endif

namespace zhinan::detail {

class ThreadLocale {
 public:
  // `mask` is LC_NUMERIC_MASK, LC_CTYPE_MASK, …; `name` "C", "C.UTF-8", ….
  ThreadLocale([[maybe_unused]] int mask, [[maybe_unused]] const char* name) {
#if !defined(_WIN32)
    locale_ = newlocale(mask, name, static_cast<locale_t>(nullptr));
    if (locale_ != static_cast<locale_t>(nullptr)) previous_ = uselocale(locale_);
#endif
  }
  ~ThreadLocale() {
#if !defined(_WIN32)
    if (locale_ != static_cast<locale_t>(nullptr)) {
      uselocale(previous_);
      freelocale(locale_);
    }
#endif
  }
  ThreadLocale(const ThreadLocale&) = delete;
  ThreadLocale& operator=(const ThreadLocale&) = delete;

 private:
#if !defined(_WIN32)
  locale_t locale_ = static_cast<locale_t>(nullptr);
  locale_t previous_ = static_cast<locale_t>(nullptr);
#endif
};

}  // namespace zhinan::detail

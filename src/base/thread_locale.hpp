// A C locale category set for the calling thread only, for as long as the guard lives
// (internal). Libraries that format or convert through the C locale (libxlsxwriter's
// snprintf of numbers, libarchive's name conversion) then behave the same whatever the
// host process set, and other threads are not touched. (On Windows the C runtime's
// per-thread locale would be the equivalent; not done yet.)
//
// Each locale object is made once per process and never freed: any number of threads may
// use one at once. Freeing the last one would unload glibc's data of that locale (C.UTF-8
// is files, not the locale archive), to be loaded again by the next guard, and that
// unloading frees on one thread what glibc allocated on another under a lock of its own,
// which ThreadSanitizer cannot see (docs/decisions.md, "Races").
#pragma once

#if !defined(_WIN32)
#include <clocale>
#include <locale.h>
#include <mutex>
#include <string>
#include <vector>
#endif

namespace zhinan::detail {

#if !defined(_WIN32)
// The process's one locale object for `mask` and `name`; (locale_t)0 when there is none.
inline locale_t shared_locale(int mask, const char* name) {
  struct Made {
    int mask;
    std::string name;
    locale_t locale;
  };
  static std::mutex lock;
  // A few (the guards name fixed categories and locales), never destroyed: reachable till
  // the end, so no leak checker calls them leaks.
  static auto* const made = new std::vector<Made>;
  const std::lock_guard<std::mutex> hold(lock);
  for (const Made& m : *made) {
    if (m.mask == mask && m.name == name) return m.locale;
  }
  const locale_t locale = newlocale(mask, name, static_cast<locale_t>(nullptr));
  if (locale != static_cast<locale_t>(nullptr)) made->push_back({mask, name, locale});
  return locale;
}
#endif

class ThreadLocale {
 public:
  // `mask` is LC_NUMERIC_MASK, LC_CTYPE_MASK, …; `name` "C", "C.UTF-8", ….
  ThreadLocale([[maybe_unused]] int mask, [[maybe_unused]] const char* name) {
#if !defined(_WIN32)
    locale_ = shared_locale(mask, name);
    if (locale_ != static_cast<locale_t>(nullptr)) previous_ = uselocale(locale_);
#endif
  }
  ~ThreadLocale() {
#if !defined(_WIN32)
    if (locale_ != static_cast<locale_t>(nullptr)) uselocale(previous_);
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

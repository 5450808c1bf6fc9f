// What the opaque handles of zhinan.h hold, and the helpers every entry point uses to keep
// exceptions, NULLs and ill-formed text from crossing the C ABI (internal to libzhinan).
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhinan.h"
#include "zhinan/dedup.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

struct zn_diagnostics {
  zhinan::Diagnostics items;
};

// Shared, so that a suggestion read under a profile keeps it alive after zn_profile_free.
struct zn_profile {
  std::shared_ptr<const zhinan::Profile> value;
};

struct zn_suggestion {
  zhinan::Suggestion value;
  // The profile whose labels the setters turn into codes: the built-in one for
  // zn_suggestion_new, the one it was read under otherwise.
  std::shared_ptr<const zhinan::Profile> profile;
};

struct zn_registry {
  std::shared_ptr<const zhinan::FundedRegistry> value;
};

struct zn_batch {
  std::shared_ptr<const zhinan::Profile> profile;
  std::vector<std::pair<std::string, zhinan::Suggestion>> items;  // name, a copy
  std::shared_ptr<const zhinan::FundedRegistry> registry;
};

namespace zhinan::capi {

// The C value of a severity (zn_severity).
inline int c_severity(Severity s) {
  switch (s) {
    case Severity::error: return ZN_SEVERITY_ERROR;
    case Severity::warning: return ZN_SEVERITY_WARNING;
    case Severity::info: return ZN_SEVERITY_INFO;
  }
  return ZN_SEVERITY_ERROR;
}

// --- the thread's last error (error.cpp)

// Records a failure: Chinese, a newline, English, prefixed by the entry point's name.
// Never throws; when even that runs out of memory a fixed message stands in.
void set_error(std::string_view zh, std::string_view en, std::string_view rule_id = {}) noexcept;
// Records a finding as the failure: its messages (with line and column) and its id.
void set_error(const Diagnostic& diagnostic) noexcept;

// set_error, then the status; for `return fail(ZN_EINVAL, …);`.
int fail(int status, std::string_view zh, std::string_view en);
// ZN_EINVAL for a NULL argument, naming it.
int null_argument(std::string_view name);
// ZN_EINVAL when `text` is not UTF-8 (naming the argument and the byte), else ZN_OK.
int check_utf8(std::string_view name, std::string_view text);
// ZN_EINVAL for a NULL or ill-formed UTF-8 path argument, else ZN_OK.
int check_path(std::string_view name, const char* path);
// set_error from a reason written "Chinese\nEnglish" (as the core's file functions give it),
// then the status.
int fail_bilingual(int status, const std::string& reason);

// The profile a caller passed, or the built-in one for NULL.
inline std::shared_ptr<const Profile> profile_of(const zn_profile* profile) {
  return profile ? profile->value : Profile::builtin_shared();
}

// The entry point running on this thread, for messages (set by the guards below).
void enter(const char* function) noexcept;
void on_bad_alloc() noexcept;
void on_exception(const char* what) noexcept;

// Runs `body` (returning a zn_status) so that nothing thrown leaves it:
// std::bad_alloc → ZN_ENOMEM, any other exception → ZN_EINTERNAL, with zn_error_last set.
template <typename Body>
int guard(const char* function, Body&& body) noexcept {
  enter(function);
  try {
    return body();
  } catch (const std::bad_alloc&) {
    on_bad_alloc();
    return ZN_ENOMEM;
  } catch (const std::exception& e) {
    on_exception(e.what());
    return ZN_EINTERNAL;
  } catch (...) {
    on_exception("unknown exception");
    return ZN_EINTERNAL;
  }
}

// The same for getters: `failed` stands in for the value when something was thrown.
template <typename T, typename Body>
T guard_value(const char* function, T failed, Body&& body) noexcept {
  enter(function);
  try {
    return body();
  } catch (const std::bad_alloc&) {
    on_bad_alloc();
  } catch (const std::exception& e) {
    on_exception(e.what());
  } catch (...) {
    on_exception("unknown exception");
  }
  return failed;
}

// A getter's failure (it has no status to return): records why, gives `value`.
template <typename T>
T refuse(T value, std::string_view zh, std::string_view en) {
  set_error(zh, en);
  return value;
}
// The same for a NULL argument.
template <typename T>
T refuse_null(T value, std::string_view name) {
  null_argument(name);
  return value;
}

// The end of every reader (diagnostics.cpp): hands `found` to the caller when asked for,
// and when nothing could be read (`read` false) records the first error as the failure
// and returns ZN_EIO for a file that could not be read, ZN_EPARSE otherwise.
int finish_reading(bool read, Diagnostics found, zn_diagnostics** diagnostics);

// The end of every suggestion reader (JSON, Word form): a handle when one was read, under
// the profile it was read with, and the findings either way (suggestion.cpp).
int finish_suggestion(std::optional<zhinan::Suggestion> read, Diagnostics found,
                      std::shared_ptr<const zhinan::Profile> profile, zn_suggestion** out, zn_diagnostics** diagnostics);

// Hands text to the caller as a malloc'd NUL-terminated copy (freed by zn_string_free).
int hand_out(char** out, std::size_t* out_len, std::string_view text);

}  // namespace zhinan::capi

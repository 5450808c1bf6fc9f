// The thread's last error, the guards' failure paths, and strings handed to the caller.
#include <cstdlib>
#include <cstring>
#include <string>

#include "base/utf8.hpp"
#include "handles.hpp"

namespace zhinan::capi {
namespace {

// Stands in when recording a failure itself runs out of memory.
constexpr const char* kNoMemory = "内存不足\nout of memory";

struct LastError {
  std::string message;  // Chinese, '\n', English
  std::string rule_id;
  const char* fixed = nullptr;  // a static message that overrides `message`
  const char* function = "zhinan";
};

thread_local LastError last_error;

void record(std::string_view zh, std::string_view en, std::string_view rule_id, bool prefixed) noexcept {
  try {
    std::string message;
    const std::string_view function = last_error.function;
    message.reserve(zh.size() + en.size() + 2 * function.size() + 8);
    if (prefixed) message.append(function).append("：");
    message.append(zh).append("\n");
    if (prefixed) message.append(function).append(": ");
    message.append(en);
    std::string id(rule_id);
    last_error.message.swap(message);
    last_error.rule_id.swap(id);
    last_error.fixed = nullptr;
  } catch (...) {
    last_error.fixed = kNoMemory;
  }
}

}  // namespace

void enter(const char* function) noexcept { last_error.function = function; }

void set_error(std::string_view zh, std::string_view en, std::string_view rule_id) noexcept {
  record(zh, en, rule_id, true);
}

void set_error(const Diagnostic& d) noexcept {
  try {
    std::string zh = d.message_zh, en = d.message_en;
    // Text-level findings carry their place in the message already ("第3行第5列：…");
    // add it when a reader did not, and the JSON pointer when that is all there is.
    if (d.location && en.find("line ") == std::string::npos) {
      const std::string line = std::to_string(d.location->line), column = std::to_string(d.location->column);
      zh = "第" + line + "行第" + column + "列：" + zh;
      en = "line " + line + ", column " + column + ": " + en;
    } else if (!d.location && !d.path.empty()) {
      zh = d.path + "：" + zh;
      en = d.path + ": " + en;
    }
    record(zh, en, d.id, false);
  } catch (...) {
    last_error.fixed = kNoMemory;
  }
}

int fail(int status, std::string_view zh, std::string_view en) {
  set_error(zh, en);
  return status;
}

int null_argument(std::string_view name) {
  const std::string n(name);
  return fail(ZN_EINVAL, "参数 " + n + " 为空指针（NULL）", "argument " + n + " is NULL");
}

int check_utf8(std::string_view name, std::string_view text) {
  const std::size_t bad = detail::find_invalid_utf8(text);
  if (bad == std::string_view::npos) return ZN_OK;
  const std::string n(name), at = std::to_string(bad + 1);
  return fail(ZN_EINVAL, "参数 " + n + " 不是有效的 UTF-8 文本（第" + at + "字节）",
              "argument " + n + " is not valid UTF-8 (byte " + at + ")");
}

int check_path(std::string_view name, const char* path) {
  if (!path) return null_argument(name);
  return check_utf8(name, path);
}

int fail_bilingual(int status, const std::string& reason) {
  const auto split = reason.find('\n');
  return fail(status, reason.substr(0, split), split == std::string::npos ? reason : reason.substr(split + 1));
}

void on_bad_alloc() noexcept { last_error.fixed = kNoMemory; }

void on_exception(const char* what) noexcept {
  try {
    const std::string reason = what ? what : "";
    record("内部错误（zhinan 的缺陷，请报告）：" + reason, "internal error (a bug in zhinan, please report it): " + reason,
           {}, true);
  } catch (...) {
    last_error.fixed = kNoMemory;
  }
}

int hand_out(char** out, std::size_t* out_len, std::string_view text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (!copy) throw std::bad_alloc();
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  *out = copy;
  if (out_len) *out_len = text.size();
  return ZN_OK;
}

}  // namespace zhinan::capi

extern "C" {

const char* zn_error_last(void) {
  const auto& e = zhinan::capi::last_error;
  return e.fixed ? e.fixed : e.message.c_str();
}

const char* zn_error_last_id(void) {
  const auto& e = zhinan::capi::last_error;
  return e.fixed ? "" : e.rule_id.c_str();
}

void zn_error_clear(void) {
  auto& e = zhinan::capi::last_error;
  e.message.clear();  // keeps the capacity: cannot throw
  e.rule_id.clear();
  e.fixed = nullptr;
}

void zn_string_free(char* s) { std::free(s); }

}  // extern "C"

// zn_diagnostics_*: a list of findings, read by index, or as one JSON array.
#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "handles.hpp"
#include "model/diagnostic_json.hpp"

using namespace zhinan::capi;

namespace {

const zhinan::Diagnostic* at(const zn_diagnostics* d, std::size_t i) {
  if (!d) return refuse_null<const zhinan::Diagnostic*>(nullptr, "d");
  if (i >= d->items.size())
    return refuse<const zhinan::Diagnostic*>(
        nullptr, "下标 " + std::to_string(i) + " 超出范围（共 " + std::to_string(d->items.size()) + " 条）",
        "index " + std::to_string(i) + " is out of range (there are " + std::to_string(d->items.size()) + ")");
  return &d->items[i];
}

boost::json::object to_object(const zhinan::Diagnostic& d) { return zhinan::detail::diagnostic_object(d); }

}  // namespace

namespace zhinan::capi {

int finish_reading(bool read, Diagnostics found, zn_diagnostics** diagnostics) {
  int status = ZN_OK;
  if (!read) {
    auto first = std::find_if(found.begin(), found.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (first == found.end()) {
      set_error("无法读取输入", "the input could not be read");
      status = ZN_EPARSE;
    } else {
      set_error(*first);
      status = first->id == "io.read_failed" ? ZN_EIO : ZN_EPARSE;
    }
  }
  if (diagnostics) *diagnostics = new zn_diagnostics{std::move(found)};
  return status;
}

}  // namespace zhinan::capi

extern "C" {

size_t zn_diagnostics_count(const zn_diagnostics* d) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    if (!d) return refuse_null<std::size_t>(0, "d");
    return d->items.size();
  });
}

size_t zn_diagnostics_count_severity(const zn_diagnostics* d, int severity) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    if (!d) return refuse_null<std::size_t>(0, "d");
    if (severity < ZN_SEVERITY_ERROR || severity > ZN_SEVERITY_INFO)
      return refuse<std::size_t>(0, "严重程度 " + std::to_string(severity) + " 无效（应为 0、1 或 2）",
                                 "severity " + std::to_string(severity) + " is invalid (should be 0, 1 or 2)");
    constexpr zhinan::Severity kBySeverity[] = {zhinan::Severity::error, zhinan::Severity::warning,
                                               zhinan::Severity::info};
    return zhinan::count(d->items, kBySeverity[severity]);
  });
}

const char* zn_diagnostics_id(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->id.c_str() : nullptr;
  });
}

const char* zn_diagnostics_file(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->file.c_str() : nullptr;
  });
}

const char* zn_diagnostics_package(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->package.c_str() : nullptr;
  });
}

const char* zn_diagnostics_entry(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->entry.c_str() : nullptr;
  });
}

int zn_diagnostics_severity(const zn_diagnostics* d, size_t i) {
  return guard_value<int>(__func__, -1, [&]() -> int {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? c_severity(item->severity) : -1;
  });
}

const char* zn_diagnostics_path(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->path.c_str() : nullptr;
  });
}

const char* zn_diagnostics_message_zh(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->message_zh.c_str() : nullptr;
  });
}

const char* zn_diagnostics_message_en(const zn_diagnostics* d, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->message_en.c_str() : nullptr;
  });
}

int zn_diagnostics_location(int* line, int* column, const zn_diagnostics* d, size_t i) {
  return guard(__func__, [&]() -> int {
    if (line) *line = 0;
    if (column) *column = 0;
    const zhinan::Diagnostic* item = at(d, i);
    if (!item) return ZN_EINVAL;
    if (item->location) {
      if (line) *line = item->location->line;
      if (column) *column = item->location->column;
    }
    return ZN_OK;
  });
}

int zn_diagnostics_to_json(char** out, size_t* out_len, const zn_diagnostics* d) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (!out) return null_argument("out");
    if (!d) return null_argument("d");
    boost::json::array list;
    list.reserve(d->items.size());
    for (const auto& item : d->items) list.emplace_back(to_object(item));
    return hand_out(out, out_len, boost::json::serialize(list));
  });
}

size_t zn_diagnostics_param_count(const zn_diagnostics* d, size_t i) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    const zhinan::Diagnostic* item = at(d, i);
    return item ? item->params.size() : 0;
  });
}

namespace {
const std::pair<std::string, std::string>* param_at(const zn_diagnostics* d, size_t i, size_t k) {
  const zhinan::Diagnostic* item = at(d, i);
  if (!item) return nullptr;
  if (k >= item->params.size())
    return refuse<const std::pair<std::string, std::string>*>(
        nullptr, "参数下标 " + std::to_string(k) + " 超出范围", "parameter index " + std::to_string(k) + " is out of range");
  return &item->params[k];
}
}  // namespace

const char* zn_diagnostics_param_name(const zn_diagnostics* d, size_t i, size_t k) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const auto* p = param_at(d, i, k);
    return p ? p->first.c_str() : nullptr;
  });
}

const char* zn_diagnostics_param_value(const zn_diagnostics* d, size_t i, size_t k) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const auto* p = param_at(d, i, k);
    return p ? p->second.c_str() : nullptr;
  });
}

void zn_diagnostics_free(zn_diagnostics* d) { delete d; }

}  // extern "C"

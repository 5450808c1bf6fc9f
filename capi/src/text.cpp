// zn_count, zn_fold and the file-name functions.
#include <string>

#include "handles.hpp"
#include "zhinan/count.hpp"
#include "zhinan/file_name.hpp"
#include "zhinan/fold.hpp"

using namespace zhinan::capi;

namespace {

// What a name change looks like to a C caller: a finding "name.<kind>" about one part.
zhinan::Diagnostics as_findings(const zhinan::NameChanges& changes) {
  zhinan::Diagnostics out;
  for (const auto& c : changes) {
    zhinan::Diagnostic d;
    d.id = "name." + std::string(zhinan::to_string(c.kind));
    d.severity = zhinan::Severity::info;
    d.path = "/" + std::string(zhinan::to_string(c.part));
    d.message_zh = c.message_zh;
    d.message_en = c.message_en;
    d.params = {{"original", c.original}, {"replacement", c.replacement}, {"count", std::to_string(c.count)}};
    out.push_back(std::move(d));
  }
  return out;
}

int hand_out_name(char** out, std::size_t* out_len, zn_diagnostics** changes, const std::string& name,
                  const zhinan::NameChanges& found) {
  if (changes) *changes = new zn_diagnostics{as_findings(found)};
  return hand_out(out, out_len, name);
}

// A NUL-terminated argument that may be NULL (then empty), checked for UTF-8.
int optional_text(std::string_view name, const char* text, std::string& into) {
  into = text ? text : "";
  return check_utf8(name, into);
}

}  // namespace

extern "C" {

int zn_count(size_t* out, const char* text, size_t len, int mode) {
  return guard(__func__, [&]() -> int {
    if (out) *out = 0;
    if (!out) return null_argument("out");
    if (!text && len > 0) return null_argument("text");
    if (mode < ZN_COUNT_WORD || mode > ZN_COUNT_GRAPHEMES)
      return fail(ZN_EINVAL, "计数方式 " + std::to_string(mode) + " 无效（应为 0–3）",
                  "count mode " + std::to_string(mode) + " is invalid (should be 0–3)");
    constexpr zhinan::CountMode kModes[] = {zhinan::CountMode::word, zhinan::CountMode::chars,
                                            zhinan::CountMode::chars_with_spaces, zhinan::CountMode::graphemes};
    *out = zhinan::count_text(std::string_view(text ? text : "", len), kModes[mode]);
    return ZN_OK;
  });
}

int zn_fold(char** out, size_t* out_len, const char* text, size_t len) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (!out) return null_argument("out");
    if (!text && len > 0) return null_argument("text");
    return hand_out(out, out_len, zhinan::fold_for_comparison(std::string_view(text ? text : "", len)));
  });
}

int zn_name_sanitize(char** out, size_t* out_len, zn_diagnostics** changes, const char* name) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (changes) *changes = nullptr;
    if (!out) return null_argument("out");
    if (!name) return null_argument("name");
    if (int rc = check_utf8("name", name); rc != ZN_OK) return rc;
    zhinan::SanitizedName result = zhinan::sanitize_name_component(name);
    return hand_out_name(out, out_len, changes, result.name, result.changes);
  });
}

int zn_name_entry(char** out, size_t* out_len, zn_diagnostics** changes, const char* folder, int number,
                  const char* title, const char* unit, const char* extension, const char* pattern) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (changes) *changes = nullptr;
    if (!out) return null_argument("out");
    // The header lets folder and pattern be NULL (the root, the call's pattern); the parts
    // of the name itself must be given, even as "".
    if (!title) return null_argument("title");
    if (!unit) return null_argument("unit");
    if (!extension) return null_argument("extension");
    if (number < 0) return fail(ZN_EINVAL, "序号不能为负数", "the number must not be negative");
    zhinan::EntryNameRequest request;
    std::string pattern_text;
    request.number = number;
    for (auto [name, text, into] : {std::tuple{"folder", folder, &request.folder}, {"title", title, &request.title},
                                    {"unit", unit, &request.unit}, {"extension", extension, &request.extension},
                                    {"pattern", pattern, &pattern_text}})
      if (int rc = optional_text(name, text, *into); rc != ZN_OK) return rc;
    zhinan::EntryName result = zhinan::make_entry_name(request, pattern_text);
    return hand_out_name(out, out_len, changes, result.file_name, result.changes);
  });
}

}  // extern "C"

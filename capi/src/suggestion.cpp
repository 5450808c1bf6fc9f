// zn_suggestion_*: creating, reading, writing, copying and freeing a suggestion.
#include <memory>
#include <string>

#include "handles.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

using namespace zhinan::capi;

namespace {


int take(zhinan::ParseResult parsed, std::shared_ptr<const zhinan::Profile> profile, zn_suggestion** out,
         zn_diagnostics** diagnostics) {
  return finish_suggestion(std::move(parsed.suggestion), std::move(parsed.diagnostics), std::move(profile), out,
                           diagnostics);
}

}  // namespace

namespace zhinan::capi {

int finish_suggestion(std::optional<zhinan::Suggestion> read, Diagnostics found,
                      std::shared_ptr<const zhinan::Profile> profile, zn_suggestion** out, zn_diagnostics** diagnostics) {
  std::unique_ptr<zn_suggestion> handle;
  if (read) handle = std::make_unique<zn_suggestion>(zn_suggestion{std::move(*read), std::move(profile)});
  const int status = finish_reading(handle != nullptr, std::move(found), diagnostics);
  *out = handle.release();
  return status;
}

}  // namespace zhinan::capi

extern "C" {

int zn_suggestion_new(zn_suggestion** out) {
  return guard(__func__, [&]() -> int {
    if (!out) return null_argument("out");
    *out = nullptr;
    *out = new zn_suggestion{zhinan::Suggestion{}, zhinan::Profile::builtin_shared()};
    return ZN_OK;
  });
}

int zn_suggestion_from_json(zn_suggestion** out, zn_diagnostics** diagnostics, const zn_profile* profile,
                            const char* json, size_t len) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (!json) return null_argument("json");
    auto p = profile_of(profile);
    zhinan::ParseResult parsed = zhinan::parse_suggestion(std::string_view(json, len), *p);
    return take(std::move(parsed), std::move(p), out, diagnostics);
  });
}

int zn_suggestion_from_file(zn_suggestion** out, zn_diagnostics** diagnostics, const zn_profile* profile,
                            const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (int status = check_path("path_utf8", path_utf8); status != ZN_OK) return status;
    auto p = profile_of(profile);
    zhinan::ParseResult parsed = zhinan::read_suggestion_file(zhinan::path_from_utf8(path_utf8), *p);
    return take(std::move(parsed), std::move(p), out, diagnostics);
  });
}

int zn_suggestion_to_json(char** out, size_t* out_len, const zn_suggestion* s) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (!out) return null_argument("out");
    if (!s) return null_argument("s");
    return hand_out(out, out_len, zhinan::to_json(s->value));
  });
}

int zn_suggestion_clone(zn_suggestion** out, const zn_suggestion* s) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (!out) return null_argument("out");
    if (!s) return null_argument("s");
    *out = new zn_suggestion(*s);
    return ZN_OK;
  });
}

void zn_suggestion_free(zn_suggestion* s) { delete s; }

}  // extern "C"

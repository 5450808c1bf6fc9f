// zn_suggestion_from_docx*: a unit's own Word form read back into a suggestion.
#include <memory>
#include <string_view>
#include <utility>

#include "handles.hpp"
#include "zhinan/import.hpp"
#include "zhinan/io.hpp"

using namespace zhinan::capi;

namespace {

// The handle when a 信息表 was read, the findings either way.
int take(zhinan::ImportResult imported, std::shared_ptr<const zhinan::Profile> profile, zn_suggestion** out,
         zn_diagnostics** diagnostics) {
  return finish_suggestion(std::move(imported.suggestion), std::move(imported.diagnostics), std::move(profile), out,
                           diagnostics);
}

}  // namespace

extern "C" {

int zn_suggestion_from_docx(zn_suggestion** out, zn_diagnostics** diagnostics, const zn_profile* profile,
                            const void* bytes, size_t len) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (!bytes) return null_argument("bytes");
    auto p = profile_of(profile);
    zhinan::ImportResult imported = zhinan::import_docx(std::string_view(static_cast<const char*>(bytes), len), *p);
    return take(std::move(imported), std::move(p), out, diagnostics);
  });
}

int zn_suggestion_from_docx_file(zn_suggestion** out, zn_diagnostics** diagnostics, const zn_profile* profile,
                                 const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (int status = check_path("path_utf8", path_utf8); status != ZN_OK) return status;
    auto p = profile_of(profile);
    zhinan::ImportResult imported = zhinan::import_docx_file(zhinan::path_from_utf8(path_utf8), *p);
    return take(std::move(imported), std::move(p), out, diagnostics);
  });
}

}  // extern "C"

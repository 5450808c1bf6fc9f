// zn_package_write: the package of section 四 through the C ABI.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <tuple>

#include "handles.hpp"
#include "zhinan/io.hpp"
#include "zhinan/package.hpp"

using namespace zhinan::capi;

namespace {

int text_option(std::string_view name, const char* value, std::string& into) {
  into = value ? value : "";
  return check_utf8(name, into);
}

// zn_package_options as version 1 declared it: what a caller built against that header has.
struct PackageOptionsV1 {
  int version, numbering, all_regions, gbk_names;
  const char *department, *contact, *phone, *date;
  int threads;
  zn_progress_fn progress;
  void* progress_user;
  int year, month, day, hour, minute, second;
};
// Its size is where version 2's fields begin: fields are only ever added at the end.
constexpr std::size_t kVersion1Size = sizeof(PackageOptionsV1);
static_assert(offsetof(zn_package_options, second) == offsetof(PackageOptionsV1, second) &&
                  offsetof(zn_package_options, document_roots) == kVersion1Size,
              "zn_package_options: the fields of version 1 moved, or version 2's do not follow them");

// The caller's options as the current struct: the defaults, overwritten by as many bytes
// as the caller's version has (never more: a version-1 caller's memory ends there).
int read_options(const zn_package_options* options, zn_package_options& given) {
  given = ZN_PACKAGE_OPTIONS_INIT;
  if (!options) return ZN_OK;
  switch (options->version) {
    case 1: std::memcpy(&given, options, kVersion1Size); return ZN_OK;
    case 2: given = *options; return ZN_OK;
    default:
      return fail(ZN_EINVAL,
                  "选项的 version 为 " + std::to_string(options->version) +
                      "，本库只认 1 或 2（ZN_PACKAGE_OPTIONS_VERSION）",
                  "options.version is " + std::to_string(options->version) +
                      "; this library reads 1 or 2 (ZN_PACKAGE_OPTIONS_VERSION)");
  }
}

// options.document_roots: each one a UTF-8 path, neither NULL nor "".
int document_roots(const zn_package_options& given, std::vector<std::filesystem::path>& into) {
  if (given.document_root_count == 0) return ZN_OK;
  if (!given.document_roots) return null_argument("options.document_roots");
  for (std::size_t i = 0; i < given.document_root_count; ++i) {
    const std::string name = "options.document_roots[" + std::to_string(i) + "]";
    const char* root = given.document_roots[i];
    if (int rc = check_path(name, root); rc != ZN_OK) return rc;
    if (*root == '\0') return fail(ZN_EINVAL, "参数 " + name + " 为空字符串", "argument " + name + " is empty");
    into.push_back(zhinan::path_from_utf8(root));
  }
  return ZN_OK;
}

}  // namespace

extern "C" {

int zn_package_write(zn_diagnostics** diagnostics, const zn_batch* b, const char* zip_path_utf8,
                     const zn_package_options* options) {
  return guard(__func__, [&]() -> int {
    if (diagnostics) *diagnostics = nullptr;
    if (!b) return null_argument("b");
    if (int rc = check_path("zip_path_utf8", zip_path_utf8); rc != ZN_OK) return rc;
    zn_package_options given;
    if (int rc = read_options(options, given); rc != ZN_OK) return rc;
    zhinan::PackageOptions o;
    if (int rc = document_roots(given, o.document_roots); rc != ZN_OK) return rc;
    o.numbering = given.numbering == ZN_NUMBERING_GLOBAL ? zhinan::Numbering::global : zhinan::Numbering::per_folder;
    o.all_regions = given.all_regions != 0;
    o.names = given.gbk_names ? zhinan::NameEncoding::gbk : zhinan::NameEncoding::utf8;
    for (auto [name, value, into] : {std::tuple{"department", given.department, &o.summary.department},
                                     {"contact", given.contact, &o.summary.contact},
                                     {"phone", given.phone, &o.summary.phone},
                                     {"date", given.date, &o.summary.date}})
      if (int rc = text_option(name, value, *into); rc != ZN_OK) return rc;
    o.threads = given.threads > 0 ? static_cast<unsigned>(given.threads) : 0;
    if (given.year != 0) {
      if (given.year < 1980 || given.year > 2107 || given.month < 1 || given.month > 12 || given.day < 1 ||
          given.day > 31 || given.hour < 0 || given.hour > 23 || given.minute < 0 || given.minute > 59 ||
          given.second < 0 || given.second > 59)
        return fail(ZN_EINVAL, "打包时间无效（ZIP 能记录 1980–2107 年）", "the time is invalid (ZIP holds 1980–2107)");
      o.time = {given.year, given.month, given.day, given.hour, given.minute, given.second};
    }
    if (given.progress) {
      o.progress = [&given](const zhinan::PackageProgress& p) {
        return given.progress(given.progress_user, p.done, p.total) == 0;
      };
    }
    std::vector<zhinan::PackageInput> inputs;
    for (const auto& [name, suggestion] : b->items)
      inputs.push_back({name, &suggestion, zhinan::path_from_utf8(name).parent_path()});
    zhinan::PackageResult r =
        zhinan::write_package(inputs, zhinan::path_from_utf8(zip_path_utf8), *b->profile, o, b->registry.get());
    int status = ZN_OK;
    if (!r.written) {
      auto last_error = std::find_if(r.diagnostics.rbegin(), r.diagnostics.rend(),
                                     [](const zhinan::Diagnostic& d) { return d.id.starts_with("package."); });
      if (last_error != r.diagnostics.rend()) set_error(*last_error);
      status = r.cancelled                         ? ZN_ECANCELED
               : zhinan::has(r.diagnostics, "package.write_failed") ? ZN_EIO
                                                                    : ZN_EREFUSED;
    }
    if (diagnostics) *diagnostics = new zn_diagnostics{std::move(r.diagnostics)};
    return status;
  });
}

}  // extern "C"

// zn_audit_*: the audit of the packages the departments send, through the C ABI.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "handles.hpp"
#include "zhinan/audit.hpp"
#include "zhinan/io.hpp"

using namespace zhinan::capi;

// The audit and the result of its last run (the reports read it). Internal to this file:
// no other entry point takes a zn_audit.
struct zn_audit {
  zhinan::Audit audit;
  std::optional<zhinan::AuditResult> result;  // none before a run, after a cancelled one, after a change
};

namespace {

int not_run() {
  return fail(ZN_EINVAL, "审核尚未运行：请先调用 zn_audit_run", "the audit has not run: call zn_audit_run first");
}

}  // namespace

extern "C" {

int zn_audit_new(zn_audit** out, const zn_profile* profile) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (!out) return null_argument("out");
    *out = new zn_audit{zhinan::Audit(profile_of(profile)), std::nullopt};
    return ZN_OK;
  });
}

void zn_audit_free(zn_audit* a) { delete a; }

int zn_audit_add_package_file(zn_audit* a, const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (!a) return null_argument("a");
    if (int rc = check_path("path_utf8", path_utf8); rc != ZN_OK) return rc;
    if (*path_utf8 == '\0') return fail(ZN_EINVAL, "参数 path_utf8 为空字符串", "argument path_utf8 is empty");
    a->audit.add_package_file(zhinan::path_from_utf8(path_utf8));
    a->result.reset();
    return ZN_OK;
  });
}

int zn_audit_add_package_bytes(zn_audit* a, const char* name_utf8, const void* bytes, size_t len) {
  return guard(__func__, [&]() -> int {
    if (!a) return null_argument("a");
    if (int rc = check_path("name_utf8", name_utf8); rc != ZN_OK) return rc;
    if (*name_utf8 == '\0') return fail(ZN_EINVAL, "参数 name_utf8 为空字符串", "argument name_utf8 is empty");
    if (!bytes) return null_argument("bytes");
    a->audit.add_package_bytes(name_utf8, std::string(static_cast<const char*>(bytes), len));
    a->result.reset();
    return ZN_OK;
  });
}

int zn_audit_set_registry(zn_audit* a, const zn_registry* registry) {
  return guard(__func__, [&]() -> int {
    if (!a) return null_argument("a");
    a->audit.set_registry(registry ? registry->value : nullptr);
    a->result.reset();
    return ZN_OK;
  });
}

int zn_audit_run(zn_diagnostics** findings, zn_audit* a, const zn_audit_options* options) {
  return guard(__func__, [&]() -> int {
    if (findings) *findings = nullptr;
    if (!a) return null_argument("a");
    zn_audit_options given = ZN_AUDIT_OPTIONS_INIT;
    if (options) {
      // A version this library does not know is refused, not read past its end or half used.
      if (options->version < 1 || options->version > ZN_AUDIT_OPTIONS_VERSION)
        return fail(ZN_EINVAL,
                    "选项的 version 为 " + std::to_string(options->version) + "，本库只支持 1 至 " +
                        std::to_string(ZN_AUDIT_OPTIONS_VERSION) + "（ZN_AUDIT_OPTIONS_VERSION）",
                    "options.version is " + std::to_string(options->version) + "; this library knows 1 to " +
                        std::to_string(ZN_AUDIT_OPTIONS_VERSION) + " (ZN_AUDIT_OPTIONS_VERSION)");
      given = *options;  // version 1 is every field there is
    }
    if (given.mode != ZN_MODE_SUBMIT && given.mode != ZN_MODE_DRAFT)
      return fail(ZN_EINVAL, "模式 " + std::to_string(given.mode) + " 无效（应为 ZN_MODE_SUBMIT 或 ZN_MODE_DRAFT）",
                  "mode " + std::to_string(given.mode) + " is invalid (should be ZN_MODE_SUBMIT or ZN_MODE_DRAFT)");
    zhinan::AuditOptions o;
    o.mode = given.mode == ZN_MODE_DRAFT ? zhinan::Mode::draft : zhinan::Mode::submit;
    if (given.progress) {
      o.progress = [&given](const zhinan::AuditProgress& p) {
        return given.progress(given.progress_user, p.packages_done, p.packages_total, p.entries_done) == 0;
      };
    }
    a->result.reset();
    zhinan::AuditResult r = a->audit.run(o);
    if (r.cancelled) return fail(ZN_ECANCELED, "审核已被进度回调取消", "the progress callback cancelled the audit");
    // The caller's copy first: should it fail for memory, the audit holds no result either.
    auto copy = findings ? std::make_unique<zn_diagnostics>(zn_diagnostics{r.diagnostics}) : nullptr;
    a->result = std::move(r);
    if (findings) *findings = copy.release();
    return ZN_OK;
  });
}

int zn_audit_report(char** out, size_t* out_len, const zn_audit* a, int format) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (!out) return null_argument("out");
    if (!a) return null_argument("a");
    if (format != ZN_AUDIT_TEXT && format != ZN_AUDIT_JSON && format != ZN_AUDIT_HTML && format != ZN_AUDIT_TEXT_EN)
      return fail(ZN_EINVAL,
                  "报告格式 " + std::to_string(format) +
                      " 无效（应为 ZN_AUDIT_TEXT、ZN_AUDIT_JSON、ZN_AUDIT_HTML 或 ZN_AUDIT_TEXT_EN）",
                  "report format " + std::to_string(format) +
                      " is invalid (should be ZN_AUDIT_TEXT, ZN_AUDIT_JSON, ZN_AUDIT_HTML or ZN_AUDIT_TEXT_EN)");
    if (!a->result) return not_run();
    const zhinan::AuditFormat f = format == ZN_AUDIT_JSON      ? zhinan::AuditFormat::json
                                  : format == ZN_AUDIT_HTML    ? zhinan::AuditFormat::html
                                  : format == ZN_AUDIT_TEXT_EN ? zhinan::AuditFormat::text_english
                                                               : zhinan::AuditFormat::text;
    return hand_out(out, out_len, zhinan::audit_report(*a->result, f));
  });
}

int zn_audit_write_xlsx(const zn_audit* a, const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (!a) return null_argument("a");
    if (int rc = check_path("path_utf8", path_utf8); rc != ZN_OK) return rc;
    if (!a->result) return not_run();
    std::string error;
    if (!zhinan::write_audit_xlsx(*a->result, zhinan::path_from_utf8(path_utf8), &error))
      return fail_bilingual(ZN_EIO, error.empty() ? std::string("无法写入审核清单\ncannot write the audit list") : error);
    return ZN_OK;
  });
}

}  // extern "C"

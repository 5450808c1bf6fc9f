// zn_validate and the rule registry.
#include <string>

#include "handles.hpp"
#include "zhinan/rules.hpp"

using namespace zhinan::capi;

namespace {

const zhinan::RuleInfo* rule_at(std::size_t i) {
  const auto rules = zhinan::rule_registry();
  if (i >= rules.size())
    return refuse<const zhinan::RuleInfo*>(
        nullptr, "规则下标 " + std::to_string(i) + " 超出范围（共 " + std::to_string(rules.size()) + " 条）",
        "rule index " + std::to_string(i) + " is out of range (there are " + std::to_string(rules.size()) + ")");
  return &rules[i];
}

}  // namespace

extern "C" {

int zn_validate(zn_diagnostics** out, const zn_suggestion* s, const zn_profile* profile, int mode) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (!out) return null_argument("out");
    if (!s) return null_argument("s");
    if (mode != ZN_MODE_SUBMIT && mode != ZN_MODE_DRAFT)
      return fail(ZN_EINVAL, "模式 " + std::to_string(mode) + " 无效（应为 ZN_MODE_SUBMIT 或 ZN_MODE_DRAFT）",
                  "mode " + std::to_string(mode) + " is invalid (should be ZN_MODE_SUBMIT or ZN_MODE_DRAFT)");
    // Without a profile, the one the suggestion was read under: a suggestion read under a
    // call that allows more is checked by that call, not silently by the built-in one.
    const std::shared_ptr<const zhinan::Profile> under = profile ? profile_of(profile) : s->profile;
    *out = new zn_diagnostics{zhinan::validate(s->value, under ? *under : zhinan::Profile::builtin(),
                                               mode == ZN_MODE_DRAFT ? zhinan::Mode::draft : zhinan::Mode::submit)};
    return ZN_OK;
  });
}

size_t zn_rule_count(void) {
  return guard_value<std::size_t>(__func__, 0, [] { return zhinan::rule_registry().size(); });
}

const char* zn_rule_id(size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::RuleInfo* r = rule_at(i);
    return r ? r->id.data() : nullptr;  // the registry's literals are NUL-terminated
  });
}

int zn_rule_severity(size_t i) {
  return guard_value<int>(__func__, -1, [&] {
    const zhinan::RuleInfo* r = rule_at(i);
    return r ? c_severity(r->severity) : -1;
  });
}

const char* zn_rule_field(size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::RuleInfo* r = rule_at(i);
    return r ? r->field_zh.data() : nullptr;
  });
}

const char* zn_rule_message_zh(size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::RuleInfo* r = rule_at(i);
    return r ? r->template_zh.data() : nullptr;
  });
}

const char* zn_rule_message_en(size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::RuleInfo* r = rule_at(i);
    return r ? r->template_en.data() : nullptr;
  });
}

}  // extern "C"

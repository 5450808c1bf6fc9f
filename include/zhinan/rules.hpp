// The call's rules for one suggestion: each finding names the rule (SPEC.md's id), the
// field (JSON pointer) and what to do, in Chinese and English.
#pragma once

#include <span>
#include <string_view>

#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan {

// draft: a unit still filling the form, every `*missing` rule is a warning.
// submit: the department's check before packaging (the default).
enum class Mode { draft, submit };

std::string_view to_string(Mode mode);
std::optional<Mode> parse_mode(std::string_view name);

// One rule of the registry: its id, default severity and what it checks, in both languages.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view field_zh;     // the form's own name of the field: 项目概述, 联系电话 …
  std::string_view template_zh;  // the message, with {parameters}
  std::string_view template_en;
};

// Every rule, in the order findings are reported (the order of the form and the outline).
std::span<const RuleInfo> rule_registry();
const RuleInfo* find_rule(std::string_view id);

// The severity a rule has under a profile and mode: the profile's override, then draft
// mode's leniency for what is merely missing.
Severity effective_severity(const RuleInfo& rule, const Profile& profile, Mode mode);

// Every single-suggestion rule. Findings come in a fixed order: by the form's fields, and
// within a list by item.
Diagnostics validate(const Suggestion& suggestion, const Profile& profile = Profile::builtin(),
                     Mode mode = Mode::submit);

}  // namespace zhinan

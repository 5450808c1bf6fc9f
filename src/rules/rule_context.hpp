// What the rule checks share while they run over one suggestion (internal).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/finding_cap.hpp"
#include "zhinan/rules.hpp"

namespace zhinan::detail {

using Params = std::vector<std::pair<std::string, std::string>>;

class RuleContext {
 public:
  // One suggestion's checks list at most `max_per_id` findings of one id (validate() caps
  // them at FindingCap::kPerId); batch checks, whose findings each name another file, all.
  RuleContext(const Profile& profile, Mode mode, std::size_t max_per_id = FindingCap::kNone)
      : profile_(profile), mode_(mode), cap_(max_per_id) {}

  // Records a finding of rule `id` at `path`, its messages rendered from the registry's
  // templates with `params`; no more severe than `at_most` when given (a 原则上 limit whose
  // exception the department accepts).
  void report(std::string_view id, std::string path, Params params = {},
              std::optional<Severity> at_most = std::nullopt);

  const Profile& profile() const { return profile_; }
  // The findings; past the cap of one id, one more that counts the rest.
  Diagnostics take();

 private:
  const Profile& profile_;
  Mode mode_;
  Diagnostics diagnostics_;
  FindingCap cap_;
};

// Replaces each {name} in `text` with its parameter's value, and each {name|one|many} with
// `one` when that value is 1, else `many` (English nouns: "1 error", "2 errors").
std::string render(std::string_view text, const Params& params);

// The checks, by part of the form (rules_form.cpp, rules_key_tech.cpp, rules_report.cpp).
void check_form(const Suggestion& s, RuleContext& ctx);
void check_key_technologies(const Suggestion& s, RuleContext& ctx);
void check_funding_and_source(const Suggestion& s, RuleContext& ctx);
void check_report(const Suggestion& s, RuleContext& ctx);
void check_region_consistency(const Suggestion& s, RuleContext& ctx);

// Empty or only white space: what a clerk would call not filled in.
bool is_blank(std::string_view text);

// "新能源、高端装备" and "new_energy, high_end_equipment" lists of a profile's choices, for messages.
template <typename Choices>
std::string labels_of(const Choices& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "" : "、") + c.label;
  return out;
}
template <typename Choices>
std::string codes_of(const Choices& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "" : ", ") + c.code;
  return out;
}

}  // namespace zhinan::detail

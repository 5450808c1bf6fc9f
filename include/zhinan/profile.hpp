// The call profile (zhinan.profile/1): the year's rules as data — regions, industries,
// project types, the readiness scale, limits, thresholds and names. The 2025 Shandong
// call is built in; another year's call is a file.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/count_mode.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"

namespace zhinan {

// A box on the form: a stable ASCII code, the label printed beside it, other spellings.
struct Choice {
  std::string code;
  std::string label;
  std::vector<std::string> aliases;
  bool matches(std::string_view text) const;  // code, label or an alias, exactly
};

// 产业领域.
struct IndustryField : Choice {
  bool requires_text = false;  // 其他: ____
};

// 合作国别、地区; the label is also the package folder name.
struct Region : Choice {
  std::string folder;
  std::vector<std::string> focus_industries;  // codes named in section 二
  bool any_country = false;                   // multilateral: any foreign partners
  std::vector<std::string> countries;         // ISO 3166-1 alpha-2, sorted
  int min_partner_countries = 1;
  bool requires_bring_in = false;
  std::string countries_note;
  bool has_focus(std::string_view industry_code) const;
  bool has_country(std::string_view iso_code) const;
};

// One level of the readiness scale (附件2).
struct TrlLevelDefinition {
  int level = 0;
  std::string name;       // 报告级 …
  std::string criterion;  // 评价标准
  std::vector<std::string> evidence;  // 举证要素/技术凭证
};

// 技术成熟度等级划分: consecutive levels from 1.
class TrlScale {
 public:
  TrlScale() = default;
  explicit TrlScale(std::vector<TrlLevelDefinition> levels) : levels_(std::move(levels)) {}
  const std::vector<TrlLevelDefinition>& levels() const { return levels_; }
  int lowest() const { return levels_.empty() ? 0 : levels_.front().level; }
  int highest() const { return levels_.empty() ? 0 : levels_.back().level; }
  bool contains(TrlLevel level) const { return level.value >= lowest() && level.value <= highest(); }
  const TrlLevelDefinition* find(TrlLevel level) const;

 private:
  std::vector<TrlLevelDefinition> levels_;
};

struct Limits {
  int key_technologies_max = 5;  // 三(一): 原则上不超过5项
  // 原则上 (in principle): more is possible when the 说明报告 gives the reason. When a
  // department accepts that (the CLI's --allow-more-key-tech, or a profile's own
  // limits.allow_more_key_technologies), more than key_technologies_max is a warning that
  // asks for the reason, not an error.
  bool allow_more_key_technologies = false;
  int overview_max = 1000;       // 项目概述 1000 字以内
  CountMode overview_count_mode = CountMode::word;
  int funding_max_decimals = 2;
  // A suggestion file larger than this is refused unread (format.too_large): a real one
  // is a few hundred kilobytes, and reading costs about ten times the file in memory.
  std::size_t max_suggestion_bytes = 4 * 1024 * 1024;
};

// China's telephone numbering plan as far as a contact number needs it (联系电话).
struct PhonePlan {
  std::vector<std::string> mobile_prefixes;       // allocated 3-digit prefixes, "130" …
  std::vector<std::string> two_digit_area_codes;  // after the trunk 0: "10", "20" … "29"
  std::string three_digit_area_code_leads;        // first digits of 0XXX area codes: "3456789"
  std::vector<int> local_number_lengths;          // 7, 8
  std::string local_number_leads;                 // a local number never starts with 0 or 1
  std::vector<std::string> service_prefixes;      // "400", "800"
  int service_number_length = 10;
};

struct SimilarityThresholds {
  double batch_similar = 0.5;
  double batch_duplicate = 0.9;
  double history_similar_funded = 0.5;
};

struct PackageSettings {
  std::string file_name_pattern;  // "{number}.{title}-{unit}"
  std::string summary_table_title;
};

class Profile;
struct ProfileLoadResult {
  std::shared_ptr<const Profile> profile;  // empty when the profile was refused
  Diagnostics diagnostics;                 // profile.invalid / format.* with their place
};

class Profile {
 public:
  // The 2025 Shandong profile compiled into the library.
  static const Profile& builtin();
  static std::shared_ptr<const Profile> builtin_shared();
  static ProfileLoadResult from_json(std::string_view json);
  static ProfileLoadResult from_file(const std::filesystem::path& path);

  const std::string& id() const { return id_; }
  const std::string& name_zh() const { return name_zh_; }
  const std::string& name_en() const { return name_en_; }
  const std::vector<IndustryField>& industries() const { return industries_; }
  const std::vector<Region>& regions() const { return regions_; }
  const std::vector<Choice>& project_types() const { return project_types_; }
  const std::vector<Choice>& bring_in_subtypes() const { return bring_in_subtypes_; }
  const TrlScale& trl_scale() const { return trl_scale_; }
  const Limits& limits() const { return limits_; }
  const PhonePlan& phone_plan() const { return phone_plan_; }
  const SimilarityThresholds& similarity() const { return similarity_; }
  const PackageSettings& package() const { return package_; }
  // A rule whose severity this call changes (e.g. 原则上 limits as warnings).
  std::optional<Severity> severity_override(std::string_view rule_id) const;
  // This profile with other limits: what one run decides on top of the call's data (the
  // CLI's --allow-more-key-tech). Everything else is the same.
  Profile with_limits(const Limits& limits) const;

  // Look-ups by code, label or alias; nullptr when nothing matches.
  const IndustryField* find_industry(std::string_view text) const;
  const Region* find_region(std::string_view text) const;
  const Choice* find_project_type(std::string_view text) const;
  const Choice* find_bring_in_subtype(std::string_view text) const;

 private:
  friend class ProfileReader;
  std::string id_, name_zh_, name_en_;
  std::vector<IndustryField> industries_;
  std::vector<Region> regions_;
  std::vector<Choice> project_types_;
  std::vector<Choice> bring_in_subtypes_;
  TrlScale trl_scale_;
  Limits limits_;
  PhonePlan phone_plan_;
  SimilarityThresholds similarity_;
  PackageSettings package_;
  std::map<std::string, Severity, std::less<>> severity_overrides_;
};

}  // namespace zhinan

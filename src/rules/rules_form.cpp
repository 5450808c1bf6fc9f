// 信息表, top half: 项目名称, 产业领域, 合作国别、地区, 项目类型, 项目概述.
#include "rules/rule_context.hpp"
#include "zhinan/count.hpp"

namespace zhinan::detail {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "、") + i;
  return out;
}

// 产业领域 and 合作国别、地区: exactly one box, one the profile knows ("仅选择一个").
template <typename Choices, typename Find>
void check_single_choice(RuleContext& ctx, std::string_view rule, const std::string& path,
                         const std::vector<std::string>& ticked, const Choices& all, Find find) {
  const Params allowed = {{"allowed", labels_of(all)}, {"allowed_codes", codes_of(all)}};
  if (ticked.empty()) {
    ctx.report(std::string(rule) + ".missing", path, allowed);
    return;
  }
  if (ticked.size() > 1) {
    std::vector<std::string> named;
    for (const auto& t : ticked) named.push_back(find(t) ? find(t)->label : t);
    ctx.report(std::string(rule) + ".multiple", path,
               {{"count", std::to_string(ticked.size())}, {"value", joined(named)}});
    return;
  }
  if (!find(ticked.front())) {
    Params p = allowed;
    p.emplace_back("value", ticked.front());
    ctx.report(std::string(rule) + ".unknown", path, p);
  }
}

std::string subtype_labels(const RuleContext& ctx, const ProjectType& t) {
  std::vector<std::string> named;
  for (const auto& code : t.bring_in_subtypes) {
    const Choice* c = ctx.profile().find_bring_in_subtype(code);
    named.push_back(c ? c->label : code);
  }
  return joined(named);
}

void check_project_type(const Suggestion& s, RuleContext& ctx) {
  const ProjectType& t = s.project_type;
  const auto& subtypes = ctx.profile().bring_in_subtypes();
  const std::string path = "/project_type/bring_in_subtypes";
  if (!t.bring_in && !t.go_global) ctx.report("type.none", "/project_type");
  for (std::size_t i = 0; i < t.bring_in_subtypes.size(); ++i)
    if (!ctx.profile().find_bring_in_subtype(t.bring_in_subtypes[i]))
      ctx.report("type.subtype_unknown", path + "/" + std::to_string(i),
                 {{"value", t.bring_in_subtypes[i]}, {"allowed", labels_of(subtypes)},
                  {"allowed_codes", codes_of(subtypes)}});
  if (t.bring_in && t.bring_in_subtypes.empty())
    ctx.report("type.bring_in_subtype_missing", path,
               {{"allowed", labels_of(subtypes)}, {"allowed_codes", codes_of(subtypes)}});
  if (t.bring_in && t.bring_in_subtypes.size() > 1)
    ctx.report("type.bring_in_subtype_multiple", path,
               {{"count", std::to_string(t.bring_in_subtypes.size())}, {"value", subtype_labels(ctx, t)}});
  if (!t.bring_in && !t.bring_in_subtypes.empty())
    ctx.report("type.subtype_without_bring_in", path, {{"value", subtype_labels(ctx, t)}});
}

void check_overview(const Suggestion& s, RuleContext& ctx) {
  if (is_blank(s.overview)) {
    ctx.report("overview.missing", "/overview");
    return;
  }
  const Limits& limits = ctx.profile().limits();
  const std::size_t count = count_text(s.overview, limits.overview_count_mode);
  if (count > static_cast<std::size_t>(limits.overview_max))
    ctx.report("overview.too_long", "/overview",
               {{"limit", std::to_string(limits.overview_max)}, {"count", std::to_string(count)},
                {"mode", std::string(to_string(limits.overview_count_mode))}});
}

}  // namespace

// The full-width space U+3000 of Chinese input methods and U+00A0 blank a field too.
bool is_blank(std::string_view text) {
  while (!text.empty()) {
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n') text.remove_prefix(1);
    else if (text.starts_with("\u3000")) text.remove_prefix(3);
    else if (text.starts_with("\u00A0")) text.remove_prefix(2);
    else return false;
  }
  return true;
}

void check_form(const Suggestion& s, RuleContext& ctx) {
  const Profile& profile = ctx.profile();
  if (is_blank(s.title)) ctx.report("title.missing", "/title");
  check_single_choice(ctx, "industry", "/industry", s.industry, profile.industries(),
                      [&](std::string_view c) { return profile.find_industry(c); });
  if (s.industry.size() == 1) {
    const IndustryField* f = profile.find_industry(s.industry.front());
    if (f && f->requires_text && is_blank(s.industry_other))
      ctx.report("industry.other_text_missing", "/industry_other");
  }
  check_single_choice(ctx, "region", "/region", s.region, profile.regions(),
                      [&](std::string_view c) { return profile.find_region(c); });
  check_project_type(s, ctx);
  check_overview(s, ctx);
}

}  // namespace zhinan::detail

// Consistency with the region's focus list and countries (二, 重点合作国别（地区）和领域).
#include <set>

#include "rules/rule_context.hpp"

namespace zhinan::detail {
namespace {

// 外方合作单位: each named, with its country or region, or it cannot be checked.
void check_partners_complete(const Suggestion& s, RuleContext& ctx) {
  for (std::size_t i = 0; i < s.partners.size(); ++i) {
    const bool no_name = is_blank(s.partners[i].name), no_country = is_blank(s.partners[i].country);
    if (!no_name && !no_country) continue;
    ctx.report("partners.incomplete", "/partners/" + std::to_string(i) + (no_name ? "/name" : "/country"),
               {{"index", std::to_string(i + 1)},
                {"fields", no_name && no_country ? "名称和国家或地区" : no_name ? "名称" : "国家或地区"},
                {"fields_en", no_name && no_country ? "name and no country or region"
                              : no_name             ? "name"
                                                    : "country or region"}});
  }
}

}  // namespace

void check_region_consistency(const Suggestion& s, RuleContext& ctx) {
  check_partners_complete(s, ctx);
  if (s.region.size() != 1) return;
  const Region* region = ctx.profile().find_region(s.region.front());
  if (!region) return;
  const Params named = {{"region", region->label}};

  if (s.industry.size() == 1) {
    const IndustryField* industry = ctx.profile().find_industry(s.industry.front());
    if (industry && !region->has_focus(industry->code)) {
      std::string focus, focus_codes;
      for (const auto& code : region->focus_industries) {
        const IndustryField* f = ctx.profile().find_industry(code);
        focus += (focus.empty() ? "" : "、") + (f ? f->label : code);
        focus_codes += (focus_codes.empty() ? "" : ", ") + code;
      }
      ctx.report("region.industry_outside_focus", "/industry",
                 {{"industry", industry->label}, {"region", region->label}, {"focus", focus},
                  {"focus_codes", focus_codes}});
    }
  }

  std::set<std::string> countries;  // foreign ones: CN itself never counts as a partner
  bool domestic = false;            // a partner given in China: no foreign partner, not none
  for (const auto& p : s.partners) {
    std::string code = p.country;  // "ru" is RU: ISO codes are capitals, clerks may not type them so
    for (char& c : code) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (code == "CN") domestic = true;
    else if (!code.empty()) countries.insert(code);
  }
  // Partners that are all in China are a mismatch for every region (the call asks for
  // foreign partners), not "no partner given".
  if (countries.empty() && domestic) {
    Params p = named;
    p.emplace_back("countries", "CN");
    ctx.report("region.partner_mismatch", "/partners", p);
  } else if (!countries.empty() && !region->any_country) {
    bool any_in_region = false;
    std::string listed;
    for (const auto& c : countries) {
      any_in_region = any_in_region || region->has_country(c);
      listed += (listed.empty() ? "" : "、") + c;
    }
    if (!any_in_region) {
      Params p = named;
      p.emplace_back("countries", listed);
      ctx.report("region.partner_mismatch", "/partners", p);
    }
  }
  if (region->min_partner_countries > 1 && countries.size() < static_cast<std::size_t>(region->min_partner_countries)) {
    Params p = named;
    p.emplace_back("limit", std::to_string(region->min_partner_countries));
    p.emplace_back("count", std::to_string(countries.size()));
    ctx.report("region.multilateral_single_partner", "/partners", p);
  }
  if (region->requires_bring_in && !s.project_type.bring_in)
    ctx.report("region.leaders_not_bring_in", "/project_type/bring_in", named);
}

}  // namespace zhinan::detail

// 关键科学问题及技术清单 and 技术成熟度等级 (三(一), 附件2).
#include <algorithm>
#include <map>

#include "rules/rule_context.hpp"

namespace zhinan::detail {
namespace {

struct Which {
  const char* key;
  const char* zh;
  const char* en;
};
constexpr Which kCurrent{"trl_current", "当前自评等级", "current"};
constexpr Which kExpected{"trl_expected", "实施预期等级", "expected"};

// A level that is given and on the scale; otherwise reports why not.
bool check_level(RuleContext& ctx, const std::string& item, const Params& base,
                 const std::optional<TrlLevel>& level, const Which& which) {
  Params p = base;
  p.emplace_back("which", which.zh);
  p.emplace_back("which_en", which.en);
  if (!level) {
    ctx.report("key_tech.trl_missing", item + "/" + which.key, p);
    return false;
  }
  const TrlScale& scale = ctx.profile().trl_scale();
  if (!scale.contains(*level)) {
    p.emplace_back("value", std::to_string(level->value));
    p.emplace_back("lowest", std::to_string(scale.lowest()));
    p.emplace_back("highest", std::to_string(scale.highest()));
    ctx.report("key_tech.trl_out_of_range", item + "/" + which.key, p);
    return false;
  }
  return true;
}

void check_levels(RuleContext& ctx, const std::string& item, const Params& base, const KeyTechnology& k) {
  const bool current_ok = check_level(ctx, item, base, k.trl.current, kCurrent);
  const bool expected_ok = check_level(ctx, item, base, k.trl.expected, kExpected);
  if (current_ok && expected_ok) {
    Params p = base;
    p.emplace_back("current", std::to_string(k.trl.current->value));
    p.emplace_back("expected", std::to_string(k.trl.expected->value));
    if (*k.trl.expected < *k.trl.current) ctx.report("key_tech.trl_regress", item + "/trl_expected", p);
    else if (*k.trl.expected == *k.trl.current) ctx.report("key_tech.trl_flat", item + "/trl_expected", p);
  }
  // An item that names nothing (`evidence: [{}]`, a row left blank) is no evidence.
  const bool any_evidence = std::any_of(k.trl.evidence.begin(), k.trl.evidence.end(), [](const Evidence& e) {
    return !is_blank(e.kind) || !is_blank(e.title) || !is_blank(e.reference);
  });
  if (current_ok && !any_evidence) {
    const TrlLevelDefinition* level = ctx.profile().trl_scale().find(*k.trl.current);
    std::string kinds;
    for (const auto& e : level->evidence) kinds += (kinds.empty() ? "" : "、") + e;
    Params p = base;
    p.emplace_back("current", std::to_string(k.trl.current->value));
    p.emplace_back("level_name", level->name);
    p.emplace_back("evidence_kinds", kinds);
    ctx.report("key_tech.evidence_missing", item + "/evidence", p);
  }
}

// Names compare without their white space: "氢能 储运" and "氢能储运" are one name. (Full
// folding, Traditional to Simplified, is for comparing different units' texts; within one
// form it would cost more than every other rule together.)
std::string name_key(std::string_view name) {
  std::string key;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == ' ' || name[i] == '\t') continue;
    if (name.substr(i, 3) == "\u3000") {  // ideographic space
      i += 2;
      continue;
    }
    key += name[i];
  }
  return key;
}

}  // namespace

void check_key_technologies(const Suggestion& s, RuleContext& ctx) {
  const auto& items = s.key_technologies;
  if (items.empty()) {
    ctx.report("key_tech.missing", "/key_technologies");
    return;
  }
  // 原则上不超过5项: an error, unless the department accepts the unit's reasons for more;
  // then a warning that the 说明报告 must give them.
  const Limits& limits = ctx.profile().limits();
  const int limit = limits.key_technologies_max;
  if (items.size() > static_cast<std::size_t>(limit)) {
    const std::string n = std::to_string(limit);
    Params p{{"limit", n}, {"count", std::to_string(items.size())}};
    if (limits.allow_more_key_technologies) {
      p.emplace_back("advice", "已按例外接受：须在说明报告中说明超过" + n + "项的理由");
      p.emplace_back("advice_en", "accepted as an exception: the 说明报告 (explanatory report) must give the reason "
                                  "for more than " + n);
      ctx.report("key_tech.too_many", "/key_technologies", std::move(p), Severity::warning);
    } else {
      p.emplace_back("advice", "请合并或删减；确有必要超过的，须在说明报告中说明理由，并由主管部门确认");
      p.emplace_back("advice_en", "merge or remove some; where more are really needed, the 说明报告 must give the "
                                  "reason and the department must accept it");
      ctx.report("key_tech.too_many", "/key_technologies", std::move(p));
    }
  }
  std::map<std::string, std::size_t> first_with_name;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = "/key_technologies/" + std::to_string(i);
    const Params base = {{"index", std::to_string(i + 1)}};
    if (is_blank(items[i].name)) {
      ctx.report("key_tech.name_missing", item + "/name", base);
    } else if (auto [it, fresh] = first_with_name.emplace(name_key(items[i].name), i); !fresh) {
      Params p = base;
      p.emplace_back("other", std::to_string(it->second + 1));
      p.emplace_back("name", items[i].name);
      ctx.report("key_tech.name_duplicate", item + "/name", p);
    }
    check_levels(ctx, item, base, items[i]);
  }
}

}  // namespace zhinan::detail

// 项目实施投入计划 (万元), 项目指南建议来源 and 主管部门.
#include "model/json_text.hpp"
#include "rules/rule_context.hpp"
#include "zhinan/phone.hpp"

namespace zhinan::detail {
namespace {

// A literal of a million digits is quoted by its first and last digits.
std::string shown(const std::string& literal) { return abbreviated(literal, 40); }

struct AmountField {
  const char* key;
  const char* zh;
  const char* en;
};
constexpr AmountField kTotal{"total", "项目计划总投入", "planned total investment"};
constexpr AmountField kProvincial{"provincial", "省财政资金支持强度建议", "suggested provincial funding"};

// The amount when it is one; reports missing, invalid and too precise amounts.
std::optional<Money> check_amount(RuleContext& ctx, const std::optional<DecimalText>& text,
                                  const AmountField& field, bool must_be_positive) {
  const std::string path = std::string("/funding/") + field.key;
  const std::string rule = std::string("funding.") + field.key;
  if (!text || is_blank(text->literal)) {
    ctx.report(rule + "_missing", path);
    return std::nullopt;
  }
  Money::Problem problem = Money::Problem::not_a_number;
  std::optional<Money> money = text->money(&problem);
  if (!money || money->is_negative() || (must_be_positive && !money->is_positive())) {
    // A number no amount can hold (1e400, 1e-400, 26 digits) says so, rather than "not positive".
    const char* zh = must_be_positive ? "不是大于0的金额（单位为万元，如 1200 或 1200.5）"
                                      : "不是有效金额（单位为万元，不能为负数）";
    const char* en = must_be_positive ? "is not a positive amount in 10k yuan (like 1200 or 1200.5)"
                                      : "is not an amount in 10k yuan, or is negative";
    if (!money && problem == Money::Problem::too_large) {
      zh = "：金额超出可表示的范围（大于10¹²万元）";
      en = "is out of the range an amount can hold (more than 10^12 of 10k yuan)";
    } else if (!money && problem == Money::Problem::too_fine) {
      zh = "：金额超出可表示的范围（有不足1分即0.000001万元的位数）";
      en = "is out of the range an amount can hold (it has digits below one fen, 0.000001 of 10k yuan)";
    }
    ctx.report(rule + "_invalid", path,
               {{"value", shown(text->literal)}, {"reason", zh}, {"reason_en", en}});
    return std::nullopt;
  }
  const int max_decimals = ctx.profile().limits().funding_max_decimals;
  if (money->decimals() > max_decimals)
    ctx.report("funding.precision", path,
               {{"field", field.zh}, {"field_en", field.en}, {"value", shown(text->literal)},
                {"limit", std::to_string(max_decimals)}});
  return money;
}

void require(RuleContext& ctx, const std::string& value, std::string_view rule, std::string path) {
  if (is_blank(value)) ctx.report(rule, std::move(path));
}

}  // namespace

void check_funding_and_source(const Suggestion& s, RuleContext& ctx) {
  std::optional<Money> total = check_amount(ctx, s.funding.total, kTotal, true);
  std::optional<Money> provincial = check_amount(ctx, s.funding.provincial, kProvincial, false);
  if (total && provincial && *provincial > *total)
    ctx.report("funding.provincial_exceeds_total", "/funding/provincial",
               {{"provincial", provincial->to_string()}, {"total", total->to_string()}});

  require(ctx, s.source.unit, "source.unit_missing", "/source/unit");
  require(ctx, s.source.proposer, "source.proposer_missing", "/source/proposer");
  require(ctx, s.source.position, "source.position_missing", "/source/position");
  if (is_blank(s.source.phone)) ctx.report("source.phone_missing", "/source/phone");
  else if (!parse_phone(s.source.phone, ctx.profile().phone_plan()))
    ctx.report("source.phone_invalid", "/source/phone", {{"value", s.source.phone}});
  require(ctx, s.department, "department.missing", "/department");
}

}  // namespace zhinan::detail

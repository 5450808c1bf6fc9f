#include "office/summary_table_layout.hpp"

#include <cstdio>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "base/utf8.hpp"

namespace zhinan::detail {
namespace {

constexpr std::string_view kUnknownRegionLabel = "未明确合作国别、地区";

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string count_suffix(std::size_t count) { return "（" + std::to_string(count) + "项）"; }

// 产业领域 as its label; 其他 with the unit's text after it (其他：文化遗产保护).
std::string industry_text(const Suggestion& s, const Profile& profile) {
  std::vector<std::string> parts;
  for (const auto& code : s.industry) {
    const IndustryField* field = profile.find_industry(code);
    if (!field) {
      parts.push_back(code);
    } else if (field->requires_text && !s.industry_other.empty()) {
      parts.push_back(field->label + "：" + s.industry_other);
    } else {
      parts.push_back(field->label);
    }
  }
  return join(parts, "、");
}

std::string choice_label(const Choice* choice, std::string_view fallback) {
  return choice ? choice->label : std::string(fallback);
}

// 项目类型 as the form reads: “引进来”（“卡脖子”技术）；“走出去”；依托国际创新合作平台.
std::string project_type_text(const ProjectType& type, const Profile& profile) {
  std::vector<std::string> parts;
  if (type.bring_in) {
    std::string text = choice_label(profile.find_project_type("bring_in"), "“引进来”");
    std::vector<std::string> subtypes;
    for (const auto& code : type.bring_in_subtypes)
      subtypes.push_back(choice_label(profile.find_bring_in_subtype(code), code));
    if (!subtypes.empty()) text += "（" + join(subtypes, "、") + "）";
    parts.push_back(std::move(text));
  }
  if (type.go_global)
    parts.push_back(choice_label(profile.find_project_type("go_global"), "“走出去”"));
  if (type.platform)
    parts.push_back(choice_label(profile.find_project_type("platform"), "依托国际创新合作平台"));
  if (type.major_event)
    parts.push_back(choice_label(profile.find_project_type("major_event"), "重大活动签约"));
  return join(parts, "；");
}

SummaryAmount amount(const std::optional<DecimalText>& value) {
  if (!value) return {};
  if (auto money = value->money()) return {money, {}};
  return {std::nullopt, value->literal};
}

// The profile's index of the suggestion's one region, or regions().size() when it has
// none, several, or one the profile does not know.
std::size_t region_index(const Suggestion& s, const Profile& profile) {
  const auto& regions = profile.regions();
  if (s.region.size() == 1) {
    if (const Region* region = profile.find_region(s.region.front()))
      return static_cast<std::size_t>(region - regions.data());
  }
  return regions.size();
}

SummaryLine line_for(const SummaryRow& row, const Profile& profile, std::size_t region) {
  const Suggestion& s = *row.suggestion;
  SummaryLine line;
  line.number = row.number;
  line.region =
      region < profile.regions().size() ? profile.regions()[region].label : join(s.region, "、");
  line.title = s.title;
  line.unit = s.source.unit;
  line.proposer = s.source.proposer;
  line.position = s.source.position;
  line.phone = s.source.phone;
  line.industry = industry_text(s, profile);
  line.project_type = project_type_text(s.project_type, profile);
  line.total = amount(s.funding.total);
  line.provincial = amount(s.funding.provincial);
  line.key_technologies = static_cast<int>(s.key_technologies.size());
  return line;
}

}  // namespace

std::string summary_package_note(const SummaryHeader& header) {
  if (header.package_name.empty()) return {};
  std::string size = std::to_string(header.package_size);
  for (std::size_t i = size.size(); i > 3; i -= 3) size.insert(i - 3, ",");
  char crc[9];
  std::snprintf(crc, sizeof crc, "%08X", static_cast<unsigned>(header.package_crc32));
  const std::string numbers = header.numbered_across_package
                                  ? "序号即压缩包中文件名的顺序号，全包统一连续编号。"
                                  : "序号即压缩包中文件名的顺序号，按通知四（二）在每个合作国别、地区文件夹内从1编起。";
  return std::string(kPackageNoteStart) + numbers + "本表与压缩包“" + header.package_name + "”（" + size +
         std::string(kPackageNoteSizeThenCrc) + crc + "）同时生成，须与该压缩包一并报送。";
}

std::array<SummaryHeaderField, 4> summary_header_fields(const SummaryHeader& header) {
  return {{{"主管部门（盖章）", header.department},
           {"联系人", header.contact},
           {"联系电话", header.phone},
           {"填报日期", header.date}}};
}

std::string SummaryGroup::heading() const { return label + count_suffix(lines.size()); }

std::string SummaryTotals::label() const {
  return "合计" + count_suffix(static_cast<std::size_t>(count));
}

SummaryLayout lay_out_summary(std::span<const SummaryRow> rows, const Profile& profile) {
  const std::size_t region_count = profile.regions().size();
  std::vector<std::vector<SummaryLine>> by_region(region_count + 1);
  SummaryLayout layout;
  layout.title = profile.package().summary_table_title;
  for (const SummaryRow& row : rows) {
    if (!row.suggestion) throw std::invalid_argument("summary table: a row without a suggestion");
    std::size_t region = region_index(*row.suggestion, profile);
    SummaryLine line = line_for(row, profile, region);
    SummaryTotals& totals = layout.totals;
    ++totals.count;
    if (line.total.money) totals.total = totals.total + *line.total.money;
    if (line.provincial.money) totals.provincial = totals.provincial + *line.provincial.money;
    totals.key_technologies += line.key_technologies;
    by_region[region].push_back(std::move(line));
  }
  for (std::size_t i = 0; i <= region_count; ++i) {
    auto& lines = by_region[i];
    if (lines.empty()) continue;
    std::stable_sort(lines.begin(), lines.end(), [](const SummaryLine& a, const SummaryLine& b) {
      return a.number < b.number;
    });
    std::string label =
        i < region_count ? profile.regions()[i].label : std::string(kUnknownRegionLabel);
    layout.groups.push_back({std::move(label), i < region_count, std::move(lines)});
  }
  return layout;
}

std::string format_amount(Money amount, int min_decimals, bool group_thousands) {
  std::int64_t units = amount.units();
  const bool negative = units < 0;
  if (negative) units = -units;  // |units| ≤ 10^18, Money's own bound
  std::string whole = std::to_string(units / Money::kScale);
  if (group_thousands) {
    for (std::size_t i = whole.size(); i > 3; i -= 3) whole.insert(i - 3, ",");
  }
  std::string fraction = std::to_string(units % Money::kScale);
  fraction.insert(0, static_cast<std::size_t>(Money::kScaleDigits) - fraction.size(), '0');
  int decimals = std::clamp(std::max(min_decimals, amount.decimals()), 0, Money::kScaleDigits);
  fraction.resize(static_cast<std::size_t>(decimals));  // the cut digits are zeros
  std::string out = negative ? "-" : "";
  out += whole;
  if (decimals > 0) out += "." + fraction;
  return out;
}

double amount_to_double(Money amount) {
  // From the exact decimal text, locale-independently: the nearest double, once.
  const std::string text = amount.to_string();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string excel_cell_text(std::string_view utf8) {
  std::size_t pos = 0, characters = 0;
  while (pos < utf8.size() && characters < kExcelCellCharacters - 1) {
    decode_utf8(utf8, pos);
    ++characters;
  }
  if (pos >= utf8.size()) return std::string(utf8);
  std::size_t rest = pos;  // exactly the limit: it still fits
  if (decode_utf8(utf8, rest); rest >= utf8.size()) return std::string(utf8);
  return std::string(utf8.substr(0, pos)) + "…";
}

}  // namespace zhinan::detail

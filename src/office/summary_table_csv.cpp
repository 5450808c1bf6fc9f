// 附件3 as CSV: what Excel and WPS open right by double-click in a Chinese locale.
#include <string>
#include <vector>

#include "office/summary_table_layout.hpp"

namespace zhinan {
namespace {

using detail::SummaryAmount;

constexpr std::string_view kBom = "\xEF\xBB\xBF";  // without it Excel reads the bytes as GBK
constexpr std::string_view kLineEnd = "\r\n";

// Text a spreadsheet would evaluate (=HYPERLINK(…), +86…, -1+1, @SUM) is kept as text.
std::string defuse(std::string text) {
  if (!text.empty() &&
      (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@'))
    text.insert(0, "'");
  return text;
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, fields[i]);
  }
  out += kLineEnd;
}

std::string amount_field(const SummaryAmount& amount) {
  return amount.money ? detail::format_amount(*amount.money) : defuse(amount.text);
}

}  // namespace

std::string summary_csv(std::span<const SummaryRow> rows, const SummaryHeader& header,
                        const Profile& profile) {
  const detail::SummaryLayout layout = detail::lay_out_summary(rows, profile);
  std::string out(kBom);
  append_record(out, {defuse(layout.title)});
  for (const auto& field : detail::summary_header_fields(header))
    append_record(out, {std::string(field.label), defuse(field.value)});
  append_record(out, {detail::kSummaryColumns.begin(), detail::kSummaryColumns.end()});
  for (const auto& group : layout.groups) {
    for (const auto& line : group.lines) {
      append_record(
          out, {std::to_string(line.number), defuse(line.region), defuse(line.title),
                defuse(line.unit), defuse(line.proposer), defuse(line.position), defuse(line.phone),
                defuse(line.industry), defuse(line.project_type), amount_field(line.total),
                amount_field(line.provincial), std::to_string(line.key_technologies), ""});
    }
  }
  const auto& totals = layout.totals;
  std::vector<std::string> last(detail::kSummaryColumns.size());
  last[detail::kColNumber] = totals.label();
  last[detail::kColTotal] = detail::format_amount(totals.total);
  last[detail::kColProvincial] = detail::format_amount(totals.provincial);
  last[detail::kColKeyTech] = std::to_string(totals.key_technologies);
  append_record(out, last);
  // The note as a full-width record like the rows above it, for readers that index columns.
  if (std::string note = detail::summary_package_note(header); !note.empty()) {
    std::vector<std::string> line(detail::kSummaryColumns.size());
    line[0] = std::move(note);
    append_record(out, line);
  }
  return out;
}

}  // namespace zhinan

// The audit as one HTML page a clerk opens in any browser and prints on A4: the overview
// of packages × regions, each package's findings, then the duplicate pairs side by side.
// Everything is inline (no script, no font, no image to fetch); colours come with their
// words, so the page reads the same printed in black and white.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "audit/audit_html_diff.hpp"
#include "audit/audit_reports.hpp"
#include "zhinan/version.hpp"

namespace zhinan::detail {
namespace {

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 15mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       "SimSun", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; background: #fff; }
body { max-width: 1120px; margin: 0 auto; padding: 16px 20px; }
h1 { font-size: 19pt; margin: 0 0 6px; }
h2 { font-size: 14pt; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #555; }
h3 { font-size: 11.5pt; margin: 16px 0 6px; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.part { break-before: page; page-break-before: always; }
.en { color: #666; font-size: 88%; font-weight: normal; }
.summary { font-size: 11.5pt; margin: 4px 0 12px; }
.notice { border: 2px solid #a33; padding: 6px 10px; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
th, td { border: 1px solid #999; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #ececec; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.zero { color: #999; }
.wrap { overflow-wrap: anywhere; }
.findings-table { table-layout: fixed; }
.overview-table .wrap { overflow-wrap: break-word; min-width: 6em; }
.region { text-align: center; min-width: 4.5em; }
th.num { white-space: normal; text-align: center; }
tfoot td { font-weight: bold; background: #f6f6f6; }
.status { text-align: center; font-weight: bold; white-space: nowrap; }
.pass { background: #d8f0dc; color: #14532d; }
.warn { background: #fff1c2; color: #6b4e00; }
.fail { background: #f9d6d5; color: #7f1d1d; }
.sev { display: inline-block; padding: 0 4px; border: 1px solid; border-radius: 3px; font-weight: bold;
       white-space: nowrap; }
.sev.error { color: #9b1c1c; } .sev.warning { color: #7a5800; } .sev.info { color: #1e4e8c; }
.id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 90%; }
.msg .en { display: block; }
.none { color: #555; font-style: italic; }
.note { color: #444; }
.pair { break-inside: avoid; page-break-inside: avoid; margin: 10px 0 18px; }
.sides { table-layout: fixed; }
.sides td { width: 50%; }
.where { color: #444; font-size: 92%; margin-bottom: 4px; }
.title { font-size: 11.5pt; margin: 2px 0 4px; }
.overview { white-space: pre-wrap; margin: 0; }
mark { background: #ffe27a; color: inherit; border-bottom: 1.5px solid #b08900; }
footer { margin-top: 24px; color: #777; font-size: 85%; }
@media print { body { max-width: none; padding: 0; } table { font-size: 9.5pt; } }
)css";

std::string esc(std::string_view text) { return html_escape(text); }

// Chinese, then English in grey.
std::string both(std::string_view zh, std::string_view en) {
  return std::string(zh) + " <span class=\"en\" lang=\"en\">" + std::string(en) + "</span>";
}

struct Status {
  const char* css;
  const char* zh;
  const char* en;
};

Status status_of(std::size_t errors, std::size_t warnings) {
  if (errors > 0) return {"fail", "不通过", "Fail"};
  if (warnings > 0) return {"warn", "有警告", "Warnings"};
  return {"pass", "通过", "Pass"};
}

std::string severity_badge(Severity severity) {
  switch (severity) {
    case Severity::error: return "<span class=\"sev error\">错误</span>";
    case Severity::warning: return "<span class=\"sev warning\">警告</span>";
    case Severity::info: break;
  }
  return "<span class=\"sev info\">提示</span>";
}

// A finding's message: Chinese, then English below it in grey.
std::string message(const Diagnostic& d) {
  return esc(d.message_zh) + "<span class=\"en\" lang=\"en\">" + esc(d.message_en) + "</span>";
}

std::string_view param(const Diagnostic& d, std::string_view name) {
  for (const auto& [key, value] : d.params)
    if (key == name) return value;
  return {};
}

std::string number_cell(std::size_t n) {
  return std::string("<td class=\"num") + (n == 0 ? " zero" : "") + "\">" + std::to_string(n) + "</td>";
}

std::string package_anchor(std::size_t index) { return "pkg-" + std::to_string(index + 1); }

std::size_t region_count(const AuditedPackage& p, const std::string& code) {
  for (const auto& [region, n] : p.per_region)
    if (region == code) return n;
  return 0;
}

void write_summary(std::string& out, const AuditResult& r) {
  const auto n = [](std::size_t v) { return "<b>" + std::to_string(v) + "</b>"; };
  const std::size_t errors = count(r.diagnostics, Severity::error);
  const std::size_t warnings = count(r.diagnostics, Severity::warning);
  const std::size_t infos = count(r.diagnostics, Severity::info);
  out += "<p class=\"summary\">共 " + n(r.packages.size()) + " 个压缩包、" + n(r.suggestions.size()) +
         " 项指南建议；错误 " + n(errors) + " 项，警告 " + n(warnings) + " 项，提示 " + n(infos) +
         " 项。<br><span class=\"en\" lang=\"en\">" + std::to_string(r.packages.size()) + " packages, " +
         std::to_string(r.suggestions.size()) + " suggestions; " + std::to_string(errors) + " errors, " +
         std::to_string(warnings) + " warnings, " + std::to_string(infos) + " notes.</span></p>\n";
  if (r.cancelled)
    out += "<p class=\"notice\">" + both("审核已取消，以下结果不完整。", "The audit was cancelled; what follows is incomplete.") +
           "</p>\n";
}

void write_overview_head(std::string& out, const AuditResult& r) {
  out += "<thead><tr><th>" + both("压缩包", "Package") + "</th><th>" + both("主管部门", "Department") + "</th>";
  for (const auto& region : r.regions) out += "<th class=\"region\">" + esc(region.second) + "</th>";
  out += "<th class=\"num\">" + both("合计", "Total") + "</th><th class=\"num\">" + both("错误", "Errors") +
         "</th><th class=\"num\">" + both("警告", "Warnings") + "</th><th>" + both("状态", "Status") +
         "</th></tr></thead>\n";
}

void write_overview_row(std::string& out, const AuditResult& r, std::size_t index) {
  const AuditedPackage& p = r.packages[index];
  out += "<tr><td class=\"wrap\"><a href=\"#" + package_anchor(index) + "\">" + esc(p.name) + "</a>";
  if (!p.read) out += "<br>" + both("未能读取", "not read");
  out += "</td><td class=\"wrap\">" + esc(p.department) + "</td>";
  for (const auto& region : r.regions) out += number_cell(region_count(p, region.first));
  out += number_cell(p.suggestions) + number_cell(p.errors) + number_cell(p.warnings);
  const Status s = status_of(p.errors, p.warnings);
  out += std::string("<td class=\"status ") + s.css + "\">" + s.zh + "<br><span class=\"en\" lang=\"en\">" + s.en +
         "</span></td></tr>\n";
}

void write_overview(std::string& out, const AuditResult& r) {
  out += "<section><h2>" + both("概览", "Overview") + "</h2>\n<table class=\"overview-table\">\n";
  write_overview_head(out, r);
  out += "<tbody>\n";
  for (std::size_t i = 0; i < r.packages.size(); ++i) write_overview_row(out, r, i);
  out += "</tbody>\n<tfoot><tr><td colspan=\"2\">" + both("合计", "Total") + "</td>";
  std::size_t total = 0, errors = 0, warnings = 0;
  for (const auto& region : r.regions) {
    std::size_t sum = 0;
    for (const auto& p : r.packages) sum += region_count(p, region.first);
    out += number_cell(sum);
  }
  for (const auto& p : r.packages) {
    total += p.suggestions;
    errors += p.errors;
    warnings += p.warnings;
  }
  out += number_cell(total) + number_cell(errors) + number_cell(warnings);
  out += "<td></td></tr></tfoot>\n</table></section>\n";
}

void write_finding_row(std::string& out, const Diagnostic& d) {
  out += "<tr><td>" + severity_badge(d.severity) + "</td><td class=\"id wrap\">" + esc(d.id) + "</td>";
  out += "<td class=\"wrap\">" + (d.entry.empty() ? both("（整个压缩包）", "(the package)") : esc(d.entry)) + "</td>";
  out += "<td class=\"id wrap\">" + esc(d.path) + "</td><td class=\"msg\">" + message(d) + "</td></tr>\n";
}

template <class Belongs>
void write_findings_table(std::string& out, const Diagnostics& diagnostics, Belongs belongs) {
  std::string rows;
  for (const Diagnostic& d : diagnostics)
    if (belongs(d)) write_finding_row(rows, d);
  if (rows.empty()) {
    out += "<p class=\"none\">" + both("未发现问题。", "No findings.") + "</p>\n";
    return;
  }
  out += "<table class=\"findings-table\"><colgroup><col style=\"width:9%\"><col style=\"width:17%\">"
         "<col style=\"width:22%\"><col style=\"width:12%\"><col style=\"width:40%\"></colgroup>\n<thead><tr><th>" +
         both("级别", "Severity") + "</th><th>" + both("编号", "Rule") + "</th><th>" + both("文件", "Entry") +
         "</th><th>" + both("位置", "Path") + "</th><th>" + both("说明", "Message") + "</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody></table>\n";
}

void write_findings(std::string& out, const AuditResult& r) {
  out += "<section class=\"part\"><h2>" + both("各压缩包的审核发现", "Findings by package") + "</h2>\n";
  for (std::size_t i = 0; i < r.packages.size(); ++i) {
    const AuditedPackage& p = r.packages[i];
    const Status s = status_of(p.errors, p.warnings);
    out += "<section class=\"package\" id=\"" + package_anchor(i) + "\"><h3>" + esc(p.name) +
           (p.department.empty() ? "" : "　" + esc(p.department)) + " <span class=\"sev status " + s.css + "\">" +
           s.zh + "</span></h3>\n";
    write_findings_table(out, r.diagnostics, [&](const Diagnostic& d) { return d.package == p.name; });
    out += "</section>\n";
  }
  // A finding about no package listed (none is expected) is still shown.
  std::set<std::string_view> names;
  for (const auto& p : r.packages) names.insert(p.name);
  const auto unlisted = [&](const Diagnostic& d) { return !names.contains(d.package); };
  if (std::any_of(r.diagnostics.begin(), r.diagnostics.end(), unlisted)) {
    out += "<section class=\"package\"><h3>" + both("其他", "Other") + "</h3>\n";
    write_findings_table(out, r.diagnostics, unlisted);
    out += "</section>\n";
  }
  out += "</section>\n";
}

// ---- Duplicate pairs ----

using SuggestionIndex = std::map<std::pair<std::string_view, std::string_view>, const AuditedSuggestion*>;

SuggestionIndex index_suggestions(const AuditResult& r) {
  SuggestionIndex index;
  for (const AuditedSuggestion& s : r.suggestions)
    index.emplace(std::pair{std::string_view(s.package), std::string_view(s.entry)}, &s);
  return index;
}

const AuditedSuggestion* find(const SuggestionIndex& index, std::string_view package, std::string_view entry) {
  auto it = index.find({package, entry});
  return it == index.end() ? nullptr : it->second;
}

// One side of a pair as shown: where it is, and the texts the diff compares.
struct Side {
  std::string where;  // HTML
  std::string title, overview;
  bool has_overview = false;
};

Side suggestion_side(const AuditedSuggestion* s, std::string_view package, std::string_view entry,
                     std::string_view fallback_title) {
  Side side;
  side.where = both("压缩包", "Package") + "：" + esc(package) + "<br>" + both("文件", "Entry") + "：" + esc(entry);
  if (s && s->suggestion) {
    side.title = s->suggestion->title;
    side.overview = s->suggestion->overview;
    side.has_overview = true;
  } else {
    side.title = std::string(fallback_title);
  }
  return side;
}

// "PACKAGE：ENTRY": the entry's name may hold a full-width colon too, so each split is
// tried against the suggestions read, the first one otherwise.
Side other_side(const Diagnostic& d, const SuggestionIndex& index) {
  const std::string_view other = param(d, "other_file"), colon = "：";
  std::size_t first = other.find(colon);
  for (std::size_t at = first; at != std::string_view::npos; at = other.find(colon, at + colon.size())) {
    const std::string_view package = other.substr(0, at), entry = other.substr(at + colon.size());
    if (const AuditedSuggestion* s = find(index, package, entry)) return suggestion_side(s, package, entry, {});
  }
  if (first == std::string_view::npos) return suggestion_side(nullptr, {}, other, param(d, "other_title"));
  return suggestion_side(nullptr, other.substr(0, first), other.substr(first + colon.size()), param(d, "other_title"));
}

Side funded_side(const Diagnostic& d) {
  Side side;
  side.where = both("编号", "No.") + "：" + esc(param(d, "funded_id")) + "　" + both("立项年度", "year") + "：" +
               esc(param(d, "funded_year")) + "<br>" + both("承担单位", "Unit") + "：" + esc(param(d, "funded_unit"));
  side.title = std::string(param(d, "funded_title"));
  return side;
}

std::string side_cell(const Side& side, const std::string& title_html, const std::string& overview_html) {
  std::string cell = "<td><div class=\"where wrap\">" + side.where + "</div>";
  cell += "<h4 class=\"title\">" + title_html + "</h4>";
  if (side.has_overview) cell += "<p class=\"overview\">" + overview_html + "</p>";
  return cell + "</td>";
}

std::string pair_kind(std::string_view id) {
  if (id == "batch.duplicate") return both("重复", "Duplicate");
  if (id == "batch.similar") return both("高度相似", "Very similar");
  return both("与已立项项目相似", "Similar to a funded project");
}

void write_pair(std::string& out, const Diagnostic& d, const SuggestionIndex& index) {
  const bool funded = d.id == "history.similar_funded";
  const Side left = suggestion_side(find(index, d.package, d.entry), d.package, d.entry, {});
  const Side right = funded ? funded_side(d) : other_side(d, index);
  const MarkedPair titles = html_diff(left.title, right.title);
  // Overviews are compared only when both sides have one (a funded project's is not given).
  const bool compare = left.has_overview && right.has_overview;
  const MarkedPair overviews = compare ? html_diff(left.overview, right.overview)
                                       : MarkedPair{esc(left.overview), esc(right.overview)};
  out += "<section class=\"pair\"><h3>" + severity_badge(d.severity) + " " + pair_kind(d.id) + " <span class=\"id\">" +
         esc(d.id) + "</span> · " + both("相似度", "similarity") + " <b>" + esc(param(d, "score")) + "</b></h3>\n";
  out += "<p class=\"msg\">" + message(d) + "</p>\n";
  out += "<table class=\"sides\"><thead><tr><th>" + both("本建议", "This suggestion") + "</th><th>" +
         (funded ? both("已立项项目", "The funded project") : both("另一建议", "The other suggestion")) +
         "</th></tr></thead>\n<tbody><tr>" + side_cell(left, titles.left, overviews.left) +
         side_cell(right, titles.right, overviews.right) + "</tr></tbody></table></section>\n";
}

bool is_pair(const Diagnostic& d) {
  return d.id == "batch.duplicate" || d.id == "batch.similar" || d.id == "history.similar_funded";
}

void write_pairs(std::string& out, const AuditResult& r) {
  out += "<section class=\"part\"><h2>" + both("重复与相似的指南建议", "Duplicate and similar suggestions") + "</h2>\n";
  out += "<p class=\"note\">" +
         both("<mark>标出</mark>的文字是两侧的不同之处。", "Marked words are where the two sides differ.") + "</p>\n";
  const SuggestionIndex index = index_suggestions(r);
  bool any = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (!is_pair(d)) continue;
    write_pair(out, d, index);
    any = true;
  }
  if (!any)
    out += "<p class=\"none\">" + both("未发现重复或相似的指南建议。", "No duplicate or similar suggestions.") + "</p>\n";
  out += "</section>\n";
}

}  // namespace

std::string audit_html(const AuditResult& result) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>审核报告 Audit report</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>" + both("审核报告", "Audit report") + "</h1>\n";
  write_summary(out, result);
  write_overview(out, result);
  write_findings(out, result);
  write_pairs(out, result);
  out += "<footer>" + both("由 zhinan " + std::string(version_string()) + " 生成", "Generated by zhinan") +
         "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace zhinan::detail

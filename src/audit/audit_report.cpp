// audit_report: the text and JSON reports, and the dispatch to the HTML one.
#include <boost/json.hpp>

#include "audit/audit_reports.hpp"
#include "model/diagnostic_json.hpp"

namespace zhinan {

namespace detail {

namespace {

std::string_view severity_zh(Severity s) {
  switch (s) {
    case Severity::error: return "错误";
    case Severity::warning: return "警告";
    case Severity::info: return "提示";
  }
  return "";
}

std::string_view severity_en(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "";
}

std::string_view status_zh(const AuditedSuggestion& s) {
  if (!s.suggestion) return "未能读取";
  if (s.has_errors) return "不通过";
  if (s.has_warnings) return "有警告";
  return "通过";
}

std::string_view status_en(const AuditedSuggestion& s) {
  if (!s.suggestion) return "unread";
  if (s.has_errors) return "fails";
  if (s.has_warnings) return "warnings";
  return "passes";
}

std::size_t total(const AuditResult& r, Severity s) {
  std::size_t n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.severity == s;
  return n;
}

}  // namespace

// Chinese first with the English under each finding, or (--lang en) English alone.
std::string audit_text(const AuditResult& r, bool english_only) {
  const auto count = [](std::size_t n, std::string_view one) {
    return std::to_string(n) + " " + std::string(one) + (n == 1 ? "" : "s");
  };
  std::string out;
  const std::size_t errors = total(r, Severity::error), warnings = total(r, Severity::warning);
  if (!english_only) {
    out += "审核结果：" + std::to_string(r.packages.size()) + " 个压缩包，" + std::to_string(r.suggestions.size()) +
           " 个指南建议，" + std::to_string(errors) + " 个错误，" + std::to_string(warnings) + " 个警告\n  ";
  }
  out += "audit: " + count(r.packages.size(), "package") + ", " + count(r.suggestions.size(), "suggestion") + ", " +
         count(errors, "error") + ", " + count(warnings, "warning") + "\n";
  for (const AuditedPackage& p : r.packages) {
    const std::string_view verdict_zh = p.errors ? "不通过" : p.warnings ? "有警告" : "通过";
    const std::string_view verdict_en = p.errors ? "fails" : p.warnings ? "warnings" : "passes";
    if (english_only) {
      out += "\n== " + p.name + " (" + p.department + ", " + p.format + "): " + count(p.suggestions, "suggestion") +
             ", " + count(p.errors, "error") + ", " + count(p.warnings, "warning") + " — " + std::string(verdict_en) + "\n";
    } else {
      out += "\n== " + p.name + "（" + p.department + "，" + p.format + "）：" + std::to_string(p.suggestions) +
             " 个指南建议，" + std::to_string(p.errors) + " 个错误，" + std::to_string(p.warnings) + " 个警告 — " +
             std::string(verdict_zh) + " / " + std::string(verdict_en) + "\n";
    }
    std::string counts;
    for (std::size_t i = 0; i < p.per_region.size() && i < r.regions.size(); ++i) {
      counts += (counts.empty() ? "" : english_only ? ", " : "，") + r.regions[i].second + " " +
                std::to_string(p.per_region[i].second);
    }
    out += "   " + counts + "\n";
    for (const Diagnostic& d : r.diagnostics) {
      if (d.package != p.name) continue;
      const std::string place =
          (d.entry.empty() ? std::string() : d.entry + "  ") + (d.path.empty() ? std::string() : d.path + "  ");
      if (english_only) {
        out += "   " + std::string(severity_en(d.severity)) + "  " + place + d.message_en + "  [" + d.id + "]\n";
      } else {
        out += "   " + std::string(severity_zh(d.severity)) + "  " + place + d.message_zh + "  [" + d.id + "]\n";
        out += "         " + d.message_en + "\n";
      }
    }
  }
  if (r.cancelled) out += english_only ? "\ncancelled\n" : "\n已取消 / cancelled\n";
  return out;
}

std::string audit_json(const AuditResult& r) {
  namespace json = boost::json;
  json::array packages, suggestions, diagnostics;
  for (const AuditedPackage& p : r.packages) {
    json::object per_region;
    for (const auto& [code, n] : p.per_region) per_region[code] = n;
    packages.push_back({{"name", p.name}, {"department", p.department}, {"format", p.format},
                        {"suggestions", p.suggestions}, {"errors", p.errors}, {"warnings", p.warnings},
                        {"per_region", std::move(per_region)}, {"read", p.read}});
  }
  for (const AuditedSuggestion& s : r.suggestions) {
    json::object o{{"package", s.package}, {"entry", s.entry}, {"folder", s.folder}, {"region", s.region},
                   {"number", s.number}, {"department", s.department}, {"status", status_en(s)}, {"status_zh", status_zh(s)}};
    // Unread documents are listed by what their names say.
    o["title"] = s.suggestion ? s.suggestion->title : s.title_in_name;
    o["unit"] = s.suggestion ? s.suggestion->source.unit : s.unit_in_name;
    o["proposer"] = s.suggestion ? s.suggestion->source.proposer : std::string();
    suggestions.push_back(std::move(o));
  }
  for (const Diagnostic& d : r.diagnostics) diagnostics.push_back(diagnostic_object(d));
  json::object doc{{"format", "zhinan.audit/1"},
                   {"packages", std::move(packages)},
                   {"suggestions", std::move(suggestions)},
                   {"diagnostics", std::move(diagnostics)},
                   {"summary", {{"packages", r.packages.size()}, {"suggestions", r.suggestions.size()},
                                {"errors", total(r, Severity::error)}, {"warnings", total(r, Severity::warning)},
                                {"cancelled", r.cancelled}}}};
  return json::serialize(doc) + "\n";
}

}  // namespace detail

std::string audit_report(const AuditResult& result, AuditFormat format) {
  switch (format) {
    case AuditFormat::text: return detail::audit_text(result, false);
    case AuditFormat::text_english: return detail::audit_text(result, true);
    case AuditFormat::json: return detail::audit_json(result);
    case AuditFormat::html: return detail::audit_html(result);
  }
  return {};
}

}  // namespace zhinan

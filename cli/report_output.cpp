// The findings of several files, as a clerk reads them or as one JSON document.
#include <boost/json.hpp>
#include <ostream>

#include "cli.hpp"
#include "zhinan/rules.hpp"

namespace zhinan::cli {

namespace {

void print_finding(const Context& ctx, const Diagnostic& d) {
  const RuleInfo* rule = find_rule(d.id);
  ctx.out << "   " << severity_label(ctx.lang, d.severity) << "  ";
  if (ctx.lang == Lang::zh && rule) ctx.out << "【" << rule->field_zh << "】";
  ctx.out << (ctx.lang == Lang::zh ? d.message_zh : d.message_en) << "  [" << d.id;
  if (!d.path.empty()) ctx.out << ' ' << d.path;
  if (d.location) ctx.out << ' ' << d.location->line << ':' << d.location->column;
  ctx.out << "]\n";
  if (ctx.lang == Lang::zh) ctx.out << "         " << d.message_en << '\n';
}

std::string verdict(Lang lang, const FileResult& r, std::size_t errors, std::size_t warnings) {
  if (!r.read) return lang == Lang::zh ? "未读取：文件无法读取，未检查" : "NOT READ: nothing was checked";
  if (lang == Lang::zh)
    return std::string(errors ? "不通过" : "通过") + "：" + std::to_string(errors) + " 个错误，" +
           std::to_string(warnings) + " 个警告";
  return std::string(errors ? "FAIL" : "PASS") + ": " + count_en(errors, "error", "errors") + ", " +
         count_en(warnings, "warning", "warnings");
}

}  // namespace

// What a clerk reads: the verdict first, then each finding under the form's field name.
void print_text(const Context& ctx, const std::vector<FileResult>& results, const PackageFindings* package) {
  std::size_t errors = 0, warnings = 0, failing = 0, unread = 0;
  for (const auto& r : results) {
    const std::size_t e = count(r.diagnostics, Severity::error), w = count(r.diagnostics, Severity::warning);
    errors += e;
    warnings += w;
    failing += e > 0 || !r.read;
    unread += !r.read;
    ctx.out << "== " << r.file << (r.title.empty() ? "" : "  《" + r.title + "》") << '\n';
    ctx.out << "   " << verdict(ctx.lang, r, e, w) << '\n';
    for (const auto& d : r.diagnostics) print_finding(ctx, d);
  }
  // The package is no file: its findings stand under their own heading, outside the totals.
  if (package && !package->diagnostics.empty()) {
    ctx.out << '\n' << (ctx.lang == Lang::zh ? "== 打包 " : "== package ") << package->zip << '\n';
    if (has_errors(package->diagnostics))
      ctx.out << "   " << (ctx.lang == Lang::zh ? "未生成压缩包" : "NOT WRITTEN") << '\n';
    for (const auto& d : package->diagnostics) print_finding(ctx, d);
  }
  const std::string n = std::to_string(results.size()), f = std::to_string(failing), u = std::to_string(unread);
  ctx.out << '\n'
          << (ctx.lang == Lang::zh
                  ? "合计：" + n + " 个文件，" + f + " 个不通过；" + std::to_string(errors) + " 个错误，" +
                        std::to_string(warnings) + " 个警告" +
                        (unread ? "；其中 " + u + " 个文件无法读取，未检查" : "")
                  : "Total: " + count_en(results.size(), "file", "files") + ", " + f + " failing; " +
                        count_en(errors, "error", "errors") + ", " + count_en(warnings, "warning", "warnings") +
                        (unread ? "; " + count_en(unread, "file", "files") +
                                      (unread == 1 ? " could not be read and was" : " could not be read and were") +
                                      " not checked"
                                : ""))
          << '\n';
}

void print_json(const Context& ctx, std::string_view mode, const std::vector<FileResult>& results) {
  namespace json = boost::json;
  json::array files, diagnostics;
  std::size_t errors = 0, warnings = 0, failing = 0, unread = 0;
  for (const auto& r : results) {
    const std::size_t e = count(r.diagnostics, Severity::error), w = count(r.diagnostics, Severity::warning);
    errors += e;
    warnings += w;
    failing += e > 0 || !r.read;
    unread += !r.read;
    // status as the text's verdict: pass, fail, or unread (not read, nothing checked).
    files.push_back({{"file", r.file},
                     {"title", r.title},
                     {"status", !r.read ? "unread" : e ? "fail" : "pass"},
                     {"errors", e},
                     {"warnings", w}});
    for (const auto& d : r.diagnostics) {
      json::object params;
      for (const auto& [name, value] : d.params) params[name] = value;
      json::object o{{"file", r.file},          {"id", d.id},
                     {"severity", to_string(d.severity)}, {"path", d.path},
                     {"message_zh", d.message_zh}, {"message_en", d.message_en},
                     {"params", std::move(params)}};
      if (d.location) {
        o["line"] = d.location->line;
        o["column"] = d.location->column;
      }
      diagnostics.push_back(std::move(o));
    }
  }
  json::object doc{{"format", "zhinan.validation/1"},
                   {"mode", mode},
                   {"files", std::move(files)},
                   {"diagnostics", std::move(diagnostics)},
                   {"summary",
                    {{"files", results.size()},
                     {"failing", failing},
                     {"unread", unread},
                     {"errors", errors},
                     {"warnings", warnings}}}};
  ctx.out << json::serialize(doc) << '\n';
}

}  // namespace zhinan::cli

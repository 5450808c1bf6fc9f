// The findings of several files, as a clerk reads them or as one JSON document.
#include <ostream>
#include <string>
#include <utility>

#include "cli.hpp"
#include "model/json_writer.hpp"
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
  // Written as it goes, member by member in a fixed order (what boost::json::serialize of
  // the same objects writes): a tree of a batch's findings costs more than the writing.
  std::string out = R"({"format":"zhinan.validation/1","mode":)";
  detail::append_json_string(out, mode);
  out += R"(,"files":[)";
  std::size_t errors = 0, warnings = 0, failing = 0, unread = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const FileResult& r = results[i];
    const std::size_t e = count(r.diagnostics, Severity::error), w = count(r.diagnostics, Severity::warning);
    errors += e;
    warnings += w;
    failing += e > 0 || !r.read;
    unread += !r.read;
    // status as the text's verdict: pass, fail, or unread (not read, nothing checked).
    out += i ? R"(,{"file":)" : R"({"file":)";
    detail::append_json_string(out, r.file);
    out += R"(,"title":)";
    detail::append_json_string(out, r.title);
    out += R"(,"status":)";
    out += !r.read ? R"("unread")" : e ? R"("fail")" : R"("pass")";
    out += R"(,"errors":)" + std::to_string(e) + R"(,"warnings":)" + std::to_string(w) + "}";
  }
  out += R"(],"diagnostics":[)";
  bool first = true;
  for (const auto& r : results) {
    for (const auto& d : r.diagnostics) {
      out += std::exchange(first, false) ? R"({"file":)" : R"(,{"file":)";
      detail::append_json_string(out, r.file);
      out += R"(,"id":)";
      detail::append_json_string(out, d.id);
      out += R"(,"severity":)";
      detail::append_json_string(out, to_string(d.severity));
      out += R"(,"path":)";
      detail::append_json_string(out, d.path);
      out += R"(,"message_zh":)";
      detail::append_json_string(out, d.message_zh);
      out += R"(,"message_en":)";
      detail::append_json_string(out, d.message_en);
      // A parameter given twice keeps its last value, in the place of its first (as an
      // object assigned by key would).
      out += R"(,"params":{)";
      for (std::size_t k = 0; k < d.params.size(); ++k) {
        bool earlier = false;
        for (std::size_t j = 0; j < k && !earlier; ++j) earlier = d.params[j].first == d.params[k].first;
        if (earlier) continue;
        std::string_view value = d.params[k].second;
        for (std::size_t j = k + 1; j < d.params.size(); ++j)
          if (d.params[j].first == d.params[k].first) value = d.params[j].second;
        if (out.back() != '{') out += ',';
        detail::append_json_string(out, d.params[k].first);
        out += ':';
        detail::append_json_string(out, value);
      }
      out += '}';
      if (d.location)
        out += R"(,"line":)" + std::to_string(d.location->line) + R"(,"column":)" + std::to_string(d.location->column);
      out += '}';
    }
  }
  out += R"(],"summary":{"files":)" + std::to_string(results.size()) + R"(,"failing":)" + std::to_string(failing) +
         R"(,"unread":)" + std::to_string(unread) + R"(,"errors":)" + std::to_string(errors) + R"(,"warnings":)" +
         std::to_string(warnings) + "}}";
  ctx.out << out << '\n';
}

}  // namespace zhinan::cli

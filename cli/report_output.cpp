// The findings of several files, as a clerk reads them or as one JSON document.
#include <boost/json.hpp>
#include <ostream>

#include "cli.hpp"
#include "zhinan/rules.hpp"

namespace zhinan::cli {

// What a clerk reads: the verdict first, then each finding under the form's field name.
void print_text(const Context& ctx, const std::vector<FileResult>& results) {
  std::size_t errors = 0, warnings = 0, failing = 0;
  for (const auto& r : results) {
    const std::size_t e = count(r.diagnostics, Severity::error), w = count(r.diagnostics, Severity::warning);
    errors += e;
    warnings += w;
    failing += e > 0;
    ctx.out << "== " << r.file << (r.title.empty() ? "" : "  《" + r.title + "》") << '\n';
    ctx.out << "   "
            << (ctx.lang == Lang::zh
                    ? std::string(e ? "不通过" : "通过") + "：" + std::to_string(e) + " 个错误，" + std::to_string(w) +
                          " 个警告"
                    : std::string(e ? "FAIL" : "PASS") + ": " + std::to_string(e) + " errors, " +
                          std::to_string(w) + " warnings")
            << '\n';
    for (const auto& d : r.diagnostics) {
      const RuleInfo* rule = find_rule(d.id);
      ctx.out << "   " << severity_label(ctx.lang, d.severity) << "  ";
      if (ctx.lang == Lang::zh && rule) ctx.out << "【" << rule->field_zh << "】";
      ctx.out << (ctx.lang == Lang::zh ? d.message_zh : d.message_en) << "  [" << d.id;
      if (!d.path.empty()) ctx.out << ' ' << d.path;
      if (d.location) ctx.out << ' ' << d.location->line << ':' << d.location->column;
      ctx.out << "]\n";
      if (ctx.lang == Lang::zh) ctx.out << "         " << d.message_en << '\n';
    }
  }
  ctx.out << '\n'
          << (ctx.lang == Lang::zh
                  ? "合计：" + std::to_string(results.size()) + " 个文件，" + std::to_string(failing) + " 个不通过；" +
                        std::to_string(errors) + " 个错误，" + std::to_string(warnings) + " 个警告"
                  : "Total: " + std::to_string(results.size()) + " files, " + std::to_string(failing) + " failing; " +
                        std::to_string(errors) + " errors, " + std::to_string(warnings) + " warnings")
          << '\n';
}

void print_json(const Context& ctx, std::string_view mode, const std::vector<FileResult>& results) {
  namespace json = boost::json;
  json::array files, diagnostics;
  std::size_t errors = 0, warnings = 0;
  for (const auto& r : results) {
    const std::size_t e = count(r.diagnostics, Severity::error), w = count(r.diagnostics, Severity::warning);
    errors += e;
    warnings += w;
    files.push_back({{"file", r.file}, {"title", r.title}, {"errors", e}, {"warnings", w}});
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
                   {"summary", {{"files", results.size()}, {"errors", errors}, {"warnings", warnings}}}};
  ctx.out << json::serialize(doc) << '\n';
}

}  // namespace zhinan::cli

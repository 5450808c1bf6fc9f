// zhinan validate [--mode draft|submit] [--profile P] [--format text|json] FILE…
#include <boost/json.hpp>
#include <map>
#include <ostream>

#include "cli.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {
namespace {

struct Options {
  Mode mode = Mode::submit;
  std::string profile_path;
  std::string registry_path;
  bool json = false;
  std::vector<std::string> files;
};

struct FileResult {
  std::string file;
  std::string title;
  Diagnostics diagnostics;
};

std::string_view severity_word(Lang lang, Severity s) {
  switch (s) {
    case Severity::error: return lang == Lang::zh ? "错误" : "error";
    case Severity::warning: return lang == Lang::zh ? "警告" : "warning";
    case Severity::info: return lang == Lang::zh ? "提示" : "info";
  }
  return "";
}

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
      ctx.out << "   " << severity_word(ctx.lang, d.severity) << "  ";
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

void print_json(const Context& ctx, const Options& options, const std::vector<FileResult>& results) {
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
                   {"mode", to_string(options.mode)},
                   {"files", std::move(files)},
                   {"diagnostics", std::move(diagnostics)},
                   {"summary", {{"files", results.size()}, {"errors", errors}, {"warnings", warnings}}}};
  ctx.out << json::serialize(doc) << '\n';
}

bool parse_options(const Context& ctx, std::span<const std::string> args, Options& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--mode") {
      if (!value(v) || !parse_mode(v)) {
        ctx.err << say(ctx, "--mode 只能是 draft 或 submit", "--mode must be draft or submit") << '\n';
        return false;
      }
      o.mode = *parse_mode(v);
    } else if (a == "--format") {
      if (!value(v) || (v != "text" && v != "json")) {
        ctx.err << say(ctx, "--format 只能是 text 或 json", "--format must be text or json") << '\n';
        return false;
      }
      o.json = v == "json";
    } else if (a == "--profile") {
      if (!value(o.profile_path)) return false;
    } else if (a == "--registry") {
      if (!value(o.registry_path)) return false;
    } else if (a.starts_with("--") && a != "--") {
      ctx.err << say(ctx, "未知选项“" + a + "”", "unknown option \"" + a + "\"") << '\n';
      return false;
    } else {
      o.files.push_back(a);
    }
  }
  if (o.files.empty()) {
    ctx.err << say(ctx, "用法：zhinan validate [--mode draft|submit] [--profile 配置] [--registry 已立项项目.jsonl] "
                   "[--format text|json] 文件…",
                   "usage: zhinan validate [--mode draft|submit] [--profile P] [--registry FUNDED.jsonl] "
                   "[--format text|json] FILE…")
            << '\n';
    return false;
  }
  return true;
}

}  // namespace

int run_validate(const Context& ctx, std::span<const std::string> args) {
  Options options;
  if (!parse_options(ctx, args, options)) return kExitUsage;
  std::shared_ptr<const Profile> profile = Profile::builtin_shared();
  if (!options.profile_path.empty()) {
    ProfileLoadResult loaded = Profile::from_file(path_from_utf8(options.profile_path));
    if (!loaded.profile) {
      print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, options.profile_path, loaded.diagnostics);
      return kExitUsage;
    }
    profile = loaded.profile;
  }
  std::optional<FundedRegistry> registry;
  if (!options.registry_path.empty()) {
    FundedRegistry::LoadResult loaded = FundedRegistry::from_jsonl_file(
        path_from_utf8(options.registry_path), profile->similarity().history_similar_funded);
    print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, options.registry_path, loaded.diagnostics);
    if (!loaded.registry || has_errors(loaded.diagnostics)) return kExitUsage;
    registry = std::move(loaded.registry);
  }
  std::vector<FileResult> results;
  std::vector<Suggestion> suggestions;  // those that could be read, for the batch rules
  std::vector<std::size_t> owners;      // their place in results
  bool io_failed = false;
  for (const auto& file : options.files) {
    std::string bytes;
    if (!read_input(ctx, file, bytes)) {
      io_failed = true;
      continue;
    }
    FileResult r{file, "", {}};
    ParseResult parsed = parse_suggestion(bytes, *profile);
    r.diagnostics = std::move(parsed.diagnostics);
    if (parsed.suggestion) {
      r.title = parsed.suggestion->title;
      Diagnostics found = validate(*parsed.suggestion, *profile, options.mode);
      r.diagnostics.insert(r.diagnostics.end(), found.begin(), found.end());
      suggestions.push_back(std::move(*parsed.suggestion));
      owners.push_back(results.size());
    }
    results.push_back(std::move(r));
  }
  // Then the batch rules across every file given together (三(三)). Entries are named by
  // their file; a file given twice is told apart by its position.
  std::vector<BatchEntry> entries;
  std::map<std::string, std::size_t> owner_of;
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    std::string name = results[owners[i]].file;
    if (owner_of.contains(name)) name += " (#" + std::to_string(owners[i] + 1) + ")";
    owner_of.emplace(name, owners[i]);
    entries.push_back({name, &suggestions[i]});
  }
  for (Diagnostic& d : check_batch(entries, *profile, registry ? &*registry : nullptr))
    results[owner_of.at(d.file)].diagnostics.push_back(std::move(d));

  if (options.json) print_json(ctx, options, results);
  else print_text(ctx, results);
  if (io_failed) return kExitUsage;
  for (const auto& r : results)
    if (has_errors(r.diagnostics)) return kExitFindings;
  return kExitOk;
}

}  // namespace zhinan::cli

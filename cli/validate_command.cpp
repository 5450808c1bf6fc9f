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
  std::string department;
  bool json = false;
  std::vector<std::string> files;
};

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
    } else if (a == "--department") {
      if (!value(o.department)) return false;
    } else if (a.starts_with("--") && a != "--") {
      ctx.err << say(ctx, "未知选项“" + a + "”", "unknown option \"" + a + "\"") << '\n';
      return false;
    } else {
      o.files.push_back(a);
    }
  }
  if (o.files.empty()) {
    ctx.err << say(ctx, "用法：zhinan validate [--mode draft|submit] [--profile 配置] [--registry 已立项项目.jsonl] "
                   "[--department 主管部门] [--format text|json] 文件…（.json 或 Word 表格 .docx）",
                   "usage: zhinan validate [--mode draft|submit] [--profile P] [--registry FUNDED.jsonl] "
                   "[--department NAME] [--format text|json] FILE… (.json or a Word form .docx)")
            << '\n';
    return false;
  }
  return true;
}

}  // namespace

int run_validate(const Context& ctx, std::span<const std::string> args) {
  Options options;
  if (!parse_options(ctx, args, options)) return kExitUsage;
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, options.profile_path);
  if (!profile) return kExitUsage;
  std::optional<FundedRegistry> registry;
  if (!load_registry_option(ctx, options.registry_path, *profile, registry)) return kExitUsage;
  std::vector<FileResult> results;
  std::vector<Suggestion> suggestions;  // those that could be read, for the batch rules
  std::vector<std::size_t> owners;      // their place in results
  bool io_failed = false;
  const InputLimits limits = suggestion_input_limits(*profile);
  for (const auto& file : options.files) {
    std::string bytes;
    if (auto failure = read_input(file, bytes, limits)) {
      // Listed with its finding in either report, and counted in the totals; a file that
      // cannot be read is also said on stderr, and makes the exit 2 (I/O failure).
      if (input_failure_exit(*failure) == kExitUsage) {
        io_failed = true;
        ctx.err << say(ctx, failure->message_zh, failure->message_en) << '\n';
      }
      results.push_back({file, "", {std::move(*failure)}});
      continue;
    }
    FileResult r{file, "", {}};
    ParseResult parsed = read_suggestion_input(ctx, file, bytes, *profile, options.department);
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

  if (options.json) print_json(ctx, to_string(options.mode), results);
  else print_text(ctx, results);
  if (io_failed) return kExitUsage;
  for (const auto& r : results)
    if (has_errors(r.diagnostics)) return kExitFindings;
  return kExitOk;
}

}  // namespace zhinan::cli

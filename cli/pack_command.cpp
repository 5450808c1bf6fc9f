// zhinan pack -o OUT.zip [options] FILE…: the department's package of section 四.
#include <algorithm>
#include <cstdio>
#include <ostream>

#include "cli.hpp"
#include "zhinan/io.hpp"
#include "zhinan/package.hpp"
#include "zhinan/suggestion_json.hpp"

#ifndef _WIN32
#include <unistd.h>
#endif

namespace zhinan::cli {
namespace {

struct PackArgs {
  std::string output, profile_path, registry_path;
  PackageOptions options;
  std::vector<std::string> files;
};

bool parse_time(const std::string& text, PackageTime& t) {
  return std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d", &t.year, &t.month, &t.day, &t.hour, &t.minute, &t.second) == 6 &&
         t.year >= 1980 && t.year <= 2107 && t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31 &&
         t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 && t.second < 60;
}

bool parse_args(const Context& ctx, std::span<const std::string> args, PackArgs& a) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string v;
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    bool ok = true;
    if (arg == "-o" || arg == "--output") ok = value(a.output);
    else if (arg == "--department") ok = value(a.options.summary.department);
    else if (arg == "--documents-root") {
      std::string root;
      ok = value(root);
      if (ok) a.options.document_roots.push_back(path_from_utf8(root));
    }
    else if (arg == "--contact") ok = value(a.options.summary.contact);
    else if (arg == "--phone") ok = value(a.options.summary.phone);
    else if (arg == "--date") ok = value(a.options.summary.date);
    else if (arg == "--profile") ok = value(a.profile_path);
    else if (arg == "--registry") ok = value(a.registry_path);
    else if (arg == "--all-regions") a.options.all_regions = true;
    else if (arg == "--gbk-names") a.options.names = NameEncoding::gbk;
    else if (arg == "--numbering") {
      ok = value(v) && (v == "per-folder" || v == "global");
      a.options.numbering = v == "global" ? Numbering::global : Numbering::per_folder;
    } else if (arg == "--time") {
      ok = value(v) && parse_time(v, a.options.time);
    } else if (arg.starts_with("-") && arg != "-") {
      ok = false;
    } else {
      a.files.push_back(arg);
    }
    if (!ok) {
      ctx.err << say(ctx, "选项“" + arg + "”有误", "the option \"" + arg + "\" is wrong") << '\n';
      return false;
    }
  }
  if (a.output.empty() || a.files.empty()) {
    ctx.err << say(ctx,
                   "用法：zhinan pack -o 输出.zip [--department 主管部门] [--contact 联系人] [--phone 电话] "
                   "[--date 填报日期] [--numbering per-folder|global] [--all-regions] [--gbk-names] "
                   "[--registry 已立项项目.jsonl] [--documents-root 允许的文件夹] [--time 2025-01-01T00:00:00] 文件…",
                   "usage: zhinan pack -o OUT.zip [--department NAME] [--contact NAME] [--phone P] [--date D] "
                   "[--numbering per-folder|global] [--all-regions] [--gbk-names] [--registry FUNDED.jsonl] "
                   "[--documents-root DIR] [--time 2025-01-01T00:00:00] FILE…")
            << '\n';
    return false;
  }
  return true;
}

// A progress bar on the terminal, redrawn in place; nothing when stderr is not one.
std::function<bool(const PackageProgress&)> progress_bar(const Context& ctx) {
#ifndef _WIN32
  if (!isatty(2)) return {};
#endif
  return [&ctx](const PackageProgress& p) {
    const std::size_t width = 30, filled = p.total ? width * p.done / p.total : width;
    ctx.err << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << p.done << '/'
            << p.total << (p.done == p.total ? "\n" : "") << std::flush;
    return true;
  };
}

}  // namespace

int run_pack(const Context& ctx, std::span<const std::string> args) {
  PackArgs a;
  if (!parse_args(ctx, args, a)) return kExitUsage;
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, a.profile_path);
  if (!profile) return kExitUsage;
  std::optional<FundedRegistry> registry;
  if (!load_registry_option(ctx, a.registry_path, *profile, registry)) return kExitUsage;

  // Read everything first: a file that cannot be read stops here, before any writing.
  std::vector<FileResult> results;
  std::vector<Suggestion> suggestions;
  suggestions.reserve(a.files.size());
  std::vector<PackageInput> inputs;
  bool unreadable = false;
  const InputLimits limits = suggestion_input_limits(*profile);
  for (const auto& file : a.files) {
    std::string bytes;
    if (auto failure = read_input(file, bytes, limits)) {
      if (input_failure_exit(*failure) == kExitUsage) return report_input_failure(ctx, file, *failure);
      results.push_back({file, "", {std::move(*failure)}});  // too large: refused like a file that is
      unreadable = true;
      continue;
    }
    ParseResult parsed = read_suggestion_input(ctx, file, bytes, *profile, a.options.summary.department);
    if (!parsed.suggestion || has_errors(parsed.diagnostics)) unreadable = true;
    results.push_back({file, parsed.suggestion ? parsed.suggestion->title : "", std::move(parsed.diagnostics)});
    if (parsed.suggestion) suggestions.push_back(std::move(*parsed.suggestion));
  }
  if (unreadable) {
    print_text(ctx, results);
    return kExitFindings;
  }
  for (std::size_t i = 0; i < suggestions.size(); ++i)
    inputs.push_back({a.files[i], &suggestions[i], path_from_utf8(a.files[i]).parent_path()});

  a.options.progress = progress_bar(ctx);
  const std::filesystem::path out = path_from_utf8(a.output);
  PackageResult r = write_package(inputs, out, *profile, a.options, registry ? &*registry : nullptr);
  const bool io_failure = r.cancelled || has(r.diagnostics, "package.write_failed");
  for (auto& d : r.diagnostics) {
    auto it = std::find_if(results.begin(), results.end(), [&](const FileResult& f) { return f.file == d.file; });
    if (it != results.end()) it->diagnostics.push_back(std::move(d));
    else results.push_back({d.file.empty() ? a.output : d.file, "", {std::move(d)}});
  }
  if (!r.written) {
    print_text(ctx, results);
    return io_failure ? kExitUsage : kExitFindings;
  }
  // Warnings (names adjusted, similar content) still deserve a look.
  for (const auto& f : results)
    if (!f.diagnostics.empty()) {
      print_text(ctx, results);
      break;
    }
  std::size_t folders = 0;
  std::string last;
  for (const auto& f : r.files)
    if (f.region != last) ++folders, last = f.region;
  ctx.out << say(ctx,
                 "已生成压缩包：" + path_to_utf8(r.zip) + "（" + std::to_string(r.files.size()) + "个指南建议，" +
                     std::to_string(folders) + "个文件夹）\n汇总表：" + path_to_utf8(r.xlsx) + "、" +
                     path_to_utf8(r.csv) + "（请打印、盖章后报送）",
                 "package written: " + path_to_utf8(r.zip) + " (" + std::to_string(r.files.size()) +
                     " suggestions in " + std::to_string(folders) + " folders)\nsummary table: " +
                     path_to_utf8(r.xlsx) + ", " + path_to_utf8(r.csv))
          << '\n';
  return kExitOk;
}

}  // namespace zhinan::cli

// zhinan audit [--registry FUNDED] [--format text|json|html] [-o REPORT] [--xlsx OUT.xlsx]
//              [--mode draft|submit] [--profile P] PACKAGE…: the province's check of the
// packages it received, every structural rule per package and the batch rules across all.
#include <fstream>
#include <ostream>
#include <unistd.h>

#include "cli.hpp"
#include "office/summary_table_file.hpp"
#include "zhinan/audit.hpp"
#include "zhinan/io.hpp"

namespace zhinan::cli {

namespace {

struct AuditArgs {
  std::string registry_path;
  std::string profile_path;
  std::string output;
  std::string xlsx;
  AuditFormat format = AuditFormat::text;
  Mode mode = Mode::submit;
  std::vector<std::string> packages;
};

bool parse_audit_args(const Context& ctx, std::span<const std::string> args, AuditArgs& a) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    const std::string value = has_value ? args[i + 1] : std::string();
    if (arg == "--registry" && has_value) a.registry_path = args[++i];
    else if (arg == "--profile" && has_value) a.profile_path = args[++i];
    else if ((arg == "-o" || arg == "--output") && has_value) a.output = args[++i];
    else if (arg == "--xlsx" && has_value) a.xlsx = args[++i];
    else if (arg == "--format" && has_value && (value == "text" || value == "json" || value == "html")) {
      a.format = value == "json" ? AuditFormat::json : value == "html" ? AuditFormat::html : AuditFormat::text;
      ++i;
    } else if (arg == "--mode" && has_value && parse_mode(value)) {
      a.mode = *parse_mode(value);
      ++i;
    } else if (arg.starts_with("-") && arg != "-") {
      ctx.err << say(ctx, "未知选项或缺少取值：“" + arg + "”", "unknown option or missing value: \"" + arg + "\"") << '\n';
      return false;
    } else {
      a.packages.push_back(arg);
    }
  }
  if (a.packages.empty()) {
    ctx.err << say(ctx,
                   "用法：zhinan audit [--registry 已立项项目.jsonl] [--format text|json|html] [-o 报告文件] "
                   "[--xlsx 清单.xlsx] 压缩包或文件夹…（.zip、.7z、.rar 或已解压的文件夹）",
                   "usage: zhinan audit [--registry FUNDED.jsonl] [--format text|json|html] [-o REPORT] "
                   "[--xlsx LIST.xlsx] PACKAGE… (.zip, .7z, .rar or an extracted folder)")
            << '\n';
    return false;
  }
  return true;
}

std::function<bool(const AuditProgress&)> audit_progress(const Context& ctx) {
  if (!isatty(2)) return {};
  return [&ctx](const AuditProgress& p) {
    const std::size_t width = 30;
    const std::size_t filled = p.packages_total ? width * p.packages_done / p.packages_total : width;
    ctx.err << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << p.packages_done << '/'
            << p.packages_total << " 个压缩包，" << p.entries_done << " 个条目" << std::string(8, ' ')
            << (p.packages_done == p.packages_total ? "\n" : "") << std::flush;
    return true;
  };
}

bool write_report(const Context& ctx, const std::string& target, const std::string& text) {
  std::string why;
  const auto write = [&](const std::filesystem::path& temp, std::string* error) {
    std::ofstream out(temp, std::ios::binary);
    out << text;
    out.close();
    if (!out && error != nullptr) *error = "write error";
    return static_cast<bool>(out);
  };
  if (detail::write_file_atomically(path_from_utf8(target), write, &why)) return true;
  ctx.err << say(ctx, "无法写入“" + target + "”：" + why, "cannot write \"" + target + "\": " + why) << '\n';
  return false;
}

}  // namespace

int run_audit(const Context& ctx, std::span<const std::string> args) {
  AuditArgs a;
  if (!parse_audit_args(ctx, args, a)) return kExitUsage;
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, a.profile_path);
  if (!profile) return kExitUsage;
  std::optional<FundedRegistry> registry;
  if (!load_registry_option(ctx, a.registry_path, *profile, registry)) return kExitUsage;
  Audit audit(profile);
  for (const std::string& p : a.packages) {
    std::error_code ec;
    if (!std::filesystem::exists(path_from_utf8(p), ec)) {
      ctx.err << say(ctx, "找不到“" + p + "”", "\"" + p + "\" does not exist") << '\n';
      return kExitUsage;
    }
    audit.add_package_file(path_from_utf8(p));
  }
  if (registry) audit.set_registry(std::make_shared<const FundedRegistry>(std::move(*registry)));
  AuditOptions options;
  options.mode = a.mode;
  options.progress = a.format == AuditFormat::text || !a.output.empty() ? audit_progress(ctx) : nullptr;
  const AuditResult result = audit.run(options);
  const std::string report = audit_report(result, a.format);
  if (a.output.empty()) ctx.out << report;
  else if (!write_report(ctx, a.output, report)) return kExitUsage;
  if (!a.xlsx.empty()) {
    std::string why;
    if (!write_audit_xlsx(result, path_from_utf8(a.xlsx), &why)) {
      ctx.err << say(ctx, "无法写入“" + a.xlsx + "”：" + why, "cannot write \"" + a.xlsx + "\": " + why) << '\n';
      return kExitUsage;
    }
  }
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity == Severity::error) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace zhinan::cli

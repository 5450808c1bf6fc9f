// zhinan audit [--registry FUNDED] [--format text|json|html] [-o REPORT] [--xlsx OUT.xlsx]
//              [--mode draft|submit] [--allow-more-key-tech] [--profile P] PACKAGE…: the province's check of the
// packages it received, every structural rule per package and the batch rules across all.
#include <fstream>
#include <ostream>
#include <unistd.h>

#include "cli.hpp"
#include "options.hpp"
#include "office/summary_table_file.hpp"
#include "zhinan/audit.hpp"
#include "zhinan/io.hpp"

namespace zhinan::cli {

constexpr OptionSpec kAuditOptions[] = {
    {.name = "--registry", .value_zh = "已立项项目.jsonl", .value_en = "FUNDED.jsonl",
     .help_zh = "已立项项目清单或 zhinan registry 的索引，跨包查重时一并比对",
     .help_en = "funded projects (or an index from zhinan registry), compared as well", .example = "已立项项目.jsonl",
     .synopsis = true},
    {.name = "--format", .help_zh = "报告格式：text（默认）、json 或 html（可在浏览器中打开的单个文件）",
     .help_en = "report as text (default), JSON, or one HTML file to open in a browser", .choices = "text|json|html",
     .example = "html", .synopsis = true},
    {.name = "--output", .alias = "-o", .value_zh = "报告文件", .value_en = "REPORT",
     .help_zh = "把报告写入文件（默认输出到屏幕）", .help_en = "write the report to a file (default: standard output)",
     .example = "审核报告.html", .synopsis = true},
    {.name = "--xlsx", .value_zh = "清单.xlsx", .value_en = "LIST.xlsx",
     .help_zh = "另写全省指南建议清单（压缩包、主管部门、合作国别、序号、名称、单位、建议人、金额、结论）",
     .help_en = "also write the province-wide list of every suggestion read", .example = "全省清单.xlsx",
     .synopsis = true},
    {.name = "--mode", .help_zh = "每个文件的检查方式，同 zhinan validate（默认 submit）",
     .help_en = "how each document is checked, as in zhinan validate (default submit)", .choices = "draft|submit",
     .example = "submit"},
    {.name = "--allow-more-key-tech",
     .help_zh = "关键技术超过通知的上限（原则上不超过5项）时只作警告，同 zhinan validate",
     .help_en = "more key technologies than the call's limit (5, 原则上: in principle) only warn, as in zhinan validate"},
    {.name = "--profile", .value_zh = "配置.json", .value_en = "PROFILE.json",
     .help_zh = "另一年度通知的配置（默认内置2025年山东省通知）", .help_en = "another call's profile (default: the built-in 2025 one)",
     .example = "山东2026.json"},
};

const CommandSpec kAuditCommand{
    .name = "audit",
    .summary_zh = "省厅审核各主管部门报来的压缩包（.zip/.7z/.rar/文件夹）并跨包查重",
    .summary_en = "the province's check of received packages (.zip/.7z/.rar/folders), duplicates across all",
    .operands_zh = "压缩包…",
    .operands_en = "PACKAGE…",
    .operands_help_zh = ".zip、.7z、.rar 或已解压的文件夹；旁边的“名称-汇总表.xlsx/.csv”一并核对",
    .operands_help_en = ".zip, .7z, .rar or an extracted folder; a NAME-汇总表.xlsx/.csv beside it is checked too",
    .min_operands = 1,
    .no_operands_zh = "缺少要审核的压缩包：例如 zhinan audit 青岛.zip 烟台.7z 济南/",
    .no_operands_en = "no package to audit: e.g. zhinan audit qingdao.zip yantai.7z jinan/",
    .options = kAuditOptions,
    .notes_zh = "退出码：0 无错误；1 发现错误；2 用法错误或文件无法读写。\n",
    .notes_en = "Exit codes: 0 no errors; 1 errors found; 2 usage error or a file that cannot be read or written.\n",
};

namespace {

std::function<bool(const AuditProgress&)> audit_progress(const Context& ctx) {
  if (!isatty(2)) return {};
  return [&ctx](const AuditProgress& p) {
    const std::size_t width = 30;
    const std::size_t filled = p.packages_total ? width * p.packages_done / p.packages_total : width;
    const std::string done = std::to_string(p.packages_done) + "/" + std::to_string(p.packages_total);
    const std::string entries = std::to_string(p.entries_done);
    ctx.err << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
            << say(ctx, done + " 个压缩包，" + entries + " 个条目", done + " packages, " + entries + " entries")
            << std::string(8, ' ')
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
  ParsedArgs a;
  if (auto exit = parse_command_line(ctx, kAuditCommand, args, a)) return *exit;
  const std::string format = a.value("--format"), output = a.value("--output"), xlsx = a.value("--xlsx");
  const AuditFormat report_format = format == "json"   ? AuditFormat::json
                                    : format == "html" ? AuditFormat::html
                                    : ctx.lang == Lang::en ? AuditFormat::text_english
                                                           : AuditFormat::text;
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, a.value("--profile"));
  if (!profile) return kExitUsage;
  if (a.has("--allow-more-key-tech")) profile = allow_more_key_technologies(*profile);
  std::optional<FundedRegistry> registry;
  if (!load_registry_option(ctx, a.value("--registry"), *profile, registry)) return kExitUsage;
  Audit audit(profile);
  for (const std::string& p : a.operands) {
    std::error_code ec;
    if (!std::filesystem::exists(path_from_utf8(p), ec)) {
      ctx.err << say(ctx, "找不到“" + p + "”", "\"" + p + "\" does not exist") << '\n';
      return kExitUsage;
    }
    audit.add_package_file(path_from_utf8(p));
  }
  if (registry) audit.set_registry(std::make_shared<const FundedRegistry>(std::move(*registry)));
  AuditOptions options;
  options.mode = parse_mode(a.value("--mode")).value_or(Mode::submit);
  options.progress = report_format == AuditFormat::text || report_format == AuditFormat::text_english || !output.empty()
                         ? audit_progress(ctx)
                         : nullptr;
  const AuditResult result = audit.run(options);
  const std::string report = audit_report(result, report_format);
  if (output.empty()) ctx.out << report;
  else if (!write_report(ctx, output, report)) return kExitUsage;
  if (!xlsx.empty()) {
    std::string why;
    if (!write_audit_xlsx(result, path_from_utf8(xlsx), &why)) {
      ctx.err << say(ctx, "无法写入“" + xlsx + "”：" + why, "cannot write \"" + xlsx + "\": " + why) << '\n';
      return kExitUsage;
    }
  }
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity == Severity::error) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace zhinan::cli

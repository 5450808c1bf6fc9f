// zhinan pack -o OUT.zip [options] FILE…: the department's package of section 四.
#include <algorithm>
#include <ostream>

#include "cli.hpp"
#include "options.hpp"
#include "zhinan/io.hpp"
#include "zhinan/package.hpp"
#include "zhinan/suggestion_json.hpp"

#ifndef _WIN32
#include <unistd.h>
#endif

namespace zhinan::cli {

constexpr OptionSpec kPackOptions[] = {
    {.name = "--output", .alias = "-o", .value_zh = "输出.zip", .value_en = "OUT.zip",
     .help_zh = "压缩包的保存位置；汇总表写在它旁边（输出-汇总表.xlsx 和 .csv）",
     .help_en = "where the package goes; the summary table goes beside it (OUT-汇总表.xlsx and .csv)",
     .check = check_zip_path, .example = "青岛市指南建议.zip", .synopsis = true, .required = true,
     .missing_zh = "缺少 -o 输出.zip：请指定压缩包的保存位置，例如 -o 青岛市指南建议.zip",
     .missing_en = "-o OUT.zip is missing: say where the package goes, e.g. -o 青岛市指南建议.zip"},
    {.name = "--department", .value_zh = "主管部门", .value_en = "NAME",
     .help_zh = "汇总表的主管部门（盖章）；也填入没有主管部门一栏的 Word 表格",
     .help_en = "the summary table's competent department; also given to Word forms (which have no such row)",
     .example = "青岛市科学技术局", .synopsis = true},
    {.name = "--contact", .value_zh = "联系人", .value_en = "NAME", .help_zh = "汇总表的联系人",
     .help_en = "the summary table's contact person", .example = "张明"},
    {.name = "--phone", .value_zh = "联系电话", .value_en = "PHONE",
     .help_zh = "汇总表的联系电话：手机号，或带区号的固定电话", .help_en = "the summary table's phone: a mobile, or a landline with its area code",
     .example = "0531-86123456"},
    {.name = "--date", .value_zh = "填报日期", .value_en = "DATE",
     .help_zh = "汇总表的填报日期：2025年3月10日、2025-03-10、2025/3/10 或 2025.3.10（都写成2025年3月10日）",
     .help_en = "the summary table's date: 2025年3月10日, 2025-03-10, 2025/3/10 or 2025.3.10 (written 2025年3月10日)",
     .check = check_date, .example = "2025年3月10日"},
    {.name = "--numbering", .help_zh = "序号：per-folder 每个文件夹从1编起（默认，同通知示例），global 全包统一编号",
     .help_en = "numbers from 1 in each folder (default, as the call shows) or one count across the package",
     .choices = "per-folder|global", .example = "global", .synopsis = true},
    {.name = "--all-regions", .help_zh = "没有指南建议的合作国别、地区也建空文件夹",
     .help_en = "a folder for every region, also those without suggestions"},
    {.name = "--gbk-names", .help_zh = "文件名用 GBK 编码（另附 UTF-8 文件名），供老旧的中文解压工具",
     .help_en = "GBK names (with the UTF-8 name beside), for old Chinese unzip tools"},
    {.name = "--profile", .value_zh = "配置.json", .value_en = "PROFILE.json",
     .help_zh = "另一年度通知的配置（默认内置2025年山东省通知）", .help_en = "another call's profile (default: the built-in 2025 one)",
     .example = "山东2026.json"},
    {.name = "--registry", .value_zh = "已立项项目.jsonl", .value_en = "FUNDED.jsonl",
     .help_zh = "已立项项目清单或 zhinan registry 的索引，用于查重", .help_en = "funded projects (or an index), to find similar work",
     .example = "已立项项目.jsonl"},
    {.name = "--documents-root", .value_zh = "文件夹", .value_en = "DIR",
     .help_zh = "JSON 的电子版（document）允许所在的文件夹，可多次给出（默认只允许 JSON 所在的文件夹）",
     .help_en = "a folder a JSON's `document` may lie in; may be repeated (default: only the JSON's own folder)",
     .example = "单位材料"},
    {.name = "--time", .value_zh = "2025-01-01T00:00:00", .value_en = "2025-01-01T00:00:00",
     .help_zh = "压缩包内文件的修改时间（默认 2025-01-01T00:00:00：同样的输入得到同样的压缩包）",
     .help_en = "the time on every entry (default 2025-01-01T00:00:00: the same input gives the same bytes)",
     .check = check_time, .example = "2025-03-10T09:00:00"},
    {.name = "--allow-more-key-tech",
     .help_zh = "关键技术超过通知的上限（原则上不超过5项）时只作警告，照常打包；说明报告须写明理由",
     .help_en = "more key technologies than the call's limit (5, in principle) only warn and are packed; the 说明报告 "
                "must give the reason"},
};

const CommandSpec kPackCommand{
    .name = "pack",
    .summary_zh = "按合作国别、地区分文件夹打包，并生成汇总表（.xlsx 和 .csv）",
    .summary_en = "one ZIP with a folder per region, and the summary table (.xlsx, .csv)",
    .operands_zh = "文件…",
    .operands_en = "FILE…",
    .operands_help_zh = "单位的 Word 表格（.docx，原样放入压缩包）或 .json（生成 .docx）",
    .operands_help_en = "units' Word forms (.docx, packed as they are) or .json (rendered as .docx)",
    .min_operands = 1,
    .no_operands_zh = "缺少要打包的文件：请列出指南建议文件（.docx 表格或 .json），例如 zhinan pack -o 青岛市指南建议.zip "
                      "单位一.docx 单位二.docx",
    .no_operands_en = "no file to pack: name the suggestions (.docx forms or .json), e.g. zhinan pack -o "
                      "青岛市指南建议.zip unit1.docx unit2.docx",
    .options = kPackOptions,
    .notes_zh = "任何一个指南建议有错误（与 zhinan validate 的 submit 检查相同）就不打包，什么也不写。\n"
                "退出码：0 已生成；1 有错误，未生成；2 用法错误、文件无法读取或写入失败。\n",
    .notes_en = "While any suggestion has an error (the checks of zhinan validate, submit mode), nothing is written.\n"
                "Exit codes: 0 written; 1 errors, nothing written; 2 usage error, a file that cannot be read, or a "
                "failed write.\n",
};

namespace {

struct PackArgs {
  std::string output, profile_path, registry_path;
  bool allow_more_key_tech = false;
  PackageOptions options;
  std::vector<std::string> files;
};

// The options as the package takes them; their values were checked while parsing.
PackArgs pack_args(const ParsedArgs& parsed) {
  PackArgs a;
  a.output = parsed.value("--output");
  a.profile_path = parsed.value("--profile");
  a.registry_path = parsed.value("--registry");
  a.allow_more_key_tech = parsed.has("--allow-more-key-tech");
  a.options.summary.department = parsed.value("--department");
  a.options.summary.contact = parsed.value("--contact");
  a.options.summary.phone = parsed.value("--phone");
  a.options.summary.date = parsed.value("--date");
  for (const std::string& root : parsed.values("--documents-root")) a.options.document_roots.push_back(path_from_utf8(root));
  a.options.all_regions = parsed.has("--all-regions");
  if (parsed.has("--gbk-names")) a.options.names = NameEncoding::gbk;
  if (parsed.value("--numbering") == "global") a.options.numbering = Numbering::global;
  if (auto t = parse_time_fields(parsed.value("--time"))) a.options.time = {(*t)[0], (*t)[1], (*t)[2], (*t)[3], (*t)[4], (*t)[5]};
  a.files = parsed.operands;
  return a;
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
  ParsedArgs parsed_args;
  // The 汇总表's phone by the rule of the proposers' phones, under the profile of the run
  // (whose own problems, if it cannot be read, are said when it is loaded below).
  const auto check_summary_phone = [](const ParsedArgs& p, std::vector<BadValue>& bad) {
    if (!p.has("--phone")) return;
    const std::string path = p.value("--profile"), phone = p.value("--phone");
    const std::shared_ptr<const Profile> plan =
        path.empty() ? Profile::builtin_shared() : Profile::from_file(path_from_utf8(path)).profile;
    if (!plan) return;
    if (auto problem = check_phone(phone, plan->phone_plan())) bad.push_back({"--phone", phone, std::move(*problem)});
  };
  if (auto exit = parse_command_line(ctx, kPackCommand, args, parsed_args, check_summary_phone)) return *exit;
  PackArgs a = pack_args(parsed_args);
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, a.profile_path);
  if (!profile) return kExitUsage;
  if (a.allow_more_key_tech) profile = allow_more_key_technologies(*profile);
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
      results.push_back({file, "", {std::move(*failure)}, false});  // too large: refused like a file that is
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
  // Findings about a file go under it; those about the package as a whole (no file:
  // package.refused, package.write_failed, package.cancelled …) under the package's heading.
  PackageFindings package{a.output, {}};
  for (auto& d : r.diagnostics) {
    auto it = std::find_if(results.begin(), results.end(), [&](const FileResult& f) { return f.file == d.file; });
    if (it != results.end()) it->diagnostics.push_back(std::move(d));
    else if (d.file.empty()) package.diagnostics.push_back(std::move(d));
    else results.push_back({d.file, "", {std::move(d)}});
  }
  if (!r.written) {
    print_text(ctx, results, &package);
    return io_failure ? kExitUsage : kExitFindings;
  }
  // Warnings (names adjusted, similar content) still deserve a look.
  const bool any = !package.diagnostics.empty() ||
                   std::any_of(results.begin(), results.end(), [](const FileResult& f) { return !f.diagnostics.empty(); });
  if (any) print_text(ctx, results, &package);
  std::size_t folders = 0;
  std::string last;
  for (const auto& f : r.files)
    if (f.region != last) ++folders, last = f.region;
  ctx.out << say(ctx,
                 "已生成压缩包：" + path_to_utf8(r.zip) + "（" + std::to_string(r.files.size()) + "个指南建议，" +
                     std::to_string(folders) + "个文件夹）\n汇总表：" + path_to_utf8(r.xlsx) + "、" +
                     path_to_utf8(r.csv) + "（请打印、盖章后报送）",
                 "package written: " + path_to_utf8(r.zip) + " (" +
                     count_en(r.files.size(), "suggestion", "suggestions") + " in " +
                     count_en(folders, "folder", "folders") + ")\nsummary table: " + path_to_utf8(r.xlsx) + ", " +
                     path_to_utf8(r.csv))
          << '\n';
  return kExitOk;
}

}  // namespace zhinan::cli

// zhinan validate [--mode draft|submit] [--department NAME] [--format text|json] [options] FILE…
#include <boost/json.hpp>
#include <algorithm>
#include <map>
#include <optional>
#include <ostream>

#include "base/parallel_for.hpp"
#include "cli.hpp"
#include "options.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

constexpr OptionSpec kValidateOptions[] = {
    {.name = "--mode", .help_zh = "检查方式：draft 草稿（缺项只提示），submit 报送前的完整检查（默认），见下文",
     .help_en = "draft: a unit's draft (what is missing only warns); submit: the full check before sending (default); "
                "see below",
     .choices = "draft|submit", .example = "draft", .synopsis = true},
    {.name = "--department", .value_zh = "主管部门", .value_en = "NAME",
     .help_zh = "主管部门：Word 表格没有这一栏，读取 .docx 时填上（JSON 中已有的不变）",
     .help_en = "the competent department, for .docx forms (which have no such row); a JSON's own stays",
     .example = "青岛市科学技术局", .synopsis = true},
    {.name = "--format", .help_zh = "报告格式：text 给人看（默认），json 给程序读", .help_en = "report as text (default) or JSON",
     .choices = "text|json", .example = "json", .synopsis = true},
    {.name = "--profile", .value_zh = "配置.json", .value_en = "PROFILE.json",
     .help_zh = "另一年度通知的配置（zhinan.profile/1；默认内置2025年山东省通知）",
     .help_en = "another call's profile (zhinan.profile/1; default: the built-in 2025 Shandong call)",
     .example = "山东2026.json"},
    {.name = "--registry", .value_zh = "已立项项目.jsonl", .value_en = "FUNDED.jsonl",
     .help_zh = "已立项项目清单（JSON Lines，或 zhinan registry 建立的索引），与之相似的报 history.similar_funded",
     .help_en = "funded projects (JSON Lines, or an index from zhinan registry): similar work is history.similar_funded",
     .example = "已立项项目.jsonl"},
    {.name = "--allow-more-key-tech",
     .help_zh = "关键技术超过通知的上限（原则上不超过5项）时只作警告，并提示须在说明报告中说明理由",
     .help_en = "more key technologies than the call's limit (5, 原则上: in principle) only warn, asking for the "
                "reason in the 说明报告"},
};

const CommandSpec kValidateCommand{
    .name = "validate",
    .summary_zh = "按通知要求逐项检查指南建议（.docx 表格或 .json），再跨文件查重",
    .summary_en = "check suggestions (.docx forms or .json) against every rule of the call, then across the files",
    .operands_zh = "文件…",
    .operands_en = "FILE…",
    .operands_help_zh = "单位的 Word 表格（附件1，.docx）或 .json；- 为标准输入",
    .operands_help_en = "units' Word forms (annex 1, .docx) or .json; - for standard input",
    .min_operands = 1,
    .no_operands_zh = "缺少要检查的文件：请列出指南建议文件（.docx 表格或 .json），例如 zhinan validate 单位一.docx",
    .no_operands_en = "no file to check: name the suggestions (.docx forms or .json), e.g. zhinan validate unit1.docx",
    .options = kValidateOptions,
    .notes_zh =
        "检查方式（--mode）：\n"
        "  submit  报送前的完整检查（默认）：每条规则都按通知要求，有错误即退出码1。\n"
        "  draft   草稿，单位还在填写时用：未填写的栏目（编号以 missing 结尾的规则，如 title.missing 项目名称、\n"
        "          source.phone_missing 联系电话、key_tech.trl_missing 成熟度等级、report.missing 说明报告、\n"
        "          report.ip_indicator_missing 知识产权指标、department.missing 主管部门）降为警告，不算错误；\n"
        "          已填写但不符合要求的仍是错误：项目概述超字数、关键技术超过5项、电话无效、等级不在1–13级、\n"
        "          金额无效或省财政资金超过总投入、“引进来”“走出去”都没勾选（type.none）、同一建议人重复提报等。\n"
        "关键技术超过5项（--allow-more-key-tech）：通知写的是“原则上不超过5项”。确有理由、主管部门认可时加此选项，\n"
        "  key_tech.too_many 由错误降为警告，提示说明报告须写明理由。\n"
        "退出码：0 无错误；1 发现错误；2 用法错误或文件无法读取。\n",
    .notes_en =
        "Modes (--mode):\n"
        "  submit  the full check before sending (default): every rule as the call says; errors exit 1.\n"
        "  draft   a unit still filling in the form: what is not filled in (rules whose id ends in missing, such as\n"
        "          title.missing, source.phone_missing, key_tech.trl_missing, report.missing,\n"
        "          report.ip_indicator_missing, department.missing) is a warning, not an error; what is filled in\n"
        "          wrongly is still an error: an overview over the limit, more than 5 key technologies, an invalid\n"
        "          phone, a level outside 1-13, invalid amounts or provincial funding above the total, neither\n"
        "          bring_in nor go_global ticked (type.none), one proposer twice, and so on.\n"
        "More key technologies (--allow-more-key-tech): the call says 原则上不超过5项 (at most 5, in principle).\n"
        "  When the department accepts a unit's reasons, key_tech.too_many becomes a warning asking for them in\n"
        "  the 说明报告.\n"
        "Exit codes: 0 no errors; 1 errors found; 2 usage error or a file that cannot be read.\n",
};

namespace {

// One file read, parsed and checked by its own rules: what the report says of it, and what
// the batch rules read of the suggestion when it could be read (the suggestion itself is
// let go on the worker that read it).
struct CheckedFile {
  FileResult result;
  std::optional<BatchKey> key;
  bool io_failed = false;
};

CheckedFile check_file(const Context& ctx, const std::string& file, const InputLimits& limits, const Profile& profile,
                       const std::string& department, Mode mode) {
  CheckedFile c;
  std::string bytes;
  if (auto failure = read_input(file, bytes, limits)) {
    // Listed with its finding, as not read, in either report.
    c.io_failed = input_failure_exit(*failure) == kExitUsage;
    c.result = {file, "", {std::move(*failure)}, false};
    return c;
  }
  c.result = {file, "", {}};
  ParseResult parsed = read_suggestion_input(ctx, file, bytes, profile, department);
  c.result.diagnostics = std::move(parsed.diagnostics);
  if (parsed.suggestion) {
    c.result.title = parsed.suggestion->title;
    Diagnostics found = validate(*parsed.suggestion, profile, mode);
    c.result.diagnostics.insert(c.result.diagnostics.end(), found.begin(), found.end());
    c.key = batch_key(file, *parsed.suggestion, profile);
  }
  return c;
}

}  // namespace

int run_validate(const Context& ctx, std::span<const std::string> args) {
  ParsedArgs parsed_args;
  if (auto exit = parse_command_line(ctx, kValidateCommand, args, parsed_args)) return *exit;
  const bool json = parsed_args.value("--format") == "json";
  const Mode mode = parse_mode(parsed_args.value("--mode")).value_or(Mode::submit);
  const std::string department = parsed_args.value("--department");
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, parsed_args.value("--profile"));
  if (!profile) return kExitUsage;
  if (parsed_args.has("--allow-more-key-tech")) profile = allow_more_key_technologies(*profile);
  std::optional<FundedRegistry> registry;
  if (!load_registry_option(ctx, parsed_args.value("--registry"), *profile, registry)) return kExitUsage;
  const InputLimits limits = suggestion_input_limits(*profile);
  // Each file is read, parsed and checked on its own, on every core; the results are then
  // taken in the order the files were given, so the report does not depend on the timing.
  const std::vector<std::string>& files = parsed_args.operands;
  std::vector<CheckedFile> checked(files.size());
  const auto check_one = [&](std::size_t i) {
    checked[i] = check_file(ctx, files[i], limits, *profile, department, mode);
  };
  // Standard input is one stream: each "-" is read here, in order, not by the workers.
  for (std::size_t i = 0; i < files.size(); ++i)
    if (files[i] == "-") check_one(i);
  // The others on every core; a failure in one (out of memory) reaches main's handler.
  detail::parallel_for(files.size(), 0, [&](std::size_t i) {
    if (files[i] != "-") check_one(i);
  });
  std::vector<FileResult> results;
  std::vector<BatchKey> keys;       // of those that could be read, for the batch rules
  std::vector<std::size_t> owners;  // their place in results
  bool io_failed = false;
  for (CheckedFile& c : checked) {
    if (c.io_failed) {
      // A file that cannot be read makes the exit 2 (I/O failure), and is also said on
      // stderr beside a JSON report.
      io_failed = true;
      if (json) ctx.err << say(ctx, c.result.diagnostics.front().message_zh, c.result.diagnostics.front().message_en) << '\n';
    }
    if (c.key) {
      keys.push_back(std::move(*c.key));
      owners.push_back(results.size());
    }
    results.push_back(std::move(c.result));
  }
  // Then the batch rules across every file given together (三(三)). Entries are named by
  // their file; a file given twice is told apart by its position.
  std::map<std::string, std::size_t> owner_of;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::string& name = keys[i].name;
    if (owner_of.contains(name)) name += " (#" + std::to_string(owners[i] + 1) + ")";
    owner_of.emplace(name, owners[i]);
  }
  for (Diagnostic& d : check_batch(std::move(keys), *profile, registry ? &*registry : nullptr))
    results[owner_of.at(d.file)].diagnostics.push_back(std::move(d));

  if (json) print_json(ctx, to_string(mode), results);
  else print_text(ctx, results);
  if (io_failed) return kExitUsage;
  for (const auto& r : results)
    if (has_errors(r.diagnostics)) return kExitFindings;
  return kExitOk;
}

}  // namespace zhinan::cli

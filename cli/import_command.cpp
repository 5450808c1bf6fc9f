// zhinan import [-o OUT.json] [--format text|json] [--profile P] FILE: a unit's Word form
// (附件1) read into canonical zhinan.suggestion/1 JSON; findings on standard error.
#include <fstream>
#include <ostream>

#include "cli.hpp"
#include "options.hpp"
#include "office/summary_table_file.hpp"
#include "zhinan/import.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

constexpr OptionSpec kImportOptions[] = {
    {.name = "--output", .alias = "-o", .value_zh = "输出.json", .value_en = "OUT.json",
     .help_zh = "把 JSON 写入文件（默认输出到屏幕）", .help_en = "write the JSON to a file (default: standard output)",
     .example = "单位一.json", .synopsis = true},
    {.name = "--format", .help_zh = "发现的问题（输出到标准错误）的格式：text（默认）或 json",
     .help_en = "the findings (on standard error) as text (default) or JSON", .choices = "text|json", .example = "json",
     .synopsis = true},
    {.name = "--profile", .value_zh = "配置.json", .value_en = "PROFILE.json",
     .help_zh = "另一年度通知的配置（默认内置2025年山东省通知）", .help_en = "another call's profile (default: the built-in 2025 one)",
     .example = "山东2026.json", .synopsis = true},
};

const CommandSpec kImportCommand{
    .name = "import",
    .summary_zh = "读取单位填写的附件1（Word/WPS 表格），输出指南建议数据（JSON）",
    .summary_en = "read a unit's filled-in form (annex 1, Word/WPS) into suggestion JSON",
    .operands_zh = "单位.docx",
    .operands_en = "FORM.docx",
    .operands_help_zh = "单位的 Word 表格（.docx；装有 LibreOffice 时 .doc/.wps/.odt/.rtf 也可）；- 为标准输入",
    .operands_help_en = "a unit's Word form (.docx; .doc/.wps/.odt/.rtf when LibreOffice is installed); - for stdin",
    .min_operands = 1,
    .max_operands = 1,
    .no_operands_zh = "缺少要读取的 Word 表格：例如 zhinan import -o 单位一.json 单位一.docx",
    .no_operands_en = "no Word form to read: e.g. zhinan import -o unit1.json unit1.docx",
    .options = kImportOptions,
    .notes_zh = "退出码：0 已读出表格（可有警告）；1 文件不是表格；2 用法错误或文件无法读写。\n",
    .notes_en = "Exit codes: 0 a form was read (warnings allowed); 1 the file is no form; 2 usage or I/O failure.\n",
};

int run_import(const Context& ctx, std::span<const std::string> args) {
  ParsedArgs parsed;
  if (auto exit = parse_command_line(ctx, kImportCommand, args, parsed)) return *exit;
  struct {
    std::string output, file;
    bool json;
  } const o{parsed.value("--output"), parsed.operands.front(), parsed.value("--format") == "json"};
  std::shared_ptr<const Profile> profile = load_profile_option(ctx, parsed.value("--profile"));
  if (!profile) return kExitUsage;
  Context report{ctx.lang, ctx.err, ctx.err};
  std::string bytes;
  // What does not begin as a ZIP is no form, whatever follows: the text limit stops it.
  if (auto failure = read_input(o.file, bytes, suggestion_input_limits(*profile))) {
    // The JSON report names the file and why it was not read, as for a file that was.
    if (!o.json) return report_input_failure(ctx, o.file, *failure);
    print_json(report, "import", {{o.file, "", {*failure}, false}});
    return input_failure_exit(*failure);
  }
  // The file is read as a form whatever its extension: that is what this command is for.
  ImportResult imported = import_word_input(o.file, bytes, *profile);
  std::vector<FileResult> results{{o.file, imported.suggestion ? imported.suggestion->title : "", imported.diagnostics}};
  if (o.json) print_json(report, "import", results);
  else if (!imported.diagnostics.empty()) print_diagnostics(report, o.file, imported.diagnostics);
  if (!imported.suggestion) return kExitFindings;
  const std::string json = to_json(*imported.suggestion);
  if (o.output.empty()) {
    ctx.out << json;
    return kExitOk;
  }
  std::string why;
  const auto write = [&](const std::filesystem::path& temp, std::string* error) {
    std::ofstream out(temp, std::ios::binary);
    out << json;
    out.close();
    if (!out && error != nullptr) *error = "write error";
    return static_cast<bool>(out);
  };
  if (!detail::write_file_atomically(path_from_utf8(o.output), write, &why)) {
    ctx.err << say(ctx, "无法写入“" + o.output + "”：" + why, "cannot write \"" + o.output + "\": " + why) << '\n';
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace zhinan::cli

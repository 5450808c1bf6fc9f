// zhinan count [--mode …] [FILE|-]  and  zhinan name [--number N --unit U --ext E --folder F] TEXT…
#include <ostream>

#include "cli.hpp"
#include "options.hpp"
#include "zhinan/count.hpp"
#include "zhinan/file_name.hpp"

namespace zhinan::cli {
namespace {

void print_changes(const Context& ctx, const NameChanges& changes) {
  for (const auto& c : changes)
    ctx.err << "  " << (ctx.lang == Lang::zh ? "改动" : "changed") << " [name." << to_string(c.kind) << "] "
            << say(ctx, c.message_zh, c.message_en) << '\n';
}

}  // namespace

constexpr OptionSpec kCountOptions[] = {
    {.name = "--mode",
     .help_zh = "计数方式：word 按 Word“字数统计”的字数（默认），chars 字符数（不计空格），chars-with-spaces 字符数（计空格），"
                "graphemes 按字形",
     .help_en = "word: Word's word count (default); chars: characters without spaces; chars-with-spaces; graphemes",
     .choices = "word|chars|chars-with-spaces|graphemes", .example = "chars", .synopsis = true},
};

const CommandSpec kCountCommand{
    .name = "count",
    .summary_zh = "按 Word“字数统计”的规则数字数（默认 word）",
    .summary_en = "count 字 as Word's word count does (default: word)",
    .operands_zh = "[文件|-]",
    .operands_en = "[FILE|-]",
    .operands_help_zh = "文本文件（UTF-8）；不给或 - 为标准输入",
    .operands_help_en = "a text file (UTF-8); none or - for standard input",
    .max_operands = 1,
    .options = kCountOptions,
};

int run_count(const Context& ctx, std::span<const std::string> args) {
  ParsedArgs parsed;
  if (auto exit = parse_command_line(ctx, kCountCommand, args, parsed)) return *exit;
  const CountMode mode = parse_count_mode(parsed.value("--mode")).value_or(CountMode::word);
  const std::string file = parsed.operands.empty() ? "-" : parsed.operands.front();
  // Counted as it is read, a buffer at a time: a file of any size in little memory.
  // Standard input stops at as much as a suggestion may hold (it may have no end: /dev/zero).
  TextCounter counter(mode);
  const auto feed = [&](std::string_view piece) { counter.feed(piece); };
  if (auto failure = read_input_pieces(file, text_input_limits(Profile::builtin()), feed))
    return report_input_failure(ctx, file, *failure);
  ctx.out << counter.finish().get(mode) << '\n';
  return kExitOk;
}

constexpr OptionSpec kNameOptions[] = {
    {.name = "--number", .value_zh = "序号", .value_en = "N", .help_zh = "序号：生成“序号.项目名称-建议单位.扩展名”",
     .help_en = "the number: makes an entry name NUMBER.TITLE-UNIT.EXT", .check = check_non_negative, .example = "1",
     .synopsis = true},
    {.name = "--unit", .value_zh = "建议单位", .value_en = "UNIT", .help_zh = "建议单位", .help_en = "the proposing unit",
     .example = "山东大学", .synopsis = true},
    {.name = "--ext", .value_zh = "扩展名", .value_en = "EXT", .help_zh = "扩展名，如 docx、pdf",
     .help_en = "the extension, such as docx or pdf", .example = "docx", .synopsis = true},
    {.name = "--folder", .value_zh = "文件夹", .value_en = "FOLDER",
     .help_zh = "所在的文件夹（合作国别、地区），用于检查压缩包内路径的长度",
     .help_en = "the folder it goes in (the region), for the length of the path in the package",
     .example = "上合组织成员国"},
};

const CommandSpec kNameCommand{
    .name = "name",
    .summary_zh = "生成各系统都能解压的文件名（加 --number --unit 生成“序号.项目名称-建议单位”）",
    .summary_en = "file names every unzip tool reads right (--number --unit: an entry name)",
    .operands_zh = "文字…",
    .operands_en = "TEXT…",
    .operands_help_zh = "每段文字变成一个文件名；加 --number 等时只给一个项目名称",
    .operands_help_en = "each TEXT becomes a file name; with --number and the like, one title",
    .min_operands = 1,
    .no_operands_zh = "缺少文字：例如 zhinan name '氢能:储运?' 或 zhinan name --number 1 --unit 山东大学 --ext docx 项目名称",
    .no_operands_en = "no text: e.g. zhinan name 'a:b?' or zhinan name --number 1 --unit UNIT --ext docx TITLE",
    .options = kNameOptions,
};

int run_name(const Context& ctx, std::span<const std::string> args) {
  ParsedArgs parsed;
  if (auto exit = parse_command_line(ctx, kNameCommand, args, parsed)) return *exit;
  const std::vector<std::string>& texts = parsed.operands;
  const bool is_entry =
      parsed.has("--number") || parsed.has("--unit") || parsed.has("--ext") || parsed.has("--folder");
  if (is_entry && texts.size() != 1) {
    ctx.err << say(ctx, "加了 --number、--unit、--ext 或 --folder 时只能给出一个项目名称，现有" +
                            std::to_string(texts.size()) + "个",
                   "with --number, --unit, --ext or --folder give one title; " + std::to_string(texts.size()) +
                       " were given")
            << '\n';
    print_usage(ctx, kNameCommand);
    return kExitUsage;
  }
  if (is_entry) {
    EntryNameRequest entry;
    entry.title = texts.front();
    if (parsed.has("--number")) entry.number = std::stoi(parsed.value("--number"));
    entry.unit = parsed.value("--unit");
    entry.extension = parsed.value("--ext");
    entry.folder = parsed.value("--folder");
    EntryName name = make_entry_name(entry);
    ctx.out << name.file_name << '\n';
    print_changes(ctx, name.changes);
    return kExitOk;
  }
  for (const auto& t : texts) {
    SanitizedName name = sanitize_name_component(t);
    ctx.out << name.name << '\n';
    print_changes(ctx, name.changes);
  }
  return kExitOk;
}

}  // namespace zhinan::cli

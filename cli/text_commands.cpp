// zhinan count [--mode …] [FILE|-]  and  zhinan name [--number N --unit U --ext E --folder F] TEXT…
#include <ostream>

#include "cli.hpp"
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

int run_count(const Context& ctx, std::span<const std::string> args) {
  CountMode mode = CountMode::word;
  std::string file = "-";
  bool have_file = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--mode" && i + 1 < args.size() && parse_count_mode(args[i + 1])) {
      mode = *parse_count_mode(args[++i]);
    } else if (!have_file && (args[i] == "-" || !args[i].starts_with("--"))) {
      file = args[i];
      have_file = true;
    } else {
      ctx.err << say(ctx, "用法：zhinan count [--mode word|chars|chars-with-spaces|graphemes] [文件|-]",
                     "usage: zhinan count [--mode word|chars|chars-with-spaces|graphemes] [FILE|-]")
              << '\n';
      return kExitUsage;
    }
  }
  std::string text;  // as much as a suggestion may hold: stdin may have no end (/dev/zero)
  if (auto failure = read_input(file, text, text_input_limits(Profile::builtin())))
    return report_input_failure(ctx, file, *failure);
  ctx.out << count_text(text, mode) << '\n';
  return kExitOk;
}

int run_name(const Context& ctx, std::span<const std::string> args) {
  EntryNameRequest entry;
  bool is_entry = false;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--number" && has_value) {
      try {
        entry.number = std::stoi(args[++i]);
      } catch (const std::exception&) {
        entry.number = -1;
      }
      if (entry.number < 0) {
        ctx.err << say(ctx, "--number 应为非负整数", "--number must be a non-negative integer") << '\n';
        return kExitUsage;
      }
      is_entry = true;
    } else if (a == "--unit" && has_value) {
      entry.unit = args[++i], is_entry = true;
    } else if (a == "--ext" && has_value) {
      entry.extension = args[++i], is_entry = true;
    } else if (a == "--folder" && has_value) {
      entry.folder = args[++i], is_entry = true;
    } else if (a.starts_with("--")) {
      texts.clear();
      break;
    } else {
      texts.push_back(a);
    }
  }
  if (texts.empty() || (is_entry && texts.size() != 1)) {
    ctx.err << say(ctx,
                   "用法：zhinan name 文字…（把每段文字变成各系统都能用的文件名）\n"
                   "      zhinan name --number 序号 --unit 建议单位 [--ext 扩展名] [--folder 文件夹] 项目名称",
                   "usage: zhinan name TEXT…   (each TEXT made a file name every system accepts)\n"
                   "       zhinan name --number N --unit UNIT [--ext EXT] [--folder FOLDER] TITLE")
            << '\n';
    return kExitUsage;
  }
  if (is_entry) {
    entry.title = texts.front();
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

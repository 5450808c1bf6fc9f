// Parsing a command's options against its table, and the help made from the same tables.
#include "options.hpp"

#include <algorithm>
#include <array>
#include <ostream>

namespace zhinan::cli {

namespace {

constexpr std::array kCommands = {&kImportCommand, &kValidateCommand, &kPackCommand,  &kAuditCommand,
                                  &kRegistryCommand, &kCountCommand,  &kNameCommand, &kFormatCommand,
                                  &kSummaryCommand};

// Options every command takes besides its own (--lang is read before the command runs).
constexpr OptionSpec kCommonOptions[] = {
    {.name = "--lang", .value_zh = "zh|en", .value_en = "zh|en", .help_zh = "提示语言（默认中文，en 只用英文）",
     .help_en = "language of messages (default Chinese; en: English alone)", .choices = "zh|en", .example = "en"},
    {.name = "--help", .alias = "-h", .help_zh = "显示本帮助", .help_en = "print this help"},
};

std::string_view pick(Lang lang, std::string_view zh, std::string_view en) { return lang == Lang::zh ? zh : en; }

// Columns a terminal gives the text: East Asian wide characters take two.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? c : c & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    width += (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                     (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                 ? 2
                 : 1;
    i += length;
  }
  return width;
}

std::string value_of(Lang lang, const OptionSpec& o) {
  return std::string(!o.choices.empty() ? o.choices : pick(lang, o.value_zh, o.value_en));
}

// "-o 输出.zip", "--mode draft|submit", "--all-regions".
std::string usage_of(Lang lang, const OptionSpec& o) {
  std::string text(o.alias.empty() ? o.name : o.alias);
  const std::string value = value_of(lang, o);
  return value.empty() ? text : text + " " + value;
}

bool takes_value(const OptionSpec& o) { return !o.choices.empty() || !o.value_zh.empty(); }

// The words of a usage line, wrapped at `width` columns with continuation lines indented.
std::string wrap(const std::vector<std::string>& words, std::size_t indent, std::size_t width = 100) {
  std::string out;
  std::size_t column = 0;
  for (const std::string& w : words) {
    const std::size_t wide = display_width(w);
    if (column > indent && column + 1 + wide > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (!out.empty()) {
      out += ' ';
      ++column;
    }
    out += w;
    column += wide;
  }
  return out;
}

// The synopsis: the required options, the main ones in brackets, [其他选项] for the rest.
std::vector<std::string> synopsis_words(Lang lang, const CommandSpec& spec) {
  std::vector<std::string> words{"zhinan", std::string(spec.name)};
  bool others = false;
  for (const OptionSpec& o : spec.options) {
    if (o.required) words.push_back(usage_of(lang, o));
    else if (o.synopsis) words.push_back("[" + usage_of(lang, o) + "]");
    else others = true;
  }
  if (others) words.emplace_back(pick(lang, "[其他选项]", "[options]"));
  if (!spec.operands_zh.empty()) words.emplace_back(pick(lang, spec.operands_zh, spec.operands_en));
  return words;
}

std::string synopsis(Lang lang, const CommandSpec& spec, std::size_t indent) {
  return wrap(synopsis_words(lang, spec), indent);
}

// Text wrapped at `width` columns, continuation lines indented to `indent`: English breaks at
// spaces, Chinese between characters, never before closing punctuation.
std::string wrap_text(std::string_view text, std::size_t column, std::size_t indent, std::size_t width = 110) {
  struct Piece {
    std::string_view text;
    std::size_t width;
    bool space, wide;
  };
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string_view piece = text.substr(i, length);
    const std::size_t wide = display_width(piece);
    pieces.push_back({piece, wide, piece == " ", wide == 2});
    i += length;
  }
  static constexpr std::string_view kNoBreakBefore[] = {"，", "。", "；", "：", "、", "）", "”", "》", "】", "！", "？"};
  const auto may_break_before = [&](std::size_t k) {
    if (k == 0 || k >= pieces.size()) return false;
    for (std::string_view p : kNoBreakBefore)
      if (pieces[k].text == p) return false;
    return pieces[k - 1].space || pieces[k].wide || pieces[k - 1].wide;
  };
  std::string out;
  std::size_t line_start = 0;
  while (line_start < pieces.size()) {
    std::size_t used = column, end = line_start, last_break = line_start;
    while (end < pieces.size() && (used + pieces[end].width <= width || end == line_start)) {
      if (may_break_before(end)) last_break = end;
      used += pieces[end++].width;
    }
    if (end < pieces.size() && may_break_before(end)) last_break = end;
    if (end == pieces.size() || last_break == line_start) last_break = end;
    std::size_t stop = last_break;
    while (stop > line_start && pieces[stop - 1].space) --stop;  // no trailing space
    for (std::size_t k = line_start; k < stop; ++k) out += pieces[k].text;
    line_start = last_break;
    while (line_start < pieces.size() && pieces[line_start].space) ++line_start;
    if (line_start < pieces.size()) out += "\n" + std::string(indent, ' ');
    column = indent;
  }
  return out;
}

void option_lines(std::ostream& out, Lang lang, std::span<const OptionSpec> options) {
  constexpr std::size_t kColumn = 34;
  for (const OptionSpec& o : options) {
    std::string left = "  ";
    if (!o.alias.empty()) left += std::string(o.alias) + ", ";
    left += o.name;
    if (const std::string value = value_of(lang, o); !value.empty()) left += " " + value;
    const std::size_t wide = display_width(left);
    out << left;
    if (wide + 2 > kColumn) out << '\n' << std::string(kColumn, ' ');
    else out << std::string(kColumn - wide, ' ');
    std::string help(pick(lang, o.help_zh, o.help_en));
    if (o.required) help = pick(lang, "（必填）", "(required) ").data() + help;
    out << wrap_text(help, kColumn, kColumn) << '\n';
  }
}

void command_help(std::ostream& out, Lang lang, const CommandSpec& spec) {
  out << "zhinan " << spec.name << pick(lang, " — ", " — ") << pick(lang, spec.summary_zh, spec.summary_en) << "\n\n"
      << pick(lang, "用法：", "Usage: ") << synopsis(lang, spec, 8) << '\n';
  if (!spec.operands_help_zh.empty()) {
    const std::string prefix = "  " + std::string(pick(lang, spec.operands_zh, spec.operands_en)) +
                               std::string(pick(lang, "：", ": "));
    out << prefix << wrap_text(pick(lang, spec.operands_help_zh, spec.operands_help_en), display_width(prefix), 4)
        << '\n';
  }
  out << '\n';
  if (!spec.options.empty()) {
    out << pick(lang, "选项：\n", "Options:\n");
    option_lines(out, lang, spec.options);
    out << '\n';
  }
  out << pick(lang, "通用选项：\n", "Common options:\n");
  option_lines(out, lang, kCommonOptions);
  if (const std::string_view notes = pick(lang, spec.notes_zh, spec.notes_en); !notes.empty()) out << '\n' << notes;
}

const OptionSpec* find_option(const CommandSpec& spec, std::string_view name) {
  for (std::span<const OptionSpec> table : {spec.options, std::span<const OptionSpec>(kCommonOptions)})
    for (const OptionSpec& o : table)
      if (o.name == name || (!o.alias.empty() && o.alias == name)) return &o;
  return nullptr;
}

// "draft|submit" → "draft 或 submit" / "draft or submit".
std::string choices_said(Lang lang, std::string_view choices) {
  std::string out(choices);
  const std::string last = lang == Lang::zh ? " 或 " : " or ";
  const std::string other = lang == Lang::zh ? "、" : ", ";
  bool first = true;
  for (auto at = out.rfind('|'); at != std::string::npos; at = at == 0 ? std::string::npos : out.rfind('|', at - 1)) {
    out.replace(at, 1, first ? last : other);
    first = false;
  }
  return out;
}

std::optional<Problem> check_value(const OptionSpec& o, std::string& value) {
  if (!o.choices.empty()) {
    std::string_view rest = o.choices;
    while (!rest.empty()) {
      const auto bar = rest.find('|');
      if (rest.substr(0, bar) == value) return std::nullopt;
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
    return Problem{"只能是 " + choices_said(Lang::zh, o.choices) + "，例如 " + std::string(o.name) + " " +
                       std::string(o.example),
                   "it must be " + choices_said(Lang::en, o.choices) + ", e.g. " + std::string(o.name) + " " +
                       std::string(o.example)};
  }
  return o.check ? o.check(value, o) : check_not_blank(value, o);
}

}  // namespace

std::span<const CommandSpec* const> command_specs() { return kCommands; }

const CommandSpec* find_command_spec(std::string_view name) {
  for (const CommandSpec* c : kCommands)
    if (c->name == name) return c;
  return nullptr;
}

bool ParsedArgs::has(std::string_view name) const {
  return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
}

std::string ParsedArgs::value(std::string_view name) const {
  for (auto it = options.rbegin(); it != options.rend(); ++it)
    if (it->first == name) return it->second;
  return {};
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : options)
    if (n == name) out.push_back(v);
  return out;
}

void print_usage(const Context& ctx, const CommandSpec& spec) {
  const std::string zh = "用法：" + synopsis(Lang::zh, spec, 6) + "\n（运行 zhinan " + std::string(spec.name) +
                         " --help 查看全部选项）";
  const std::string en = "usage: " + synopsis(Lang::en, spec, 8) + "\n  (zhinan " + std::string(spec.name) +
                         " --help lists every option)";
  ctx.err << say(ctx, zh, en) << '\n';
}

int report_bad_value(const Context& ctx, std::string_view name, std::string_view value, const Problem& problem) {
  const std::string shown(value);
  ctx.err << say(ctx, "选项 " + std::string(name) + " 的取值“" + shown + "”有误：" + problem.zh,
                 "the value \"" + shown + "\" of " + std::string(name) + " is wrong: " + problem.en)
          << '\n';
  return kExitUsage;
}

std::optional<int> parse_command_line(const Context& ctx, const CommandSpec& spec, std::span<const std::string> args,
                                      ParsedArgs& out, const ExtraCheck& extra) {
  const auto usage_error = [&](const std::string& zh, const std::string& en) {
    ctx.err << say(ctx, zh, en) << '\n';
    print_usage(ctx, spec);
    return kExitUsage;
  };
  std::vector<BadValue> bad;
  bool operands_only = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (operands_only || arg == "-" || !arg.starts_with("-")) {
      out.operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      operands_only = true;
      continue;
    }
    // --name=value as well as --name value.
    const auto equals = arg.starts_with("--") ? arg.find('=') : std::string::npos;
    const std::string name = arg.substr(0, equals);
    const OptionSpec* o = find_option(spec, name);
    if (!o)
      return usage_error("未知选项“" + name + "”：zhinan " + std::string(spec.name) + " 没有这个选项",
                         "unknown option \"" + name + "\": zhinan " + std::string(spec.name) + " has no such option");
    if (o->name == "--help") {
      print_command_help(ctx, spec);
      return kExitOk;
    }
    std::string value;
    if (!takes_value(*o)) {
      if (equals != std::string::npos)
        return usage_error("选项 " + name + " 不带取值", "the option " + name + " takes no value");
    } else if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size() && !(args[i + 1].starts_with("--") && args[i + 1].size() > 2)) {
      value = args[++i];
    } else {
      const std::string right = std::string(o->alias.empty() ? o->name : o->alias) + " " + std::string(o->example);
      return usage_error("选项 " + name + " 后缺少取值（" + std::string(o->value_zh.empty() ? o->choices : o->value_zh) +
                             "），例如 " + right,
                         "the option " + name + " needs a value (" +
                             std::string(o->value_en.empty() ? o->choices : o->value_en) + "), e.g. " + right);
    }
    if (takes_value(*o))
      if (auto problem = check_value(*o, value)) {
        bad.push_back({name, value, std::move(*problem)});
        continue;
      }
    out.options.emplace_back(o->name, std::move(value));
  }
  if (extra) extra(out, bad);
  for (const BadValue& b : bad) report_bad_value(ctx, b.option, b.value, b.problem);
  // What is missing, all of it, then how the command is used.
  std::vector<Problem> missing;
  for (const OptionSpec& o : spec.options)
    if (o.required && !out.has(o.name)) missing.push_back({std::string(o.missing_zh), std::string(o.missing_en)});
  if (out.operands.size() < spec.min_operands)
    missing.push_back({std::string(spec.no_operands_zh), std::string(spec.no_operands_en)});
  if (out.operands.size() > spec.max_operands) {
    const std::string n = std::to_string(spec.max_operands), given = std::to_string(out.operands.size());
    const auto bare = [](std::string_view what) {  // "[文件|-]" → "文件|-"
      if (what.starts_with("[") && what.ends_with("]")) what = what.substr(1, what.size() - 2);
      return std::string(what);
    };
    missing.push_back({"zhinan " + std::string(spec.name) + " 最多只能给出" + n + "个" + bare(spec.operands_zh) +
                           "，现给出了" + given + "个：" + out.operands.back(),
                       "zhinan " + std::string(spec.name) + " takes at most " + n + " " + bare(spec.operands_en) +
                           "; " + given + " were given: " + out.operands.back()});
  }
  for (const Problem& m : missing) ctx.err << say(ctx, m.zh, m.en) << '\n';
  if (!missing.empty()) print_usage(ctx, spec);
  if (bad.empty() && missing.empty()) return std::nullopt;
  return kExitUsage;
}

void print_command_help(const Context& ctx, const CommandSpec& spec) {
  if (ctx.lang == Lang::zh) {
    command_help(ctx.out, Lang::zh, spec);
    ctx.out << '\n';
  }
  command_help(ctx.out, Lang::en, spec);
}

void print_main_help(const Context& ctx) {
  for (const Lang lang : {Lang::zh, Lang::en}) {
    if (lang == Lang::zh && ctx.lang == Lang::en) continue;
    std::ostream& out = ctx.out;
    out << pick(lang, "zhinan — 省级国际科技合作项目指南建议的检查、打包与查重工具\n\n用法：\n",
                "zhinan — check, package and audit guideline suggestions\n\nUsage:\n");
    for (const CommandSpec* spec : kCommands) {
      const std::size_t after_name = display_width("  zhinan " + std::string(spec->name) + " ");
      out << "  " << synopsis(lang, *spec, after_name) << "\n      "
          << wrap_text(pick(lang, spec->summary_zh, spec->summary_en), 6, 6) << '\n';
      std::vector<std::string> rest;
      for (const OptionSpec& o : spec->options)
        if (!o.required && !o.synopsis) rest.push_back(usage_of(lang, o));
      if (!rest.empty()) {
        rest.front() = std::string(pick(lang, "其他选项：", "more: ")) + rest.front();
        out << "      " << wrap(rest, 8) << '\n';
      }
    }
    out << pick(lang,
                "  zhinan --version              显示版本\n"
                "  zhinan --help                 显示本帮助；zhinan 命令 --help 显示该命令的全部选项和说明\n\n"
                "通用选项：\n  --lang zh|en                  提示语言（默认中文，en 只用英文）\n\n"
                "退出码：0 无错误；1 发现错误；2 用法或读写错误。\n",
                "  zhinan --version              print the version\n"
                "  zhinan --help                 print this help; zhinan COMMAND --help: that command's options\n\n"
                "Common options:\n  --lang zh|en                  language of messages (default Chinese; en: English "
                "alone)\n\n"
                "Exit codes: 0 no errors; 1 errors found; 2 usage or I/O failure.\n");
    if (lang == Lang::zh && ctx.lang == Lang::zh) out << '\n';
  }
}

}  // namespace zhinan::cli

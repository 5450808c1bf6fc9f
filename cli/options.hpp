// The options of every command, as data: one table per command is what its parser accepts,
// what its --help lists and what the top-level help summarizes, so the three cannot drift.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"

namespace zhinan::cli {

// What is wrong with a value, and what a right one looks like, in both languages.
struct Problem {
  std::string zh, en;
};

struct OptionSpec;
// Checks an option's value; may rewrite it into its canonical form (a date as 2025年3月10日).
using ValueCheck = std::optional<Problem> (*)(std::string& value, const OptionSpec& option);

struct OptionSpec {
  std::string_view name = {};             // "--output"
  std::string_view alias = {};            // "-o", or ""
  std::string_view value_zh = {};         // what the value is, as the help shows it: "输出.zip"; "" for a flag
  std::string_view value_en = {};         // "OUT.zip"
  std::string_view help_zh = {}, help_en = {};
  std::string_view choices = {};          // "draft|submit": the only values accepted; "" for any
  ValueCheck check = nullptr;        // for values that are not choices; nullptr: any non-blank text
  std::string_view example = {};          // a right value, for messages: "青岛市指南建议.zip"
  bool synopsis = false;             // shown in the one-line usage (the options most runs use)
  bool required = false;             // the command cannot run without it
  std::string_view missing_zh = {}, missing_en = {};  // for a required option: what to say when it is absent
};

struct CommandSpec {
  std::string_view name = {};  // "pack"
  std::string_view summary_zh = {}, summary_en = {};
  std::string_view operands_zh = {}, operands_en = {};  // "文件…" / "FILE…"
  std::string_view operands_help_zh = {}, operands_help_en = {};
  std::size_t min_operands = 0;
  std::size_t max_operands = std::numeric_limits<std::size_t>::max();
  std::string_view no_operands_zh = {}, no_operands_en = {};  // what to say when they are missing
  std::span<const OptionSpec> options = {};
  std::string_view notes_zh = {}, notes_en = {};  // paragraphs after the options (modes, exit codes)
};

// Each command's table, beside its run_* function.
extern const CommandSpec kImportCommand, kValidateCommand, kPackCommand, kAuditCommand, kRegistryCommand,
    kCountCommand, kNameCommand, kFormatCommand, kSummaryCommand;

// The commands, in the order the top-level help lists them.
std::span<const CommandSpec* const> command_specs();
const CommandSpec* find_command_spec(std::string_view name);

// The options given, by their long name in the order given, and the operands.
struct ParsedArgs {
  std::vector<std::pair<std::string_view, std::string>> options;
  std::vector<std::string> operands;
  bool has(std::string_view name) const;
  std::string value(std::string_view name) const;  // the last one given, "" when none
  std::vector<std::string> values(std::string_view name) const;
};

// An option's value that is wrong, and why.
struct BadValue {
  std::string option, value;
  Problem problem;
};
// Checks that need more than one value (the 汇总表's phone under the --profile given).
using ExtraCheck = std::function<void(const ParsedArgs&, std::vector<BadValue>&)>;

// Parses args against spec. Nothing when the command should run; otherwise its exit code:
// 0 after printing the help (-h, --help), 2 after saying what is wrong — an unknown option or
// a missing value at once; else every wrong value and everything missing (a required option,
// the operands) together, then the usage.
std::optional<int> parse_command_line(const Context& ctx, const CommandSpec& spec, std::span<const std::string> args,
                                      ParsedArgs& out, const ExtraCheck& extra = {});

// The help of one command (zhinan CMD --help), Chinese then English, or English alone.
void print_command_help(const Context& ctx, const CommandSpec& spec);
// The top-level help: every command's usage and, by name, the rest of its options.
void print_main_help(const Context& ctx);
// Says on stderr that the value of option `name` is wrong, why and what is right; the exit code (2).
int report_bad_value(const Context& ctx, std::string_view name, std::string_view value, const Problem& problem);
// The usage line and where the full help is, on stderr.
void print_usage(const Context& ctx, const CommandSpec& spec);

// Value checks shared by the tables (option_checks.cpp); each problem ends with an example
// of a right value (the option's `example`).
std::optional<Problem> check_not_blank(std::string& value, const OptionSpec& option);
std::optional<Problem> check_date(std::string& value, const OptionSpec& option);  // 填报日期 → 2025年3月10日
std::optional<Problem> check_time(std::string& value, const OptionSpec& option);  // 2025-01-01T00:00:00
std::optional<Problem> check_zip_path(std::string& value, const OptionSpec& option);      // …/NAME.zip
std::optional<Problem> check_non_negative(std::string& value, const OptionSpec& option);  // 0, 1, 2 …
// A contact number by the rule of the proposers' phones (source.phone_invalid).
std::optional<Problem> check_phone(const std::string& value, const PhonePlan& plan);
// 2025-01-01T00:00:00 as year, month, day, hour, minute, second: a real time the ZIP's
// MS-DOS fields can hold (1980–2107); nothing otherwise.
std::optional<std::array<int, 6>> parse_time_fields(std::string_view text);
// Blank is white space alone, half- or full-width.
bool is_blank_text(std::string_view text);

}  // namespace zhinan::cli

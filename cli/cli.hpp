// Shared pieces of the `zhinan` command-line tool.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/dedup.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/profile.hpp"
#include "zhinan/import.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::cli {

enum class Lang { zh, en };

// Exit codes of every command (SPEC.md): 0 no errors, 1 errors found, 2 usage or I/O.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

struct Context {
  Lang lang = Lang::zh;
  std::ostream& out;
  std::ostream& err;
};

// A message a clerk reads: Chinese first with the English after it, or English alone.
std::string say(const Context& ctx, std::string_view zh, std::string_view en);

// 错误 / 警告 / 提示, or error / warning / info.
std::string_view severity_label(Lang lang, Severity s);

// One diagnostic per line: `file:line:col: 错误 [id] /path message`.
void print_diagnostics(const Context& ctx, std::string_view file, const Diagnostics& diagnostics);

// "1 file", "2 files": an English count with its noun.
std::string count_en(std::size_t n, std::string_view one, std::string_view many);

// The findings about one file.
struct FileResult {
  std::string file;
  std::string title;
  Diagnostics diagnostics;
  bool read = true;  // false: the file could not be read (its finding says why), nothing was checked
};

// The findings about a package as a whole (package.refused, package.write_failed,
// package.cancelled …: those without a file), under the package's own heading.
struct PackageFindings {
  std::string zip;
  Diagnostics diagnostics;
};

// Each file's verdict and findings, Chinese first, then the package's (when given), then
// the totals of the files.
void print_text(const Context& ctx, const std::vector<FileResult>& results, const PackageFindings* package = nullptr);
// One JSON document: every finding with file, id, severity, path, message_zh, message_en.
void print_json(const Context& ctx, std::string_view mode, const std::vector<FileResult>& results);

// How much of standard input a command reads: a pipe (or /dev/zero) has no size to check
// first, so reading stops one byte past the limit. Input that begins as a ZIP (a Word
// form) may go on to the word limit when that is larger.
struct InputLimit {
  std::size_t bytes = 0;
  std::string_view zh, en;  // what the limit is, for the message
};
struct InputLimits {
  InputLimit text;
  InputLimit word;  // 0 bytes: a Word form is no input of this command
};
// A suggestion as JSON (the profile's limits.max_suggestion_bytes) or as a Word form
// (ImportLimits::max_file_size); text (to count, or JSON only) as much as a suggestion.
InputLimits suggestion_input_limits(const Profile& profile);
InputLimits text_input_limits(const Profile& profile);

// Reads FILE or standard input ("-") into `bytes`. Nothing when it was read; else the
// finding that says why not: io.read_failed (a file that cannot be read) or
// format.too_large (standard input over the limit, stopped there, `bytes` empty).
std::optional<Diagnostic> read_input(std::string_view name, std::string& bytes, const InputLimits& limits);
// The same reading with the same findings, a buffer at a time: `piece` gets the bytes in
// order and nothing is kept (on a failure it may have had some already). Standard input
// still stops past the limit; a file is read to its end, however large.
using PieceSink = std::function<void(std::string_view)>;
std::optional<Diagnostic> read_input_pieces(std::string_view name, const InputLimits& limits,
                                            const PieceSink& piece);
// The exit code for a failure of read_input: 2 for I/O (io.read_failed), 1 for input
// over the limit (a finding, as a too-large file gives).
int input_failure_exit(const Diagnostic& failure);
// Prints it on standard error as print_diagnostics does; the exit code.
int report_input_failure(const Context& ctx, std::string_view name, const Diagnostic& failure);

// A Word form (by its extension, or a ZIP's signature) rather than JSON.
bool looks_like_word_input(std::string_view name, std::string_view bytes);
// A Word form read through import; .doc, .wps, .odt and .rtf converted by LibreOffice
// first when `soffice` is on the PATH (else import.format_unsupported says how to re-save).
ImportResult import_word_input(const std::string& file, const std::string& bytes, const Profile& profile);
// The suggestion in `bytes` read from `file`: JSON, or a Word form through import, whose
// document becomes the file itself and whose department is `department` (the form has none).
ParseResult read_suggestion_input(const Context& ctx, const std::string& file, const std::string& bytes,
                                  const Profile& profile, const std::string& department);

int run_import(const Context& ctx, std::span<const std::string> args);
int run_audit(const Context& ctx, std::span<const std::string> args);
int run_format(const Context& ctx, std::span<const std::string> args);
int run_summary(const Context& ctx, std::span<const std::string> args);
int run_validate(const Context& ctx, std::span<const std::string> args);
int run_count(const Context& ctx, std::span<const std::string> args);
int run_pack(const Context& ctx, std::span<const std::string> args);
int run_registry(const Context& ctx, std::span<const std::string> args);

// The built-in profile, or the one a --profile names; nullptr (the reasons printed) when
// that cannot be read.
std::shared_ptr<const Profile> load_profile_option(const Context& ctx, const std::string& path);
// Nothing for an empty path; else the funded projects of a --registry: JSON Lines, or an
// index saved by `zhinan registry`. False (the reasons printed) when it cannot be used.
bool load_registry_option(const Context& ctx, const std::string& path, const Profile& profile,
                          std::optional<FundedRegistry>& registry);
int run_name(const Context& ctx, std::span<const std::string> args);
// The profile with the 原则上 limit on key technologies open to a justified exception
// (--allow-more-key-tech): more is a warning asking for the reason in the 说明报告.
std::shared_ptr<const Profile> allow_more_key_technologies(const Profile& profile);

}  // namespace zhinan::cli

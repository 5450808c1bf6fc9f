// Reading FILE or standard input ("-") for a command, within the profile's size limit.
#include <algorithm>
#include <cerrno>
#include <iostream>
#include <ostream>

#include "cli.hpp"
#include "zhinan/io.hpp"

namespace zhinan::cli {
namespace {

std::string mib(std::size_t bytes) {
  const std::size_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

Diagnostic read_failed(std::string_view name, const FileError& reason) {
  Diagnostic d;
  d.id = "io.read_failed";
  d.message_zh = "无法读取文件“" + std::string(name) + "”：" + reason.zh;
  d.message_en = "cannot read \"" + std::string(name) + "\": " + reason.en;
  d.params = {{"file", std::string(name)}, {"reason", reason.zh}, {"reason_en", reason.en}};
  return d;
}

// Standard input has no size to check before reading (a pipe, /dev/zero): what was read
// when it went past the limit is all that is known, and reading stops there.
Diagnostic too_large(const InputLimit& limit) {
  const std::string read = std::to_string(limit.bytes + 1), most = std::to_string(limit.bytes);
  Diagnostic d;
  d.id = "format.too_large";
  d.message_zh = "标准输入超过上限" + most + "字节（" + mib(limit.bytes) + "，" + std::string(limit.zh) +
                 "），已停止读取，未检查；请确认输入选对了";
  d.message_en = "standard input is over the limit of " + most + " bytes (" + mib(limit.bytes) + ", " +
                 std::string(limit.en) + "); reading stopped there and nothing was checked";
  d.params = {{"size", read}, {"limit", most}};  // size: what was read when it stopped
  return d;
}

// Reads standard input up to the limit and one byte more, to tell "at the limit" from
// "over it". Input that begins as a ZIP (a Word form) may go on to the word limit.
std::optional<Diagnostic> read_stdin(std::string& bytes, const InputLimits& limits) {
  InputLimit limit = limits.text;
  static constexpr std::size_t kChunk = 64 * 1024;
  char buffer[kChunk];
  bytes.clear();
  for (;;) {
    const std::size_t want = std::min(kChunk, limit.bytes + 1 - bytes.size());
    std::cin.read(buffer, static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(std::cin.gcount());
    bytes.append(buffer, got);
    if (std::cin.bad()) return read_failed("-", describe_file_error(EIO));
    if (got < want) return std::nullopt;  // the end of the input, within the limit
    if (bytes.size() <= limit.bytes) continue;
    if (limits.word.bytes > limit.bytes && bytes.starts_with("PK\x03\x04")) {
      limit = limits.word;
      continue;
    }
    bytes.clear();
    bytes.shrink_to_fit();
    return too_large(limit);
  }
}

}  // namespace

InputLimits text_input_limits(const Profile& profile) {
  return {{profile.limits().max_suggestion_bytes, "通知配置的 limits.max_suggestion_bytes",
           "the profile's limits.max_suggestion_bytes"},
          {}};
}

InputLimits suggestion_input_limits(const Profile& profile) {
  InputLimits limits = text_input_limits(profile);
  limits.word = {ImportLimits{}.max_file_size, "Word 表格文件的上限", "the limit for a Word form"};
  return limits;
}

std::optional<Diagnostic> read_input(std::string_view name, std::string& bytes, const InputLimits& limits) {
  if (name == "-") return read_stdin(bytes, limits);
  FileError error;
  auto content = read_file(path_from_utf8(name), &error);
  if (!content) return read_failed(name, error);
  bytes = std::move(*content);
  return std::nullopt;
}

int report_input_failure(const Context& ctx, std::string_view name, const Diagnostic& failure) {
  print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, name, {failure});
  return input_failure_exit(failure);
}

int input_failure_exit(const Diagnostic& failure) {
  return failure.id == "io.read_failed" ? kExitUsage : kExitFindings;
}

}  // namespace zhinan::cli

// Reading FILE or standard input ("-") for a command, within the profile's size limit.
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
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
// "over it", handing each piece to `piece` as it comes. Input that begins as a ZIP (a
// Word form) may go on to the word limit.
std::optional<Diagnostic> stdin_pieces(const InputLimits& limits, const PieceSink& piece) {
  InputLimit limit = limits.text;
  static constexpr std::size_t kChunk = 64 * 1024;
  char buffer[kChunk];
  std::size_t read = 0;
  std::string head;  // the first 4 bytes: a ZIP's signature?
  for (;;) {
    const std::size_t want = std::min(kChunk, limit.bytes + 1 - read);
    std::cin.read(buffer, static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(std::cin.gcount());
    if (head.size() < 4) head.append(buffer, std::min(got, 4 - head.size()));
    read += got;
    if (got > 0) piece(std::string_view(buffer, got));
    if (std::cin.bad()) return read_failed("-", describe_file_error(EIO));
    if (got < want) return std::nullopt;  // the end of the input, within the limit
    if (read <= limit.bytes) continue;
    if (limits.word.bytes > limit.bytes && head.starts_with("PK\x03\x04")) {
      limit = limits.word;
      continue;
    }
    return too_large(limit);
  }
}

std::optional<Diagnostic> read_stdin(std::string& bytes, const InputLimits& limits) {
  bytes.clear();
  auto failure = stdin_pieces(limits, [&](std::string_view piece) { bytes.append(piece); });
  if (failure && failure->id == "format.too_large") {
    bytes.clear();
    bytes.shrink_to_fit();
  }
  return failure;
}

// A file a buffer at a time, refused as read_file refuses it (a folder, a device, a FIFO,
// a socket, or what cannot be opened), with the same reasons.
std::optional<Diagnostic> file_pieces(std::string_view name, const PieceSink& piece) {
  const std::filesystem::path path = path_from_utf8(name);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return read_failed(name, describe_file_error(EISDIR));
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    return read_failed(name, not_a_regular_file());
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return read_failed(name, describe_file_error(errno ? errno : ENOENT));
  // Large enough that the reads cost little beside the counting, small enough to stay
  // in the L2 cache; the file itself is never held (a 60 MB text, peak memory of 16 MB).
  static constexpr std::size_t kChunk = 256 * 1024;
  const auto buffer = std::make_unique_for_overwrite<char[]>(kChunk);
  for (;;) {
    in.read(buffer.get(), static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > 0) piece(std::string_view(buffer.get(), got));
    if (in.bad()) return read_failed(name, describe_file_error(EIO));
    if (got < kChunk) return std::nullopt;
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

std::optional<Diagnostic> read_input_pieces(std::string_view name, const InputLimits& limits,
                                            const PieceSink& piece) {
  return name == "-" ? stdin_pieces(limits, piece) : file_pieces(name, piece);
}

int report_input_failure(const Context& ctx, std::string_view name, const Diagnostic& failure) {
  print_diagnostics(Context{ctx.lang, ctx.err, ctx.err}, name, {failure});
  return input_failure_exit(failure);
}

int input_failure_exit(const Diagnostic& failure) {
  return failure.id == "io.read_failed" ? kExitUsage : kExitFindings;
}

}  // namespace zhinan::cli

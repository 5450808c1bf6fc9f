// Writing the package: documents read or rendered and compressed on worker threads a
// bounded window ahead of the one thread that writes the ZIP, then everything renamed
// into place.
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <atomic>
#include <condition_variable>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <thread>

#include "base/raw_deflate.hpp"
#include "base/temporary_file.hpp"
#include "office/summary_table_file.hpp"
#include "package/package_detail.hpp"
#include "rules/rule_context.hpp"
#include "zhinan/docx.hpp"
#include "zhinan/io.hpp"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace zhinan {
namespace detail {
namespace {

// GBK bytes of a UTF-8 name; a character GBK lacks becomes "_" (the Unicode Path field
// still carries it).
std::string to_gbk(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("GBK", &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no GBK converter");
  ucnv_setSubstChars(conv, "_", 1, &status);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 4, '\0');
  const int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                    text.length(), &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) throw std::runtime_error("GBK conversion failed");
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

FileError with_prefix(std::string zh, std::string en, FileError why) {
  return {std::move(zh) + why.zh, std::move(en) + why.en};
}

namespace {

struct Job {
  std::optional<ZipData> data;  // none: the writer streams the document itself
  std::optional<FileError> error;
  bool done = false;
};

// The document opened for reading, refused if it is no longer a regular file (a link put
// in its place since it was checked is not followed).
std::FILE* open_document(const std::filesystem::path& path) {
#ifdef _WIN32
  return _wfopen(path.c_str(), L"rb");
#else
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    errno = EINVAL;
    return nullptr;
  }
  std::FILE* f = ::fdopen(fd, "rb");
  if (!f) ::close(fd);
  return f;
#endif
}

// Streams a large document into the ZIP; nothing when written, else the reason.
std::optional<FileError> stream_document(ZipWriter& zip, const ZipName& name, const PlannedEntry& e) {
  std::FILE* in = open_document(e.document);
  const std::string doc = path_to_utf8(e.document);
  if (!in) return with_prefix("无法读取“" + doc + "”：", "cannot read \"" + doc + "\": ", describe_file_error(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(in, &std::fclose);
  const bool store = e.store && !worth_deflating(in, e.document_size);
  switch (zip.add_stream(name, in, e.document_size, store)) {
    case ZipWriter::StreamResult::ok: return std::nullopt;
    case ZipWriter::StreamResult::write_failed: return describe_file_error(errno);
    case ZipWriter::StreamResult::read_failed:
      return with_prefix("无法读取“" + doc + "”：", "cannot read \"" + doc + "\": ", describe_file_error(errno));
    case ZipWriter::StreamResult::size_changed:
      return FileError{"文件“" + doc + "”在打包过程中被修改，请重新打包", "\"" + doc + "\" changed while it was packed; pack again"};
  }
  return describe_file_error(EIO);
}

// A document that could not be read, in both languages, out of a worker.
struct EntryFailure : std::runtime_error {
  explicit EntryFailure(FileError w) : std::runtime_error(w.en), why(std::move(w)) {}
  FileError why;
};

// The bytes of one entry, before compression.
std::string content_of(const PlannedEntry& e, std::span<const PackageInput> inputs, const Profile& profile) {
  if (e.document.empty()) return render_docx(*inputs[e.input].suggestion, profile);
  FileError error;
  std::optional<std::string> bytes = read_file(e.document, &error);
  if (!bytes) {
    const std::string doc = path_to_utf8(e.document);
    throw EntryFailure(with_prefix("无法读取“" + doc + "”：", "cannot read \"" + doc + "\": ", error));
  }
  return std::move(*bytes);
}

}  // namespace

thread_local std::uint64_t stream_documents_above = 8u << 20;

namespace {
constexpr std::uint64_t kBytesAhead = 32u << 20;       // documents read or compressed, not yet written
constexpr std::uint64_t kRenderedFormBytes = 256u << 10;  // a rendered form and its parts, generously
constexpr std::uint64_t kFlushEvery = 16u << 20;          // the ZIP sent to the disk as it grows
}  // namespace

ZipName zip_name(const std::string& utf8_path, NameEncoding encoding) {
  ZipName name;
  const bool ascii = std::all_of(utf8_path.begin(), utf8_path.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (encoding == NameEncoding::utf8 || ascii) {
    name.bytes = utf8_path;
    name.utf8 = !ascii;
    return name;
  }
  name.bytes = to_gbk(utf8_path);
  name.utf8 = false;
  name.unicode_path = utf8_path;
  return name;
}

std::optional<FileError> write_zip(const Plan& plan, std::span<const PackageInput> inputs, const Profile& profile,
                                   const PackageOptions& options, const std::filesystem::path& path, bool& cancelled,
                                   WrittenZip& zip_written) {
  // The temporary is new and empty: opened without truncating it, since ext4 writes a
  // file truncated to nothing back to the disk when it is closed, on the closing thread
  // (0.08–0.1 s for 280 MB); start_flushing below sends it there as it is written. Should
  // something have written into it since it was made, it is emptied after all.
  const auto open = [&](bool truncate) {
#ifdef _WIN32
    return _wfopen(path.c_str(), truncate ? L"wb" : L"r+b");
#else
    return std::fopen(path.c_str(), truncate ? "wb" : "r+b");
#endif
  };
  std::FILE* out = open(false);
  if (out && (std::fseek(out, 0, SEEK_END) != 0 || std::ftell(out) != 0)) {
    std::fclose(out);
    out = open(true);
  }
  if (!out) return describe_file_error(errno);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(out, &std::fclose);
  std::setvbuf(out, nullptr, _IOFBF, 1 << 20);
  ZipWriter zip(out, ZipTime{options.time.year, options.time.month, options.time.day, options.time.hour,
                             options.time.minute, options.time.second});

  const std::size_t n = plan.entries.size();
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Workers run ahead of the writer by up to `window` entries holding up to kBytesAhead of
  // documents: a long entry (a large text deflating) must not idle the other workers,
  // which go on past it, while memory stays flat whatever the package's size.
  const std::size_t window = 8 * threads;
  std::vector<Job> jobs(n);
  std::vector<char> streamed(n, 0);
  std::vector<std::uint64_t> held(n, 0);  // bytes an entry holds from its start to its writing
  for (std::size_t i = 0; i < n; ++i) {
    const PlannedEntry& e = plan.entries[i];
    streamed[i] = !e.document.empty() && e.document_size > stream_documents_above;
    held[i] = streamed[i] ? 0 : e.document.empty() ? kRenderedFormBytes : 2 * e.document_size;
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t written = 0;
  std::uint64_t bytes_ahead = 0;  // held by entries started and not yet written
  bool stop = false;
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    for (;;) {
      const std::size_t i = next++;
      if (i >= n) return;
      {
        std::unique_lock lock(mutex);
        // The entry the writer waits for always starts (all before it have), so it never
        // waits for ever.
        changed.wait(lock, [&] {
          return stop || i == written || (i < written + window && bytes_ahead + held[i] <= kBytesAhead);
        });
        if (stop) return;
        bytes_ahead += held[i];
      }
      Job result;
      try {
        const PlannedEntry& e = plan.entries[i];
        if (!streamed[i]) {
          std::string content = content_of(e, inputs, profile);
          // A form we rendered is stored unprobed: its parts are deflated already, and
          // deflating the rest (headers, names) would gain some 4 % of it for a third of
          // a millisecond each.
          const bool store = e.store && (e.document.empty() || !worth_deflating(content));
          result.data = compress_for_zip(std::move(content), store);
        }
      } catch (const std::exception& ex) {
        const auto* failure = dynamic_cast<const EntryFailure*>(&ex);
        result.error = failure ? failure->why : FileError{ex.what(), ex.what()};
      }
      std::lock_guard lock(mutex);
      result.done = true;
      jobs[i] = std::move(result);
      changed.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  auto halt = [&](std::optional<FileError> reason) {
    {
      std::lock_guard lock(mutex);
      stop = true;
      changed.notify_all();
    }
    pool.clear();  // joins
    return reason;
  };

  std::uint64_t flushed = 0;  // bytes sent to the disk
  PackageProgress progress{0, n + plan.folders.size(), 0};
  for (const Region* folder : plan.folders) {
    if (!zip.add_directory(zip_name(folder->folder, options.names)))
      return halt(describe_file_error(errno));
    ++progress.done;  // the folders count in the total, so each is reported as it is written
    progress.bytes = zip.bytes_written();
    if (options.progress && !options.progress(progress)) {
      cancelled = true;
      return halt(FileError{"已取消", "cancelled"});
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    Job job;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return jobs[i].done; });
      job = std::move(jobs[i]);
      jobs[i] = Job{};
    }
    if (job.error) return halt(job.error);
    const ZipName name = zip_name(plan.entries[i].name.path, options.names);
    if (!job.data) {
      if (auto why = stream_document(zip, name, plan.entries[i])) return halt(why);
    } else if (!zip.add_file(name, *job.data)) {
      return halt(describe_file_error(errno));
    }
    {
      std::lock_guard lock(mutex);
      bytes_ahead -= held[i];
      ++written;
      changed.notify_all();
    }
    if (zip.bytes_written() - flushed >= kFlushEvery) {
      start_flushing(out, flushed, zip.bytes_written());
      flushed = zip.bytes_written();
    }
    ++progress.done;
    progress.bytes = zip.bytes_written();
    if (options.progress && !options.progress(progress)) {
      cancelled = true;
      return halt(FileError{"已取消", "cancelled"});
    }
  }
  pool.clear();
  if (!zip.finish()) return describe_file_error(errno);
  zip_written = {zip.bytes_written(), zip.output_crc()};
  return std::nullopt;
}

std::optional<FileError> commit_file(const std::filesystem::path& path, const std::filesystem::path& target) {
  if (!flush_to_disk(path)) return describe_file_error(errno);
  std::error_code ec;
  std::filesystem::rename(path, target, ec);
  if (ec) return with_prefix("无法替换原有文件：", "cannot replace the file there: ", describe_file_error(ec.value()));
  return std::nullopt;
}

// The size and CRC-32 of a written file, read back in pieces.
bool measure_file(const std::filesystem::path& path, std::uint64_t& size, std::uint32_t& crc) {
  std::ifstream in(path, std::ios::binary);
  std::string buffer(1 << 20, '\0');
  crc = 0;
  size = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    crc = crc32_of({buffer.data(), got}, crc);
    size += got;
  }
  return in.eof();
}

}  // namespace detail

std::filesystem::path summary_path(const std::filesystem::path& zip, std::string_view extension) {
  std::filesystem::path p = zip;
  p.replace_filename(path_from_utf8(path_to_utf8(zip.stem()) + "-汇总表." + std::string(extension)));
  return p;
}

PackageResult write_package(std::span<const PackageInput> inputs, const std::filesystem::path& zip,
                            const Profile& profile, const PackageOptions& options, const FundedRegistry* registry) {
  PackageResult result;
  result.zip = zip;
  result.xlsx = summary_path(zip, "xlsx");
  result.csv = summary_path(zip, "csv");
  detail::RuleContext ctx(profile, Mode::submit);
  auto fail = [&](std::string_view id, detail::Params params) {
    ctx.report(id, "", std::move(params));
    for (Diagnostic& d : ctx.take()) result.diagnostics.push_back(std::move(d));
    return result;
  };

  detail::Plan plan = detail::plan_package(inputs, profile, options, registry, result.diagnostics);
  const std::size_t errors = count(result.diagnostics, Severity::error);
  if (inputs.empty()) return fail("package.empty", {});
  if (errors > 0) {
    std::size_t failing = 0;
    for (const auto& in : inputs)
      failing += std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic& d) {
        return d.file == in.name && d.severity == Severity::error;
      });
    return fail("package.refused", {{"errors", std::to_string(errors)}, {"files", std::to_string(failing)}});
  }

  std::vector<SummaryRow> rows;
  for (const auto& e : plan.entries) {
    rows.push_back({e.number, inputs[e.input].suggestion});
    result.files.push_back({e.input, e.region->code, e.number, e.name.path, e.document.empty()});
  }
  // The folder must be there: say so plainly, before anything is created.
  {
    const std::filesystem::path folder = zip.parent_path().empty() ? std::filesystem::path(".") : zip.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
      return fail("package.write_failed", {{"target", path_to_utf8(zip)},
                                           {"reason", "保存位置的文件夹“" + path_to_utf8(folder) + "”不存在，请先建立它或换一个位置"},
                                           {"reason_en", "the folder \"" + path_to_utf8(folder) + "\" does not exist"}});
    if (std::filesystem::is_directory(zip, ec))
      return fail("package.write_failed", {{"target", path_to_utf8(zip)},
                                           {"reason", "“" + path_to_utf8(zip) + "”是一个文件夹，请给出压缩包的文件名"},
                                           {"reason_en", "\"" + path_to_utf8(zip) + "\" is a folder; give the package's file name"}});
  }
  auto failed = [&](const std::filesystem::path& target, const FileError& why) {
    return fail("package.write_failed", {{"target", path_to_utf8(target)}, {"reason", why.zh}, {"reason_en", why.en}});
  };
  // Every file to a temporary beside its target: the ZIP, then the 汇总表 naming the ZIP
  // by size and CRC-32; then the tables renamed into place and the ZIP last. A kill
  // before the renames leaves the old files untouched (and temporaries that the next
  // run removes); between them, new tables that name a ZIP which is not yet there.
  const std::filesystem::path targets[] = {result.xlsx, result.csv, zip};
  std::vector<std::filesystem::path> temps;
  auto cleanup = [&] {
    std::error_code ec;
    for (const auto& p : temps) std::filesystem::remove(p, ec);
  };
  for (const auto& target : targets) {
    detail::remove_dead_temporaries(target);
    int error_number = 0;
    temps.push_back(detail::create_temporary_beside(target, &error_number));
    if (temps.back().empty()) {
      temps.pop_back();
      cleanup();
      return failed(target, describe_file_error(error_number));
    }
  }
  const auto& tmp_xlsx = temps[0];
  const auto& tmp_csv = temps[1];
  const auto& tmp_zip = temps[2];
  detail::WrittenZip written;
  if (auto why = detail::write_zip(plan, inputs, profile, options, tmp_zip, result.cancelled, written)) {
    cleanup();
    if (result.cancelled) return fail("package.cancelled", {});
    return failed(zip, *why);
  }
  SummaryHeader header = options.summary;
  header.package_name = path_to_utf8(zip.filename());
  header.numbered_across_package = options.numbering == Numbering::global;
  header.package_size = written.size;
  if (written.crc) {
    header.package_crc32 = *written.crc;
  } else if (!detail::measure_file(tmp_zip, header.package_size, header.package_crc32)) {
    cleanup();
    return failed(zip, describe_file_error(EIO));
  }
  std::string error;
  if (!detail::write_summary_xlsx_in_place(tmp_xlsx, rows, header, profile, &error)) {
    cleanup();
    return failed(result.xlsx, {"汇总表写入失败，请检查磁盘空间和权限（" + error + "）", error});
  }
  {
    std::ofstream csv(tmp_csv, std::ios::binary | std::ios::trunc);
    csv << summary_csv(rows, header, profile);
    csv.close();
    if (!csv) {
      const int why = errno;
      cleanup();
      return failed(result.csv, describe_file_error(why));
    }
  }
  for (std::size_t i = 0; i < temps.size(); ++i) {
    if (auto why = detail::commit_file(temps[i], targets[i])) {
      cleanup();
      return failed(targets[i], *why);
    }
  }
  detail::flush_folder(zip.parent_path());
  result.written = true;
  return result;
}

}  // namespace zhinan

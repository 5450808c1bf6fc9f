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

#include "package/package_detail.hpp"
#include "rules/rule_context.hpp"
#include "zhinan/docx.hpp"
#include "zhinan/io.hpp"

#ifndef _WIN32
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

// Why a write failed, in words a clerk can act on (the system's own words after them).
std::string write_failure(int error) {
  std::string why;
  switch (error) {
    case ENOSPC: why = "磁盘空间不足，请清理磁盘或换一个位置保存"; break;
    case EFBIG: why = "文件超过了系统允许的大小"; break;
    case EACCES:
    case EPERM: why = "没有在这个文件夹写入的权限，请换一个位置保存"; break;
    case EROFS: why = "磁盘是只读的，请换一个位置保存"; break;
    case ENOENT: why = "保存位置的文件夹不存在"; break;
    default: why = "写入失败";
  }
  return why + "（" + std::strerror(error) + "）";
}

struct Job {
  std::optional<ZipData> data;
  std::string error;
  bool done = false;
};

// The bytes of one entry, before compression.
std::string content_of(const PlannedEntry& e, std::span<const PackageInput> inputs, const Profile& profile) {
  if (e.document.empty()) return render_docx(*inputs[e.input].suggestion, profile);
  std::string error;
  std::optional<std::string> bytes = read_file(e.document, &error);
  if (!bytes) throw std::runtime_error("无法读取“" + path_to_utf8(e.document) + "”：" + error);
  return std::move(*bytes);
}

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

std::string write_zip(const Plan& plan, std::span<const PackageInput> inputs, const Profile& profile,
                      const PackageOptions& options, const std::filesystem::path& path, bool& cancelled) {
  std::FILE* out = nullptr;
#ifdef _WIN32
  out = _wfopen(path.c_str(), L"wb");
#else
  out = std::fopen(path.c_str(), "wb");
#endif
  if (!out) return "无法创建临时文件：" + write_failure(errno);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(out, &std::fclose);
  std::setvbuf(out, nullptr, _IOFBF, 1 << 20);
  ZipWriter zip(out, ZipTime{options.time.year, options.time.month, options.time.day, options.time.hour,
                             options.time.minute, options.time.second});

  const std::size_t n = plan.entries.size();
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t window = 2 * threads;  // compressed entries waiting at most: memory stays flat
  std::vector<Job> jobs(n);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t written = 0;
  bool stop = false;
  std::atomic<std::size_t> next{0};

  auto worker = [&] {
    for (;;) {
      const std::size_t i = next++;
      if (i >= n) return;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || i < written + window; });
        if (stop) return;
      }
      Job result;
      try {
        const PlannedEntry& e = plan.entries[i];
        result.data = compress_for_zip(content_of(e, inputs, profile), e.store);
      } catch (const std::exception& ex) {
        result.error = ex.what();
      }
      std::lock_guard lock(mutex);
      result.done = true;
      jobs[i] = std::move(result);
      changed.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  auto halt = [&](std::string reason) {
    {
      std::lock_guard lock(mutex);
      stop = true;
      changed.notify_all();
    }
    pool.clear();  // joins
    return reason;
  };

  PackageProgress progress{0, n + plan.folders.size(), 0};
  for (const Region* folder : plan.folders) {
    if (!zip.add_directory(zip_name(folder->folder, options.names)))
      return halt(write_failure(errno));
    ++progress.done;
  }
  for (std::size_t i = 0; i < n; ++i) {
    Job job;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return jobs[i].done; });
      job = std::move(jobs[i]);
      jobs[i] = Job{};
    }
    if (!job.error.empty()) return halt(job.error);
    if (!zip.add_file(zip_name(plan.entries[i].name.path, options.names), *job.data))
      return halt(write_failure(errno));
    {
      std::lock_guard lock(mutex);
      ++written;
      changed.notify_all();
    }
    ++progress.done;
    progress.bytes = zip.bytes_written();
    if (options.progress && !options.progress(progress)) {
      cancelled = true;
      return halt("已取消");
    }
  }
  pool.clear();
  if (!zip.finish()) return write_failure(errno);
  return {};
}

std::filesystem::path temporary_beside(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
#ifdef _WIN32
  const unsigned long pid = 0;
#else
  const unsigned long pid = static_cast<unsigned long>(getpid());
#endif
  return target.parent_path() / path_from_utf8("." + path_to_utf8(target.filename()) + ".tmp-" +
                                               std::to_string(pid) + "-" + std::to_string(counter++));
}

std::string commit_file(const std::filesystem::path& path, const std::filesystem::path& target) {
#ifndef _WIN32
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    ::fsync(fileno(f));
    std::fclose(f);
  }
#endif
  std::error_code ec;
  std::filesystem::rename(path, target, ec);
  if (ec) {
    std::filesystem::remove(path, ec);
    return "无法替换目标文件：" + ec.message();
  }
  return {};
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
  // The 汇总表 first, then the ZIP; each to a temporary file, renamed only when whole.
  const auto tmp_xlsx = detail::temporary_beside(result.xlsx);
  const auto tmp_csv = detail::temporary_beside(result.csv);
  const auto tmp_zip = detail::temporary_beside(zip);
  auto cleanup = [&] {
    std::error_code ec;
    for (const auto& p : {tmp_xlsx, tmp_csv, tmp_zip}) std::filesystem::remove(p, ec);
  };
  std::string error;
  if (!write_summary_xlsx(tmp_xlsx, rows, options.summary, profile, &error)) {
    cleanup();
    return fail("package.write_failed", {{"target", path_to_utf8(result.xlsx)}, {"reason", error}});
  }
  {
    std::ofstream csv(tmp_csv, std::ios::binary);
    csv << summary_csv(rows, options.summary, profile);
    csv.close();
    if (!csv) {
      cleanup();
      return fail("package.write_failed", {{"target", path_to_utf8(result.csv)}, {"reason", "写入失败"}});
    }
  }
  error = detail::write_zip(plan, inputs, profile, options, tmp_zip, result.cancelled);
  if (!error.empty()) {
    cleanup();
    if (result.cancelled) return fail("package.cancelled", {});
    return fail("package.write_failed", {{"target", path_to_utf8(zip)}, {"reason", error}});
  }
  for (auto [from, to] : {std::pair{tmp_xlsx, result.xlsx}, {tmp_csv, result.csv}, {tmp_zip, zip}}) {
    error = detail::commit_file(from, to);
    if (!error.empty()) {
      cleanup();
      return fail("package.write_failed", {{"target", path_to_utf8(to)}, {"reason", error}});
    }
  }
  result.written = true;
  return result;
}

}  // namespace zhinan

#include "audit/archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <memory>
#include <unicode/ucnv.h>

#include "base/libc_time_lock.hpp"
#include "base/thread_locale.hpp"
#include "base/utf8.hpp"
#include "zhinan/io.hpp"

namespace zhinan::detail {

namespace {

// libarchive decodes the names of ZIP entries without the UTF-8 flag as CP437. What the
// archive really held were bytes — GBK from Windows' own compressor, UTF-8 from Linux and
// macOS tools — so those names are turned back into their bytes and read again.
constexpr char32_t kCp437High[128] = {0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580, 0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0};

std::optional<std::string> cp437_bytes(std::string_view utf8) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = decode_utf8(utf8, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    bool found = false;
    for (int i = 0; i < 128; ++i) {
      if (kCp437High[i] == cp) {
        out += static_cast<char>(0x80 + i);
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;  // not a CP437 decoding: the name was UTF-8 all along
  }
  return out;
}

std::string gb18030_to_utf8(std::string_view raw) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("GB18030", &status);
  if (U_FAILURE(status)) return std::string(raw);
  std::string out(raw.size() * 3 + 4, '\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, converter, out.data(), static_cast<int32_t>(out.size()), raw.data(),
                                       static_cast<int32_t>(raw.size()), &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return std::string(raw);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};

std::string normalized(std::string name) {
  for (char& c : name) {
    if (c == '\\') c = '/';  // Windows tools may store backslashes
  }
  while (name.starts_with("./")) name.erase(0, 2);
  return name;
}

std::string_view format_of(int code) {
  switch (code & ARCHIVE_FORMAT_BASE_MASK) {
    case ARCHIVE_FORMAT_ZIP: return "zip";
    case ARCHIVE_FORMAT_7ZIP: return "7z";
    case ARCHIVE_FORMAT_RAR: return "rar";
    case ARCHIVE_FORMAT_RAR_V5: return "rar";
    default: return "archive";
  }
}

class Finder {
 public:
  Finder(std::vector<EntryFinding>& out, const Profile& profile) : out_(out), profile_(profile) {}
  void operator()(std::string_view id, const std::string& entry, Params params) {
    RuleContext ctx(profile_, Mode::submit);
    ctx.report(id, "", std::move(params));
    Diagnostics d = ctx.take();
    out_.push_back({entry, std::move(d.front())});
  }

 private:
  std::vector<EntryFinding>& out_;
  const Profile& profile_;
};

std::string mb(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

std::string name_to_utf8(std::string_view raw, bool& legacy) {
  if (find_invalid_utf8(raw) == std::string_view::npos) return std::string(raw);
  legacy = true;
  return gb18030_to_utf8(raw);
}

std::string unsafe_name_reason(std::string_view name) {
  if (name.starts_with('/')) return "absolute path";
  if (name.size() >= 2 && name[1] == ':' && ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
    return "drive letter";
  }
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t slash = name.find('/', start);
    const std::string_view part = name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part == "..") return "\"..\" leaves the package";
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return {};
}

ArchiveContents read_archive(std::string_view bytes, const AuditLimits& limits, std::vector<EntryFinding>& findings,
                             const Profile& profile) {
  Finder report(findings, profile);
  ArchiveContents out;
  // Only what the call's senders use, known by its signature: a .tar or a file that merely
  // ends like a ZIP (libarchive's ZIP reader finds a last entry's directory) is no package.
  const bool zip = bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06") || bytes.starts_with("PK\x07\x08");
  const bool seven_zip = bytes.starts_with("7z\xBC\xAF\x27\x1C");
  const bool rar = bytes.starts_with("Rar!\x1A\x07");
  if (!zip && !seven_zip && !rar) {
    report("audit.unreadable", "", {{"reason", "不是 .zip、.7z 或 .rar 压缩包"}, {"reason_en", "not a .zip, .7z or .rar archive"}});
    return out;
  }
  // libarchive converts names through the thread's LC_CTYPE: UTF-8 for this thread while reading.
  const ThreadLocale utf8_names(LC_CTYPE_MASK, "C.UTF-8");
  std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_7zip(a.get());
  archive_read_support_format_rar(a.get());
  archive_read_support_format_rar5(a.get());
  // libarchive 3.6.2 turns the DOS times of ZIP and RAR headers into a time_t with mktime():
  // opening and reading each header hold the LibcTimeLock (base/libc_time_lock.hpp), and so
  // does reading a RAR 4 entry's data, which reads the next volume's header for a split file.
  int opened;
  {
    const LibcTimeLock lock;
    opened = archive_read_open_memory(a.get(), bytes.data(), bytes.size());
  }
  if (opened != ARCHIVE_OK) {
    const std::string why = archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown format";
    report("audit.unreadable", "", {{"reason", "不是可识别的压缩包（" + why + "）"}, {"reason_en", why}});
    return out;
  }
  std::uint64_t total = 0;
  std::size_t count = 0;
  archive_entry* entry = nullptr;
  while (true) {
    int status;
    {
      const LibcTimeLock lock;
      status = archive_read_next_header(a.get(), &entry);
    }
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) {
      const std::string why = archive_error_string(a.get()) ? archive_error_string(a.get()) : "damaged";
      report("audit.unreadable", "", {{"reason", "压缩包已损坏（" + why + "）"}, {"reason_en", "damaged: " + why}});
      return out;
    }
    out.format = std::string(format_of(archive_format(a.get())));
    if (++count > limits.max_entries) {
      report("audit.too_large", "", {{"limit", "条目超过 " + std::to_string(limits.max_entries) + " 个"},
                                     {"limit_en", "more than " + std::to_string(limits.max_entries) + " entries"}});
      return out;
    }
    const char* utf8 = archive_entry_pathname_utf8(entry);
    const char* raw = utf8 ? utf8 : archive_entry_pathname(entry);
    std::string name = raw ? raw : "";
    // A ZIP name without the UTF-8 flag came through CP437: back to its bytes, then read.
    if (out.format == "zip") {
      if (const std::optional<std::string> original = cp437_bytes(name); original && *original != name) {
        name = name_to_utf8(*original, out.legacy_names);
      }
    }
    name = normalized(name_to_utf8(name, out.legacy_names));
    const auto type = archive_entry_filetype(entry);
    std::string unsafe = unsafe_name_reason(name);
    if (unsafe.empty() && archive_entry_hardlink(entry) != nullptr) unsafe = "hard link";
    if (unsafe.empty() && type == AE_IFLNK) unsafe = "symbolic link";
    if (unsafe.empty() && type != AE_IFREG && type != AE_IFDIR && type != 0) unsafe = "device or special file";
    if (!unsafe.empty()) {
      report("audit.entry_unsafe", name, {{"entry", name}, {"reason", unsafe}, {"reason_en", unsafe}});
      continue;
    }
    if (type == AE_IFDIR || name.ends_with('/')) {
      while (name.ends_with('/')) name.pop_back();
      if (!name.empty()) out.entries.push_back({name, {}, true});
      continue;
    }
    if (archive_entry_is_encrypted(entry)) {
      report("audit.entry_encrypted", name, {{"entry", name}});
      continue;
    }
    if (archive_entry_size_is_set(entry) && static_cast<std::uint64_t>(archive_entry_size(entry)) > limits.max_entry_size) {
      report("audit.too_large", name, {{"limit", "条目“" + name + "”超过 " + mb(limits.max_entry_size)},
                                       {"limit_en", "entry " + name + " is over " + mb(limits.max_entry_size)}});
      return out;
    }
    std::string data;
    char buffer[1 << 16];
    const bool headers_in_data = (archive_format(a.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_RAR;
    while (true) {
      la_ssize_t n;
      if (headers_in_data) {
        const LibcTimeLock lock;
        n = archive_read_data(a.get(), buffer, sizeof buffer);
      } else {
        n = archive_read_data(a.get(), buffer, sizeof buffer);
      }
      if (n == 0) break;
      if (n < 0) {
        const std::string why = archive_error_string(a.get()) ? archive_error_string(a.get()) : "read error";
        if (archive_entry_is_data_encrypted(entry) || why.find("ncrypt") != std::string::npos) {
          report("audit.entry_encrypted", name, {{"entry", name}});
        } else {
          report("audit.unreadable", name, {{"reason", "条目“" + name + "”无法读取（" + why + "）"}, {"reason_en", name + ": " + why}});
        }
        return out;
      }
      data.append(buffer, static_cast<std::size_t>(n));
      total += static_cast<std::uint64_t>(n);
      if (data.size() > limits.max_entry_size || total > limits.max_total_size) {
        report("audit.too_large", name, {{"limit", "解压后超过 " + mb(data.size() > limits.max_entry_size ? limits.max_entry_size : limits.max_total_size)},
                                         {"limit_en", "inflates past " + mb(data.size() > limits.max_entry_size ? limits.max_entry_size : limits.max_total_size)}});
        return out;
      }
      const std::uint64_t consumed = static_cast<std::uint64_t>(std::max<la_int64_t>(archive_filter_bytes(a.get(), -1), 1));
      if (total > (64u << 20) && total / consumed > limits.max_ratio) {
        report("audit.too_large", name, {{"limit", "压缩比超过 " + std::to_string(limits.max_ratio) + " 倍（疑似压缩炸弹）"},
                                         {"limit_en", "expands more than " + std::to_string(limits.max_ratio) + " times (a zip bomb?)"}});
        return out;
      }
    }
    out.entries.push_back({name, std::move(data), false});
  }
  if (out.format.empty()) out.format = "zip";
  out.read = true;
  return out;
}

ArchiveContents read_folder(const std::filesystem::path& folder, const AuditLimits& limits,
                            std::vector<EntryFinding>& findings, const Profile& profile) {
  namespace fs = std::filesystem;
  Finder report(findings, profile);
  ArchiveContents out;
  out.format = "folder";
  std::error_code ec;
  std::uint64_t total = 0;
  std::size_t count = 0;
  for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (++count > limits.max_entries) {
      report("audit.too_large", "", {{"limit", "条目超过 " + std::to_string(limits.max_entries) + " 个"},
                                     {"limit_en", "more than " + std::to_string(limits.max_entries) + " entries"}});
      return out;
    }
    const std::string name = path_to_utf8(it->path().lexically_relative(folder).generic_u8string());
    const fs::file_status status = it->symlink_status(ec);
    if (fs::is_symlink(status)) {
      report("audit.entry_unsafe", name, {{"entry", name}, {"reason", "symbolic link"}, {"reason_en", "symbolic link"}});
      it.disable_recursion_pending();
      continue;
    }
    if (fs::is_directory(status)) {
      out.entries.push_back({name, {}, true});
      continue;
    }
    if (!fs::is_regular_file(status)) {
      report("audit.entry_unsafe", name, {{"entry", name}, {"reason", "device or special file"}, {"reason_en", "device or special file"}});
      continue;
    }
    const std::uintmax_t size = fs::file_size(it->path(), ec);
    if (ec || size > limits.max_entry_size || total + size > limits.max_total_size) {
      report("audit.too_large", name, {{"limit", "文件“" + name + "”过大"}, {"limit_en", "file " + name + " is too large"}});
      return out;
    }
    total += size;
    FileError why;
    std::optional<std::string> data = read_file(it->path(), &why);
    if (!data) {
      report("audit.unreadable", name, {{"reason", "无法读取“" + name + "”：" + why.zh}, {"reason_en", name + ": " + why.en}});
      continue;
    }
    out.entries.push_back({name, std::move(*data), false});
  }
  if (ec) {
    report("audit.unreadable", "", {{"reason", "无法读取文件夹（" + ec.message() + "）"}, {"reason_en", ec.message()}});
    return out;
  }
  out.read = true;
  return out;
}

}  // namespace zhinan::detail

#include "office/docx_zip.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <limits>
#include <memory>
#include <stdexcept>

#include <zip.h>

#include "base/libc_time_lock.hpp"
#include "base/raw_deflate.hpp"

namespace zhinan::detail {

namespace {

// MS-DOS date and time of every entry: 1980-01-01 00:00:00, the earliest the format holds.
// libzip 1.7.3 still converts it through the local zone (mktime() here, once an archive,
// localtime_r() in zip_close), which gives the same fields back; hence the LibcTimeLock
// around both.
constexpr zip_uint16_t kDosTime = 0;
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr int kDeflateLevel = kTextLevel;  // 6, libzip's
constexpr int kMemoryLevel = 9;  // libzip's

std::string error_text(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  zip_error_fini(error);
  return text;
}

[[noreturn]] void fail(std::string_view what, std::string_view why) {
  throw std::runtime_error("zhinan: cannot build .docx: " + std::string(what) + ": " +
                           std::string(why));
}

// An entry deflated before libzip sees it, so that zip_close, which must hold the
// LibcTimeLock, only copies bytes: deflating inside it would make every thread rendering
// a .docx wait for the others (it is most of the time a .docx takes). The deflate is
// libzip 1.7.3's (zip_algorithm_deflate.c: raw, level 6, a 32 KiB window, memory level 9,
// the default strategy) with the package's shorter search for matches (base/raw_deflate:
// a form's parts 0.90× the time for 0.6 % more bytes).
struct Deflated {
  std::string bytes;
  zip_uint64_t size = 0;  // inflated
  zip_uint32_t crc = 0;
  std::size_t offset = 0;  // read so far
  zip_error_t error{};
};

std::unique_ptr<Deflated> deflate_entry(const ZipEntry& entry) {
  if (entry.data.size() >= std::numeric_limits<std::uint32_t>::max()) fail(entry.name, "part too large");
  // A dozen parts a form: one stream a thread, reset for each (RawDeflater), deflating
  // into a buffer of the thread's, so that a part's deflated bytes (a tenth of it) are all
  // that is allocated, not deflate's bound of its whole size.
  thread_local RawDeflater deflater(kDeflateLevel, kMemoryLevel, RawDeflater::Search::shorter);
  thread_local std::string scratch;
  auto out = std::make_unique<Deflated>();
  zip_error_init(&out->error);
  out->size = entry.data.size();
  out->crc = crc32_of(entry.data);
  if (!deflater.deflate_all(entry.data, scratch)) fail(entry.name, "deflate failed");
  out->bytes.assign(scratch);
  return out;
}

// The libzip source of a Deflated (zip_source_function(3)): it says its data are deflated,
// with their size and CRC, so zip_close copies them as they are.
zip_int64_t deflated_source(void* user, void* data, zip_uint64_t len, zip_source_cmd_t command) {
  auto* d = static_cast<Deflated*>(user);
  switch (command) {
    case ZIP_SOURCE_OPEN:
      d->offset = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(len), d->bytes.size() - d->offset);
      std::memcpy(data, d->bytes.data() + d->offset, n);
      d->offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      if (len < sizeof(zip_stat_t)) break;
      auto* stat = static_cast<zip_stat_t*>(data);  // zip_source_stat has initialised it
      stat->size = d->size;
      stat->comp_size = d->bytes.size();
      stat->comp_method = ZIP_CM_DEFLATE;
      stat->crc = d->crc;
      stat->encryption_method = ZIP_EM_NONE;
      stat->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                     ZIP_STAT_ENCRYPTION_METHOD;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&d->error, data, len);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&d->error);
      delete d;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return ZIP_SOURCE_SUPPORTS_READABLE;
    default:
      break;
  }
  zip_error_set(&d->error, ZIP_ER_INVAL, 0);
  return -1;
}

// kDosDate and kDosTime as a time_t, as libzip's zip_file_set_dostime makes it (mktime of
// the local fields, the zone's daylight saving left to mktime), once for a whole archive.
time_t dos_time_as_time_t() {
  std::tm fields{};
  fields.tm_year = ((kDosDate >> 9) & 127) + 1980 - 1900;
  fields.tm_mon = ((kDosDate >> 5) & 15) - 1;
  fields.tm_mday = kDosDate & 31;
  fields.tm_hour = (kDosTime >> 11) & 31;
  fields.tm_min = (kDosTime >> 5) & 63;
  fields.tm_sec = (kDosTime << 1) & 62;
  fields.tm_isdst = -1;
  const LibcTimeLock lock;
  return std::mktime(&fields);
}

void add_entry(zip_t* archive, const ZipEntry& entry, std::unique_ptr<Deflated> deflated, time_t modified) {
  Deflated* owned = deflated.release();  // the source's once made: freed with it (ZIP_SOURCE_FREE)
  zip_source_t* source = zip_source_function(archive, deflated_source, owned);
  if (source == nullptr) {
    delete owned;
    fail(entry.name, zip_strerror(archive));
  }
  const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail(entry.name, zip_strerror(archive));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, kDeflateLevel) < 0) {
    fail(entry.name, zip_strerror(archive));
  }
  if (zip_file_set_mtime(archive, i, modified, 0) < 0) fail(entry.name, zip_strerror(archive));
}

// Everything written into the buffer source, read back after zip_close.
std::string read_all(zip_source_t* source) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(source, &stat) < 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    fail("archive", zip_error_strerror(zip_source_error(source)));
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  if (zip_source_open(source) < 0) fail("archive", zip_error_strerror(zip_source_error(source)));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const zip_int64_t n = zip_source_read(source, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  zip_source_close(source);
  if (done != bytes.size()) fail("archive", "short read from the memory buffer");
  return bytes;
}

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) fail("archive", error_text(&error));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    fail("archive", error_text(&error));
  }
  zip_error_fini(&error);
  zip_source_keep(buffer);  // ours too: zip_close drops the archive's reference only
  struct BufferRef {
    zip_source_t* source;
    ~BufferRef() { zip_source_free(source); }
  } buffer_ref{buffer};

  try {
    // One mktime for the archive, not one an entry (each reads the zone's file again).
    const time_t modified = dos_time_as_time_t();
    for (const ZipEntry& entry : entries) add_entry(archive, entry, deflate_entry(entry), modified);
  } catch (...) {
    zip_discard(archive);
    throw;
  }
  int closed;
  {
    const LibcTimeLock lock;  // each entry's DOS time, through localtime_r(); the data only copied
    closed = zip_close(archive);
  }
  if (closed < 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    fail("archive", why);
  }
  return read_all(buffer);
}

ZipReader::ZipReader(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    error_ = error_text(&error);
    return;
  }
  {
    const LibcTimeLock lock;  // each entry's DOS time of the central directory, through mktime()
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  }
  if (archive_ == nullptr) {
    zip_source_free(source);
    error_ = error_text(&error);
    return;
  }
  zip_error_fini(&error);
}

ZipReader::~ZipReader() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::vector<std::string> ZipReader::names() const {
  std::vector<std::string> out;
  if (archive_ == nullptr) return out;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr) out.emplace_back(name);
  }
  return out;
}

std::size_t ZipReader::entry_count() const {
  if (archive_ == nullptr) return 0;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  return count < 0 ? 0 : static_cast<std::size_t>(count);
}

std::optional<std::string> ZipReader::read(std::string_view name, std::size_t max_size, std::size_t max_ratio) {
  limit_hit_ = false;
  if (archive_ == nullptr) return std::nullopt;
  const std::string key(name);
  const zip_int64_t index = zip_name_locate(archive_, key.c_str(), 0);
  if (index < 0) {
    error_ = "no entry " + key;
    return std::nullopt;
  }
  const auto i = static_cast<zip_uint64_t>(index);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, i, 0, &stat) < 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    error_ = zip_strerror(archive_);
    return std::nullopt;
  }
  if (stat.size > max_size) {
    error_ = "entry " + key + " inflates to " + std::to_string(stat.size) + " bytes, over the limit of " +
             std::to_string(max_size);
    limit_hit_ = true;
    return std::nullopt;
  }
  // A part that inflates hundreds of times is a bomb, not a document (a form's XML deflates ~10×).
  if (max_ratio != 0 && (stat.valid & ZIP_STAT_COMP_SIZE) != 0 && stat.size > (1u << 20) &&
      stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > max_ratio) {
    error_ = "entry " + key + " inflates " + std::to_string(stat.size / std::max<zip_uint64_t>(stat.comp_size, 1)) +
             " times its stored size, over the limit of " + std::to_string(max_ratio);
    limit_hit_ = true;
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen_index(archive_, i, 0);
  if (file == nullptr) {
    error_ = zip_strerror(archive_);
    return std::nullopt;
  }
  std::string data(static_cast<std::size_t>(stat.size), '\0');
  std::size_t done = 0;
  while (done < data.size()) {
    const zip_int64_t n = zip_fread(file, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  // One more read reaches the end, where libzip checks the CRC of what it inflated.
  char past_end = 0;
  const bool at_end = done == data.size() && zip_fread(file, &past_end, 1) == 0;
  const bool closed = zip_fclose(file) == 0;
  if (!at_end || !closed) {
    error_ = "entry " + key + " cannot be read";
    return std::nullopt;
  }
  return data;
}

}  // namespace zhinan::detail

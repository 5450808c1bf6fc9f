#include "package/zip_writer.hpp"

#include <cerrno>
#include <limits>
#include <optional>
#include <stdexcept>

namespace zhinan::detail {
namespace {

constexpr std::uint32_t kMax32 = 0xFFFFFFFF;
constexpr std::uint16_t kMadeByUnix = (3 << 8) | 63;  // Unix, spec 6.3
constexpr std::uint32_t kFileAttributes = 0100644u << 16;
constexpr std::uint32_t kDirectoryAttributes = (040755u << 16) | 0x10;  // and the MS-DOS directory bit

void put16(std::string& s, std::uint16_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>(v >> 8);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(s, static_cast<std::uint16_t>(v >> 16));
}
void put64(std::string& s, std::uint64_t v) {
  put32(s, static_cast<std::uint32_t>(v & kMax32));
  put32(s, static_cast<std::uint32_t>(v >> 32));
}

std::uint16_t dos_time(const ZipTime& t) {
  return static_cast<std::uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
}
std::uint16_t dos_date(const ZipTime& t) {
  return static_cast<std::uint16_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);
}

}  // namespace

thread_local int zip_fail_write_number = 0;

bool ZipWriter::write(std::string_view bytes, std::optional<std::uint32_t> crc_of_bytes) {
  if (zip_fail_write_number > 0 && ++writes_ == zip_fail_write_number) {
    errno = ENOSPC;
    return false;
  }
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) return false;
  offset_ += bytes.size();
  crc_ = crc_of_bytes && bytes.size() <= kCrcJoinedMax ? crc32_joined(crc_, *crc_of_bytes, bytes.size())
                                                       : crc32_of(bytes, crc_);
  return true;
}

std::string ZipWriter::extra_fields(const Entry& e, bool central) const {
  std::string extra;
  // ZIP64: the local header carries both sizes whenever either is too large; the central
  // header only the fields that overflow, in the order the specification gives.
  std::string zip64;
  const bool big = e.zip64_local || e.size >= kMax32 || e.stored_size >= kMax32;
  if (!central && big) {
    put64(zip64, e.size);
    put64(zip64, e.stored_size);
  } else if (central) {
    if (e.size >= kMax32) put64(zip64, e.size);
    if (e.stored_size >= kMax32) put64(zip64, e.stored_size);
    if (e.offset >= kMax32) put64(zip64, e.offset);
  }
  if (!zip64.empty()) {
    put16(extra, 0x0001);
    put16(extra, static_cast<std::uint16_t>(zip64.size()));
    extra += zip64;
  }
  if (e.name.unicode_path) {
    put16(extra, 0x7075);
    put16(extra, static_cast<std::uint16_t>(5 + e.name.unicode_path->size()));
    extra += static_cast<char>(1);  // version
    put32(extra, crc32_of(e.name.bytes));
    extra += *e.name.unicode_path;
  }
  return extra;
}

std::string ZipWriter::local_header(const Entry& e) const {
  const bool big = e.zip64_local || e.size >= kMax32 || e.stored_size >= kMax32;
  std::string h;
  put32(h, 0x04034b50);
  put16(h, big ? 45 : 20);
  put16(h, e.name.utf8 ? 0x0800 : 0);
  put16(h, e.method);
  put16(h, dos_time(time_));
  put16(h, dos_date(time_));
  put32(h, e.crc);
  put32(h, big ? kMax32 : static_cast<std::uint32_t>(e.stored_size));
  put32(h, big ? kMax32 : static_cast<std::uint32_t>(e.size));
  const std::string extra = extra_fields(e, false);
  put16(h, static_cast<std::uint16_t>(e.name.bytes.size()));
  put16(h, static_cast<std::uint16_t>(extra.size()));
  h += e.name.bytes;
  h += extra;
  return h;
}

std::string ZipWriter::central_header(const Entry& e) const {
  const bool zip64 = e.size >= kMax32 || e.stored_size >= kMax32 || e.offset >= kMax32;
  std::string h;
  put32(h, 0x02014b50);
  put16(h, kMadeByUnix);
  put16(h, zip64 ? 45 : 20);
  put16(h, e.name.utf8 ? 0x0800 : 0);
  put16(h, e.method);
  put16(h, dos_time(time_));
  put16(h, dos_date(time_));
  put32(h, e.crc);
  put32(h, e.stored_size >= kMax32 ? kMax32 : static_cast<std::uint32_t>(e.stored_size));
  put32(h, e.size >= kMax32 ? kMax32 : static_cast<std::uint32_t>(e.size));
  const std::string extra = extra_fields(e, true);
  put16(h, static_cast<std::uint16_t>(e.name.bytes.size()));
  put16(h, static_cast<std::uint16_t>(extra.size()));
  put16(h, 0);  // comment
  put16(h, 0);  // disk
  put16(h, 0);  // internal attributes
  put32(h, e.directory ? kDirectoryAttributes : kFileAttributes);
  put32(h, e.offset >= kMax32 ? kMax32 : static_cast<std::uint32_t>(e.offset));
  h += e.name.bytes;
  h += extra;
  return h;
}

bool ZipWriter::add(Entry entry, std::string_view data) {
  if (entry.name.bytes.empty() || entry.name.bytes.size() > 0xFFFF) return false;
  entry.offset = offset_;
  // A stored entry's bytes are its data, whose CRC is known: the ZIP's CRC is carried on
  // without reading them again (most of a package is stored PDFs and forms).
  const auto data_crc = entry.method == 0 ? std::optional<std::uint32_t>(entry.crc) : std::nullopt;
  if (!write(local_header(entry)) || !write(data, data_crc)) return false;
  entries_.push_back(std::move(entry));
  return true;
}

bool ZipWriter::add_directory(const ZipName& name) {
  ZipName n = name;
  if (!n.bytes.ends_with('/')) n.bytes += '/';
  if (n.unicode_path && !n.unicode_path->ends_with('/')) *n.unicode_path += '/';
  return add(Entry{std::move(n), 0, 0, 0, 0, 0, true}, {});
}

bool ZipWriter::add_file(const ZipName& name, const ZipData& data) {
  return add(Entry{name, data.method, data.crc, data.size, data.bytes.size(), 0, false}, data.bytes);
}

namespace {

bool seek_to(std::FILE* f, std::uint64_t offset) {
#ifdef _WIN32
  return _fseeki64(f, static_cast<__int64>(offset), SEEK_SET) == 0;
#else
  return fseeko(f, static_cast<off_t>(offset), SEEK_SET) == 0;
#endif
}

}  // namespace

// The CRC and sizes are known only once the data is written: they go back into the local
// header at the places it left for them (the fixed fields, or the ZIP64 extra field).
bool ZipWriter::patch_local_header(const Entry& e) {
  std::string fixed;
  put32(fixed, e.crc);
  if (!e.zip64_local) {
    put32(fixed, static_cast<std::uint32_t>(e.stored_size));
    put32(fixed, static_cast<std::uint32_t>(e.size));
  }
  std::string zip64;
  put64(zip64, e.size);
  put64(zip64, e.stored_size);
  rewritten_ = true;
  if (std::fflush(out_) != 0 || !seek_to(out_, e.offset + 14) ||
      std::fwrite(fixed.data(), 1, fixed.size(), out_) != fixed.size())
    return false;
  if (e.zip64_local && (!seek_to(out_, e.offset + 30 + e.name.bytes.size() + 4) ||
                        std::fwrite(zip64.data(), 1, zip64.size(), out_) != zip64.size()))
    return false;
  return std::fflush(out_) == 0 && seek_to(out_, offset_);
}

ZipWriter::StreamResult ZipWriter::add_stream(const ZipName& name, std::FILE* in, std::uint64_t expected_size,
                                              bool store, int level) {
  if (name.bytes.empty() || name.bytes.size() > 0xFFFF) return StreamResult::write_failed;
  Entry e{name, static_cast<std::uint16_t>(store ? 0 : 8), 0, expected_size, 0, offset_, false};
  // Deflate may grow incompressible data by a few bytes per 16 KiB block: room for that.
  e.zip64_local = expected_size + expected_size / 1024 + 4096 >= kMax32;
  if (!write(local_header(e))) return StreamResult::write_failed;
  const std::uint64_t data_start = offset_;

  // Read a MiB at a time, deflated in the same chunks as compress_for_zip's (so the bytes
  // are the same as for the document read whole).
  constexpr std::size_t kRead = 16 * ChunkDeflater::kChunk;
  std::string input(kRead, '\0');
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
  std::optional<ChunkDeflater> deflater;
  if (!store) deflater.emplace(level);
  const auto sink = [&](std::string_view bytes) { return write(bytes); };
  for (bool last = false; !last;) {
    const std::size_t got = std::fread(input.data(), 1, kRead, in);
    if (got < kRead && std::ferror(in)) return StreamResult::read_failed;
    size += got;
    if (size > expected_size) return StreamResult::size_changed;
    last = size == expected_size;  // known here, so the last chunk is deflated as compress_for_zip's is
    if (!last && got < kRead) return StreamResult::size_changed;  // it became shorter
    const std::string_view piece(input.data(), got);
    const std::uint32_t piece_crc = crc32_of(piece);
    crc = crc32_joined(crc, piece_crc, got);
    if (store) {
      if (!write(piece, piece_crc)) return StreamResult::write_failed;  // the same bytes: their CRC once
      continue;
    }
    for (std::size_t at = 0; at < got || (last && at == 0); at += ChunkDeflater::kChunk) {  // an empty file too
      const std::string_view chunk = piece.substr(at, ChunkDeflater::kChunk);
      if (!deflater->add(chunk, last && at + chunk.size() == got, sink)) return StreamResult::write_failed;
    }
  }
  if (std::fgetc(in) != EOF) return StreamResult::size_changed;  // it became longer
  if (size != expected_size) return StreamResult::size_changed;
  e.crc = crc;
  e.stored_size = offset_ - data_start;
  if (!patch_local_header(e)) return StreamResult::write_failed;
  entries_.push_back(std::move(e));
  return StreamResult::ok;
}

bool ZipWriter::finish() {
  const std::uint64_t cd_offset = offset_;
  for (const Entry& e : entries_)
    if (!write(central_header(e))) return false;
  const std::uint64_t cd_size = offset_ - cd_offset;
  const std::uint64_t count = entries_.size();
  const bool zip64 = count >= 0xFFFF || cd_size >= kMax32 || cd_offset >= kMax32;
  std::string end;
  if (zip64) {
    const std::uint64_t record = offset_;
    put32(end, 0x06064b50);
    put64(end, 44);
    put16(end, kMadeByUnix);
    put16(end, 45);
    put32(end, 0);
    put32(end, 0);
    put64(end, count);
    put64(end, count);
    put64(end, cd_size);
    put64(end, cd_offset);
    put32(end, 0x07064b50);  // locator
    put32(end, 0);
    put64(end, record);
    put32(end, 1);
  }
  put32(end, 0x06054b50);
  put16(end, 0);
  put16(end, 0);
  put16(end, zip64 ? 0xFFFF : static_cast<std::uint16_t>(count));
  put16(end, zip64 ? 0xFFFF : static_cast<std::uint16_t>(count));
  put32(end, zip64 ? kMax32 : static_cast<std::uint32_t>(cd_size));
  put32(end, zip64 ? kMax32 : static_cast<std::uint32_t>(cd_offset));
  put16(end, 0);  // comment length
  return write(end) && std::fflush(out_) == 0;
}

}  // namespace zhinan::detail

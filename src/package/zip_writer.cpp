#include "package/zip_writer.hpp"

#include <zlib.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>
#include <limits>
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

std::uint32_t crc_of(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (!bytes.empty()) {
    const auto n = static_cast<uInt>(std::min<std::size_t>(bytes.size(), 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), n);
    bytes.remove_prefix(n);
  }
  return static_cast<std::uint32_t>(crc);
}

std::uint16_t dos_time(const ZipTime& t) {
  return static_cast<std::uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
}
std::uint16_t dos_date(const ZipTime& t) {
  return static_cast<std::uint16_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);
}

constexpr std::size_t kProbeWindow = 64u << 10;  // bytes per window
constexpr std::size_t kProbeWindows = 4;          // at the start, a third, two thirds, the end

// Deflated size of `bytes` at level 1, into `scratch`.
std::size_t fast_deflated_size(std::string_view bytes, std::string& scratch) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib deflateInit2 failed");
  scratch.resize(deflateBound(&z, static_cast<uLong>(bytes.size())) + 64);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(scratch.data());
  z.avail_out = static_cast<uInt>(scratch.size());
  const int rc = deflate(&z, Z_FINISH);
  const std::size_t out = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib deflate failed");
  return out;
}

// The probe's window in data of `size` bytes, and where the windows start: small data is
// probed whole.
std::size_t probe_length(std::uint64_t size) {
  return size <= kProbeWindow * kProbeWindows ? static_cast<std::size_t>(size) : kProbeWindow;
}
std::vector<std::uint64_t> probe_offsets(std::uint64_t size) {
  if (size <= kProbeWindow * kProbeWindows) return {0};
  std::vector<std::uint64_t> at;
  for (std::size_t k = 0; k < kProbeWindows; ++k) at.push_back((size - kProbeWindow) * k / (kProbeWindows - 1));
  return at;
}

// --- deflating a chunk at a time, storing what deflate cannot shrink.

std::uint32_t load32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
std::uint64_t load64(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Whether 8 bytes recur within `chunk`, looked for at content-defined points (where a hash
// of the 4 bytes there has its top 6 bits clear): such points fall at the same place in
// every copy of a repeated run, whatever the distance between the copies.
bool has_repeats(std::string_view chunk) {
  constexpr std::size_t kSlots = 4096;  // about 1,000 points in 64 KiB: a sparse table
  std::uint64_t seen[kSlots] = {};
  const auto* p = reinterpret_cast<const unsigned char*>(chunk.data());
  std::size_t repeats = 0;
  for (std::size_t i = 0; i + 8 <= chunk.size(); ++i) {
    const std::uint32_t h = load32(p + i) * 2654435761u;
    if ((h >> 26) != 0) continue;  // 1 point in 64
    const std::uint64_t word = load64(p + i) | 1;  // 0 marks a free slot
    for (std::size_t slot = (h >> 10) % kSlots, probes = 0; probes < kSlots; slot = (slot + 1) % kSlots, ++probes) {
      if (seen[slot] == 0) {
        seen[slot] = word;
        break;
      }
      if (seen[slot] == word) {
        if (++repeats > 8) return true;
        break;
      }
    }
  }
  return false;
}

// Deflate can do nothing with `chunk`: its bytes are near-uniform (order-0 entropy above
// 7.95 bits a byte, so no Huffman code shortens them) and nothing recurs in it for LZ77 to
// match. Compressed streams, pictures and fonts inside a PDF or Word file look like this.
bool incompressible(std::string_view chunk) {
  std::uint32_t counts[4][256] = {};
  const auto* p = reinterpret_cast<const unsigned char*>(chunk.data());
  std::size_t i = 0;
  for (; i + 4 <= chunk.size(); i += 4) {  // four tables: no stall on a repeated byte
    ++counts[0][p[i]];
    ++counts[1][p[i + 1]];
    ++counts[2][p[i + 2]];
    ++counts[3][p[i + 3]];
  }
  for (; i < chunk.size(); ++i) ++counts[0][p[i]];
  const double n = static_cast<double>(chunk.size());
  double bits = 0;
  for (int b = 0; b < 256; ++b) {
    const std::uint32_t c = counts[0][b] + counts[1][b] + counts[2][b] + counts[3][b];
    if (c > 0) bits -= c * std::log2(c / n);
  }
  return bits / n > 7.95 && !has_repeats(chunk);
}

// A probe window's size deflated at level 1; a window of bytes deflate cannot shrink
// counts whole without deflating it (zlib's level 1 goes through random bytes at about
// 60 MB/s, counting them at over 1 GB/s).
std::size_t probed_size(std::string_view window, std::string& scratch) {
  return window.size() >= ChunkDeflater::kJudged && incompressible(window) ? window.size()
                                                                           : fast_deflated_size(window, scratch);
}

}  // namespace

ChunkDeflater::ChunkDeflater(int level) : level_(level), current_(level) {
  z_ = new z_stream{};
  if (deflateInit2(z_, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    delete z_;
    throw std::runtime_error("zlib deflateInit2 failed");
  }
}

ChunkDeflater::~ChunkDeflater() {
  deflateEnd(z_);
  delete z_;
}

bool ChunkDeflater::add(std::string_view chunk, bool last, const std::function<bool(std::string_view)>& sink) {
  // A chunk too short to judge (only the last can be) goes on at the level in force.
  const int level = chunk.size() < kJudged ? current_ : incompressible(chunk) ? 0 : level_;
  if (level != current_) {
    // The input so far is finished at the old level (deflate(Z_BLOCK)): it needs room.
    int rc;
    do {
      z_->next_in = nullptr;
      z_->avail_in = 0;
      z_->next_out = reinterpret_cast<Bytef*>(output_.data());
      z_->avail_out = static_cast<uInt>(output_.size());
      rc = deflateParams(z_, level, Z_DEFAULT_STRATEGY);
      if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("zlib deflateParams failed");
      if (!sink({output_.data(), output_.size() - z_->avail_out})) return false;
    } while (rc == Z_BUF_ERROR);
    current_ = level;
  }
  z_->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
  z_->avail_in = static_cast<uInt>(chunk.size());
  int rc;
  do {
    z_->next_out = reinterpret_cast<Bytef*>(output_.data());
    z_->avail_out = static_cast<uInt>(output_.size());
    rc = deflate(z_, last ? Z_FINISH : Z_NO_FLUSH);
    if (rc == Z_STREAM_ERROR) throw std::runtime_error("zlib deflate failed");
    if (!sink({output_.data(), output_.size() - z_->avail_out})) return false;
  } while (z_->avail_out == 0 || (last && rc != Z_STREAM_END));
  return true;
}

bool worth_deflating(std::string_view content) {
  if (content.empty()) return false;
  std::string scratch;
  std::size_t in = 0, out = 0;
  for (std::uint64_t at : probe_offsets(content.size())) {
    const std::string_view window = content.substr(static_cast<std::size_t>(at), probe_length(content.size()));
    in += window.size();
    out += probed_size(window, scratch);
  }
  return static_cast<double>(out) < kDeflateWhenBelow * static_cast<double>(in);
}

bool worth_deflating(std::FILE* in, std::uint64_t size) {
  if (size == 0) return false;
  const long start = std::ftell(in);
  if (start < 0) return false;
  std::string window(probe_length(size), '\0'), scratch;
  std::size_t read_in = 0, out = 0;
  for (std::uint64_t at : probe_offsets(size)) {
    if (at > static_cast<std::uint64_t>(std::numeric_limits<long>::max() - start) ||
        std::fseek(in, start + static_cast<long>(at), SEEK_SET) != 0)
      break;
    const std::size_t n = std::fread(window.data(), 1, window.size(), in);
    read_in += n;
    out += probed_size(std::string_view(window).substr(0, n), scratch);
  }
  std::clearerr(in);
  std::fseek(in, start, SEEK_SET);  // add_stream reads from here and reports a failed read itself
  return read_in > 0 && static_cast<double>(out) < kDeflateWhenBelow * static_cast<double>(read_in);
}

ZipData compress_for_zip(std::string content, bool store, int level) {
  ZipData d;
  d.size = content.size();
  d.crc = crc_of(content);
  if (!store && !content.empty()) {
    std::string out;
    out.reserve(content.size() / 2);
    ChunkDeflater deflater(level);
    const auto append = [&](std::string_view bytes) {
      out.append(bytes);
      return true;
    };
    for (std::size_t at = 0; at < content.size(); at += ChunkDeflater::kChunk) {
      const std::string_view chunk = std::string_view(content).substr(at, ChunkDeflater::kChunk);
      deflater.add(chunk, at + chunk.size() == content.size(), append);
    }
    if (out.size() < content.size()) {
      d.method = 8;
      d.bytes = std::move(out);
      return d;
    }
  }
  d.method = 0;
  d.bytes = std::move(content);  // stored as it is: no copy
  return d;
}

thread_local int zip_fail_write_number = 0;

bool ZipWriter::write(std::string_view bytes) {
  if (zip_fail_write_number > 0 && ++writes_ == zip_fail_write_number) {
    errno = ENOSPC;
    return false;
  }
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) return false;
  offset_ += bytes.size();
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
    put32(extra, crc_of(e.name.bytes));
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
  if (!write(local_header(entry)) || !write(data)) return false;
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
  uLong crc = crc32(0L, Z_NULL, 0);
  std::uint64_t size = 0;
  std::optional<ChunkDeflater> deflater;
  if (!store) deflater.emplace(level);
  bool written = true;
  const auto sink = [&](std::string_view bytes) { return written = write(bytes); };
  for (bool last = false; !last;) {
    const std::size_t got = std::fread(input.data(), 1, kRead, in);
    if (got < kRead && std::ferror(in)) return StreamResult::read_failed;
    size += got;
    if (size > expected_size) return StreamResult::size_changed;
    last = size == expected_size;  // known here, so the last chunk is deflated as compress_for_zip's is
    if (!last && got < kRead) return StreamResult::size_changed;  // it became shorter
    crc = crc32(crc, reinterpret_cast<const Bytef*>(input.data()), static_cast<uInt>(got));
    if (store) {
      if (!write({input.data(), got})) return StreamResult::write_failed;
      continue;
    }
    for (std::size_t at = 0; at < got || (last && at == 0); at += ChunkDeflater::kChunk) {  // an empty file too
      const std::string_view chunk = std::string_view(input.data(), got).substr(at, ChunkDeflater::kChunk);
      if (!deflater->add(chunk, last && at + chunk.size() == got, sink) || !written) return StreamResult::write_failed;
    }
  }
  if (std::fgetc(in) != EOF) return StreamResult::size_changed;  // it became longer
  if (size != expected_size) return StreamResult::size_changed;
  e.crc = static_cast<std::uint32_t>(crc);
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

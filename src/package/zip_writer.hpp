// A streaming ZIP writer (internal to the package writer). Entries arrive already
// compressed (so worker threads can deflate while this writes) and are written in order:
// local header, data, and at the end the central directory, with ZIP64 records only when
// sizes, offsets or the entry count need them. Nothing depends on the clock or the time
// zone: the same entries give the same bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct z_stream_s;  // zlib's

namespace zhinan::detail {

// A civil date and time as the ZIP's MS-DOS fields hold it (no time zone).
struct ZipTime {
  int year = 2025, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

// How an entry's data is stored: 0 stored, 8 deflated (raw DEFLATE, no zlib header).
struct ZipData {
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;  // uncompressed
  std::string bytes;       // as stored
};

// Raw DEFLATE of a stream given a chunk at a time (kChunk bytes, the last one shorter), at
// `level` except for chunks deflate cannot shrink (near-uniform bytes that do not recur:
// a compressed picture or font inside a PDF or Word file), which go in as stored blocks:
// deflating them costs as much as text and gains nothing. The same chunks give the same
// bytes however they were read.
class ChunkDeflater {
 public:
  static constexpr std::size_t kChunk = 64u << 10;
  static constexpr std::size_t kJudged = 4096;  // a shorter chunk stays at the level in force
  explicit ChunkDeflater(int level);
  ~ChunkDeflater();
  ChunkDeflater(const ChunkDeflater&) = delete;
  ChunkDeflater& operator=(const ChunkDeflater&) = delete;
  // Deflates `chunk`, giving `sink` the output as it comes; `last` finishes the stream.
  // False when `sink` returned false.
  bool add(std::string_view chunk, bool last, const std::function<bool(std::string_view)>& sink);

 private:
  z_stream_s* z_;
  int level_;
  int current_;  // the level deflate is at: `level_`, or 0 for stored blocks
  std::string output_ = std::string(kChunk + 1024, '\0');
};

// Compresses `content` with raw DEFLATE at `level` (by ChunkDeflater), or stores it when
// that would not be smaller (or `store` is set, for formats already compressed).
ZipData compress_for_zip(std::string content, bool store, int level = 6);

// Whether data stored by its kind (a .pdf, .docx, .jpg…) is worth deflating after all: a
// PDF may hold uncompressed fonts and page streams, a Word file stored media, a file may
// be misnamed. A few windows spread over it are deflated at the fastest level; it is worth
// it when they shrink below kDeflateWhenBelow of their size. The stream's position is put
// back where it was.
inline constexpr double kDeflateWhenBelow = 0.97;
bool worth_deflating(std::string_view content);
bool worth_deflating(std::FILE* in, std::uint64_t size);

struct ZipName {
  std::string bytes;                       // the name as written in the headers
  bool utf8 = true;                        // general-purpose bit 11: the name is UTF-8
  std::optional<std::string> unicode_path;  // Info-ZIP Unicode Path (0x7075): the UTF-8 name
};

// For tests: when positive, the writer's n-th write fails as a full disk would.
extern thread_local int zip_fail_write_number;

class ZipWriter {
 public:
  // Writes to `out`, which the caller opened for writing and closes.
  ZipWriter(std::FILE* out, ZipTime time) : out_(out), time_(time) {}

  bool add_directory(const ZipName& name);
  bool add_file(const ZipName& name, const ZipData& data);
  // Copies `in` (read to its end, `expected_size` bytes as planned) into a new entry a
  // chunk at a time, deflated unless `store`, then goes back to fill in the local
  // header's CRC and sizes: a document of any size costs a few MiB. Needs a seekable
  // output.
  enum class StreamResult { ok, write_failed, read_failed, size_changed };
  StreamResult add_stream(const ZipName& name, std::FILE* in, std::uint64_t expected_size, bool store,
                          int level = 6);
  // The central directory and the end records; false when a write failed.
  bool finish();
  std::uint64_t bytes_written() const { return offset_; }

 private:
  struct Entry {
    ZipName name;
    std::uint16_t method;
    std::uint32_t crc;
    std::uint64_t size, stored_size, offset;
    bool directory;
    bool zip64_local = false;  // the local header holds ZIP64 sizes (sizes not known in advance)
  };
  bool write(std::string_view bytes);
  bool patch_local_header(const Entry& e);
  bool add(Entry entry, std::string_view data);
  std::string local_header(const Entry& e) const;
  std::string central_header(const Entry& e) const;
  std::string extra_fields(const Entry& e, bool central) const;

  std::FILE* out_;
  ZipTime time_;
  std::uint64_t offset_ = 0;
  int writes_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace zhinan::detail

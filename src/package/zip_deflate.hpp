// Deflating the entries of the package's ZIP (internal to the package writer): a chunk at
// a time, storing what deflate cannot shrink, and the probe that decides whether a file of
// a compressed kind is deflated at all.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "base/raw_deflate.hpp"  // crc32_of

struct z_stream_s;  // zlib's

namespace zhinan::detail {

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
// deflating them costs as much as text and gains nothing. At kTextLevel the search for
// matches is base/raw_deflate's shorter one. The same chunks give the same bytes however
// they were read.
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
ZipData compress_for_zip(std::string content, bool store, int level = kTextLevel);

// Whether data stored by its kind (a .pdf, .docx, .jpg…) is worth deflating after all: a
// PDF may hold uncompressed fonts and page streams, a Word file stored media, a file may
// be misnamed. A few windows spread over it are deflated at the fastest level (a window
// of random-looking bytes counts whole, undeflated); it is worth it when they shrink below
// kDeflateWhenBelow of their size. The stream's position is put
// back where it was.
inline constexpr double kDeflateWhenBelow = 0.97;
bool worth_deflating(std::string_view content);
bool worth_deflating(std::FILE* in, std::uint64_t size);

}  // namespace zhinan::detail

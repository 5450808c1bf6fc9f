// Raw DEFLATE (zlib's, no zlib header: what ZIP stores) of whole buffers through one
// stream kept and reset, and the CRC-32 ZIP records beside it (internal). Shared by the
// .docx writer and the package's ZIP writer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct z_stream_s;  // zlib's

namespace zhinan::detail {

// The CRC-32 of `bytes` (zlib's), of any size; `crc` carries on an earlier one.
std::uint32_t crc32_of(std::string_view bytes, std::uint32_t crc = 0);
// The CRC-32 of bytes A then B from A's and B's own, without reading the bytes again
// (zlib's crc32_combine). B at most kCrcJoinedMax bytes (zlib's length is a long, 32 bits
// on Windows); longer throws std::length_error.
inline constexpr std::uint64_t kCrcJoinedMax = 1u << 30;
std::uint32_t crc32_joined(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t length_b);

// What the package deflates text at (its entries and the forms' XML): zlib's level 6
// with a shorter search for matches (deflateTune, parameters in raw_deflate.cpp). Chinese
// text in UTF-8 (three bytes a character, so the same first bytes recur everywhere) sends
// level 6 down long hash chains that rarely find a longer match.
inline constexpr int kTextLevel = 6;
// Sets that shorter search on a stream at kTextLevel (after deflateInit2, deflateReset or
// deflateParams, which each put zlib's own back); a stream at another level is left as
// it is. Throws std::runtime_error when zlib refuses.
void shorten_search(z_stream_s* z, int level);

// One deflate stream at a fixed level, window of 32 KiB and memory level, reset for every
// buffer: zlib's state is some 300–400 KB, and allocating and freeing it for each small
// part cost more than deflating the part. Each buffer gives the bytes a new stream would
// (the shorter search, when asked for, set again after each reset). One a thread: not for
// sharing.
class RawDeflater {
 public:
  enum class Search { zlib, shorter };
  RawDeflater(int level, int memory_level, Search search = Search::zlib);
  ~RawDeflater();
  RawDeflater(const RawDeflater&) = delete;
  RawDeflater& operator=(const RawDeflater&) = delete;

  // `in` deflated whole into `out`; false when zlib failed or `in` is 4 GiB or more.
  bool deflate_all(std::string_view in, std::string& out);
  // The size `in` deflates to (into a buffer kept between calls); SIZE_MAX on failure.
  std::size_t deflated_size(std::string_view in);

 private:
  z_stream_s* z_;
  int level_;
  Search search_;
  std::string scratch_;
};

}  // namespace zhinan::detail

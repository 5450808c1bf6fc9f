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

// One deflate stream at a fixed level, window of 32 KiB and memory level, reset for every
// buffer: zlib's state is some 300–400 KB, and allocating and freeing it for each small
// part cost more than deflating the part. deflateReset keeps the parameters, so each
// buffer gives the bytes a new stream would. One a thread: not for sharing.
class RawDeflater {
 public:
  RawDeflater(int level, int memory_level);
  ~RawDeflater();
  RawDeflater(const RawDeflater&) = delete;
  RawDeflater& operator=(const RawDeflater&) = delete;

  // `in` deflated whole into `out`; false when zlib failed or `in` is 4 GiB or more.
  bool deflate_all(std::string_view in, std::string& out);
  // The size `in` deflates to (into a buffer kept between calls); SIZE_MAX on failure.
  std::size_t deflated_size(std::string_view in);

 private:
  z_stream_s* z_;
  std::string scratch_;
};

}  // namespace zhinan::detail

#include "base/raw_deflate.hpp"

#include <limits>
#include <stdexcept>

#define ZLIB_CONST  // next_in is const
#include <zlib.h>

namespace zhinan::detail {

std::uint32_t crc32_of(std::string_view bytes, std::uint32_t crc) {
  uLong c = crc;
  while (!bytes.empty()) {  // uInt lengths: a gigabyte at a time
    const auto n = static_cast<uInt>(std::min<std::size_t>(bytes.size(), 1u << 30));
    c = crc32(c, reinterpret_cast<const Bytef*>(bytes.data()), n);
    bytes.remove_prefix(n);
  }
  return static_cast<std::uint32_t>(c);
}

std::uint32_t crc32_joined(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t length_b) {
  if (length_b > kCrcJoinedMax) throw std::length_error("crc32_joined: the second part is too long");
  return static_cast<std::uint32_t>(crc32_combine(crc_a, crc_b, static_cast<z_off_t>(length_b)));
}

// zlib follows its hash chains to 64 earlier strings instead of 128, to a quarter of that
// once the match at the byte before is 4 bytes or more (not 8), and does not look for a
// longer match at the next byte once it holds 8 bytes (not 16). Measured with zlib 1.2.13,
// each stream alone: bench_package's text 0.68× the time for 1.1 % more bytes; the call,
// SPEC.md and STYLE.md together (real prose) 0.83–0.91× for 0.23 % more; a rendered form's
// parts 0.90× for 0.6 % more. zlib's level 5 is as fast for twice the bytes on text.
void shorten_search(z_stream_s* z, int level) {
  constexpr int kGoodLength = 4, kMaxLazy = 8, kNiceLength = 128, kMaxChain = 64;  // zlib's: 8, 16, 128, 128
  if (level == kTextLevel && deflateTune(z, kGoodLength, kMaxLazy, kNiceLength, kMaxChain) != Z_OK)
    throw std::runtime_error("zlib deflateTune failed");
}

RawDeflater::RawDeflater(int level, int memory_level, Search search)
    : z_(new z_stream{}), level_(level), search_(search) {
  if (deflateInit2(z_, level, Z_DEFLATED, -MAX_WBITS, memory_level, Z_DEFAULT_STRATEGY) != Z_OK) {
    delete z_;
    throw std::runtime_error("zlib deflateInit2 failed");
  }
}

RawDeflater::~RawDeflater() {
  deflateEnd(z_);
  delete z_;
}

bool RawDeflater::deflate_all(std::string_view in, std::string& out) {
  if (in.size() >= std::numeric_limits<uInt>::max() || deflateReset(z_) != Z_OK) return false;
  if (search_ == Search::shorter) shorten_search(z_, level_);
  const auto in_size = static_cast<uInt>(in.size());
  out.resize(deflateBound(z_, in_size));
  z_->next_in = reinterpret_cast<const Bytef*>(in.data());
  z_->avail_in = in_size;
  z_->next_out = reinterpret_cast<Bytef*>(out.data());
  z_->avail_out = static_cast<uInt>(out.size());
  const int status = deflate(z_, Z_FINISH);  // deflateBound leaves room for it all at once
  out.resize(z_->total_out);
  return status == Z_STREAM_END;
}

std::size_t RawDeflater::deflated_size(std::string_view in) {
  return deflate_all(in, scratch_) ? scratch_.size() : std::numeric_limits<std::size_t>::max();
}

}  // namespace zhinan::detail

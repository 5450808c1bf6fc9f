#include "package/zip_deflate.hpp"

#include <zlib.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

namespace zhinan::detail {
namespace {

constexpr std::size_t kProbeWindow = 64u << 10;  // bytes per window
constexpr std::size_t kProbeWindows = 4;          // at the start, a third, two thirds, the end
constexpr std::size_t kProbeBlock = 16u << 10;    // judged alone: random bytes have 7.99 bits a byte at this size

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

// A probe window's size deflated at the fastest level, judged in blocks: a block of bytes
// deflate cannot shrink counts whole without deflating it (zlib's level 1 goes through
// random bytes at about 60 MB/s, counting them at over 1 GB/s); the other blocks are
// deflated together, as they would be in the entry. A window is often such bytes with a
// little else: the end of a picture and a ZIP's central directory, streams of a PDF
// between its objects. One stream a thread, reset for every window.
std::size_t probed_size(std::string_view window) {
  thread_local RawDeflater fastest(1, 8);
  thread_local std::string rest;
  rest.clear();
  std::size_t random_looking = 0;
  for (std::size_t at = 0; at < window.size(); at += kProbeBlock) {
    const std::string_view block = window.substr(at, kProbeBlock);
    if (block.size() >= ChunkDeflater::kJudged && incompressible(block)) random_looking += block.size();
    else rest.append(block);
  }
  if (rest.empty()) return random_looking;
  const std::size_t deflated = fastest.deflated_size(rest);
  if (deflated == std::numeric_limits<std::size_t>::max()) throw std::runtime_error("zlib deflate failed");
  return random_looking + deflated;
}

}  // namespace

ChunkDeflater::ChunkDeflater(int level) : level_(level), current_(level) {
  z_ = new z_stream{};
  if (deflateInit2(z_, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    delete z_;
    throw std::runtime_error("zlib deflateInit2 failed");
  }
  try {
    shorten_search(z_, level);
  } catch (...) {
    deflateEnd(z_);
    delete z_;
    throw;
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
    shorten_search(z_, level);  // deflateParams put back zlib's own parameters of the level
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
  std::size_t in = 0, out = 0;
  for (std::uint64_t at : probe_offsets(content.size())) {
    const std::string_view window = content.substr(static_cast<std::size_t>(at), probe_length(content.size()));
    in += window.size();
    out += probed_size(window);
  }
  return static_cast<double>(out) < kDeflateWhenBelow * static_cast<double>(in);
}

bool worth_deflating(std::FILE* in, std::uint64_t size) {
  if (size == 0) return false;
  const long start = std::ftell(in);
  if (start < 0) return false;
  std::string window(probe_length(size), '\0');
  std::size_t read_in = 0, out = 0;
  for (std::uint64_t at : probe_offsets(size)) {
    if (at > static_cast<std::uint64_t>(std::numeric_limits<long>::max() - start) ||
        std::fseek(in, start + static_cast<long>(at), SEEK_SET) != 0)
      break;
    const std::size_t n = std::fread(window.data(), 1, window.size(), in);
    read_in += n;
    out += probed_size(std::string_view(window).substr(0, n));
  }
  std::clearerr(in);
  std::fseek(in, start, SEEK_SET);  // add_stream reads from here and reports a failed read itself
  return read_in > 0 && static_cast<double>(out) < kDeflateWhenBelow * static_cast<double>(read_in);
}

ZipData compress_for_zip(std::string content, bool store, int level) {
  ZipData d;
  d.size = content.size();
  d.crc = crc32_of(content);
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

}  // namespace zhinan::detail

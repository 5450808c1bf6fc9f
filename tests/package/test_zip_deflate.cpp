// The package's deflating: chunks deflate cannot shrink stored, the rest deflated, one
// stream that inflates back.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>
#include <string_view>

#include "package/zip_deflate.hpp"

using namespace zhinan;

namespace {

// Raw DEFLATE inflated back.
std::string inflated(std::string_view deflated) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, -15) == Z_OK);
  std::string out;
  char buffer[1 << 16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
  z.avail_in = static_cast<uInt>(deflated.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}

std::string random_text(std::size_t n, std::uint64_t seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    s[i] = static_cast<char>(seed >> 56);
  }
  return s;
}

std::string prose(std::size_t n) {
  std::string s;
  for (int i = 0; s.size() < n; ++i) s += "第" + std::to_string(i) + "段：国际合作项目指南建议，关键技术与预期成果。\n";
  s.resize(n);
  return s;
}

std::size_t deflated_size(std::string_view data) {
  const detail::ZipData d = detail::compress_for_zip(std::string(data), false);
  CHECK(d.method == 8);
  return d.bytes.size();
}

}  // namespace

TEST_CASE("zip_deflate: chunks deflate cannot shrink are stored, the rest deflated, the whole inflating back") {
  // A PDF's parts as they come: compressed streams (random bytes), text, more streams, and
  // a tail shorter than a chunk. Text keeps its level-6 size; random bytes cost 5 bytes a
  // stored block, no more.
  const std::string streams = random_text(300'000, 1), text = prose(200'000), more = random_text(150'000, 2);
  const std::string pdf = streams + text + more + prose(1'000);
  const detail::ZipData d = detail::compress_for_zip(pdf, false);
  REQUIRE(d.method == 8);
  CHECK(inflated(d.bytes) == pdf);
  const std::size_t text_alone = deflated_size(text);
  CHECK(d.bytes.size() < streams.size() + more.size() + text_alone + 2'000);
  CHECK(d.bytes.size() > streams.size() + more.size());
  // Random bytes that recur (one 4 KiB block over and over) are near-uniform too, but
  // LZ77 matches them: they are deflated, to a small part of their size.
  std::string repeated;
  const std::string block = random_text(4096, 3);
  while (repeated.size() < 400'000) repeated += block;
  CHECK(deflated_size(repeated) < repeated.size() / 20);
  // Random bytes alone are no smaller deflated: stored, with the method "stored".
  CHECK(detail::compress_for_zip(random_text(500'000, 4), false).method == 0);
}


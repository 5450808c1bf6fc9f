// The package's deflating: chunks deflate cannot shrink stored, the rest deflated, one
// stream that inflates back.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>
#include <string_view>

#include "package/zip_deflate.hpp"
#include "support.hpp"

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
  const std::string streams = test::random_bytes(300'000, 1), text = test::prose(200'000), more = test::random_bytes(150'000, 2);
  const std::string pdf = streams + text + more + test::prose(1'000);
  const detail::ZipData d = detail::compress_for_zip(pdf, false);
  REQUIRE(d.method == 8);
  CHECK(inflated(d.bytes) == pdf);
  const std::size_t text_alone = deflated_size(text);
  CHECK(d.bytes.size() < streams.size() + more.size() + text_alone + 2'000);
  CHECK(d.bytes.size() > streams.size() + more.size());
  // Random bytes that recur (one 4 KiB block over and over) are near-uniform too, but
  // LZ77 matches them: they are deflated, to a small part of their size.
  std::string repeated;
  const std::string block = test::random_bytes(4096, 3);
  while (repeated.size() < 400'000) repeated += block;
  CHECK(deflated_size(repeated) < repeated.size() / 20);
  // Random bytes alone are no smaller deflated: stored, with the method "stored".
  CHECK(detail::compress_for_zip(test::random_bytes(500'000, 4), false).method == 0);
}


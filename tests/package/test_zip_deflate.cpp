// The package's deflating: chunks deflate cannot shrink stored, the rest deflated, one
// stream that inflates back.
#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "package/zip_deflate.hpp"
#include "zhinan/suggestion_json.hpp"
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


namespace {

// worth_deflating of `data` in memory and read from a file, which must agree; the file's
// position is put back.
bool worth_deflating_both_ways(const std::string& data) {
  const bool in_memory = detail::worth_deflating(data);
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  REQUIRE(std::fwrite(data.data(), 1, data.size(), f) == data.size());
  std::fseek(f, 7, SEEK_SET);  // the probe starts where the stream is
  const bool from_file = detail::worth_deflating(f, data.size() - 7);
  CHECK(std::ftell(f) == 7);
  std::fclose(f);
  CHECK(from_file == detail::worth_deflating(data.substr(7)));
  return in_memory;
}

}  // namespace

TEST_CASE("zip_deflate: a file of a compressed kind is deflated only when enough of it shrinks") {
  // A Word file with a photo: the picture's bytes, then the ZIP's central directory
  // naming its parts (text that recurs, inside a window of otherwise random bytes).
  std::string directory;
  for (int i = 0; i < 12; ++i) directory += "PK\x01\x02 word/media/image" + std::to_string(i) + ".jpeg word/document.xml";
  CHECK_FALSE(worth_deflating_both_ways(test::random_bytes(900'000, 5) + directory));
  CHECK_FALSE(worth_deflating_both_ways(test::random_bytes(100'000, 6) + directory));  // probed whole
  // A PDF whose page streams are not compressed: a third of it text between compressed
  // streams, so that every window holds some of each.
  std::string pdf;
  for (std::uint64_t k = 0; pdf.size() < 1'200'000; ++k) pdf += test::random_bytes(20'000, 10 + k) + test::prose(10'000);
  CHECK(worth_deflating_both_ways(pdf));
  // A misnamed text file; nothing to probe.
  CHECK(worth_deflating_both_ways(test::prose(700'000)));
  CHECK_FALSE(detail::worth_deflating(std::string_view()));
}

namespace {

// Raw DEFLATE of `data` by zlib at its own level 6 (Info-ZIP's `zip -6` searches as far).
std::size_t zlib_level6_size(std::string_view data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
  const std::size_t size = z.total_out;
  deflateEnd(&z);
  return size;
}

}  // namespace

TEST_CASE("zip_deflate: a unit's text costs at most a little more than zlib's level 6") {
  // The package searches for matches less far than zlib's level 6, for speed on Chinese
  // text; the text a unit supplies must stay within 1 % of what `zip -6` makes of it
  // (real prose: the samples' overviews and reports), and within 2 % for text of short
  // runs taken at random from it (bench_package's, where long searches pay most).
  std::string prose;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "examples" / "data")) {
    if (entry.path().extension() != ".json") continue;
    const ParseResult parsed = read_suggestion_file(entry.path());
    if (!parsed.suggestion) continue;
    const Suggestion& s = *parsed.suggestion;
    prose += s.overview + "\n";
    if (s.report) prose += s.report->background + "\n" + s.report->research_content + "\n";
  }
  REQUIRE(prose.size() > 20'000);
  CHECK(deflated_size(prose) <= zlib_level6_size(prose) * 1.01);
  std::string runs;
  std::uint64_t seed = 7;
  while (runs.size() < 400'000) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    const std::size_t at = (seed >> 33) % (prose.size() - 40) / 3 * 3, length = 3 * (1 + (seed >> 20) % 6);
    runs += prose.substr(at, length);
  }
  CHECK(deflated_size(runs) <= zlib_level6_size(runs) * 1.02);
  // Text after stored chunks is deflated as the text alone (deflateParams, back from the
  // stored blocks, would put zlib's own search back): the same size, give or take the
  // stored blocks' headers.
  const std::string random = test::random_bytes(2 * detail::ChunkDeflater::kChunk, 9);
  const std::size_t alone = random.size() + deflated_size(runs), together = deflated_size(random + runs);
  CHECK(together <= alone + 64);
  CHECK(together + 64 >= alone);
}

// The streaming ZIP writer: a document copied a chunk at a time must be the size the plan
// measured; one that grew or shrank since is refused, not written short or long.
#include <doctest/doctest.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "package/zip_writer.hpp"
#include "support.hpp"

using namespace zhinan;
using detail::ZipWriter;

namespace {

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

File file_with(const std::string& bytes) {
  File f(std::tmpfile(), &std::fclose);
  REQUIRE(f);
  REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size());
  std::rewind(f.get());
  return f;
}

ZipWriter::StreamResult stream(const std::string& document, std::uint64_t planned_size, bool store) {
  File in = file_with(document);
  File out(std::tmpfile(), &std::fclose);
  REQUIRE(out);
  ZipWriter zip(out.get(), detail::ZipTime{});
  return zip.add_stream(detail::ZipName{"报告.pdf", true, std::nullopt}, in.get(), planned_size, store);
}

}  // namespace

TEST_CASE("zip_writer: a streamed document that grew or shrank since it was planned is refused") {
  // Two reads long and a bit, text and random bytes: deflated chunks and stored ones.
  const std::string document = test::prose(1'200'000) + test::random_bytes(1'000'000, 7);
  for (const bool store : {false, true}) {
    CAPTURE(store);
    CHECK(stream(document, document.size(), store) == ZipWriter::StreamResult::ok);
    CHECK(stream(document, document.size() - 1, store) == ZipWriter::StreamResult::size_changed);  // it grew
    CHECK(stream(document, document.size() + 1, store) == ZipWriter::StreamResult::size_changed);  // it shrank
    // Ending where a read of 1 MiB ends: longer than that, or that long but planned longer.
    const std::string two_reads = document.substr(0, 2u << 20);
    CHECK(stream(document, two_reads.size(), store) == ZipWriter::StreamResult::size_changed);
    CHECK(stream(two_reads, two_reads.size(), store) == ZipWriter::StreamResult::ok);
    CHECK(stream(two_reads, two_reads.size() + 5, store) == ZipWriter::StreamResult::size_changed);
    CHECK(stream("", 0, store) == ZipWriter::StreamResult::ok);
  }
}

// The CRC-32 ZIP records: continued over pieces, and joined from two parts' own CRCs
// (the package's CRC for the 汇总表 is carried on that way over stored entries).
#include <doctest/doctest.h>

#include <zlib.h>

#include <stdexcept>
#include <string>

#include "base/raw_deflate.hpp"
#include "support.hpp"

using namespace zhinan;

TEST_CASE("raw_deflate: CRC-32 continued over pieces and joined from two parts' own") {
  const std::string a = test::random_bytes(70'001, 1), b = test::prose(123'457);
  const std::string both = a + b;
  const auto zlib_crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(both.data()), static_cast<uInt>(both.size())));
  CHECK(detail::crc32_of(both) == zlib_crc);
  CHECK(detail::crc32_of(b, detail::crc32_of(a)) == zlib_crc);
  CHECK(detail::crc32_joined(detail::crc32_of(a), detail::crc32_of(b), b.size()) == zlib_crc);
  // Nothing joined on changes nothing; an empty first part gives the second's.
  CHECK(detail::crc32_joined(detail::crc32_of(a), 0, 0) == detail::crc32_of(a));
  CHECK(detail::crc32_joined(0, detail::crc32_of(b), b.size()) == detail::crc32_of(b));
  CHECK_THROWS_AS(detail::crc32_joined(1, 2, detail::kCrcJoinedMax + 1), std::length_error);
}

#include <doctest/doctest.h>

#include "zhinan/money.hpp"

using zhinan::Money;

TEST_CASE("money: decimal literals are read exactly, to the fen") {
  CHECK(Money::parse("1200")->units() == 1'200'000'000);
  CHECK(Money::parse("300.5")->to_string() == "300.5");
  CHECK(Money::parse("0.1")->units() + Money::parse("0.2")->units() == Money::parse("0.3")->units());
  CHECK(Money::parse("300.50")->decimals() == 1);
  CHECK(Money::parse("0.000001")->units() == 1);
  CHECK(Money::parse("-2")->is_negative());
  CHECK(Money::parse(" 12 ")->to_string() == "12");
  CHECK(Money::parse("1.2e3")->to_string() == "1200");
  CHECK(Money::parse("12E-1")->to_string() == "1.2");
  CHECK(Money::parse("1.5000000")->to_string() == "1.5");
}

TEST_CASE("money: anything that is not an exact amount is refused") {
  for (const char* bad : {"", "-", "abc", "三百", "1,200", "1.", ".5", "1.2.3", "1e", "0x10",
                          "1.0000001", "1e-7", "1e13", "99999999999999999999", "1200万元", "NaN"})
    CHECK_MESSAGE(!Money::parse(bad), bad);
}

TEST_CASE("money: compares and adds without drift") {
  Money a = *Money::parse("300.5"), b = *Money::parse("1200");
  CHECK(a < b);
  CHECK((a + a).to_string() == "601");
  CHECK(Money::from_units(-10'000).to_string() == "-0.01");
  CHECK(Money().to_string() == "0");
}

#include <doctest/doctest.h>

#include <string>

#include "zhinan/model.hpp"
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

TEST_CASE("money: read digit by digit, never through double, and says why not") {
  Money::Problem why = Money::Problem::not_a_number;
  CHECK_FALSE(Money::parse("1e400", &why));
  CHECK(why == Money::Problem::too_large);
  CHECK_FALSE(Money::parse(std::string(100'001, '9'), &why));
  CHECK(why == Money::Problem::too_large);
  CHECK_FALSE(Money::parse("1e999999999999999999999", &why));  // the exponent itself overflows
  CHECK(why == Money::Problem::too_large);
  CHECK_FALSE(Money::parse("1e-400", &why));
  CHECK(why == Money::Problem::too_fine);
  CHECK_FALSE(Money::parse("1.000000000000000000000000000001", &why));
  CHECK(why == Money::Problem::too_fine);
  CHECK_FALSE(Money::parse("三百", &why));
  CHECK(why == Money::Problem::not_a_number);
  // Zeros are no digits of precision: 46 of them still make exactly 1, and 0e999999 is 0.
  CHECK(Money::parse("1." + std::string(45, '0'))->to_string() == "1");
  CHECK(Money::parse("000000000000000000000000000000000000000000001200")->to_string() == "1200");
  CHECK(Money::parse("0e999999")->units() == 0);
  CHECK(Money::parse("1000000000000")->units() == Money::kMaxUnits);
  CHECK_FALSE(Money::parse("1000000000000.000001"));
  CHECK(Money::parse("123456789012.345678")->to_string() == "123456789012.345678");
  CHECK(Money::parse("0.00000100e1")->to_string() == "0.00001");
}

TEST_CASE("money: an amount written as text has no exponent") {
  Money::Problem why = Money::Problem::too_large;
  CHECK_FALSE(Money::parse_text("1e3", &why));
  CHECK(why == Money::Problem::not_a_number);
  CHECK(Money::parse_text("1200.50")->to_string() == "1200.5");
  CHECK(Money::parse("1e3")->to_string() == "1000");  // a JSON number may
  CHECK_FALSE((zhinan::DecimalText{"1e3", true}.money()));   // "1e3" as a JSON string
  CHECK(zhinan::DecimalText{"1e3", false}.money()->units() == 1'000'000'000);
}

// 联系电话 against China's numbering plan, as the built-in profile holds it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "support.hpp"
#include "zhinan/phone.hpp"

using namespace zhinan;

namespace {

const PhonePlan& plan() { return Profile::builtin().phone_plan(); }

std::optional<PhoneNumber> parse(std::string_view text) { return parse_phone(text, plan()); }

// The normalized digits, or "-" when the text is no number.
std::string digits(std::string_view text) {
  auto n = parse(text);
  return n ? n->digits : "-";
}

bool allocated(std::string_view prefix) {
  const auto& list = plan().mobile_prefixes;
  return std::find(list.begin(), list.end(), prefix) != list.end();
}

}  // namespace

TEST_CASE("phone: mobiles are 11 digits in an allocated 13x–19x block") {
  auto n = parse("13912345678");
  REQUIRE(n);
  CHECK(n->kind == PhoneKind::mobile);
  CHECK(n->digits == "13912345678");
  CHECK(n->extension.empty());
  for (const char* ok : {"13012345678", "15012345678", "16612345678", "17712345678", "18812345678", "19912345678"}) {
    CAPTURE(ok);
    CHECK(parse(ok));
  }
  CHECK_FALSE(parse("12345678901"));  // 12x is no mobile block
  CHECK_FALSE(parse("1391234567"));   // 10 digits
  CHECK_FALSE(parse("139123456789"));
}

TEST_CASE("phone: a block the plan has not allocated is refused, as the profile lists them") {
  REQUIRE_FALSE(allocated("154"));
  CHECK_FALSE(parse("15412345678"));
  REQUIRE(allocated("155"));
  CHECK(parse("15512345678"));
  for (const char* prefix : {"140", "141", "143", "144", "146", "148", "160", "161", "163", "164", "168", "169", "179",
                             "194"}) {
    CAPTURE(prefix);
    CHECK(allocated(prefix) == bool(parse(std::string(prefix) + "12345678")));
  }
  // Every prefix the profile lists parses.
  for (const auto& prefix : plan().mobile_prefixes) {
    CAPTURE(prefix);
    CHECK(parse(prefix + "12345678"));
  }
}

TEST_CASE("phone: landlines carry the area code, however it is set off") {
  for (const char* written : {"0535-6913071", "(0535)6913071", "0535 6913071", "（0535）6913071", "0535.6913071",
                              "05356913071"}) {
    CAPTURE(written);
    auto n = parse(written);
    REQUIRE(n);
    CHECK(n->kind == PhoneKind::landline);
    CHECK(n->digits == "05356913071");
  }
}

TEST_CASE("phone: 010 and 02x take the two-digit area code — local numbers never start with 0 or 1") {
  CHECK(digits("010-62345678") == "01062345678");
  CHECK(digits("021-62345678") == "02162345678");
  CHECK(digits("029-88765432") == "02988765432");
  CHECK(digits("0755-86013388") == "075586013388");  // 0+3 digits with 8-digit local numbers
  CHECK_FALSE(parse("010-12345678"));
  CHECK_FALSE(parse("010-02345678"));
  CHECK_FALSE(parse("0535-1913071"));
  CHECK_FALSE(parse("011-62345678"));  // no 01x but 010
  CHECK_FALSE(parse("0135-6913071"));
  CHECK_FALSE(parse("6913071"));  // no area code
}

TEST_CASE("phone: local numbers have 7 or 8 digits") {
  CHECK_FALSE(parse("0535-691307"));  // too short
  CHECK(parse("0535-6913071"));
  CHECK(parse("0535-69130712"));
  CHECK_FALSE(parse("0535-691307123"));
}

TEST_CASE("phone: 400 and 800 numbers are 10 digits") {
  for (const char* written : {"400-123-4567", "4001234567", "400 123 4567", "800-123-4567"}) {
    CAPTURE(written);
    auto n = parse(written);
    REQUIRE(n);
    CHECK(n->kind == PhoneKind::service);
  }
  CHECK(digits("400-123-4567") == "4001234567");
  CHECK_FALSE(parse("400-123-456"));
  CHECK_FALSE(parse("500-123-4567"));
}

TEST_CASE("phone: +86 and 0086, with the landline's trunk 0 left out") {
  CHECK(digits("+86 139 1234 5678") == "13912345678");
  CHECK(digits("+8613912345678") == "13912345678");
  CHECK(digits("0086 139 1234 5678") == "13912345678");
  CHECK(digits("+86-535-6913071") == "05356913071");
  CHECK(digits("+86 (535) 6913071") == "05356913071");
  CHECK(digits("0086-535-6913071") == "05356913071");
  CHECK(digits("+86 10 62345678") == "01062345678");
  CHECK(parse("+86-535-6913071")->kind == PhoneKind::landline);
  CHECK_FALSE(parse("+86 12345"));
}

TEST_CASE("phone: full-width digits and punctuation, as a Chinese IME types them") {
  CHECK(digits("０５３５－６９１３０７１") == "05356913071");
  CHECK(digits("（０５３５）６９１３０７１") == "05356913071");
  CHECK(digits("＋８６　１３９　１２３４　５６７８") == "13912345678");
  CHECK(digits("0535—6913071") == "05356913071");  // an em dash
}

TEST_CASE("phone: an extension after 转, #, ext or 分机") {
  for (const char* written : {"0535-6913071转8001", "0535-6913071 转 8001", "0535-6913071#8001", "0535-6913071 ext 8001",
                              "0535-6913071 ext. 8001", "0535-6913071x8001", "0535-6913071分机8001",
                              "０５３５－６９１３０７１转８００１"}) {
    CAPTURE(written);
    auto n = parse(written);
    REQUIRE(n);
    CHECK(n->kind == PhoneKind::landline);
    CHECK(n->digits == "05356913071");
    CHECK(n->extension == "8001");
  }
  CHECK_FALSE(parse("0535-6913071转"));         // 转 and nothing
  CHECK_FALSE(parse("0535-6913071转总机"));     // not digits
  CHECK_FALSE(parse("0535-6913071转12345678"));  // too long for an extension
  CHECK_FALSE(parse("13912345678转8001"));      // a mobile has none
}

TEST_CASE("phone: rubbish and foreign numbers are no number") {
  for (const char* rubbish : {"12345", "电话", "", " ", "无", "0535-691307", "+1 202 555 0100", "+44 20 7946 0958",
                              "001 202 555 0100", "13912345678 / 13812345678", "0535-6913071a"}) {
    CAPTURE(rubbish);
    CHECK_FALSE(parse(rubbish));
  }
}

TEST_CASE("phone: the same number written three ways has the same digits") {
  // The batch rules compare proposers by these digits.
  CHECK(digits("0535-6913071") == digits("+86 535 6913071"));
  CHECK(digits("0535-6913071") == digits("（０５３５）６９１３０７１"));
  CHECK(digits("139 1234 5678") == digits("+86-139-1234-5678"));
  CHECK(digits("139 1234 5678") == digits("0086１３９１２３４５６７８"));
  CHECK(digits("0535-6913071转8001") == digits("0535 6913071"));  // the extension is apart
  CHECK(digits("0535-6913071") != digits("0535-6913072"));
}

TEST_CASE("phone: an office extension after a second dash, as switchboards print it") {
  auto n = parse("0535-6913071-8001");
  REQUIRE(n);
  CHECK(n->digits == "05356913071");
  CHECK(n->extension == "8001");
  CHECK(digits("0535-6913071-8001") == digits("0535-6913071转8001"));
  CHECK(digits("0535-6913071-") == "05356913071");  // a stray dash at the end is only a separator
  CHECK_FALSE(parse("0535-6913071-12345678"));  // no extension is that long
  CHECK_FALSE(parse("139-1234-5678-8001"));     // mobiles have no extensions
}

// Telephone numbers as units write them (联系电话), checked against China's numbering plan
// and normalized so that the same number written three ways compares equal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "zhinan/profile.hpp"

namespace zhinan {

enum class PhoneKind { mobile, landline, service };

struct PhoneNumber {
  PhoneKind kind = PhoneKind::mobile;
  std::string digits;     // national form without separators: 13912345678, 05356913071, 4001234567
  std::string extension;  // 分机, digits only, may be empty
};

// Accepts spaces, dashes, dots, parentheses, full-width digits and punctuation, a +86 /
// 0086 prefix (then a landline's trunk 0 may be left out) and an extension after 转, #,
// ext or x. Returns nothing when the digits are not a number the plan allocates.
std::optional<PhoneNumber> parse_phone(std::string_view text, const PhonePlan& plan);

}  // namespace zhinan

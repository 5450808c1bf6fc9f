// Pieces of the audit's HTML report shared by its sources (internal): escaping, and the
// word diff that highlights what differs between the two sides of a duplicate pair.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zhinan::detail {

// The text with & < > " ' escaped, ill-formed UTF-8 replaced by U+FFFD and control
// characters other than tab and line feed dropped: safe in an element and in an attribute.
std::string html_escape(std::string_view text);

// Each side escaped, the tokens outside their longest common subsequence wrapped in
// <mark>. A token is one CJK character (or other symbol), a word of Latin letters and
// digits, or a run of white space. Only the first `max_tokens` of each side are compared;
// the rest is shown as it is.
struct MarkedPair {
  std::string left;
  std::string right;
};
MarkedPair html_diff(std::string_view left, std::string_view right, std::size_t max_tokens = 2000);

}  // namespace zhinan::detail

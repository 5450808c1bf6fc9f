#include "zhinan/money.hpp"

#include <algorithm>

namespace zhinan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view take_digits(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  std::string_view digits = s.substr(0, n);
  s.remove_prefix(n);
  return digits;
}

std::optional<Money> refuse(Money::Problem problem, Money::Problem* why) {
  if (why) *why = problem;
  return std::nullopt;
}

// The literal's value is `digits` × 10^exponent, read without ever leaving the decimal:
// a 100,001-digit integer or 1e999999 costs one pass and is refused, never rounded.
std::optional<Money> read(std::string_view literal, bool exponent_allowed, Money::Problem* why) {
  using P = Money::Problem;
  std::string_view s = trim(literal);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const std::string_view whole = take_digits(s);
  std::string_view fraction;
  if (!s.empty() && s.front() == '.') {
    s.remove_prefix(1);
    fraction = take_digits(s);
    if (fraction.empty()) return refuse(P::not_a_number, why);
  }
  if (whole.empty()) return refuse(P::not_a_number, why);
  long long exponent = 0;  // saturated far beyond anything that could still be an amount
  if (!s.empty() && (s.front() == 'e' || s.front() == 'E')) {
    if (!exponent_allowed) return refuse(P::not_a_number, why);
    s.remove_prefix(1);
    bool exponent_negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
      exponent_negative = s.front() == '-';
      s.remove_prefix(1);
    }
    const std::string_view digits = take_digits(s);
    if (digits.empty()) return refuse(P::not_a_number, why);
    for (char c : digits) exponent = std::min(exponent * 10 + (c - '0'), 1'000'000'000'000LL);
    if (exponent_negative) exponent = -exponent;
  }
  if (!s.empty()) return refuse(P::not_a_number, why);

  // The significant digits: whole and fraction without leading and trailing zeros.
  std::size_t first = whole.find_first_not_of('0');
  std::string_view lead = first == std::string_view::npos ? std::string_view() : whole.substr(first);
  std::string_view tail = fraction.substr(0, fraction.find_last_not_of('0') + 1);  // npos + 1 is 0
  // value = significant × 10^scale, where significant = lead + tail (with zeros kept
  // between them) and scale counts in units of one millionth of a 万元.
  long long scale = exponent + Money::kScaleDigits - static_cast<long long>(tail.size());
  std::string significant;
  if (!tail.empty()) {
    significant.reserve(lead.size() + tail.size());
    significant.append(lead).append(tail);
    if (lead.empty()) significant.erase(0, significant.find_first_not_of('0'));
  } else {
    std::size_t zeros = 0;  // 1200 is 12 × 10^2
    while (zeros < lead.size() && lead[lead.size() - 1 - zeros] == '0') ++zeros;
    significant.assign(lead.substr(0, lead.size() - zeros));
    scale += static_cast<long long>(zeros);
  }
  if (significant.empty()) return Money::from_units(0);
  if (scale < 0) return refuse(P::too_fine, why);  // the last significant digit is below a fen
  if (static_cast<long long>(significant.size()) + scale > 19) return refuse(P::too_large, why);
  std::uint64_t units = 0;
  for (char c : significant) units = units * 10 + static_cast<std::uint64_t>(c - '0');
  for (long long i = 0; i < scale; ++i) units *= 10;
  if (units > static_cast<std::uint64_t>(Money::kMaxUnits)) return refuse(P::too_large, why);
  const auto held = static_cast<std::int64_t>(units);
  return Money::from_units(negative ? -held : held);
}

}  // namespace

std::optional<Money> Money::parse(std::string_view literal, Problem* why) { return read(literal, true, why); }

std::optional<Money> Money::parse_text(std::string_view text, Problem* why) { return read(text, false, why); }

int Money::decimals() const {
  std::int64_t u = units_ < 0 ? -units_ : units_;
  int places = kScaleDigits;
  while (places > 0 && u % 10 == 0) {
    u /= 10;
    --places;
  }
  return places;
}

std::string Money::to_string() const {
  std::int64_t u = units_ < 0 ? -units_ : units_;
  std::string out = std::to_string(u / kScale);
  int places = decimals();
  if (places > 0) {
    std::string fraction = std::to_string(u % kScale);
    fraction.insert(0, static_cast<std::size_t>(kScaleDigits) - fraction.size(), '0');
    out += '.';
    out += fraction.substr(0, static_cast<std::size_t>(places));
  }
  if (units_ < 0) out.insert(out.begin(), '-');
  return out;
}

}  // namespace zhinan

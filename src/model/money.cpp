#include "zhinan/money.hpp"

#include <cstdlib>

namespace zhinan {
namespace {

constexpr std::int64_t kMaxUnits = 1'000'000'000'000'000'000;  // 10^12 万元

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Money> Money::parse(std::string_view literal) {
  std::string_view s = trim(literal);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::string digits;  // integer and fraction digits, without leading zeros
  int fraction_digits = 0;
  bool seen_digit = false, in_fraction = false;
  while (!s.empty() && (is_digit(s.front()) || (s.front() == '.' && !in_fraction))) {
    char c = s.front();
    s.remove_prefix(1);
    if (c == '.') {
      if (!seen_digit) return std::nullopt;
      in_fraction = true;
      continue;
    }
    seen_digit = true;
    if (in_fraction) ++fraction_digits;
    if (!(digits.empty() && c == '0')) digits += c;
    if (digits.size() > 40) return std::nullopt;
  }
  if (!seen_digit || (in_fraction && fraction_digits == 0)) return std::nullopt;
  int exponent = 0;
  if (!s.empty() && (s.front() == 'e' || s.front() == 'E')) {
    s.remove_prefix(1);
    bool exp_negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
      exp_negative = s.front() == '-';
      s.remove_prefix(1);
    }
    if (s.empty() || !is_digit(s.front())) return std::nullopt;
    while (!s.empty() && is_digit(s.front())) {
      if (exponent < 1000) exponent = exponent * 10 + (s.front() - '0');
      s.remove_prefix(1);
    }
    if (exp_negative) exponent = -exponent;
  }
  if (!s.empty()) return std::nullopt;

  // value = digits × 10^(exponent − fraction_digits); units = value × 10^6.
  int shift = exponent - fraction_digits + kScaleDigits;
  if (digits.empty()) return Money(0);
  std::string_view significant = digits;
  if (shift < 0) {
    // Digits below a fen must all be zero.
    if (static_cast<std::size_t>(-shift) > significant.size()) return std::nullopt;
    std::size_t keep = significant.size() - static_cast<std::size_t>(-shift);
    if (significant.find_first_not_of('0', keep) != std::string_view::npos) return std::nullopt;
    significant = significant.substr(0, keep);
    shift = 0;
  }
  if (significant.size() + static_cast<std::size_t>(shift) > 19) return std::nullopt;
  std::int64_t units = 0;
  for (char c : significant) units = units * 10 + (c - '0');
  for (int i = 0; i < shift; ++i) units *= 10;
  if (units > kMaxUnits) return std::nullopt;
  return Money(negative ? -units : units);
}

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

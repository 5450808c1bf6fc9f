// Money: amounts in 万元 (ten thousand yuan), held exactly as fixed-point, never as double.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhinan {

// 金额（万元）. One unit is 0.000001 万元, i.e. one fen, so every amount a budget can
// hold is exact; sums cannot drift the way binary floating point does.
class Money {
 public:
  static constexpr int kScaleDigits = 6;
  static constexpr std::int64_t kScale = 1'000'000;

  // The largest amount held: 10^12 万元, far beyond any budget, within 64 bits.
  static constexpr std::int64_t kMaxUnits = 1'000'000'000'000'000'000;

  // Why a literal is no amount.
  enum class Problem {
    not_a_number,  // not a decimal literal at all ("三百", "1,200", "1e3" as text)
    too_large,     // beyond 10^12 万元 (1e400, a 26-digit total)
    too_fine,      // digits below a fen (0.000001 万元) that are not zero (1e-400)
  };

  constexpr Money() = default;
  static constexpr Money from_units(std::int64_t units) { return Money(units); }

  // Parses a decimal literal exactly, digit by digit: optional sign, digits, optional
  // fraction, optional exponent (JSON's number grammar), blanks around it ignored. Returns
  // nothing for anything else, for amounts finer than a fen, and for amounts beyond
  // kMaxUnits; `why`, when given, then says which.
  static std::optional<Money> parse(std::string_view literal, Problem* why = nullptr);
  // The same for an amount written as text (a JSON string, a C API field): a plain decimal,
  // no exponent — "1e3" is how a program writes a number, not how a clerk writes an amount.
  static std::optional<Money> parse_text(std::string_view text, Problem* why = nullptr);

  constexpr std::int64_t units() const { return units_; }
  constexpr bool is_positive() const { return units_ > 0; }
  constexpr bool is_negative() const { return units_ < 0; }
  // Decimal places needed to write the amount exactly (0..6): 300.5 has 1.
  int decimals() const;
  // Shortest exact decimal: "1200", "300.5", "-0.01".
  std::string to_string() const;

  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr Money operator+(Money a, Money b) { return Money(a.units_ + b.units_); }

 private:
  constexpr explicit Money(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace zhinan

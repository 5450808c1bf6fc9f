// What an option's value must be: not blank, a date, a time, a .zip, a number, a phone.
#include <cstdint>

#include "options.hpp"
#include "zhinan/phone.hpp"

namespace zhinan::cli {
namespace {

std::string example_of(const OptionSpec& o) {
  return std::string(o.alias.empty() ? o.name : o.alias) + " " + std::string(o.example);
}

Problem with_example(const OptionSpec& o, std::string zh, std::string en) {
  return {zh + "，例如 " + example_of(o), en + ", e.g. " + example_of(o)};
}

// Full-width digits and the separators a Chinese input method types, as ASCII.
std::string ascii_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.size() >= 3 && rest.starts_with("\xEF\xBC") && static_cast<unsigned char>(rest[2]) >= 0x90 &&
        static_cast<unsigned char>(rest[2]) <= 0x99) {  // ０–９ U+FF10–FF19
      out += static_cast<char>('0' + (static_cast<unsigned char>(rest[2]) - 0x90));
      i += 2;
    } else if (rest.starts_with("－") || rest.starts_with("／") || rest.starts_with("．")) {
      out += rest.starts_with("－") ? '-' : rest.starts_with("／") ? '/' : '.';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Reads digits at `pos` (at most `most`); nothing when there are none.
std::optional<int> number_at(std::string_view text, std::size_t& pos, std::size_t most) {
  int n = 0;
  std::size_t digits = 0;
  while (pos < text.size() && digits < most && text[pos] >= '0' && text[pos] <= '9') {
    n = n * 10 + (text[pos++] - '0');
    ++digits;
  }
  return digits ? std::optional<int>(n) : std::nullopt;
}

bool skip(std::string_view text, std::size_t& pos, std::string_view what) {
  if (text.substr(pos).starts_with(what)) return pos += what.size(), true;
  return false;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool real_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

}  // namespace

bool is_blank_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') continue;
    if (text.substr(i).starts_with("\u3000")) {  // ideographic space
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

std::optional<Problem> check_not_blank(std::string& value, const OptionSpec& o) {
  if (!is_blank_text(value)) return std::nullopt;
  return with_example(o, "不能是空白", "it must not be blank");
}

// 填报日期 as clerks write it: 2025年3月10日, 2025-03-10, 2025/3/10 or 2025.3.10 (full-width
// digits too), written into the 汇总表 as 2025年3月10日.
std::optional<Problem> check_date(std::string& value, const OptionSpec& o) {
  const std::string text = ascii_digits(value);
  std::size_t pos = 0;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::size_t start = pos;
  const auto year = number_at(text, pos, 4);
  std::optional<int> month, day;
  bool ok = year && pos - start == 4;
  if (ok) {
    if (skip(text, pos, "年")) {
      month = number_at(text, pos, 2);
      ok = month && skip(text, pos, "月") && (day = number_at(text, pos, 2));
      skip(text, pos, "日");
    } else if (pos < text.size() && (text[pos] == '-' || text[pos] == '/' || text[pos] == '.')) {
      const char separator = text[pos++];
      month = number_at(text, pos, 2);
      ok = month && pos < text.size() && text[pos++] == separator && (day = number_at(text, pos, 2));
    } else {
      ok = false;
    }
  }
  while (ok && pos < text.size() && text[pos] == ' ') ++pos;
  if (!ok || pos != text.size())
    return with_example(o, "不是日期，请写成 2025年3月10日、2025-03-10、2025/3/10 或 2025.3.10",
                        "it is not a date; write it as 2025年3月10日, 2025-03-10, 2025/3/10 or 2025.3.10");
  if (*year < 2000 || *year > 2099 || !real_date(*year, *month, *day))
    return with_example(o, "日历上没有这一天（年份应在2000至2099之间）",
                        "there is no such day (years run from 2000 to 2099)");
  value = std::to_string(*year) + "年" + std::to_string(*month) + "月" + std::to_string(*day) + "日";
  return std::nullopt;
}

std::optional<std::array<int, 6>> parse_time_fields(std::string_view text) {
  std::array<int, 6> f{};
  std::size_t pos = 0;
  static constexpr std::string_view kAfter[] = {"-", "-", "T", ":", ":", ""};
  static constexpr std::size_t kDigits[] = {4, 2, 2, 2, 2, 2};
  for (std::size_t k = 0; k < f.size(); ++k) {
    const std::size_t start = pos;
    const auto n = number_at(text, pos, kDigits[k]);
    if (!n || pos - start != kDigits[k] || (!kAfter[k].empty() && !skip(text, pos, kAfter[k]))) return std::nullopt;
    f[k] = *n;
  }
  if (pos != text.size() || f[0] < 1980 || f[0] > 2107 || !real_date(f[0], f[1], f[2]) || f[3] > 23 || f[4] > 59 ||
      f[5] > 59)
    return std::nullopt;
  return f;
}

std::optional<Problem> check_time(std::string& value, const OptionSpec& o) {
  if (parse_time_fields(value)) return std::nullopt;
  return with_example(o, "应是1980至2107年间的真实时间，写成 年-月-日T时:分:秒（两位数字）",
                      "it must be a real time from 1980 to 2107, written YYYY-MM-DDThh:mm:ss");
}

std::optional<Problem> check_zip_path(std::string& value, const OptionSpec& o) {
  if (is_blank_text(value)) return with_example(o, "不能是空白", "it must not be blank");
  std::string tail = value.size() >= 4 ? value.substr(value.size() - 4) : value;
  for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const bool named = value.size() > 4 && value[value.size() - 5] != '/' && value[value.size() - 5] != '\\';
  if (tail == ".zip" && named) return std::nullopt;
  return with_example(o, "压缩包的文件名应以 .zip 结尾", "the package's file name must end in .zip");
}

std::optional<Problem> check_non_negative(std::string& value, const OptionSpec& o) {
  std::size_t pos = 0;
  std::int64_t n = 0;
  while (pos < value.size() && value[pos] >= '0' && value[pos] <= '9' && n <= 1'000'000)
    n = n * 10 + (value[pos++] - '0');
  if (pos > 0 && pos == value.size() && n <= 1'000'000) return std::nullopt;
  return with_example(o, "应是0或正整数", "it must be 0 or a positive whole number");
}

std::optional<Problem> check_phone(const std::string& value, const PhonePlan& plan) {
  if (parse_phone(value, plan)) return std::nullopt;
  return Problem{"不是有效的手机号码或固定电话（手机为11位；固定电话要带区号），例如 --phone 0531-86123456 或 "
                 "--phone 13912345678",
                 "it is not a valid Chinese mobile or landline number (11 digits for a mobile; a landline needs its "
                 "area code), e.g. --phone 0531-86123456 or --phone 13912345678"};
}

}  // namespace zhinan::cli

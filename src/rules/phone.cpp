#include "zhinan/phone.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zhinan {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Maps full-width digits and the separators clerks type to ASCII; everything else that
// is not ASCII becomes '?', which no number contains.
std::string to_ascii(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = detail::decode_utf8(text, pos);
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp >= 0xFF10 && cp <= 0xFF19) out += static_cast<char>('0' + (cp - 0xFF10));  // ０–９
    else if (cp == 0xFF08) out += '(';
    else if (cp == 0xFF09) out += ')';
    else if (cp == 0xFF0B) out += '+';
    else if (cp == 0xFF03) out += '#';
    else if (cp == 0xFF0D || cp == 0x2010 || cp == 0x2013 || cp == 0x2014 || cp == 0x2212) out += '-';
    else if (cp == 0x3000 || cp == 0x00A0) out += ' ';
    else if (cp == 0x8F6C || cp == 0x5206) out += '#';  // 转, 分(机): an extension follows
    else if (cp == 0x673A) continue;                      // 机 of 分机
    else out += '?';
  }
  return out;
}

// Splits "main#ext" at the first extension marker: #, 转, ext, x, 分机. The extension is
// absent without a marker, and empty when nothing follows the marker.
std::pair<std::string, std::optional<std::string>> split_extension(std::string s) {
  for (std::string_view marker : {"#", "ext.", "ext", "EXT", "Ext", "x", "X"}) {
    if (auto at = s.find(marker); at != std::string::npos)
      return {s.substr(0, at), s.substr(at + marker.size())};
  }
  return {s, std::nullopt};
}

std::optional<std::string> digits_only(std::string_view s, bool allow_plus) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') out += c;
    else if (c == '+' && allow_plus && out.empty()) out += '+';
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/' && c != '\t') return std::nullopt;
  }
  return out;
}

bool valid_landline(std::string_view d, const PhonePlan& plan) {
  if (d.size() < 3 || d[0] != '0') return false;
  std::size_t area = 0;
  if (contains(plan.two_digit_area_codes, d.substr(1, 2))) area = 3;
  else if (plan.three_digit_area_code_leads.find(d[1]) != std::string::npos) area = 4;
  else return false;
  if (d.size() <= area) return false;
  const std::string_view local = d.substr(area);
  const int length = static_cast<int>(local.size());
  return std::find(plan.local_number_lengths.begin(), plan.local_number_lengths.end(), length) !=
             plan.local_number_lengths.end() &&
         plan.local_number_leads.find(local[0]) != std::string::npos;
}

}  // namespace

namespace {

std::optional<PhoneNumber> parse_exact(std::string_view text, const PhonePlan& plan) {
  auto [main_part, extension_part] = split_extension(to_ascii(text));
  std::optional<std::string> d = digits_only(main_part, true);
  std::optional<std::string> ext = digits_only(extension_part.value_or(""), false);
  if (!d || !ext || ext->size() > 6 || (extension_part && ext->empty())) return std::nullopt;
  bool international = false;
  if (d->starts_with("+86")) d->erase(0, 3), international = true;
  else if (d->starts_with("0086")) d->erase(0, 4), international = true;
  else if (d->starts_with("+")) return std::nullopt;  // a foreign number

  PhoneNumber n;
  n.extension = *ext;
  if (d->size() == 11 && (*d)[0] == '1') {
    if (!contains(plan.mobile_prefixes, d->substr(0, 3)) || !n.extension.empty()) return std::nullopt;
    n.kind = PhoneKind::mobile;
    n.digits = *d;
    return n;
  }
  if (static_cast<int>(d->size()) == plan.service_number_length && contains(plan.service_prefixes, d->substr(0, 3))) {
    n.kind = PhoneKind::service;
    n.digits = *d;
    return n;
  }
  // From abroad the trunk 0 is left out: +86 535 6913071.
  if (international && !d->starts_with("0")) d->insert(d->begin(), '0');
  if (!valid_landline(*d, plan)) return std::nullopt;
  n.kind = PhoneKind::landline;
  n.digits = *d;
  return n;
}

}  // namespace

std::optional<PhoneNumber> parse_phone(std::string_view text, const PhonePlan& plan) {
  if (auto n = parse_exact(text, plan)) return n;
  // Office numbers often end with a dash and the extension: 0535-6913071-8001.
  const std::string ascii = to_ascii(text);
  const std::size_t last = ascii.rfind('-');
  if (last == std::string::npos || ascii.find('-') == last || ascii.find('#') != std::string::npos) return std::nullopt;
  return parse_exact(ascii.substr(0, last) + "#" + ascii.substr(last + 1), plan);
}

}  // namespace zhinan

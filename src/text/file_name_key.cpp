// When two names are the same file: the comparison a case-insensitive,
// normalization-insensitive file system makes (see name_compare_key in file_name.hpp).
#include <cstdint>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "zhinan/file_name.hpp"

namespace zhinan {

std::string name_compare_key(std::string_view name) {
  if (name.size() > static_cast<std::size_t>(INT32_MAX))
    throw std::length_error("name_compare_key: name over 2 GiB");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  // Bytes that are not UTF-8 become U+FFFD here; sanitized names have none.
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString folded = nfkc_cf->normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  // Full case folding leaves the Turkish dotless ı alone; NTFS upper-cases it to I.
  folded.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0131)), icu::UnicodeString(u'i'));
  std::string key;
  folded.toUTF8String(key);
  return key;
}

bool same_name_on_disk(std::string_view a, std::string_view b) {
  return name_compare_key(a) == name_compare_key(b);
}

}  // namespace zhinan

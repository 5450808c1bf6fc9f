// The reference fold through ICU's transliterator (fold_icu.hpp; fold.hpp has the steps).
#include "text/fold_icu.hpp"

#include <cstdint>
#include <memory>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "text/fold_table.hpp"

namespace zhinan::detail {
namespace {

// Creating the transliterator parses its rules (tens of milliseconds), and one instance
// must not be used by two threads at once: so one per thread, made on first use. Null
// when ICU's data lacks it.
icu::Transliterator* traditional_to_simplified() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString(u"Traditional-Simplified"), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return instance.get();
}

// ICU 72's Traditional-Simplified maps 苧 U+82E7 to 苎 U+82CE and 苎 back to 苧 (and 薴
// to 苧), so 苧麻 and 苎麻 would fold apart. Its output is mended to the Simplified 苎.
// (Every code point up to U+2FFFF was checked: this is the only such pair.)
void mend_traditional_simplified(icu::UnicodeString& text) {
  text.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x82E7)),
                      icu::UnicodeString(static_cast<UChar>(0x82CE)));
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || n == nullptr)
    throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  return *n;
}

}  // namespace

bool icu_traditional_to_simplified_available() { return traditional_to_simplified() != nullptr; }

std::string fold_for_comparison_icu(std::string_view utf8) {
  if (utf8.empty()) return {};
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX))
    throw std::length_error("fold_for_comparison_icu: text over 2 GiB");
  // fromUTF8 turns every ill-formed sequence into U+FFFD.
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_casefold().normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  if (icu::Transliterator* t = traditional_to_simplified()) {
    t->transliterate(folded);
    mend_traditional_simplified(folded);
  }
  icu::UnicodeString kept_text;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    if (fold_kept_by_icu(c)) kept_text.append(c);
    i += U16_LENGTH(c);
  }
  // Dropping a symbol can bring a combining mark next to a letter ("l★\u0301"): normalize
  // once more, so that folding folded text changes nothing.
  if (kept_text.length() != folded.length() && !nfkc_casefold().isNormalized(kept_text, status))
    kept_text = nfkc_casefold().normalize(kept_text, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  std::string out;
  kept_text.toUTF8String(out);
  return out;
}

}  // namespace zhinan::detail

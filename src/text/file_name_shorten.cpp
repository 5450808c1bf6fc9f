// Lengths as file systems count them, and cuts at grapheme cluster boundaries, so that a
// shortened name never ends in half a character (an accent without its letter, half an
// emoji sequence).
#include <memory>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "text/file_name_detail.hpp"
#include "zhinan/file_name.hpp"

namespace zhinan {

std::size_t utf16_length(std::string_view utf8) {
  std::size_t units = 0;
  for (char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) ++units;  // a lead byte starts a code point
    if (byte >= 0xF0) ++units;           // four bytes: outside the BMP, a surrogate pair
  }
  return units;
}

}  // namespace zhinan

namespace zhinan::detail {
namespace {

// A character (grapheme cluster) break iterator per thread: creating one loads the rules,
// and an iterator must not be shared between threads.
icu::BreakIterator& grapheme_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it)
      throw std::runtime_error(std::string("ICU grapheme break iterator: ") + u_errorName(status));
    return it;
  }();
  return *iterator;
}

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};

}  // namespace

std::vector<std::size_t> grapheme_ends(std::string_view text) {
  std::vector<std::size_t> ends;
  if (text.empty()) return ends;
  UErrorCode status = U_ZERO_ERROR;
  // Over UTF-8 directly, so the boundaries come back as byte offsets.
  std::unique_ptr<UText, UTextCloser> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU UText: ") + u_errorName(status));
  icu::BreakIterator& it = grapheme_iterator();
  it.setText(utext.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next())
    ends.push_back(static_cast<std::size_t>(end));
  // Let go of the text before the UText is closed.
  it.setText(icu::UnicodeString());
  if (ends.empty() || ends.back() != text.size()) ends.push_back(text.size());
  return ends;
}

std::string cut_with_ellipsis(std::string_view text, const std::vector<std::size_t>& ends,
                              std::size_t keep) {
  std::string out(text.substr(0, keep == 0 ? 0 : ends[keep - 1]));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "…";
  return out;
}

std::optional<std::size_t> largest_fitting(std::size_t low, std::size_t high,
                                           const std::function<bool(std::size_t)>& fits) {
  if (low > high || !fits(low)) return std::nullopt;
  // Invariant: fits(low) holds; the answer is in [low, high].
  while (low < high) {
    const std::size_t mid = low + (high - low + 1) / 2;
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

}  // namespace zhinan::detail

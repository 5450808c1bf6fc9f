// Folding text for comparison (see fold.hpp for the steps and why). Step 3 and step 4 are
// one pass over UTF-8 through the table generated from ICU's transliterator at build time
// (text/fold_table.hpp); steps 2 and 5 are ICU's Normalizer2, skipped where its check says
// the text is already normalized. tests/text/test_fold_icu.cpp holds this to the
// transliterator (text/fold_icu.hpp), byte for byte.
#include "zhinan/fold.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/utf8.hpp"
#include "text/fold_table.hpp"

namespace zhinan {
namespace {

using detail::FoldPhrase;
using detail::FoldPhraseStart;
using detail::kFoldTable;

const icu::Normalizer2& nfkc_casefold() {
  // A process-wide ICU singleton: made once, shared by every thread.
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr)
      throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

icu::StringPiece piece(std::string_view s) { return icu::StringPiece(s.data(), static_cast<int32_t>(s.size())); }

void throw_if_failed(UErrorCode status) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
}

// NFKC_Casefold of well-formed UTF-8; false (and `out` untouched) when it is already so.
bool normalize(std::string_view text, std::string& out) {
  const icu::Normalizer2& n = nfkc_casefold();
  UErrorCode status = U_ZERO_ERROR;
  if (n.isNormalizedUTF8(piece(text), status)) return false;
  throw_if_failed(status);
  std::string normalized;
  normalized.reserve(text.size());
  icu::StringByteSink<std::string> sink(&normalized);
  n.normalizeUTF8(0, piece(text), sink, nullptr, status);
  throw_if_failed(status);
  out.swap(normalized);
  return true;
}

bool kept(char32_t c) {
  if (c < 0x10000) return (kFoldTable.bmp[c >> 6].kept >> (c & 63)) & 1;
  return detail::fold_kept_by_icu(static_cast<UChar32>(c));
}

// The output grows by at most 255 bytes a step (a phrase's output); room is made before.
class Writer {
 public:
  explicit Writer(std::size_t expected) { out_.resize(expected + kStep); }
  char* room() {
    if (out_.size() - used_ < kStep) out_.resize(out_.size() * 2);
    return out_.data() + used_;
  }
  void advance(std::size_t n) { used_ += n; }
  std::string take() && {
    out_.resize(used_);
    return std::move(out_);
  }

 private:
  static constexpr std::size_t kStep = 256;
  std::string out_;
  std::size_t used_ = 0;
};

std::size_t encode(char32_t c, char* p) {
  if (c < 0x80) {
    p[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    p[0] = static_cast<char>(0xC0 | (c >> 6));
    p[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    p[0] = static_cast<char>(0xE0 | (c >> 12));
    p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    p[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  p[0] = static_cast<char>(0xF0 | (c >> 18));
  p[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  p[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  p[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// Decodes well-formed UTF-8 (the normalizer's output, or checked input) at a lead byte.
char32_t decode(const unsigned char* s, std::size_t& length) {
  const unsigned char b = s[0];
  if (b < 0xE0) {
    length = 2;
    return (char32_t{b & 0x1Fu} << 6) | (s[1] & 0x3Fu);
  }
  if (b < 0xF0) {
    length = 3;
    return (char32_t{b & 0x0Fu} << 12) | (char32_t{s[1] & 0x3Fu} << 6) | (s[2] & 0x3Fu);
  }
  length = 4;
  return (char32_t{b & 0x07u} << 18) | (char32_t{s[1] & 0x3Fu} << 12) | (char32_t{s[2] & 0x3Fu} << 6) |
         (s[3] & 0x3Fu);
}

// The first of the character's phrase rules whose key the text starts with: ICU's order.
const FoldPhrase* match_phrase(const FoldPhraseStart& start, const unsigned char* s, std::size_t left) {
  for (std::uint16_t i = start.begin; i < start.end; ++i) {
    const FoldPhrase& p = kFoldTable.phrases[i];
    if (p.key_length <= left && std::memcmp(s, kFoldTable.phrase_bytes.data() + p.key_offset, p.key_length) == 0)
      return &p;
  }
  return nullptr;
}

const FoldPhraseStart* supplementary_phrase_start(char32_t c) {
  const auto starts = kFoldTable.phrase_starts.subspan(kFoldTable.bmp_phrase_starts);
  const auto it = std::lower_bound(starts.begin(), starts.end(), c,
                                   [](const FoldPhraseStart& p, char32_t v) { return p.first < v; });
  return it != starts.end() && it->first == c ? &*it : nullptr;
}

char32_t supplementary_mapping(char32_t c) {
  const auto& map = kFoldTable.supplementary_mappings;
  const auto it = std::lower_bound(map.begin(), map.end(), c,
                                   [](const detail::FoldMapping& m, char32_t v) { return m.from < v; });
  return it != map.end() && it->from == c ? it->to : c;
}

// Writes a phrase's output, kept characters only; true when one was dropped.
bool write_phrase_output(const FoldPhrase& p, Writer& w) {
  const unsigned char* s = kFoldTable.phrase_bytes.data() + p.output_offset;
  char* out = w.room();
  std::size_t written = 0;
  bool dropped = false;
  for (std::size_t i = 0; i < p.output_length;) {
    std::size_t length = 1;
    const char32_t c = s[i] < 0x80 ? s[i] : decode(s + i, length);
    if (kept(c)) {
      std::memcpy(out + written, s + i, length);
      written += length;
    } else {
      dropped = true;
    }
    i += length;
  }
  w.advance(written);
  return dropped;
}

// Steps 3 and 4 over NFKC_Casefold-normalized, well-formed UTF-8. Returns whether step 4
// dropped anything (step 5 then normalizes once more).
bool simplify_and_keep(std::string_view text, Writer& w) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  bool dropped = false;
  for (std::size_t i = 0; i < n;) {
    char* out = w.room();
    const unsigned char b = s[i];
    if (b < 0x80) {  // no rule reads or writes ASCII (the generator refuses them)
      if (kept(b)) {
        *out = static_cast<char>(b);
        w.advance(1);
      } else {
        dropped = true;
      }
      ++i;
      continue;
    }
    std::size_t length = 0;
    const char32_t c = decode(s + i, length);
    char32_t to = c;
    if (c < 0x10000) {
      const detail::FoldBmpBlock& block = kFoldTable.bmp[c >> 6];
      const std::uint64_t bit = std::uint64_t{1} << (c & 63);
      if (block.phrase_start & bit) {
        const auto rank = block.phrase_start_before + std::popcount(block.phrase_start & (bit - 1));
        if (const FoldPhrase* p = match_phrase(kFoldTable.phrase_starts[static_cast<std::size_t>(rank)], s + i, n - i)) {
          dropped |= write_phrase_output(*p, w);
          i += p->key_length;
          continue;
        }
      }
      if (block.mapped & bit) {
        const auto rank = block.mapped_before + std::popcount(block.mapped & (bit - 1));
        to = kFoldTable.bmp_targets[static_cast<std::size_t>(rank)];
      } else if (!(block.kept & bit)) {
        dropped = true;
        i += length;
        continue;
      }
    } else {
      if (const FoldPhraseStart* start = supplementary_phrase_start(c))
        if (const FoldPhrase* p = match_phrase(*start, s + i, n - i)) {
          dropped |= write_phrase_output(*p, w);
          i += p->key_length;
          continue;
        }
      to = supplementary_mapping(c);
    }
    if (to == c) {
      if (kept(c)) {
        std::memcpy(out, s + i, length);
        w.advance(length);
      } else {
        dropped = true;
      }
    } else if (kept(to)) {
      w.advance(encode(to, out));
    } else {
      dropped = true;
    }
    i += length;
  }
  return dropped;
}

// Text of ASCII only: NFKC_Casefold lowers A–Z and changes nothing else, no rule touches
// ASCII, and step 4 keeps what the table keeps — letters and digits; nothing to compose.
std::string fold_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const char lower = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + ('a' - 'A')) : ch;
    if (kept(static_cast<unsigned char>(lower))) out += lower;
  }
  return out;
}

std::size_t first_non_ascii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080u) break;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return i;
  return text.size();
}

}  // namespace

// The table is compiled in, so Traditional → Simplified is always done; the name stays
// from the days when ICU's data might have lacked the transliterator.
bool traditional_to_simplified_available() { return !kFoldTable.phrases.empty() && !kFoldTable.bmp_targets.empty(); }

std::string fold_for_comparison(std::string_view utf8) {
  if (utf8.empty()) return {};
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX))
    throw std::length_error("fold_for_comparison: text over 2 GiB");
  const std::size_t ascii = first_non_ascii(utf8);
  if (ascii == utf8.size()) return fold_ascii(utf8);
  // Step 1: ill-formed bytes become U+FFFD, as ICU's fromUTF8 replaces them.
  std::string well_formed;
  std::string_view text = utf8;
  if (detail::find_invalid_utf8(utf8.substr(ascii)) != std::string_view::npos) {
    icu::UnicodeString::fromUTF8(piece(utf8)).toUTF8String(well_formed);
    text = well_formed;
  }
  // Step 2.
  std::string normalized;
  if (normalize(text, normalized)) text = normalized;
  // Steps 3 and 4.
  Writer w(text.size());
  const bool dropped = simplify_and_keep(text, w);
  std::string out = std::move(w).take();
  // Step 5: a mark that followed a dropped character may now compose with the one before.
  if (dropped) {
    std::string again;
    if (normalize(out, again)) out.swap(again);
  }
  return out;
}

}  // namespace zhinan

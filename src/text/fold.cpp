// Folding text for comparison (see fold.hpp for the steps and why). Everything is read
// from the table generated from ICU at build time (text/fold_table.hpp), in two passes
// over UTF-8: steps 1–2 (checked and normalized character by character where no character
// can join the one before it, else by ICU's Normalizer2), then steps 3–4 in one. Step 5
// calls ICU only when an output character is not one NFKC_Casefold leaves alone.
// tests/text/test_fold_icu.cpp holds this to ICU's transliterator (text/fold_icu.hpp),
// byte for byte.
#include "zhinan/fold.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/fold_table.hpp"

namespace zhinan {
namespace {

using detail::FoldBmpBlock;
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

// NFKC_Casefold of well-formed UTF-8 by ICU, into `out`.
void icu_normalize(std::string_view text, std::string& out) {
  std::string normalized;
  normalized.reserve(text.size());
  icu::StringByteSink<std::string> sink(&normalized);
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold().normalizeUTF8(0, piece(text), sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  out.swap(normalized);
}

// std::popcount is a library call without -mpopcnt; this is a dozen instructions.
unsigned popcount(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555u);
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return static_cast<unsigned>((x * 0x0101010101010101u) >> 56);
}

// The index of `c` (its bit in `bits`) among the set bits of the BMP: `before` counts the
// earlier blocks.
std::size_t rank(std::uint64_t bits, std::uint16_t before, char32_t c) {
  return before + popcount(bits & ((std::uint64_t{1} << (c & 63)) - 1));
}

bool bit(std::uint64_t bits, char32_t c) { return (bits >> (c & 63)) & 1; }

const FoldBmpBlock& block_of(char32_t c) { return kFoldTable.bmp[c >> 6]; }

bool kept(char32_t c) {
  if (c < 0x10000) return bit(block_of(c).kept, c);
  return detail::fold_kept_by_icu(static_cast<UChar32>(c));
}

// NFKC_Casefold leaves it as it is, whatever precedes it (only what follows may still
// join it, and that is checked on what follows).
bool inert(char32_t c) {
  if (c >= 0x10000) return false;
  const FoldBmpBlock& b = block_of(c);
  return bit(b.nfkc_boundary & ~b.nfkc_mapped, c);
}

// Decodes well-formed UTF-8 (the normalizer's output, or checked input) at a lead byte.
char32_t decode(const unsigned char* s, std::size_t& length) {
  const unsigned char b = s[0];
  if (b < 0x80) {
    length = 1;
    return b;
  }
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

// Decodes and checks a non-ASCII sequence of `left` bytes; 0 for an ill-formed one (an
// overlong form, a surrogate, past U+10FFFF, cut short), as ICU's fromUTF8 sees them.
char32_t decode_checked(const unsigned char* s, std::size_t left, std::size_t& length) {
  const unsigned char b = s[0];
  char32_t min = 0;
  if (b >= 0xC2 && b <= 0xDF) length = 2, min = 0x80;
  else if (b >= 0xE0 && b <= 0xEF) length = 3, min = 0x800;
  else if (b >= 0xF0 && b <= 0xF4) length = 4, min = 0x10000;
  else return 0;
  if (length > left) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((s[i] & 0xC0) != 0x80) return 0;
  std::size_t unused = 0;
  const char32_t c = decode(s, unused);
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return c;
}

// Steps 1 and 2: the text checked and NFKC_Casefold-normalized, either `utf8` itself or
// what `buffer` now holds. Where every character has a boundary before it (none joins
// the one before), each normalizes alone (the table); otherwise ICU normalizes the text.
std::string_view check_and_normalize(std::string_view utf8, std::string& buffer) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  bool copying = false;  // whether `buffer` holds [0, done) normalized
  bool by_icu = false;    // whether a character may join the one before (then only check)
  std::size_t done = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t length = 1;
    const char32_t c = s[i] < 0x80 ? s[i] : decode_checked(s + i, n - i, length);
    if (c == 0 && s[i] != 0) {
      // Step 1: ill-formed bytes become U+FFFD, as ICU's fromUTF8 replaces them.
      std::string well_formed;
      icu::UnicodeString::fromUTF8(piece(utf8)).toUTF8String(well_formed);
      icu_normalize(well_formed, buffer);
      return buffer;
    }
    if (by_icu || c >= 0x10000 || !bit(block_of(c).nfkc_boundary, c)) {
      by_icu = true;
      i += length;
      continue;
    }
    const FoldBmpBlock& b = block_of(c);
    if (bit(b.nfkc_mapped, c)) {
      if (!copying) {
        buffer.clear();
        buffer.reserve(n + 16);
        copying = true;
      }
      buffer.append(utf8.data() + done, i - done);
      const std::uint32_t output = kFoldTable.nfkc_outputs[rank(b.nfkc_mapped, b.nfkc_mapped_before, c)];
      buffer.append(reinterpret_cast<const char*>(kFoldTable.nfkc_bytes.data()) + (output >> 8), output & 0xFF);
      done = i + length;
    }
    i += length;
  }
  if (by_icu) {
    icu_normalize(utf8, buffer);
    return buffer;
  }
  if (!copying) return utf8;
  buffer.append(utf8.data() + done, n - done);
  return buffer;
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

// The first of the character's phrase rules whose key the text starts with: ICU's order.
// The key's first character (`first` bytes) is the one at `s` already.
const FoldPhrase* match_phrase(const FoldPhraseStart& start, const unsigned char* s, std::size_t left,
                               std::size_t first) {
  for (std::uint16_t i = start.begin; i < start.end; ++i) {
    const FoldPhrase& p = kFoldTable.phrases[i];
    if (p.key_length > left) continue;
    const unsigned char* key = kFoldTable.phrase_bytes.data() + p.key_offset;
    std::size_t j = first;
    while (j < p.key_length && key[j] == s[j]) ++j;
    if (j == p.key_length) return &p;
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

// Steps 3 and 4 over well-formed, NFKC_Casefold-normalized UTF-8.
class SimplifyAndKeep {
 public:
  explicit SimplifyAndKeep(std::size_t expected) : out_(expected) {}

  void run(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
      std::size_t length = 1;
      const char32_t c = decode(s + i, length);
      char32_t to = c;
      if (c < 0x10000) {
        const FoldBmpBlock& b = block_of(c);
        if (bit(b.phrase_start, c)) {
          const FoldPhraseStart& start = kFoldTable.phrase_starts[rank(b.phrase_start, b.phrase_start_before, c)];
          if (const FoldPhrase* p = match_phrase(start, s + i, n - i, length)) {
            write_phrase_output(*p);
            i += p->key_length;
            continue;
          }
        }
        if (bit(b.mapped, c)) {
          to = kFoldTable.bmp_targets[rank(b.mapped, b.mapped_before, c)];
        } else if (bit(b.kept, c)) {  // the common case: kept as it is
          std::memcpy(out_.room(), s + i, length);
          out_.advance(length);
          normalized_ = normalized_ && bit(b.nfkc_boundary & ~b.nfkc_mapped, c);
          i += length;
          continue;
        } else {
          dropped_ = true;
          i += length;
          continue;
        }
      } else {
        if (const FoldPhraseStart* start = supplementary_phrase_start(c))
          if (const FoldPhrase* p = match_phrase(*start, s + i, n - i, length)) {
            write_phrase_output(*p);
            i += p->key_length;
            continue;
          }
        to = supplementary_mapping(c);
      }
      write(to);
      i += length;
    }
  }

  // Whether step 4 dropped a character (step 5 may then have something to do).
  bool dropped() const { return dropped_; }
  // Whether every character written is one NFKC_Casefold leaves alone: the text written
  // is then normalized, as ICU would find (each character has a boundary before it).
  bool normalized() const { return normalized_; }
  std::string take() && { return std::move(out_).take(); }

 private:
  void write(char32_t c) {
    if (!kept(c)) {
      dropped_ = true;
      return;
    }
    out_.advance(encode(c, out_.room()));
    normalized_ = normalized_ && inert(c);
  }

  void write_phrase_output(const FoldPhrase& p) {
    const unsigned char* s = kFoldTable.phrase_bytes.data() + p.output_offset;
    for (std::size_t i = 0; i < p.output_length;) {
      std::size_t length = 1;
      write(decode(s + i, length));
      i += length;
    }
  }

  Writer out_;
  bool dropped_ = false;
  bool normalized_ = true;
};

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

bool is_ascii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080u) return false;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  return true;
}

}  // namespace

// The table is compiled in, so Traditional → Simplified is always done; the name stays
// from the days when it came from ICU's data at run time, which might have lacked it.
bool traditional_to_simplified_available() { return !kFoldTable.phrases.empty() && !kFoldTable.bmp_targets.empty(); }

std::string fold_for_comparison(std::string_view utf8) {
  if (utf8.empty()) return {};
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX))
    throw std::length_error("fold_for_comparison: text over 2 GiB");
  if (is_ascii(utf8)) return fold_ascii(utf8);
  std::string buffer;
  const std::string_view text = check_and_normalize(utf8, buffer);
  SimplifyAndKeep steps(text.size());
  steps.run(text);
  const bool maybe_unnormalized = steps.dropped() && !steps.normalized();
  std::string out = std::move(steps).take();
  // Step 5: a mark that followed a dropped character may now join the one before it.
  if (maybe_unnormalized) {
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized = nfkc_casefold().isNormalizedUTF8(piece(out), status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
    if (!normalized) icu_normalize(std::string(out), out);
  }
  return out;
}

}  // namespace zhinan

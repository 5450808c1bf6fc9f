// Counting 字: one pass of UTF-8 decoding, one table look-up and a three-state machine
// per code point (SPEC "Counting 字 like the reviewers do").
#include "zhinan/count.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include "text/count_table.hpp"

namespace zhinan {
namespace detail {
namespace {

// The word count's state: where the last counted character left us.
enum State : unsigned {
  kGap = 0,             // start of text, or after a space or break
  kRun = 1,             // inside a run of other non-space characters (one 字 so far)
  kAfterEastAsian = 2,  // right after an East Asian character; a mark here joins it
};

// kStep[class] holds, for each state s, one byte at bit 8·s: the next state times 8,
// plus 1 when a 字 begins here. With the state kept as its bit offset (0, 8, 16), a step
// is `(kStep[c] >> offset) & 0x18` for the next offset and `… & 1` for the count: the
// only dependency from one code point to the next is a shift and an and in registers
// (a table indexed by the state would put a memory load on that path instead).
constexpr std::array<std::uint32_t, 8> make_steps() {
  std::array<std::uint32_t, 8> steps{};
  for (unsigned c = 0; c < 8; ++c) {
    for (unsigned state = 0; state < 3; ++state) {
      unsigned next = state, begins = 0;
      switch (static_cast<CharClass>(c)) {
        case CharClass::other:  // `2024`, `AI`, `5G`, an emoji sequence: one run, one 字
          begins = state != kRun;
          next = kRun;
          break;
        case CharClass::east_asian:  // 中, か, 한, 。, Ａ: one each, and it ends any run
          begins = 1;
          next = kAfterEastAsian;
          break;
        case CharClass::space:
        case CharClass::separator:
          next = kGap;
          break;
        case CharClass::mark:  // belongs to the character before; alone, it is a run
          if (state == kGap) {
            begins = 1;
            next = kRun;
          }
          break;
        case CharClass::ignorable:
        case CharClass::format:
        default:
          break;
      }
      steps[c] |= (next * 8 | begins) << (state * 8);
    }
  }
  return steps;
}
constexpr auto kStep = make_steps();
constexpr unsigned kStateMask = 0x18;  // the next state's offset within a step byte

// Per class: 1 when chars / chars_with_spaces count it.
constexpr std::array<std::uint8_t, 8> kCharsWeight{1, 1, 0, 0, 0, 1, 1, 0};
constexpr std::array<std::uint8_t, 8> kWithSpacesWeight{1, 1, 1, 0, 0, 1, 1, 0};

constexpr int index(CharClass c) { return static_cast<int>(c); }
static_assert(index(CharClass::other) == 0 && index(CharClass::east_asian) == 1 &&
                  index(CharClass::space) == 2 && index(CharClass::separator) == 3 &&
                  index(CharClass::ignorable) == 4 && index(CharClass::mark) == 5 &&
                  index(CharClass::format) == 6 && kClassCount == 7,
              "the weight tables above follow CharClass");

constexpr bool is_trail(unsigned b) { return (b & 0xC0) == 0x80; }
// Valid first trail byte after a 3-byte lead: E0 needs A0–BF (no overlong forms), ED needs
// 80–9F (no surrogates); bit (t1 >> 5) of the lead's mask, as in ICU's U8_NEXT.
constexpr std::array<std::uint8_t, 16> kLead3T1Bits{
    0x20, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x10, 0x30, 0x30};
constexpr bool valid_lead3(unsigned lead, unsigned t1) {
  return (kLead3T1Bits[lead & 0x0F] >> (t1 >> 5)) & 1;
}
// Lead F0–F4 (checked by the caller): F0 needs 90–BF, F4 needs 80–8F (≤ U+10FFFF).
constexpr std::array<std::uint8_t, 16> kLead4T1Bits{
    0, 0, 0, 0, 0, 0, 0, 0, 0x1E, 0x0F, 0x0F, 0x0F, 0, 0, 0, 0};
constexpr bool valid_lead4(unsigned lead, unsigned t1) {
  return (kLead4T1Bits[t1 >> 4] >> (lead & 7)) & 1;
}

class Reader {
 public:
  explicit Reader(const CharTable& table)
      : block_of_(table.block_of.data()), blocks_(table.blocks.data()),
        plain_east_asian_3_(table.plain_east_asian_3.data()) {}

  // How many plain East Asian characters (CharTable::plain_east_asian_3) begin at p, each
  // a 3-byte sequence; p moves past them. Four bytes are read at a time, so it stops 3
  // bytes short of the end (the general path reads what is left). Every such sequence is
  // well-formed: a lead E0–EF, two trail bytes, and no overlong or surrogate (their
  // 64-code-point groups are not marked).
  [[gnu::always_inline]] std::size_t plain_east_asian_run(const unsigned char*& p,
                                                          const unsigned char* end) const {
    std::size_t n = 0;
    while (end - p >= 4) {
      std::uint32_t w;
      std::memcpy(&w, p, 4);
      w = little_endian(w);
      if ((w & 0xC0C0F0u) != 0x8080E0u) break;  // not 1110xxxx 10xxxxxx 10xxxxxx
      if (!plain_east_asian_3_[(w & 0x0Fu) << 6 | (w >> 8 & 0x3Fu)]) break;
      p += 3;
      ++n;
    }
    return n;
  }

  std::uint8_t ascii(unsigned b) const { return blocks_[b]; }  // block 0 is U+0000–00FF

  // Reads the code point at p (which is not ASCII, and p < end) and returns its table
  // entry; p moves past it. Accepts exactly what decode_utf8 accepts: an ill-formed
  // sequence moves one byte and reads as U+FFFD.
  [[gnu::always_inline]] std::uint8_t multi_byte(const unsigned char*& p,
                                                 const unsigned char* end) const {
    const unsigned b0 = p[0];
    const auto left = end - p;
    if (b0 - 0xE0u < 0x10u) {  // 3 bytes: U+0800–FFFF, where all of CJK's BMP part lives
      if (left >= 3 && valid_lead3(b0, p[1]) && is_trail(p[2])) {
        const char32_t cp = (b0 & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
        p += 3;
        return lookup(cp);
      }
    } else if (b0 - 0xC2u < 0x1Eu) {  // 2 bytes: U+0080–07FF
      if (left >= 2 && is_trail(p[1])) {
        const char32_t cp = (b0 & 0x1Fu) << 6 | (p[1] & 0x3Fu);
        p += 2;
        return lookup(cp);
      }
    } else if (b0 - 0xF0u < 5u) {  // 4 bytes: U+10000–10FFFF (Ext. B and beyond, emoji)
      if (left >= 4 && valid_lead4(b0, p[1]) && is_trail(p[2]) && is_trail(p[3])) {
        const char32_t cp =
            (b0 & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
        p += 4;
        return lookup(cp);
      }
    }
    ++p;
    return kIllFormed;
  }

 private:
  std::uint8_t lookup(char32_t cp) const {
    return blocks_[static_cast<std::size_t>(block_of_[cp >> 8]) << 8 | (cp & 0xFF)];
  }
  static std::uint32_t little_endian(std::uint32_t w) {
    if constexpr (std::endian::native == std::endian::big) return __builtin_bswap32(w);
    return w;
  }
  const std::uint16_t* block_of_;
  const std::uint8_t* blocks_;
  const std::uint8_t* plain_east_asian_3_;
};

enum Want : unsigned { kWord = 1, kChars = 2, kWithSpaces = 4, kCodePoints = 8, kAll = 15 };

struct Tally {
  std::size_t word = 0, chars = 0, with_spaces = 0, code_points = 0;
  std::size_t crlf = 0;   // CR LF pairs within one scanned range: one cluster of two code points
  std::uint8_t seen = 0;  // entries or-ed together: is kGraphemeJoins among them?
  unsigned offset = kGap * 8;  // the word count's state, as its bit offset in a step
};

// The one pass over [begin, end), going on from the state in `t`. Each count asked for
// costs one more add per code point; the others are compiled out.
template <unsigned W>
void scan(Tally& t, const unsigned char* begin, const unsigned char* const end) {
  const Reader reader(char_table());
  const auto* p = begin;
  // In locals, not through `t`: the loop's adds then stay in registers.
  std::size_t word = t.word, chars = t.chars, with_spaces = t.with_spaces;
  std::size_t code_points = t.code_points, crlf = t.crlf;
  unsigned offset = t.offset;
  std::uint8_t seen = t.seen;
  while (p < end) {
    std::uint8_t entry;
    if (*p < 0x80) {
      if constexpr ((W & kCodePoints) != 0) crlf += *p == '\n' && p != begin && p[-1] == '\r';
      entry = reader.ascii(*p++);
    } else if (const std::size_t n = reader.plain_east_asian_run(p, end); n > 0) {
      // Each one 字 and one character, whatever came before: the step of East Asian, n times.
      if constexpr ((W & kWord) != 0) {
        word += n;
        offset = kAfterEastAsian * 8;
      }
      if constexpr ((W & kChars) != 0) chars += n;
      if constexpr ((W & kWithSpaces) != 0) with_spaces += n;
      if constexpr ((W & kCodePoints) != 0) {
        code_points += n;
        seen |= static_cast<std::uint8_t>(CharClass::east_asian);
      }
      continue;
    } else {
      entry = reader.multi_byte(p, end);
    }
    const unsigned c = entry & kClassMask;
    if constexpr ((W & kWord) != 0) {
      const std::uint32_t step = kStep[c] >> offset;
      word += step & 1;
      offset = step & kStateMask;
    }
    if constexpr ((W & kChars) != 0) chars += kCharsWeight[c];
    if constexpr ((W & kWithSpaces) != 0) with_spaces += kWithSpacesWeight[c];
    if constexpr ((W & kCodePoints) != 0) {
      ++code_points;
      seen |= entry;
    }
  }
  t = {word, chars, with_spaces, code_points, crlf, seen, offset};
}

template <unsigned W>
Tally scan(std::string_view text) {
  Tally t;
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  scan<W>(t, begin, begin + text.size());
  return t;
}

// How many bytes at the end of [begin, end) are a UTF-8 sequence that is well-formed so
// far but unfinished: what the next piece decides (a truncated 中 is one code point when
// its last byte follows, two ill-formed ones when an ASCII byte does). Only the last
// non-trail byte can start one (an earlier lead would have it among its trail bytes).
std::size_t unfinished_tail(const unsigned char* begin, const unsigned char* end) {
  for (std::size_t back = 1; back <= 3 && back <= static_cast<std::size_t>(end - begin); ++back) {
    const unsigned char* lead = end - back;
    if (is_trail(*lead)) continue;
    const unsigned b0 = *lead;
    const std::size_t needs = b0 - 0xC2u < 0x1Eu ? 2 : b0 - 0xE0u < 0x10u ? 3 : b0 - 0xF0u < 5u ? 4 : 1;
    if (back >= needs) return 0;  // complete, or ASCII, or a byte no sequence starts with
    // The bytes after the lead are trail bytes (the loop passed them); the first must also
    // be in the lead's range.
    if (back >= 2 && !(needs == 3 ? valid_lead3(b0, lead[1]) : valid_lead4(b0, lead[1])))
      return 0;  // ill-formed already, whatever follows
    return back;
  }
  return 0;
}

// Where every code point is its own cluster but CR LF, the count needs no ICU.
std::size_t graphemes(const Tally& t, std::string_view text) {
  if ((t.seen & kGraphemeJoins) == 0) return t.code_points - t.crlf;
  return count_graphemes_icu(text);
}

std::size_t icu_graphemes_of_piece(std::string_view piece) {
  if (piece.empty()) return 0;
  UErrorCode status = U_ZERO_ERROR;
  // One iterator per thread: creating one costs far more than most texts take to count.
  thread_local std::unique_ptr<icu::BreakIterator> iter(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !iter)
    throw std::runtime_error(std::string("ICU has no character break iterator: ") + u_errorName(status));
  icu::LocalUTextPointer text(
      utext_openUTF8(nullptr, piece.data(), static_cast<int64_t>(piece.size()), &status));
  iter->setText(text.getAlias(), status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU cannot read the text: ") + u_errorName(status));
  std::size_t clusters = 0;
  while (iter->next() != icu::BreakIterator::DONE) ++clusters;
  return clusters;
}

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// A place to cut a text longer than `chunk` bytes that is a cluster boundary: between two
// ASCII characters other than CR LF no rule of UAX #29 joins (every joining rule needs a
// non-ASCII code point on one side), and no UTF-8 sequence spans it. Without one in the
// chunk (a gigabyte without two ASCII characters in a row), cut before a lead byte.
std::size_t cluster_cut(std::string_view text, std::size_t chunk) {
  for (std::size_t i = chunk; i > 0; --i)
    if (is_ascii(text[i - 1]) && is_ascii(text[i]) && !(text[i - 1] == '\r' && text[i] == '\n'))
      return i;
  std::size_t i = chunk;
  while (i > 1 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

// The clusters of a text from its start to a cluster boundary: as count_text does it.
std::size_t graphemes_of(std::string_view text) { return graphemes(scan<kCodePoints>(text), text); }

// The table entry of the code point at `at`, and where it ends; an unfinished or
// ill-formed sequence reads kIllFormed.
std::uint8_t entry_at(const Reader& reader, std::string_view text, std::size_t& at) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* p = begin + at;
  const std::uint8_t entry = *p < 0x80 ? reader.ascii(*p++) : reader.multi_byte(p, begin + text.size());
  at = static_cast<std::size_t>(p - begin);
  return entry;
}

// The last place after `from` where the text may be cut and both sides counted apart
// with the same total as the whole: between two well-formed code points neither of which
// may share a cluster with a neighbour (grapheme break property Other, Control, CR or
// LF), other than CR LF. No rule of UAX #29 joins across it, and none looks back past it
// (GB11's emoji ZWJ, GB12's regional indicators and GB9c's conjuncts all pass through
// code points flagged here). 0 when there is none.
std::size_t sure_cluster_cut(std::string_view text, std::size_t from) {
  const Reader reader(char_table());
  for (std::size_t i = text.size(); i-- > std::max<std::size_t>(from, 1);) {
    if (is_trail(static_cast<unsigned char>(text[i]))) continue;
    std::size_t after = i;
    if ((entry_at(reader, text, after) & kGraphemeJoins) != 0) continue;
    if (text[i] == '\n' && text[i - 1] == '\r') continue;
    std::size_t start = i - 1;  // the code point before: from the nearest non-trail byte
    while (start > 0 && i - start < 4 && is_trail(static_cast<unsigned char>(text[start]))) --start;
    std::size_t end = start;
    if ((entry_at(reader, text, end) & kGraphemeJoins) == 0 && end == i) return i;
  }
  return 0;
}

}  // namespace

std::size_t count_graphemes_icu(std::string_view utf8, std::size_t chunk) {
  if (chunk == 0) chunk = 1;
  std::size_t clusters = 0;
  while (utf8.size() > chunk) {
    const std::size_t cut = cluster_cut(utf8, chunk);
    clusters += icu_graphemes_of_piece(utf8.substr(0, cut));
    utf8.remove_prefix(cut);
  }
  return clusters + icu_graphemes_of_piece(utf8);
}

}  // namespace detail

std::size_t count_text(std::string_view utf8, CountMode mode) {
  using namespace detail;
  switch (mode) {
    case CountMode::word: return scan<kWord>(utf8).word;
    case CountMode::chars: return scan<kChars>(utf8).chars;
    case CountMode::chars_with_spaces: return scan<kWithSpaces>(utf8).with_spaces;
    case CountMode::graphemes: return graphemes(scan<kCodePoints>(utf8), utf8);
  }
  return scan<kWord>(utf8).word;
}

TextCounts count_all(std::string_view utf8) {
  using namespace detail;
  const Tally t = scan<kAll>(utf8);
  return {t.word, t.chars, t.with_spaces, graphemes(t, utf8), t.code_points};
}

TextCounter::TextCounter() : want_(detail::kAll) {}

TextCounter::TextCounter(CountMode mode) {
  using namespace detail;
  switch (mode) {
    case CountMode::word: want_ = kWord; break;
    case CountMode::chars: want_ = kChars; break;
    case CountMode::chars_with_spaces: want_ = kWithSpaces; break;
    case CountMode::graphemes: want_ = 0; break;  // counted from pending_ alone
    default: want_ = kWord; break;
  }
}

// Carries the state of the word count and the counts themselves from piece to piece.
void TextCounter::scan(const unsigned char* first, const unsigned char* last) {
  using namespace detail;
  Tally t{counts_.word, counts_.chars, counts_.chars_with_spaces, counts_.code_points, 0, 0, word_state_};
  switch (want_) {
    case kWord: detail::scan<kWord>(t, first, last); break;
    case kChars: detail::scan<kChars>(t, first, last); break;
    case kWithSpaces: detail::scan<kWithSpaces>(t, first, last); break;
    case 0: return;
    default: detail::scan<kAll>(t, first, last); break;
  }
  counts_.word = t.word;
  counts_.chars = t.chars;
  counts_.chars_with_spaces = t.with_spaces;
  counts_.code_points = t.code_points;
  word_state_ = t.offset;
}

void TextCounter::feed(std::string_view utf8) {
  using detail::unfinished_tail;
  if (want_ == 0 || want_ == detail::kAll) feed_graphemes(utf8);
  if (want_ == 0) return;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  if (tail_size_ > 0) {
    // The sequence left unfinished by the last piece, with what follows it: up to 4 more
    // bytes are enough to settle it, and 8 in all to tell "settled" from "still short".
    const std::size_t added = std::min<std::size_t>(utf8.size(), sizeof tail_ - tail_size_);
    std::copy(p, p + added, tail_ + tail_size_);
    const std::size_t size = tail_size_ + added;
    const std::size_t left = unfinished_tail(tail_, tail_ + size);
    scan(tail_, tail_ + size - left);
    if (size - left < tail_size_) {  // still unfinished: this piece was shorter than the rest
      std::copy(tail_ + size - left, tail_ + size, tail_);
      tail_size_ = static_cast<std::uint8_t>(left);
      return;
    }
    p += size - left - tail_size_;
    tail_size_ = 0;
  }
  const std::size_t left = unfinished_tail(p, end);
  scan(p, end - left);
  std::copy(end - left, end, tail_);
  tail_size_ = static_cast<std::uint8_t>(left);
}

void TextCounter::feed_graphemes(std::string_view utf8) {
  using namespace detail;
  if (pending_.empty()) {  // the usual case: count up to the last sure boundary in place
    const std::size_t cut = sure_cluster_cut(utf8, 0);
    counts_.graphemes += graphemes_of(utf8.substr(0, cut));
    pending_.assign(utf8.substr(cut));
    return;
  }
  // A boundary found before was already taken, so only the last code point of what is
  // pending may now become one.
  const std::size_t searched = pending_.size() > 4 ? pending_.size() - 4 : 0;
  pending_.append(utf8);
  const std::size_t cut = sure_cluster_cut(pending_, searched);
  counts_.graphemes += graphemes_of(std::string_view(pending_).substr(0, cut));
  pending_.erase(0, cut);
}

TextCounts TextCounter::finish() {
  using namespace detail;
  scan(tail_, tail_ + tail_size_);  // at the end an unfinished sequence is ill-formed bytes
  if (want_ == 0 || want_ == kAll) counts_.graphemes += graphemes_of(pending_);
  const TextCounts counts = counts_;
  counts_ = {};
  word_state_ = kGap * 8;
  tail_size_ = 0;
  pending_.clear();
  return counts;
}

std::size_t TextCounts::get(CountMode mode) const {
  switch (mode) {
    case CountMode::word: return word;
    case CountMode::chars: return chars;
    case CountMode::chars_with_spaces: return chars_with_spaces;
    case CountMode::graphemes: return graphemes;
  }
  return word;
}

}  // namespace zhinan

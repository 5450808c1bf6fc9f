// Counting 字 the way reviewers do (Word's 字数统计), and the other count modes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "zhinan/count_mode.hpp"

namespace zhinan {

// 字数统计. Every count takes UTF-8 as it is: nothing is normalized first (NFC would turn
// the compatibility ideograph U+F900 into U+8C48), and an ill-formed byte counts as one
// U+FFFD, an ordinary non-space character; no input makes a count fail.
//
// - word (字数 = 中文字符和朝鲜语单词 + 非中文单词): each East Asian character counts 1
//   (Han, kana, Hangul, Bopomofo, and the CJK punctuation, full-width, enclosed and
//   compatibility blocks); each maximal run of other non-space characters counts 1
//   (`2024`, `AI`, `5G`, `①②③`, an emoji sequence). `東京2024オリンピック` is 9,
//   `Hello、World。` is 4. Combining marks, ZWJ and ZWNJ belong to the character before
//   them; variation selectors, BOM and invisible format characters change nothing.
// - chars (字符数(不计空格)): code points, except white space, line/paragraph/page breaks,
//   BOM U+FEFF, zero-width space U+200B and variation selectors (U+FE00–FE0F,
//   U+E0100–E01EF).
// - chars_with_spaces (字符数(计空格)): chars plus the white space. Breaks stay out: LF,
//   CR, CRLF, VT (Word's manual line break), FF (page break), NEL, U+2028 and U+2029 all
//   become a paragraph mark or line break when the text is pasted into Word, and Word
//   counts neither; so the count does not depend on how the file ends its lines. Tabs,
//   U+00A0 and U+3000 are spaces and count here.
// - graphemes: extended grapheme clusters (ICU, Unicode 15): `👨‍👩‍👧` is 1, CRLF is 1.
// Thread-safe. Throws std::runtime_error only when ICU itself is unusable (no data).
std::size_t count_text(std::string_view utf8, CountMode mode);

// All four counts of one text from one pass over it (plus ICU's grapheme pass when the
// text needs one), and the code points they are counted from.
struct TextCounts {
  std::size_t word = 0;
  std::size_t chars = 0;
  std::size_t chars_with_spaces = 0;
  std::size_t graphemes = 0;
  std::size_t code_points = 0;  // each ill-formed byte is one (U+FFFD)

  std::size_t get(CountMode mode) const;
};

TextCounts count_all(std::string_view utf8);

// count_text and count_all over a text that arrives in pieces (a file read through a
// buffer): feeding the pieces in order and then calling finish() gives exactly the counts
// of the whole text, wherever it was cut, even inside a UTF-8 sequence, a Latin word or
// CR LF. Memory stays a few bytes (plus, for graphemes, the text since the last place
// where no cluster can span), however long the text.
//
//   TextCounter counter(CountMode::word);
//   while (read a chunk) counter.feed(chunk);
//   std::size_t n = counter.finish().word;
//
// One counter is one text, fed from one thread at a time.
class TextCounter {
 public:
  TextCounter();                         // all four counts and the code points, as count_all
  explicit TextCounter(CountMode mode);  // that count alone, as count_text (and as fast)

  void feed(std::string_view utf8);
  // The counts of all that was fed; an unfinished UTF-8 sequence at the very end counts
  // as ill-formed bytes, as in count_text. A counter for one mode fills that mode's field
  // alone (read it with get(mode)), the others stay 0. The counter then starts over empty.
  TextCounts finish();

 private:
  void scan(const unsigned char* first, const unsigned char* last);
  void feed_graphemes(std::string_view utf8);

  unsigned want_;              // which counts are kept (bits of count.cpp's Want)
  TextCounts counts_;
  unsigned word_state_ = 0;    // the word count's state machine, between two pieces
  std::uint8_t tail_size_ = 0;
  unsigned char tail_[8]{};    // an unfinished UTF-8 sequence at the end of a piece
  std::string pending_;        // graphemes: the text since the last sure cluster boundary
};

}  // namespace zhinan

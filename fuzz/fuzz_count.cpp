// Any bytes through every count mode: never a crash, the counts keep their order, and
// counting the bytes in pieces gives the counts of the whole.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/count_table.hpp"
#include "base/utf8.hpp"
#include "zhinan/count.hpp"

namespace {

void require(bool ok, const char* what, std::string_view text) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_count: %s (input of %zu bytes)\n", what, text.size());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using zhinan::CountMode;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const zhinan::TextCounts all = zhinan::count_all(text);

  for (CountMode m : {CountMode::word, CountMode::chars, CountMode::chars_with_spaces, CountMode::graphemes})
    require(zhinan::count_text(text, m) == all.get(m), "count_text disagrees with count_all", text);

  // Code points as the shared decoder reads them: each ill-formed byte is one.
  std::size_t code_points = 0;
  for (std::size_t pos = 0; pos < text.size(); ++code_points) zhinan::detail::decode_utf8(text, pos);
  require(all.code_points == code_points, "code points differ from decode_utf8", text);

  require(all.word <= all.chars, "word > chars", text);
  require(all.chars <= all.chars_with_spaces, "chars > chars-with-spaces", text);
  require(all.chars_with_spaces <= all.code_points, "chars-with-spaces > code points", text);
  require(all.graphemes <= all.code_points, "graphemes > code points", text);
  require((all.graphemes == 0) == text.empty(), "graphemes 0 for a non-empty text", text);

  // The shortcut for simple texts gives what ICU gives.
  require(all.graphemes == zhinan::detail::count_graphemes_icu(text), "graphemes differ from ICU", text);

  // A space ends whatever came before it, so counts add up across one.
  const std::size_t half = text.size() / 2;
  const std::string joined = std::string(text.substr(0, half)) + " " + std::string(text.substr(half));
  const zhinan::TextCounts a = zhinan::count_all(text.substr(0, half));
  const zhinan::TextCounts b = zhinan::count_all(text.substr(half));
  const zhinan::TextCounts j = zhinan::count_all(joined);
  require(j.word == a.word + b.word, "word does not add up across a space", text);
  require(j.chars == a.chars + b.chars, "chars do not add up across a space", text);
  require(j.chars_with_spaces == a.chars_with_spaces + b.chars_with_spaces + 1,
          "chars-with-spaces do not add up across a space", text);

  // Fed in pieces, cut where the input's first bytes say, the counts are the whole text's.
  zhinan::TextCounter all_pieces;
  zhinan::TextCounter word_pieces(CountMode::word);
  std::size_t at = 0;
  for (std::size_t i = 0; at < text.size(); ++i) {
    const std::size_t length = i < text.size() ? static_cast<std::uint8_t>(text[i]) % 9 : text.size();
    const std::string_view piece = text.substr(at, length);
    all_pieces.feed(piece);
    word_pieces.feed(piece);
    at += piece.size();
  }
  const zhinan::TextCounts fed = all_pieces.finish();
  require(fed.word == all.word && fed.chars == all.chars && fed.chars_with_spaces == all.chars_with_spaces &&
              fed.graphemes == all.graphemes && fed.code_points == all.code_points,
          "TextCounter fed in pieces disagrees with count_all", text);
  require(word_pieces.finish().word == all.word, "TextCounter(word) fed in pieces disagrees", text);
  return 0;
}

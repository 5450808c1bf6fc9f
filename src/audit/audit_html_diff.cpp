// The word diff of a duplicate pair: both texts cut into tokens (a CJK character each, a
// Latin word or number each), their longest common subsequence found by the textbook
// O(n·m) table, and what is outside it marked. Texts are capped, so the table stays small
// (2,000 × 2,000 tokens is 8 MB and a few milliseconds).
#include "audit/audit_html_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "base/utf8.hpp"

namespace zhinan::detail {
namespace {

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x3000; }

// Letters and digits that form words: ASCII, Latin-1 and Latin Extended, Greek, Cyrillic.
bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z');
  if (cp == 0xD7 || cp == 0xF7) return false;  // × ÷
  return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x52F);
}

enum class Kind { space, word, other };

Kind kind_of(char32_t cp) {
  if (is_space(cp)) return Kind::space;
  return is_word_char(cp) ? Kind::word : Kind::other;
}

struct Token {
  std::string_view text;
  bool space = false;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const Kind kind = kind_of(decode_utf8(text, pos));
    if (kind != Kind::other) {
      for (std::size_t next = pos; next < text.size() && kind_of(decode_utf8(text, next)) == kind;) pos = next;
    }
    tokens.push_back({text.substr(start, pos - start), kind == Kind::space});
  }
  return tokens;
}

// Whether each token of `a` and of `b` is in their longest common subsequence.
struct Common {
  std::vector<bool> a, b;
};

void lcs(std::span<const Token> a, std::span<const Token> b, std::vector<bool>& in_a, std::vector<bool>& in_b) {
  const std::size_t n = a.size(), m = b.size();
  // length[i][j]: the LCS of a[i…] and b[j…], so the walk below runs forwards.
  std::vector<std::uint16_t> length((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return length[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i].text == b[j].text ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                                        : std::max(at(i + 1, j), at(i, j + 1));
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (a[i].text == b[j].text) {
      in_a[i++] = in_b[j++] = true;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

Common common_tokens(std::span<const Token> a, std::span<const Token> b) {
  Common common{std::vector<bool>(a.size(), false), std::vector<bool>(b.size(), false)};
  // The equal head and tail need no table; most pairs differ only in the middle.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head].text == b[head].text) {
    common.a[head] = common.b[head] = true;
    ++head;
  }
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail].text == b[b.size() - 1 - tail].text) {
    common.a[a.size() - 1 - tail] = common.b[b.size() - 1 - tail] = true;
    ++tail;
  }
  std::vector<bool> mid_a(a.size() - head - tail, false), mid_b(b.size() - head - tail, false);
  lcs(a.subspan(head, mid_a.size()), b.subspan(head, mid_b.size()), mid_a, mid_b);
  std::copy(mid_a.begin(), mid_a.end(), common.a.begin() + static_cast<std::ptrdiff_t>(head));
  std::copy(mid_b.begin(), mid_b.end(), common.b.begin() + static_cast<std::ptrdiff_t>(head));
  return common;
}

// The tokens escaped, each run outside the common subsequence in one <mark> (a run of
// white space alone is left unmarked); tokens past `in_common` are shown unmarked.
std::string render(const std::vector<Token>& tokens, const std::vector<bool>& in_common) {
  std::string out, run;
  bool run_has_text = false;
  auto flush = [&] {
    if (run_has_text) out += "<mark>" + run + "</mark>";
    else out += run;
    run.clear();
    run_has_text = false;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const bool marked = k < in_common.size() && !in_common[k];
    if (!marked) {
      flush();
      out += html_escape(tokens[k].text);
      continue;
    }
    const std::string text = html_escape(tokens[k].text);
    run += text;
    run_has_text = run_has_text || (!tokens[k].space && !text.empty());
  }
  flush();
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    switch (cp) {
      case U'&': out += "&amp;"; break;
      case U'<': out += "&lt;"; break;
      case U'>': out += "&gt;"; break;
      case U'"': out += "&quot;"; break;
      case U'\'': out += "&#39;"; break;
      case kInvalidCodePoint: out += "\xEF\xBF\xBD"; break;
      default:
        if ((cp < 0x20 && cp != U'\t' && cp != U'\n') || cp == 0x7F) break;  // not allowed in HTML
        out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

MarkedPair html_diff(std::string_view left, std::string_view right, std::size_t max_tokens) {
  const std::vector<Token> a = tokenize(left), b = tokenize(right);
  const std::span<const Token> capped_a(a.data(), std::min(a.size(), max_tokens));
  const std::span<const Token> capped_b(b.data(), std::min(b.size(), max_tokens));
  const Common common = common_tokens(capped_a, capped_b);
  return {render(a, common.a), render(b, common.b)};
}

}  // namespace zhinan::detail

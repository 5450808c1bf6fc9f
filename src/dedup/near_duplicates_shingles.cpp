// Shingle sets, their exact Jaccard index, and the file checksum.
#include <algorithm>
#include <stdexcept>

#include "dedup/near_duplicates_hash.hpp"
#include "base/utf8.hpp"
#include "zhinan/near_duplicates.hpp"

namespace zhinan {
namespace {

using detail::mix64;

constexpr std::uint64_t kCodePointMask = (std::uint64_t{1} << 21) - 1;  // U+10FFFF fits in 21 bits
constexpr std::uint64_t kShortText = std::uint64_t{1} << 63;             // a text shorter than n

// Each code point of `text` to `f`, U+FFFD for an ill-formed byte.
template <class F>
void for_each_code_point(std::string_view text, F&& f) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = detail::decode_utf8_inline(text, pos);
    f(cp == detail::kInvalidCodePoint ? U'\uFFFD' : cp);
  }
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size() / 3 + 1);  // Chinese text: three bytes a character
  for_each_code_point(text, [&](char32_t cp) { out.push_back(cp); });
  return out;
}

std::uint64_t chained_shingle(const char32_t* cps, std::size_t count, std::uint64_t start) {
  std::uint64_t h = mix64(start);
  for (std::size_t i = 0; i < count; ++i) h = mix64(h ^ cps[i]);
  return h;
}

}  // namespace

ShingleSet ShingleSet::of(std::string_view folded_utf8, int n) {
  if (n < 1) throw std::invalid_argument("ShingleSet::of: n must be at least 1");
  const auto width = static_cast<std::size_t>(n);
  if (width <= 3) {
    // The shingle is packed losslessly (21 bits a code point, at most 63 bits), and a text
    // shorter than n with its length and the top bit, which no full shingle has; the
    // packed word is then mixed, a bijection. The window rolls over the text as it is
    // decoded, into a per-thread buffer; the set keeps an exact copy.
    const std::uint64_t mask = (std::uint64_t{1} << (21 * width)) - 1;
    thread_local std::vector<std::uint64_t> rolled;
    rolled.clear();
    std::uint64_t key = 0;
    std::size_t seen = 0;
    for_each_code_point(folded_utf8, [&](char32_t cp) {
      key = ((key << 21) | (cp & kCodePointMask)) & mask;
      if (++seen >= width) rolled.push_back(mix64(key));
    });
    if (seen == 0) return {};
    if (seen < width) return from_hashes({mix64(kShortText | (std::uint64_t{seen} << 42) | key)});
    return from_hashes(std::vector<std::uint64_t>(rolled.begin(), rolled.end()));
  }
  // Longer shingles are hashed in a chain over the text's code points.
  const std::vector<char32_t> cps = code_points(folded_utf8);
  if (cps.empty()) return {};
  std::vector<std::uint64_t> hashes;
  if (cps.size() < width) {
    hashes.push_back(mix64(chained_shingle(cps.data(), cps.size(), kShortText | cps.size())));
  } else {
    hashes.reserve(cps.size() - width + 1);
    for (std::size_t i = 0; i + width <= cps.size(); ++i) hashes.push_back(chained_shingle(cps.data() + i, width, width));
  }
  return from_hashes(std::move(hashes));
}

ShingleSet ShingleSet::from_hashes(std::vector<std::uint64_t> hashes) {
  detail::sort_hashes(hashes);  // linear for mixed hashes, and correct for any
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  ShingleSet set;
  set.hashes_ = std::move(hashes);
  return set;
}

double jaccard(const ShingleSet& a, const ShingleSet& b) { return jaccard(a.hashes(), b.hashes()); }

double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  return detail::jaccard_of(detail::intersection_size(a, b), a.size(), b.size());
}

std::optional<double> jaccard_at_least(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                                       double min_score) {
  const double score = detail::jaccard_at_least(a, b, min_score);
  return score >= 0 ? std::optional<double>(score) : std::nullopt;
}

namespace detail {
namespace {

// Runs `steps` merge steps without bounds checks: each step advances i or j or both, so
// steps ≤ min(remaining a, remaining b) stays inside both. Branch-free, since which side
// advances is a coin toss the branch predictor cannot learn.
inline void merge_steps(const std::uint64_t* a, const std::uint64_t* b, std::size_t& i, std::size_t& j,
                        std::size_t& common, std::size_t steps) {
  for (std::size_t s = 0; s < steps; ++s) {
    const std::uint64_t x = a[i], y = b[j];
    common += static_cast<std::size_t>(x == y);
    i += static_cast<std::size_t>(x <= y);
    j += static_cast<std::size_t>(y <= x);
  }
}

}  // namespace

std::size_t intersection_size(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size())
    merge_steps(a.data(), b.data(), i, j, common, std::min(a.size() - i, b.size() - j));
  return common;
}

double jaccard_at_least(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, double min_score) {
  const std::size_t na = a.size(), nb = b.size(), most = std::min(na, nb);
  if (most == 0 || jaccard_of(most, na, nb) < min_score) return -1;  // even a ⊆ b falls short
  // The least intersection that reaches min_score (at least 1: a score of 0 is no match).
  const double estimate = min_score * static_cast<double>(na + nb) / (1 + min_score);
  std::size_t need = estimate > 1 ? std::min(most, static_cast<std::size_t>(estimate)) : 1;  // NaN too
  while (need > 1 && jaccard_of(need - 1, na, nb) >= min_score) --need;
  while (need < most && jaccard_of(need, na, nb) < min_score) ++need;
  std::size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    merge_steps(a.data(), b.data(), i, j, common, std::min<std::size_t>({na - i, nb - j, 64}));
    if (common + std::min(na - i, nb - j) < need) return -1;
  }
  const double score = jaccard_of(common, na, nb);
  return common > 0 && score >= min_score ? score : -1;
}

void WordChecksum::add(std::span<const std::uint64_t> words) {
  for (const std::uint64_t w : words) {
    std::uint64_t& lane = lanes_[count_ & 3];
    lane = mix64(lane ^ w);
    ++count_;
  }
}

std::uint64_t WordChecksum::value() const {
  std::uint64_t h = mix64(count_);
  for (const std::uint64_t lane : lanes_) h = mix64(h ^ lane);
  return h;
}

}  // namespace detail
}  // namespace zhinan

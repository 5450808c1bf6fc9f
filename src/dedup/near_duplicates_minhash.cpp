// MinHash signatures, LSH band keys and the prefilter's bound.
//
// One-permutation hashing (Li, Owen and Zhang 2012) rather than k independent hash
// functions: each shingle is hashed once, the hash picks one of k bins, and each bin keeps
// its least hash — O(|set| + k) a set instead of O(|set| · k). For ~1000-shingle texts and
// k = 620, 100,000 texts take about 3 seconds rather than some 6·10¹⁰ hash evaluations.
// A bin no shingle fell into is filled by optimal densification (Shrivastava 2017): bin i
// probes a sequence of bins fixed by (seed, i) and copies the first non-empty one. Both
// sets of a pair probe the same sequence, so the first bin non-empty in their union decides
// (non-empty in one set only, it makes them differ), and the two agree with probability
// exactly J — as for a bin that was never empty. Only the low 8 bits of each value are kept
// (b-bit MinHash, Li and König 2010): 620 bytes an item, compared eight at a time before
// any exact check, and the LSH bands are cut from those same bytes.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "dedup/near_duplicates_hash.hpp"

namespace zhinan::detail {
namespace {

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

// One of k bins from a hash's high 32 bits (multiply-shift: no modulo bias to speak of).
inline std::size_t bin_of(std::uint64_t hash, std::size_t k) { return static_cast<std::size_t>(((hash >> 32) * k) >> 32); }

}  // namespace

MinHasher::MinHasher(std::size_t k, std::uint64_t seed, std::vector<std::uint64_t>& bins)
    : k_(k), permute_(mix64(seed ^ 0x6d696e68617368u)), probe_(mix64(seed ^ 0x64656e736966u)) {  // "minhash", "densif"
  bins.assign(k, kEmpty);
  bins_ = bins.data();
}

void MinHasher::finish(std::uint8_t* out) {
  const std::size_t k = k_;
  if (count_ == 0 || k == 0) {  // an empty set has no signature (and matches nothing)
    std::fill(out, out + k, std::uint8_t{0});
    return;
  }
  const std::uint64_t* bins = bins_;
  for (std::size_t i = 0; i < k; ++i) {
    if (bins[i] != kEmpty) {
      out[i] = static_cast<std::uint8_t>(bins[i]);
      continue;
    }
    // Expected k / (non-empty bins) probes; after 2^16 misses (a one-shingle text and a
    // very long signature), the next non-empty bin in order, which the set always has.
    std::size_t from = i;
    for (std::uint64_t attempt = 1; attempt <= 0x10000; ++attempt) {
      const std::size_t j = bin_of(mix64(probe_ ^ ((std::uint64_t{i} << 32) | attempt)), k);
      if (bins[j] != kEmpty) {
        from = j;
        break;
      }
    }
    while (bins[from] == kEmpty) from = (from + 1) % k;
    out[i] = static_cast<std::uint8_t>(bins[from]);  // the low bits: bins[] differ there at random
  }
}

void signature(std::span<const std::uint64_t> set, std::size_t k, std::uint64_t seed, std::uint8_t* out,
               std::vector<std::uint64_t>& scratch) {
  MinHasher hasher(k, seed, scratch);
  for (const std::uint64_t h : set) hasher.add(h);
  hasher.finish(out);
}

std::size_t agreements(const std::uint8_t* a, const std::uint8_t* b, std::size_t k) {
  constexpr std::uint64_t kLow = 0x7f7f7f7f7f7f7f7fu;
  std::size_t count = 0, i = 0;
  for (; i + 8 <= k; i += 8) {  // the zero bytes of a ^ b, eight at a time
    std::uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    const std::uint64_t d = x ^ y;
    // A byte's high bit is set here exactly when the byte of d is non-zero.
    const std::uint64_t nonzero = (((d & kLow) + kLow) | d) & ~kLow;
    count += 8 - static_cast<std::size_t>(std::popcount(nonzero));
  }
  for (; i < k; ++i) count += a[i] == b[i] ? 1 : 0;
  return count;
}

// The prefilter's bound. Write X_i for "the two signatures agree at position i". A position
// whose bin is non-empty in the union A ∪ B agrees when the union's least hash there lies in
// A ∩ B: probability J, and these events are those of sampling distinct union elements
// without replacement (negatively correlated). A position whose bin is empty in the union
// copies, in both sets, the first bin of its probe sequence that is non-empty in the union,
// so X_i equals that bin's X. The fraction of agreements is therefore a weighted mean of
// negatively correlated indicators of mean J, with weights w summing to k, and by
// Hoeffding's inequality P(mean ≤ J − δ) ≤ exp(−2δ²·k²/Σw²). With a fraction f of the bins
// empty in the union, the N = (1 − f)k non-empty bins each get 1 + Poisson(f/(1 − f))
// copies, so Σw² ≈ k(1 + 2f + f²/(1 − f)); f ≤ e^(−|A ∪ B|/k) ≤ e^(−max(|A|,|B|)/k). Σw²
// is doubled for safety, and the 8-bit truncation only adds agreements (never removes one).
// At k = 620 and sets of 1000 3-grams, a pair at 0.5 is refused below 0.28 of agreements,
// with probability under 10⁻⁹ — 10⁻⁴⁰ and less for a pair at 0.8.
std::size_t least_agreements(double min_score, std::size_t size_a, std::size_t size_b, std::size_t k) {
  if (!(min_score > 0) || k == 0) return 0;
  const double kk = static_cast<double>(k);
  const double f = std::exp(-static_cast<double>(std::max(size_a, size_b)) / kk);
  if (f >= 0.999) return 0;
  const double weight = 2 * (1 + 2 * f + f * f / (1 - f));  // Σw² / k, doubled
  const double effective = kk / weight;
  const double delta = std::sqrt(std::log(1 / kPrefilterMiss) / (2 * effective));
  const double least = std::floor(kk * (std::min(min_score, 1.0) - delta));
  return least > 0 ? static_cast<std::size_t>(least) : 0;
}

}  // namespace zhinan::detail

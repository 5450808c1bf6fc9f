// MinHash signatures and LSH band keys.
//
// One-permutation hashing (Li, Owen and Zhang 2012) rather than k independent hash
// functions: each shingle is hashed once, the hash picks one of k bins, and each bin keeps
// its least hash — O(|set| + k) a set instead of O(|set| · k). For ~1000-shingle texts and
// k = 620, 100,000 texts take about 3 seconds rather than some 6·10¹⁰ hash evaluations.
// A bin no shingle fell into is filled by optimal densification (Shrivastava 2017): bin i
// probes a sequence of bins fixed by (seed, i) and copies the first non-empty one. Both
// sets of a pair probe the same sequence, so the first bin non-empty in their union decides
// (non-empty in one set only, it makes them differ), and the two agree with probability
// exactly J — as for a bin that was never empty.
#include <limits>

#include "dedup/near_duplicates_hash.hpp"

namespace zhinan::detail {
namespace {

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

// One of k bins from a hash's high 32 bits (multiply-shift: no modulo bias to speak of).
inline std::size_t bin_of(std::uint64_t hash, std::size_t k) { return static_cast<std::size_t>(((hash >> 32) * k) >> 32); }

}  // namespace

void band_keys(std::span<const std::uint64_t> set, int bands, int rows, std::uint64_t seed,
               std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch) {
  const auto b = static_cast<std::size_t>(bands), r = static_cast<std::size_t>(rows), k = b * r;
  keys.clear();
  if (set.empty() || k == 0) return;  // an empty set has no signature (and matches nothing)
  const std::uint64_t permute = mix64(seed ^ 0x6d696e68617368u);  // "minhash"
  const std::uint64_t probe = mix64(seed ^ 0x64656e736966u);      // "densif"
  const std::uint64_t band = mix64(seed ^ 0x62616e64u);           // "band"

  scratch.assign(2 * k, kEmpty);
  std::uint64_t* bins = scratch.data();
  std::uint64_t* signature = bins + k;
  for (const std::uint64_t h : set) {
    const std::uint64_t g = mix64(h ^ permute);
    std::uint64_t& bin = bins[bin_of(g, k)];
    if (g < bin) bin = g;
  }
  for (std::size_t i = 0; i < k; ++i) {
    if (bins[i] != kEmpty) {
      signature[i] = bins[i];
      continue;
    }
    // Expected k / (non-empty bins) probes; after 2^16 misses (a one-shingle text and a
    // very long signature), the next non-empty bin in order, which the set always has.
    std::size_t from = i;
    for (std::uint64_t attempt = 1; attempt <= 0x10000; ++attempt) {
      const std::size_t j = bin_of(mix64(probe ^ ((std::uint64_t{i} << 32) | attempt)), k);
      if (bins[j] != kEmpty) {
        from = j;
        break;
      }
    }
    while (bins[from] == kEmpty) from = (from + 1) % k;
    signature[i] = bins[from];
  }

  keys.resize(b);
  for (std::size_t j = 0; j < b; ++j) {
    std::uint64_t h = mix64(band ^ j);
    for (std::size_t row = 0; row < r; ++row) h = mix64(h ^ signature[j * r + row]);
    keys[j] = h;
  }
}

}  // namespace zhinan::detail

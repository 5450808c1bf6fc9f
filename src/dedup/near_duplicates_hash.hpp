// Hashing for near-duplicate search (internal): the 64-bit mixer, MinHash signatures with
// LSH band keys, exact intersection with an early exit, and the file checksum.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace zhinan::detail {

// A bijection of 64-bit words that spreads every input bit over the output: two rounds
// of xor-shift and multiplication by an odd constant, the structure of the splitmix64
// finalizer (with Stafford's "Mix13" shifts and constants). Both steps are invertible,
// so distinct inputs give distinct outputs — what makes 3-gram hashes collision-free.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9u;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebu;
  x ^= x >> 31;
  return x;
}

// Fills `keys` with the `bands` LSH band keys of a non-empty set: a MinHash signature of
// bands × rows values by one-permutation hashing with optimal densification, each band's
// `rows` values (and its number) hashed into one key. `scratch` is reused between calls.
void band_keys(std::span<const std::uint64_t> set, int bands, int rows, std::uint64_t seed,
               std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch);

// Asks for the start of a set to be fetched into the cache: candidates lie scattered
// over the index, and the merge of one overlaps the memory latency of the next.
inline void prefetch(std::span<const std::uint64_t> set) {
#if defined(__GNUC__) || defined(__clang__)
  constexpr std::size_t kWordsPerLine = 8, kLines = 8;
  for (std::size_t i = 0; i < set.size() && i < kWordsPerLine * kLines; i += kWordsPerLine) __builtin_prefetch(&set[i]);
#else
  (void)set;
#endif
}

// |a ∩ b| of sorted, unique hash vectors.
std::size_t intersection_size(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

// x / (|a| + |b| − x) for an intersection of x: the one formula every score comes from.
inline double jaccard_of(std::size_t intersection, std::size_t size_a, std::size_t size_b) {
  const std::size_t united = size_a + size_b - intersection;
  return united == 0 ? 0.0 : static_cast<double>(intersection) / static_cast<double>(united);
}

// The exact Jaccard index when it is ≥ min_score and > 0, else a negative number — found
// sooner, since the merge stops once the rest can no longer reach min_score. Never rejects
// a pair whose jaccard() is ≥ min_score: the bounds use the same formula, and it is
// monotone in the intersection.
double jaccard_at_least(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, double min_score);

// A checksum of a stream of 64-bit words: four lanes, each word xored into its lane and
// mixed. Each step is a bijection of the lane, so a change to any one word always changes
// the result.
class WordChecksum {
 public:
  void add(std::span<const std::uint64_t> words);
  void add(std::uint64_t word) { add(std::span<const std::uint64_t>(&word, 1)); }
  std::uint64_t value() const;

 private:
  std::uint64_t lanes_[4] = {0x6e6561722d647570u, 0x7a68696e616e2d31u, 0x636865636b73756du, 0x0123456789abcdefu};
  std::uint64_t count_ = 0;
};

}  // namespace zhinan::detail

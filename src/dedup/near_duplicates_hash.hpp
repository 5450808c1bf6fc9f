// Hashing for near-duplicate search (internal): the 64-bit mixer, b-bit MinHash signatures
// with LSH band keys and the prefilter bound, the compact set store, exact intersection with
// an early exit, and the file checksum.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>
#include <algorithm>

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

// The inverse of mix64: what lets a stored 3-gram hash be written as its three code points.
constexpr std::uint64_t inverse_odd(std::uint64_t a) {  // a⁻¹ mod 2⁶⁴ by Newton's iteration
  std::uint64_t x = a;
  for (int i = 0; i < 6; ++i) x *= 2 - a * x;
  return x;
}
constexpr std::uint64_t unmix64(std::uint64_t x) {
  x ^= (x >> 31) ^ (x >> 62);
  x *= inverse_odd(0x94d049bb133111ebu);
  x ^= (x >> 27) ^ (x >> 54);
  x *= inverse_odd(0xbf58476d1ce4e5b9u);
  x ^= (x >> 30) ^ (x >> 60);
  return x;
}
static_assert(unmix64(mix64(0x123456789abcdefu)) == 0x123456789abcdefu);

// The MinHash signature of a non-empty set: `k` values by one-permutation hashing with
// optimal densification, of which the low 8 bits of each are kept (b-bit MinHash): two
// sets agree at a position with probability J + (1 − J)/256. Fed one hash at a time (a set
// being decoded need not be held); `bins` is reused between sets. A set that got no hash
// has k zero bytes (and never matches: the index never looks an empty set up).
class MinHasher {
 public:
  MinHasher(std::size_t k, std::uint64_t seed, std::vector<std::uint64_t>& bins);
  void add(std::uint64_t hash) {
    const std::uint64_t g = mix64(hash ^ permute_);
    std::uint64_t& bin = bins_[static_cast<std::size_t>(((g >> 32) * k_) >> 32)];  // multiply-shift: no modulo bias to speak of
    if (g < bin) bin = g;
    ++count_;
  }
  void finish(std::uint8_t* out);

 private:
  std::size_t k_;
  std::uint64_t permute_, probe_;
  std::uint64_t* bins_;
  std::size_t count_ = 0;
};
void signature(std::span<const std::uint64_t> set, std::size_t k, std::uint64_t seed, std::uint8_t* out,
               std::vector<std::uint64_t>& scratch);

// The LSH key of band `band`: its `rows` signature bytes hashed on from `start`, which is
// band_start(seed, band) (the same for every item, so worked out once).
constexpr std::uint64_t band_start(std::uint64_t seed, std::size_t band) { return mix64(mix64(seed ^ 0x62616e64u) ^ band); }  // "band"
inline std::uint32_t band_key(const std::uint8_t* signature, std::size_t band, std::size_t rows, std::uint64_t start) {
  std::uint64_t h = start;
  const std::uint8_t* values = signature + band * rows;
  std::size_t row = 0;
  for (; row + 8 <= rows; row += 8) {  // eight bytes a round
    std::uint64_t word = 0;
    std::memcpy(&word, values + row, 8);
    h = mix64(h ^ word);
  }
  std::uint64_t rest = 0;
  for (std::size_t i = 0; row < rows; ++row, ++i) rest |= std::uint64_t{values[row]} << (8 * i);
  return static_cast<std::uint32_t>(mix64(h ^ rest ^ (std::uint64_t{rows} << 60)) >> 32);
}

// The positions at which two k-byte signatures agree.
std::size_t agreements(const std::uint8_t* a, const std::uint8_t* b, std::size_t k);

// The fewest agreements out of k that two sets of these sizes at Jaccard ≥ min_score show
// but with probability below kPrefilterMiss; 0 when no count can be refused. See
// near_duplicates_minhash.cpp for the bound.
inline constexpr double kPrefilterMiss = 1e-9;
std::size_t least_agreements(double min_score, std::size_t size_a, std::size_t size_b, std::size_t k);

// The index's compact store of sets. A 3-gram hash is mix64 of three 21-bit units, so a set
// of them is the set of unit triples; those are written as walks (u1 u2 u3 u4 … standing for
// (u1,u2,u3), (u2,u3,u4), …), each unit as a varint of its number in a table of units, so
// a text's set costs about one unit (1–2 bytes) a 3-gram instead of 8 bytes. A hash whose
// inverse is not a triple (a short text's) is kept whole. Decoding gives the set exactly.
// The table lives in the index (two vectors); this is its logic.
class UnitTable {
 public:
  UnitTable(std::vector<std::uint32_t>& units, std::vector<std::uint64_t>& slots) : units_(units), slots_(slots) {}
  std::uint32_t id_of(std::uint32_t unit);  // adds the unit when new
  void assign(std::span<const std::uint32_t> units);  // a loaded table

 private:
  void grow();
  std::vector<std::uint32_t>& units_;  // id → unit
  std::vector<std::uint64_t>& slots_;  // (unit + 1) << 32 | id, open addressing; 0 is free
};

// Sorts well-mixed 64-bit hashes (mix64's outputs) in linear time: one counting pass on
// the top bits, about one hash a bucket, then insertion sort inside each bucket. Any input
// is sorted correctly; only the speed depends on the mixing.
void sort_hashes(std::vector<std::uint64_t>& hashes);

// The unit triples of a set, as walks, with its whole hashes: the part of encoding that
// needs no table (so that it can run on many threads).
struct Walks {
  std::vector<std::uint64_t> whole;          // hashes kept as they are
  std::vector<std::uint32_t> units;          // every walk's units, one after another
  std::vector<std::uint32_t> lengths;        // units a walk (each ≥ 3)
};
void walks_of(std::span<const std::uint64_t> set, Walks& out);
void append_encoded(const Walks& walks, UnitTable& table, std::vector<std::uint8_t>& out);
// A LEB128 varint at p, advancing p; false when it runs past end or over 64 bits.
inline bool get_varint(const std::uint8_t*& p, const std::uint8_t* end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const std::uint8_t byte = *p++;
    v |= std::uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return true;
  }
  return false;
}
// Calls hash(h) for every hash of the set encoded at [p, end); false when the bytes are
// malformed (a unit number outside the table, bytes left over, bytes missing).
template <class F>
bool for_each_hash(const std::uint8_t* p, const std::uint8_t* end, std::span<const std::uint32_t> units, F&& hash) {
  constexpr std::uint64_t kTripleMask = (std::uint64_t{1} << 63) - 1;
  std::uint64_t whole = 0, walks = 0;
  if (!get_varint(p, end, whole) || whole > static_cast<std::uint64_t>(end - p) / 8) return false;
  for (std::uint64_t k = 0; k < whole; ++k, p += 8) {
    std::uint64_t h = 0;
    for (int byte = 0; byte < 8; ++byte) h |= std::uint64_t{p[byte]} << (8 * byte);
    hash(h);
  }
  if (!get_varint(p, end, walks)) return false;
  for (std::uint64_t w = 0; w < walks; ++w) {
    std::uint64_t extra = 0;
    if (!get_varint(p, end, extra) || extra > static_cast<std::uint64_t>(end - p)) return false;
    std::uint64_t key = 0;
    for (std::uint64_t k = 0; k < extra + 3; ++k) {
      std::uint64_t id;
      if (p < end && *p < 0x80) id = *p++;  // most units: one byte
      else if (!get_varint(p, end, id)) return false;
      if (id >= units.size()) return false;
      key = ((key << 21) | units[static_cast<std::size_t>(id)]) & kTripleMask;
      if (k >= 2) hash(mix64(key));
    }
  }
  return p == end;
}
// The set encoded at [begin, end), sorted, into `out`; false when the bytes are malformed
// or hold a hash twice.
bool decode_set(const std::uint8_t* begin, const std::uint8_t* end, std::span<const std::uint32_t> units,
                std::vector<std::uint64_t>& out);
// The unit numbers of a file: most used first. recode rewrites a set's code with unit
// number u as remap[u]; false when the bytes are malformed.
void count_units(const std::uint8_t* begin, const std::uint8_t* end, std::vector<std::uint64_t>& uses);
bool recode(const std::uint8_t* begin, const std::uint8_t* end, std::span<const std::uint32_t> remap,
            std::vector<std::uint8_t>& out);

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

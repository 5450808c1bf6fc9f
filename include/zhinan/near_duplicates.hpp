// Near-duplicate search (查重): the spec's "Similarity" — the Jaccard index of the
// character 3-gram sets of the folded text — found among many texts without comparing
// every pair. MinHash signatures (one-permutation hashing with densification) are cut into
// LSH bands; items sharing a band are candidates, and every candidate is confirmed by its
// exact Jaccard index before it is reported, so nothing below the score is ever reported
// and every reported score is exact. Only recall is probabilistic, and it is designed:
// an item at the threshold becomes a candidate with probability ≥ 0.98, one at 0.8 with
// all but certainty when the threshold is 0.5 (see IndexParams).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zhinan {

// A text's character n-gram set (字符 n 元组集合): sorted, unique 64-bit hashes of the
// shingles of the text as given — callers pass folded text (fold_for_comparison).
// Shingles are taken over code points. For n ≤ 3 the hash is a bijection of the packed
// code points (21 bits each), so two different shingles never share a hash and the Jaccard
// index of two sets is exactly that of the shingle sets; for n > 3, hashes collide with
// probability about 2⁻⁶⁴ per pair. A text shorter than n code points is one shingle of the
// whole text (so two equal short titles still match); "" is the empty set. Ill-formed UTF-8
// counts as U+FFFD per bad byte, as in folding.
class ShingleSet {
 public:
  ShingleSet() = default;
  static ShingleSet of(std::string_view folded_utf8, int n = 3);  // n ≥ 1, else std::invalid_argument
  // A set from hashes made elsewhere (a file, a test): sorted and deduplicated here.
  static ShingleSet from_hashes(std::vector<std::uint64_t> hashes);

  std::size_t size() const { return hashes_.size(); }
  bool empty() const { return hashes_.empty(); }
  const std::vector<std::uint64_t>& hashes() const { return hashes_; }
  friend bool operator==(const ShingleSet&, const ShingleSet&) = default;

 private:
  std::vector<std::uint64_t> hashes_;
};

// The exact Jaccard index |A∩B| / |A∪B|; 0 when both are empty. The span form takes
// sorted, unique hashes (a ShingleSet's, or an index's stored set).
double jaccard(const ShingleSet& a, const ShingleSet& b);
double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);
// The exact Jaccard index when it is ≥ min_score and > 0, else nothing: what the index
// confirms candidates with. Sooner than jaccard() for a pair far below min_score, since
// the merge stops once the rest of the sets can no longer reach it.
std::optional<double> jaccard_at_least(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                                       double min_score);

// A near duplicate found for a query: `id` is the position the item was given when added.
struct NearDuplicate {
  std::size_t id = 0;
  double score = 0;  // the exact Jaccard index
  friend bool operator==(const NearDuplicate&, const NearDuplicate&) = default;
};

// The index's parameters. Leave num_hashes, bands and rows at 0 to have them derived from
// the threshold: with b bands of r rows, an item at similarity s shares at least one band
// with the query with probability P(s) = 1 − (1 − sʳ)ᵇ (the S-curve). For each r, b is the
// fewest bands that give P(threshold) ≥ 0.98 (kTargetRecall); of those (b, r) whose
// signature b·r fits the budget num_hashes (default 640), the largest r is taken, since it
// makes the curve steepest — fewest unrelated items become candidates, and checking
// candidates exactly is what a query spends its time on. The threshold 0.5 gives r = 5,
// b = 124 (620 hash values): P(0.5) = 0.980, P(0.6) = 0.99996, P(0.8) > 1 − 10⁻²¹,
// P(0.3) = 0.26, P(0.1) = 0.0012. (A budget of 256 gives r = 4, b = 61: half the bucket
// memory, but in bench_dedup's corpus, where unrelated texts score 0.12 on average, 944
// candidates a query instead of 396 and 2.4 times the query time.) Given bands only, rows
// are the most with P(threshold) ≥ 0.98; given rows only, bands are the fewest. After
// construction, params() holds the values used, with num_hashes = bands × rows.
struct IndexParams {
  static constexpr double kTargetRecall = 0.98;
  static constexpr int kDefaultHashBudget = 640;

  double threshold = 0.5;  // in [0.01, 1]; the default min_score of query() and pairs()
  int num_hashes = 0;      // 0: derived; else the budget for bands × rows
  int bands = 0;           // 0: derived
  int rows = 0;            // 0: derived
  std::uint64_t seed = 0x7a68696e616e0001;  // "zhinan" 1: signatures depend on it
  friend bool operator==(const IndexParams&, const IndexParams&) = default;
};

// The probability that an item at `similarity` becomes a candidate: 1 − (1 − sʳ)ᵇ.
double candidate_probability(double similarity, int bands, int rows);

// An index of shingle sets for near-duplicate search: built once (add), queried many times,
// saved and loaded. Time and memory are linear in the input. Each item costs its set in a
// compact exact form (its 3-grams written as walks over a table of code points: 1–2 bytes
// a 3-gram; a hash that is no 3-gram, 8), its b-bit MinHash signature (num_hashes bytes)
// and one bucket entry per band (8 bytes): about 3.5 kB for a text of 1000 characters at
// the default parameters (8 kB and more before). A query looks its band keys up in contiguous sorted buckets,
// counts each candidate once, compares signatures first — refusing only a candidate whose
// signature agrees so little that a pair at min_score would show it with probability below
// 10⁻⁹ (see least_agreements in the sources) — and confirms the rest by their exact
// Jaccard index. Const members may run concurrently; add() may not run alongside anything
// else. Ids are 0, 1, 2, … in the order of add().
class NearDuplicateIndex {
 public:
  // Throws std::invalid_argument for a threshold outside [0.01, 1], a negative count, or a
  // budget num_hashes smaller than the given bands × rows.
  explicit NearDuplicateIndex(IndexParams params = {});
  NearDuplicateIndex(const NearDuplicateIndex&) = default;
  NearDuplicateIndex& operator=(const NearDuplicateIndex&) = default;
  NearDuplicateIndex(NearDuplicateIndex&& other) noexcept;  // leaves `other` empty, with its parameters
  NearDuplicateIndex& operator=(NearDuplicateIndex&& other) noexcept;
  ~NearDuplicateIndex() = default;

  // Returns its id. An empty set never matches. Past 2³² − 1 bucket entries (34 million
  // items at 124 bands) throws std::length_error.
  std::size_t add(ShingleSet shingles);
  // Adds every set in order (ids first, first + 1, …), working on up to `threads` threads
  // (0: every core); the index is the same as after add() of each. Returns the first id.
  std::size_t add_all(std::vector<ShingleSet> sets, unsigned threads = 0);
  // Makes room for `items` sets holding `total_hashes` hashes in all (optional).
  void reserve(std::size_t items, std::size_t total_hashes);
  std::size_t size() const { return sizes_.size(); }
  std::vector<std::uint64_t> hashes(std::size_t id) const;  // item `id`'s set, decoded

  // Items whose exact Jaccard index with `query` is ≥ min_score (default: the threshold)
  // and > 0, best first (ties by id). Candidates come from the LSH bands, so recall is as
  // designed for min_score ≥ threshold and falls along the S-curve below it. A NaN
  // min_score throws std::invalid_argument.
  std::vector<NearDuplicate> query(const ShingleSet& query, std::optional<double> min_score = {}) const;
  // query() of each, on up to `threads` threads (0: every core), results in input order.
  std::vector<std::vector<NearDuplicate>> query_all(std::span<const ShingleSet> queries,
                                                    std::optional<double> min_score = {}, unsigned threads = 0) const;

  // Every pair inside the index at ≥ min_score (and > 0), first < second, sorted by
  // (first, second), each confirmed exactly.
  struct Pair {
    std::size_t first = 0, second = 0;
    double score = 0;
    friend bool operator==(const Pair&, const Pair&) = default;
  };
  std::vector<Pair> pairs(std::optional<double> min_score = {}) const;
  // What pairs() of an index holding `sets` (ids their places) gives, found without one:
  // the sets are read where they are, and no compact copy is made. For a batch compared
  // once among itself, whose sets the caller holds anyway. Throws as the constructor does
  // for bad params and as pairs() for a NaN min_score.
  static std::vector<Pair> pairs_among(std::span<const ShingleSet> sets, IndexParams params = {},
                                       std::optional<double> min_score = {}, unsigned threads = 0);

  const IndexParams& params() const { return params_; }  // with the derived bands and rows

  // The file (compact format 1, magic 89 'Z' 'N' 'C') holds the parameters, the table of
  // code points and every item's set in the compact form, deflated in blocks, with a
  // checksum last; signatures and buckets are rebuilt on load (in parallel), so a file
  // cannot hold buckets that disagree with its sets. save writes a temporary file beside
  // `path` and renames it over `path`. load also reads the earlier format (magic 89 'Z' 'N'
  // 'D', version 1: every hash in 64 bits). load refuses an empty, foreign, truncated,
  // oversized or corrupt file, or one from a newer format; it allocates no more than the
  // file's size before the checksum holds. On failure both return false / nullopt and set
  // *error (when given) to the reason in Chinese, '\n', then English.
  bool save(const std::filesystem::path& path, std::string* error) const;
  static std::optional<NearDuplicateIndex> load(const std::filesystem::path& path, std::string* error);
  // The same bytes as a file, in memory (for a file that holds an index among other things).
  std::string to_bytes() const;
  static std::optional<NearDuplicateIndex> from_bytes(std::string_view bytes, std::string* error);

 private:
  struct Lookup;  // the buckets, built on the first query after a change
  class LookupCache {
   public:
    LookupCache() = default;
    LookupCache(const LookupCache& other) : built_(other.get()) {}
    LookupCache& operator=(const LookupCache& other) {
      if (this != &other) set(other.get());
      return *this;
    }
    std::shared_ptr<const Lookup> get() const {
      const std::lock_guard lock(mutex_);
      return built_;
    }
    void set(std::shared_ptr<const Lookup> built) {
      const std::lock_guard lock(mutex_);
      built_ = std::move(built);
    }
    std::mutex& mutex() const { return mutex_; }
    std::shared_ptr<const Lookup>& built() { return built_; }  // with mutex() held

   private:
    mutable std::mutex mutex_;
    std::shared_ptr<const Lookup> built_;
  };

  std::shared_ptr<const Lookup> lookup() const;  // current for size()
  void clear_moved() noexcept;
  // Appends one item from its signature, size and encoded set (nothing throws after the first change).
  void append(const std::uint8_t* signature, std::size_t set_size, const std::vector<std::uint8_t>& code);
  const std::uint8_t* signature_of(std::size_t id) const {
    return signatures_.data() + id * static_cast<std::size_t>(params_.num_hashes);
  }
  bool decode(std::size_t id, std::vector<std::uint64_t>& out) const;
  // pairs(), each item's set given by set_of(id, scratch) (a span, valid until the next call).
  template <class SetOf>
  std::vector<Pair> pairs_by(double min_score, unsigned threads, SetOf set_of) const;
  // Fills `found` with the candidates of a signature that pass the size and signature tests
  // against a set of `set_size` (ids below `below` only), each once.
  void candidates(const Lookup& lookup, const std::uint8_t* signature, std::size_t set_size, double min_score,
                  std::size_t below, std::vector<std::uint32_t>& found) const;
  static std::optional<NearDuplicateIndex> from_format1(std::string_view bytes, std::string* error);

  IndexParams params_;
  std::vector<std::uint8_t> signatures_;  // num_hashes bytes an item
  std::vector<std::uint32_t> sizes_;      // each item's set size
  std::vector<std::uint8_t> codes_;       // each item's set, encoded, one after another
  std::vector<std::uint64_t> code_offsets_{0};  // item i: codes_[code_offsets_[i], code_offsets_[i + 1])
  std::vector<std::uint32_t> units_;      // the table of code points the codes number
  std::vector<std::uint64_t> unit_slots_;  // its hash table
  mutable LookupCache lookup_;  // mutable: filled by const queries, under its mutex
};

}  // namespace zhinan

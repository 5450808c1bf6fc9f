// The near-duplicate index: parameters from the threshold, the LSH buckets, queries and
// pairs, each candidate confirmed by its exact Jaccard index.
#include "zhinan/near_duplicates.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "dedup/near_duplicates_hash.hpp"

namespace zhinan {
namespace {

constexpr int kMaxBands = 4096;
constexpr int kMaxRows = 1024;
constexpr long kMaxHashes = 1 << 16;

// Capacity for `needed` elements, growing geometrically (reserve alone would grow exactly).
template <class T>
void make_room(std::vector<T>& v, std::size_t needed) {
  if (needed > v.capacity()) v.reserve(std::max(needed, 2 * v.capacity()));
}

[[noreturn]] void invalid(const std::string& what) { throw std::invalid_argument("NearDuplicateIndex: " + what); }

// The fewest bands with P(threshold) ≥ kTargetRecall for `rows`, or more than kMaxBands.
long bands_for(double threshold, int rows) {
  const double at = std::pow(threshold, rows);
  if (at >= 1) return 1;
  if (at <= 0) return kMaxBands + 1;
  const double exact = std::log1p(-IndexParams::kTargetRecall) / std::log1p(-at);
  if (!(exact < kMaxBands)) return kMaxBands + 1;
  auto b = std::max(1L, static_cast<long>(std::ceil(exact)));
  while (b <= kMaxBands && candidate_probability(threshold, static_cast<int>(b), rows) < IndexParams::kTargetRecall) ++b;
  return b;
}

IndexParams derived(IndexParams p) {
  if (!(p.threshold >= 0.01 && p.threshold <= 1)) invalid("threshold must be in [0.01, 1]");
  if (p.num_hashes < 0 || p.bands < 0 || p.rows < 0) invalid("num_hashes, bands and rows must not be negative");
  if (p.bands > kMaxBands || p.rows > kMaxRows) invalid("at most 4096 bands of at most 1024 rows");
  const double t = p.threshold;
  long bands = p.bands, rows = p.rows;
  if (bands > 0 && rows == 0) {  // the most rows that keep recall at the threshold
    rows = 1;
    for (long r = std::min<long>(kMaxRows, kMaxHashes / bands); r > 1; --r)
      if (candidate_probability(t, p.bands, static_cast<int>(r)) >= IndexParams::kTargetRecall) {
        rows = r;
        break;
      }
  } else if (rows > 0 && bands == 0) {  // the fewest bands that do
    bands = bands_for(t, p.rows);
    if (bands > kMaxBands) invalid("too many bands needed for " + std::to_string(rows) + " rows at this threshold");
  } else if (bands == 0 && rows == 0) {  // the steepest curve within the budget
    const long budget = p.num_hashes > 0 ? p.num_hashes : IndexParams::kDefaultHashBudget;
    for (int r = 1; r <= kMaxRows && r <= budget; ++r) {
      const long b = bands_for(t, r);
      if (b <= kMaxBands && b * r <= budget) bands = b, rows = r;
    }
    // Only a budget given smaller than the default can fall short (0.01 needs 390 × 1).
    if (rows == 0) invalid("num_hashes " + std::to_string(p.num_hashes) + " is too few for this threshold");
  }
  if (bands * rows > kMaxHashes) invalid("bands × rows must not exceed 65536");
  if (p.num_hashes > 0 && bands * rows > p.num_hashes) invalid("bands × rows exceeds num_hashes");
  p.bands = static_cast<int>(bands);
  p.rows = static_cast<int>(rows);
  p.num_hashes = p.bands * p.rows;
  return p;
}

double checked_min_score(std::optional<double> min_score, double threshold) {
  const double min = min_score.value_or(threshold);
  if (std::isnan(min)) throw std::invalid_argument("NearDuplicateIndex: min_score is NaN");
  return min;
}

}  // namespace

double candidate_probability(double similarity, int bands, int rows) {
  // 1 − (1 − sʳ)ᵇ, computed as −expm1(b · log1p(−sʳ)) to keep its precision near 0 and 1.
  return -std::expm1(bands * std::log1p(-std::pow(similarity, rows)));
}

NearDuplicateIndex::NearDuplicateIndex(IndexParams params) : params_(derived(params)) {}

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateIndex&& other) noexcept
    : params_(other.params_),
      hashes_(std::move(other.hashes_)),
      offsets_(std::move(other.offsets_)),
      buckets_(std::move(other.buckets_)) {
  other.hashes_.clear();
  other.offsets_.clear();
  other.buckets_ = Buckets{};
}

NearDuplicateIndex& NearDuplicateIndex::operator=(NearDuplicateIndex&& other) noexcept {
  if (this != &other) {
    params_ = other.params_;
    hashes_ = std::move(other.hashes_);
    offsets_ = std::move(other.offsets_);
    buckets_ = std::move(other.buckets_);
    // Empty, allocating nothing: offsets_ may be empty (size() says 0, and add() copes).
    other.hashes_.clear();
    other.offsets_.clear();
    other.buckets_ = Buckets{};
  }
  return *this;
}

void NearDuplicateIndex::reserve(std::size_t items, std::size_t total_hashes) {
  hashes_.reserve(total_hashes);
  offsets_.reserve(items + 1);
  buckets_.next.reserve(items * static_cast<std::size_t>(params_.bands));
}

std::size_t NearDuplicateIndex::add(ShingleSet shingles) {
  const std::size_t id = size();
  const auto bands = static_cast<std::size_t>(params_.bands);
  // Entries are numbered in 32 bits: up to about 34 million items at 124 bands.
  if ((id + 1) * bands >= Buckets::kNone) throw std::length_error("NearDuplicateIndex: too many items");
  // All that can throw comes first, so that a failed add() leaves the index as it was.
  const std::vector<std::uint64_t>& set = shingles.hashes();
  std::vector<std::uint64_t> keys, scratch;
  detail::band_keys(set, params_.bands, params_.rows, params_.seed, keys, scratch);
  make_room(hashes_, hashes_.size() + set.size());
  make_room(offsets_, id + 2);
  make_room(buckets_.next, (id + 1) * bands);
  buckets_.make_room(keys.size());
  if (offsets_.empty()) offsets_.push_back(0);  // moved from, then reused
  hashes_.insert(hashes_.end(), set.begin(), set.end());
  offsets_.push_back(hashes_.size());
  buckets_.next.resize((id + 1) * bands, Buckets::kNone);
  for (std::size_t j = 0; j < keys.size(); ++j) buckets_.insert(keys[j], static_cast<std::uint32_t>(id * bands + j));
  return id;
}

void NearDuplicateIndex::link(std::size_t id, std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch) {
  const auto bands = static_cast<std::size_t>(params_.bands);
  buckets_.next.resize((id + 1) * bands, Buckets::kNone);
  detail::band_keys(hashes(id), params_.bands, params_.rows, params_.seed, keys, scratch);
  for (std::size_t j = 0; j < keys.size(); ++j) buckets_.insert(keys[j], static_cast<std::uint32_t>(id * bands + j));
}

std::span<const std::uint64_t> NearDuplicateIndex::hashes(std::size_t id) const {
  if (id >= size()) throw std::out_of_range("NearDuplicateIndex: no item " + std::to_string(id));
  return std::span<const std::uint64_t>(hashes_).subspan(offsets_[id], offsets_[id + 1] - offsets_[id]);
}

std::vector<std::uint32_t> NearDuplicateIndex::candidates(std::span<const std::uint64_t> band_keys) const {
  const auto bands = static_cast<std::uint32_t>(params_.bands);
  std::vector<std::uint32_t> ids;
  for (const std::uint64_t key : band_keys)
    for (std::uint32_t e = buckets_.find(key); e != Buckets::kNone; e = buckets_.next[e]) ids.push_back(e / bands);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());  // an item sharing several bands counts once
  return ids;
}

std::vector<NearDuplicate> NearDuplicateIndex::query(const ShingleSet& query, std::optional<double> min_score) const {
  const double min = checked_min_score(min_score, params_.threshold);
  std::vector<NearDuplicate> found;
  if (query.empty() || size() == 0) return found;
  std::vector<std::uint64_t> keys, scratch;
  detail::band_keys(query.hashes(), params_.bands, params_.rows, params_.seed, keys, scratch);
  const std::vector<std::uint32_t> ids = candidates(keys);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (k + 1 < ids.size()) detail::prefetch(hashes(ids[k + 1]));  // while this one is checked
    const double score = detail::jaccard_at_least(query.hashes(), hashes(ids[k]), min);
    if (score >= 0) found.push_back({ids[k], score});
  }
  std::sort(found.begin(), found.end(), [](const NearDuplicate& a, const NearDuplicate& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  return found;
}

std::vector<NearDuplicateIndex::Pair> NearDuplicateIndex::pairs(std::optional<double> min_score) const {
  const double min = checked_min_score(min_score, params_.threshold);
  const auto bands = static_cast<std::size_t>(params_.bands);
  std::vector<Pair> found;
  std::vector<std::uint32_t> earlier;
  for (std::size_t j = 0; j < size(); ++j) {
    // Item j's own entries lead, through the chains, to every older item sharing a band.
    earlier.clear();
    for (std::size_t band = 0; band < bands; ++band)
      for (std::uint32_t e = buckets_.next[j * bands + band]; e != Buckets::kNone; e = buckets_.next[e])
        earlier.push_back(static_cast<std::uint32_t>(e / bands));
    std::sort(earlier.begin(), earlier.end());
    earlier.erase(std::unique(earlier.begin(), earlier.end()), earlier.end());
    for (std::size_t k = 0; k < earlier.size(); ++k) {
      if (k + 1 < earlier.size()) detail::prefetch(hashes(earlier[k + 1]));
      const double score = detail::jaccard_at_least(hashes(earlier[k]), hashes(j), min);
      if (score >= 0) found.push_back({earlier[k], j, score});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Pair& a, const Pair& b) { return a.first != b.first ? a.first < b.first : a.second < b.second; });
  return found;
}

// --- the buckets: linear probing over well-mixed keys, at most 3/4 full

std::uint32_t NearDuplicateIndex::Buckets::find(std::uint64_t key) const {
  if (heads.empty()) return kNone;
  const std::size_t mask = heads.size() - 1;
  for (std::size_t pos = key & mask; heads[pos] != kNone; pos = (pos + 1) & mask)
    if (keys[pos] == key) return heads[pos];
  return kNone;
}

void NearDuplicateIndex::Buckets::make_room(std::size_t more) {
  while (4 * (used + more) > 3 * heads.size()) grow();
}

void NearDuplicateIndex::Buckets::insert(std::uint64_t key, std::uint32_t entry) {
  make_room(1);
  const std::size_t mask = heads.size() - 1;
  std::size_t pos = key & mask;
  for (; heads[pos] != kNone; pos = (pos + 1) & mask)
    if (keys[pos] == key) break;
  if (heads[pos] == kNone) {
    keys[pos] = key;
    ++used;
  }
  next[entry] = heads[pos];
  heads[pos] = entry;
}

void NearDuplicateIndex::Buckets::grow() {
  const std::size_t capacity = std::max<std::size_t>(1024, 2 * heads.size());
  std::vector<std::uint64_t> new_keys(capacity);
  std::vector<std::uint32_t> new_heads(capacity, kNone);
  const std::size_t mask = capacity - 1;
  for (std::size_t old = 0; old < heads.size(); ++old) {
    if (heads[old] == kNone) continue;
    std::size_t pos = keys[old] & mask;
    while (new_heads[pos] != kNone) pos = (pos + 1) & mask;
    new_keys[pos] = keys[old];
    new_heads[pos] = heads[old];
  }
  keys.swap(new_keys);
  heads.swap(new_heads);
}

}  // namespace zhinan

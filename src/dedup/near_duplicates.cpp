// The near-duplicate index: parameters from the threshold, the LSH buckets, queries and
// pairs, each candidate confirmed by its exact Jaccard index.
#include "zhinan/near_duplicates.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "base/parallel_for.hpp"
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
      signatures_(std::move(other.signatures_)),
      sizes_(std::move(other.sizes_)),
      codes_(std::move(other.codes_)),
      code_offsets_(std::move(other.code_offsets_)),
      units_(std::move(other.units_)),
      unit_slots_(std::move(other.unit_slots_)),
      lookup_(other.lookup_) {
  other.clear_moved();
}

NearDuplicateIndex& NearDuplicateIndex::operator=(NearDuplicateIndex&& other) noexcept {
  if (this != &other) {
    params_ = other.params_;
    signatures_ = std::move(other.signatures_);
    sizes_ = std::move(other.sizes_);
    codes_ = std::move(other.codes_);
    code_offsets_ = std::move(other.code_offsets_);
    units_ = std::move(other.units_);
    unit_slots_ = std::move(other.unit_slots_);
    lookup_.set(other.lookup_.get());
    other.clear_moved();
  }
  return *this;
}

// Empty, allocating nothing: code_offsets_ may be empty (size() says 0, and append() copes).
void NearDuplicateIndex::clear_moved() noexcept {
  signatures_.clear();
  sizes_.clear();
  codes_.clear();
  code_offsets_.clear();
  units_.clear();
  unit_slots_.clear();
  lookup_.set(nullptr);
}

void NearDuplicateIndex::reserve(std::size_t items, std::size_t total_hashes) {
  signatures_.reserve(items * static_cast<std::size_t>(params_.num_hashes));
  sizes_.reserve(items);
  code_offsets_.reserve(items + 1);
  codes_.reserve(total_hashes + total_hashes / 2);  // about 1.5 bytes a 3-gram
}

namespace {

// What add() computes of a set before anything changes: the part that needs no table.
struct Prepared {
  std::vector<std::uint8_t> signature;
  detail::Walks walks;
  std::size_t size = 0;
};

void prepare(const ShingleSet& set, const IndexParams& p, Prepared& out, std::vector<std::uint64_t>& scratch) {
  out.signature.resize(static_cast<std::size_t>(p.num_hashes));
  detail::signature(set.hashes(), out.signature.size(), p.seed, out.signature.data(), scratch);
  detail::walks_of(set.hashes(), out.walks);
  out.size = set.size();
}

}  // namespace

void NearDuplicateIndex::append(const std::uint8_t* signature, std::size_t set_size, const std::vector<std::uint8_t>& code) {
  const std::size_t id = size();
  const auto k = static_cast<std::size_t>(params_.num_hashes);
  // Entries are numbered in 32 bits: up to about 34 million items at 124 bands.
  if ((id + 1) * static_cast<std::size_t>(params_.bands) >= 0xFFFFFFFFu || set_size > 0xFFFFFFFFu)
    throw std::length_error("NearDuplicateIndex: too many items");
  // All that can throw comes first, so that a failed add() leaves the index as it was.
  make_room(signatures_, signatures_.size() + k);
  make_room(sizes_, id + 1);
  make_room(codes_, codes_.size() + code.size());
  make_room(code_offsets_, id + 2);
  if (code_offsets_.empty()) code_offsets_.push_back(0);  // moved from, then reused
  signatures_.insert(signatures_.end(), signature, signature + k);
  sizes_.push_back(static_cast<std::uint32_t>(set_size));
  codes_.insert(codes_.end(), code.begin(), code.end());
  code_offsets_.push_back(codes_.size());
}

std::size_t NearDuplicateIndex::add(ShingleSet shingles) {
  Prepared prepared;
  std::vector<std::uint64_t> scratch;
  prepare(shingles, params_, prepared, scratch);
  std::vector<std::uint8_t> code;
  detail::UnitTable table(units_, unit_slots_);
  detail::append_encoded(prepared.walks, table, code);  // new units only add to the table
  const std::size_t id = size();
  append(prepared.signature.data(), prepared.size, code);
  return id;
}

std::size_t NearDuplicateIndex::add_all(std::vector<ShingleSet> sets, unsigned threads) {
  const std::size_t first = size();
  constexpr std::size_t kBlock = 4096;  // prepared sets held at once
  std::vector<Prepared> prepared(std::min(kBlock, sets.size()));
  std::vector<std::uint8_t> code;
  detail::UnitTable table(units_, unit_slots_);
  for (std::size_t from = 0; from < sets.size(); from += kBlock) {
    const std::size_t count = std::min(kBlock, sets.size() - from);
    detail::parallel_for(count, threads, [&](std::size_t i) {
      thread_local std::vector<std::uint64_t> scratch;
      prepare(sets[from + i], params_, prepared[i], scratch);
      sets[from + i] = ShingleSet();  // its memory back as soon as it is prepared
    });
    // Units are numbered in order of first use, as add() one by one numbers them.
    for (std::size_t i = 0; i < count; ++i) {
      code.clear();
      detail::append_encoded(prepared[i].walks, table, code);
      append(prepared[i].signature.data(), prepared[i].size, code);
    }
  }
  return first;
}

bool NearDuplicateIndex::decode(std::size_t id, std::vector<std::uint64_t>& out) const {
  const std::uint8_t* base = codes_.data();
  return detail::decode_set(base + code_offsets_[id], base + code_offsets_[id + 1], units_, out);
}

std::vector<std::uint64_t> NearDuplicateIndex::hashes(std::size_t id) const {
  if (id >= size()) throw std::out_of_range("NearDuplicateIndex: no item " + std::to_string(id));
  std::vector<std::uint64_t> out;
  if (!decode(id, out)) throw std::logic_error("NearDuplicateIndex: a stored set does not decode");
  return out;
}

// --- the buckets: per band, every item's (key, id) sorted, with a directory on the key's
// top bits, so that a look-up is one directory read and a scan of a few entries.

struct NearDuplicateIndex::Lookup {
  std::size_t items = 0;
  unsigned bits = 0;                     // the directory's: a key's top `bits` bits
  std::vector<std::uint32_t> directory;  // per band, 2^bits + 1 offsets into the entries
  std::vector<std::uint32_t> keys, ids;  // the entries, band after band, by (key, id)
};

std::shared_ptr<const NearDuplicateIndex::Lookup> NearDuplicateIndex::lookup() const {
  const std::lock_guard lock(lookup_.mutex());
  // (get/set lock the same mutex: the cache's fields are read directly here, under it.)
  std::shared_ptr<const Lookup>& built = lookup_.built();
  if (built && built->items == size()) return built;
  auto fresh = std::make_shared<Lookup>();
  const std::size_t n = size(), bands = static_cast<std::size_t>(params_.bands), rows = static_cast<std::size_t>(params_.rows);
  fresh->items = n;
  fresh->bits = n < 64 ? 0 : std::min(22u, static_cast<unsigned>(std::bit_width(n)) - 2);
  const std::size_t width = (std::size_t{1} << fresh->bits) + 1;
  std::size_t live = 0;  // items with a non-empty set: the others never match
  for (const std::uint32_t s : sizes_) live += s > 0 ? 1 : 0;
  fresh->directory.assign(bands * width, 0);
  fresh->keys.resize(bands * live);
  fresh->ids.resize(bands * live);
  const unsigned shift = 32 - fresh->bits;
  // Every live item's band keys first, in one pass over the signatures (band-major, so
  // that each band's sort below reads its keys in a row), then each band on its own.
  std::vector<std::uint32_t> live_ids;
  live_ids.reserve(live);
  for (std::size_t id = 0; id < n; ++id)
    if (sizes_[id] > 0) live_ids.push_back(static_cast<std::uint32_t>(id));
  std::vector<std::uint32_t> all_keys(bands * live);
  std::vector<std::uint64_t> starts(bands);
  for (std::size_t band = 0; band < bands; ++band) starts[band] = detail::band_start(params_.seed, band);
  constexpr std::size_t kStride = 4096;
  detail::parallel_for((live + kStride - 1) / kStride, 0, [&](std::size_t part) {
    for (std::size_t i = part * kStride; i < std::min(live, (part + 1) * kStride); ++i) {
      const std::uint8_t* signature = signature_of(live_ids[i]);
      for (std::size_t band = 0; band < bands; ++band)
        all_keys[band * live + i] = detail::band_key(signature, band, rows, starts[band]);
    }
  });
  detail::parallel_for(bands, 0, [&](std::size_t band) {
    const std::uint32_t* keys = all_keys.data() + band * live;
    std::uint32_t* dir = fresh->directory.data() + band * width;
    std::vector<std::uint32_t> counts(width, 0);
    for (std::size_t i = 0; i < live; ++i) ++counts[fresh->bits ? keys[i] >> shift : 0];
    std::size_t at = 0;
    for (std::size_t d = 0; d + 1 < width; ++d) {
      const std::size_t c = counts[d];
      counts[d] = static_cast<std::uint32_t>(at);
      dir[d] = static_cast<std::uint32_t>(band * live + at);
      at += c;
    }
    dir[width - 1] = static_cast<std::uint32_t>(band * live + at);
    std::vector<std::uint64_t> sorted(live);  // key << 32 | id
    for (std::size_t i = 0; i < live; ++i)
      sorted[counts[fresh->bits ? keys[i] >> shift : 0]++] = std::uint64_t{keys[i]} << 32 | live_ids[i];
    for (std::size_t d = 0; d + 1 < width; ++d)  // each directory cell's few entries by (key, id)
      std::sort(sorted.begin() + (dir[d] - band * live), sorted.begin() + (dir[d + 1] - band * live));
    for (std::size_t i = 0; i < live; ++i) {
      fresh->keys[band * live + i] = static_cast<std::uint32_t>(sorted[i] >> 32);
      fresh->ids[band * live + i] = static_cast<std::uint32_t>(sorted[i]);
    }
  });
  built = std::move(fresh);
  return built;
}

namespace {

// Per thread: the epoch stamps that count each candidate once (no sort, no unique), and
// the buffers a query reuses.
struct QueryScratch {
  std::vector<std::uint32_t> stamps;
  std::uint32_t epoch = 0;
  std::vector<std::uint8_t> signature;
  std::vector<std::uint64_t> minhash, mine, theirs;
  std::vector<std::uint32_t> found;
  std::uint32_t next_epoch(std::size_t items) {
    if (stamps.size() < items) stamps.resize(items, 0);
    if (++epoch == 0) {  // after 2³² queries: start the stamps over
      std::fill(stamps.begin(), stamps.end(), 0);
      epoch = 1;
    }
    return epoch;
  }
};

QueryScratch& scratch_here() {
  thread_local QueryScratch scratch;
  return scratch;
}

}  // namespace

void NearDuplicateIndex::candidates(const Lookup& lookup, const std::uint8_t* signature, std::size_t set_size,
                                    double min_score, std::size_t below, std::vector<std::uint32_t>& found) const {
  QueryScratch& scratch = scratch_here();
  const std::uint32_t epoch = scratch.next_epoch(size());
  std::uint32_t* stamps = scratch.stamps.data();
  const std::size_t bands = static_cast<std::size_t>(params_.bands), rows = static_cast<std::size_t>(params_.rows);
  const std::size_t k = static_cast<std::size_t>(params_.num_hashes);
  const std::size_t width = (std::size_t{1} << lookup.bits) + 1;
  const unsigned shift = 32 - lookup.bits;
  // The bound grows with the larger set's size, so the bound at this set's size alone is
  // at most every candidate's: below it, a candidate is refused without working its own out.
  const std::size_t least_here = detail::least_agreements(min_score, set_size, 0, k);
  found.clear();
  for (std::size_t band = 0; band < bands; ++band) {
    const std::uint32_t key = detail::band_key(signature, band, rows, detail::band_start(params_.seed, band));
    const std::uint32_t* dir = lookup.directory.data() + band * width;
    const std::size_t d = lookup.bits ? key >> shift : 0;
    for (std::uint32_t e = dir[d]; e < dir[d + 1] && lookup.keys[e] <= key; ++e) {
      if (lookup.keys[e] != key) continue;
      const std::uint32_t id = lookup.ids[e];
      if (id >= below || stamps[id] == epoch) continue;
      stamps[id] = epoch;
      // The sizes alone can rule a pair out (as the exact check's first test does); then
      // the signatures, far below the score only.
      const std::size_t other = sizes_[id];
      if (detail::jaccard_of(std::min(set_size, other), set_size, other) < min_score) continue;
      const std::size_t agree = detail::agreements(signature, signature_of(id), k);
      if (agree < least_here || agree < detail::least_agreements(min_score, set_size, other, k)) continue;
      found.push_back(id);
    }
  }
}

std::vector<NearDuplicate> NearDuplicateIndex::query(const ShingleSet& query, std::optional<double> min_score) const {
  const double min = checked_min_score(min_score, params_.threshold);
  std::vector<NearDuplicate> found;
  if (query.empty() || size() == 0) return found;
  const std::shared_ptr<const Lookup> buckets = lookup();
  QueryScratch& scratch = scratch_here();
  scratch.signature.resize(static_cast<std::size_t>(params_.num_hashes));
  detail::signature(query.hashes(), scratch.signature.size(), params_.seed, scratch.signature.data(), scratch.minhash);
  std::vector<std::uint32_t> ids;
  candidates(*buckets, scratch.signature.data(), query.size(), min, size(), ids);
  for (const std::uint32_t id : ids) {
    if (!decode(id, scratch.theirs)) throw std::logic_error("NearDuplicateIndex: a stored set does not decode");
    const double score = detail::jaccard_at_least(query.hashes(), scratch.theirs, min);
    if (score >= 0) found.push_back({id, score});
  }
  std::sort(found.begin(), found.end(), [](const NearDuplicate& a, const NearDuplicate& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  return found;
}

std::vector<std::vector<NearDuplicate>> NearDuplicateIndex::query_all(std::span<const ShingleSet> queries,
                                                                      std::optional<double> min_score,
                                                                      unsigned threads) const {
  checked_min_score(min_score, params_.threshold);  // throws here, not on a worker
  lookup();                                         // built once, before the workers start
  std::vector<std::vector<NearDuplicate>> out(queries.size());
  detail::parallel_for(queries.size(), threads, [&](std::size_t i) { out[i] = query(queries[i], min_score); });
  return out;
}

template <class SetOf>
std::vector<NearDuplicateIndex::Pair> NearDuplicateIndex::pairs_by(double min, unsigned threads, SetOf set_of) const {
  const std::shared_ptr<const Lookup> buckets = lookup();
  // Item j against every older item sharing a band; items in blocks over the cores.
  constexpr std::size_t kBlock = 256;
  const std::size_t blocks = (size() + kBlock - 1) / kBlock;
  std::vector<std::vector<Pair>> found(blocks);
  detail::parallel_for(blocks, threads, [&](std::size_t block) {
    QueryScratch& scratch = scratch_here();
    std::vector<std::uint32_t> earlier;
    for (std::size_t j = block * kBlock; j < std::min(size(), (block + 1) * kBlock); ++j) {
      if (sizes_[j] == 0) continue;
      candidates(*buckets, signature_of(j), sizes_[j], min, j, earlier);
      if (earlier.empty()) continue;
      const std::span<const std::uint64_t> mine = set_of(j, scratch.mine);
      for (const std::uint32_t i : earlier) {
        const double score = detail::jaccard_at_least(set_of(i, scratch.theirs), mine, min);
        if (score >= 0) found[block].push_back({i, j, score});
      }
    }
  });
  std::vector<Pair> out;
  for (auto& part : found) out.insert(out.end(), part.begin(), part.end());
  std::sort(out.begin(), out.end(),
            [](const Pair& a, const Pair& b) { return a.first != b.first ? a.first < b.first : a.second < b.second; });
  return out;
}

std::vector<NearDuplicateIndex::Pair> NearDuplicateIndex::pairs(std::optional<double> min_score) const {
  const double min = checked_min_score(min_score, params_.threshold);
  return pairs_by(min, 0, [this](std::size_t id, std::vector<std::uint64_t>& scratch) {
    if (!decode(id, scratch)) throw std::logic_error("NearDuplicateIndex: a stored set does not decode");
    return std::span<const std::uint64_t>(scratch);
  });
}

std::vector<NearDuplicateIndex::Pair> NearDuplicateIndex::pairs_among(std::span<const ShingleSet> sets,
                                                                      IndexParams params,
                                                                      std::optional<double> min_score,
                                                                      unsigned threads) {
  // An index of signatures and sizes only: its codes stay empty, so nothing but this
  // function may read its sets.
  NearDuplicateIndex index(params);
  const double min = checked_min_score(min_score, index.params_.threshold);
  const auto k = static_cast<std::size_t>(index.params_.num_hashes);
  if (sets.size() * static_cast<std::size_t>(index.params_.bands) >= 0xFFFFFFFFu)
    throw std::length_error("NearDuplicateIndex: too many items");
  index.signatures_.resize(sets.size() * k);
  index.sizes_.resize(sets.size());
  index.code_offsets_.assign(sets.size() + 1, 0);
  detail::parallel_for(sets.size(), threads, [&](std::size_t i) {
    if (sets[i].size() > 0xFFFFFFFFu) throw std::length_error("NearDuplicateIndex: a set too large");
    thread_local std::vector<std::uint64_t> scratch;
    detail::signature(sets[i].hashes(), k, index.params_.seed, index.signatures_.data() + i * k, scratch);
    index.sizes_[i] = static_cast<std::uint32_t>(sets[i].size());
  });
  return index.pairs_by(min, threads, [&](std::size_t id, std::vector<std::uint64_t>&) {
    return std::span<const std::uint64_t>(sets[id].hashes());
  });
}

}  // namespace zhinan

// The compact store of shingle sets: unit triples written as walks, units numbered in a
// table. Decoding gives back every hash exactly, so every exact check is as before.
#include <algorithm>
#include <bit>

#include "dedup/near_duplicates_hash.hpp"

namespace zhinan::detail {
namespace {

constexpr std::uint64_t kUnitMask = (std::uint64_t{1} << 21) - 1;
constexpr std::uint64_t kPairMask = (std::uint64_t{1} << 42) - 1;

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<std::uint8_t>(v | 0x80));
  out.push_back(static_cast<std::uint8_t>(v));
}

}  // namespace

std::uint32_t UnitTable::id_of(std::uint32_t unit) {
  if (2 * (units_.size() + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t pos = mix64(unit) & mask;; pos = (pos + 1) & mask) {
    const std::uint64_t slot = slots_[pos];
    if (slot == 0) {
      const auto id = static_cast<std::uint32_t>(units_.size());
      slots_[pos] = (std::uint64_t{unit} + 1) << 32 | id;
      units_.push_back(unit);
      return id;
    }
    if ((slot >> 32) == std::uint64_t{unit} + 1) return static_cast<std::uint32_t>(slot);
  }
}

void UnitTable::grow() {
  std::vector<std::uint64_t> slots(std::max<std::size_t>(256, 2 * slots_.size()), 0);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t id = 0; id < units_.size(); ++id) {
    std::size_t pos = mix64(units_[id]) & mask;
    while (slots[pos] != 0) pos = (pos + 1) & mask;
    slots[pos] = (std::uint64_t{units_[id]} + 1) << 32 | id;
  }
  slots_.swap(slots);
}

void UnitTable::assign(std::span<const std::uint32_t> units) {
  units_.clear();
  slots_.clear();
  for (const std::uint32_t u : units) id_of(u);
}

void sort_hashes(std::vector<std::uint64_t>& hashes) {
  const std::size_t n = hashes.size();
  if (n < 64) {
    std::sort(hashes.begin(), hashes.end());
    return;
  }
  const unsigned bits = static_cast<unsigned>(std::bit_width(n));  // 2^bits > n buckets
  const unsigned shift = 64 - bits;
  thread_local std::vector<std::uint32_t> starts;
  thread_local std::vector<std::uint64_t> sorted;
  starts.assign((std::size_t{1} << bits) + 1, 0);
  for (const std::uint64_t h : hashes) ++starts[(h >> shift) + 1];
  for (std::size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
  sorted.resize(n);
  for (const std::uint64_t h : hashes) sorted[starts[h >> shift]++] = h;  // starts[b] now ends bucket b
  // Bucket b is now [starts[b − 1], starts[b]): a few hashes each, unless the input was not
  // mixed (then std::sort, so that no input is quadratic).
  for (std::size_t b = 0, begin = 0; b + 1 < starts.size(); begin = starts[b++]) {
    const std::size_t end = starts[b];
    if (end - begin > 32) {
      std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(begin), sorted.begin() + static_cast<std::ptrdiff_t>(end));
      continue;
    }
    for (std::size_t i = begin + 1; i < end; ++i) {
      const std::uint64_t h = sorted[i];
      std::size_t j = i;
      for (; j > begin && sorted[j - 1] > h; --j) sorted[j] = sorted[j - 1];
      sorted[j] = h;
    }
  }
  hashes.swap(sorted);
}

namespace {

// A small open-addressing map from a unit pair (42 bits) to a chain of triples; the chains
// run in the order the triples were given, so the walks do not depend on anything else.
class PairChains {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  explicit PairChains(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    keys_.assign(capacity, kFree);
    heads_.assign(capacity, kNone);
    tails_.assign(capacity, kNone);
    next_.assign(count, kNone);
  }
  void append(std::uint64_t pair, std::uint32_t item) {
    const std::size_t slot = find(pair);
    keys_[slot] = pair;
    if (heads_[slot] == kNone) heads_[slot] = item;
    else next_[tails_[slot]] = item;
    tails_[slot] = item;
  }
  bool contains(std::uint64_t pair) const { return keys_[find(pair)] == pair; }
  // The first item left in the chain of `pair`, taken out of it; kNone when none is left.
  std::uint32_t take(std::uint64_t pair) {
    const std::size_t slot = find(pair);
    if (keys_[slot] != pair) return kNone;
    const std::uint32_t item = heads_[slot];
    if (item != kNone) heads_[slot] = next_[item];
    return item;
  }

 private:
  static constexpr std::uint64_t kFree = ~std::uint64_t{0};  // no pair of 42 bits
  std::size_t find(std::uint64_t pair) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t pos = mix64(pair) & mask;
    while (keys_[pos] != kFree && keys_[pos] != pair) pos = (pos + 1) & mask;
    return pos;
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> heads_, tails_, next_;
};

}  // namespace

void walks_of(std::span<const std::uint64_t> set, Walks& out) {
  out.whole.clear();
  out.units.clear();
  out.lengths.clear();
  std::vector<std::uint64_t> triples;  // u1 << 42 | u2 << 21 | u3
  triples.reserve(set.size());
  for (const std::uint64_t h : set) {
    const std::uint64_t t = unmix64(h);
    if (t >> 63) out.whole.push_back(h);
    else triples.push_back(t);
  }
  const auto count = static_cast<std::uint32_t>(triples.size());
  PairChains by_prefix(count), suffixes(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    by_prefix.append(triples[i] >> 21, i);
    suffixes.append(triples[i] & kPairMask, i);
  }
  std::vector<bool> used(count);
  const auto walk_from = [&](std::uint32_t at) {
    used[at] = true;
    out.units.push_back(static_cast<std::uint32_t>(triples[at] >> 42));
    out.units.push_back(static_cast<std::uint32_t>((triples[at] >> 21) & kUnitMask));
    out.units.push_back(static_cast<std::uint32_t>(triples[at] & kUnitMask));
    std::uint32_t length = 3;
    for (;;) {  // on to an unused triple starting with this one's last two units
      std::uint32_t next;
      do next = by_prefix.take(triples[at] & kPairMask);
      while (next != PairChains::kNone && used[next]);
      if (next == PairChains::kNone) break;
      used[next] = true;
      out.units.push_back(static_cast<std::uint32_t>(triples[next] & kUnitMask));
      ++length;
      at = next;
    }
    out.lengths.push_back(length);
  };
  // Walks start where a text starts (no triple leads in), then wherever one is left (cycles).
  for (std::uint32_t i = 0; i < count; ++i)
    if (!used[i] && !suffixes.contains(triples[i] >> 21)) walk_from(i);
  for (std::uint32_t i = 0; i < count; ++i)
    if (!used[i]) walk_from(i);
}

void append_encoded(const Walks& walks, UnitTable& table, std::vector<std::uint8_t>& out) {
  put_varint(out, walks.whole.size());
  for (const std::uint64_t h : walks.whole)
    for (int byte = 0; byte < 8; ++byte) out.push_back(static_cast<std::uint8_t>(h >> (8 * byte)));
  put_varint(out, walks.lengths.size());
  std::size_t at = 0;
  for (const std::uint32_t length : walks.lengths) {
    put_varint(out, length - 3);
    for (std::uint32_t k = 0; k < length; ++k) put_varint(out, table.id_of(walks.units[at++]));
  }
}

bool decode_set(const std::uint8_t* p, const std::uint8_t* end, std::span<const std::uint32_t> units,
                std::vector<std::uint64_t>& out) {
  out.clear();
  if (!for_each_hash(p, end, units, [&](std::uint64_t h) { out.push_back(h); })) return false;
  sort_hashes(out);
  return std::adjacent_find(out.begin(), out.end()) == out.end();
}

namespace {

// Runs through a set's code, calling unit(id) for each unit number and copying or
// rewriting the rest through `out` (when given).
template <class Unit>
bool walk_code(const std::uint8_t* p, const std::uint8_t* end, Unit&& unit, std::vector<std::uint8_t>* out) {
  std::uint64_t whole = 0, walks = 0;
  if (!get_varint(p, end, whole) || whole > static_cast<std::uint64_t>(end - p) / 8) return false;
  if (out) put_varint(*out, whole), out->insert(out->end(), p, p + 8 * whole);
  p += 8 * whole;
  if (!get_varint(p, end, walks)) return false;
  if (out) put_varint(*out, walks);
  for (std::uint64_t w = 0; w < walks; ++w) {
    std::uint64_t extra = 0;
    if (!get_varint(p, end, extra) || extra > static_cast<std::uint64_t>(end - p)) return false;
    if (out) put_varint(*out, extra);
    for (std::uint64_t k = 0; k < extra + 3; ++k) {
      std::uint64_t id = 0;
      if (!get_varint(p, end, id)) return false;
      const std::uint64_t written = unit(id);
      if (written == ~std::uint64_t{0}) return false;
      if (out) put_varint(*out, written);
    }
  }
  return p == end;
}

}  // namespace

void count_units(const std::uint8_t* p, const std::uint8_t* end, std::vector<std::uint64_t>& uses) {
  walk_code(
      p, end,
      [&](std::uint64_t id) {
        if (id >= uses.size()) return ~std::uint64_t{0};
        ++uses[static_cast<std::size_t>(id)];
        return id;
      },
      nullptr);
}

bool recode(const std::uint8_t* p, const std::uint8_t* end, std::span<const std::uint32_t> remap,
            std::vector<std::uint8_t>& out) {
  return walk_code(
      p, end, [&](std::uint64_t id) { return id < remap.size() ? std::uint64_t{remap[static_cast<std::size_t>(id)]} : ~std::uint64_t{0}; },
      &out);
}

}  // namespace zhinan::detail

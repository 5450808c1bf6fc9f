// The compact store of shingle sets: unit triples written as walks, units numbered in a
// table. Decoding gives back every hash exactly, so every exact check is as before.
#include <algorithm>

#include "dedup/near_duplicates_hash.hpp"

namespace zhinan::detail {
namespace {

constexpr std::uint64_t kUnitMask = (std::uint64_t{1} << 21) - 1;
constexpr std::uint64_t kPairMask = (std::uint64_t{1} << 42) - 1;
constexpr std::uint64_t kTripleMask = (std::uint64_t{1} << 63) - 1;

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<std::uint8_t>(v | 0x80));
  out.push_back(static_cast<std::uint8_t>(v));
}

bool get_varint(const std::uint8_t*& p, const std::uint8_t* end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const std::uint8_t byte = *p++;
    v |= std::uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return true;
  }
  return false;
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

void walks_of(std::span<const std::uint64_t> set, Walks& out) {
  out.whole.clear();
  out.units.clear();
  out.lengths.clear();
  std::vector<std::uint64_t> triples;  // (u1 << 42 | u2 << 21 | u3): sorted, by their first two units
  triples.reserve(set.size());
  for (const std::uint64_t h : set) {
    const std::uint64_t t = unmix64(h);
    if (t >> 63) out.whole.push_back(h);
    else triples.push_back(t);
  }
  std::sort(triples.begin(), triples.end());
  std::vector<std::uint64_t> suffixes(triples.size());
  for (std::size_t i = 0; i < triples.size(); ++i) suffixes[i] = triples[i] & kPairMask;
  std::sort(suffixes.begin(), suffixes.end());
  std::vector<bool> used(triples.size());
  const auto walk_from = [&](std::size_t at) {
    used[at] = true;
    out.units.push_back(static_cast<std::uint32_t>(triples[at] >> 42));
    out.units.push_back(static_cast<std::uint32_t>((triples[at] >> 21) & kUnitMask));
    out.units.push_back(static_cast<std::uint32_t>(triples[at] & kUnitMask));
    std::uint32_t length = 3;
    for (;;) {  // on to an unused triple starting with this one's last two units
      const std::uint64_t pair = triples[at] & kPairMask;
      std::size_t next = static_cast<std::size_t>(
          std::lower_bound(triples.begin(), triples.end(), pair << 21) - triples.begin());
      while (next < triples.size() && (triples[next] >> 21) == pair && used[next]) ++next;
      if (next == triples.size() || (triples[next] >> 21) != pair) break;
      used[next] = true;
      out.units.push_back(static_cast<std::uint32_t>(triples[next] & kUnitMask));
      ++length;
      at = next;
    }
    out.lengths.push_back(length);
  };
  // Walks start where a text starts (no triple leads in), then wherever one is left (cycles).
  for (std::size_t i = 0; i < triples.size(); ++i)
    if (!used[i] && !std::binary_search(suffixes.begin(), suffixes.end(), triples[i] >> 21)) walk_from(i);
  for (std::size_t i = 0; i < triples.size(); ++i)
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
  std::uint64_t whole = 0, walks = 0;
  if (!get_varint(p, end, whole) || whole > static_cast<std::uint64_t>(end - p) / 8) return false;
  for (std::uint64_t k = 0; k < whole; ++k, p += 8) {
    std::uint64_t h = 0;
    for (int byte = 0; byte < 8; ++byte) h |= std::uint64_t{p[byte]} << (8 * byte);
    out.push_back(h);
  }
  if (!get_varint(p, end, walks)) return false;
  for (std::uint64_t w = 0; w < walks; ++w) {
    std::uint64_t extra = 0;
    if (!get_varint(p, end, extra) || extra > static_cast<std::uint64_t>(end - p)) return false;
    std::uint64_t key = 0;
    for (std::uint64_t k = 0; k < extra + 3; ++k) {
      std::uint64_t id = 0;
      if (!get_varint(p, end, id) || id >= units.size()) return false;
      key = ((key << 21) | (units[id] & kUnitMask)) & kTripleMask;
      if (k >= 2) out.push_back(mix64(key));
    }
  }
  if (p != end) return false;
  std::sort(out.begin(), out.end());
  return std::adjacent_find(out.begin(), out.end()) == out.end();
}

}  // namespace zhinan::detail

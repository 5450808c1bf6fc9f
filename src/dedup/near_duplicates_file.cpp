// Saving and loading the near-duplicate index.
//
// Compact format 1 (written): 64-bit little-endian words, then deflated blocks.
//   0      magic: the bytes 89 'Z' 'N' 'C' '\r' '\n' 1A '\n' (as PNG's: the high bit and the
//          line ending catch a file mangled by a 7-bit or text-mode transfer)
//   1      format version (1)
//   2–6    threshold (IEEE 754 binary64 bits), num_hashes, bands, rows, seed
//   7–10   item count n, unit count U, block count B, deflated bytes P
//   11…    the U units (code points, 21 bits; numbered most used first), then per block:
//          its items, its inflated size, its deflated size and its code bytes
//   …      the B blocks, deflated (zlib), one after another, zero-padded to whole words.
//          Inflated, a block holds per item a varint set size and a varint code length,
//          then the items' codes (detail::append_encoded's walks over the unit table)
//   last   checksum of every word before it (detail::WordChecksum)
// The file's size must be exactly 8 · (12 + U + 4B) + P rounded up to a word, which bounds
// every allocation by the size of the file before the checksum is verified; the blocks are
// inflated straight into place, decoded into their signatures and the buckets rebuilt, in
// parallel.
//
// Format 1 of the earlier layout (read only), magic 89 'Z' 'N' 'D' '\r' '\n' 1A '\n':
//   0      magic: the bytes 89 'Z' 'N' 'D' '\r' '\n' 1A '\n' (as PNG's: the high bit and the
//          line ending catch a file mangled by a 7-bit or text-mode transfer)
//   1      format version (1)
//   2–6    threshold (IEEE 754 binary64 bits), num_hashes, bands, rows, seed
//   7, 8   item count n, total hash count T
//   9…     n set sizes, then the T hashes, set after set, each set strictly increasing
//   last   checksum of every word before it (detail::WordChecksum)
// The file's size must be exactly 8 · (10 + n + T) bytes, which bounds every allocation
// by the size of the file before anything is read.
#include <algorithm>
#include <array>
#include <cstdio>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <zlib.h>

#include "base/parallel_for.hpp"
#include "dedup/near_duplicates_hash.hpp"
#include "zhinan/near_duplicates.hpp"

namespace zhinan {
namespace {

constexpr std::array<unsigned char, 8> kMagic = {0x89, 'Z', 'N', 'D', '\r', '\n', 0x1A, '\n'};         // the earlier layout
constexpr std::array<unsigned char, 8> kCompactMagic = {0x89, 'Z', 'N', 'C', '\r', '\n', 0x1A, '\n'};  // written now
constexpr std::uint64_t kFormatVersion = 1;
constexpr std::size_t kHeaderWords = 9;
constexpr std::size_t kCompactHeaderWords = 11;
constexpr std::size_t kBlockItems = 1024;
constexpr std::size_t kBlockWords = 4;  // items, inflated size, deflated size, code bytes

// Used only on big-endian hosts (the discarded branch below elsewhere).
[[maybe_unused]] constexpr std::uint64_t byte_swap(std::uint64_t x) {
  std::uint64_t out = 0;
  for (int i = 0; i < 8; ++i, x >>= 8) out = (out << 8) | (x & 0xFF);
  return out;
}

// Little-endian on disk, whatever the host: a no-op on little-endian hosts.
constexpr std::uint64_t little_endian(std::uint64_t x) {
  if constexpr (std::endian::native == std::endian::little) return x;
  else return byte_swap(x);
}

std::uint64_t magic_word(const std::array<unsigned char, 8>& magic) {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < magic.size(); ++i) word |= std::uint64_t{magic[i]} << (8 * i);
  return word;
}

bool fail(std::string* error, const std::string& zh, const std::string& en) {
  if (error) *error = zh + "\n" + en;
  return false;
}

std::string system_reason() { return std::strerror(errno); }

// Words read from and written to a byte buffer, little-endian.
std::uint64_t word_at(std::string_view bytes, std::size_t word) {
  std::uint64_t w = 0;
  std::memcpy(&w, bytes.data() + 8 * word, 8);
  return little_endian(w);
}

void put_word(std::string& out, std::uint64_t w) {
  w = little_endian(w);
  out.append(reinterpret_cast<const char*>(&w), 8);
}

std::uint64_t checksum_of(std::string_view bytes, std::size_t words) {
  detail::WordChecksum checksum;
  std::vector<std::uint64_t> chunk;
  for (std::size_t from = 0; from < words; from += 4096) {
    chunk.resize(std::min<std::size_t>(4096, words - from));
    for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = word_at(bytes, from + i);
    checksum.add(chunk);
  }
  return checksum.value();
}

void put_varint(std::string& out, std::uint64_t v) {
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>(v | 0x80));
  out.push_back(static_cast<char>(v));
}

using detail::get_varint;  // shared with the set decoder (near_duplicates_hash.hpp)

std::filesystem::path temporary_beside(const std::filesystem::path& path) {
  // Unique enough between processes and threads saving to the same place at once.
  const auto now = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  const auto thread = static_cast<std::uint64_t>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  char suffix[17];
  std::snprintf(suffix, sizeof suffix, "%016llx",
                static_cast<unsigned long long>(detail::mix64(now ^ detail::mix64(thread))));
  std::filesystem::path temporary = path;
  temporary += ".tmp-";
  temporary += suffix;
  return temporary;
}

}  // namespace

std::string NearDuplicateIndex::to_bytes() const {
  const std::size_t n = size(), blocks = (n + kBlockItems - 1) / kBlockItems;
  // The file numbers the units most used first, so that most take one byte.
  std::vector<std::uint64_t> uses(units_.size(), 0);
  for (std::size_t id = 0; id < n; ++id)
    detail::count_units(codes_.data() + code_offsets_[id], codes_.data() + code_offsets_[id + 1], uses);
  std::vector<std::uint32_t> order(units_.size()), remap(units_.size());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = static_cast<std::uint32_t>(u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return uses[a] > uses[b]; });
  for (std::size_t u = 0; u < order.size(); ++u) remap[order[u]] = static_cast<std::uint32_t>(u);
  std::vector<std::string> deflated(blocks);
  std::vector<std::size_t> inflated(blocks), code_bytes(blocks);
  detail::parallel_for(blocks, 0, [&](std::size_t b) {
    std::string raw;
    std::vector<std::uint8_t> code;
    for (std::size_t id = b * kBlockItems; id < std::min(n, (b + 1) * kBlockItems); ++id) {
      const std::size_t at = code.size();
      if (!detail::recode(codes_.data() + code_offsets_[id], codes_.data() + code_offsets_[id + 1], remap, code))
        throw std::logic_error("NearDuplicateIndex: a stored set does not decode");
      put_varint(raw, sizes_[id]);
      put_varint(raw, code.size() - at);
    }
    code_bytes[b] = code.size();
    raw.append(reinterpret_cast<const char*>(code.data()), code.size());
    inflated[b] = raw.size();
    uLongf length = compressBound(static_cast<uLong>(raw.size()));
    deflated[b].resize(length);
    if (compress2(reinterpret_cast<Bytef*>(deflated[b].data()), &length, reinterpret_cast<const Bytef*>(raw.data()),
                  static_cast<uLong>(raw.size()), 6) != Z_OK)
      throw std::runtime_error("deflate failed");
    deflated[b].resize(length);
  });
  std::size_t payload = 0;
  for (const auto& d : deflated) payload += d.size();
  std::string out;
  out.reserve(8 * (kCompactHeaderWords + 1 + units_.size() + kBlockWords * blocks) + payload + 16);
  put_word(out, magic_word(kCompactMagic));
  for (const std::uint64_t w : {kFormatVersion, std::bit_cast<std::uint64_t>(params_.threshold),
                                static_cast<std::uint64_t>(params_.num_hashes), static_cast<std::uint64_t>(params_.bands),
                                static_cast<std::uint64_t>(params_.rows), params_.seed, std::uint64_t{n},
                                std::uint64_t{units_.size()}, std::uint64_t{blocks}, std::uint64_t{payload}})
    put_word(out, w);
  for (const std::uint32_t u : order) put_word(out, units_[u]);
  for (std::size_t b = 0; b < blocks; ++b) {
    put_word(out, std::min(n, (b + 1) * kBlockItems) - b * kBlockItems);
    put_word(out, inflated[b]);
    put_word(out, deflated[b].size());
    put_word(out, code_bytes[b]);
  }
  for (const auto& d : deflated) out += d;
  out.resize((out.size() + 7) / 8 * 8, '\0');
  put_word(out, checksum_of(out, out.size() / 8));
  return out;
}

bool NearDuplicateIndex::save(const std::filesystem::path& path, std::string* error) const {
  const std::filesystem::path temporary = temporary_beside(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      return fail(error, "无法创建索引临时文件：" + system_reason(), "cannot create the temporary index file: " + system_reason());
    const std::string bytes = to_bytes();
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      const std::string reason = system_reason();
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return fail(error, "写入索引文件失败：" + reason, "writing the index file failed: " + reason);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return fail(error, "无法将索引文件移到目标位置：" + ec.message(), "cannot move the index file into place: " + ec.message());
  }
  return true;
}

namespace {

// The parameters both layouts keep in header words 2–6 (threshold, hashes, bands, rows,
// seed), when they are sane.
std::optional<IndexParams> header_params(const std::uint64_t* header) {
  const auto small = [](std::uint64_t v, std::uint64_t most) { return v >= 1 && v <= most; };
  if (!small(header[4], 4096) || !small(header[5], 1024) || header[3] != header[4] * header[5]) return std::nullopt;
  IndexParams params;
  params.threshold = std::bit_cast<double>(header[2]);
  params.num_hashes = static_cast<int>(header[3]);
  params.bands = static_cast<int>(header[4]);
  params.rows = static_cast<int>(header[5]);
  params.seed = header[6];
  return params;
}

// An index with those parameters and no item yet, or none when they are refused.
std::optional<NearDuplicateIndex> empty_index(const std::optional<IndexParams>& params) {
  if (!params) return std::nullopt;
  try {
    return NearDuplicateIndex(*params);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

// The reason, Chinese and English, when a file of `size` bytes holds more than the
// `expected` its header gives: anything after the checksum is not what the writer wrote.
std::optional<std::pair<std::string, std::string>> trailing_data(std::uint64_t size, std::uint64_t expected) {
  if (size <= expected) return std::nullopt;
  return std::make_pair("文件末尾有多余数据（应为 " + std::to_string(expected) + " 字节）",
                        "trailing data after the index (" + std::to_string(expected) + " bytes expected)");
}

}  // namespace

std::optional<NearDuplicateIndex> NearDuplicateIndex::load(const std::filesystem::path& path, std::string* error) {
  const auto refuse = [&](const std::string& zh, const std::string& en) {
    fail(error, zh, en);
    return std::nullopt;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return refuse("索引文件路径是一个目录", "the index file path is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return refuse("无法打开索引文件：" + system_reason(), "cannot open the index file: " + system_reason());
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return refuse("无法读取索引文件的大小：" + ec.message(), "cannot read the index file's size: " + ec.message());
  std::string content(static_cast<std::size_t>(bytes), '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != bytes)
    return refuse("读取索引文件失败：" + system_reason(), "reading the index file failed: " + system_reason());
  return from_bytes(content, error);
}

std::optional<NearDuplicateIndex> NearDuplicateIndex::from_bytes(std::string_view bytes, std::string* error) {
  const auto refuse = [&](const std::string& zh, const std::string& en) {
    fail(error, zh, en);
    return std::nullopt;
  };
  const auto corrupt = [&](const std::string& zh, const std::string& en) {
    return refuse("索引文件已损坏：" + zh, "the index file is corrupt: " + en);
  };
  if (bytes.empty()) return refuse("索引文件为空", "the index file is empty");
  // The magic first: a foreign file is named as such, even when it is short.
  const std::size_t got = std::min(bytes.size(), kMagic.size());
  const bool compact = std::memcmp(bytes.data(), kCompactMagic.data(), got) == 0;
  if (!compact && std::memcmp(bytes.data(), kMagic.data(), got) != 0)
    return refuse("不是 zhinan 近似重复索引文件（文件头不符）", "not a zhinan near-duplicate index file (wrong magic header)");
  if (!compact) return from_format1(bytes, error);
  const std::string size_text = std::to_string(bytes.size());
  const auto truncated = [&](std::uint64_t expected) {
    return refuse("索引文件不完整或已损坏（应为 " + std::to_string(expected) + " 字节，实为 " + size_text + " 字节）",
                  "the index file is truncated or corrupt (" + size_text + " bytes where " +
                      std::to_string(expected) + " are expected)");
  };
  constexpr std::uint64_t kLeast = 8 * (kCompactHeaderWords + 1);
  if (bytes.size() < kLeast) return truncated(kLeast);
  std::uint64_t header[kCompactHeaderWords];
  for (std::size_t i = 0; i < kCompactHeaderWords; ++i) header[i] = word_at(bytes, i);
  if (header[1] != kFormatVersion) {
    if (header[1] > kFormatVersion && header[1] < 1000)
      return refuse("索引文件格式版本 " + std::to_string(header[1]) + " 较新，本程序只能读取版本 1",
                    "the index file has format version " + std::to_string(header[1]) +
                        ", newer than this build reads (1)");
    return corrupt("格式版本无效", "invalid format version");
  }
  const std::uint64_t n = header[7], unit_count = header[8], blocks = header[9], payload = header[10];
  constexpr std::uint64_t kHuge = std::uint64_t{1} << 56;  // so that the size below cannot overflow
  if (n >= kHuge || unit_count >= kHuge || blocks >= kHuge || payload >= kHuge) return corrupt("条目数无效", "invalid counts");
  const std::uint64_t table_words = kCompactHeaderWords + unit_count + kBlockWords * blocks;
  const std::uint64_t expected = 8 * table_words + (payload + 7) / 8 * 8 + 8;
  if (bytes.size() < expected) return truncated(expected);
  if (const auto extra = trailing_data(bytes.size(), expected)) return corrupt(extra->first, extra->second);
  // Everything is checksummed before any of it is believed.
  const std::size_t words = static_cast<std::size_t>(expected / 8);
  if (word_at(bytes, words - 1) != checksum_of(bytes, words - 1)) return corrupt("校验和不符", "checksum mismatch");

  const std::optional<IndexParams> params = header_params(header);
  std::optional<NearDuplicateIndex> index = empty_index(params);
  if (!index) return corrupt("参数无效", "invalid parameters");
  if ((n + 1) * static_cast<std::uint64_t>(params->bands) >= 0xFFFFFFFFu) return corrupt("条目过多", "too many items");
  std::vector<std::uint32_t> units(static_cast<std::size_t>(unit_count));
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::uint64_t u = word_at(bytes, kCompactHeaderWords + i);
    if (u > 0x1FFFFF) return corrupt("码位表无效", "invalid unit table");
    units[i] = static_cast<std::uint32_t>(u);
  }
  detail::UnitTable(index->units_, index->unit_slots_).assign(units);
  if (index->units_.size() != units.size()) return corrupt("码位表有重复", "the unit table repeats a unit");

  // The block table, checked whole before anything is inflated.
  struct Block {
    std::size_t items = 0, inflated = 0, deflated = 0, code_bytes = 0, at = 0, first_item = 0, first_code = 0;
  };
  std::vector<Block> parts(static_cast<std::size_t>(blocks));
  std::uint64_t items_seen = 0, codes_seen = 0, at = 8 * table_words;
  for (std::size_t b = 0; b < parts.size(); ++b) {
    const std::size_t word = kCompactHeaderWords + units.size() + kBlockWords * b;
    Block& part = parts[b];
    const std::uint64_t items = word_at(bytes, word), inflated = word_at(bytes, word + 1), deflated = word_at(bytes, word + 2),
                        code_bytes = word_at(bytes, word + 3);
    if (items == 0 || items > kBlockItems || deflated > payload || at + deflated > 8 * table_words + payload ||
        inflated > 1100 * deflated + 64 || code_bytes > inflated)  // deflate cannot shrink more than about 1032:1
      return corrupt("数据块表无效", "invalid block table");
    part = {static_cast<std::size_t>(items), static_cast<std::size_t>(inflated), static_cast<std::size_t>(deflated),
            static_cast<std::size_t>(code_bytes), static_cast<std::size_t>(at), static_cast<std::size_t>(items_seen),
            static_cast<std::size_t>(codes_seen)};
    at += deflated;
    items_seen += items;
    codes_seen += code_bytes;
  }
  if (items_seen != n || at != 8 * table_words + payload) return corrupt("数据块表无效", "invalid block table");

  // Each block inflated on some core straight into its place: its codes into the index's,
  // each set decoded into its signature without being held.
  NearDuplicateIndex& x = *index;
  const std::size_t k = static_cast<std::size_t>(params->num_hashes);
  const std::span<const std::uint32_t> table = x.units_;
  x.codes_.resize(static_cast<std::size_t>(codes_seen));
  x.signatures_.resize(static_cast<std::size_t>(n) * k);
  x.sizes_.resize(static_cast<std::size_t>(n));
  x.code_offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
  std::vector<char> ok(parts.size(), 0);
  detail::parallel_for(parts.size(), 0, [&](std::size_t b) {
    const Block& part = parts[b];
    thread_local std::vector<std::uint8_t> raw;
    thread_local std::vector<std::uint64_t> bins;
    raw.resize(part.inflated);
    uLongf length = static_cast<uLongf>(raw.size());
    if (uncompress(raw.data(), &length, reinterpret_cast<const Bytef*>(bytes.data() + part.at),
                   static_cast<uLong>(part.deflated)) != Z_OK ||
        length != raw.size())
      return;
    const std::uint8_t* p = raw.data();
    const std::uint8_t* const codes_begin = raw.data() + (part.inflated - part.code_bytes);
    std::size_t code_at = 0;
    for (std::size_t i = 0; i < part.items; ++i) {
      std::uint64_t size = 0, code = 0;
      if (!get_varint(p, codes_begin, size) || !get_varint(p, codes_begin, code) || size > 0xFFFFFFFFu ||
          code > part.code_bytes - code_at)
        return;
      const std::size_t item = part.first_item + i;
      // Decoded straight into the signature. (Its hashes are distinct by construction of a
      // file whose checksum holds; every exact check decodes the set sorted and tests that
      // again.)
      detail::MinHasher hasher(k, params->seed, bins);
      std::uint64_t decoded = 0;
      const std::uint8_t* c = codes_begin + code_at;
      if (!detail::for_each_hash(c, c + code, table, [&](std::uint64_t h) { hasher.add(h), ++decoded; }) || decoded != size)
        return;
      hasher.finish(x.signatures_.data() + item * k);
      x.sizes_[item] = static_cast<std::uint32_t>(size);
      code_at += static_cast<std::size_t>(code);
      x.code_offsets_[item + 1] = part.first_code + code_at;
    }
    if (p != codes_begin || code_at != part.code_bytes) return;
    std::copy(codes_begin, codes_begin + part.code_bytes, x.codes_.begin() + static_cast<std::ptrdiff_t>(part.first_code));
    ok[b] = 1;
  });
  for (const char good : ok)
    if (!good) return corrupt("数据块无法解码", "a block does not decode");
  x.lookup();  // the buckets now, on every core, rather than on the first query
  return index;
}

// The earlier layout: every set's hashes in full.
std::optional<NearDuplicateIndex> NearDuplicateIndex::from_format1(std::string_view bytes, std::string* error) {
  const auto refuse = [&](const std::string& zh, const std::string& en) {
    fail(error, zh, en);
    return std::nullopt;
  };
  const auto corrupt = [&](const std::string& zh, const std::string& en) {
    return refuse("索引文件已损坏：" + zh, "the index file is corrupt: " + en);
  };
  const std::string size_text = std::to_string(bytes.size());
  const auto truncated = [&](std::uint64_t expected) {
    return refuse("索引文件不完整或已损坏（应为 " + std::to_string(expected) + " 字节，实为 " + size_text + " 字节）",
                  "the index file is truncated or corrupt (" + size_text + " bytes where " +
                      std::to_string(expected) + " are expected)");
  };
  constexpr std::uint64_t kLeast = 8 * (kHeaderWords + 1);
  if (bytes.size() < kLeast) return truncated(kLeast);
  std::uint64_t header[kHeaderWords] = {};
  for (std::size_t i = 0; i < kHeaderWords; ++i) header[i] = word_at(bytes, i);
  if (header[1] != kFormatVersion) {
    if (header[1] > kFormatVersion && header[1] < 1000)
      return refuse("索引文件格式版本 " + std::to_string(header[1]) + " 较新，本程序只能读取版本 1",
                    "the index file has format version " + std::to_string(header[1]) +
                        ", newer than this build reads (1)");
    return corrupt("格式版本无效", "invalid format version");
  }
  const std::uint64_t n = header[7], total = header[8];
  constexpr std::uint64_t kHuge = std::uint64_t{1} << 58;  // so that the size below cannot overflow
  if (n >= kHuge || total >= kHuge) return corrupt("条目数无效", "invalid counts");
  const std::uint64_t expected = 8 * (kHeaderWords + 1 + n + total);
  if (bytes.size() < expected) return truncated(expected);
  if (const auto extra = trailing_data(bytes.size(), expected)) return corrupt(extra->first, extra->second);
  const std::size_t words = static_cast<std::size_t>(expected / 8);
  if (word_at(bytes, words - 1) != checksum_of(bytes, words - 1)) return corrupt("校验和不符", "checksum mismatch");

  const std::optional<IndexParams> params = header_params(header);
  std::optional<NearDuplicateIndex> index = empty_index(params);
  if (!index) return corrupt("参数无效", "invalid parameters");
  if ((n + 1) * static_cast<std::uint64_t>(params->bands) >= 0xFFFFFFFFu) return corrupt("条目过多", "too many items");
  std::vector<ShingleSet> sets;
  sets.reserve(static_cast<std::size_t>(n));
  std::uint64_t begin = kHeaderWords + n;
  const std::uint64_t last = begin + total;
  for (std::uint64_t i = 0; i < n; ++i) {
    const std::uint64_t count = word_at(bytes, static_cast<std::size_t>(kHeaderWords + i));
    if (count > last - begin) return corrupt("集合大小之和与总数不符", "the set sizes do not add up");
    std::vector<std::uint64_t> hashes(static_cast<std::size_t>(count));
    for (std::size_t j = 0; j < hashes.size(); ++j) {
      hashes[j] = word_at(bytes, static_cast<std::size_t>(begin + j));
      if (j > 0 && hashes[j - 1] >= hashes[j]) return corrupt("集合未按升序排列", "a set is not strictly increasing");
    }
    begin += count;
    sets.push_back(ShingleSet::from_hashes(std::move(hashes)));
  }
  if (begin != last) return corrupt("集合大小之和与总数不符", "the set sizes do not add up");
  index->add_all(std::move(sets));
  return index;
}

}  // namespace zhinan

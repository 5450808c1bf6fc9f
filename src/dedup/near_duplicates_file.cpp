// Saving and loading the near-duplicate index.
//
// Format 1: a sequence of 64-bit words, each little-endian.
//   0      magic: the bytes 89 'Z' 'N' 'D' '\r' '\n' 1A '\n' (as PNG's: the high bit and the
//          line ending catch a file mangled by a 7-bit or text-mode transfer)
//   1      format version (1)
//   2–6    threshold (IEEE 754 binary64 bits), num_hashes, bands, rows, seed
//   7, 8   item count n, total hash count T
//   9…     n set sizes, then the T hashes, set after set, each set strictly increasing
//   last   checksum of every word before it (detail::WordChecksum)
// The file's size must be exactly 8 · (10 + n + T) bytes, which bounds every allocation
// by the size of the file before anything is read.
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

#include "dedup/near_duplicates_hash.hpp"
#include "zhinan/near_duplicates.hpp"

namespace zhinan {
namespace {

constexpr std::array<unsigned char, 8> kMagic = {0x89, 'Z', 'N', 'D', '\r', '\n', 0x1A, '\n'};
constexpr std::uint64_t kFormatVersion = 1;
constexpr std::size_t kHeaderWords = 9;

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

std::uint64_t magic_word() {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < kMagic.size(); ++i) word |= std::uint64_t{kMagic[i]} << (8 * i);
  return word;
}

bool fail(std::string* error, const std::string& zh, const std::string& en) {
  if (error) *error = zh + "\n" + en;
  return false;
}

std::string system_reason() { return std::strerror(errno); }

// Writes words little-endian, feeding the checksum on the way.
class WordWriter {
 public:
  explicit WordWriter(std::ofstream& out) : out_(out) {}
  void write(std::span<const std::uint64_t> words) {
    checksum_.add(words);
    if constexpr (std::endian::native == std::endian::little) {
      out_.write(reinterpret_cast<const char*>(words.data()), static_cast<std::streamsize>(words.size_bytes()));
    } else {
      for (const std::uint64_t w : words) {
        const std::uint64_t le = little_endian(w);
        out_.write(reinterpret_cast<const char*>(&le), sizeof le);
      }
    }
  }
  void write(std::uint64_t word) { write(std::span<const std::uint64_t>(&word, 1)); }
  std::uint64_t checksum() const { return checksum_.value(); }

 private:
  std::ofstream& out_;
  detail::WordChecksum checksum_;
};

// Reads words little-endian into `into`, feeding the checksum; false when the file ends early.
bool read_words(std::ifstream& in, std::span<std::uint64_t> into, detail::WordChecksum& checksum) {
  in.read(reinterpret_cast<char*>(into.data()), static_cast<std::streamsize>(into.size_bytes()));
  if (static_cast<std::size_t>(in.gcount()) != into.size_bytes()) return false;
  for (std::uint64_t& w : into) w = little_endian(w);
  checksum.add(into);
  return true;
}

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

bool NearDuplicateIndex::save(const std::filesystem::path& path, std::string* error) const {
  const std::filesystem::path temporary = temporary_beside(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      return fail(error, "无法创建索引临时文件：" + system_reason(), "cannot create the temporary index file: " + system_reason());
    WordWriter writer(out);
    const std::uint64_t header[kHeaderWords] = {magic_word(),
                                                kFormatVersion,
                                                std::bit_cast<std::uint64_t>(params_.threshold),
                                                static_cast<std::uint64_t>(params_.num_hashes),
                                                static_cast<std::uint64_t>(params_.bands),
                                                static_cast<std::uint64_t>(params_.rows),
                                                params_.seed,
                                                size(),
                                                hashes_.size()};
    writer.write(header);
    std::vector<std::uint64_t> sizes(size());
    for (std::size_t i = 0; i < size(); ++i) sizes[i] = offsets_[i + 1] - offsets_[i];
    writer.write(sizes);
    writer.write(hashes_);
    writer.write(writer.checksum());
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

std::optional<NearDuplicateIndex> NearDuplicateIndex::load(const std::filesystem::path& path, std::string* error) {
  const auto refuse = [&](const std::string& zh, const std::string& en) {
    fail(error, zh, en);
    return std::nullopt;
  };
  const auto corrupt = [&](const std::string& zh, const std::string& en) {
    return refuse("索引文件已损坏：" + zh, "the index file is corrupt: " + en);
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return refuse("索引文件路径是一个目录", "the index file path is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return refuse("无法打开索引文件：" + system_reason(), "cannot open the index file: " + system_reason());
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return refuse("无法读取索引文件的大小：" + ec.message(), "cannot read the index file's size: " + ec.message());
  if (bytes == 0) return refuse("索引文件为空", "the index file is empty");

  // The magic first: a foreign file is named as such, even when it is short.
  unsigned char magic[kMagic.size()] = {};
  in.read(reinterpret_cast<char*>(magic), static_cast<std::streamsize>(kMagic.size()));
  const auto got = static_cast<std::size_t>(in.gcount());
  if (std::memcmp(magic, kMagic.data(), got) != 0)
    return refuse("不是 zhinan 近似重复索引文件（文件头不符）", "not a zhinan near-duplicate index file (wrong magic header)");
  const std::string size_text = std::to_string(bytes);
  const auto truncated = [&](std::uintmax_t expected) {
    return refuse("索引文件不完整或已损坏（应为 " + std::to_string(expected) + " 字节，实为 " + size_text + " 字节）",
                  "the index file is truncated or corrupt (" + size_text + " bytes where " +
                      std::to_string(expected) + " are expected)");
  };
  constexpr std::uintmax_t kLeast = 8 * (kHeaderWords + 1);
  if (bytes < kLeast) return truncated(kLeast);

  detail::WordChecksum checksum;
  std::uint64_t header[kHeaderWords] = {};
  in.clear();
  in.seekg(0);
  if (!read_words(in, header, checksum)) return truncated(kLeast);
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
  const std::uintmax_t expected = 8 * (kHeaderWords + 1 + n + total);
  if (bytes < expected) return truncated(expected);
  if (bytes > expected)
    return corrupt("文件末尾有多余数据（应为 " + std::to_string(expected) + " 字节）",
                   "trailing data after the index (" + std::to_string(expected) + " bytes expected)");

  // Everything is read and checksummed before any of it is believed.
  std::vector<std::uint64_t> sizes(static_cast<std::size_t>(n));
  std::vector<std::uint64_t> hashes(static_cast<std::size_t>(total));
  std::uint64_t stored = 0;
  detail::WordChecksum ignored;
  if (!read_words(in, sizes, checksum) || !read_words(in, hashes, checksum) ||
      !read_words(in, std::span<std::uint64_t>(&stored, 1), ignored))
    return truncated(expected);
  if (stored != checksum.value()) return corrupt("校验和不符", "checksum mismatch");

  const auto small = [](std::uint64_t v, std::uint64_t most) { return v >= 1 && v <= most; };
  if (!small(header[4], 4096) || !small(header[5], 1024) || header[3] != header[4] * header[5])
    return corrupt("参数无效", "invalid parameters");
  IndexParams params;
  params.threshold = std::bit_cast<double>(header[2]);
  params.num_hashes = static_cast<int>(header[3]);
  params.bands = static_cast<int>(header[4]);
  params.rows = static_cast<int>(header[5]);
  params.seed = header[6];
  std::optional<NearDuplicateIndex> index;
  try {
    index.emplace(params);
  } catch (const std::invalid_argument&) {
    return corrupt("参数无效", "invalid parameters");
  }
  if ((n + 1) * static_cast<std::uint64_t>(params.bands) >= Buckets::kNone)
    return corrupt("条目过多", "too many items");

  std::vector<std::size_t>& offsets = index->offsets_;
  offsets.reserve(static_cast<std::size_t>(n) + 1);
  for (const std::uint64_t count : sizes) {
    const std::uint64_t begin = offsets.back();
    if (count > total - begin) return corrupt("集合大小之和与总数不符", "the set sizes do not add up");
    for (std::uint64_t i = begin + 1; i < begin + count; ++i)
      if (hashes[i - 1] >= hashes[i]) return corrupt("集合未按升序排列", "a set is not strictly increasing");
    offsets.push_back(static_cast<std::size_t>(begin + count));
  }
  if (offsets.back() != total) return corrupt("集合大小之和与总数不符", "the set sizes do not add up");
  index->hashes_ = std::move(hashes);
  index->buckets_.next.reserve(static_cast<std::size_t>(n) * static_cast<std::size_t>(params.bands));
  std::vector<std::uint64_t> keys, scratch;
  for (std::size_t id = 0; id < n; ++id) index->link(id, keys, scratch);
  return index;
}

}  // namespace zhinan

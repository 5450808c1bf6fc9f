// The near-duplicate index's fast paths: the signature prefilter, the compact set store and
// file, the earlier file layout, parallel building and querying, and damaged registry files.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "dedup/near_duplicates_hash.hpp"
#include "support.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/near_duplicates.hpp"

using zhinan::IndexParams;
using zhinan::NearDuplicate;
using zhinan::NearDuplicateIndex;
using zhinan::ShingleSet;

namespace {

struct Random {  // a fixed LCG: the same sets on every platform
  std::uint64_t state;
  std::uint64_t next() { return (state = state * 6364136223846793005u + 1442695040888963407u) >> 16; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// Two sets of sizes a and b sharing `common` elements, their hashes fresh (mix64 of a counter).
std::pair<ShingleSet, ShingleSet> crafted(std::size_t a, std::size_t b, std::size_t common, std::uint64_t& counter) {
  std::vector<std::uint64_t> x, y;
  for (std::size_t i = 0; i < common; ++i) {
    const std::uint64_t h = zhinan::detail::mix64(++counter);
    x.push_back(h), y.push_back(h);
  }
  for (std::size_t i = common; i < a; ++i) x.push_back(zhinan::detail::mix64(++counter));
  for (std::size_t i = common; i < b; ++i) y.push_back(zhinan::detail::mix64(++counter));
  return {ShingleSet::from_hashes(std::move(x)), ShingleSet::from_hashes(std::move(y))};
}

// Chinese-looking text: words of a small vocabulary, so that 3-grams repeat and walks branch.
std::string prose(std::uint64_t seed, std::size_t words) {
  static const char* const kWords[] = {"氢能", "储运", "关键技术", "国际合作", "联合研发", "示范应用", "催化剂", "膜电极",
                                       "燃料电池", "的", "和", "与", "研究", "开发", "山东", "德国", "效率", "成本"};
  Random r{seed};
  std::string out;
  for (std::size_t i = 0; i < words; ++i) out += kWords[r.below(std::size(kWords))];
  return out;
}

std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("zhinan-test-near-duplicates-fast-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("near_duplicates: the signature prefilter never refuses a pair at the threshold") {
  std::uint64_t counter = 0;
  constexpr std::size_t k = 620;  // the default signature
  std::vector<std::uint8_t> sa(k), sb(k);
  std::vector<std::uint64_t> scratch;
  double closest = 1e9;  // the least margin seen, in standard deviations of a binomial
  std::size_t checked = 0;
  for (const double threshold : {0.3, 0.5, 0.8, 0.9}) {
    for (const std::size_t size : {std::size_t{5}, std::size_t{40}, std::size_t{300}, std::size_t{620}, std::size_t{1000},
                                   std::size_t{3000}}) {
      // Equal sizes at exactly the threshold (or the nearest count above), and one set a
      // subset of the other: the two ways a pair sits at J = threshold.
      const auto common = static_cast<std::size_t>(std::ceil(2 * threshold * static_cast<double>(size) / (1 + threshold)));
      const auto smaller = static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(size)));
      for (int trial = 0; trial < 60; ++trial) {
        for (const auto& [x, y] : {crafted(size, size, std::min(common, size), counter), crafted(size, smaller, smaller, counter)}) {
          const double j = zhinan::jaccard(x, y);
          REQUIRE(j >= threshold);
          zhinan::detail::signature(x.hashes(), k, 7, sa.data(), scratch);
          zhinan::detail::signature(y.hashes(), k, 7, sb.data(), scratch);
          const std::size_t agree = zhinan::detail::agreements(sa.data(), sb.data(), k);
          const std::size_t least = zhinan::detail::least_agreements(threshold, x.size(), y.size(), k);
          CHECK(agree >= least);
          ++checked;
          if (least > 0) closest = std::min(closest, (static_cast<double>(agree) - static_cast<double>(least)) /
                                                         std::sqrt(static_cast<double>(k) * j * (1 - j) + 1));
        }
      }
    }
  }
  MESSAGE(checked << " pairs at the threshold; the closest was " << closest << " standard deviations above the bound");
  CHECK(closest > 2);
  // And it does refuse what is far below: unrelated sets of 1000 against the threshold 0.5.
  std::size_t refused = 0;
  for (int trial = 0; trial < 50; ++trial) {
    const auto [x, y] = crafted(1000, 1000, 150, counter);  // J ≈ 0.08
    zhinan::detail::signature(x.hashes(), k, 7, sa.data(), scratch);
    zhinan::detail::signature(y.hashes(), k, 7, sb.data(), scratch);
    refused += zhinan::detail::agreements(sa.data(), sb.data(), k) < zhinan::detail::least_agreements(0.5, 1000, 1000, k);
  }
  CHECK(refused == 50);
  CHECK(zhinan::detail::least_agreements(0.0, 1000, 1000, k) == 0);  // no score: nothing refused
  CHECK(zhinan::detail::least_agreements(0.5, 1, 1, k) == 0);        // one-shingle sets: too little to go on
}

TEST_CASE("near_duplicates: agreements counts equal bytes, eight at a time and the rest") {
  std::vector<std::uint8_t> a(37), b(37);
  Random r{3};
  std::size_t expected = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<std::uint8_t>(r.below(4) * 0x55);
    b[i] = static_cast<std::uint8_t>(r.below(4) * 0x55);
    if (i % 9 == 0) b[i] = static_cast<std::uint8_t>(a[i] ^ 0x80);  // only the high bit differs
    expected += a[i] == b[i] ? 1 : 0;
  }
  CHECK(zhinan::detail::agreements(a.data(), b.data(), a.size()) == expected);
  CHECK(zhinan::detail::agreements(a.data(), a.data(), a.size()) == a.size());
}

TEST_CASE("near_duplicates: the compact store gives back every set exactly") {
  std::vector<ShingleSet> sets = {ShingleSet::of(prose(1, 400)), ShingleSet::of("哈哈哈哈哈"), ShingleSet::of("abcabcabc"),
                                  ShingleSet::of("氢能"), ShingleSet::of("氢"), ShingleSet::of(""),
                                  ShingleSet::of(prose(2, 50), 5), ShingleSet::of(prose(3, 50), 1),
                                  ShingleSet::from_hashes({0, 1, ~std::uint64_t{0}, std::uint64_t{1} << 63, 12345})};
  std::uint64_t counter = 0;
  sets.push_back(crafted(500, 10, 0, counter).first);  // random hashes: triples of random units
  std::string all;
  for (char32_t cp : {U'a', U'\u6C22', U'\U0010FFFF', U'\0', U'\uFFFD'})
    for (char32_t cp2 : {U'a', U'\U00020000'}) zhinan::detail::append_utf8(all, cp), zhinan::detail::append_utf8(all, cp2);
  sets.push_back(ShingleSet::of(all));
  NearDuplicateIndex index;
  for (const ShingleSet& s : sets) index.add(s);
  for (std::size_t i = 0; i < sets.size(); ++i) {
    CAPTURE(i);
    CHECK(index.hashes(i) == sets[i].hashes());
  }
  CHECK_THROWS_AS(index.hashes(sets.size()), std::out_of_range);
}

TEST_CASE("near_duplicates: built and queried on many threads, the same as on one") {
  std::vector<ShingleSet> sets;
  for (std::uint64_t i = 0; i < 600; ++i) {
    std::string text = prose(100 + i % 150, 120);  // every text four times, each copy edited
    text += prose(i, 3 + i % 7);
    sets.push_back(ShingleSet::of(text));
  }
  NearDuplicateIndex one_by_one, together;
  for (const ShingleSet& s : sets) one_by_one.add(s);
  CHECK(together.add_all(sets, 3) == 0);
  CHECK(together.size() == sets.size());
  CHECK(together.to_bytes() == one_by_one.to_bytes());  // the same units, the same codes
  std::vector<std::vector<NearDuplicate>> serial;
  for (const ShingleSet& s : sets) serial.push_back(one_by_one.query(s, 0.3));
  CHECK(together.query_all(sets, 0.3, 4) == serial);
  CHECK(one_by_one.query_all(sets, 0.3, 1) == serial);
  std::size_t found = 0;
  for (const auto& hits : serial) found += hits.size();
  CHECK(found >= 4 * sets.size());  // each text and its three copies at least
  CHECK(together.pairs() == one_by_one.pairs());
  CHECK_THROWS_AS(together.query_all(sets, std::nan("")), std::invalid_argument);
}

TEST_CASE("near_duplicates: an index file of the earlier layout still loads, with the same results") {
  std::vector<ShingleSet> sets;
  for (std::uint64_t i = 0; i < 80; ++i) sets.push_back(ShingleSet::of(prose(10 + i % 20, 60 + i)));
  const IndexParams params{.threshold = 0.6, .seed = 42};
  NearDuplicateIndex index(params);
  for (const ShingleSet& s : sets) index.add(s);
  // Format 1 as it was written: magic, version, parameters, counts, sizes, hashes, checksum.
  std::vector<std::uint64_t> words = {0, 1, std::bit_cast<std::uint64_t>(index.params().threshold),
                                      static_cast<std::uint64_t>(index.params().num_hashes),
                                      static_cast<std::uint64_t>(index.params().bands),
                                      static_cast<std::uint64_t>(index.params().rows), index.params().seed, sets.size(), 0};
  const unsigned char magic[8] = {0x89, 'Z', 'N', 'D', '\r', '\n', 0x1A, '\n'};
  for (int i = 0; i < 8; ++i) words[0] |= std::uint64_t{magic[i]} << (8 * i);
  for (const ShingleSet& s : sets) words.push_back(s.size()), words[8] += s.size();
  for (const ShingleSet& s : sets) words.insert(words.end(), s.hashes().begin(), s.hashes().end());
  zhinan::detail::WordChecksum checksum;
  checksum.add(words);
  words.push_back(checksum.value());
  std::string bytes(words.size() * 8, '\0');
  for (std::size_t i = 0; i < words.size(); ++i)
    for (int b = 0; b < 8; ++b) bytes[8 * i + b] = static_cast<char>(words[i] >> (8 * b));
  std::string error;
  const std::optional<NearDuplicateIndex> old = NearDuplicateIndex::from_bytes(bytes, &error);
  REQUIRE_MESSAGE(old, error);
  CHECK(old->params() == index.params());
  CHECK(old->pairs() == index.pairs());
  for (const ShingleSet& s : sets) CHECK(old->query(s) == index.query(s));
  // Saved again, it is written in the compact layout, a fraction of the size.
  const std::string compact = old->to_bytes();
  CHECK(compact.size() * 3 < bytes.size());
  CHECK(compact.substr(0, 4) == "\x89ZNC");
  const std::optional<NearDuplicateIndex> again = NearDuplicateIndex::from_bytes(compact, &error);
  REQUIRE_MESSAGE(again, error);
  CHECK(again->pairs() == index.pairs());
  // Anything after the checksum, in either layout: not a file the writer wrote.
  for (const std::string& whole : {bytes, compact}) {
    CHECK_FALSE(NearDuplicateIndex::from_bytes(whole + '\0', &error));
    CHECK(error.find("多余数据") != std::string::npos);
    CHECK(error.find("trailing data") != std::string::npos);
  }
  bytes[100] = static_cast<char>(bytes[100] ^ 1);
  CHECK_FALSE(NearDuplicateIndex::from_bytes(bytes, &error));
  CHECK(error.find("checksum") != std::string::npos);
}

TEST_CASE("registry: saved and loaded, every project and every match is the same") {
  std::string jsonl;
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    texts.push_back(prose(500 + i % 100, 80));
    jsonl += "{\"id\": \"P" + std::to_string(i) + "\", \"year\": " + std::to_string(2000 + i % 25) + ", \"title\": \"项目" +
             std::to_string(i) + "\", \"abstract\": \"" + texts.back() + "\", \"unit\": \"单位" + std::to_string(i % 7) + "\"}\n";
    if (i == 17) jsonl += "{\"id\": 5}\n";
  }
  auto built = zhinan::FundedRegistry::from_jsonl(jsonl, 0.5);
  REQUIRE(built.registry);
  REQUIRE(built.diagnostics.size() == 1);
  CHECK(built.diagnostics.front().location->line == 19);
  const auto dir = scratch_dir("registry");
  const auto path = dir / "funded.idx";
  std::string error;
  REQUIRE(built.registry->save(path, &error));
  auto loaded = zhinan::FundedRegistry::load(path);
  REQUIRE(loaded.registry);
  const auto& a = built.registry->projects();
  const auto& b = loaded.registry->projects();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].year == b[i].year);
    CHECK(a[i].title == b[i].title);
    CHECK(a[i].abstract == b[i].abstract);
    CHECK(a[i].unit == b[i].unit);
  }
  CHECK(loaded.registry->threshold() == built.registry->threshold());
  std::size_t matched = 0;
  for (std::size_t i = 0; i < texts.size(); i += 3) {
    const ShingleSet query = ShingleSet::of(zhinan::fold_for_comparison("项目" + std::to_string(i) + texts[i]));
    const auto x = built.registry->matches(query), y = loaded.registry->matches(query);
    REQUIRE(x.size() == y.size());
    for (std::size_t m = 0; m < x.size(); ++m) {
      CHECK(x[m].project->id == y[m].project->id);
      CHECK(x[m].score == y[m].score);
    }
    matched += x.size();
  }
  CHECK(matched >= texts.size() / 3);
  // Nothing is left beside the file.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("registry: a damaged saved registry is refused with a reason in both languages") {
  std::string jsonl;
  for (int i = 0; i < 40; ++i)
    jsonl += "{\"id\": \"P" + std::to_string(i) + "\", \"year\": 2020, \"title\": \"项目\", \"abstract\": \"" +
             prose(900 + i, 40) + "\", \"unit\": \"单位\"}\n";
  auto built = zhinan::FundedRegistry::from_jsonl(jsonl, 0.5);
  REQUIRE(built.registry);
  const auto dir = scratch_dir("registry-damaged");
  const auto path = dir / "funded.idx", bad = dir / "bad.idx";
  std::string error;
  REQUIRE(built.registry->save(path, &error));
  const std::string good = bytes_of(path);
  const auto refused = [&](const std::string& bytes) {
    write_bytes(bad, bytes);
    auto loaded = zhinan::FundedRegistry::load(bad);
    CHECK_FALSE(loaded.registry);
    REQUIRE(loaded.diagnostics.size() == 1);
    const zhinan::Diagnostic& d = loaded.diagnostics.front();
    CHECK(d.id == "registry.index_invalid");
    CHECK(d.severity == zhinan::Severity::error);
    CHECK(d.message_zh.find("无法使用") != std::string::npos);
    CHECK(d.message_en.find("cannot be used") != std::string::npos);
    return !loaded.registry;
  };
  for (const std::size_t keep : {std::size_t{0}, std::size_t{10}, std::size_t{18}, std::size_t{40}, good.size() / 3,
                                 good.size() / 2, good.size() - 9, good.size() - 1})
    CHECK(refused(good.substr(0, keep)));
  CHECK(refused(good + "x"));
  for (std::size_t at = 18; at < good.size(); at += 1 + at / 8) {  // the header line, the projects, the index
    CAPTURE(at);
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x04);
    write_bytes(bad, flipped);
    auto loaded = zhinan::FundedRegistry::load(bad);
    // A flip may leave the JSON header meaning the same (a digit of the threshold stays a
    // number); else it is refused. Never a crash, never a half-read registry.
    if (loaded.registry) {
      CHECK(loaded.registry->projects().size() == built.registry->projects().size());
    } else {
      CHECK(has(loaded.diagnostics, "registry.index_invalid"));
    }
  }
  std::string newer = good;
  newer.replace(newer.find("\"format\":2"), 10, "\"format\":9");
  write_bytes(bad, newer);
  auto loaded = zhinan::FundedRegistry::load(bad);
  CHECK_FALSE(loaded.registry);
  REQUIRE(!loaded.diagnostics.empty());
  CHECK(loaded.diagnostics.front().message_en.find("newer") != std::string::npos);
  std::filesystem::remove_all(dir);
}

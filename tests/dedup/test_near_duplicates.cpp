#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"
#include "base/utf8.hpp"
#include "zhinan/near_duplicates.hpp"

using zhinan::IndexParams;
using zhinan::NearDuplicate;
using zhinan::NearDuplicateIndex;
using zhinan::ShingleSet;

namespace {

// Words of the call's subject matter, so that unrelated texts share common 3-grams.
const char* const kWords[] = {
    "氢能", "储运", "关键技术", "国际合作", "联合研发", "示范应用", "催化剂", "膜电极", "燃料电池", "海水淡化",
    "智能制造", "工业互联网", "生物育种", "盐碱地", "海洋牧场", "新材料", "碳纤维", "高端装备", "精准医疗", "疫苗",
    "传感器", "芯片", "算法", "数据平台", "绿色低碳", "节能减排", "污染治理", "现代农业", "种质资源", "检测方法",
    "标准体系", "人才培养", "成果转化", "产业化", "山东", "青岛", "济南", "烟台", "德国", "俄罗斯",
    "新加坡", "以色列", "研究", "开发", "构建", "突破", "提升", "效率", "成本", "寿命",
    "的", "和", "与", "在", "中", "为", "实现", "形成", "建立", "推动"};
// Characters no word uses: a rewrite with them never recreates a 3-gram by chance.
const std::u32string kRewrite = U"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

struct Random {  // a fixed LCG: the same texts on every platform
  std::uint64_t state;
  std::uint64_t next() { return (state = state * 6364136223846793005u + 1442695040888963407u) >> 33; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

std::string text_of(std::uint64_t seed, std::size_t characters) {
  Random random{seed};
  std::string text;
  std::size_t count = 0;
  while (count < characters) {
    const std::string word = kWords[random.below(std::size(kWords))];
    text += word;
    count += word.size() / 3;  // every word is Chinese: three bytes a character
  }
  return text;
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out += zhinan::detail::decode_utf8(text, pos);
  return out;
}

std::string encode(const std::u32string& text) {
  std::string out;
  for (const char32_t cp : text) zhinan::detail::append_utf8(out, cp);
  return out;
}

// Rewrites `share` of the characters in runs of `run` (1: scattered characters).
std::string rewritten(const std::string& text, double share, std::size_t run, std::uint64_t seed) {
  std::u32string cps = decode(text);
  Random random{seed};
  const auto target = static_cast<std::size_t>(share * static_cast<double>(cps.size()));
  std::vector<bool> done(cps.size());
  for (std::size_t changed = 0; changed < target;) {
    const std::size_t start = random.below(cps.size() - run + 1);
    for (std::size_t i = start; i < start + run && changed < target; ++i)
      if (!done[i]) done[i] = true, cps[i] = kRewrite[random.below(kRewrite.size())], ++changed;
  }
  return encode(cps);
}

// The spec's similarity computed the obvious way, independently of the hashes.
double reference_jaccard(std::string_view a, std::string_view b) {
  const auto grams = [](std::string_view text) {
    const std::u32string cps = decode(text);
    std::set<std::u32string> out;
    if (!cps.empty() && cps.size() < 3) out.insert(cps);
    for (std::size_t i = 0; i + 3 <= cps.size(); ++i) out.insert(cps.substr(i, 3));
    return out;
  };
  const auto ga = grams(a), gb = grams(b);
  std::vector<std::u32string> common;
  std::set_intersection(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(common));
  const std::size_t united = ga.size() + gb.size() - common.size();
  return united == 0 ? 0.0 : static_cast<double>(common.size()) / static_cast<double>(united);
}

bool reports(const std::vector<NearDuplicate>& found, std::size_t id) {
  return std::any_of(found.begin(), found.end(), [&](const NearDuplicate& d) { return d.id == id; });
}

// An index over `texts`, each standing in for a folded title + overview + research content.
NearDuplicateIndex index_of(const std::vector<std::string>& texts, IndexParams params = {}) {
  NearDuplicateIndex index(params);
  for (const std::string& text : texts) index.add(ShingleSet::of(text));
  return index;
}

// A fresh directory for one test case (ctest may run the cases in parallel).
std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("zhinan-test-near-duplicates-" + name);
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

TEST_CASE("near_duplicates: identical texts score 1, disjoint texts 0") {
  const std::string text = text_of(1, 600);
  CHECK(zhinan::jaccard(ShingleSet::of(text), ShingleSet::of(text)) == 1.0);
  CHECK(zhinan::jaccard(ShingleSet::of("甲乙丙丁戊己"), ShingleSet::of("子丑寅卯辰巳")) == 0.0);
  NearDuplicateIndex index = index_of({text, "子丑寅卯辰巳午未"});
  CHECK(index.query(ShingleSet::of(text)) == std::vector<NearDuplicate>{{0, 1.0}});
  CHECK(index.query(ShingleSet::of("甲乙丙丁戊己")).empty());
}

TEST_CASE("near_duplicates: shingles are the code point 3-grams of the text as given") {
  CHECK(ShingleSet::of("国际科技合作").size() == 4);  // 国际科 际科技 科技合 技合作
  CHECK(ShingleSet::of("哈哈哈哈哈").size() == 1);
  CHECK(ShingleSet::of("abcabc").size() == 3);
  // Packed 21 bits a code point and mixed by a bijection: distinct 3-grams never collide.
  std::string all;
  for (char32_t cp : {U'a', U'Z', U'0', U'\u00E9', U'\u6C22', U'\U00020000', U'\U0010FFFF', U'\0'})
    for (char32_t cp2 : {U'a', U'\u6C22', U'\U0010FFFF'}) zhinan::detail::append_utf8(all, cp), zhinan::detail::append_utf8(all, cp2);
  const std::u32string cps = decode(all);
  std::set<std::u32string> grams;
  for (std::size_t i = 0; i + 3 <= cps.size(); ++i) grams.insert(cps.substr(i, 3));
  CHECK(ShingleSet::of(all).size() == grams.size());
  CHECK_THROWS_AS(ShingleSet::of("abc", 0), std::invalid_argument);
  CHECK(ShingleSet::of("abcd", 4).size() == 1);
  CHECK(ShingleSet::of("abcde", 4).size() == 2);
}

TEST_CASE("near_duplicates: empty text") {
  const ShingleSet empty = ShingleSet::of("");
  CHECK(empty.empty());
  CHECK(zhinan::jaccard(empty, empty) == 0.0);
  CHECK(zhinan::jaccard(empty, ShingleSet::of("氢能储运")) == 0.0);
  NearDuplicateIndex index = index_of({"", "", "氢能储运关键技术"});
  CHECK(index.size() == 3);
  CHECK(index.query(empty).empty());
  CHECK(index.query(empty, 0.0).empty());
  CHECK(index.pairs(0.0).empty());  // two empty texts are not duplicates of each other
}

TEST_CASE("near_duplicates: a moved-from index is empty and can be used again") {
  NearDuplicateIndex index = index_of({"氢能储运关键技术", "氢能储运关键技术"}, {.threshold = 0.6});
  NearDuplicateIndex moved = std::move(index);
  CHECK(moved.size() == 2);
  CHECK(index.size() == 0);  // NOLINT(bugprone-use-after-move): what is being tested
  CHECK(index.params() == moved.params());
  CHECK(index.query(ShingleSet::of("氢能储运关键技术")).empty());
  CHECK(index.add(ShingleSet::of("氢能储运关键技术")) == 0);
  CHECK(index.query(ShingleSet::of("氢能储运关键技术")) == std::vector<NearDuplicate>{{0, 1.0}});
  NearDuplicateIndex copy = moved;
  moved = std::move(index);
  CHECK(moved.size() == 1);
  CHECK(copy.pairs() == std::vector<NearDuplicateIndex::Pair>{{0, 1, 1.0}});
}

TEST_CASE("near_duplicates: a text shorter than three characters is one shingle of itself") {
  CHECK(ShingleSet::of("氢能").size() == 1);
  CHECK(zhinan::jaccard(ShingleSet::of("氢能"), ShingleSet::of("氢能")) == 1.0);
  CHECK(zhinan::jaccard(ShingleSet::of("氢能"), ShingleSet::of("氢")) == 0.0);
  CHECK(zhinan::jaccard(ShingleSet::of("氢能"), ShingleSet::of("氢能源")) == 0.0);
  NearDuplicateIndex index = index_of({"氢能", "氢", "氢能"});
  CHECK(index.pairs() == std::vector<NearDuplicateIndex::Pair>{{0, 2, 1.0}});
}

TEST_CASE("near_duplicates: a copy with 10, 20 and 40 % of its characters rewritten") {
  const std::string original = text_of(7, 1000);
  struct Case {
    double share;
    std::size_t run;
  };
  for (const Case c : {Case{0.10, 8}, Case{0.20, 8}, Case{0.40, 8}, Case{0.10, 1}, Case{0.20, 1}}) {
    CAPTURE(c.share);
    CAPTURE(c.run);
    const std::string copy = rewritten(original, c.share, c.run, 99);
    const double expected = reference_jaccard(original, copy);
    CAPTURE(expected);
    const ShingleSet set = ShingleSet::of(copy);
    CHECK(zhinan::jaccard(ShingleSet::of(original), set) == expected);
    // The original among unrelated texts; an index at a threshold below the copy's score.
    std::vector<std::string> texts;
    for (std::uint64_t seed = 100; seed < 140; ++seed) texts.push_back(text_of(seed, 1000));
    texts.push_back(original);
    const std::size_t id = texts.size() - 1;
    for (const double threshold : {0.5, 0.3, 0.1}) {
      CAPTURE(threshold);
      const NearDuplicateIndex index = index_of(texts, {.threshold = threshold});
      const std::vector<NearDuplicate> found = index.query(set);
      CHECK(reports(found, id) == (expected >= threshold));
      for (const NearDuplicate& d : found) CHECK(d.score == zhinan::jaccard(index.hashes(d.id), set.hashes()));
      if (expected >= threshold) {
        CHECK(found.front() == NearDuplicate{id, expected});
        CHECK(reports(index.query(set, expected), id));
        CHECK_FALSE(reports(index.query(set, std::nextafter(expected, 2.0)), id));
      }
    }
  }
  // The shares as designed: runs of 8 keep more 3-grams than scattered characters.
  CHECK(reference_jaccard(original, rewritten(original, 0.10, 8, 99)) > 0.7);
  CHECK(reference_jaccard(original, rewritten(original, 0.40, 8, 99)) < 0.5);
}

TEST_CASE("near_duplicates: reordered sentences keep a high score") {
  std::vector<std::string> sentences;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) sentences.push_back(text_of(seed * 31, 50));
  std::string forward, backward;
  for (const std::string& s : sentences) forward += s;
  for (auto it = sentences.rbegin(); it != sentences.rend(); ++it) backward += *it;
  const double score = zhinan::jaccard(ShingleSet::of(forward), ShingleSet::of(backward));
  CHECK(score > 0.9);
  CHECK(index_of({forward}).query(ShingleSet::of(backward)) == std::vector<NearDuplicate>{{0, score}});
}

TEST_CASE("near_duplicates: parameters are derived from the threshold") {
  const NearDuplicateIndex index;
  CHECK(index.params().threshold == 0.5);
  CHECK(index.params().rows == 5);
  CHECK(index.params().bands == 124);
  CHECK(index.params().num_hashes == 620);
  CHECK(zhinan::candidate_probability(0.5, 124, 5) >= 0.98);
  CHECK(zhinan::candidate_probability(0.8, 124, 5) > 0.99999999);
  CHECK(zhinan::candidate_probability(0.1, 124, 5) < 0.002);
  for (const double t : {0.01, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0}) {
    CAPTURE(t);
    const IndexParams p = NearDuplicateIndex({.threshold = t}).params();
    CHECK(zhinan::candidate_probability(t, p.bands, p.rows) >= IndexParams::kTargetRecall);
    CHECK(p.num_hashes == p.bands * p.rows);
    if (t >= 0.05) CHECK(p.num_hashes <= IndexParams::kDefaultHashBudget);
    // One row more would need more bands than the budget holds.
    if (t >= 0.05)
      CHECK(NearDuplicateIndex({.threshold = t, .rows = p.rows + 1}).params().num_hashes > IndexParams::kDefaultHashBudget);
  }
  CHECK(NearDuplicateIndex({.threshold = 0.5, .rows = 5}).params().bands == 124);
  CHECK(NearDuplicateIndex({.threshold = 0.5, .bands = 61}).params().rows == 4);
  CHECK(NearDuplicateIndex({.threshold = 0.5, .num_hashes = 256}).params().rows == 4);
  CHECK(NearDuplicateIndex({.threshold = 0.5, .num_hashes = 256}).params().bands == 61);
  CHECK(NearDuplicateIndex({.bands = 10, .rows = 3}).params().num_hashes == 30);
  CHECK_THROWS_AS(NearDuplicateIndex({.threshold = 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(NearDuplicateIndex({.threshold = 1.5}), std::invalid_argument);
  CHECK_THROWS_AS(NearDuplicateIndex({.threshold = 0.5, .num_hashes = 4}), std::invalid_argument);
  CHECK_THROWS_AS(NearDuplicateIndex({.num_hashes = 20, .bands = 10, .rows = 3}), std::invalid_argument);
  CHECK_THROWS_AS(NearDuplicateIndex({.bands = -1}), std::invalid_argument);
}

// A few hundred texts in families: a stem and variants rewritten by 2 to 60 %, so that the
// pairs span every score; and the families share words, as unrelated proposals do.
std::vector<std::string> families() {
  std::vector<std::string> texts;
  for (std::uint64_t family = 0; family < 60; ++family) {
    const std::string stem = text_of(1000 + family, 300 + 20 * (family % 20));
    texts.push_back(stem);
    for (std::uint64_t v = 0; v < 4; ++v)
      texts.push_back(rewritten(stem, 0.02 + 0.15 * static_cast<double>((family + v) % 5) * 0.8, 1 + v * 3, family * 7 + v));
  }
  return texts;
}

TEST_CASE("near_duplicates: pairs() agrees with comparing every pair") {
  const std::vector<std::string> texts = families();
  std::vector<ShingleSet> sets;
  for (const std::string& t : texts) sets.push_back(ShingleSet::of(t));
  const NearDuplicateIndex index = index_of(texts);
  std::size_t due = 0, due_high = 0, found = 0, found_high = 0;
  std::set<std::pair<std::size_t, std::size_t>> expected;
  for (std::size_t i = 0; i < sets.size(); ++i)
    for (std::size_t j = i + 1; j < sets.size(); ++j) {
      const double score = zhinan::jaccard(sets[i], sets[j]);
      if (score >= 0.5) expected.insert({i, j}), ++due;
      if (score >= 0.8) ++due_high;
    }
  const auto pairs = index.pairs();
  CHECK(std::is_sorted(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first, a.second) < std::pair(b.first, b.second);
  }));
  for (const auto& p : pairs) {
    REQUIRE(p.first < p.second);
    const double score = zhinan::jaccard(sets[p.first], sets[p.second]);
    CHECK(p.score == score);  // exact, never a false positive
    CHECK(expected.count({p.first, p.second}) == 1);
    ++found;
    if (score >= 0.8) ++found_high;
  }
  MESSAGE("pairs at ≥ 0.5: " << due << ", found " << found << "; at ≥ 0.8: " << due_high << ", found " << found_high);
  CHECK(due > 100);
  CHECK(due_high > 40);
  CHECK(found_high == due_high);
  CHECK(static_cast<double>(found) >= 0.97 * static_cast<double>(due));
  // A lower min_score still reports only what is true, each item once, best first.
  for (std::size_t j = 0; j < sets.size(); j += 7) {
    const std::vector<NearDuplicate> found_j = index.query(sets[j], 0.3);
    std::set<std::size_t> ids;
    for (const NearDuplicate& d : found_j) {
      CHECK(d.score == zhinan::jaccard(sets[j], sets[d.id]));
      ids.insert(d.id);
    }
    CHECK(ids.size() == found_j.size());
    CHECK(std::is_sorted(found_j.begin(), found_j.end(), [](const auto& a, const auto& b) { return a.score > b.score; }));
  }
}

TEST_CASE("near_duplicates: pairs_among gives what pairs() of an index holding the sets gives") {
  // The batch rules take this path: the same pairs, scores and order, without the index.
  const std::vector<std::string> texts = families();
  std::vector<ShingleSet> sets;
  for (const std::string& t : texts) sets.push_back(ShingleSet::of(t));
  sets.insert(sets.begin() + 5, ShingleSet::of(""));  // an empty set matches nothing
  for (const double threshold : {0.5, 0.8}) {
    NearDuplicateIndex index(IndexParams{.threshold = threshold});
    index.add_all(sets);
    const auto expected = index.pairs();
    CHECK(!expected.empty());
    CHECK(NearDuplicateIndex::pairs_among(sets, IndexParams{.threshold = threshold}) == expected);
    CHECK(NearDuplicateIndex::pairs_among(sets, IndexParams{.threshold = threshold}, {}, 1) == expected);
    CHECK(NearDuplicateIndex::pairs_among(sets, IndexParams{.threshold = threshold}, 0.3) == index.pairs(0.3));
  }
  CHECK(NearDuplicateIndex::pairs_among({}, {}).empty());
  CHECK_THROWS_AS(NearDuplicateIndex::pairs_among(sets, IndexParams{.threshold = 2}), std::invalid_argument);
  CHECK_THROWS_AS(NearDuplicateIndex::pairs_among(sets, {}, std::nan("")), std::invalid_argument);
}

TEST_CASE("near_duplicates: the early exit never rejects a pair at the score") {
  const std::vector<std::string> texts = families();
  std::vector<ShingleSet> sets;
  for (const std::string& t : texts) sets.push_back(ShingleSet::of(t));
  sets.push_back(ShingleSet::of(""));
  for (std::size_t i = 0; i < sets.size(); i += 3)
    for (std::size_t j = 0; j < sets.size(); j += 2) {
      const double exact = zhinan::jaccard(sets[i], sets[j]);
      for (const double min : {-1.0, 0.0, 0.1, 0.3, 0.5, exact, std::nextafter(exact, 2.0), 0.9, 1.0, 1.5}) {
        const std::optional<double> early = zhinan::jaccard_at_least(sets[i].hashes(), sets[j].hashes(), min);
        if (exact > 0 && exact >= min) {
          REQUIRE(early);
          CHECK(*early == exact);
        } else {
          CHECK_FALSE(early);
        }
      }
    }
}

TEST_CASE("near_duplicates: const queries may run concurrently") {
  const std::vector<std::string> texts = families();
  const NearDuplicateIndex index = index_of(texts);
  std::vector<std::vector<NearDuplicate>> alone, together(texts.size());
  for (const std::string& t : texts) alone.push_back(index.query(ShingleSet::of(t)));
  std::thread other([&] {
    for (std::size_t i = 0; i < texts.size(); i += 2) together[i] = index.query(ShingleSet::of(texts[i]));
  });
  for (std::size_t i = 1; i < texts.size(); i += 2) together[i] = index.query(ShingleSet::of(texts[i]));
  other.join();
  CHECK(alone == together);
}

TEST_CASE("near_duplicates: save then load gives the same index") {
  const std::vector<std::string> texts = families();
  const NearDuplicateIndex index = index_of(texts, {.threshold = 0.6, .seed = 42});
  const auto dir = scratch_dir("round-trip");
  const auto path = dir / "index.zndx";
  std::string error;
  REQUIRE(index.save(path, &error));
  CHECK(error.empty());
  const std::optional<NearDuplicateIndex> loaded = NearDuplicateIndex::load(path, &error);
  REQUIRE_MESSAGE(loaded, error);
  CHECK(loaded->params() == index.params());
  CHECK(loaded->size() == index.size());
  CHECK(loaded->pairs() == index.pairs());
  for (std::size_t i = 0; i < texts.size(); i += 5) CHECK(loaded->query(ShingleSet::of(texts[i])) == index.query(ShingleSet::of(texts[i])));
  // Saving again replaces the file, and leaves no temporary file beside it.
  REQUIRE(loaded->save(path, &error));
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  CHECK_FALSE(index.save(dir / "no-such-dir" / "index.zndx", &error));
  CHECK(error.find("cannot create") != std::string::npos);
  // An empty index round-trips too.
  REQUIRE(NearDuplicateIndex().save(path, &error));
  CHECK(NearDuplicateIndex::load(path, &error)->size() == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("near_duplicates: a damaged or foreign file is refused with a reason") {
  const auto dir = scratch_dir("damaged");
  const auto path = dir / "index.zndx";
  const auto bad = dir / "bad.zndx";
  std::string error;
  REQUIRE(index_of({text_of(1, 300), text_of(2, 300), ""}).save(path, &error));
  const std::string good = bytes_of(path);
  REQUIRE(NearDuplicateIndex::load(path, &error));
  const auto refused = [&](const std::string& bytes, const std::string& reason) {
    CAPTURE(reason);
    write_bytes(bad, bytes);
    error.clear();
    const bool refused_ = !NearDuplicateIndex::load(bad, &error);
    CHECK_MESSAGE(error.find(reason) != std::string::npos, error);
    CHECK(error.find('\n') != std::string::npos);  // Chinese, then English
    return refused_;
  };
  CHECK(refused("", "empty"));
  CHECK(refused("PK\3\4 not an index at all", "not a zhinan near-duplicate index"));
  CHECK(refused("{\"format\": \"zhinan.suggestion/1\"}", "not a zhinan near-duplicate index"));
  CHECK(refused(good.substr(0, 5), "truncated"));
  for (const std::size_t keep : {std::size_t{8}, std::size_t{79}, good.size() / 2, good.size() - 8, good.size() - 1})
    CHECK(refused(good.substr(0, keep), "truncated"));
  CHECK(refused(good + "x", "corrupt"));
  for (std::size_t at = 8; at < good.size(); at += 1 + at / 16) {  // every header byte, and a spread beyond
    CAPTURE(at);
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
    CHECK(refused(flipped, "index file"));
  }
  std::string newer = good;
  newer[8] = 2;
  CHECK(refused(newer, "newer"));
  std::string wrong_magic = good;
  wrong_magic[1] = 'X';
  CHECK(refused(wrong_magic, "wrong magic"));
  CHECK_FALSE(NearDuplicateIndex::load(dir / "missing.zndx", &error));
  CHECK(error.find("cannot open") != std::string::npos);
  CHECK_FALSE(NearDuplicateIndex::load(dir, nullptr));
  std::filesystem::remove_all(dir);
}

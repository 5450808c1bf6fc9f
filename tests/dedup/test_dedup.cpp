// 三(三) across suggestions, with planted cases: the same proposer, the same suggestion
// under other names, near-duplicates, and work already funded.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "support.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/near_duplicates.hpp"

using namespace zhinan;
using test::sample;

namespace {

// Every field of every finding, to compare two runs.
std::vector<std::string> fields_of(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) {
    std::string f = d.file + "|" + d.id + "|" + std::string(to_string(d.severity)) + "|" + d.path + "|" + d.message_zh +
                    "|" + d.message_en;
    for (const auto& [k, v] : d.params) f += "|" + k + "=" + v;
    out.push_back(std::move(f));
  }
  return out;
}

struct Batch {
  std::vector<Suggestion> items;
  // The batch rules from the suggestions, and the same from keys made of them beforehand
  // (as zhinan validate makes them, on its workers): every case here checks both.
  Diagnostics check(const FundedRegistry* registry = nullptr) const {
    std::vector<BatchEntry> entries;
    std::vector<BatchKey> keys;
    for (std::size_t i = 0; i < items.size(); ++i) {
      entries.push_back({"s" + std::to_string(i + 1) + ".json", &items[i]});
      keys.push_back(batch_key(entries.back().name, items[i]));
    }
    Diagnostics found = check_batch(entries, Profile::builtin(), registry);
    CHECK(fields_of(check_batch(std::move(keys), Profile::builtin(), registry)) == fields_of(found));
    return found;
  }
};

std::vector<std::string> ids_about(const Diagnostics& ds, std::string_view file) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    if (d.file == file) out.push_back(d.id);
  return out;
}

const Diagnostic* find(const Diagnostics& ds, std::string_view id) {
  for (const auto& d : ds)
    if (d.id == id) return &d;
  return nullptr;
}

// Another unit's, another person's copy of a suggestion: nothing in common but the content.
Suggestion other_people(Suggestion s, int n) {
  s.source.unit = "第" + std::to_string(n) + "研究院";
  s.source.proposer = "王" + std::to_string(n);
  s.source.phone = "1391234567" + std::to_string(n % 10);
  s.department = "某市科学技术局";
  return s;
}

// Splits prose at 。 into sentences.
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0, at;
  while ((at = text.find("。", start)) != std::string::npos) {
    out.push_back(text.substr(start, at + 3 - start));
    start = at + 3;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

// Rewrites every k-th character of the text (3-byte Han) with a character absent from it.
std::string rewrite(const std::string& text, double share) {
  std::string out;
  std::size_t i = 0, n = 0;
  const auto step = static_cast<std::size_t>(1.0 / share);
  while (i < text.size()) {
    const auto len = (static_cast<unsigned char>(text[i]) >= 0xE0) ? 3 : 1;
    out += (n++ % step == 0 && len == 3) ? std::string("龘") : text.substr(i, len);
    i += len;
  }
  return out;
}

double similarity(const Suggestion& a, const Suggestion& b) {
  return jaccard(ShingleSet::of(comparison_text(a)), ShingleSet::of(comparison_text(b)));
}

}  // namespace

TEST_CASE("dedup: the bundled samples are all different people and different work") {
  Batch b;
  for (const char* name : {"valid-sco", "valid-multilateral", "valid-belt-and-road", "valid-hk-macao-taiwan",
                           "valid-innovation-leaders", "valid-other-industry"})
    b.items.push_back(sample(name));
  CHECK(b.check().empty());
}

TEST_CASE("dedup: one proposer, one suggestion — the phone written three ways is one phone") {
  Batch b;
  b.items.push_back(sample("valid-sco"));
  Suggestion second = sample("valid-multilateral");
  second.source = b.items[0].source;
  second.source.unit = "另一个单位";  // the same person and phone, another unit
  b.items.push_back(second);
  Suggestion third = sample("valid-belt-and-road");
  third.source.proposer = b.items[0].source.proposer;
  third.source.unit = "另一家公司";
  b.items.push_back(third);  // same name, other phone and unit: another person

  SUBCASE("the same phone as written") {
    const Diagnostics ds = b.check();
    const Diagnostic* d = find(ds, "batch.proposer_multiple");
    REQUIRE(d);
    CHECK(d->file == "s2.json");
    CHECK(d->severity == Severity::error);
    CHECK(d->path == "/source/proposer");
    CHECK(d->message_zh.find("s1.json") != std::string::npos);
    CHECK(ids_about(ds, "s3.json").empty());
  }
  SUBCASE("the phone with +86, dashes or spaces") {
    const std::string digits = "13705461234";
    b.items[0].source.phone = digits;
    for (const char* written : {"+86 137-0546-1234", "137 0546 1234", "(+86)13705461234"}) {
      CAPTURE(written);
      b.items[1].source.phone = written;
      CHECK(ids_about(b.check(), "s2.json") == std::vector<std::string>{"batch.proposer_multiple"});
    }
  }
  SUBCASE("the same name and the same unit, however the unit is spaced or in Traditional characters") {
    b.items[1].source.phone = "0531-88888888";
    b.items[1].source.unit = b.items[0].source.unit;
    CHECK(has(b.check(), "batch.proposer_multiple"));
  }
  SUBCASE("different people with the same name are not the same proposer") {
    b.items[1].source.phone = "0531-88888888";
    CHECK_FALSE(has(b.check(), "batch.proposer_multiple"));
  }
}

TEST_CASE("dedup: the same suggestion under another proposer, unit or department") {
  const Suggestion original = sample("valid-sco");
  Batch b;
  b.items.push_back(original);
  SUBCASE("the same title, other words") {
    Suggestion copy = other_people(sample("valid-multilateral"), 2);
    copy.title = original.title;
    b.items.push_back(copy);
    const Diagnostics ds = b.check();
    const Diagnostic* d = find(ds, "batch.duplicate");
    REQUIRE(d);
    CHECK(d->file == "s2.json");
    CHECK(d->path == "/title");
    CHECK(d->message_zh.find("项目名称相同") != std::string::npos);
  }
  SUBCASE("the title in Traditional characters with other punctuation is the same title") {
    Suggestion copy = other_people(sample("valid-multilateral"), 2);
    copy.title = "鹽鹼地耐鹽棉花小麥種質中烏俄聯合創制與節水高效栽培技術示範！";
    b.items.push_back(copy);
    CHECK(has(b.check(), "batch.duplicate"));
  }
  SUBCASE("the content copied with its sentences reordered") {
    Suggestion copy = other_people(original, 3);
    auto parts = sentences(copy.overview);
    std::reverse(parts.begin(), parts.end());
    copy.overview.clear();
    for (const auto& p : parts) copy.overview += p;
    copy.title += "（修订）";
    b.items.push_back(copy);
    CHECK(similarity(original, copy) >= 0.9);
    const Diagnostics ds = b.check();
    const Diagnostic* d = find(ds, "batch.duplicate");
    REQUIRE(d);
    CHECK(d->message_zh.find("内容相似度") != std::string::npos);
  }
}

TEST_CASE("dedup: near-duplicates at 10, 20 and 40 % rewritten, against the thresholds") {
  const Suggestion original = sample("valid-innovation-leaders");
  for (double share : {0.10, 0.20, 0.40}) {
    CAPTURE(share);
    Suggestion copy = other_people(original, 4);
    copy.title = rewrite(copy.title, share);
    copy.overview = rewrite(copy.overview, share);
    copy.report->research_content = rewrite(copy.report->research_content, share);
    const double score = similarity(original, copy);
    Batch b{{original, copy}};
    const Diagnostics ds = b.check();
    const auto& t = Profile::builtin().similarity();
    if (score >= t.batch_duplicate) {
      CHECK(has(ds, "batch.duplicate"));
    } else if (score >= t.batch_similar) {
      const Diagnostic* d = find(ds, "batch.similar");
      REQUIRE(d);
      CHECK(d->severity == Severity::warning);
      char expected[8];
      std::snprintf(expected, sizeof expected, "%.2f", score);
      CHECK(d->message_zh.find(expected) != std::string::npos);  // names the score
    } else {
      CHECK(ds.empty());
    }
    if (share == 0.10) CHECK(score >= 0.5);  // a light rewrite is still caught
  }
}

TEST_CASE("dedup: work already funded is found in the registry with its record") {
  const Suggestion s = sample("valid-hk-macao-taiwan");
  std::string jsonl = R"({"id": "2023GHZ0117", "year": 2023, "title": ")" + s.title +
                      R"(", "abstract": ")" + s.overview + R"(", "unit": "青岛某研究院"})" "\n";
  jsonl += R"({"id": "2022GHZ0001", "year": 2022, "title": "盐碱地水稻育种", "abstract": "与本项目无关的内容。", "unit": "某大学"})" "\n";
  jsonl += "\n{not json}\n";
  auto loaded = FundedRegistry::from_jsonl(jsonl, 0.5);
  REQUIRE(loaded.registry);
  CHECK(loaded.registry->projects().size() == 2);
  const Diagnostic* bad = find(loaded.diagnostics, "registry.line_invalid");
  REQUIRE(bad);
  CHECK(bad->location->line == 4);

  Batch b{{s, sample("valid-sco")}};
  const Diagnostics ds = b.check(&*loaded.registry);
  const Diagnostic* d = find(ds, "history.similar_funded");
  REQUIRE(d);
  CHECK(d->file == "s1.json");
  CHECK(d->severity == Severity::warning);
  CHECK(d->message_zh.find("2023GHZ0117") != std::string::npos);
  CHECK(ids_about(ds, "s2.json").empty());

  SUBCASE("saved and loaded, it finds the same") {
    const auto path = std::filesystem::temp_directory_path() / "zhinan-registry-test.idx";
    std::string error;
    REQUIRE(loaded.registry->save(path, &error));
    auto again = FundedRegistry::load(path);
    REQUIRE(again.registry);
    CHECK(again.registry->projects().size() == 2);
    CHECK(again.registry->matches(s).size() == loaded.registry->matches(s).size());
    // A truncated file is refused with a reason, never half-read.
    auto bytes = *read_file(path);
    { std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() / 2); }
    auto broken = FundedRegistry::load(path);
    CHECK_FALSE(broken.registry);
    CHECK(has(broken.diagnostics, "registry.index_invalid"));
    std::filesystem::remove(path);
  }
}

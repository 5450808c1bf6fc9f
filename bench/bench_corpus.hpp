// Suggestions as a province's batch has them, for bench_validate, bench_package and
// bench_audit: the bundled samples, each copy with its own title, proposer, unit and phone,
// and an overview and research content that keep the sample's opening and go on in text
// of their own, so that two copies of one sample score about 0.11 (unrelated suggestions
// score 0.12 on average in bench_dedup's corpus), below every batch threshold.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace bench {

// Fixed-seed generator (splitmix64): the same run gives the same bytes.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }
};

// The bundled samples (examples/data/*.json) in a fixed order; with `valid_only`, only those
// that validate without errors.
inline std::vector<zhinan::Suggestion> load_seeds(bool valid_only) {
  std::vector<zhinan::Suggestion> seeds;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(ZHINAN_SOURCE_DIR) / "examples/data"))
    if (e.path().extension() == ".json")
      if (auto r = zhinan::read_suggestion_file(e.path()); r.suggestion)
        if (!valid_only || zhinan::count(zhinan::validate(*r.suggestion), zhinan::Severity::error) == 0)
          seeds.push_back(*r.suggestion);
  std::sort(seeds.begin(), seeds.end(), [](const auto& a, const auto& b) { return a.title < b.title; });
  return seeds;
}

// The Chinese characters of the samples, each as often as it occurs: drawing from it gives
// text with the letter frequencies of a real suggestion.
inline std::vector<std::string> character_pool(const std::vector<zhinan::Suggestion>& seeds) {
  std::vector<std::string> pool;
  for (const auto& s : seeds) {
    const std::string text = s.overview + (s.report ? s.report->research_content + s.report->background : "");
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xF0) != 0xE0) continue;  // three-byte: CJK and 。，
      pool.push_back(text.substr(i, 3));
      i += 2;
    }
  }
  return pool;
}

// Plain text as a unit writes it: runs of 1–6 characters copied from the samples (so
// common words repeat, as in prose), 50–500 KB.
inline std::string plain_text(Rng& rng, const std::vector<std::string>& pool, std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) {
    const std::size_t start = rng.below(pool.size() - 8), run_length = rng.between(1, 6);
    for (std::size_t k = 0; k < run_length; ++k) out += pool[start + k];
    const std::size_t r = rng.below(20);
    out += r == 0 ? "。\n" : r < 4 ? "，" : "";
  }
  return out;
}

// `chars` characters drawn one at a time, a sentence every 8–30: no 3-gram of it is likely
// to occur in another suggestion, so the near-duplicate rules see distinct content.
inline std::string filler(Rng& rng, const std::vector<std::string>& pool, std::size_t chars) {
  std::string out;
  for (std::size_t n = 0, next_stop = rng.between(8, 30); n < chars; ++n) {
    out += pool[rng.below(pool.size())];
    if (n == next_stop) {
      out += "，";
      next_stop += rng.between(8, 30);
    }
  }
  return out + "。";
}

// The first `chars` code points of UTF-8 `text`.
inline std::string first_chars(const std::string& text, std::size_t chars) {
  std::size_t i = 0;
  for (; i < text.size() && chars > 0; --chars) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

// Who proposes copy `n` (0, 1, …; unique up to 18,000): proposer, unit and phone.
inline void give_source(zhinan::Suggestion& s, const zhinan::Suggestion& seed, std::size_t n) {
  static const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                   "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
  static const char* given[] = {"志", "建", "文", "明", "海", "立", "新", "国", "晓", "春", "振", "永", "光", "宏", "德",
                                "平", "军", "红", "丽", "伟", "芳", "强", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛"};
  s.source.unit = seed.source.unit + "第" + std::to_string(n + 1) + "研究室";
  s.source.proposer = std::string(surnames[n % 20]) + given[(n / 20) % 30] + given[(n / 600) % 30];
  char phone[24];
  std::snprintf(phone, sizeof phone, "139%08zu", n + 1);
  s.source.phone = phone;
}

// Copy `n` of `seed`: its own title and source, and text of its own after the opening.
inline zhinan::Suggestion distinct_copy(const zhinan::Suggestion& seed, std::size_t n, Rng& rng,
                                        const std::vector<std::string>& pool) {
  zhinan::Suggestion s = seed;
  s.title += "（第" + std::to_string(n + 1) + "批）";
  give_source(s, seed, n);
  s.overview = first_chars(s.overview, 200) + filler(rng, pool, 650);
  if (s.report) s.report->research_content = first_chars(s.report->research_content, 100) + filler(rng, pool, 600);
  return s;
}

}  // namespace bench

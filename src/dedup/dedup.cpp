// The batch rules of 三(三): the same proposer, the same suggestion, near-duplicates.
#include "zhinan/dedup.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <cstdio>
#include <map>
#include <set>

#include "dedup/near_duplicates_hash.hpp"
#include "rules/rule_context.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/near_duplicates.hpp"
#include "zhinan/phone.hpp"

namespace zhinan {
namespace {

std::string score_text(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

// What the rules compare of one suggestion, folded once.
struct Folded {
  std::string proposer, unit, title, phone;
  ShingleSet shingles;
};

Folded fold(const Suggestion& s, const PhonePlan& plan) {
  Folded f;
  f.proposer = fold_for_comparison(s.source.proposer);
  f.unit = fold_for_comparison(s.source.unit);
  f.title = fold_for_comparison(s.title);
  if (auto phone = parse_phone(s.source.phone, plan)) f.phone = phone->digits;
  f.shingles = ShingleSet::of(comparison_text(s));
  return f;
}

detail::Params about(const BatchEntry& other) {
  return {{"other_file", other.name}, {"other_title", other.suggestion->title}};
}

void check_proposers(std::span<const BatchEntry> entries, const std::vector<Folded>& folded,
                     detail::RuleContext& ctx, std::vector<std::size_t>& owner) {
  std::map<std::string, std::size_t> first;  // "name\nphone" and "name\n\nunit" keys
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Folded& f = folded[i];
    if (f.proposer.empty()) continue;
    std::vector<std::string> keys;
    if (!f.phone.empty()) keys.push_back(f.proposer + "\n" + f.phone);
    if (!f.unit.empty()) keys.push_back(f.proposer + "\n\n" + f.unit);
    std::optional<std::size_t> earlier;
    for (const auto& k : keys)
      if (auto it = first.find(k); it != first.end() && (!earlier || it->second < *earlier)) earlier = it->second;
    for (const auto& k : keys) first.emplace(k, i);
    if (!earlier) continue;
    detail::Params p = about(entries[*earlier]);
    p.emplace_back("proposer", entries[i].suggestion->source.proposer);
    ctx.report("batch.proposer_multiple", "/source/proposer", p);
    owner.push_back(i);
  }
}

void check_duplicates(std::span<const BatchEntry> entries, std::vector<Folded>& folded,
                      const Profile& profile, detail::RuleContext& ctx, std::vector<std::size_t>& owner) {
  const SimilarityThresholds& t = profile.similarity();
  std::set<std::pair<std::size_t, std::size_t>> reported;
  // Equal folded titles are the same suggestion whatever the content says.
  std::map<std::string, std::size_t> first_title;
  std::map<std::size_t, std::vector<std::pair<std::size_t, double>>> later;  // j → (i, score)
  for (std::size_t j = 0; j < entries.size(); ++j) {
    if (folded[j].title.empty()) continue;
    auto [it, fresh] = first_title.emplace(folded[j].title, j);
    if (!fresh) later[j].emplace_back(it->second, -1.0);
  }
  std::vector<ShingleSet> sets;
  sets.reserve(folded.size());
  for (Folded& f : folded) sets.push_back(std::move(f.shingles));
  // The batch is compared once, among itself: no index is kept, no compact copy made.
  const IndexParams params{.threshold = std::min(t.batch_similar, t.batch_duplicate)};
  for (const auto& pair : NearDuplicateIndex::pairs_among(sets, params))
    later[pair.second].emplace_back(pair.first, pair.score);

  for (auto& [j, matches] : later) {
    std::sort(matches.begin(), matches.end());
    for (const auto& [i, score] : matches) {
      if (!reported.insert({i, j}).second) continue;
      detail::Params p = about(entries[i]);
      const bool same_title = folded[i].title == folded[j].title && !folded[j].title.empty();
      const double exact = score >= 0 ? score : jaccard(sets[i], sets[j]);
      p.emplace_back("score", score_text(exact));
      if (same_title || exact >= t.batch_duplicate) {
        p.emplace_back("reason", same_title ? "项目名称相同" : "内容相似度" + score_text(exact));
        p.emplace_back("reason_en", same_title ? "the same title" : "content similarity " + score_text(exact));
        ctx.report("batch.duplicate", same_title ? "/title" : "", p);
      } else {
        ctx.report("batch.similar", "", p);
      }
      owner.push_back(j);
    }
  }
}

}  // namespace

std::string comparison_text(const Suggestion& s) {
  std::string text = s.title;
  text += s.overview;
  if (s.report) text += s.report->research_content;
  return fold_for_comparison(text);
}

bool same_proposer(const Suggestion& a, const Suggestion& b, const PhonePlan& plan) {
  const std::string name = fold_for_comparison(a.source.proposer);
  if (name.empty() || name != fold_for_comparison(b.source.proposer)) return false;
  auto pa = parse_phone(a.source.phone, plan), pb = parse_phone(b.source.phone, plan);
  if (pa && pb && pa->digits == pb->digits) return true;
  const std::string unit = fold_for_comparison(a.source.unit);
  return !unit.empty() && unit == fold_for_comparison(b.source.unit);
}

Diagnostics check_batch(std::span<const BatchEntry> entries, const Profile& profile, const FundedRegistry* registry) {
  // Folding (ICU, Traditional to Simplified) is most of the cost: spread it over the cores.
  std::vector<Folded> folded(entries.size());
  {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next++) < entries.size();) folded[i] = fold(*entries[i].suggestion, profile.phone_plan());
    };
    const unsigned threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), entries.size() / 16 + 1);
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }

  // Against the registry, from the shingles just made (before the batch's index takes
  // them), every entry on its own core; reported below in entry order.
  std::vector<std::vector<FundedRegistry::Match>> funded(registry ? entries.size() : 0);
  if (registry)
    detail::parallel_for(entries.size(), 0, [&](std::size_t i) { funded[i] = registry->matches(folded[i].shingles); });

  detail::RuleContext ctx(profile, Mode::submit);
  std::vector<std::size_t> owner;  // the entry each finding is about, in order
  check_proposers(entries, folded, ctx, owner);
  check_duplicates(entries, folded, profile, ctx, owner);
  if (registry) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      for (const auto& m : funded[i]) {
        ctx.report("history.similar_funded", "",
                   {{"funded_id", m.project->id}, {"funded_year", std::to_string(m.project->year)},
                    {"funded_title", m.project->title}, {"funded_unit", m.project->unit},
                    {"score", score_text(m.score)}});
        owner.push_back(i);
      }
    }
  }
  Diagnostics found = ctx.take();
  // Grouped by suggestion in batch order; each suggestion's findings in rule order.
  std::vector<std::size_t> order(found.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return owner[a] < owner[b]; });
  Diagnostics sorted;
  sorted.reserve(found.size());
  for (std::size_t k : order) {
    sorted.push_back(std::move(found[k]));
    sorted.back().file = entries[owner[k]].name;
  }
  return sorted;
}

}  // namespace zhinan

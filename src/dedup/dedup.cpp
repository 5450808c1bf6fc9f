// The batch rules of 三(三): the same proposer, the same suggestion, near-duplicates.
#include "zhinan/dedup.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "base/parallel_for.hpp"
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

detail::Params about(const BatchKey& other) { return {{"other_file", other.name}, {"other_title", other.title}}; }

void check_proposers(const std::vector<BatchKey>& keys, detail::RuleContext& ctx, std::vector<std::size_t>& owner) {
  std::map<std::string, std::size_t> first;  // "name\nphone" and "name\n\nunit" keys
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const BatchKey& f = keys[i];
    if (f.folded_proposer.empty()) continue;
    std::vector<std::string> both;
    if (!f.phone.empty()) both.push_back(f.folded_proposer + "\n" + f.phone);
    if (!f.folded_unit.empty()) both.push_back(f.folded_proposer + "\n\n" + f.folded_unit);
    std::optional<std::size_t> earlier;
    for (const auto& k : both)
      if (auto it = first.find(k); it != first.end() && (!earlier || it->second < *earlier)) earlier = it->second;
    for (const auto& k : both) first.emplace(k, i);
    if (!earlier) continue;
    detail::Params p = about(keys[*earlier]);
    p.emplace_back("proposer", f.proposer);
    ctx.report("batch.proposer_multiple", "/source/proposer", p);
    owner.push_back(i);
  }
}

void check_duplicates(const std::vector<BatchKey>& keys, const std::vector<ShingleSet>& sets, const Profile& profile,
                      detail::RuleContext& ctx, std::vector<std::size_t>& owner) {
  const SimilarityThresholds& t = profile.similarity();
  std::set<std::pair<std::size_t, std::size_t>> reported;
  // Equal folded titles are the same suggestion whatever the content says.
  std::map<std::string, std::size_t> first_title;
  std::map<std::size_t, std::vector<std::pair<std::size_t, double>>> later;  // j → (i, score)
  for (std::size_t j = 0; j < keys.size(); ++j) {
    if (keys[j].folded_title.empty()) continue;
    auto [it, fresh] = first_title.emplace(keys[j].folded_title, j);
    if (!fresh) later[j].emplace_back(it->second, -1.0);
  }
  // The batch is compared once, among itself: no index is kept, no compact copy made.
  const IndexParams params{.threshold = std::min(t.batch_similar, t.batch_duplicate)};
  for (const auto& pair : NearDuplicateIndex::pairs_among(sets, params))
    later[pair.second].emplace_back(pair.first, pair.score);

  for (auto& [j, matches] : later) {
    std::sort(matches.begin(), matches.end());
    for (const auto& [i, score] : matches) {
      if (!reported.insert({i, j}).second) continue;
      detail::Params p = about(keys[i]);
      const bool same_title = keys[i].folded_title == keys[j].folded_title && !keys[j].folded_title.empty();
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

BatchKey batch_key(std::string name, const Suggestion& s, const Profile& profile) {
  BatchKey k;
  k.name = std::move(name);
  k.title = s.title;
  k.proposer = s.source.proposer;
  k.folded_proposer = fold_for_comparison(s.source.proposer);
  k.folded_unit = fold_for_comparison(s.source.unit);
  k.folded_title = fold_for_comparison(s.title);
  if (auto phone = parse_phone(s.source.phone, profile.phone_plan())) k.phone = phone->digits;
  k.shingles = ShingleSet::of(comparison_text(s));
  return k;
}

Diagnostics check_batch(std::span<const BatchEntry> entries, const Profile& profile, const FundedRegistry* registry) {
  // Folding is most of the cost: spread it over the cores.
  std::vector<BatchKey> keys(entries.size());
  detail::parallel_for(entries.size(), 0,
                       [&](std::size_t i) { keys[i] = batch_key(entries[i].name, *entries[i].suggestion, profile); });
  return check_batch(std::move(keys), profile, registry);
}

Diagnostics check_batch(std::vector<BatchKey> keys, const Profile& profile, const FundedRegistry* registry) {
  // Against the registry, from the shingles already made, every entry on its own core;
  // reported below in entry order.
  std::vector<std::vector<FundedRegistry::Match>> funded(registry ? keys.size() : 0);
  if (registry)
    detail::parallel_for(keys.size(), 0, [&](std::size_t i) { funded[i] = registry->matches(keys[i].shingles); });

  detail::RuleContext ctx(profile, Mode::submit);
  std::vector<std::size_t> owner;  // the entry each finding is about, in order
  check_proposers(keys, ctx, owner);
  std::vector<ShingleSet> sets;
  sets.reserve(keys.size());
  for (BatchKey& k : keys) sets.push_back(std::move(k.shingles));
  check_duplicates(keys, sets, profile, ctx, owner);
  if (registry) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
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
    sorted.back().file = keys[owner[k]].name;
  }
  return sorted;
}

}  // namespace zhinan

// 三(三) of the call, across suggestions: one proposer, one suggestion; the same suggestion
// never twice under another proposer, unit or department; nothing already funded again.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"
#include "zhinan/near_duplicates.hpp"
#include "zhinan/profile.hpp"

namespace zhinan {

// The text the similarity rules compare, folded (NFKC, case and width, Traditional to
// Simplified, no punctuation or white space): title + overview + research content.
std::string comparison_text(const Suggestion& suggestion);

// 同一建议人: equal folded names and the same phone number (however written), or equal
// folded names and equal folded units.
bool same_proposer(const Suggestion& a, const Suggestion& b, const PhonePlan& plan);

// A project the province has already funded (省级科技计划或其他省直部门已立项).
struct FundedProject {
  std::string id;
  int year = 0;
  std::string title;
  std::string abstract;
  std::string unit;
};

// The funded projects with a near-duplicate index over their folded title + abstract,
// built once and reusable (save / load).
class FundedRegistry {
 public:
  FundedRegistry(FundedRegistry&&) noexcept;
  FundedRegistry& operator=(FundedRegistry&&) noexcept;
  ~FundedRegistry();

  struct LoadResult;
  // JSON Lines, one {"id", "year", "title", "abstract", "unit"} per line. A bad line is
  // reported (registry.line_invalid, with its line number) and skipped; blank lines are fine.
  // Lines are read, folded and shingled on every core; the result does not depend on it.
  static LoadResult from_jsonl(std::string_view text, double threshold);
  static LoadResult from_jsonl_file(const std::filesystem::path& path, double threshold);
  // The saved form: the projects and their index in one file, written atomically; load
  // reads it without parsing a line per project, and reads the earlier form too.
  bool save(const std::filesystem::path& path, std::string* error) const;
  static LoadResult load(const std::filesystem::path& path);

  const std::vector<FundedProject>& projects() const;
  double threshold() const;
  struct Match {
    const FundedProject* project;
    double score;  // exact Jaccard of the folded texts' character 3-grams
  };
  // Funded projects at least as similar as the threshold, best first. Const: may run on
  // many threads at once.
  std::vector<Match> matches(const Suggestion& suggestion) const;
  // The same, from the shingles of comparison_text(suggestion) already made.
  std::vector<Match> matches(const ShingleSet& comparison_shingles) const;

 private:
  struct Impl;
  explicit FundedRegistry(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct FundedRegistry::LoadResult {
  std::optional<FundedRegistry> registry;
  Diagnostics diagnostics;
};

// One suggestion of a batch: its name (the file, as the clerk knows it) and its data.
struct BatchEntry {
  std::string name;
  const Suggestion* suggestion;
};

// The batch rules (batch.proposer_multiple, batch.duplicate, batch.similar and, with a
// registry, history.similar_funded) across every suggestion given together: one
// department's batch or every package the province holds. Each finding is reported on the
// later suggestion, names the earlier one (or the funded project) and, for similarity, the
// score; `file` says which suggestion it is about. Time grows linearly with the batch.
Diagnostics check_batch(std::span<const BatchEntry> entries, const Profile& profile = Profile::builtin(),
                        const FundedRegistry* registry = nullptr);

// What the batch rules read of one suggestion, made once: its name, the title and proposer
// the findings quote, the folded proposer, unit and title, the phone's digits and the
// shingles of comparison_text. Made on any thread (batch_key is const on its inputs), so
// that a caller reading many files can make each key beside the file's other checks and
// let the suggestion go.
struct BatchKey {
  std::string name, title, proposer;
  std::string folded_proposer, folded_unit, folded_title, phone;
  ShingleSet shingles;
};
BatchKey batch_key(std::string name, const Suggestion& suggestion, const Profile& profile = Profile::builtin());

// check_batch of the suggestions the keys were made from (the same findings, in the same
// order); the keys are used up.
Diagnostics check_batch(std::vector<BatchKey> keys, const Profile& profile = Profile::builtin(),
                        const FundedRegistry* registry = nullptr);

}  // namespace zhinan

// The registry of funded projects (已立项项目) and its near-duplicate index.
#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "json_read.hpp"
#include "json_text.hpp"
#include "rule_context.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/io.hpp"
#include "zhinan/near_duplicates.hpp"

namespace zhinan {

struct FundedRegistry::Impl {
  std::vector<FundedProject> projects;
  NearDuplicateIndex index;
};

FundedRegistry::FundedRegistry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FundedRegistry::FundedRegistry(FundedRegistry&&) noexcept = default;
FundedRegistry& FundedRegistry::operator=(FundedRegistry&&) noexcept = default;
FundedRegistry::~FundedRegistry() = default;

const std::vector<FundedProject>& FundedRegistry::projects() const { return impl_->projects; }
double FundedRegistry::threshold() const { return impl_->index.params().threshold; }

namespace {

// What a funded project is compared by: its folded title and abstract.
std::string funded_text(const FundedProject& p) { return fold_for_comparison(p.title + p.abstract); }

// One line of the JSON Lines registry, or why it cannot be read.
std::optional<FundedProject> read_line(std::string_view line, std::string& reason_zh, std::string& reason_en) {
  detail::JsonText text = detail::parse_json_text(line);
  if (!text.value) {
    reason_zh = text.diagnostics.front().message_zh;
    reason_en = text.diagnostics.front().message_en;
    return std::nullopt;
  }
  if (!text.value->is_object()) {
    reason_zh = "应为一个 JSON 对象";
    reason_en = "should be one JSON object";
    return std::nullopt;
  }
  Diagnostics problems;
  detail::ObjectReader r(text.value->get_object(), "", problems, "registry.line_invalid");
  FundedProject p;
  p.id = r.string("id").value_or("");
  p.year = static_cast<int>(r.integer("year").value_or(0));
  p.title = r.string("title").value_or("");
  p.abstract = r.string("abstract").value_or("");
  p.unit = r.string("unit").value_or("");
  if (!problems.empty()) {
    reason_zh = problems.front().message_zh;
    reason_en = problems.front().message_en;
    return std::nullopt;
  }
  if (p.id.empty() || p.title.empty()) {
    reason_zh = "缺少编号（id）或项目名称（title）";
    reason_en = "the id or the title is missing";
    return std::nullopt;
  }
  return p;
}

}  // namespace

FundedRegistry::LoadResult FundedRegistry::from_jsonl(std::string_view text, double threshold) {
  LoadResult result;
  auto impl = std::make_unique<Impl>(Impl{{}, NearDuplicateIndex(IndexParams{.threshold = threshold})});
  detail::RuleContext ctx(Profile::builtin(), Mode::submit);
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string reason_zh, reason_en;
    std::optional<FundedProject> project = read_line(line, reason_zh, reason_en);
    if (!project) {
      ctx.report("registry.line_invalid", "",
                 {{"line", std::to_string(line_number)}, {"reason", reason_zh}, {"reason_en", reason_en}});
      continue;
    }
    impl->index.add(ShingleSet::of(funded_text(*project)));
    impl->projects.push_back(std::move(*project));
  }
  result.diagnostics = ctx.take();
  for (auto& d : result.diagnostics) {
    const auto line = std::find_if(d.params.begin(), d.params.end(), [](const auto& p) { return p.first == "line"; });
    int n = 0;
    std::from_chars(line->second.data(), line->second.data() + line->second.size(), n);
    d.location = TextLocation{n, 1};
  }
  result.registry = FundedRegistry(std::move(impl));
  return result;
}

FundedRegistry::LoadResult FundedRegistry::from_jsonl_file(const std::filesystem::path& path, double threshold) {
  std::string error;
  std::optional<std::string> bytes = read_file(path, &error);
  if (!bytes) {
    LoadResult result;
    result.diagnostics.push_back(detail::make_diagnostic(
        "io.read_failed", Severity::error, "", "无法读取已立项项目清单“" + path_to_utf8(path) + "”：" + error,
        "cannot read the funded-project registry \"" + path_to_utf8(path) + "\": " + error));
    return result;
  }
  return from_jsonl(*bytes, threshold);
}

std::vector<FundedRegistry::Match> FundedRegistry::matches(const Suggestion& suggestion) const {
  std::vector<Match> out;
  for (const NearDuplicate& hit : impl_->index.query(ShingleSet::of(comparison_text(suggestion))))
    out.push_back({&impl_->projects[hit.id], hit.score});
  return out;
}

}  // namespace zhinan

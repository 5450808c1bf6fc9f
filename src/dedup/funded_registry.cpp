// The registry of funded projects (已立项项目) and its near-duplicate index.
#include <algorithm>
#include <boost/json.hpp>
#include <atomic>
#include <charconv>
#include <fstream>

#include "model/json_read.hpp"
#include "model/json_text.hpp"
#include "rules/rule_context.hpp"
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
  FileError error;
  std::optional<std::string> bytes = read_file(path, &error);
  if (!bytes) {
    LoadResult result;
    result.diagnostics.push_back(detail::make_diagnostic(
        "io.read_failed", Severity::error, "", "无法读取已立项项目清单“" + path_to_utf8(path) + "”：" + error.zh,
        "cannot read the funded-project registry \"" + path_to_utf8(path) + "\": " + error.en));
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

// The saved registry: a first line naming the format, a JSON line with the threshold and
// the counts, one JSON line per project, then the near-duplicate index's own file bytes.
namespace zhinan {
namespace {

constexpr std::string_view kRegistryMagic = "zhinan.registry/1\n";

std::filesystem::path scratch_beside(const std::filesystem::path& target, std::string_view what) {
  static std::atomic<unsigned> counter{0};
  return target.parent_path() /
         path_from_utf8("." + path_to_utf8(target.filename()) + "." + std::string(what) + "-" +
                        std::to_string(counter++));
}

}  // namespace

bool FundedRegistry::save(const std::filesystem::path& path, std::string* error) const {
  const auto index_file = scratch_beside(path, "index");
  const auto whole_file = scratch_beside(path, "tmp");
  std::error_code ec;
  auto fail = [&](std::string reason) {
    std::filesystem::remove(index_file, ec);
    std::filesystem::remove(whole_file, ec);
    if (error) *error = std::move(reason);
    return false;
  };
  std::string index_error;
  if (!impl_->index.save(index_file, &index_error)) return fail(index_error);
  std::optional<std::string> index_bytes = read_file(index_file, &index_error);
  if (!index_bytes) return fail("无法读取索引：" + index_error + "\ncannot read the index: " + index_error);
  std::string out(kRegistryMagic);
  out += boost::json::serialize(boost::json::object{{"threshold", threshold()},
                                                    {"projects", impl_->projects.size()},
                                                    {"index_bytes", index_bytes->size()}});
  out += '\n';
  for (const auto& p : impl_->projects) {
    out += boost::json::serialize(boost::json::object{
        {"id", p.id}, {"year", p.year}, {"title", p.title}, {"abstract", p.abstract}, {"unit", p.unit}});
    out += '\n';
  }
  out += *index_bytes;
  {
    std::ofstream file(whole_file, std::ios::binary);
    file << out;
    file.close();
    if (!file) return fail("写入失败\nwrite failed");
  }
  std::filesystem::rename(whole_file, path, ec);
  if (ec) return fail("无法替换目标文件：" + ec.message() + "\ncannot replace the target: " + ec.message());
  std::filesystem::remove(index_file, ec);
  return true;
}

FundedRegistry::LoadResult FundedRegistry::load(const std::filesystem::path& path) {
  LoadResult result;
  auto refuse = [&](const std::string& zh, const std::string& en) {
    result.diagnostics.push_back(detail::make_diagnostic(
        "registry.index_invalid", Severity::error, "", "已立项项目索引“" + path_to_utf8(path) + "”无法使用：" + zh,
        "the registry index \"" + path_to_utf8(path) + "\" cannot be used: " + en));
    return std::move(result);
  };
  FileError read_error;
  std::optional<std::string> bytes = read_file(path, &read_error);
  std::string error;
  if (!bytes) {  // not there or no file at all: an I/O failure, not a bad index
    result.diagnostics.push_back(detail::make_diagnostic(
        "io.read_failed", Severity::error, "", "无法读取已立项项目索引“" + path_to_utf8(path) + "”：" + read_error.zh,
        "cannot read the registry index \"" + path_to_utf8(path) + "\": " + read_error.en));
    return result;
  }
  std::string_view rest = *bytes;
  if (!rest.starts_with(kRegistryMagic)) return refuse("不是 zhinan 的索引文件", "not a zhinan registry index");
  rest.remove_prefix(kRegistryMagic.size());
  auto next_line = [&]() -> std::optional<std::string_view> {
    const auto end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return line;
  };
  auto header_line = next_line();
  if (!header_line) return refuse("文件不完整", "the file is truncated");
  boost::system::error_code ec;
  boost::json::value header = boost::json::parse(*header_line, ec);
  const boost::json::object* h = header.if_object();
  if (ec || !h || !h->contains("threshold") || !h->contains("projects") || !h->contains("index_bytes") ||
      !h->at("projects").is_number() || !h->at("index_bytes").is_number() || !h->at("threshold").is_number())
    return refuse("文件头损坏", "the header is corrupt");
  const auto count = h->at("projects").to_number<std::uint64_t>(ec);
  const auto index_size = h->at("index_bytes").to_number<std::uint64_t>(ec);
  if (ec || count > bytes->size()) return refuse("文件头损坏", "the header is corrupt");
  auto impl = std::make_unique<Impl>();
  impl->projects.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    auto line = next_line();
    std::string zh, en;
    std::optional<FundedProject> project = line ? read_line(*line, zh, en) : std::nullopt;
    if (!project) return refuse("第" + std::to_string(i + 1) + "个项目损坏", "project " + std::to_string(i + 1) + " is corrupt");
    impl->projects.push_back(std::move(*project));
  }
  if (rest.size() != index_size) return refuse("文件不完整", "the file is truncated");
  const auto scratch = scratch_beside(path, "load");
  {
    std::ofstream file(scratch, std::ios::binary);
    file << rest;
  }
  std::optional<NearDuplicateIndex> index = NearDuplicateIndex::load(scratch, &error);
  std::error_code rm;
  std::filesystem::remove(scratch, rm);
  if (!index) {
    const auto split = error.find('\n');
    return refuse(error.substr(0, split), split == std::string::npos ? error : error.substr(split + 1));
  }
  if (index->size() != impl->projects.size()) return refuse("索引与项目数不符", "the index does not match the projects");
  impl->index = std::move(*index);
  result.registry = FundedRegistry(std::move(impl));
  return result;
}

}  // namespace zhinan

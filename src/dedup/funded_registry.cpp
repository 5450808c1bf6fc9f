// The registry of funded projects (已立项项目) and its near-duplicate index.
#include <algorithm>
#include <boost/json.hpp>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <fstream>

#include "model/json_read.hpp"
#include "model/json_text.hpp"
#include "rules/rule_context.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/fold.hpp"
#include "zhinan/io.hpp"
#include "zhinan/near_duplicates.hpp"
#include "base/parallel_for.hpp"
#include "dedup/near_duplicates_hash.hpp"

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
  std::vector<std::pair<std::size_t, std::string_view>> lines;  // (line number, line) of the non-blank lines
  for (std::size_t line_number = 1; !text.empty(); ++line_number) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.emplace_back(line_number, line);
  }
  // Reading, folding and shingling spread over the cores in blocks (the sets of a block are
  // held at once, not the registry's); then, in line order, the reports and the index.
  struct Read {
    std::optional<FundedProject> project;
    std::string reason_zh, reason_en;
    ShingleSet shingles;
  };
  constexpr std::size_t kBlock = 4096;
  std::vector<Read> block;
  for (std::size_t from = 0; from < lines.size(); from += kBlock) {
    const std::size_t count = std::min(kBlock, lines.size() - from);
    block.assign(count, Read{});
    detail::parallel_for(count, 0, [&](std::size_t i) {
      Read& r = block[i];
      r.project = read_line(lines[from + i].second, r.reason_zh, r.reason_en);
      if (r.project) r.shingles = ShingleSet::of(funded_text(*r.project));
    });
    std::vector<ShingleSet> sets;
    for (std::size_t i = 0; i < count; ++i) {
      Read& r = block[i];
      if (!r.project) {
        ctx.report("registry.line_invalid", "",
                   {{"line", std::to_string(lines[from + i].first)}, {"reason", r.reason_zh}, {"reason_en", r.reason_en}});
        continue;
      }
      sets.push_back(std::move(r.shingles));
      impl->projects.push_back(std::move(*r.project));
    }
    impl->index.add_all(std::move(sets));
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
  return matches(ShingleSet::of(comparison_text(suggestion)));
}

std::vector<FundedRegistry::Match> FundedRegistry::matches(const ShingleSet& comparison_shingles) const {
  std::vector<Match> out;
  for (const NearDuplicate& hit : impl_->index.query(comparison_shingles))
    out.push_back({&impl_->projects[hit.id], hit.score});
  return out;
}

}  // namespace zhinan

// The saved registry (format 2): a first line naming the file, a JSON line with the format,
// the threshold, the counts and sizes and the projects' checksum, the projects in binary
// (per project: varint year + 2³¹, then id, title, abstract, unit as varint length and
// bytes), then the near-duplicate index's own bytes (NearDuplicateIndex::to_bytes). Format 1
// (no "format" in the JSON line: a JSON line per project, then an index of the earlier
// layout) is still read.
namespace zhinan {
namespace {

constexpr std::string_view kRegistryMagic = "zhinan.registry/1\n";
constexpr int kRegistryFormat = 2;

void put_varint(std::string& out, std::uint64_t v) {
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>(v | 0x80));
  out.push_back(static_cast<char>(v));
}

bool get_varint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= std::uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

bool get_string(std::string_view& in, std::string& out) {
  std::uint64_t length = 0;
  if (!get_varint(in, length) || length > in.size()) return false;
  out.assign(in.substr(0, static_cast<std::size_t>(length)));
  in.remove_prefix(static_cast<std::size_t>(length));
  return true;
}

std::string checksum_text(std::string_view bytes) {
  detail::WordChecksum checksum;
  for (std::size_t at = 0; at < bytes.size(); at += 8) {
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < 8 && at + i < bytes.size(); ++i)
      word |= std::uint64_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
    checksum.add(word);
  }
  checksum.add(bytes.size());
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(checksum.value()));
  return text;
}

std::filesystem::path temporary_beside(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  return target.parent_path() /
         path_from_utf8("." + path_to_utf8(target.filename()) + ".tmp-" + std::to_string(counter++));
}

}  // namespace

bool FundedRegistry::save(const std::filesystem::path& path, std::string* error) const {
  std::string projects;
  for (const auto& p : impl_->projects) {
    put_varint(projects, static_cast<std::uint64_t>(static_cast<std::int64_t>(p.year) + (std::int64_t{1} << 31)));
    for (const std::string* field : {&p.id, &p.title, &p.abstract, &p.unit}) {
      put_varint(projects, field->size());
      projects += *field;
    }
  }
  const std::string index = impl_->index.to_bytes();
  std::string out(kRegistryMagic);
  out += boost::json::serialize(boost::json::object{{"format", kRegistryFormat},
                                                    {"threshold", threshold()},
                                                    {"projects", impl_->projects.size()},
                                                    {"projects_bytes", projects.size()},
                                                    {"projects_checksum", checksum_text(projects)},
                                                    {"index_bytes", index.size()}});
  out += '\n';
  out += projects;
  out += index;
  const auto temporary = temporary_beside(path);
  std::error_code ec;
  {
    std::ofstream file(temporary, std::ios::binary);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    file.close();
    if (!file) {
      std::filesystem::remove(temporary, ec);
      if (error) *error = "写入失败\nwrite failed";
      return false;
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    const std::string reason = ec.message();
    std::filesystem::remove(temporary, ec);
    if (error) *error = "无法替换目标文件：" + reason + "\ncannot replace the target: " + reason;
    return false;
  }
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
  std::int64_t format = 1;
  if (const boost::json::value* f = h->if_contains("format")) {
    if (!f->is_int64() || f->as_int64() < 2) return refuse("文件头损坏", "the header is corrupt");
    format = f->as_int64();
    if (format > kRegistryFormat)
      return refuse("索引格式版本 " + std::to_string(format) + " 较新，本程序只能读取版本 1 和 2",
                    "the registry index has format " + std::to_string(format) + ", newer than this build reads (1 and 2)");
  }
  auto impl = std::make_unique<Impl>();
  impl->projects.reserve(static_cast<std::size_t>(count));
  if (format == 1) {
    for (std::uint64_t i = 0; i < count; ++i) {
      auto line = next_line();
      std::string zh, en;
      std::optional<FundedProject> project = line ? read_line(*line, zh, en) : std::nullopt;
      if (!project) return refuse("第" + std::to_string(i + 1) + "个项目损坏", "project " + std::to_string(i + 1) + " is corrupt");
      impl->projects.push_back(std::move(*project));
    }
  } else {
    const boost::json::value* size = h->if_contains("projects_bytes");
    const boost::json::value* sum = h->if_contains("projects_checksum");
    if (!size || !size->is_number() || !sum || !sum->is_string()) return refuse("文件头损坏", "the header is corrupt");
    const auto projects_size = size->to_number<std::uint64_t>(ec);
    if (ec) return refuse("文件头损坏", "the header is corrupt");
    if (projects_size > rest.size()) return refuse("文件不完整", "the file is truncated");
    std::string_view in = rest.substr(0, static_cast<std::size_t>(projects_size));
    rest.remove_prefix(static_cast<std::size_t>(projects_size));
    if (checksum_text(in) != sum->as_string()) return refuse("项目数据校验和不符", "the projects' checksum does not match");
    for (std::uint64_t i = 0; i < count; ++i) {
      FundedProject p;
      std::uint64_t year = 0;
      if (!get_varint(in, year) || year > 0xFFFFFFFFu || !get_string(in, p.id) || !get_string(in, p.title) ||
          !get_string(in, p.abstract) || !get_string(in, p.unit))
        return refuse("第" + std::to_string(i + 1) + "个项目损坏", "project " + std::to_string(i + 1) + " is corrupt");
      p.year = static_cast<int>(static_cast<std::int64_t>(year) - (std::int64_t{1} << 31));
      impl->projects.push_back(std::move(p));
    }
    if (!in.empty()) return refuse("项目数据有多余内容", "the projects have trailing data");
  }
  if (rest.size() != index_size) return refuse("文件不完整", "the file is truncated");
  std::string error;
  std::optional<NearDuplicateIndex> index = NearDuplicateIndex::from_bytes(rest, &error);
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

// Audit::run: every package read and laid out, every document read and validated, then
// the batch rules across all packages together.
#include "zhinan/audit.hpp"

#include <algorithm>
#include <map>

#include "audit/archive_reader.hpp"
#include "audit/package_layout.hpp"
#include "audit/summary_check.hpp"
#include "base/parallel_for.hpp"
#include "import/form_values.hpp"
#include "zhinan/import.hpp"
#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan {

namespace fs = std::filesystem;

struct Audit::Impl {
  struct Package {
    std::string name;
    std::optional<fs::path> path;  // a file or a folder
    std::string bytes;             // when added from memory
  };
  std::shared_ptr<const Profile> profile;
  std::shared_ptr<const FundedRegistry> registry;
  std::vector<Package> packages;
};

namespace {

using detail::EntryFinding;

// 汇总表 files beside a package file: any .xlsx/.csv with 汇总表 in its name whose name
// begins with the package's stem ("部门.zip" → "部门-汇总表.xlsx").
std::vector<detail::SummaryTable> tables_beside(const fs::path& package) {
  std::vector<detail::SummaryTable> out;
  std::error_code ec;
  const std::string stem = path_to_utf8(package.stem());
  for (const auto& e : fs::directory_iterator(package.parent_path().empty() ? fs::path(".") : package.parent_path(), ec)) {
    const std::string name = path_to_utf8(e.path().filename());
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (!e.is_regular_file(ec) || !name.starts_with(stem) || name.find("汇总表") == std::string::npos ||
        !(lower.ends_with(".xlsx") || lower.ends_with(".csv")) || e.file_size(ec) > (64u << 20)) {
      continue;
    }
    if (std::optional<std::string> data = read_file(e.path())) out.push_back({name, std::move(*data), {}});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::string stem_of(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

struct ReadDocument {
  std::optional<Suggestion> suggestion;
  Diagnostics findings;  // import.* or format.* of reading it
  std::string unread_zh, unread_en;
};

ReadDocument read_document(const detail::LaidOutDocument& doc, const Profile& profile) {
  ReadDocument out;
  const std::string& data = doc.entry->data;
  if (doc.extension == "docx" || doc.extension == "docm") {
    ImportResult r = import_docx(data, profile);
    if (r.suggestion) {
      out.suggestion = std::move(r.suggestion);
      out.findings = std::move(r.diagnostics);
    } else {
      out.unread_zh = r.diagnostics.empty() ? "不是指南建议信息表" : r.diagnostics.front().message_zh;
      out.unread_en = r.diagnostics.empty() ? "no form" : r.diagnostics.front().message_en;
    }
  } else if (doc.extension == "json") {
    ParseResult r = parse_suggestion(data, profile);
    out.suggestion = std::move(r.suggestion);
    out.findings = std::move(r.diagnostics);
    if (!out.suggestion) out.unread_zh = "JSON 无法读取", out.unread_en = "the JSON cannot be read";
  } else {
    out.unread_zh = "." + doc.extension + " 文件无法读取其中的数据";
    out.unread_en = "the data of a ." + doc.extension + " file cannot be read";
  }
  return out;
}

// Every document of a package read on every core: reading a form is most of an audit's
// time, and documents are independent. Results stay in the package's order.
std::vector<ReadDocument> read_documents(const std::vector<detail::LaidOutDocument>& documents, const Profile& profile) {
  std::vector<ReadDocument> reads(documents.size());
  detail::parallel_for(documents.size(), 0, [&](std::size_t i) { reads[i] = read_document(documents[i], profile); });
  return reads;
}

// The title and unit a name shows may be shortened (file-name rules): a prefix is a match.
bool name_matches(const std::string& in_name, const std::string& in_data) {
  const std::string a = detail::label_key(in_name), b = detail::label_key(in_data);
  return a == b || (!a.empty() && b.starts_with(a));
}

Diagnostic with_place(Diagnostic d, const std::string& package, const std::string& entry) {
  d.package = package;
  d.entry = entry;
  return d;
}

}  // namespace

Audit::Audit(std::shared_ptr<const Profile> profile) : impl_(std::make_unique<Impl>()) {
  impl_->profile = profile ? std::move(profile) : Profile::builtin_shared();
}
Audit::~Audit() = default;
Audit::Audit(Audit&&) noexcept = default;
Audit& Audit::operator=(Audit&&) noexcept = default;

void Audit::add_package_file(const fs::path& path) {
  impl_->packages.push_back({path_to_utf8(path.filename().empty() ? path.parent_path().filename() : path.filename()), path, {}});
}

void Audit::add_package_bytes(std::string name, std::string bytes) {
  impl_->packages.push_back({std::move(name), std::nullopt, std::move(bytes)});
}

void Audit::set_registry(std::shared_ptr<const FundedRegistry> registry) { impl_->registry = std::move(registry); }

AuditResult Audit::run(const AuditOptions& options) const {
  const Profile& profile = *impl_->profile;
  AuditResult result;
  for (const Region& r : profile.regions()) result.regions.emplace_back(r.code, r.label);
  AuditProgress progress;
  progress.packages_total = impl_->packages.size();
  for (const Impl::Package& package : impl_->packages) {
    progress.package = package.name;
    if (options.progress && !options.progress(progress)) {
      result.cancelled = true;
      return result;
    }
    std::vector<EntryFinding> findings;
    auto contents = std::make_unique<detail::ArchiveContents>();
    std::vector<detail::SummaryTable> tables;
    std::error_code ec;
    if (package.path && fs::is_directory(*package.path, ec)) {
      *contents = detail::read_folder(*package.path, options.limits, findings, profile);
    } else if (package.path) {
      FileError why;
      std::optional<std::string> bytes = read_file(*package.path, &why);
      if (!bytes) {
        detail::add_finding(findings, profile, "audit.unreadable", "", {{"reason", "无法打开文件：" + why.zh}, {"reason_en", why.en}});
      } else {
        *contents = detail::read_archive(*bytes, options.limits, findings, profile);
      }
      tables = tables_beside(*package.path);
      if (bytes) {  // the tables beside it name it by size and CRC-32
        const auto fingerprint = detail::PackageFingerprint::of(*bytes);
        for (auto& t : tables) t.package_file = fingerprint;
      }
    } else {
      *contents = detail::read_archive(package.bytes, options.limits, findings, profile);
    }
    progress.entries_done += contents->entries.size();
    AuditedPackage summary{package.name, stem_of(package.name), contents->format.empty() ? "zip" : contents->format, {}, 0, 0, 0, contents->read};
    if (contents->legacy_names) detail::add_finding(findings, profile, "audit.name_legacy_encoding", "", {});

    std::vector<Diagnostics> per_document;
    std::vector<detail::DocumentFacts> facts;
    detail::PackageLayout layout;
    if (contents->read) {
      layout = detail::lay_out(*contents, profile, findings);
      for (const detail::ArchiveEntry* t : layout.summary_tables) tables.push_back({t->name, t->data, {}});
    }
    const std::size_t first_suggestion = result.suggestions.size();
    const std::vector<ReadDocument> reads = read_documents(layout.documents, profile);
    for (std::size_t k = 0; k < layout.documents.size(); ++k) {
      const detail::LaidOutDocument& doc = layout.documents[k];
      ReadDocument read = reads[k];
      AuditedSuggestion s{package.name, doc.name, doc.folder, doc.region, doc.number, doc.title_in_name, doc.unit_in_name,
                          {}, std::move(read.suggestion), false, false};
      Diagnostics d = std::move(read.findings);
      if (!s.suggestion) {
        detail::RuleContext ctx(profile, options.mode);
        ctx.report("audit.data_unread", "", {{"reason", read.unread_zh}, {"reason_en", read.unread_en}});
        for (Diagnostic& x : ctx.take()) d.push_back(std::move(x));
      }
      facts.push_back({&doc, s.suggestion ? s.suggestion->title : doc.title_in_name,
                       s.suggestion ? s.suggestion->source.unit : doc.unit_in_name, !s.suggestion});
      per_document.push_back(std::move(d));
      result.suggestions.push_back(std::move(s));
    }
    if (contents->read && !layout.documents.empty()) {
      std::string from_table;
      detail::check_summary_tables(tables, facts, profile, findings, from_table);
      if (!from_table.empty()) summary.department = from_table;
    }
    // The department: the 汇总表's header, else the package's name; a form has none of its own.
    for (std::size_t i = first_suggestion; i < result.suggestions.size(); ++i) {
      AuditedSuggestion& s = result.suggestions[i];
      s.department = summary.department;
      Diagnostics& d = per_document[i - first_suggestion];
      if (!s.suggestion) continue;
      Suggestion& data = *s.suggestion;
      if (data.department.empty()) data.department = summary.department;
      detail::RuleContext ctx(profile, options.mode);
      if (!s.region.empty() && data.region.size() == 1 && data.region.front() != s.region) {
        const Region* r = profile.find_region(data.region.front());
        ctx.report("audit.region_mismatch", "/region", {{"folder", s.folder}, {"region", r ? r->label : data.region.front()}});
      }
      const detail::LaidOutDocument& doc = layout.documents[i - first_suggestion];
      if (doc.number > 0 && !name_matches(doc.title_in_name, data.title)) {
        ctx.report("audit.name_mismatch", "/title", {{"which", "项目名称"}, {"which_en", "title"}, {"in_name", doc.title_in_name}, {"in_data", data.title}});
      }
      if (doc.number > 0 && !name_matches(doc.unit_in_name, data.source.unit)) {
        ctx.report("audit.name_mismatch", "/source/unit", {{"which", "建议单位"}, {"which_en", "unit"}, {"in_name", doc.unit_in_name}, {"in_data", data.source.unit}});
      }
      for (Diagnostic& x : ctx.take()) d.push_back(std::move(x));
      for (Diagnostic& x : validate(data, profile, options.mode)) d.push_back(std::move(x));
    }
    // Findings in order: the package's structure, then each document's.
    for (EntryFinding& f : findings) result.diagnostics.push_back(with_place(std::move(f.diagnostic), package.name, f.entry));
    for (std::size_t i = first_suggestion; i < result.suggestions.size(); ++i) {
      for (Diagnostic& x : per_document[i - first_suggestion]) {
        result.diagnostics.push_back(with_place(std::move(x), package.name, result.suggestions[i].entry));
      }
    }
    result.packages.push_back(std::move(summary));
    ++progress.packages_done;
    if (options.progress && !options.progress(progress)) {
      result.cancelled = true;
      return result;
    }
  }

  // 三(三) across every package: the same suggestion through two departments is caught here.
  std::vector<BatchEntry> entries;
  std::map<std::string, std::size_t> owner;
  for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
    const AuditedSuggestion& s = result.suggestions[i];
    if (!s.suggestion) continue;
    std::string key = s.package + "：" + s.entry;
    if (owner.contains(key)) key += "（#" + std::to_string(i + 1) + "）";
    owner.emplace(key, i);
    entries.push_back({key, &*s.suggestion});
  }
  for (Diagnostic& d : check_batch(entries, profile, impl_->registry.get())) {
    const AuditedSuggestion& s = result.suggestions[owner.at(d.file)];
    d.file.clear();
    result.diagnostics.push_back(with_place(std::move(d), s.package, s.entry));
  }

  // Verdicts per suggestion and per package.
  std::map<std::pair<std::string, std::string>, std::pair<bool, bool>> verdict;
  for (const Diagnostic& d : result.diagnostics) {
    auto& v = verdict[{d.package, d.entry}];
    v.first = v.first || d.severity == Severity::error;
    v.second = v.second || d.severity == Severity::warning;
  }
  for (AuditedSuggestion& s : result.suggestions) {
    const auto it = verdict.find({s.package, s.entry});
    if (it != verdict.end()) s.has_errors = it->second.first, s.has_warnings = it->second.second;
  }
  for (AuditedPackage& p : result.packages) {
    for (const Diagnostic& d : result.diagnostics) {
      if (d.package != p.name) continue;
      p.errors += d.severity == Severity::error;
      p.warnings += d.severity == Severity::warning;
    }
    for (const auto& region : result.regions) {
      const std::string& code = region.first;
      const std::size_t n = static_cast<std::size_t>(std::count_if(result.suggestions.begin(), result.suggestions.end(), [&](const AuditedSuggestion& s) {
        return s.package == p.name && s.region == code;
      }));
      p.per_region.emplace_back(code, n);
    }
    p.suggestions = static_cast<std::size_t>(std::count_if(result.suggestions.begin(), result.suggestions.end(),
                                                           [&](const AuditedSuggestion& s) { return s.package == p.name; }));
  }
  return result;
}

}  // namespace zhinan

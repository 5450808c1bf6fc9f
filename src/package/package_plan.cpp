// Before anything is written: every suggestion checked, every document found, folders,
// numbers and names laid out.
#include <algorithm>
#include <map>

#include "base/parallel_for.hpp"
#include "package/package_detail.hpp"
#include "rules/rule_context.hpp"
#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"

namespace zhinan::detail {
namespace {

// Formats that are compressed already: deflating them again only costs time.
bool already_compressed(std::string extension) {
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  for (std::string_view e : {"docx", "xlsx", "pptx", "pdf", "ofd", "jpg", "jpeg", "png", "zip", "rar", "7z", "gz",
                             "bz2", "xz", "docm", "xlsm", "odt", "ods", "mp4", "gif", "webp"})
    if (extension == e) return true;
  return false;
}

std::string extension_of(const std::filesystem::path& p) {
  std::string e = path_to_utf8(p.extension());
  return e.empty() ? e : e.substr(1);
}

// Whether `path` (canonical) lies inside `root` (canonical), component by component.
bool inside(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

struct FoundDocument {
  std::filesystem::path path;  // resolved, links followed
  std::uint64_t size = 0;
};

// The unit's own file, relative to its JSON file: it must resolve (links followed) inside
// that folder or an allowed root, be a regular file and hold something; else a finding.
std::optional<FoundDocument> find_document(const PackageInput& input, const PackageOptions& options,
                                          RuleContext& ctx) {
  namespace fs = std::filesystem;
  const fs::path given = path_from_utf8(input.suggestion->document);
  const fs::path base = input.base_dir.empty() ? fs::path(".") : input.base_dir;
  const fs::path path = given.is_absolute() ? given : base / given;
  const Params where{{"document", input.suggestion->document}, {"path", path_to_utf8(path)}};
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec) {
    ctx.report("package.document_missing", "/document", where);
    return std::nullopt;
  }
  std::vector<fs::path> roots = {base};
  roots.insert(roots.end(), options.document_roots.begin(), options.document_roots.end());
  const bool allowed = std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) {
    std::error_code root_ec;
    const fs::path real_root = fs::canonical(root, root_ec);
    return !root_ec && inside(real, real_root);
  });
  if (!allowed) {
    ctx.report("package.document_outside", "/document", where);
    return std::nullopt;
  }
  if (!fs::is_regular_file(real, ec)) {
    ctx.report("package.document_missing", "/document", where);
    return std::nullopt;
  }
  const std::uint64_t size = fs::file_size(real, ec);
  if (size == 0 || ec) {
    ctx.report("package.document_empty", "/document", where);
    return std::nullopt;
  }
  return FoundDocument{real, size};
}

}  // namespace

Plan plan_package(std::span<const PackageInput> inputs, const Profile& profile, const PackageOptions& options,
                  const FundedRegistry* registry, Diagnostics& diagnostics) {
  Plan plan;
  // Every rule, each suggestion alone (on every core, reported in input order) and then
  // across the batch.
  std::vector<Diagnostics> alone(inputs.size());
  parallel_for(inputs.size(), options.threads,
               [&](std::size_t i) { alone[i] = validate(*inputs[i].suggestion, profile, Mode::submit); });
  std::vector<BatchEntry> batch;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (Diagnostic& d : alone[i]) {
      d.file = inputs[i].name;
      diagnostics.push_back(std::move(d));
    }
    batch.push_back({inputs[i].name, inputs[i].suggestion});
  }
  for (Diagnostic& d : check_batch(batch, profile, registry)) diagnostics.push_back(std::move(d));

  // Folders in the profile's order, suggestions in input order within each.
  std::map<const Region*, std::vector<std::size_t>> by_region;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Suggestion& s = *inputs[i].suggestion;
    if (s.region.size() == 1)
      if (const Region* r = profile.find_region(s.region.front())) by_region[r].push_back(i);
  }
  std::vector<EntryNameRequest> requests;
  int global_number = 0;
  for (const Region& region : profile.regions()) {
    auto it = by_region.find(&region);
    if (it == by_region.end() && !options.all_regions) continue;
    plan.folders.push_back(&region);
    if (it == by_region.end()) continue;
    int number = 0;
    for (std::size_t i : it->second) {
      RuleContext ctx(profile, Mode::submit);
      PlannedEntry entry;
      entry.input = i;
      entry.region = &region;
      entry.number = options.numbering == Numbering::global ? ++global_number : ++number;
      std::string extension = "docx";
      if (!inputs[i].suggestion->document.empty()) {
        if (auto found = find_document(inputs[i], options, ctx)) {
          entry.document = found->path;
          entry.document_size = found->size;
          extension = extension_of(found->path);
        }
      }
      entry.store = already_compressed(extension);
      for (Diagnostic d : ctx.take()) {
        d.file = inputs[i].name;
        diagnostics.push_back(std::move(d));
      }
      requests.push_back({region.folder, entry.number, inputs[i].suggestion->title,
                          inputs[i].suggestion->source.unit, extension});
      plan.entries.push_back(std::move(entry));
    }
  }
  // Names: legal everywhere, within the budgets, never two the same on any file system.
  std::vector<EntryName> names = make_entry_names(requests, profile.package().file_name_pattern);
  for (std::size_t k = 0; k < plan.entries.size(); ++k) {
    for (const NameChange& change : names[k].changes) {
      Diagnostic d;
      d.file = inputs[plan.entries[k].input].name;
      d.id = "package.name_changed";
      d.severity = Severity::warning;
      d.path = "/title";
      d.message_zh = "文件名“" + names[k].file_name + "”：" + change.message_zh;
      d.message_en = "file name \"" + names[k].file_name + "\": " + change.message_en;
      d.params = {{"kind", std::string(to_string(change.kind))}, {"name", names[k].file_name}};
      diagnostics.push_back(std::move(d));
    }
    plan.entries[k].name = std::move(names[k]);
  }
  return plan;
}

}  // namespace zhinan::detail

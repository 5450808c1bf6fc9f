#include "audit/package_layout.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.hpp"
#include "import/form_values.hpp"

namespace zhinan::detail {

namespace {

// What operating systems add to a folder they zip: never a finding.
bool system_file(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return path.starts_with("__MACOSX/") || path.find("/__MACOSX/") != std::string_view::npos || base == ".DS_Store" ||
         base == "Thumbs.db" || base == "desktop.ini" || base.starts_with("~$");
}

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    out.emplace_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  std::size_t pos = 0;
  while (pos < text.size()) out.push_back(decode_utf8(text, pos));
  return out;
}

// Edit distance in characters, for "the nearest label".
std::size_t distance(std::string_view a, std::string_view b) {
  const std::vector<char32_t> x = code_points(a), y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

bool is_summary_table(std::string_view base) {
  std::string lower(base);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return base.find("汇总表") != std::string_view::npos && (lower.ends_with(".xlsx") || lower.ends_with(".csv"));
}

// "12.项目名称-建议单位.docx": the number, the title (up to the last '-') and the unit; the
// extension is taken whatever the rest, so that a misnamed form is still read.
bool parse_name(std::string_view base, LaidOutDocument& doc) {
  if (const std::size_t dot = base.rfind('.'); dot != std::string_view::npos && dot > 0) {
    doc.extension = std::string(base.substr(dot + 1));
    for (char& c : doc.extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  std::size_t digits = 0;
  while (digits < base.size() && base[digits] >= '0' && base[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4 || digits >= base.size()) return false;
  std::size_t after = digits;
  if (base[after] == '.') ++after;
  else if (base.substr(after).starts_with("．") || base.substr(after).starts_with("、")) after += 3;
  else return false;
  const std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot <= after) return false;
  const std::string_view stem = base.substr(after, dot - after);
  const std::size_t dash = stem.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= stem.size()) return false;
  doc.number = std::stoi(std::string(base.substr(0, digits)));
  doc.title_in_name = std::string(stem.substr(0, dash));
  doc.unit_in_name = std::string(stem.substr(dash + 1));
  return doc.number > 0;
}

std::string numbers_text(const std::vector<int>& numbers) {
  std::string out;
  for (int n : numbers) out += (out.empty() ? "" : "、") + std::to_string(n);
  return out;
}

void check_numbering(const std::vector<LaidOutDocument>& docs, const Profile& profile, std::vector<EntryFinding>& findings) {
  std::map<std::string, std::vector<int>> per_folder;
  std::vector<int> all;
  for (const LaidOutDocument& d : docs) {
    per_folder[d.folder].push_back(d.number);
    all.push_back(d.number);
  }
  const auto runs_from_one = [](std::vector<int> numbers) {
    std::sort(numbers.begin(), numbers.end());
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      if (numbers[i] != static_cast<int>(i + 1)) return false;
    }
    return true;
  };
  bool per_folder_ok = true;
  for (auto& [folder, numbers] : per_folder) {
    std::map<int, int> uses;
    for (int n : numbers) ++uses[n];
    for (const auto& [n, times] : uses) {
      if (times > 1) {
        add_finding(findings, profile, "audit.number_duplicate", folder,
                    {{"number", std::to_string(n)}, {"folder", folder}, {"count", std::to_string(times)}});
      }
    }
    per_folder_ok = per_folder_ok && runs_from_one(numbers);
  }
  if (per_folder_ok || runs_from_one(all)) return;  // numbered per folder, or across the package
  for (auto& [folder, numbers] : per_folder) {
    std::sort(numbers.begin(), numbers.end());
    if (runs_from_one(numbers)) continue;
    add_finding(findings, profile, "audit.numbering", folder,
                {{"folder", folder}, {"count", std::to_string(numbers.size())}, {"numbers", numbers_text(numbers)}});
  }
}

}  // namespace

void add_finding(std::vector<EntryFinding>& findings, const Profile& profile, std::string_view id,
                 const std::string& entry, Params params) {
  RuleContext ctx(profile, Mode::submit);
  ctx.report(id, "", std::move(params));
  findings.push_back({entry, std::move(ctx.take().front())});
}

const Region* region_of_folder(std::string_view folder, const Profile& profile, bool& alias) {
  alias = false;
  for (const Region& r : profile.regions()) {
    if (folder == r.label) return &r;
  }
  const std::string key = label_key(folder);
  for (const Region& r : profile.regions()) {
    bool same = !key.empty() && key == label_key(r.label);
    for (const std::string& a : r.aliases) same = same || (!key.empty() && key == label_key(a));
    if (same) {
      alias = true;
      return &r;
    }
  }
  return nullptr;
}

PackageLayout lay_out(const ArchiveContents& contents, const Profile& profile, std::vector<EntryFinding>& findings) {
  PackageLayout layout;
  std::vector<const ArchiveEntry*> files;
  for (const ArchiveEntry& e : contents.entries) {
    if (!e.directory && !system_file(e.name)) files.push_back(&e);
  }
  // One folder around everything, itself no region: the wrapper a zip tool adds.
  std::string wrapper;
  if (!files.empty()) {
    const std::vector<std::string> first = components(files.front()->name);
    bool alias = false;
    bool shared = first.size() >= 2 && !region_of_folder(first.front(), profile, alias);
    for (const ArchiveEntry* f : files) {
      const std::vector<std::string> parts = components(f->name);
      shared = shared && parts.size() >= 2 && parts.front() == first.front();
    }
    if (shared) {
      wrapper = first.front();
      add_finding(findings, profile, "audit.wrapper_folder", wrapper, {{"folder", wrapper}});
    }
  }
  std::set<std::string> folders_reported;
  for (const ArchiveEntry* f : files) {
    std::vector<std::string> parts = components(f->name);
    if (!wrapper.empty()) parts.erase(parts.begin());
    if (is_summary_table(parts.back())) {
      layout.summary_tables.push_back(f);
      continue;
    }
    if (parts.size() == 1) {
      // Outside every folder, but still a suggestion: read and checked like the others.
      add_finding(findings, profile, "audit.file_outside_folder", f->name, {{"entry", f->name}});
      LaidOutDocument doc{f, f->name, {}, {}, 0, {}, {}, {}};
      parse_name(parts.back(), doc);
      layout.documents.push_back(std::move(doc));
      continue;
    }
    LaidOutDocument doc{f, f->name, parts.front(), {}, 0, {}, {}, {}};
    bool alias = false;
    const Region* region = region_of_folder(parts.front(), profile, alias);
    if (region != nullptr) doc.region = region->code;
    const bool deeper = parts.size() > 2;
    const std::string folder_path = deeper ? parts[0] + "/" + parts[1] : parts[0];
    if (folders_reported.insert(folder_path).second) {
      if (region == nullptr || deeper) {
        std::string nearest;
        std::size_t best = static_cast<std::size_t>(-1);
        for (const Region& r : profile.regions()) {
          const std::size_t d = distance(label_key(parts.front()), label_key(r.label));
          if (d < best) best = d, nearest = r.label;
        }
        std::string allowed;
        for (const Region& r : profile.regions()) allowed += (allowed.empty() ? "" : "、") + r.label;
        add_finding(findings, profile, "audit.folder_unknown", folder_path,
                    {{"folder", folder_path}, {"label", region ? region->label : nearest}, {"allowed", allowed}});
      } else if (alias) {
        add_finding(findings, profile, "audit.folder_alias", parts.front(), {{"folder", parts.front()}, {"label", region->label}});
      }
    }
    if (!parse_name(parts.back(), doc)) {
      add_finding(findings, profile, "audit.file_misnamed", f->name, {{"name", parts.back()}});
      doc.number = 0;
    }
    layout.documents.push_back(std::move(doc));
  }
  std::vector<LaidOutDocument> numbered;
  for (const LaidOutDocument& d : layout.documents) {
    if (d.number > 0 && !d.folder.empty()) numbered.push_back(d);
  }
  check_numbering(numbered, profile, findings);
  if (layout.documents.empty()) add_finding(findings, profile, "audit.empty", "", {});
  return layout;
}

}  // namespace zhinan::detail

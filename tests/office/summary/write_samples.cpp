// Writes the summary table of the bundled valid samples for the checks beside this file:
//   zhinan_summary_samples OUT_DIR SAMPLES_DIR
// OUT_DIR gets 汇总表.xlsx and 汇总表.csv (every valid-*.json, numbered per region folder
// in file-name order), tricky.csv (a title with a comma, a quote and a line break) and
// drift.xlsx (100 rows whose amounts would drift if added as doubles).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"
#include "zhinan/summary_table.hpp"

namespace fs = std::filesystem;
using namespace zhinan;

namespace {

bool write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::vector<SummaryRow> number_per_region(const std::vector<Suggestion>& suggestions) {
  std::map<std::string, int> next;
  std::vector<SummaryRow> rows;
  for (const auto& s : suggestions)
    rows.push_back({++next[s.region.empty() ? "" : s.region.front()], &s});
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR SAMPLES_DIR\n", argv[0]);
    return 2;
  }
  const fs::path out = path_from_utf8(argv[1]), samples = path_from_utf8(argv[2]);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(samples)) {
    std::string name = path_to_utf8(entry.path().filename());
    if (name.starts_with("valid-") && name.ends_with(".json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Suggestion> suggestions;
  for (const auto& file : files) {
    ParseResult parsed = read_suggestion_file(file);
    if (!parsed.suggestion) {
      std::fprintf(stderr, "cannot read %s\n", path_to_utf8(file).c_str());
      return 1;
    }
    suggestions.push_back(std::move(*parsed.suggestion));
  }
  const Profile& profile = Profile::builtin();
  const SummaryHeader header{"东营市科学技术局", "李娜", "0546-8316000", "2026年11月29日", {}, 0, 0, false};
  std::vector<SummaryRow> rows = number_per_region(suggestions);
  std::string error;
  bool ok =
      write_summary_xlsx(out / path_from_utf8("汇总表.xlsx"), rows, header, profile, &error) &&
      write_text(out / path_from_utf8("汇总表.csv"), summary_csv(rows, header, profile));

  std::vector<Suggestion> tricky = {suggestions.front()};
  tricky.front().title = "氢能,储能\"示范\"\n联合攻关";
  ok =
      ok && write_text(out / "tricky.csv", summary_csv(number_per_region(tricky), header, profile));

  Suggestion tenth = suggestions.front();
  tenth.funding.total = DecimalText{"0.3", true};
  tenth.funding.provincial = DecimalText{"0.1", true};
  std::vector<Suggestion> drift(100, tenth);
  ok = ok &&
       write_summary_xlsx(out / "drift.xlsx", number_per_region(drift), header, profile, &error);
  if (!ok) std::fprintf(stderr, "cannot write: %s\n", error.c_str());
  return ok ? 0 : 1;
}

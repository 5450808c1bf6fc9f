// Validation against parsing: 2,000+ realistic suggestions, each validated with every rule,
// and in the same run the same bytes only parsed by Boost.JSON (the anchor).
//   build/rel/bench/bench_validate [COUNT]
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Variations of the bundled samples: other titles, units, phones, amounts and levels, so no
// two suggestions are the same bytes (as in a real batch).
std::vector<std::string> make_batch(std::size_t count) {
  std::vector<zhinan::Suggestion> seeds;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(ZHINAN_SOURCE_DIR) / "examples/data"))
    if (e.path().extension() == ".json")
      if (auto r = zhinan::read_suggestion_file(e.path()); r.suggestion) seeds.push_back(*r.suggestion);
  std::sort(seeds.begin(), seeds.end(), [](const auto& a, const auto& b) { return a.title < b.title; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    zhinan::Suggestion s = seeds[i % seeds.size()];
    const std::string n = std::to_string(i);
    s.title += "（第" + n + "批）";
    s.source.unit += n;
    s.source.phone = "139" + std::string(8 - std::min<std::size_t>(8, n.size()), '0') + n;
    s.funding.total = zhinan::DecimalText{std::to_string(800 + i % 1700), false};
    s.funding.provincial = zhinan::DecimalText{std::to_string(100 + i % 300) + ".5", true};
    s.overview += "本批次编号" + n + "。";
    for (auto& k : s.key_technologies) k.name += n;
    out.push_back(zhinan::to_json(s));
  }
  return out;
}

template <typename Body>
double best_seconds(int repeats, Body body) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    body();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  const std::vector<std::string> batch = make_batch(count);
  std::size_t bytes = 0;
  for (const auto& b : batch) bytes += b.size();

  std::vector<zhinan::Suggestion> parsed;
  for (const auto& b : batch) parsed.push_back(*zhinan::parse_suggestion(b).suggestion);
  std::size_t findings = 0;

  const double anchor = best_seconds(5, [&] {
    for (const auto& b : batch) {
      boost::json::value v = boost::json::parse(b);
      if (!v.is_object()) std::abort();
    }
  });
  const double read = best_seconds(5, [&] {
    for (const auto& b : batch)
      if (!zhinan::parse_suggestion(b).suggestion) std::abort();
  });
  const double rules = best_seconds(5, [&] {
    findings = 0;
    for (const auto& s : parsed) findings += zhinan::validate(s).size();
  });

  std::printf("%zu suggestions, %.1f MB, %zu findings\n", batch.size(), static_cast<double>(bytes) / 1e6, findings);
  std::printf("anchor   Boost.JSON parse only:        %8.2f ms\n", anchor * 1e3);
  std::printf("zhinan   read into the model:          %8.2f ms\n", read * 1e3);
  std::printf("zhinan   validate (every rule):        %8.2f ms\n", rules * 1e3);
  std::printf("ratio    validate / Boost.JSON parse:  %8.2f\n", rules / anchor);
  std::printf("ratio    (read + validate) / parse:    %8.2f\n", (read + rules) / anchor);
  return 0;
}

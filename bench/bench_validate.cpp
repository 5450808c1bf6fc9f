// Validation against parsing: 2,000+ realistic suggestions, each validated with every rule,
// and in the same run the same bytes only parsed by Boost.JSON (the anchor). Then issue 14's
// figure, process against process: `zhinan validate --format json` of the 2,000 files
// (read, parsed, checked on every core, the batch rules across them, the report written)
// against a process that reads and parses the same files with Boost.JSON on one thread
// (this program, re-run as `bench_validate --parse FILE…`); best of 3 each, interleaved.
// Exits 1 when the command takes more than 1.5× the bare parse, or its report does not
// name exactly the planted copies as batch.duplicate. --near-copies runs the earlier corpus
// (every file a near-copy of many others) for its figures; the 1.5× is not meant for it.
//   build/rel/bench/bench_validate [--near-copies] [COUNT]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <map>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_corpus.hpp"
#include "zhinan/dedup.hpp"
#include "zhinan/io.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// `count` suggestions as a province's batch has them (bench_corpus.hpp: every sample, the
// faulty one too, each copy with text of its own), one in a hundred planted again under
// another proposer: every other one with the same title, the rest with the same content
// under a new title, so the batch rules find a few duplicates among many suggestions.
std::vector<std::string> make_batch(std::size_t count, std::size_t& planted) {
  const std::vector<zhinan::Suggestion> seeds = bench::load_seeds(false);
  const std::vector<std::string> pool = bench::character_pool(seeds);
  bench::Rng rng{20261202};
  std::vector<zhinan::Suggestion> batch;
  for (std::size_t i = 0; i < count; ++i) batch.push_back(bench::distinct_copy(seeds[i % seeds.size()], i, rng, pool));
  planted = 0;
  for (std::size_t i = 99; i < count; i += 100, ++planted) {
    zhinan::Suggestion copy = batch[i - 50];
    bench::give_source(copy, seeds[(i - 50) % seeds.size()], count + i);
    if (planted % 2 == 1) copy.title = seeds[(i - 50) % seeds.size()].title + "（第" + std::to_string(i + 1) + "批续报）";
    batch[i] = std::move(copy);
  }
  std::vector<std::string> out;
  for (const auto& s : batch) out.push_back(zhinan::to_json(s));
  return out;
}

// The corpus this bench used before: the samples cycled with small edits, so that every
// file is a near-copy of about count/7 others and the batch rules report every pair (a
// report that grows with the square of the files). Run with --near-copies.
std::vector<std::string> make_near_copies(std::size_t count) {
  std::vector<zhinan::Suggestion> seeds = bench::load_seeds(false);
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

// The anchor process: every file read and parsed by Boost.JSON, one after another.
int parse_files(int argc, char** argv) {
  std::size_t objects = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text, ec);
    objects += !ec && v.is_object();
  }
  return objects == static_cast<std::size_t>(argc - 2) ? 0 : 1;
}

// Wall seconds of one child process running `args`, its output written to `output`; -1
// when it exits above `worst_exit` (zhinan validate exits 1 for findings, 2 when it could
// not run).
double run_child(const std::vector<std::string>& args, int worst_exit, const char* output = "/dev/null") {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);  // or the child would print what is buffered a second time
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen(output, "w", stdout);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return WIFEXITED(status) && WEXITSTATUS(status) <= worst_exit ? seconds : -1;
}

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--parse") return parse_files(argc, argv);
  const bool near_copies = argc > 1 && std::string(argv[1]) == "--near-copies";
  const int count_arg = near_copies ? 2 : 1;
  const std::size_t count = argc > count_arg ? std::strtoul(argv[count_arg], nullptr, 10) : 2000;
  std::size_t planted = 0;
  const std::vector<std::string> batch = near_copies ? make_near_copies(count) : make_batch(count, planted);
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

  std::size_t batch_findings = 0;
  const double batch_rules = best_seconds(5, [&] {
    std::vector<zhinan::BatchEntry> entries;
    for (std::size_t i = 0; i < parsed.size(); ++i) entries.push_back({std::to_string(i + 1) + ".json", &parsed[i]});
    batch_findings = zhinan::check_batch(entries).size();
  });

  std::printf("%zu suggestions, %.1f MB, %zu findings, %zu of the batch rules\n", batch.size(),
              static_cast<double>(bytes) / 1e6, findings, batch_findings);
  std::printf("anchor   Boost.JSON parse only:        %8.2f ms\n", anchor * 1e3);
  std::printf("zhinan   read into the model:          %8.2f ms\n", read * 1e3);
  std::printf("zhinan   validate (every rule):        %8.2f ms\n", rules * 1e3);
  std::printf("ratio    validate / Boost.JSON parse:  %8.2f\n", rules / anchor);
  std::printf("ratio    (read + validate) / parse:    %8.2f\n", (read + rules) / anchor);
  std::printf("zhinan   batch rules, on every core:   %8.2f ms\n", batch_rules * 1e3);

  // Process against process, on the files as a clerk has them.
  const auto dir = std::filesystem::temp_directory_path() / ("zhinan-bench-validate-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> files;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    files.push_back((dir / (std::to_string(i + 1) + ".json")).string());
    std::ofstream(files.back(), std::ios::binary) << batch[i];
  }
  std::vector<std::string> command = {ZHINAN_CLI, "validate", "--format", "json"};
  std::vector<std::string> parse = {std::filesystem::canonical("/proc/self/exe").string(), "--parse"};
  command.insert(command.end(), files.begin(), files.end());
  parse.insert(parse.end(), files.begin(), files.end());
  double best_command = 1e9, best_parse = 1e9;
  for (int r = 0; r < 3; ++r) {
    const double p = run_child(parse, 0), c = run_child(command, 1);
    if (p < 0 || c < 0) {
      std::fprintf(stderr, "bench_validate: a child failed (parse %.3f, validate %.3f)\n", p, c);
      return 1;
    }
    best_parse = std::min(best_parse, p);
    best_command = std::min(best_command, c);
  }
  // What the command reported: the planted copies are found, and nothing else is taken
  // for a duplicate.
  const std::string report = (dir / "report.json").string();
  if (run_child(command, 1, report.c_str()) < 0) return 1;
  std::ifstream in(report, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(dir);
  std::map<std::string, std::size_t> by_id;
  const boost::json::value parsed_report = boost::json::parse(text);
  for (const auto& d : parsed_report.at("diagnostics").as_array()) ++by_id[std::string(d.at("id").as_string())];
  std::printf("\nreport   %.1f MB:", static_cast<double>(text.size()) / 1e6);
  for (const auto& [id, n] : by_id) std::printf(" %s %zu,", id.c_str(), n);
  std::printf("\n");
  const bool found_planted = near_copies || (by_id["batch.duplicate"] == planted && by_id["batch.similar"] == 0);
  if (!near_copies)
    std::printf("planted  %zu copies; batch.duplicate %zu, batch.similar %zu%s\n", planted, by_id["batch.duplicate"],
                by_id["batch.similar"], found_planted ? "" : "   (WRONG)");
  const double ratio = best_command / best_parse;
  std::printf("\nprocess  zhinan validate --format json, %zu files: %8.2f ms\n", files.size(), best_command * 1e3);
  std::printf("anchor   read + Boost.JSON parse, one thread:  %8.2f ms\n", best_parse * 1e3);
  std::printf("ratio    zhinan validate / parse:              %8.2f   (target <= 1.5)\n", ratio);
  return ratio <= 1.5 && found_planted ? 0 : 1;
}

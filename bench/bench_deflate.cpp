// The package's deflate (level 6 with the shorter search for matches, base/raw_deflate's
// shorten_search) against zlib's own level 6, the search Info-ZIP's `zip -6` makes, and
// zlib's level 5 for comparison, on the text a package holds: plain text as units supply
// it (bench_package's), the samples' own prose, and a rendered form's document.xml. Each
// stream deflated alone by a new stream (as the package deflates an entry), best of 15
// runs, the three interleaved.
//   build/rel/bench/bench_deflate
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "base/raw_deflate.hpp"
#include "bench_corpus.hpp"
#include "office/docx_zip.hpp"
#include "zhinan/docx.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using zhinan::detail::RawDeflater;

struct Way {
  const char* name;
  int level;
  RawDeflater::Search search;
};
constexpr Way kWays[] = {
    {"zlib level 6 (anchor)", 6, RawDeflater::Search::zlib},
    {"zhinan level 6, shorter search", 6, RawDeflater::Search::shorter},
    {"zlib level 5", 5, RawDeflater::Search::zlib},
};

struct Figure {
  double seconds = 1e9;
  std::size_t bytes = 0;
};

// Every stream of `streams` deflated by a new stream, a way at a time, best of 15.
std::vector<Figure> measure(const std::vector<std::string>& streams, int memory_level) {
  std::vector<Figure> figures(std::size(kWays));
  for (int run = 0; run < 15; ++run) {
    for (std::size_t w = 0; w < std::size(kWays); ++w) {
      std::size_t bytes = 0;
      const auto start = Clock::now();
      for (const std::string& s : streams) {
        RawDeflater deflater(kWays[w].level, memory_level, kWays[w].search);
        const std::size_t n = deflater.deflated_size(s);
        if (n == static_cast<std::size_t>(-1)) {
          std::fprintf(stderr, "bench_deflate: zlib failed\n");
          std::exit(1);
        }
        bytes += n;
      }
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      figures[w].seconds = std::min(figures[w].seconds, seconds);
      figures[w].bytes = bytes;
    }
  }
  return figures;
}

void report(const char* what, const std::vector<std::string>& streams, int memory_level) {
  std::size_t in = 0;
  for (const auto& s : streams) in += s.size();
  std::printf("%s: %zu stream(s), %.2f MB\n", what, streams.size(), static_cast<double>(in) / 1e6);
  const std::vector<Figure> f = measure(streams, memory_level);
  for (std::size_t w = 0; w < f.size(); ++w)
    std::printf("  %-32s %8.2f ms %10zu bytes   time %.2fx  bytes %+.2f %%\n", kWays[w].name, f[w].seconds * 1e3,
                f[w].bytes, f[w].seconds / f[0].seconds,
                100.0 * static_cast<double>(f[w].bytes) / static_cast<double>(f[0].bytes) - 100.0);
}

}  // namespace

int main() {
  const auto seeds = bench::load_seeds(false);
  if (seeds.empty()) {
    std::fprintf(stderr, "bench_deflate: no samples in examples/data\n");
    return 1;
  }
  const auto pool = bench::character_pool(seeds);
  bench::Rng rng{14};
  std::vector<std::string> supplied;
  for (int i = 0; i < 8; ++i) supplied.push_back(bench::plain_text(rng, pool, rng.between(50'000, 500'000)));
  std::string prose;
  for (const auto& s : seeds) {
    prose += s.title + "\n" + s.overview + "\n";
    if (s.report) prose += s.report->background + "\n" + s.report->research_content + "\n";
  }
  const std::string form = zhinan::render_docx(seeds.front());
  zhinan::detail::ZipReader reader(form);
  const auto document = reader.read("word/document.xml", 16u << 20);
  if (!document) {
    std::fprintf(stderr, "bench_deflate: no document.xml in a rendered form: %s\n", reader.error().c_str());
    return 1;
  }
  std::printf("best of 15, interleaved; memory level 8 (the package's entries), 9 (a form's parts)\n");
  report("plain text as units supply it (bench_package's .txt)", supplied, 8);
  report("the samples' prose (titles, overviews, reports)", {prose}, 8);
  report("a rendered form's word/document.xml", {*document}, 9);
  return 0;
}

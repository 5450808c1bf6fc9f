// Reading Word forms: 200 unit forms (the bundled examples/data/forms, made with
// python-docx the way units fill the template) imported by zhinan, against python-docx
// (Debian's python3-docx, the anchor) opening the same files and reading every table
// cell, in the same run. Both are timed inside their process (no interpreter start-up).
//   build/rel/bench/bench_import [COUNT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "zhinan/import.hpp"
#include "zhinan/io.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kPythonAnchor = R"(import sys, time, docx
files = sys.argv[1:]
best = 1e300
for _ in range(3):
    start = time.perf_counter()
    cells = 0
    for f in files:
        d = docx.Document(f)
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    cells += len(cell.text)
    best = min(best, time.perf_counter() - start)
print(best, cells)
)";

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200;
  std::vector<fs::path> forms;
  for (const auto& e : fs::directory_iterator(fs::path(ZHINAN_SOURCE_DIR) / "examples/data/forms")) {
    if (e.path().extension() == ".docx") forms.push_back(e.path());
  }
  std::sort(forms.begin(), forms.end());
  if (forms.empty()) {
    std::fprintf(stderr, "no forms in examples/data/forms\n");
    return 2;
  }
  // COUNT files on disk, cycling through the samples, so both sides read the same bytes.
  const fs::path work = fs::temp_directory_path() / "zhinan-bench-import";
  fs::remove_all(work);
  fs::create_directories(work);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) {
    const fs::path target = work / (std::to_string(i) + ".docx");
    fs::copy_file(forms[i % forms.size()], target);
    names.push_back(zhinan::path_to_utf8(target));
  }

  double best = 1e300;
  std::size_t read = 0;
  for (int r = 0; r < 3; ++r) {
    const auto start = Clock::now();
    read = 0;
    for (const std::string& name : names) {
      if (zhinan::import_docx_file(zhinan::path_from_utf8(name)).suggestion) ++read;
    }
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }

  const fs::path script = work / "anchor.py";
  std::ofstream(script) << kPythonAnchor;
  std::string command = "/usr/bin/python3 " + zhinan::path_to_utf8(script);
  for (const std::string& name : names) command += " " + name;
  command += " > " + zhinan::path_to_utf8(work / "anchor.txt");
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "python-docx anchor failed (apt-get install python3-docx)\n");
    return 2;
  }
  double anchor = 0;
  std::ifstream(work / "anchor.txt") >> anchor;
  fs::remove_all(work);

  std::printf("forms: %zu (%zu read as forms)\n", count, read);
  std::printf("zhinan import_docx_file (form + report + embedded check): %.3f s  (%.2f ms/form)\n", best,
              1000 * best / static_cast<double>(count));
  std::printf("python-docx Document() + every table cell's text (anchor): %.3f s\n", anchor);
  std::printf("ratio anchor / zhinan: %.1fx faster (goal >= 20x)\n", anchor / best);
  return read == count ? 0 : 1;
}

// Auditing received packages: 20 departments' packages of 60 suggestions each (the
// samples varied: title, unit, proposer, phone and most of the text their own), written by
// write_package (every document a rendered .docx, the 汇总表 beside) and handed in the
// ways departments hand them in: .zip with UTF-8 names, re-packed with 7-Zip (`7z a`),
// .zip with GBK names plus the Info-ZIP Unicode Path field (NameEncoding::gbk), and .zip
// with bare CP936 names and no UTF-8 flag (Python's zipfile, as Windows' own compressor
// writes them). Four suggestions are planted again in another department's package (two
// with the same title, two with the same content under a new title): the audit must find
// those four and no other duplicate.
//
// Timed, best of 3 each: one zhinan::Audit run over the 20 package files (read, lay out,
// import every form, validate, the 汇总表s, the batch rules across packages), against
// `bsdtar -xf` extracting the same 20 packages, one process after another, into a fresh
// folder (the anchor: what unpacking alone costs).
//   build/rel/bench/bench_audit
// Scratch files go to a directory under /tmp (about 40 MB), removed at the end.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bench_corpus.hpp"
#include "zhinan/audit.hpp"
#include "zhinan/io.hpp"
#include "zhinan/package.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

namespace {

namespace fs = std::filesystem;
using bench::character_pool;
using bench::give_source;
using bench::Rng;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kPackages = 20;
constexpr std::size_t kPerPackage = 60;

fs::path scratch;  // removed at the end, and by die()

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "bench_audit: %s\n", why.c_str());
  std::error_code ec;
  if (!scratch.empty()) fs::remove_all(scratch, ec);
  std::exit(1);
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

void run(const std::string& command) {
  if (std::system(command.c_str()) != 0) die("failed: " + command);
}

// The departments, none's name the start of another's (the 汇总表 beside a package is
// found by the package's stem).
const char* const kDepartments[kPackages] = {
    "济南市科学技术局", "青岛市科学技术局", "淄博市科学技术局", "枣庄市科学技术局", "东营市科学技术局",
    "烟台市科学技术局", "潍坊市科学技术局", "济宁市科学技术局", "泰安市科学技术局", "威海市科学技术局",
    "日照市科学技术局", "临沂市科学技术局", "德州市科学技术局", "聊城市科学技术局", "滨州市科学技术局",
    "菏泽市科学技术局", "山东大学",         "中国海洋大学",     "山东省农业科学院", "齐鲁工业大学"};

enum class Form { zip_utf8, seven_zip, zip_gbk, zip_cp936 };

Form form_of(std::size_t package) {
  return package < 10 ? Form::zip_utf8 : package < 15 ? Form::seven_zip : package < 18 ? Form::zip_gbk : Form::zip_cp936;
}

// Python's zipfile with the names in CP936 and general-purpose bit 11 clear (folders
// too), re-packing a zhinan ZIP entry by entry: what Windows' built-in compressor writes.
constexpr std::string_view kCp936Repack = R"(import sys, zipfile
class Cp936Info(zipfile.ZipInfo):
    def _encodeFilenameFlags(self):
        return self.filename.encode("cp936"), self.flag_bits & ~0x800
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for info in z.infolist():
        new = Cp936Info(info.filename, (2026, 11, 28, 9, 0, 0))
        new.create_system = 0
        new.external_attr = 0x10 if info.is_dir() else 0x20
        new.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(new, b"" if info.is_dir() else z.read(info))
with zipfile.ZipFile(dst) as z:
    assert not any(i.flag_bits & 0x800 for i in z.infolist())
)";

struct Plant {
  std::size_t package, slot;        // where the copy goes
  std::size_t from_package, from_slot;
  bool same_title;                  // else the same content under a new title
};

// Across the forms: UTF-8 zip → UTF-8 zip, UTF-8 zip → 7z, 7z → GBK zip, UTF-8 zip → CP936 zip.
const Plant kPlants[] = {{4, 7, 0, 2, true}, {12, 30, 6, 11, false}, {16, 45, 13, 20, true}, {19, 59, 9, 40, false}};

std::vector<std::vector<zhinan::Suggestion>> make_batches(const std::vector<zhinan::Suggestion>& seeds,
                                                          const std::vector<std::string>& pool) {
  Rng rng{20261201};
  std::vector<std::vector<zhinan::Suggestion>> batches(kPackages);
  for (std::size_t p = 0; p < kPackages; ++p) {
    for (std::size_t k = 0; k < kPerPackage; ++k) {
      const std::size_t g = p * kPerPackage + k;
      const zhinan::Suggestion& seed = seeds[g % seeds.size()];
      zhinan::Suggestion s = bench::distinct_copy(seed, g, rng, pool);
      s.department = kDepartments[p];
      batches[p].push_back(std::move(s));
    }
  }
  std::size_t n = kPackages * kPerPackage;
  for (const Plant& plant : kPlants) {
    const zhinan::Suggestion& original = batches[plant.from_package][plant.from_slot];
    zhinan::Suggestion copy = original;
    const zhinan::Suggestion& seed = seeds[(plant.from_package * kPerPackage + plant.from_slot) % seeds.size()];
    give_source(copy, seed, n++);
    copy.department = kDepartments[plant.package];
    if (!plant.same_title) copy.title = seed.title + "（第" + std::to_string(n) + "批续报）";
    batches[plant.package][plant.slot] = std::move(copy);
  }
  return batches;
}

// One package written and handed in in its form; returns the package file.
fs::path write_one(std::size_t p, const std::vector<zhinan::Suggestion>& batch, const fs::path& dir,
                   const fs::path& work) {
  std::vector<zhinan::PackageInput> inputs;
  for (std::size_t i = 0; i < batch.size(); ++i) inputs.push_back({"s" + std::to_string(i + 1) + ".json", &batch[i], dir});
  zhinan::PackageOptions options;
  options.summary = {kDepartments[p], "张伟", "0531-8699" + std::to_string(1000 + p), "2026年11月28日", {}, 0, 0, false};
  options.names = form_of(p) == Form::zip_gbk ? zhinan::NameEncoding::gbk : zhinan::NameEncoding::utf8;
  const fs::path zip = dir / (std::string(kDepartments[p]) + ".zip");
  const zhinan::PackageResult r = zhinan::write_package(inputs, zip, zhinan::Profile::builtin(), options);
  if (!r.written) {
    for (const auto& d : r.diagnostics)
      if (d.severity == zhinan::Severity::error) std::fprintf(stderr, "%s: %s\n", d.file.c_str(), d.message_en.c_str());
    die(std::string("write_package refused ") + kDepartments[p]);
  }
  switch (form_of(p)) {
    case Form::zip_utf8:
    case Form::zip_gbk: return zip;
    case Form::seven_zip: {
      const fs::path tree = work / ("7z-" + std::to_string(p));
      const fs::path target = dir / (std::string(kDepartments[p]) + ".7z");
      fs::create_directories(tree);
      run("LC_ALL=C.UTF-8 bsdtar -xf " + quoted(zip) + " -C " + quoted(tree));
      run("cd " + quoted(tree) + " && LC_ALL=C.UTF-8 7z a -t7z -bd -bso0 -bsp0 " + quoted(target) + " -- *");
      fs::remove(zip);
      fs::remove_all(tree);
      return target;
    }
    case Form::zip_cp936: {
      const fs::path original = work / ("utf8-" + std::to_string(p) + ".zip");
      fs::rename(zip, original);
      run("/usr/bin/python3 " + quoted(work / "cp936.py") + " " + quoted(original) + " " + quoted(zip));
      fs::remove(original);
      return zip;
    }
  }
  return zip;
}

double cpu_seconds(int who) {
  rusage u{};
  getrusage(who, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

struct Best {
  double wall = 1e300, cpu = 1e300;
  template <typename Body>
  void measure(int who, Body body) {
    const double cpu_before = cpu_seconds(who);
    const auto start = Clock::now();
    body();
    wall = std::min(wall, std::chrono::duration<double>(Clock::now() - start).count());
    cpu = std::min(cpu, cpu_seconds(who) - cpu_before);
  }
};

// `bsdtar -xf PACKAGE -C TARGET`, in a child (posix_spawn: no shell, no copy of this
// process's page tables), waited for.
void bsdtar_extract(const fs::path& package, const fs::path& target) {
  std::string p = package.string(), t = target.string();
  char name[] = "bsdtar", xf[] = "-xf", c[] = "-C";
  char* argv[] = {name, xf, p.data(), c, t.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "bsdtar", nullptr, nullptr, argv, environ) != 0) die("cannot start bsdtar");
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("bsdtar -xf failed on " + package.string());
}

std::string tally(const zhinan::Diagnostics& diagnostics) {
  std::map<std::string, std::size_t> counts;
  for (const auto& d : diagnostics) ++counts[d.id];
  std::string out;
  for (const auto& [id, n] : counts) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + id;
  return out.empty() ? "none" : out;
}

std::string param(const zhinan::Diagnostic& d, const std::string& key) {
  for (const auto& [k, v] : d.params)
    if (k == key) return v;
  return {};
}

double mb(std::uintmax_t bytes) { return static_cast<double>(bytes) / 1e6; }

}  // namespace

int main() {
  if (std::system("command -v bsdtar >/dev/null && command -v 7z >/dev/null && test -x /usr/bin/python3") != 0)
    die("needs bsdtar, 7z and /usr/bin/python3 (apt-get install -y libarchive-tools p7zip-full python3)");
  const fs::path dir = fs::temp_directory_path() / ("zhinan-bench-audit-" + std::to_string(getpid()));
  const fs::path packages_dir = dir / "packages", work = dir / "work", extracted = dir / "extracted";
  scratch = dir;
  fs::create_directories(packages_dir);
  fs::create_directories(work);
  std::ofstream(work / "cp936.py") << kCp936Repack;
  setenv("LC_ALL", "C.UTF-8", 1);  // for bsdtar's names; the audit converts names itself
  double load = 0;
  std::ifstream("/proc/loadavg") >> load;

  const auto seeds = bench::load_seeds(true);
  if (seeds.empty()) die("no valid samples in examples/data");
  const auto pool = character_pool(seeds);
  const auto batches = make_batches(seeds, pool);
  std::vector<fs::path> packages;
  std::uintmax_t bytes = 0;
  std::size_t per_form[4] = {};
  for (std::size_t p = 0; p < kPackages; ++p) {
    packages.push_back(write_one(p, batches[p], packages_dir, work));
    bytes += fs::file_size(packages.back());
    ++per_form[static_cast<int>(form_of(p))];
  }
  fs::remove_all(work);

  Best audit, extraction;
  zhinan::AuditResult result;
  for (int r = 0; r < 3; ++r) {
    audit.measure(RUSAGE_SELF, [&] {
      zhinan::Audit a;
      for (const fs::path& p : packages) a.add_package_file(p);
      result = a.run();
    });
    fs::remove_all(extracted);
    for (std::size_t p = 0; p < kPackages; ++p) fs::create_directories(extracted / std::to_string(p));
    extraction.measure(RUSAGE_CHILDREN, [&] {
      for (std::size_t p = 0; p < kPackages; ++p) bsdtar_extract(packages[p], extracted / std::to_string(p));
    });
  }
  std::size_t extracted_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(extracted)) extracted_files += e.is_regular_file();
  double load_after = 0;
  std::ifstream("/proc/loadavg") >> load_after;

  std::size_t read = 0, packages_read = 0;
  for (const auto& s : result.suggestions) read += s.suggestion.has_value();
  for (const auto& p : result.packages) packages_read += p.read;
  // The planted copies: a batch finding on the copy's entry that names the original's package.
  std::size_t duplicates = 0, similar = 0, proposers = 0, planted_found = 0;
  for (const auto& d : result.diagnostics) {
    if (d.id != "batch.duplicate" && d.id != "batch.similar" && d.id != "batch.proposer_multiple") continue;
    duplicates += d.id == "batch.duplicate";
    similar += d.id == "batch.similar";
    proposers += d.id == "batch.proposer_multiple";
    for (const Plant& plant : kPlants) {
      const std::string copy = kDepartments[plant.package], original = kDepartments[plant.from_package];
      if (d.id == "batch.duplicate" && d.package.starts_with(copy + ".") && param(d, "other_file").starts_with(original + "."))
        ++planted_found;
    }
  }
  const std::size_t planted = std::size(kPlants);
  const std::size_t suggestions = kPackages * kPerPackage;

  std::printf("%zu packages x %zu suggestions (every document a rendered .docx), %.1f MB: %zu .zip UTF-8, %zu .7z "
              "(7z a), %zu .zip GBK + Unicode Path, %zu .zip CP936 without the UTF-8 flag\n",
              kPackages, kPerPackage, mb(bytes), per_form[0], per_form[1], per_form[2], per_form[3]);
  std::printf("load average %.2f before, %.2f after; best of 3 runs each, interleaved\n", load, load_after);
  std::printf("%-62s %8s %8s\n", "", "wall s", "CPU s");
  std::printf("%-62s %8.3f %8.3f  (%.2f ms/suggestion)\n", "zhinan Audit::run over the 20 package files", audit.wall,
              audit.cpu, 1e3 * audit.wall / static_cast<double>(suggestions));
  std::printf("%-62s %8.3f %8.3f  (%zu files)\n", "bsdtar -xf of the same 20, one process each (anchor)", extraction.wall,
              extraction.cpu, extracted_files);
  std::printf("%-62s %8.2f %8.2f  (goal <= 1.5)\n", "ratio audit / extraction", audit.wall / extraction.wall,
              audit.cpu / extraction.cpu);
  std::printf("packages read: %zu of %zu; suggestions read: %zu of %zu\n", packages_read, kPackages, read, suggestions);
  std::printf("duplicate findings: %zu batch.duplicate (%zu of the %zu planted), %zu batch.similar, %zu "
              "batch.proposer_multiple\n",
              duplicates, planted_found, planted, similar, proposers);
  std::printf("all findings: %s\n", tally(result.diagnostics).c_str());
  fs::remove_all(dir);
  const bool ok = packages_read == kPackages && read == suggestions && planted_found == planted &&
                  duplicates == planted && similar == 0 && proposers == 0;
  return ok ? 0 : 1;
}

// 四 of the call: one ZIP, a folder per region, 序号.项目名称-建议单位, the 汇总表 beside it;
// refused while anything is wrong; the same bytes every time; never half-written.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <zlib.h>

#include "support.hpp"
#include "zhinan/package.hpp"
#include "base/temporary_file.hpp"
#include "package/package_detail.hpp"
#include "package/zip_writer.hpp"

using namespace zhinan;
using test::sample;

namespace {

// A scratch folder per test, removed at the end.
struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    static int n = 0;
    dir = std::filesystem::temp_directory_path() / ("zhinan-package-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    std::filesystem::create_directories(dir);
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(path_to_utf8(e.path().filename()));
    std::sort(out.begin(), out.end());
    return out;
  }
};

struct Inputs {
  std::vector<Suggestion> suggestions;
  std::vector<PackageInput> inputs;
  explicit Inputs(std::initializer_list<const char*> names, std::filesystem::path base = {}) {
    for (const char* n : names) suggestions.push_back(sample(n));
    refresh(std::move(base));
  }
  void refresh(std::filesystem::path base = {}) {
    inputs.clear();
    for (std::size_t i = 0; i < suggestions.size(); ++i)
      inputs.push_back({"s" + std::to_string(i + 1) + ".json", &suggestions[i], base});
  }
};

const Inputs& all_valid() {
  static const Inputs in({"valid-sco", "valid-multilateral", "valid-belt-and-road", "valid-hk-macao-taiwan",
                          "valid-innovation-leaders", "valid-other-industry"});
  return in;
}

std::string bytes_of(const std::filesystem::path& p) { return read_file(p).value_or("<missing>"); }

// Entry names of a ZIP, read from its central directory.
std::vector<std::string> zip_entries(const std::string& zip) {
  std::vector<std::string> names;
  const auto eocd = zip.rfind(std::string("PK\x05\x06", 4));
  REQUIRE(eocd != std::string::npos);
  auto u16 = [&](std::size_t at) { return static_cast<std::size_t>(static_cast<unsigned char>(zip[at]) | static_cast<unsigned char>(zip[at + 1]) << 8); };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::size_t at = u32(eocd + 16);
  for (std::size_t n = u16(eocd + 10); n > 0; --n) {
    REQUIRE(u32(at) == 0x02014b50);
    const std::size_t name_len = u16(at + 28), extra_len = u16(at + 30), comment_len = u16(at + 32);
    names.push_back(zip.substr(at + 46, name_len));
    at += 46 + name_len + extra_len + comment_len;
  }
  return names;
}

}  // namespace

TEST_CASE("package: a folder per region, numbered from 1 in each, named as the call's example") {
  Scratch s;
  const PackageResult r = write_package(all_valid().inputs, s.dir / "青岛市科技局.zip");
  REQUIRE(r.written);
  CHECK(s.names() == std::vector<std::string>{"青岛市科技局-汇总表.csv", "青岛市科技局-汇总表.xlsx", "青岛市科技局.zip"});
  const auto entries = zip_entries(bytes_of(r.zip));
  CHECK(entries.front() == "多边科技合作/");
  CHECK(std::count_if(entries.begin(), entries.end(), [](const std::string& e) { return e.ends_with("/"); }) == 5);
  const Suggestion& sco = all_valid().suggestions[0];
  const std::string first_sco = "上合组织成员国/1." + sco.title + "-" + sco.source.unit + ".docx";
  CHECK(std::find(entries.begin(), entries.end(), first_sco) != entries.end());
  // valid-other-industry is the second in 上合组织成员国.
  CHECK(std::any_of(entries.begin(), entries.end(), [](const std::string& e) { return e.starts_with("上合组织成员国/2."); }));
  for (const auto& f : r.files) CHECK(std::find(entries.begin(), entries.end(), f.path) != entries.end());
}

TEST_CASE("package: global numbering counts across folders — all five folders on request") {
  Scratch s;
  PackageOptions o;
  o.numbering = Numbering::global;
  o.all_regions = true;
  Inputs in({"valid-sco", "valid-multilateral"});
  const PackageResult r = write_package(in.inputs, s.dir / "p.zip", Profile::builtin(), o);
  REQUIRE(r.written);
  const auto entries = zip_entries(bytes_of(r.zip));
  CHECK(std::count_if(entries.begin(), entries.end(), [](const std::string& e) { return e.ends_with("/"); }) == 5);
  CHECK(std::any_of(entries.begin(), entries.end(), [](const std::string& e) { return e.starts_with("多边科技合作/1."); }));
  CHECK(std::any_of(entries.begin(), entries.end(), [](const std::string& e) { return e.starts_with("上合组织成员国/2."); }));
}

TEST_CASE("package: the 汇总表 has the same numbers as the file names") {
  Scratch s;
  const PackageResult r = write_package(all_valid().inputs, s.dir / "p.zip");
  REQUIRE(r.written);
  const std::string csv = bytes_of(r.csv);
  for (const auto& f : r.files) {
    const Suggestion& sg = all_valid().suggestions[f.input];
    // The row: 序号, then the region, then the title.
    CHECK(csv.find(std::to_string(f.number) + "," + std::string(Profile::builtin().find_region(f.region)->label) + "," + sg.title) !=
          std::string::npos);
  }
}

TEST_CASE("package: refused while any suggestion has an error, and nothing is written") {
  Scratch s;
  Inputs in({"valid-sco", "faulty-many-mistakes"});
  const PackageResult r = write_package(in.inputs, s.dir / "p.zip");
  CHECK_FALSE(r.written);
  CHECK(has(r.diagnostics, "package.refused"));
  CHECK(has(r.diagnostics, "overview.too_long"));
  CHECK(s.names().empty());
}

TEST_CASE("package: the same inputs give the same bytes, in any time zone") {
  Scratch s;
  std::filesystem::create_directories(s.dir / "a");
  std::filesystem::create_directories(s.dir / "b");
  const PackageResult a = write_package(all_valid().inputs, s.dir / "a" / "指南建议.zip");
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  const PackageResult b = write_package(all_valid().inputs, s.dir / "b" / "指南建议.zip");
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  REQUIRE(a.written);
  REQUIRE(b.written);
  CHECK(bytes_of(a.zip) == bytes_of(b.zip));
  CHECK(bytes_of(a.csv) == bytes_of(b.csv));
  CHECK(bytes_of(a.xlsx) == bytes_of(b.xlsx));
  unsetenv("TZ");
  tzset();
}

TEST_CASE("package: a failed write leaves nothing at the target and an older file intact") {
  Scratch s;
  const auto target = s.dir / "p.zip";
  { std::ofstream(target) << "older package"; }
  detail::zip_fail_write_number = 3;  // the third write fails, as on a full disk
  const PackageResult r = write_package(all_valid().inputs, target);
  detail::zip_fail_write_number = 0;
  CHECK_FALSE(r.written);
  CHECK(has(r.diagnostics, "package.write_failed"));
  CHECK(r.diagnostics.back().message_zh.find("磁盘空间不足") != std::string::npos);
  CHECK(bytes_of(target) == "older package");
  CHECK(s.names() == std::vector<std::string>{"p.zip"});  // no temporary file left behind
}

TEST_CASE("package: a file-size limit stops the write cleanly") {
  Scratch s;
  const auto target = s.dir / "p.zip";
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);  // the write then fails with EFBIG instead of killing us
    rlimit limit{20000, 20000};
    setrlimit(RLIMIT_FSIZE, &limit);
    const PackageResult r = write_package(all_valid().inputs, target);
    std::_Exit(r.written ? 1 : has(r.diagnostics, "package.write_failed") ? 0 : 2);
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK_FALSE(std::filesystem::exists(target));
  CHECK(s.names().empty());
}

TEST_CASE("package: cancelling from the progress callback leaves nothing") {
  Scratch s;
  PackageOptions o;
  std::size_t calls = 0;
  o.progress = [&](const PackageProgress& p) {
    ++calls;
    CHECK(p.done <= p.total);
    return p.done < 7;
  };
  const PackageResult r = write_package(all_valid().inputs, s.dir / "p.zip", Profile::builtin(), o);
  CHECK_FALSE(r.written);
  CHECK(r.cancelled);
  CHECK(calls >= 1);
  CHECK(s.names().empty());
}

TEST_CASE("package: progress reports every step it counts, folders and files, to done == total") {
  Scratch s;
  PackageOptions o;
  std::vector<std::size_t> done;
  std::size_t total = 0;
  o.progress = [&](const PackageProgress& p) {
    done.push_back(p.done);
    total = p.total;
    return true;
  };
  const Inputs& batch = all_valid();
  const PackageResult r = write_package(batch.inputs, s.dir / "p.zip", Profile::builtin(), o);
  REQUIRE(r.written);
  // The samples fill 5 folders with 6 files: 11 steps, each reported once, in order.
  CHECK(total == batch.inputs.size() + 5);
  std::vector<std::size_t> expected(total);
  for (std::size_t i = 0; i < total; ++i) expected[i] = i + 1;
  CHECK(done == expected);
  // Cancelled while the folders are written: nothing left either.
  PackageOptions early;
  early.progress = [](const PackageProgress& p) { return p.done < 2; };
  const PackageResult stopped = write_package(batch.inputs, s.dir / "q.zip", Profile::builtin(), early);
  CHECK(stopped.cancelled);
  CHECK_FALSE(std::filesystem::exists(s.dir / "q.zip"));
}

TEST_CASE("package: no title or unit can make a path outside its folder") {
  Scratch s;
  Inputs in({"valid-sco", "valid-multilateral", "valid-hk-macao-taiwan"});
  in.suggestions[0].title = "../../etc/passwd";
  in.suggestions[1].title = "C:\\Windows\\system32";
  in.suggestions[2].source.unit = "/absolute/单位";
  const PackageResult r = write_package(in.inputs, s.dir / "p.zip");
  REQUIRE(r.written);
  for (const auto& e : zip_entries(bytes_of(r.zip))) {
    CAPTURE(e);
    CHECK(std::count(e.begin(), e.end(), '/') == 1);
    CHECK(e.find('\\') == std::string::npos);
    CHECK_FALSE(e.starts_with("/"));
    CHECK(e.find("/..") == std::string::npos);
    CHECK(e.find(':') == std::string::npos);
  }
}

TEST_CASE("package: the unit's own document goes in as it is — a missing one is refused") {
  Scratch s;
  Inputs in({"valid-sco"});
  const std::string pdf = "%PDF-1.4 the unit's own report";
  { std::ofstream(s.dir / "报告.pdf", std::ios::binary) << pdf; }
  in.suggestions[0].document = "报告.pdf";
  in.refresh(s.dir);
  std::filesystem::create_directories(s.dir / "out");
  const PackageResult r = write_package(in.inputs, s.dir / "out" / "p.zip");
  REQUIRE(r.written);
  CHECK(r.files[0].path.ends_with(".pdf"));
  CHECK_FALSE(r.files[0].rendered);
  CHECK(bytes_of(r.zip).find(pdf) != std::string::npos);  // stored, not deflated

  in.suggestions[0].document = "没有这个文件.pdf";
  const PackageResult missing = write_package(in.inputs, s.dir / "out" / "q.zip");
  CHECK_FALSE(missing.written);
  CHECK(has(missing.diagnostics, "package.document_missing"));
}

TEST_CASE("package: a document outside the suggestion's folder is never packaged") {
  Scratch s;
  Inputs in({"valid-sco"});
  std::filesystem::create_directories(s.dir / "unit");
  std::filesystem::create_directories(s.dir / "server");
  { std::ofstream(s.dir / "server" / "secret.txt") << "the office system's own file"; }
  { std::ofstream(s.dir / "unit" / "空.pdf"); }
  std::filesystem::create_symlink(s.dir / "server" / "secret.txt", s.dir / "unit" / "link.pdf");
  std::filesystem::create_directories(s.dir / "out");
  const auto refused_with = [&](const std::string& document, std::string_view id) {
    in.suggestions[0].document = document;
    in.refresh(s.dir / "unit");
    const PackageResult r = write_package(in.inputs, s.dir / "out" / "p.zip");
    CAPTURE(document);
    CHECK_FALSE(r.written);
    CHECK(has(r.diagnostics, id));
    CHECK_FALSE(std::filesystem::exists(s.dir / "out" / "p.zip"));
  };
  refused_with("../server/secret.txt", "package.document_outside");
  refused_with("../../../../../../../../etc/passwd", "package.document_outside");
  refused_with("/etc/passwd", "package.document_outside");
  refused_with("/proc/self/environ", "package.document_outside");
  refused_with("link.pdf", "package.document_outside");  // a link out of the folder
  refused_with("空.pdf", "package.document_empty");
  refused_with(".", "package.document_missing");  // a folder is no document

  // A root the caller allows: then the same file goes in.
  PackageOptions allowed;
  allowed.document_roots = {s.dir / "server"};
  in.suggestions[0].document = "../server/secret.txt";
  in.refresh(s.dir / "unit");
  CHECK(write_package(in.inputs, s.dir / "out" / "p.zip", Profile::builtin(), allowed).written);
}

TEST_CASE("package: GBK names carry the Unicode Path field for modern tools") {
  Scratch s;
  PackageOptions o;
  o.names = NameEncoding::gbk;
  Inputs in({"valid-sco"});
  const PackageResult r = write_package(in.inputs, s.dir / "p.zip", Profile::builtin(), o);
  REQUIRE(r.written);
  const std::string zip = bytes_of(r.zip);
  // "上合组织成员国/" in GBK is not UTF-8, and the UTF-8 name follows in an 0x7075 field.
  CHECK(zip.find("上合组织成员国/") != std::string::npos);  // inside the extra field
  const auto entries = zip_entries(zip);
  CHECK(entries.front() == std::string("\xC9\xCF\xBA\xCF\xD7\xE9\xD6\xAF\xB3\xC9\xD4\xB1\xB9\xFA/"));
}

TEST_CASE("package: nothing to package is refused") {
  Scratch s;
  const PackageResult r = write_package({}, s.dir / "p.zip");
  CHECK_FALSE(r.written);
  CHECK(has(r.diagnostics, "package.empty"));
}

TEST_CASE("package: a document streamed into the ZIP gives the same bytes as one read whole") {
  Scratch s;
  Inputs in({"valid-sco", "valid-multilateral", "valid-belt-and-road"});
  std::string report;  // compressible, as a .doc's text is
  for (int i = 0; report.size() < 3'000'000; ++i) report += "第" + std::to_string(i) + "段：国际合作项目指南建议。\n";
  std::string scan(2'000'000, '\0');  // an already compressed kind: stored
  for (std::size_t i = 0; i < scan.size(); ++i) scan[i] = static_cast<char>((i * 2654435761u) >> 13);
  // A PDF that is worth deflating, with stored and deflated chunks by turns, exactly two
  // of the streaming's reads long (its last read is full: the stream ends on it).
  std::string mixed;
  for (std::uint64_t k = 0; mixed.size() < (2u << 20); ++k) mixed += k % 2 ? test::prose(70'000) : test::random_bytes(90'000, k);
  mixed.resize(2u << 20);
  { std::ofstream(s.dir / "报告.doc", std::ios::binary) << report; }
  { std::ofstream(s.dir / "扫描.pdf", std::ios::binary) << scan; }
  { std::ofstream(s.dir / "图文.pdf", std::ios::binary) << mixed; }
  in.suggestions[0].document = "报告.doc";
  in.suggestions[1].document = "扫描.pdf";
  in.suggestions[2].document = "图文.pdf";
  in.refresh(s.dir);
  std::filesystem::create_directories(s.dir / "whole");
  std::filesystem::create_directories(s.dir / "streamed");
  const PackageResult whole = write_package(in.inputs, s.dir / "whole" / "p.zip");
  detail::stream_documents_above = 1000;
  const PackageResult streamed = write_package(in.inputs, s.dir / "streamed" / "p.zip");
  detail::stream_documents_above = 8u << 20;
  REQUIRE(whole.written);
  REQUIRE(streamed.written);
  CHECK(bytes_of(streamed.zip) == bytes_of(whole.zip));
  CHECK(bytes_of(streamed.csv) == bytes_of(whole.csv));
}

TEST_CASE("package: documents each larger than the compressing threads may hold ahead are packed, one at a time") {
  // Documents read whole are held from their reading to their writing, and the workers
  // run ahead of the writer within a budget; one that alone exceeds it must still start
  // (as the entry the writer waits for), not wait for ever. Three documents of 17 MB read
  // whole (streaming raised above them), on two threads and on four.
  Scratch s;
  Inputs in({"valid-sco", "valid-multilateral", "valid-belt-and-road"});
  for (int k = 0; k < 3; ++k) {
    const std::string name = "扫描" + std::to_string(k) + ".pdf";
    { std::ofstream(s.dir / name, std::ios::binary) << test::random_bytes(17u << 20, 40 + k); }
    in.suggestions[k].document = name;
  }
  in.refresh(s.dir);
  detail::stream_documents_above = 64u << 20;
  for (unsigned threads : {2u, 4u}) {
    PackageOptions o;
    o.threads = threads;
    const std::filesystem::path zip = s.dir / ("p" + std::to_string(threads) + ".zip");
    const PackageResult r = write_package(in.inputs, zip, Profile::builtin(), o);
    REQUIRE(r.written);
    REQUIRE(r.files.size() == 3);
    const std::string bytes = bytes_of(zip);
    const auto entries = zip_entries(bytes);
    for (const PackagedFile& f : r.files) {
      CHECK_FALSE(f.rendered);
      CHECK(std::find(entries.begin(), entries.end(), f.path) != entries.end());
    }
    CHECK(bytes.size() > 3 * (17u << 20));  // random bytes, stored
  }
  detail::stream_documents_above = 8u << 20;
}

TEST_CASE("package: a temporary that something wrote into before the ZIP goes in is emptied first") {
  // The ZIP's temporary is opened without truncation (it was made empty): should another
  // program have written into it meanwhile, none of that may stay behind the ZIP's end.
  Scratch s;
  Inputs in({"valid-sco", "valid-multilateral"});
  Diagnostics findings;
  const PackageOptions options;
  const detail::Plan plan = detail::plan_package(in.inputs, Profile::builtin(), options, nullptr, findings);
  const std::filesystem::path temp = s.dir / ".p.zip.tmp";
  { std::ofstream(temp, std::ios::binary) << std::string(300'000, 'x'); }
  bool cancelled = false;
  detail::WrittenZip written;
  REQUIRE_FALSE(detail::write_zip(plan, in.inputs, Profile::builtin(), options, temp, cancelled, written));
  const std::string zip = bytes_of(temp);
  CHECK(zip.size() == written.size);
  CHECK(zip.find("xxxxxxxx") == std::string::npos);
  CHECK(zip_entries(zip).size() == plan.folders.size() + plan.entries.size());
  REQUIRE(written.crc);
  CHECK(*written.crc == static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(zip.data()), static_cast<uInt>(zip.size()))));
}

TEST_CASE("package: the 汇总表 names the ZIP it goes with by size and CRC-32") {
  Scratch s;
  const PackageResult r = write_package(all_valid().inputs, s.dir / "指南建议.zip");
  REQUIRE(r.written);
  const std::string zip = bytes_of(r.zip);
  char crc[9];
  std::snprintf(crc, sizeof crc, "%08X", static_cast<unsigned>(crc32(0L, reinterpret_cast<const Bytef*>(zip.data()), static_cast<uInt>(zip.size()))));
  std::string size = std::to_string(zip.size());
  for (std::size_t i = size.size(); i > 3; i -= 3) size.insert(i - 3, ",");
  const std::string note = "本表与压缩包“指南建议.zip”（" + size + " 字节，CRC-32 校验值 " + crc + "）";
  CHECK(bytes_of(r.csv).find(note) != std::string::npos);
  CHECK(s.names() == std::vector<std::string>{"指南建议-汇总表.csv", "指南建议-汇总表.xlsx", "指南建议.zip"});
}

TEST_CASE("package: temporary files of a killed run are removed, a running one's kept") {
  Scratch s;
  const auto target = s.dir / "p.zip";
  // A child makes temporaries beside the three targets as a run would, and dies.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int error = 0;
    for (const auto& t : {target, summary_path(target, "xlsx"), summary_path(target, "csv")})
      if (detail::create_temporary_beside(t, &error).empty()) std::_Exit(1);
    std::_Exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  int error = 0;
  const auto ours = detail::create_temporary_beside(target, &error);  // this process: alive
  REQUIRE(s.names().size() == 4);
  const PackageResult r = write_package(all_valid().inputs, target);
  REQUIRE(r.written);
  CHECK(s.names() == std::vector<std::string>{path_to_utf8(ours.filename()), "p-汇总表.csv", "p-汇总表.xlsx", "p.zip"});
}

TEST_CASE("package: a missing folder or a folder as target is said plainly, in both languages") {
  Scratch s;
  const PackageResult r = write_package(all_valid().inputs, s.dir / "没有这个文件夹" / "p.zip");
  CHECK_FALSE(r.written);
  REQUIRE(has(r.diagnostics, "package.write_failed"));
  const Diagnostic& d = r.diagnostics.back();
  CHECK(d.message_zh.find("保存位置的文件夹“" + path_to_utf8(s.dir / "没有这个文件夹") + "”不存在") != std::string::npos);
  CHECK(d.message_en.find("does not exist") != std::string::npos);
  CHECK(d.message_en.find("保存") == std::string::npos);  // English alone in the English text
  CHECK(d.message_zh.find(".tmp") == std::string::npos);  // no temporary file's name
  CHECK(s.names().empty());

  const PackageResult folder = write_package(all_valid().inputs, s.dir);
  REQUIRE(has(folder.diagnostics, "package.write_failed"));
  CHECK(folder.diagnostics.back().message_zh.find("是一个文件夹") != std::string::npos);
}

TEST_CASE("package: the 汇总表 says how its 序号 were counted, with the call's column names") {
  Scratch s;
  std::filesystem::create_directories(s.dir / "a");
  std::filesystem::create_directories(s.dir / "b");
  const PackageResult per_folder = write_package(all_valid().inputs, s.dir / "a" / "p.zip");
  PackageOptions global;
  global.numbering = Numbering::global;
  const PackageResult across = write_package(all_valid().inputs, s.dir / "b" / "p.zip", Profile::builtin(), global);
  REQUIRE(per_folder.written);
  REQUIRE(across.written);
  const std::string a = bytes_of(per_folder.csv), b = bytes_of(across.csv);
  CHECK(a.find("序号,合作国别、地区,项目名称") != std::string::npos);
  CHECK(a.find("在每个合作国别、地区文件夹内从1编起") != std::string::npos);
  CHECK(b.find("全包统一连续编号") != std::string::npos);
}

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "base/utf8.hpp"
#include "zhinan/file_name.hpp"
#include "zhinan/profile.hpp"

using namespace zhinan;
using zhinan::test::repeat;

namespace {

std::string clean(std::string_view name) { return sanitize_name_component(name).name; }

EntryName entry(std::string title, std::string unit = "山东大学", std::string extension = "docx",
                int number = 1, std::string folder = "多边科技合作", std::string_view pattern = {},
                NameBudget budget = {}) {
  return make_entry_name({std::move(folder), number, std::move(title), std::move(unit), std::move(extension)},
                         pattern, budget);
}

// What every name must be, whatever went in: legal on Windows, macOS and Linux.
bool legal_everywhere(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  if (detail::find_invalid_utf8(name) != std::string_view::npos) return false;
  if (name.find_first_of("<>:\"/\\|?*") != std::string_view::npos) return false;
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  if (name.find("\xC2\x80") != std::string_view::npos || name.find("\xC2\x9F") != std::string_view::npos) return false;
  if (name.back() == ' ' || name.back() == '.' || name.front() == '.' || name.front() == ' ') return false;
  return !is_windows_device_name(name);
}

std::size_t count_kind(const NameChanges& changes, NameChangeKind kind) {
  std::size_t n = 0;
  for (const NameChange& c : changes)
    if (c.kind == kind) n += c.count;
  return n;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The title as it stands in `1.<title>-山东大学.docx` (the part before "…" when cut).
std::string kept_title(std::string_view file_name) {
  const std::size_t begin = file_name.find('.') + 1;
  const std::size_t end = file_name.find("…");
  return std::string(file_name.substr(begin, end - begin));
}

}  // namespace

TEST_CASE("file_name: the seed's example 1.项目名称-建议单位, with the profile's pattern") {
  const std::string& pattern = Profile::builtin().package().file_name_pattern;
  CHECK(pattern == kDefaultFileNamePattern);
  const EntryName bare = entry("项目名称", "建议单位", "", 1, "", pattern);
  CHECK(bare.file_name == "1.项目名称-建议单位");
  CHECK(bare.path == "1.项目名称-建议单位");
  CHECK(bare.changes.empty());
  const EntryName full = entry("氢能储运关键技术", "山东大学", ".docx", 12, "“一带一路”共建国家", pattern);
  CHECK(full.file_name == "12.氢能储运关键技术-山东大学.docx");
  CHECK(full.path == "“一带一路”共建国家/12.氢能储运关键技术-山东大学.docx");
  CHECK(entry("项目名称", "建议单位", "docx").file_name == entry("项目名称", "建议单位", ".docx").file_name);
  CHECK(full.changes.empty());
  for (const Region& region : Profile::builtin().regions())  // the folders are legal as they are
    CHECK(sanitize_name_component(region.folder).changes.empty());
}

TEST_CASE("file_name: every Windows device name is made safe, in any case, with or without extension") {
  std::vector<std::string> devices = {"CON", "PRN", "AUX", "NUL"};
  for (char d = '0'; d <= '9'; ++d) {
    devices.push_back(std::string("COM") + d);
    devices.push_back(std::string("LPT") + d);
  }
  for (const std::string& device : devices) {
    std::string lower = device;
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const std::string& name : {device, lower, device + ".txt", lower + ".docx", device + ".tar.gz"}) {
      CHECK_MESSAGE(is_windows_device_name(name), name);
      const SanitizedName s = sanitize_name_component(name);
      CHECK_MESSAGE(!is_windows_device_name(s.name), name);
      CHECK_MESSAGE(s.name == name.substr(0, device.size()) + "＿" + name.substr(device.size()), name);
      CHECK_MESSAGE(has(s.changes, NameChangeKind::device_name), name);
    }
  }
  CHECK(clean("CON") == "CON＿");
  CHECK(clean("nul.txt") == "nul＿.txt");
  CHECK(clean("Com1 .docx") == "Com1＿ .docx");  // Windows ignores the space before the period
  CHECK(clean("COM¹.txt") == "COM¹＿.txt");
  CHECK(clean("lpt³") == "lpt³＿");
  CHECK(clean("CONIN$") == "CONIN$＿");
  for (const char* not_device : {"CONSOLE", "COM10", "LPT", "NULL.txt", "ＣＯＮ", "AUX1", "XCON", "PRN-报告"}) {
    CHECK_FALSE_MESSAGE(is_windows_device_name(not_device), not_device);
    CHECK_MESSAGE(clean(not_device) == not_device, not_device);
  }
  // In an entry name the number comes first, so a title "CON" is harmless...
  CHECK(entry("CON", "AUX").file_name == "1.CON-AUX.docx");
  // ... but a pattern of the title alone is guarded.
  const EntryName alone = entry("nul", "", "docx", 1, "", "{title}");
  CHECK(alone.file_name == "nul＿.docx");
  CHECK(has(alone.changes, NameChangeKind::device_name));
}

TEST_CASE("file_name: forbidden characters are replaced by their full-width forms, never deleted") {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {":", "："}, {"?", "？"}, {"*", "＊"}, {"<", "＜"}, {">", "＞"}, {"|", "｜"}, {"/", "／"}, {"\\", "＼"}};
  for (const auto& [ascii, wide] : forms) {
    const SanitizedName s = sanitize_name_component("氢能" + ascii + "储运");
    CHECK_MESSAGE(s.name == "氢能" + wide + "储运", ascii);
    REQUIRE(s.changes.size() == 1);
    CHECK(s.changes[0].kind == NameChangeKind::replaced_char);
    CHECK(s.changes[0].original == ascii);
    CHECK(s.changes[0].replacement == wide);
  }
  CHECK(clean("技术路线：A/B 方案?") == "技术路线：A／B 方案？");
  const EntryName e = entry("氢能<储运>关键*技术", "山东|大学");
  CHECK(e.file_name == "1.氢能＜储运＞关键＊技术-山东｜大学.docx");
  CHECK(count_kind(e.changes, NameChangeKind::replaced_char) == 4);
}

TEST_CASE("file_name: ASCII quotes in a Chinese title become “ ” pairs") {
  CHECK(clean("关于\"一带一路\"合作的\"卡脖子\"技术") == "关于“一带一路”合作的“卡脖子”技术");
  CHECK(clean("5\" 屏幕") == "5“ 屏幕");  // an odd quote opens
  const EntryName e = entry("\"卡脖子\"技术攻关", "\"某\"研究院");
  CHECK(e.file_name == "1.“卡脖子”技术攻关-“某”研究院.docx");  // each part pairs its own quotes
  const SanitizedName s = sanitize_name_component("\"a\" \"b\"");
  CHECK(s.name == "“a” “b”");
  REQUIRE(s.changes.size() == 2);
  CHECK(s.changes[0].replacement == "“");
  CHECK(s.changes[0].count == 2);
  CHECK(s.changes[1].replacement == "”");
}

TEST_CASE("file_name: a title of only forbidden characters stays readable") {
  const EntryName e = entry("<>:\"/\\|?*", "单位");
  CHECK(e.file_name == "1.＜＞：“／＼｜？＊-单位.docx");
  CHECK(legal_everywhere(e.file_name));
  CHECK(clean("???") == "？？？");
  // Only invisible characters: nothing is left, a placeholder stands in.
  const EntryName empty = entry("\u200B\u202E\x01", "单位");
  CHECK(empty.file_name == "1.未命名-单位.docx");
  CHECK(has(empty.changes, NameChangeKind::empty_name));
  CHECK(entry("", "").file_name == "1.未命名-未知单位.docx");
  CHECK(clean("") == "未命名");
}

TEST_CASE("file_name: control, zero-width and bidi characters are removed") {
  const SanitizedName s = sanitize_name_component("项目\x01名\x7F称\u200B\u200C\u2060\uFEFF\u00AD");
  CHECK(s.name == "项目名称");
  CHECK(count_kind(s.changes, NameChangeKind::removed_char) == 7);
  CHECK(clean("abc\u202Egpj.exe") == "abcgpj.exe");  // the right-to-left override trick
  CHECK(clean("\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u061C报告") == "报告");
  CHECK(clean("C1\u0085\u0080\u009F控制") == "C1 控制");  // NEL is white space, the rest C1
  CHECK(clean("氢\u200D能") == "氢能");                     // a ZWJ outside an emoji goes
  CHECK(clean("家庭👨‍👩‍👧") == "家庭👨‍👩‍👧");          // inside one it stays
  CHECK(clean("👍🏽\u200D") == "👍🏽");
  CHECK(clean("👨 \u200D👩") == "👨 👩");
  for (const NameChange& c : s.changes) {
    CHECK(starts_with(c.original, "U+"));
    CHECK_FALSE(c.message_zh.empty());
    CHECK_FALSE(c.message_en.empty());
  }
}

TEST_CASE("file_name: runs of white space fold to one space, ends are trimmed") {
  const SanitizedName s = sanitize_name_component("  氢能  \t\n 储运\u3000\u3000技术\u00A0研究  ");
  CHECK(s.name == "氢能 储运 技术 研究");
  CHECK(has(s.changes, NameChangeKind::folded_space));
  CHECK(has(s.changes, NameChangeKind::trimmed));
  CHECK(clean("a\u200B \u200B b") == "a b");  // removed characters do not split a run
  CHECK(entry(" 氢能 ", "\t山东大学\n").file_name == "1.氢能-山东大学.docx");
  CHECK(sanitize_name_component("氢能 储运").changes.empty());
}

TEST_CASE("file_name: trailing periods and spaces go, dot names cannot hide or climb") {
  CHECK(clean("报告. . .") == "报告");
  CHECK(clean("报告...") == "报告");
  CHECK(clean("...") == "未命名");
  CHECK(clean("..") == "未命名");
  CHECK(clean(".") == "未命名");
  CHECK(clean(".hidden") == "．hidden");
  CHECK(clean("../../x") == "．.／..／x");
  CHECK(clean("C:\\x") == "C：＼x");
  CHECK(clean("/etc/passwd") == "／etc／passwd");
  const EntryName up = entry("../../x", "C:\\Windows");
  CHECK(up.file_name == "1...／..／x-C：＼Windows.docx");
  CHECK(up.path == "多边科技合作/1...／..／x-C：＼Windows.docx");
  CHECK(up.file_name.find('/') == std::string::npos);
  CHECK(legal_everywhere(up.file_name));
  CHECK(entry("标题", "单位.", "").file_name == "1.标题-单位");
  CHECK(entry("标题", "单位", " .docx. ").file_name == "1.标题-单位.docx");
}

TEST_CASE("file_name: a 300-character Chinese title is cut to fit 255 bytes, keeping number, unit and extension") {
  const std::string title = repeat("氢", 300);
  const EntryName e = entry(title, "山东大学", "docx", 7);
  CHECK(e.file_name.size() <= 255);
  CHECK(e.file_name.size() > 240);  // not cut more than needed
  CHECK(starts_with(e.file_name, "7.氢氢"));
  CHECK(ends_with(e.file_name, "氢…-山东大学.docx"));
  CHECK(utf16_length(e.path) <= 160);
  CHECK(legal_everywhere(e.file_name));
  CHECK(has(e.changes, NameChangeKind::shortened_title));
  CHECK_FALSE(has(e.changes, NameChangeKind::shortened_unit));
  for (const NameChange& c : e.changes) {
    CHECK(c.original == title);
    CHECK(c.message_zh.find("项目名称过长") != std::string::npos);
  }
  // Latin text is bound by the path: 160 UTF-16 units with the folder.
  const EntryName latin = entry(repeat("a", 300), "Shandong University");
  CHECK(utf16_length(latin.path) <= 160);
  CHECK(utf16_length(latin.path) >= 155);
  CHECK(ends_with(latin.file_name, "a…-Shandong University.docx"));
  // The path budget is a parameter.
  const EntryName tight = entry(title, "山东大学", "docx", 1, "多边科技合作", {}, NameBudget{255, 60});
  CHECK(utf16_length(tight.path) <= 60);
  CHECK(ends_with(tight.file_name, "…-山东大学.docx"));
}

TEST_CASE("file_name: the cut falls on a grapheme boundary, never inside an emoji ZWJ sequence") {
  const std::string family = "👨‍👩‍👧‍👦";  // 4 pictographs joined by 3 ZWJ: 25 bytes, one grapheme
  REQUIRE(family.size() == 25);
  for (std::size_t shift = 0; shift < family.size(); ++shift) {
    const EntryName e = entry(repeat("a", shift) + repeat(family, 40), "单位");
    CHECK(e.file_name.size() <= 255);
    const std::string kept = kept_title(e.file_name);
    CHECK_MESSAGE((kept.size() - shift) % family.size() == 0, shift);
    CHECK(ends_with(e.file_name, "…-单位.docx"));
  }
}

TEST_CASE("file_name: the cut falls on a grapheme boundary, never between a letter and its marks") {
  const std::string marked = "e\u0301\u0323";  // e + acute + dot below: 5 bytes, one grapheme
  for (std::size_t shift = 0; shift < marked.size(); ++shift) {
    const EntryName e = entry(repeat("字", shift) + repeat(marked, 120), "单位");
    CHECK(e.file_name.size() <= 255);
    const std::string kept = kept_title(e.file_name);
    CHECK_MESSAGE((kept.size() - 3 * shift) % marked.size() == 0, shift);
  }
}

TEST_CASE("file_name: the unit is cut only when cutting the title is not enough") {
  const EntryName e = entry("氢能储运", repeat("研究院", 100));
  CHECK(e.file_name.size() <= 255);
  CHECK(starts_with(e.file_name, "1.氢…-研究院"));
  CHECK(ends_with(e.file_name, "….docx"));
  CHECK(has(e.changes, NameChangeKind::shortened_title));
  CHECK(has(e.changes, NameChangeKind::shortened_unit));
  CHECK(legal_everywhere(e.file_name));
  // A cut that would not be shorter is not made: "ab" stays, "a…" would be longer.
  const EntryName short_title = entry("ab", repeat("研究院", 100));
  CHECK(starts_with(short_title.file_name, "1.ab-研究院"));
  CHECK_FALSE(has(short_title.changes, NameChangeKind::shortened_title));
  CHECK(short_title.file_name.size() <= 255);
  // A single grapheme of hundreds of bytes cannot be cut inside; the name still fits.
  const EntryName absurd = entry("a" + repeat("\u0301", 200), "b" + repeat("\u0301", 200));
  CHECK(absurd.file_name.size() <= 255);
  CHECK(legal_everywhere(absurd.file_name));
  CHECK(has(absurd.changes, NameChangeKind::shortened_name));
  CHECK(ends_with(absurd.file_name, ".docx"));
}

TEST_CASE("file_name: names equal on a case-insensitive file system are told apart in input order") {
  const std::vector<EntryNameRequest> requests = {
      {"多边科技合作", 1, "Report", "SDU", "docx"},
      {"多边科技合作", 1, "REPORT", "sdu", "docx"},
      {"多边科技合作", 1, "report", "Sdu", "DOCX"},
      {"创新领先国家", 1, "Report", "SDU", "docx"},  // another folder: no clash
  };
  const auto names = make_entry_names(requests);
  REQUIRE(names.size() == 4);
  CHECK(names[0].file_name == "1.Report-SDU.docx");
  CHECK(names[1].file_name == "1.REPORT-sdu (2).docx");
  CHECK(names[2].file_name == "1.report-Sdu (3).DOCX");
  CHECK(names[3].file_name == "1.Report-SDU.docx");
  CHECK_FALSE(has(names[0].changes, NameChangeKind::disambiguated));
  CHECK(has(names[1].changes, NameChangeKind::disambiguated));
  CHECK(names[1].changes.back().message_zh.find("多边科技合作/1.Report-SDU.docx") != std::string::npos);
  CHECK(same_name_on_disk("Report", "REPORT"));
  CHECK(same_name_on_disk("STRASSE", "straße"));
  CHECK(same_name_on_disk("DIŞ", "diş"));
  CHECK_FALSE(same_name_on_disk("Report", "Reports"));
  // Deterministic: the same input gives the same names.
  const auto again = make_entry_names(requests);
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(again[i].path == names[i].path);
}

TEST_CASE("file_name: names equal after normalization or width folding are told apart") {
  const std::vector<EntryNameRequest> requests = {
      {"", 2, "Caf\u00E9", "单位", "docx"},   // é precomposed
      {"", 2, "Cafe\u0301", "单位", "docx"},  // e + combining acute
      {"", 2, "ＣＡＦÉ", "单位", "docx"},     // full-width letters
      {"", 2, "Cafe\u0301", "单位", "docx"},
  };
  const auto names = make_entry_names(requests);
  CHECK(names[0].file_name == "2.Caf\u00E9-单位.docx");
  CHECK(names[1].file_name == "2.Cafe\u0301-单位 (2).docx");
  CHECK(names[2].file_name == "2.ＣＡＦÉ-单位 (3).docx");
  CHECK(names[3].file_name == "2.Cafe\u0301-单位 (4).docx");
  CHECK(same_name_on_disk("Caf\u00E9", "CAFE\u0301"));
  CHECK(name_compare_key("ＡＢＣ") == name_compare_key("abc"));
}

TEST_CASE("file_name: disambiguation stays within the budgets and avoids the folders") {
  const std::string title = repeat("氢", 300);  // both cut to the same 80-odd characters
  const std::vector<EntryNameRequest> requests = {
      {"多边科技合作", 1, title + "甲", "山东大学", "docx"},
      {"多边科技合作", 1, title + "乙", "山东大学", "docx"},
      {"", 1, "多边科技合作", "", ""},  // a file at the root named like a folder
  };
  const auto names = make_entry_names(requests, "{number}.{title}-{unit}");
  CHECK(names[0].file_name != names[1].file_name);
  CHECK(ends_with(names[1].file_name, "…-山东大学 (2).docx"));
  CHECK(names[1].file_name.size() <= 255);
  CHECK(has(names[1].changes, NameChangeKind::shortened_title));
  const auto root = make_entry_names(std::vector<EntryNameRequest>{
      {"多边科技合作", 1, "a", "b", "docx"}, {"", 1, "多边科技合作", "", ""}}, "{title}");
  CHECK(root[1].file_name == "多边科技合作 (2)");
  CHECK(has(root[1].changes, NameChangeKind::disambiguated));
}

TEST_CASE("file_name: invalid UTF-8 never leaves a name invalid") {
  const SanitizedName s = sanitize_name_component("\xFF项目\xC3(名称");
  CHECK(s.name == "\uFFFD项目\uFFFD(名称");
  CHECK(has(s.changes, NameChangeKind::invalid_utf8));
  CHECK(legal_everywhere(entry("\xE4\xB8", "\x80\x80", "d\xFFx").file_name));
}

TEST_CASE("file_name: patterns from another year's profile") {
  CHECK(entry("标题", "单位", "pdf", 3, "", "{title}（{unit}）").file_name == "标题（单位）.pdf");
  CHECK(entry("标题", "单位", "pdf", 3, "", "{number}:{title}").file_name == "3：标题.pdf");
  CHECK(entry("标题", "单位", "pdf", 3, "", "{number}-{region}-{title}").file_name == "3-{region}-标题.pdf");
  CHECK(entry("标题", "单位", "pdf", 3, "", "{number}_{title").file_name == "3_{title.pdf");
}

TEST_CASE("file_name: a whole component is kept within its byte budget") {
  const SanitizedName s = sanitize_name_component(repeat("氢", 100));
  CHECK(s.name.size() <= 255);
  CHECK(ends_with(s.name, "氢…"));
  CHECK(has(s.changes, NameChangeKind::shortened_name));
  CHECK(sanitize_name_component(repeat("氢", 30), 60).name.size() <= 60);
  CHECK(to_string(NameChangeKind::device_name) == "device_name");
  CHECK(to_string(NamePart::unit) == "unit");
  CHECK(utf16_length("a氢😀") == 4);
}

TEST_CASE("file name: a name over 255 bytes is shortened before its extension, which it keeps") {
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "系统";
  const SanitizedName s = sanitize_name_component(long_name + ".docx");
  CHECK(s.name.size() <= 255);
  CHECK(s.name.ends_with("….docx"));
  CHECK(s.name.starts_with("系统系统"));
  const SanitizedName version = sanitize_name_component(long_name + "第2.5版");
  CHECK(version.name.size() <= 255);
  CHECK(version.name.ends_with("…"));  // ".5版" is no extension
}

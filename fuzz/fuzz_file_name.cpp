// Any bytes as title, unit, extension and pattern, through sanitizing, entry-name building
// and a small collision set: every name must come out legal on Windows, macOS and Linux,
// within its budgets, and no two the same file.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "zhinan/file_name.hpp"
#include "zhinan/fold.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view name) {
  std::fprintf(stderr, "fuzz_file_name: %s: [%.*s]\n", what, static_cast<int>(name.size()), name.data());
  std::abort();
}

void require(bool ok, const char* what, std::string_view name) {
  if (!ok) fail(what, name);
}

// Decodes strictly (no overlongs, surrogates or values past U+10FFFF); false on any error.
bool decode_all(std::string_view s, std::vector<char32_t>& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3
                                 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    static constexpr std::array<char32_t, 5> min = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out.push_back(cp);
    i += n;
  }
  return true;
}

bool invisible_or_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200B || cp == 0x200C || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
}

std::size_t utf16_units(const std::vector<char32_t>& cps) {
  std::size_t n = 0;
  for (char32_t cp : cps) n += cp > 0xFFFF ? 2 : 1;
  return n;
}

// The name as one legal component, at most `max_bytes`.
void check_component(std::string_view name, std::size_t max_bytes) {
  std::vector<char32_t> cps;
  require(decode_all(name, cps), "not valid UTF-8", name);
  require(!name.empty(), "empty", name);
  require(name.size() <= max_bytes, "too many bytes", name);
  require(name.find_first_of("<>:\"/\\|?*") == std::string_view::npos, "forbidden character", name);
  for (char32_t cp : cps) require(!invisible_or_control(cp), "control or invisible character", name);
  require(name.back() != ' ' && name.back() != '.', "trailing space or period", name);
  require(name.front() != ' ' && name.front() != '.', "leading space or period", name);
  require(!zhinan::is_windows_device_name(name), "device name", name);
  // A device word before the first period, spaces ignored, in any ASCII case.
  std::string base(name.substr(0, name.find('.')));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  for (char& c : base) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  for (const char* device : {"CON", "PRN", "AUX", "NUL"}) require(base != device, "device word", name);
  if (base.size() == 4 && (base.starts_with("COM") || base.starts_with("LPT")) && base[3] >= '0' && base[3] <= '9')
    fail("COM/LPT device word", name);
}

constexpr std::array<std::string_view, 6> kFolders = {
    "", "多边科技合作", "创新领先国家", "上合组织成员国", "“一带一路”共建国家", "港澳台地区"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string_view folder = kFolders[in.ConsumeIntegralInRange<std::size_t>(0, kFolders.size() - 1)];
  zhinan::NameBudget budget;
  budget.max_name_bytes = in.ConsumeIntegralInRange<std::size_t>(0, 255);
  budget.max_path_utf16 = in.ConsumeIntegralInRange<std::size_t>(0, 300);
  const int number = in.ConsumeIntegralInRange<int>(-5, 100000);
  std::string pattern;
  switch (in.ConsumeIntegralInRange<int>(0, 4)) {
    case 0: break;
    case 1: pattern = "{title}"; break;
    case 2: pattern = "{title}（{unit}）"; break;
    case 3: pattern = "{unit}{number}{title}"; break;
    default: pattern = in.ConsumeRandomLengthString(64); break;
  }
  const std::string extension = in.ConsumeRandomLengthString(24);
  const std::string unit = in.ConsumeRandomLengthString(512);
  const std::string title = in.ConsumeRemainingBytesAsString();

  // One component on its own.
  for (const std::string* raw : {&title, &unit}) {
    const zhinan::SanitizedName s = zhinan::sanitize_name_component(*raw, budget.max_name_bytes);
    check_component(s.name, std::max(budget.max_name_bytes, zhinan::kMinNameBytes));
    for (const zhinan::NameChange& c : s.changes) {
      std::vector<char32_t> cps;
      require(decode_all(c.original, cps) && decode_all(c.replacement, cps) &&
                  decode_all(c.message_zh, cps) && decode_all(c.message_en, cps),
              "a change that is not UTF-8", s.name);
    }
  }

  // A small package: the same request twice, a case variant, the title in another part,
  // and a file at the root named like the folder.
  std::string upper = title;
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  const std::string folder_text(folder);
  const std::vector<zhinan::EntryNameRequest> requests = {
      {folder_text, number, title, unit, extension},
      {folder_text, number, title, unit, extension},
      {folder_text, number, upper, unit, extension},
      {folder_text, number, unit, title, extension},
      {"", number, folder_text, "", ""},
  };
  const auto names = zhinan::make_entry_names(requests, pattern, budget);
  require(names.size() == requests.size(), "wrong number of names", "");
  std::unordered_set<std::string> keys;
  const std::size_t max_bytes = std::max(budget.max_name_bytes, zhinan::kMinNameBytes);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const zhinan::EntryName& e = names[i];
    check_component(e.file_name, max_bytes);
    std::vector<char32_t> cps;
    require(decode_all(e.path, cps), "path not UTF-8", e.path);
    const std::string& f = requests[i].folder;
    std::vector<char32_t> folder_cps;
    decode_all(f, folder_cps);
    const std::size_t folder_units = f.empty() ? 0 : utf16_units(folder_cps) + 1;
    if (folder_units + zhinan::kMinNameUtf16 <= budget.max_path_utf16)
      require(utf16_units(cps) <= budget.max_path_utf16, "path over budget", e.path);
    require(e.path == (f.empty() ? e.file_name : f + "/" + e.file_name), "path is not folder/name", e.path);
    const std::string key =
        f.empty() ? zhinan::name_compare_key(e.file_name)
                  : zhinan::name_compare_key(f) + "/" + zhinan::name_compare_key(e.file_name);
    require(keys.insert(key).second, "two names are the same file", e.path);
    if (f.empty() && !folder.empty())
      require(!zhinan::same_name_on_disk(e.file_name, folder), "a file named like a folder", e.path);
  }
  // The same input gives the same names.
  const auto again = zhinan::make_entry_names(requests, pattern, budget);
  for (std::size_t i = 0; i < names.size(); ++i)
    require(again[i].path == names[i].path, "not deterministic", names[i].path);

  // Folding for comparison takes anything and gives UTF-8 that folds to itself.
  std::vector<char32_t> cps;
  const std::string folded = zhinan::fold_for_comparison(title);
  require(decode_all(folded, cps), "folded text not UTF-8", folded);
  require(zhinan::fold_for_comparison(folded) == folded, "folding twice changes the text", folded);
  return 0;
}

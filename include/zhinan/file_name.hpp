// File-name normalization (文件名规范化) for the package of section 四: every name a ZIP
// entry gets must read right in every mainstream unzip tool and be writable on Windows,
// macOS, Linux, UOS and Kylin. Nothing is changed silently: every change is reported so
// the package writer can tell the clerk, in Chinese and English.
//
// What a sanitized name component looks like, and why:
// - Windows forbids < > : " / \ | ? *; they are replaced, never deleted, by look-alikes a
//   Chinese reader reads the same: ASCII " becomes “ and ” in turn (first “, then ”, in
//   order of appearance), the others their full-width forms ＜ ＞ ： ／ ＼ ｜ ？ ＊.
//   So "../../x" becomes "．.／..／x" and "C:\x" becomes "C：＼x": one harmless component.
// - Control characters (C0, DEL, C1), zero-width characters (U+200B–U+200D, U+2060,
//   U+FEFF, also U+00AD, U+180E, U+2061–U+2064) and bidi controls (U+200E, U+200F,
//   U+202A–U+202E, U+2066–U+2069, U+061C) are removed: they are invisible, so a clerk
//   could not tell two names apart or see where a name ends. One exception: a U+200D
//   (ZWJ) between two pictographs is kept, because it is part of an emoji sequence.
// - Bytes that are not UTF-8 become U+FFFD.
// - A run of white space (any Unicode White_Space: tabs, newlines, U+00A0, U+3000, …)
//   becomes one ASCII space; leading and trailing spaces and trailing periods go
//   (Windows strips them itself, so the name on disk would differ from the ZIP's).
// - A leading ASCII period becomes "．" (U+FF0E): macOS and Linux hide dot files.
// - A Windows device name — CON PRN AUX NUL COM0–COM9 LPT0–LPT9, COM¹²³ LPT¹²³, CONIN$
//   CONOUT$, in any case, alone or before an extension ("nul.txt", "Com1 .docx") — gets
//   a full-width low line "＿" (U+FF3F) right after the device word: "CON＿.txt".
// - Nothing left becomes "未命名".
// - Names are not NFC-normalized: NFC would change CJK compatibility ideographs, which a
//   unit's name may use on purpose. Collisions are still caught, see name_compare_key.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zhinan {

// What kind of change a name went through.
enum class NameChangeKind {
  replaced_char,    // a character Windows forbids, replaced by its readable look-alike
  removed_char,     // a control, zero-width or bidi character, removed
  invalid_utf8,     // bytes that are not UTF-8, replaced by U+FFFD
  folded_space,     // a run of white space, or a space that is not ASCII, became " "
  trimmed,          // leading or trailing white space or trailing periods removed
  leading_period,   // a leading "." (a hidden file on macOS/Linux) became "．"
  device_name,      // a Windows device name, made safe with "＿"
  empty_name,       // nothing was left; a placeholder stands in
  shortened_title,  // the title was cut to fit the budgets (ends with "…")
  shortened_unit,   // the unit was cut as well (ends with "…")
  shortened_name,   // the name still did not fit and was cut as a whole
  disambiguated,    // equal to an earlier name on a case-insensitive file system: " (2)"
};

std::string_view to_string(NameChangeKind kind);  // "replaced_char", …

// Which part of a package entry name a change concerns.
enum class NamePart { name, title, unit, extension, pattern };

std::string_view to_string(NamePart part);  // "name", "title", "unit", "extension", "pattern"

// One reported change. Equal changes in one part are reported once, with a count.
struct NameChange {
  NameChangeKind kind = NameChangeKind::replaced_char;
  NamePart part = NamePart::name;
  std::string original;     // the fragment before (invisible characters written as U+XXXX)
  std::string replacement;  // the fragment after, "" when removed
  std::size_t count = 1;    // how many times it happened
  std::string message_zh;
  std::string message_en;
};

using NameChanges = std::vector<NameChange>;

bool has(const NameChanges& changes, NameChangeKind kind);

struct SanitizedName {
  std::string name;  // valid UTF-8, legal as one file or folder name everywhere
  NameChanges changes;
};

inline constexpr std::string_view kUnnamedPlaceholder = "未命名";  // for an empty name or title
inline constexpr std::string_view kUnknownUnitPlaceholder = "未知单位";  // for an empty unit

// Sanitizes one path component (a file or folder name) as described above, and keeps
// it within `max_bytes` of UTF-8 (cut at a grapheme boundary, ending with "…").
SanitizedName sanitize_name_component(std::string_view name, std::size_t max_bytes = 255);

// Budgets of a package entry name (名称长度预算).
//
// Windows' MAX_PATH is 260 UTF-16 units including the drive ("C:\") and the final NUL.
// The package's own part of an extracted path is "folder/name"; 160 units for it leave
// 260 - 1 - 1 - 160 = 98 units for the folder a clerk extracts into, e.g.
// "C:\Users\某某某\Desktop\2025年省级国际科技合作项目指南建议\" (about 40) with room
// to spare for a department name. Units are counted as Windows counts them: UTF-16 code
// units, so a character outside the BMP (an emoji) counts 2.
struct NameBudget {
  std::size_t max_name_bytes = 255;  // whole file name, UTF-8 bytes (ext4, APFS, ZIP tools)
  std::size_t max_path_utf16 = 160;  // folder + "/" + file name, UTF-16 code units
};

// The smallest budgets honoured: a smaller value is raised to these, so that "…", a
// " (n)" and a short extension always fit.
inline constexpr std::size_t kMinNameBytes = 48;
inline constexpr std::size_t kMinNameUtf16 = 32;
// Extensions longer than this (UTF-8 bytes) are cut; no real document type needs more.
inline constexpr std::size_t kMaxExtensionBytes = 16;

// One suggestion's file in the package: `序号.项目名称-建议单位.ext`.
struct EntryNameRequest {
  std::string folder;     // the region folder, as it will appear ("" for the root); not changed
  int number = 0;         // 序号
  std::string title;      // 项目名称
  std::string unit;       // 建议单位
  std::string extension;  // "docx" or ".docx"; "" for none
};

struct EntryName {
  std::string file_name;  // e.g. "1.氢能储运关键技术-山东大学.docx"
  std::string path;       // folder + "/" + file_name, or file_name at the root
  NameChanges changes;
};

// The profile's package.file_name_pattern in 2025 (an empty pattern means this one).
// Placeholders: {number}, {title}, {unit}; anything else is literal text (sanitized too).
inline constexpr std::string_view kDefaultFileNamePattern = "{number}.{title}-{unit}";

// Builds one entry name from the pattern, within the budgets. Title, unit and extension
// are sanitized on their own (so a quote pairs within the title); the whole name is then
// checked as a component. When it is too long, the title is cut first (at a grapheme
// boundary, ending with "…", keeping at least its first grapheme, and never to something
// longer: "ab" is not cut to "a…"); only if that is not enough the unit is cut the same
// way; the number, the literal text and the extension stay. Only an absurd input (a grapheme cluster of hundreds of bytes, a huge folder or
// pattern) makes the whole name be cut, which is reported as shortened_name.
EntryName make_entry_name(const EntryNameRequest& request, std::string_view pattern = {},
                          const NameBudget& budget = {});

// Builds the names of a whole package, in input order. No two paths are equal under
// name_compare_key, and no file takes the name of a folder beside it: a later name that
// would be gets " (2)", " (3)", … before its extension (the first free number), within the
// budgets, reported as disambiguated. The result is the same for the same input.
std::vector<EntryName> make_entry_names(std::span<const EntryNameRequest> requests,
                                        std::string_view pattern = {},
                                        const NameBudget& budget = {});

// The key under which two names are the same file on some file system: NFKC_Casefold
// (Unicode's closure of NFKC and full case folding, as ICU implements it), then U+0131
// (dotless ı) as i. It is coarser than every file system we target: NTFS and FAT
// (case-insensitive by their upcase tables, which also map ı to I), APFS and HFS+
// (normalization- and case-insensitive by default), and ext4 (exact). Coarser means a
// rare " (2)" that was not strictly needed (e.g. for "Ａ" beside "A"), never a collision.
std::string name_compare_key(std::string_view name);

// Whether `a` and `b` would be the same file: equal compare keys.
bool same_name_on_disk(std::string_view a, std::string_view b);

// Whether `name` (a whole component) is a Windows device name, alone or before an extension.
bool is_windows_device_name(std::string_view name);

// Length of valid UTF-8 text in UTF-16 code units, the way Windows counts path length.
std::size_t utf16_length(std::string_view utf8);

}  // namespace zhinan

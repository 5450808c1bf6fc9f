// A package's entries read into memory without trusting the archive (internal): .zip,
// .7z and .rar through libarchive, or an extracted folder. Nothing is ever written to a
// path the archive chose; unsafe, encrypted and oversized entries are findings.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_context.hpp"
#include "zhinan/audit.hpp"

namespace zhinan::detail {

struct ArchiveEntry {
  std::string name;  // UTF-8, '/' between folders, no leading "./"
  std::string data;
  bool directory = false;
};

struct ArchiveContents {
  std::string format;  // "zip", "7z", "rar", "folder"
  std::vector<ArchiveEntry> entries;
  bool legacy_names = false;  // some name was read as GB18030
  bool read = false;          // false: unreadable or stopped at a limit (the finding says which)
};

// Findings go to `ctx` with their entry names in params; the caller sets package/entry.
struct EntryFinding {
  std::string entry;
  Diagnostic diagnostic;
};

ArchiveContents read_archive(std::string_view bytes, const AuditLimits& limits, std::vector<EntryFinding>& findings,
                             const Profile& profile);
ArchiveContents read_folder(const std::filesystem::path& folder, const AuditLimits& limits,
                            std::vector<EntryFinding>& findings, const Profile& profile);

// A name as stored, made UTF-8: kept when it is valid UTF-8, else read as GB18030 (what
// Windows' built-in compressor and old WinRAR write); `legacy` says the second happened.
std::string name_to_utf8(std::string_view raw, bool& legacy);

// Why a name must not be read ("" when it is safe): absolute, a drive letter, "..".
std::string unsafe_name_reason(std::string_view name);

}  // namespace zhinan::detail

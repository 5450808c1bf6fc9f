// A package's layout against section 四 (internal): the wrapper folder, region folders by
// label or alias, the names 序号.项目名称-建议单位.ext, the numbering, the 汇总表 files.
#pragma once

#include <string>
#include <vector>

#include "audit/archive_reader.hpp"

namespace zhinan::detail {

struct LaidOutDocument {
  const ArchiveEntry* entry = nullptr;
  std::string name;    // the entry's name as read (with any wrapper folder)
  std::string folder;  // its region folder as written
  std::string region;  // that folder's region code, "" when it is none
  int number = 0;
  std::string title_in_name;
  std::string unit_in_name;
  std::string extension;  // lower case, without the dot
};

struct PackageLayout {
  std::vector<LaidOutDocument> documents;
  std::vector<const ArchiveEntry*> summary_tables;  // .xlsx / .csv with 汇总表 in the name
};

// Checks the layout; findings (audit.wrapper_folder, folder_alias, folder_unknown,
// file_outside_folder, file_misnamed, numbering, number_duplicate, empty) go to `findings`.
PackageLayout lay_out(const ArchiveContents& contents, const Profile& profile, std::vector<EntryFinding>& findings);

// The region whose folder label this is, exactly; or by alias (no quotes, half-width
// quotes, other spacing): then `alias` is set. Nothing for another name.
const Region* region_of_folder(std::string_view folder, const Profile& profile, bool& alias);

// Makes a finding of rule `id` about `entry`.
void add_finding(std::vector<EntryFinding>& findings, const Profile& profile, std::string_view id,
                 const std::string& entry, Params params);

}  // namespace zhinan::detail

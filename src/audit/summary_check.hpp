// A package's 汇总表 (附件3) against its files (internal): columns found by their headers,
// spaces and punctuation ignored; rows matched to files by region and number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/package_layout.hpp"
#include "zhinan/model.hpp"

namespace zhinan::detail {

// What a table's note says of its ZIP, and what the ZIP received is: size and CRC-32.
struct PackageFingerprint {
  std::uint64_t size = 0;
  std::uint32_t crc32 = 0;
  static PackageFingerprint of(std::string_view bytes);
};

struct SummaryTable {
  std::string name;  // the table file's name, for messages
  std::string data;  // its bytes
  // The package file the table lies beside (none for a table inside the package): the
  // table's note names the ZIP it was made with, by size and CRC-32, and must name this.
  std::optional<PackageFingerprint> package_file;
};

struct DocumentFacts {  // what a document's file says, for the comparison
  const LaidOutDocument* document = nullptr;
  std::string title;  // from its data, else from its name
  std::string unit;
  bool from_name = false;  // only the name was readable: it may be shortened
};

// Checks each table; audit.summary_mismatch per disagreement (a table beside a package
// whose note names another ZIP is one) (a few at most per table), or
// audit.summary_absent when there is no table. The department of the table's header
// (主管部门) comes back through `department` when one is found.
void check_summary_tables(const std::vector<SummaryTable>& tables, const std::vector<DocumentFacts>& documents,
                          const Profile& profile, std::vector<EntryFinding>& findings, std::string& department);

}  // namespace zhinan::detail

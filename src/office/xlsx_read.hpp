// The first worksheet of an .xlsx as a grid of cell texts (internal), for checking a
// 汇总表 someone else made: shared strings, inline strings and numbers as written; merged
// cells hold their text in the top-left cell only, as the file does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhinan::detail {

using CellGrid = std::vector<std::vector<std::string>>;

std::optional<CellGrid> read_xlsx_first_sheet(std::string_view bytes, std::string* error);

}  // namespace zhinan::detail

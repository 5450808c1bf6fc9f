#include "office/xlsx_read.hpp"

#include <algorithm>

#include "office/docx_zip.hpp"
#include "office/xml_part.hpp"

namespace zhinan::detail {

namespace {

constexpr std::size_t kMaxPart = 64u << 20;
constexpr std::size_t kMaxRatio = 200;
constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxColumns = 256;
constexpr std::size_t kMaxRows = 100000;

std::optional<CellGrid> fail(std::string* error, std::string why) {
  if (error != nullptr) *error = std::move(why);
  return std::nullopt;
}

// "AB12" → column 27 (0-based 27), row 11.
bool cell_position(std::string_view ref, std::size_t& row, std::size_t& column) {
  std::size_t i = 0;
  column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') column = column * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size() || column > kMaxColumns) return false;
  row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
    if (row > kMaxRows) return false;
  }
  if (row == 0) return false;
  --row;
  --column;
  return true;
}

// The text of <si> or <is>: its <t> elements, rich-text runs included, phonetic runs not.
std::string string_item(const pugi::xml_node& item) {
  std::string text;
  for (const pugi::xml_node& child : item.children()) {
    const std::string_view name = local_name(child);
    if (name == "t") text += child.text().get();
    else if (name == "r") text += child.child("t").text().get();
  }
  return text;
}

}  // namespace

std::optional<CellGrid> read_xlsx_first_sheet(std::string_view bytes, std::string* error) {
  ZipReader zip(bytes);
  if (!zip.ok()) return fail(error, "not an .xlsx (ZIP): " + zip.error());
  std::vector<std::string> sheets;
  for (std::string& name : zip.names()) {
    if (name.starts_with("xl/worksheets/sheet") && name.ends_with(".xml")) sheets.push_back(std::move(name));
  }
  if (sheets.empty()) return fail(error, "no worksheet");
  std::sort(sheets.begin(), sheets.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;  // sheet1 before sheet10
  });
  std::vector<std::string> shared;
  if (std::optional<std::string> xml = zip.read("xl/sharedStrings.xml", kMaxPart, kMaxRatio)) {
    pugi::xml_document doc;
    if (parse_xml_part_in_place(*xml, kMaxDepth, doc).failure != XmlFailure::none) return fail(error, "sharedStrings.xml is damaged");
    for (const pugi::xml_node& si : doc.document_element().children()) {
      if (local_name(si) == "si") shared.push_back(string_item(si));
    }
  }
  std::optional<std::string> sheet_xml = zip.read(sheets.front(), kMaxPart, kMaxRatio);
  if (!sheet_xml) return fail(error, zip.error());
  pugi::xml_document sheet;
  if (const XmlParse parsed = parse_xml_part_in_place(*sheet_xml, kMaxDepth, sheet); parsed.failure != XmlFailure::none) {
    return fail(error, parsed.error);
  }
  CellGrid grid;
  const pugi::xml_node data = sheet.document_element().child("sheetData");
  for (const pugi::xml_node& row : data.children()) {
    if (local_name(row) != "row") continue;
    for (const pugi::xml_node& c : row.children()) {
      if (local_name(c) != "c") continue;
      std::size_t r = 0, col = 0;
      if (!cell_position(c.attribute("r").value(), r, col)) continue;
      const std::string_view type = c.attribute("t").value();
      std::string text;
      if (type == "s") {
        const std::size_t index = static_cast<std::size_t>(c.child("v").text().as_ullong(~0ull));
        if (index < shared.size()) text = shared[index];
      } else if (type == "inlineStr") {
        text = string_item(c.child("is"));
      } else {
        text = c.child("v").text().get();
      }
      if (grid.size() <= r) grid.resize(r + 1);
      if (grid[r].size() <= col) grid[r].resize(col + 1);
      grid[r][col] = std::move(text);
    }
  }
  return grid;
}

}  // namespace zhinan::detail

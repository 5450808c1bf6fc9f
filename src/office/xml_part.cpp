#include "office/xml_part.hpp"

#include <algorithm>

namespace zhinan::detail {

namespace {

// The deepest element, walked without recursion.
std::size_t depth_of(const pugi::xml_node& root, std::size_t stop_at) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  pugi::xml_node node = root.first_child();
  if (!node) return 0;
  depth = 1;
  while (node) {
    deepest = std::max(deepest, depth);
    if (deepest > stop_at) return deepest;
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling() && node != root) {
      node = node.parent();
      --depth;
    }
    if (!node || node == root) break;
    node = node.next_sibling();
  }
  return deepest;
}

// parse_doctype keeps a DOCTYPE as a node, so that it can be seen and refused;
// parse_escapes expands only the five predefined entities and character references;
// parse_ws_pcdata keeps a w:t that holds only a space.
constexpr unsigned kOptions = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata;

XmlParse checked(const pugi::xml_parse_result& result, std::size_t max_depth, pugi::xml_document& doc) {
  if (!result) {
    return {XmlFailure::malformed, std::string(result.description()) + " at byte " + std::to_string(result.offset)};
  }
  for (const pugi::xml_node& child : doc.children()) {
    if (child.type() == pugi::node_doctype) {
      doc.reset();
      return {XmlFailure::doctype, "the part declares a DOCTYPE, which office files never do"};
    }
  }
  if (depth_of(doc, max_depth) > max_depth) {
    doc.reset();
    return {XmlFailure::too_deep, "elements nest deeper than " + std::to_string(max_depth) + " levels"};
  }
  return {};
}

}  // namespace

XmlParse parse_xml_part(std::string_view xml, std::size_t max_depth, pugi::xml_document& doc) {
  return checked(doc.load_buffer(xml.data(), xml.size(), kOptions, pugi::encoding_auto), max_depth, doc);
}

XmlParse parse_xml_part_in_place(std::string& xml, std::size_t max_depth, pugi::xml_document& doc,
                                 bool markup_only) {
  const unsigned options = markup_only ? (pugi::parse_minimal | pugi::parse_doctype) : kOptions;
  return checked(doc.load_buffer_inplace(xml.data(), xml.size(), options, pugi::encoding_auto), max_depth, doc);
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace zhinan::detail

// One XML part of an office file parsed with pugixml under limits (internal). Word never
// writes a DOCTYPE, so one is refused outright: no entity is ever declared, let alone
// expanded (no XXE, no billion laughs). Nesting deeper than the limit is refused before
// anything walks the tree, so no reader of ours recurses without bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace zhinan::detail {

enum class XmlFailure { none, malformed, doctype, too_deep };

struct XmlParse {
  XmlFailure failure = XmlFailure::none;
  std::string error;  // English, for messages: what the parser said, with the byte offset
};

XmlParse parse_xml_part(std::string_view xml, std::size_t max_depth, pugi::xml_document& doc);
// The same, parsing in place: `xml` is overwritten and must outlive `doc` (no copy of a
// large part is made). With `markup_only`, text and references are left raw (faster, for a
// part read for its elements and attributes, like styles.xml).
XmlParse parse_xml_part_in_place(std::string& xml, std::size_t max_depth, pugi::xml_document& doc,
                                 bool markup_only = false);

// The local name of an element, without its prefix: "w:tc" → "tc".
std::string_view local_name(const pugi::xml_node& node);

}  // namespace zhinan::detail

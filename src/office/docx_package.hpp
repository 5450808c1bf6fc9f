// The parts of the .docx package besides word/document.xml (internal): content types,
// relationships, styles with East Asian fonts, settings, font table, footer, document
// properties and the custom XML part that carries the suggestion's JSON.
#pragma once

#include <string>
#include <string_view>

#include "zhinan/docx.hpp"
#include "zhinan/model.hpp"
#include "zhinan/profile.hpp"

namespace zhinan::detail {

// The custom XML part: its root element's namespace and name, and the JSON format tag.
inline constexpr std::string_view kEmbedNamespace = kDocxEmbedNamespace;
inline constexpr std::string_view kEmbedRoot = "zhinan:suggestion";

// The relationship of word/document.xml that points at the footer.
inline constexpr std::string_view kFooterRelationship = "rId4";

std::string content_types_xml();
std::string package_relationships_xml();
std::string document_relationships_xml();
std::string styles_xml();
std::string settings_xml();
std::string font_table_xml();
std::string footer_xml();
std::string core_properties_xml(const Suggestion& s, const Profile& profile);
std::string app_properties_xml(const Suggestion& s);

// customXml/item1.xml holding `json` as the text of its root element.
std::string custom_xml_item(std::string_view json);
std::string custom_xml_item_properties();
std::string custom_xml_item_relationships();

}  // namespace zhinan::detail

// The suggestion's JSON inside the .docx's custom XML part, and out again (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhinan::detail {

// The JSON with every character that XML cannot carry literally, or that an office suite
// might drop (C1 controls, DEL, U+FFFE, U+FFFF), written as a \uXXXX escape instead:
// such characters occur only inside JSON strings, where the escape means the same.
std::string json_for_xml(std::string_view json);

// The character data of the root element of a small XML document (text, character and
// entity references, CDATA sections; comments skipped), with XML's line-end normalization,
// parsed by pugixml. Nothing, with the reason, for a DOCTYPE, a child element or malformed markup.
std::optional<std::string> root_element_text(std::string_view xml, std::string* error);

}  // namespace zhinan::detail

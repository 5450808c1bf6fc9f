#include "office/docx_embed.hpp"

#include "base/utf8.hpp"
#include "office/xml_part.hpp"

namespace zhinan::detail {

namespace {

bool needs_json_escape(char32_t cp) {
  return (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}


}  // namespace

std::string json_for_xml(std::string_view json) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(json.size());
  std::size_t pos = 0, run = 0;  // [run, pos) is copied as it is; ill-formed bytes too: the XML writer replaces them
  while (pos < json.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8_inline(json, pos);
    if (cp == kInvalidCodePoint || !needs_json_escape(cp)) continue;
    out.append(json.substr(run, start - run));
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
    run = pos;
  }
  out.append(json.substr(run));
  return out;
}

std::optional<std::string> root_element_text(std::string_view xml, std::string* error) {
  const auto fail = [&](std::string why) -> std::optional<std::string> {
    if (error != nullptr) *error = std::move(why);
    return std::nullopt;
  };
  pugi::xml_document doc;
  // The part is one element holding text: two levels are all it may nest.
  const XmlParse parsed = parse_xml_part(xml, 2, doc);
  if (parsed.failure != XmlFailure::none) return fail(parsed.error);
  const pugi::xml_node root = doc.document_element();
  if (!root) return fail("no root element");
  std::string text;
  for (const pugi::xml_node& child : root.children()) {
    if (child.type() == pugi::node_element) return fail("unexpected child element in " + std::string(root.name()));
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  }
  return text;
}

}  // namespace zhinan::detail

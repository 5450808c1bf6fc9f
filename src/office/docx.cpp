// render_docx and read_embedded_suggestion: the parts of the package, in a fixed order.
#include "zhinan/docx.hpp"

#include <algorithm>
#include <vector>

#include "office/docx_embed.hpp"
#include "office/docx_package.hpp"
#include "office/docx_sections.hpp"
#include "office/docx_zip.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan {

namespace {

constexpr std::string_view kEmbeddedPart = "customXml/item1.xml";
// A suggestion's JSON is a few hundred kB at most; refuse to inflate more than this.
constexpr std::size_t kMaxEmbeddedSize = 64u << 20;

std::optional<Suggestion> fail(std::string* error, std::string why) {
  if (error != nullptr) *error = std::move(why);
  return std::nullopt;
}

// Custom XML items: customXml/item1.xml first (ours), then any other item*.xml an office
// suite may have renumbered it to on saving.
std::vector<std::string> custom_xml_items(const detail::ZipReader& zip) {
  std::vector<std::string> items;
  for (std::string& name : zip.names()) {
    const bool item = name.starts_with("customXml/item") && !name.starts_with("customXml/itemProps") &&
                      name.ends_with(".xml") && name.find('/', 10) == std::string::npos;
    if (item && name != kEmbeddedPart) items.push_back(std::move(name));
  }
  std::sort(items.begin(), items.end());
  items.insert(items.begin(), std::string(kEmbeddedPart));
  return items;
}

}  // namespace

std::string render_docx(const Suggestion& s, const Profile& profile) {
  detail::WordDocument document;
  detail::write_form(document, s, profile);
  detail::write_report(document, s, profile);

  using detail::ZipEntry;
  const std::vector<ZipEntry> entries = {
      {"[Content_Types].xml", detail::content_types_xml()},
      {"_rels/.rels", detail::package_relationships_xml()},
      {"word/document.xml", document.finish(detail::kFooterRelationship)},
      {"word/_rels/document.xml.rels", detail::document_relationships_xml()},
      {"word/styles.xml", detail::styles_xml()},
      {"word/settings.xml", detail::settings_xml()},
      {"word/fontTable.xml", detail::font_table_xml()},
      {"word/footer1.xml", detail::footer_xml()},
      {std::string(kEmbeddedPart), detail::custom_xml_item(detail::json_for_xml(to_json(s)))},
      {"customXml/itemProps1.xml", detail::custom_xml_item_properties()},
      {"customXml/_rels/item1.xml.rels", detail::custom_xml_item_relationships()},
      {"docProps/core.xml", detail::core_properties_xml(s, profile)},
      {"docProps/app.xml", detail::app_properties_xml(s)},
  };
  return detail::write_zip(entries);
}

std::optional<Suggestion> read_embedded_suggestion(std::string_view docx_bytes, std::string* error) {
  return read_embedded_suggestion(docx_bytes, Profile::builtin(), error);
}

std::optional<Suggestion> read_embedded_suggestion(std::string_view docx_bytes, const Profile& profile,
                                                   std::string* error) {
  detail::ZipReader zip(docx_bytes);
  if (!zip.ok()) return fail(error, "不是有效的 .docx（ZIP）文件 / not a .docx (ZIP) file: " + zip.error());
  for (const std::string& name : custom_xml_items(zip)) {
    const std::optional<std::string> part = zip.read(name, kMaxEmbeddedSize);
    if (!part || part->find(kDocxEmbedNamespace) == std::string::npos) continue;
    std::string why;
    const std::optional<std::string> json = detail::root_element_text(*part, &why);
    if (!json) return fail(error, "嵌入的指南建议数据已损坏 / the embedded suggestion is damaged: " + why);
    ParseResult parsed = parse_suggestion(*json, profile);
    if (!parsed.suggestion) {
      const std::string reason = parsed.diagnostics.empty() ? std::string() : parsed.diagnostics.front().message_en;
      return fail(error, "嵌入的指南建议数据无法解析 / the embedded suggestion does not parse: " + reason);
    }
    return std::move(parsed.suggestion);
  }
  return fail(error, "文档中没有嵌入的指南建议数据 / the document carries no embedded suggestion");
}

}  // namespace zhinan

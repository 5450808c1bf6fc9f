#include "office/docx_package.hpp"

#include <utility>

#include "office/docx_sections.hpp"
#include "office/docx_word.hpp"
#include "office/docx_xml.hpp"
#include "zhinan/suggestion_json.hpp"
#include "zhinan/version.hpp"

namespace zhinan::detail {

namespace {

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kPackageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kOfficeRelationship =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Every date the package records: fixed, so the same suggestion gives the same bytes.
constexpr std::string_view kFixedDate = "1980-01-01T00:00:00Z";

// GB/T 9704-2012's faces: the title 小标宋, text 仿宋, the first heading level 黑体, the
// second 楷体. Each style sets one face for every script, so digits, Latin letters and the
// quotation marks “” come from the Chinese face too (see WordDocument for the quotes).
constexpr std::string_view kTitleFont = "方正小标宋简体";
constexpr std::string_view kBodyFont = "仿宋_GB2312";
constexpr std::string_view kHeadingFont = "黑体";  // SimHei
constexpr std::string_view kHeading2Font = "楷体_GB2312";
constexpr std::string_view kPageNumberFont = "宋体";  // SimSun

using Relationship = std::pair<std::string_view, std::string_view>;  // type suffix, target

std::string relationships(std::string_view type_base, std::initializer_list<Relationship> items) {
  XmlWriter xml;
  xml.open("Relationships").attr("xmlns", kPackageRelationships);
  int id = 0;
  for (const auto& [type, target] : items) {
    xml.open("Relationship")
        .attr("Id", "rId" + std::to_string(++id))
        .attr("Type", std::string(type_base) + std::string(type))
        .attr("Target", target)
        .close();
  }
  xml.close();
  return xml.finish();
}

void fonts(XmlWriter& xml, std::string_view face) {
  xml.open("w:rFonts")
      .attr("w:ascii", face)
      .attr("w:eastAsia", face)
      .attr("w:hAnsi", face)
      .attr("w:cs", face)
      .close();
}

void size(XmlWriter& xml, int half_points) {
  xml.empty("w:sz", "w:val", half_points).empty("w:szCs", "w:val", half_points);
}

// `line` in 240ths of a line (auto), or with `exact` in twips.
void spacing(XmlWriter& xml, int before, int after, int line, bool exact = false) {
  xml.open("w:spacing")
      .attr("w:before", before)
      .attr("w:after", after)
      .attr("w:line", line)
      .attr("w:lineRule", exact ? "exact" : "auto")
      .close();
}

// GB/T 9704's text block holds 22 lines of 三号: a line every 225 mm / 22 = 28.95 pt.
constexpr int kBodyLinePitch = 579;

struct ParagraphStyle {
  std::string_view id = {};
  std::string_view name = {};
  int size = style::body_size;        // half-points
  std::string_view font = {};         // empty: the default 仿宋_GB2312
  bool bold = false;
  int before = 0, after = 0, line = 240;
  bool exact = false;                 // `line` is an exact pitch in twips
  std::string_view align = {};        // empty: inherited (justified)
  int outline_level = -1;             // headings: 0, 1, 2
  bool first_line_indent = false;     // 首行缩进 2 字
};

void paragraph_style(XmlWriter& xml, const ParagraphStyle& s) {
  xml.open("w:style").attr("w:type", "paragraph").attr("w:styleId", s.id);
  xml.empty("w:name", "w:val", s.name);
  xml.empty("w:basedOn", "w:val", "Normal");
  // After a heading comes body text; after the title, Normal; other styles continue.
  const std::string_view next = s.outline_level >= 0 ? "BodyText" : s.id == "Title" ? "Normal" : s.id;
  xml.empty("w:next", "w:val", next);
  xml.empty("w:qFormat");
  xml.open("w:pPr");
  if (s.outline_level >= 0) xml.empty("w:keepNext").empty("w:keepLines");
  spacing(xml, s.before, s.after, s.line, s.exact);
  if (s.first_line_indent) {
    xml.open("w:ind").attr("w:firstLineChars", 200).attr("w:firstLine", 2 * s.size * 10).close();
  }
  if (!s.align.empty()) xml.empty("w:jc", "w:val", s.align);
  if (s.outline_level >= 0) xml.empty("w:outlineLvl", "w:val", s.outline_level);
  xml.close();
  xml.open("w:rPr");
  if (!s.font.empty()) fonts(xml, s.font);
  if (s.bold) xml.empty("w:b").empty("w:bCs");
  size(xml, s.size);
  xml.close();
  xml.close();
}

}  // namespace

std::string content_types_xml() {
  XmlWriter xml;
  xml.open("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  xml.open("Default").attr("Extension", "rels")
      .attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml").close();
  xml.open("Default").attr("Extension", "xml").attr("ContentType", "application/xml").close();
  const std::pair<std::string_view, std::string_view> overrides[] = {
      {"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
      {"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
      {"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
      {"/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"},
      {"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
      {"/customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"},
      {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
      {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
  };
  for (const auto& [part, type] : overrides) {
    xml.open("Override").attr("PartName", part).attr("ContentType", type).close();
  }
  xml.close();
  return xml.finish();
}

std::string package_relationships_xml() {
  XmlWriter xml;
  xml.open("Relationships").attr("xmlns", kPackageRelationships);
  const std::pair<std::string_view, std::string_view> items[] = {
      {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"},
      {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
      {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"},
  };
  int id = 0;
  for (const auto& [type, target] : items) {
    xml.open("Relationship").attr("Id", "rId" + std::to_string(++id)).attr("Type", type)
        .attr("Target", target).close();
  }
  xml.close();
  return xml.finish();
}

// rId1 … rId5 in this order; kFooterRelationship names the fourth.
std::string document_relationships_xml() {
  return relationships(kOfficeRelationship, {{"styles", "styles.xml"},
                                             {"settings", "settings.xml"},
                                             {"fontTable", "fontTable.xml"},
                                             {"footer", "footer1.xml"},
                                             {"customXml", "../customXml/item1.xml"}});
}

std::string custom_xml_item_relationships() {
  return relationships(kOfficeRelationship, {{"customXmlProps", "itemProps1.xml"}});
}

// GB/T 9704-2012: the title 方正小标宋简体 二号, text 仿宋_GB2312 三号 on a 28.95 pt pitch,
// headings 黑体, 楷体_GB2312 and bold 仿宋_GB2312 三号 indented like the text; the form's
// table and the report's tables in 仿宋_GB2312 五号 (the table needs it: see
// docs/decisions.md). The East Asian language zh-CN, so that Word picks Chinese line
// breaking and proofing; Latin text stays en-US (LibreOffice would break "2019" and
// English words anywhere under zh-CN).
std::string styles_xml() {
  XmlWriter xml;
  xml.open("w:styles").attr("xmlns:w", kW);
  xml.open("w:docDefaults").open("w:rPrDefault").open("w:rPr");
  fonts(xml, kBodyFont);
  xml.empty("w:kern", "w:val", 2);
  size(xml, style::body_size);
  xml.open("w:lang").attr("w:val", "en-US").attr("w:eastAsia", "zh-CN").attr("w:bidi", "ar-SA").close();
  xml.close().close();
  xml.open("w:pPrDefault").open("w:pPr");
  spacing(xml, 0, 0, 240);
  xml.close().close();
  xml.close();  // docDefaults

  xml.open("w:style").attr("w:type", "paragraph").attr("w:default", 1).attr("w:styleId", "Normal");
  xml.empty("w:name", "w:val", "Normal").empty("w:qFormat");
  xml.open("w:pPr").empty("w:widowControl", "w:val", 0).empty("w:jc", "w:val", "both").close();
  xml.close();

  xml.open("w:style").attr("w:type", "character").attr("w:default", 1).attr("w:styleId", "DefaultParagraphFont");
  xml.empty("w:name", "w:val", "Default Paragraph Font").empty("w:uiPriority", "w:val", 1)
      .empty("w:semiHidden").empty("w:unhideWhenUsed");
  xml.close();

  xml.open("w:style").attr("w:type", "table").attr("w:default", 1).attr("w:styleId", "TableNormal");
  xml.empty("w:name", "w:val", "Normal Table").empty("w:uiPriority", "w:val", 99)
      .empty("w:semiHidden").empty("w:unhideWhenUsed");
  xml.open("w:tblPr").open("w:tblInd").attr("w:w", 0).attr("w:type", "dxa").close();
  xml.open("w:tblCellMar");
  for (std::string_view side : {"w:top", "w:left", "w:bottom", "w:right"}) {
    xml.open(side).attr("w:w", side == "w:left" || side == "w:right" ? 108 : 0).attr("w:type", "dxa").close();
  }
  xml.close().close();
  xml.close();

  constexpr int table = style::table_text_size;
  const ParagraphStyle styles[] = {
      {.id = "AttachmentLabel", .name = "Attachment Label", .font = kHeadingFont, .after = 240,
       .line = kBodyLinePitch, .exact = true, .align = "left"},
      {.id = "Title", .name = "Title", .size = style::title_size, .font = kTitleFont, .after = 360,
       .line = 240, .align = "center"},
      {.id = "Heading1", .name = "heading 1", .font = kHeadingFont, .line = kBodyLinePitch, .exact = true,
       .outline_level = 0, .first_line_indent = true},
      {.id = "Heading2", .name = "heading 2", .font = kHeading2Font, .line = kBodyLinePitch, .exact = true,
       .outline_level = 1, .first_line_indent = true},
      {.id = "Heading3", .name = "heading 3", .bold = true, .line = kBodyLinePitch, .exact = true,
       .outline_level = 2, .first_line_indent = true},
      {.id = "BodyText", .name = "Body Text", .line = kBodyLinePitch, .exact = true, .first_line_indent = true},
      {.id = "TableText", .name = "Table Text", .size = table, .before = 20, .after = 20, .line = 264},
      {.id = "Note", .name = "Note", .size = table, .before = 120, .line = 240},
      {.id = "Footer", .name = "footer", .size = font_size::si_hao, .font = kPageNumberFont, .line = 240,
       .align = "center"},
  };
  for (const ParagraphStyle& s : styles) paragraph_style(xml, s);
  xml.close();
  return xml.finish();
}

std::string settings_xml() {
  XmlWriter xml;
  xml.open("w:settings").attr("xmlns:w", kW);
  xml.empty("w:zoom", "w:percent", 100);
  xml.empty("w:defaultTabStop", "w:val", 420);
  xml.empty("w:characterSpacingControl", "w:val", "compressPunctuation");
  xml.open("w:compat").open("w:compatSetting")
      .attr("w:name", "compatibilityMode")
      .attr("w:uri", "http://schemas.microsoft.com/office/word")
      .attr("w:val", "15")
      .close().close();
  xml.open("w:themeFontLang").attr("w:val", "en-US").attr("w:eastAsia", "zh-CN").close();
  xml.empty("w:decimalSymbol", "w:val", ".");
  xml.empty("w:listSeparator", "w:val", ",");
  xml.close();
  return xml.finish();
}

// The fonts the styles name, with their English names and the GB2312 character set, so
// Word and WPS on any system map 宋体 and 黑体 to SimSun and SimHei.
std::string font_table_xml() {
  struct Font {
    std::string_view name, alt, panose, charset, family, pitch;
  };
  // The GB2312-era faces name as their alternate the face every Windows since Vista has
  // (仿宋, 楷体) or, for 方正小标宋简体, which comes with the fonts of government offices, 宋体.
  const Font table[] = {
      {"仿宋_GB2312", "仿宋", "02010609030101010101", "86", "modern", "fixed"},
      {"方正小标宋简体", "宋体", "02010600030101010101", "86", "script", "variable"},
      {"黑体", "SimHei", "02010609060101010101", "86", "modern", "fixed"},
      {"楷体_GB2312", "楷体", "02010609030101010101", "86", "modern", "fixed"},
      {"宋体", "SimSun", "02010600030101010101", "86", "auto", "variable"},
      {"Segoe UI Symbol", "", "020B0502040204020203", "00", "swiss", "variable"},
  };
  XmlWriter xml;
  xml.open("w:fonts").attr("xmlns:w", kW);
  for (const Font& f : table) {
    xml.open("w:font").attr("w:name", f.name);
    if (!f.alt.empty()) xml.empty("w:altName", "w:val", f.alt);
    xml.empty("w:panose1", "w:val", f.panose);
    xml.empty("w:charset", "w:val", f.charset);
    xml.empty("w:family", "w:val", f.family);
    xml.empty("w:pitch", "w:val", f.pitch);
    xml.close();
  }
  xml.close();
  return xml.finish();
}

// The page number between dashes, “— 1 —”, as GB/T 9704 prints it (centred here).
std::string footer_xml() {
  XmlWriter xml;
  xml.open("w:ftr").attr("xmlns:w", kW).attr("xmlns:r", kR);
  xml.open("w:p").open("w:pPr").empty("w:pStyle", "w:val", "Footer").close();
  xml.open("w:r").open("w:t").attr("xml:space", "preserve").text("— ").close().close();
  xml.open("w:fldSimple").attr("w:instr", " PAGE ");
  xml.open("w:r").open("w:t").text("1").close().close();
  xml.close();  // fldSimple
  xml.open("w:r").open("w:t").attr("xml:space", "preserve").text(" —").close().close();
  xml.close();  // p
  xml.close();
  return xml.finish();
}

std::string core_properties_xml(const Suggestion& s, const Profile& profile) {
  XmlWriter xml;
  xml.open("cp:coreProperties")
      .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
      .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
      .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
      .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml.open("dc:title").text(s.title).close();
  xml.open("dc:subject").text(form_title(profile)).close();
  if (!s.source.unit.empty()) xml.open("dc:creator").text(s.source.unit).close();
  xml.open("cp:keywords").text("指南建议").close();
  xml.open("dc:description").text("zhinan.suggestion/1").close();
  xml.open("dc:language").text("zh-CN").close();
  xml.open("cp:lastModifiedBy").text("zhinan").close();
  xml.open("dcterms:created").attr("xsi:type", "dcterms:W3CDTF").text(kFixedDate).close();
  xml.open("dcterms:modified").attr("xsi:type", "dcterms:W3CDTF").text(kFixedDate).close();
  xml.close();
  return xml.finish();
}

std::string app_properties_xml(const Suggestion& s) {
  XmlWriter xml;
  xml.open("Properties")
      .attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
      .attr("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  xml.open("Application").text("zhinan " + std::string(version_string())).close();
  xml.open("DocSecurity").text("0").close();
  if (!s.source.unit.empty()) xml.open("Company").text(s.source.unit).close();
  xml.open("LinksUpToDate").text("false").close();
  xml.open("SharedDoc").text("false").close();
  xml.close();
  return xml.finish();
}

std::string custom_xml_item(std::string_view json) {
  XmlWriter xml;
  xml.open(kEmbedRoot).attr("xmlns:zhinan", kEmbedNamespace).attr("format", kSuggestionFormat);
  xml.text(json);
  xml.close();
  return xml.finish();
}

std::string custom_xml_item_properties() {
  constexpr std::string_view kDs = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
  XmlWriter xml;
  // One fixed id: the part is the same kind of item in every document zhinan writes.
  xml.open("ds:datastoreItem")
      .attr("ds:itemID", "{5A1C3E2B-7D44-4F0A-9B6E-2025D0C5A001}")
      .attr("xmlns:ds", kDs);
  xml.open("ds:schemaRefs").empty("ds:schemaRef", "ds:uri", kEmbedNamespace).close();
  xml.close();
  return xml.finish();
}

}  // namespace zhinan::detail

#include "import/word_body.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <string_view>

#include "base/utf8.hpp"
#include "office/xml_part.hpp"

namespace zhinan::detail {

namespace {

using pugi::xml_node;

bool is(const xml_node& node, std::string_view local) { return local_name(node) == local; }

xml_node child(const xml_node& node, std::string_view local) {
  for (const xml_node& c : node.children()) {
    if (c.type() == pugi::node_element && is(c, local)) return c;
  }
  return {};
}

std::string_view attribute(const xml_node& node, std::string_view local) {
  for (const pugi::xml_attribute& a : node.attributes()) {
    std::string_view name = a.name();
    const std::size_t colon = name.find(':');
    if (colon != std::string_view::npos) name = name.substr(colon + 1);
    if (name == local) return a.value();
  }
  return {};
}

// ST_OnOff: an element without w:val is on; "0", "false", "off" are off.
bool on_off(const xml_node& node) {
  if (!node) return false;
  const std::string_view v = attribute(node, "val");
  return !(v == "0" || v == "false" || v == "off");
}

// What a symbol font's glyph is, as far as boxes go: ticked, unticked, or neither.
enum class BoxGlyph { none, ticked, unticked };

// Wingdings and Wingdings 2 positions of the box and check glyphs Word's 插入符号 offers
// (the private-use form U+F0xx and the plain byte form are the same glyph).
BoxGlyph symbol_font_glyph(std::string_view font, char32_t cp) {
  if (cp >= 0xF000 && cp <= 0xF0FF) cp -= 0xF000;
  if (font == "Wingdings 2") {
    switch (cp) {
      case 0x50: case 0x51: case 0x52: case 0x53: case 0x54: return BoxGlyph::ticked;  // ✓ ☑ ☒
      case 0xA3: return BoxGlyph::unticked;                                             // □
      default: return BoxGlyph::none;
    }
  }
  if (font == "Wingdings") {
    switch (cp) {
      case 0xFC: case 0xFD: case 0xFE: case 0x78: case 0x6E: return BoxGlyph::ticked;  // ✓ ☒ ☑ ⌧ ■
      case 0xA8: case 0x6F: case 0x71: return BoxGlyph::unticked;                       // ◻ □ ❑
      default: return BoxGlyph::none;
    }
  }
  return BoxGlyph::none;
}

bool symbol_font(std::string_view font) { return font == "Wingdings" || font == "Wingdings 2"; }

// The font a run's text is drawn in, when it is a symbol font.
std::string_view run_symbol_font(const xml_node& run) {
  const xml_node fonts = child(child(run, "rPr"), "rFonts");
  for (std::string_view which : {"ascii", "hAnsi", "eastAsia", "cs"}) {
    const std::string_view f = attribute(fonts, which);
    if (symbol_font(f)) return f;
  }
  return {};
}

std::optional<char32_t> hex_code(std::string_view text) {
  unsigned value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return static_cast<char32_t>(value);
}

class BodyReader {
 public:
  explicit BodyReader(const StylesSource& styles) : styles_(styles) {}

  WordBody read(const xml_node& body) {
    blocks(body, &out_.blocks);
    return std::move(out_);
  }

 private:
  // Paragraph styles whose outline level makes them headings: Word's built-in
  // "heading 1…9" (any id, WPS and LibreOffice rename them) or a w:outlineLvl.
  void read_heading_styles(const pugi::xml_document& styles) {
    const xml_node root = styles.document_element();
    for (const xml_node& style : root.children()) {
      if (!is(style, "style") || attribute(style, "type") != "paragraph") continue;
      const std::string id(attribute(style, "styleId"));
      std::string name(attribute(child(style, "name"), "val"));
      for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      int level = -1;
      if (name.starts_with("heading ") && name.size() == 9 && name[8] >= '1' && name[8] <= '9') level = name[8] - '1';
      if (const xml_node outline = child(child(style, "pPr"), "outlineLvl")) {
        const std::string_view v = attribute(outline, "val");
        if (v.size() == 1 && v[0] >= '0' && v[0] <= '8') level = v[0] - '0';
      }
      if (level >= 0) heading_styles_[id] = level;
    }
  }

  // Body, cell or content-control content: paragraphs and tables, in order.
  void blocks(const xml_node& parent, std::vector<WordBlock>* into) {
    for (const xml_node& node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "p") {
        WordParagraph p = paragraph(node);
        if (into != nullptr) into->push_back(WordBlock{.paragraph = std::move(p)});
        else cell_paragraphs_.push_back(std::move(p.text));
      } else if (name == "tbl") {
        const std::size_t index = table(node);
        if (into != nullptr) into->push_back(WordBlock{.is_table = true, .paragraph = {}, .table = index});
        else cell_paragraphs_.push_back(nested_table_text(index));
      } else if (name == "sdt") {
        blocks(child(node, "sdtContent"), into);
      } else if (name == "customXml" || name == "smartTag" || name == "ins" || name == "moveTo") {
        blocks(node, into);
      }
    }
  }

  std::string nested_table_text(std::size_t index) const {
    std::string text;
    for (const WordRow& row : out_.tables[index].rows) {
      for (const WordCell& cell : row.cells) text += (text.empty() ? "" : "\n") + cell.text;
    }
    return text;
  }

  std::size_t table(const xml_node& tbl) {
    const std::size_t index = out_.tables.size();
    out_.tables.emplace_back();
    std::vector<WordRow> rows;
    collect_rows(tbl, rows);
    out_.tables[index].rows = std::move(rows);
    return index;
  }

  void collect_rows(const xml_node& parent, std::vector<WordRow>& rows) {
    for (const xml_node& node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "tr") {
        WordRow row;
        collect_cells(node, row);
        rows.push_back(std::move(row));
      } else if (name == "sdt") {
        collect_rows(child(node, "sdtContent"), rows);
      } else if (name == "customXml" || name == "ins") {
        collect_rows(node, rows);
      } else if (name == "del") {
        // a deleted row: left out
      }
    }
  }

  void collect_cells(const xml_node& parent, WordRow& row) {
    if (is(parent, "tr") && on_off(child(child(parent, "trPr"), "del"))) return;
    for (const xml_node& node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "tc") {
        row.cells.push_back(cell(node));
      } else if (name == "sdt") {
        collect_cells(child(node, "sdtContent"), row);
      } else if (name == "customXml") {
        collect_cells(node, row);
      }
    }
  }

  WordCell cell(const xml_node& tc) {
    WordCell out;
    const xml_node props = child(tc, "tcPr");
    if (const xml_node span = child(props, "gridSpan")) {
      int n = 1;
      const std::string_view v = attribute(span, "val");
      std::from_chars(v.data(), v.data() + v.size(), n);
      out.span = n >= 1 && n <= 64 ? n : 1;
    }
    if (const xml_node merge = child(props, "vMerge")) {
      out.merge = attribute(merge, "val") == "restart" ? CellMerge::restart : CellMerge::continued;
    }
    std::vector<std::string> saved = std::move(cell_paragraphs_);
    cell_paragraphs_.clear();
    blocks(tc, nullptr);
    for (std::size_t i = 0; i < cell_paragraphs_.size(); ++i) out.text += (i == 0 ? "" : "\n") + cell_paragraphs_[i];
    cell_paragraphs_ = std::move(saved);
    return out;
  }

  WordParagraph paragraph(const xml_node& p) {
    WordParagraph out;
    const xml_node props = child(p, "pPr");
    const std::string_view style = attribute(child(props, "pStyle"), "val");
    if (!style.empty()) out.outline_level = heading_level(style);
    if (const xml_node outline = child(props, "outlineLvl")) {
      const std::string_view v = attribute(outline, "val");
      if (v.size() == 1 && v[0] >= '0' && v[0] <= '8') out.outline_level = v[0] - '0';
    }
    inline_content(p, out.text);
    return out;
  }

  // Word's own ids Heading1…Heading9 need no look-up; any other id is read from styles.xml.
  int heading_level(std::string_view style) {
    if (style.size() == 8 && style.starts_with("Heading") && style[7] >= '1' && style[7] <= '9') return style[7] - '1';
    if (!styles_read_) {
      styles_read_ = true;
      if (styles_) read_heading_styles(styles_());
    }
    const auto it = heading_styles_.find(std::string(style));
    return it == heading_styles_.end() ? -1 : it->second;
  }

  void box(std::string& text, bool ticked) { text += ticked ? kTickedBox : kUntickedBox; }

  // The text of runs and what may wrap them, in order.
  void inline_content(const xml_node& parent, std::string& text) {
    for (const xml_node& node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "r") {
        run(node, text);
      } else if (name == "sdt") {
        content_control(node, text);
      } else if (name == "hyperlink" || name == "smartTag" || name == "customXml" || name == "ins" ||
                 name == "moveTo" || name == "fldSimple" || name == "dir" || name == "bdo") {
        inline_content(node, text);
      } else if (name == "ruby") {
        inline_content(child(node, "rubyBase"), text);
      }
      // del, moveFrom (tracked deletions), proofErr, bookmarks, permissions, pPr: nothing.
    }
  }

  // A content control: a check box (w14:checkbox) is one box; any other shows its content.
  void content_control(const xml_node& sdt, std::string& text) {
    if (const xml_node checkbox = child(child(sdt, "sdtPr"), "checkbox")) {
      box(text, on_off(child(checkbox, "checked")));
      return;
    }
    inline_content(child(sdt, "sdtContent"), text);
  }

  void field_char(const xml_node& fld, std::string& text) {
    const std::string_view type = attribute(fld, "fldCharType");
    if (type == "begin") {
      in_instruction_.push_back(true);
      // A legacy form-field check box (FORMCHECKBOX): w:checked, else w:default.
      if (const xml_node checkbox = child(child(fld, "ffData"), "checkBox")) {
        const xml_node checked = child(checkbox, "checked");
        box(text, checked ? on_off(checked) : on_off(child(checkbox, "default")));
      }
    } else if (type == "separate") {
      if (!in_instruction_.empty()) in_instruction_.back() = false;
    } else if (type == "end") {
      if (!in_instruction_.empty()) in_instruction_.pop_back();
    }
  }

  bool in_instruction() const { return !in_instruction_.empty() && in_instruction_.back(); }

  void run(const xml_node& r, std::string& text) {
    const std::string_view font = run_symbol_font(r);
    for (const xml_node& node : r.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "fldChar") {
        field_char(node, text);
        continue;
      }
      if (in_instruction()) continue;  // a field's instruction text, never shown
      if (name == "t") {
        append_text(node.text().get(), font, text);
      } else if (name == "tab" || name == "ptab") {
        text += '\t';
      } else if (name == "br" || name == "cr") {
        text += '\n';
      } else if (name == "noBreakHyphen") {
        text += '-';
      } else if (name == "sym") {
        symbol(node, text);
      }
      // delText, instrText, footnote and comment references, drawings: left out.
    }
  }

  void symbol(const xml_node& sym, std::string& text) {
    const std::string_view font = attribute(sym, "font");
    const std::optional<char32_t> code = hex_code(attribute(sym, "char"));
    if (!code) return;
    switch (symbol_font_glyph(font, *code)) {
      case BoxGlyph::ticked: box(text, true); return;
      case BoxGlyph::unticked: box(text, false); return;
      case BoxGlyph::none: break;
    }
    if (!symbol_font(font) && *code < 0xE000) append_utf8(text, *code);  // a Unicode font's symbol
  }

  void append_text(std::string_view t, std::string_view font, std::string& text) {
    if (font.empty()) {
      // Private-use code points of a symbol font pasted without its font are still boxes.
      std::size_t pos = 0;
      while (pos < t.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_utf8(t, pos);
        const BoxGlyph g = cp >= 0xF000 && cp <= 0xF0FF ? symbol_font_glyph("Wingdings 2", cp) : BoxGlyph::none;
        if (cp == kInvalidCodePoint) append_utf8(text, 0xFFFD);  // pugixml does not check UTF-8; we do
        else if (g == BoxGlyph::none) text.append(t.substr(start, pos - start));
        else box(text, g == BoxGlyph::ticked);
      }
      return;
    }
    std::size_t pos = 0;
    while (pos < t.size()) {
      const char32_t cp = decode_utf8(t, pos);
      const BoxGlyph g = symbol_font_glyph(font, cp);
      if (g != BoxGlyph::none) box(text, g == BoxGlyph::ticked);
      // other glyphs of a symbol font are pictures, not text
    }
  }

  WordBody out_;
  StylesSource styles_;
  bool styles_read_ = false;
  std::map<std::string, int> heading_styles_;
  std::vector<std::string> cell_paragraphs_;
  std::vector<bool> in_instruction_;  // per open field: still in its instruction part
};

}  // namespace

WordBody read_word_body(const pugi::xml_document& document, const StylesSource& styles) {
  BodyReader reader(styles);
  const xml_node root = document.document_element();
  return reader.read(child(root, "body"));
}

}  // namespace zhinan::detail

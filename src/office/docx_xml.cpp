#include "office/docx_xml.hpp"

#include <stdexcept>

#include "base/utf8.hpp"

namespace zhinan::detail {

namespace {

// XML 1.0 Char, minus the controls Word has no use for (C1 and DEL are legal XML but
// invisible noise in a form, and some consumers reject them).
bool keep_in_xml(char32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0x7F && cp <= 0x9F) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return true;
}

}  // namespace

// Runs of characters that stay as they are are copied whole: a form's text is mostly
// Chinese, three bytes a character, and one append a character was a tenth of rendering.
void append_xml_escaped(std::string& out, std::string_view utf8, bool attribute) {
  std::size_t pos = 0, run = 0;  // [run, pos) is kept as it is
  const auto replace = [&](std::size_t start, std::string_view with) {
    out.append(utf8.substr(run, start - run));
    out.append(with);
    run = pos;
  };
  while (pos < utf8.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8_inline(utf8, pos);
    if (cp == kInvalidCodePoint) {
      replace(start, "\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
      continue;
    }
    if (!keep_in_xml(cp)) {
      replace(start, {});
      continue;
    }
    switch (cp) {
      case '&': replace(start, "&amp;"); break;
      case '<': replace(start, "&lt;"); break;
      case '>': replace(start, "&gt;"); break;
      case '"': replace(start, "&quot;"); break;
      case '\r': replace(start, "&#13;"); break;
      case '\n': if (attribute) replace(start, "&#10;"); break;
      case '\t': if (attribute) replace(start, "&#9;"); break;
      default: break;
    }
  }
  out.append(utf8.substr(run));
}

XmlWriter::XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"; }

void XmlWriter::end_start_tag() {
  if (start_tag_open_) {
    out_ += '>';
    start_tag_open_ = false;
  }
}

XmlWriter& XmlWriter::open(std::string_view name) {
  end_start_tag();
  out_ += '<';
  out_ += name;
  open_.emplace_back(name);
  start_tag_open_ = true;
  return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
  if (!start_tag_open_) throw std::logic_error("XmlWriter: attribute outside a start tag");
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  append_xml_escaped(out_, value, true);
  out_ += '"';
  return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, long long value) {
  return attr(name, std::to_string(value));
}

XmlWriter& XmlWriter::text(std::string_view utf8) {
  if (open_.empty()) throw std::logic_error("XmlWriter: text outside the root element");
  end_start_tag();
  append_xml_escaped(out_, utf8);
  return *this;
}

XmlWriter& XmlWriter::close() {
  if (open_.empty()) throw std::logic_error("XmlWriter: close without an open element");
  if (start_tag_open_) {
    out_ += "/>";
    start_tag_open_ = false;
  } else {
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
  }
  open_.pop_back();
  return *this;
}

XmlWriter& XmlWriter::empty(std::string_view name) { return open(name).close(); }

XmlWriter& XmlWriter::empty(std::string_view name, std::string_view attr_name,
                            std::string_view value) {
  return open(name).attr(attr_name, value).close();
}

XmlWriter& XmlWriter::empty(std::string_view name, std::string_view attr_name, long long value) {
  return open(name).attr(attr_name, value).close();
}

std::string XmlWriter::finish() {
  if (!open_.empty()) throw std::logic_error("XmlWriter: unclosed element " + open_.back());
  return std::move(out_);
}

}  // namespace zhinan::detail

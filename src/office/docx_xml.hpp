// A small streaming XML writer for the .docx parts (internal). It escapes what XML
// needs escaped and drops what XML 1.0 cannot carry, so any text a unit typed becomes
// well-formed XML; element and attribute names are ours and written as given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zhinan::detail {

// Appends `utf8` as XML character data (or, with `attribute`, as an attribute value):
// & < > " escaped; C0 controls other than tab, LF and CR, C1 controls and DEL, U+FFFE
// and U+FFFF dropped; ill-formed UTF-8 becomes U+FFFD. CR (and in attributes tab and LF
// too) is written as a character reference, so a parser gives it back unchanged.
void append_xml_escaped(std::string& out, std::string_view utf8, bool attribute = false);

class XmlWriter {
 public:
  // Starts the part with the XML declaration (standalone="yes", as Office writes it).
  XmlWriter();

  XmlWriter& open(std::string_view name);  // <name …
  XmlWriter& attr(std::string_view name, std::string_view value);
  XmlWriter& attr(std::string_view name, long long value);
  XmlWriter& text(std::string_view utf8);
  XmlWriter& close();  // the innermost open element: "/>" when empty, else </name>
  // <name/> or <name attr="value"/> in one call, for the many one-attribute elements.
  XmlWriter& empty(std::string_view name);
  XmlWriter& empty(std::string_view name, std::string_view attr_name, std::string_view value);
  XmlWriter& empty(std::string_view name, std::string_view attr_name, long long value);

  // The finished part; every element must have been closed.
  std::string finish();

 private:
  void end_start_tag();
  std::string out_;
  std::vector<std::string> open_;
  bool start_tag_open_ = false;
};

}  // namespace zhinan::detail

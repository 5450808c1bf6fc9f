#include "office/docx_embed.hpp"

#include <charconv>

#include "base/utf8.hpp"

namespace zhinan::detail {

namespace {

bool needs_json_escape(char32_t cp) {
  return (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

bool xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A forward-only reader over the part's text.
class RootTextReader {
 public:
  RootTextReader(std::string_view xml, std::string* error) : xml_(xml), error_(error) {}

  std::optional<std::string> run() {
    if (xml_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    if (!skip_prolog()) return std::nullopt;
    std::string root;
    bool empty = false;
    if (!start_tag(root, empty)) return std::nullopt;
    std::string text;
    if (empty) return text;
    if (!content(root, text)) return std::nullopt;
    return text;
  }

 private:
  bool fail(std::string why) {
    if (error_ != nullptr) *error_ = std::move(why);
    return false;
  }

  bool rest_starts_with(std::string_view s) const { return xml_.substr(pos_).starts_with(s); }

  bool skip_past(std::string_view end) {
    const std::size_t at = xml_.find(end, pos_);
    if (at == std::string_view::npos) return fail("unterminated markup");
    pos_ = at + end.size();
    return true;
  }

  bool skip_prolog() {
    while (true) {
      while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
      if (rest_starts_with("<?")) {
        if (!skip_past("?>")) return false;
      } else if (rest_starts_with("<!--")) {
        if (!skip_past("-->")) return false;
      } else if (rest_starts_with("<!")) {
        return fail("a DOCTYPE is not accepted");
      } else {
        return pos_ < xml_.size() || fail("no root element");
      }
    }
  }

  bool start_tag(std::string& name, bool& empty) {
    if (pos_ >= xml_.size() || xml_[pos_] != '<') return fail("no root element");
    const std::size_t name_start = ++pos_;
    while (pos_ < xml_.size() && !is_space(xml_[pos_]) && xml_[pos_] != '/' && xml_[pos_] != '>') ++pos_;
    name = std::string(xml_.substr(name_start, pos_ - name_start));
    if (name.empty()) return fail("malformed root element");
    char quote = 0;
    for (; pos_ < xml_.size(); ++pos_) {
      const char c = xml_[pos_];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        empty = pos_ > 0 && xml_[pos_ - 1] == '/';
        ++pos_;
        return true;
      } else if (c == '<') {
        break;
      }
    }
    return fail("unterminated start tag");
  }

  bool reference(std::string& text) {
    const std::size_t end = xml_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 12) return fail("malformed reference");
    const std::string_view name = xml_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    if (name == "amp") text += '&';
    else if (name == "lt") text += '<';
    else if (name == "gt") text += '>';
    else if (name == "quot") text += '"';
    else if (name == "apos") text += '\'';
    else if (name.starts_with('#')) {
      const bool hex = name.size() > 1 && name[1] == 'x';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      unsigned long value = 0;
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
      if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
          value > 0x10FFFF || !xml_char(static_cast<char32_t>(value))) {
        return fail("malformed character reference");
      }
      append_utf8(text, static_cast<char32_t>(value));
    } else {
      return fail("unknown entity &" + std::string(name) + ";");
    }
    return true;
  }

  bool content(const std::string& root, std::string& text) {
    while (pos_ < xml_.size()) {
      const char c = xml_[pos_];
      if (c == '&') {
        if (!reference(text)) return false;
      } else if (c == '\r') {  // XML 2.11: CR LF and lone CR become LF
        text += '\n';
        pos_ += rest_starts_with("\r\n") ? 2 : 1;
      } else if (c != '<') {
        text += c;
        ++pos_;
      } else if (rest_starts_with("<![CDATA[")) {
        const std::size_t end = xml_.find("]]>", pos_);
        if (end == std::string_view::npos) return fail("unterminated CDATA section");
        text.append(xml_.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
      } else if (rest_starts_with("<!--")) {
        if (!skip_past("-->")) return false;
      } else if (rest_starts_with("<?")) {
        if (!skip_past("?>")) return false;
      } else if (rest_starts_with("</")) {
        pos_ += 2;
        if (!rest_starts_with(root)) return fail("mismatched end tag");
        pos_ += root.size();
        while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
        if (pos_ >= xml_.size() || xml_[pos_] != '>') return fail("mismatched end tag");
        return true;
      } else {
        return fail("unexpected child element in " + root);
      }
    }
    return fail("the root element is not closed");
  }

  std::string_view xml_;
  std::string* error_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string json_for_xml(std::string_view json) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(json.size());
  std::size_t pos = 0;
  while (pos < json.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(json, pos);
    if (cp == kInvalidCodePoint || !needs_json_escape(cp)) {
      out.append(json.substr(start, pos - start));  // ill-formed bytes: the XML writer replaces them
      continue;
    }
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
  }
  return out;
}

std::optional<std::string> root_element_text(std::string_view xml, std::string* error) {
  return RootTextReader(xml, error).run();
}

}  // namespace zhinan::detail

#include "model/json_text.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "base/utf8.hpp"
#include "model/finding_cap.hpp"
#include "model/json_encoding.hpp"
#include "model/json_tree.hpp"

namespace zhinan::detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Line and column of offsets met in increasing order, counted once from the start.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}
  TextLocation at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    while (pos_ < offset) {
      if (text_[pos_] == '\n') {
        ++at_.line;
        at_.column = 1;
        ++pos_;
        continue;
      }
      decode_utf8(text_, pos_);
      ++at_.column;
    }
    return at_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  TextLocation at_{1, 1};
};

Diagnostic located_at(std::string id, TextLocation at, std::string zh, std::string en) {
  Diagnostic d = make_diagnostic(std::move(id), Severity::error, "",
                                 "第" + std::to_string(at.line) + "行第" + std::to_string(at.column) +
                                     "列：" + zh,
                                 "line " + std::to_string(at.line) + ", column " +
                                     std::to_string(at.column) + ": " + en);
  d.location = at;
  d.params = {{"line", std::to_string(at.line)}, {"column", std::to_string(at.column)}};
  return d;
}

Diagnostic located(std::string id, std::string_view text, std::size_t offset, std::string zh,
                   std::string en) {
  return located_at(std::move(id), locate(text, offset), std::move(zh), std::move(en));
}

// True when every non-ASCII byte pairs up as a GBK double-byte character.
bool looks_like_gbk(std::string_view text) {
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) continue;
    if (lead == 0x80 || lead == 0xFF || i + 1 >= text.size()) return false;
    const auto trail = static_cast<unsigned char>(text[i + 1]);
    if (trail < 0x40 || trail == 0x7F || trail == 0xFF) return false;
    any = true;
    ++i;
  }
  return any;
}

// NULs where a text has none, and no JSON text begins there: a Word document, an archive,
// a picture. A text that begins like JSON is told about its NUL at its place instead.
bool looks_binary(std::string_view text) {
  if (text.substr(0, 8192).find('\0') == std::string_view::npos) return false;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos || (text[first] != '{' && text[first] != '[');
}

// The character at `offset` when it is one no JSON text holds there: a raw control
// character (inside a string it must be written as an escape) or a second BOM.
std::optional<std::pair<std::string, std::string>> stray_character(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return std::nullopt;
  std::size_t pos = offset;
  const char32_t cp = decode_utf8(text, pos);
  if (cp == 0xFEFF)
    return std::pair<std::string, std::string>{"此处多了一个字节顺序标记（BOM，U+FEFF）；请删除",
                                               "a byte order mark (BOM, U+FEFF) here; delete it"};
  if (cp >= 0x20) return std::nullopt;
  const std::string name = code_point_name(cp) + (cp == 0 ? " NUL" : cp == '\t' ? " TAB" : "");
  return std::pair<std::string, std::string>{
      "此处有控制字符 " + name + "，JSON 文本中不能直接出现（字符串中应写成转义，如 \\t）；文件可能已损坏",
      "a raw control character " + name + " here, which no JSON text holds (inside a string it must be an escape "
      "such as \\t); the file may be damaged"};
}

Diagnostic syntax_error(std::string_view text, std::size_t offset, const boost::system::error_code& ec) {
  namespace json = boost::json;
  if (ec == json::error::too_deep)
    return located("format.json_invalid", text, offset,
                   "嵌套层数超过" + std::to_string(kMaxJsonDepth) + "层，不是指南建议的结构",
                   "nesting deeper than " + std::to_string(kMaxJsonDepth) +
                       " levels; this is not a suggestion");
  if (ec == json::error::incomplete)
    return located("format.json_invalid", text, offset,
                   "内容在此处意外结束，文件可能不完整（括号或引号未闭合）",
                   "the text ends unexpectedly; the file may be truncated (an unclosed bracket or quote)");
  if (ec == json::error::extra_data)
    return located("format.json_invalid", text, offset,
                   "JSON 已结束，其后还有多余内容", "extra text after the end of the JSON value");
  return located("format.json_invalid", text, offset,
                 "不是有效的 JSON（语法错误），请检查此处的标点、引号和括号",
                 "not valid JSON (" + ec.message() + "); check the punctuation, quotes and brackets here");
}

Diagnostic encoding_error(std::string_view text, std::size_t bad) {
  // A file cut inside its last character is no GBK file (whose JSON would end in ASCII),
  // nor is UTF-8 with a bad spot, whose other characters decode (GBK's rarely do).
  if (!ends_inside_character(text, bad) && !mostly_utf8(text) && looks_like_gbk(text))
    return located("format.utf8_invalid", text, bad,
                   "文件不是 UTF-8 编码，看起来是 GBK（ANSI）编码。请用记事本或 WPS 打开，"
                   "选择“另存为”，编码选“UTF-8”后保存",
                   "the file is not UTF-8; it looks like GBK (ANSI). Open it in Notepad or WPS, "
                   "choose Save As and pick the UTF-8 encoding");
  const Utf8Problem why = describe_invalid_utf8(text, bad);
  Diagnostic d = located("format.utf8_invalid", text, bad,
                         "此处的字节（" + why.bytes + "）不是有效的 UTF-8 编码：" + why.zh,
                         "the bytes here (" + why.bytes + ") are not valid UTF-8: " + why.en);
  d.params.emplace_back("bytes", why.bytes);
  return d;
}

Diagnostic wide_encoding_error(std::string_view text, const ForeignEncoding& found) {
  const std::string name(found.name);
  const std::string notepad = name == "UTF-16LE"   ? "，即记事本的“Unicode”"
                              : name == "UTF-16BE" ? "，即记事本的“Unicode big endian”"
                                                   : "";
  const std::string notepad_en = name == "UTF-16LE"   ? " (Notepad's \"Unicode\")"
                                 : name == "UTF-16BE" ? " (Notepad's \"Unicode big endian\")"
                                                      : "";
  Diagnostic d = located("format.utf8_invalid", text, 0,
                         "文件是 " + name + " 编码" + (found.bom ? "（带 BOM）" : "（无 BOM）") + notepad +
                             "，不是 UTF-8。请用记事本或 WPS 打开，选择“另存为”，编码选“UTF-8”后保存",
                         "the file is " + name + notepad_en + (found.bom ? ", with its BOM" : ", without a BOM") +
                             ", not UTF-8; open it in Notepad or WPS, choose Save As and pick the UTF-8 encoding");
  d.params.emplace_back("encoding", name);
  d.params.emplace_back("bom", found.bom ? "yes" : "no");
  return d;
}

// A \uXXXX escape of half a surrogate pair: JSON's grammar allows it, but it names no
// character, and the text would not be UTF-8.
Diagnostic surrogate_error(std::string_view text, std::size_t at) {
  const std::string escape(text.substr(at, 6));
  Diagnostic d = located("format.utf8_invalid", text, at,
                         "转义“" + escape + "”是 UTF-16 代理对的一半，缺少另一半，不表示任何字符（不能转成 UTF-8）",
                         "the escape " + escape + " is half of a UTF-16 surrogate pair without its other half: it "
                         "names no character (no UTF-8 can hold it)");
  d.params.emplace_back("escape", escape);
  return d;
}

namespace json = boost::json;

// Pairs each double of the tree, in document order, with its text.
void record_doubles(const json::value& v, std::vector<std::string>& texts, std::size_t& next, NumberTexts& out) {
  switch (v.kind()) {
    case json::kind::double_:
      if (next >= texts.size()) throw std::logic_error("a JSON number without its text");
      out.add(&v, std::move(texts[next++]));
      break;
    case json::kind::array:
      for (const json::value& item : v.get_array()) record_doubles(item, texts, next, out);
      break;
    case json::kind::object:
      for (const auto& member : v.get_object()) record_doubles(member.value(), texts, next, out);
      break;
    default: break;
  }
}

// Where the keys given twice stand in `text` (valid JSON up to the last of them), in one
// pass however many there are: line and column of each key's opening quote.
std::vector<TextLocation> locate_duplicates(std::string_view text, const std::vector<DuplicateKey>& keys) {
  struct Open {
    bool object;
    std::size_t ordinal, members;
    bool expect_key;
  };
  std::vector<Open> open;
  std::vector<TextLocation> out;
  if (keys.empty()) return out;  // (the fallback below would walk the whole text)
  std::size_t objects = 0, next = 0, i = 0;
  Locator locator(text);
  while (i < text.size() && next < keys.size()) {
    const char c = text[i];
    if (c == '"') {
      if (!open.empty() && open.back().object && open.back().expect_key) {
        Open& o = open.back();
        o.expect_key = false;
        if (keys[next].object == o.ordinal && keys[next].member == o.members++) {
          out.push_back(locator.at(i));
          ++next;
        }
      }
      for (++i; i < text.size() && text[i] != '"'; ++i)  // past the string
        if (text[i] == '\\') ++i;
      ++i;
      continue;
    }
    if (c == '{') open.push_back({true, objects++, 0, true});
    else if (c == '[') open.push_back({false, 0, 0, false});
    else if ((c == '}' || c == ']') && !open.empty()) open.pop_back();
    else if (c == ',' && !open.empty() && open.back().object) open.back().expect_key = true;
    ++i;
  }
  out.resize(keys.size(), locator.at(text.size()));  // never short: the parser saw them all
  return out;
}
}  // namespace

Diagnostic make_diagnostic(std::string id, Severity severity, std::string path,
                           std::string message_zh, std::string message_en) {
  Diagnostic d;
  d.id = std::move(id);
  d.severity = severity;
  d.path = std::move(path);
  d.message_zh = std::move(message_zh);
  d.message_en = std::move(message_en);
  return d;
}

TextLocation locate(std::string_view text, std::size_t offset) { return Locator(text).at(offset); }

namespace {

// Characters a terminal or a viewer would obey rather than show: the controls, and the bidi
// embeddings, overrides and isolates that reorder the rest of a line.
bool shown_escaped(char32_t cp) {
  return is_control_character(cp) || cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// The text with each such character written as its escape (\u001B, \n), and each
// ill-formed byte as U+FFFD.
std::string visible(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(utf8, pos);
    if (cp == kInvalidCodePoint) {
      out += "\uFFFD";
    } else if (!shown_escaped(cp)) {
      out.append(utf8.substr(start, pos - start));
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += cp == '\t' ? "\\t" : cp == '\n' ? "\\n" : "\\r";
    } else {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
      out += buffer;
    }
  }
  return out;
}

}  // namespace

std::string abbreviated(std::string_view utf8, std::size_t max_characters) {
  std::size_t pos = 0, characters = 0;
  while (pos < utf8.size() && characters <= max_characters) {
    decode_utf8(utf8, pos);
    ++characters;
  }
  if (characters <= max_characters) return visible(utf8);
  // Its beginning and its end: "1.000…0001" must not read as 1.
  const std::size_t tail_characters = max_characters / 3;
  std::size_t head = 0;
  for (std::size_t i = 0; i < max_characters - tail_characters; ++i) decode_utf8(utf8, head);
  std::size_t tail = utf8.size();
  for (std::size_t i = 0; i < tail_characters && tail > head; ++i)
    do --tail;  // back over UTF-8 continuation bytes to the character's first
    while (tail > head && (static_cast<unsigned char>(utf8[tail]) & 0xC0) == 0x80);
  return visible(utf8.substr(0, head)) + "…" + visible(utf8.substr(tail));
}

JsonText parse_json_text(std::string_view bytes) {
  JsonText result;
  auto fail = [&](Diagnostic d) {
    result.diagnostics.push_back(std::move(d));
    return std::move(result);
  };
  std::string_view text = bytes;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());  // Notepad's UTF-8 BOM

  if (const std::optional<ForeignEncoding> other = foreign_encoding(text)) return fail(wide_encoding_error(text, *other));
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return fail(located("format.json_invalid", text, text.size(), "文件为空，没有任何内容",
                        "the file is empty"));
  if (looks_binary(text))
    return fail(located("format.json_invalid", text, text.find('\0'),
                        "这是二进制文件（如 Word、压缩包或图片），不是 JSON 文本",
                        "this is a binary file (a Word document, an archive or a picture), not JSON text"));
  // The whole text is checked as UTF-8 first: faster than Boost.JSON's check, which goes
  // byte by byte through every non-ASCII string, so Boost.JSON checks only a text found bad.
  const std::size_t bad = find_invalid_utf8(text);
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  options.allow_invalid_utf8 = bad == std::string_view::npos;
  // The tree in one arena, sized by the text and freed at once: no allocation per value.
  json::basic_parser<TreeBuilder> parser(
      options, json::make_shared_resource<json::monotonic_resource>(std::max<std::size_t>(text.size(), 1024)));
  boost::system::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  // A bad byte the parser stopped at is told as such, so that the clerk hears about the
  // encoding rather than a syntax error (one after the end is extra text, below).
  if (ec) {
    if (bad != std::string_view::npos) return fail(encoding_error(text, bad));
    if (std::size_t at = find_lone_surrogate_escape(text, consumed); at != std::string_view::npos)
      return fail(surrogate_error(text, at));
    if (auto stray = stray_character(text, consumed))
      return fail(located("format.json_invalid", text, consumed, stray->first, stray->second));
    return fail(syntax_error(text, consumed, ec));
  }
  if (std::size_t extra = text.find_first_not_of(" \t\r\n", consumed); extra != std::string_view::npos)
    return fail(syntax_error(text, extra, json::error::extra_data));
  TreeBuilder& built = parser.handler();
  result.value = std::make_unique<json::value>(built.release());
  std::size_t next = 0;
  record_doubles(*result.value, built.double_texts(), next, result.numbers);
  result.numbers.index();
  FindingCap cap;
  const std::vector<TextLocation> places = locate_duplicates(text, built.duplicates());
  for (std::size_t i = 0; i < places.size(); ++i) {
    const DuplicateKey& d = built.duplicates()[i];
    const std::string key = abbreviated(d.key);
    Diagnostic found = located_at("format.duplicate_key", places[i],
                               "字段“" + key + "”在同一对象中重复出现：重复的这一个未读取，以第一个为准",
                               "the key \"" + key + "\" appears twice in one object: this second one was not "
                               "read, the first one stands");
    found.path = d.pointer;
    found.params.emplace_back("key", key);
    cap.add(result.diagnostics, std::move(found));
  }
  cap.count_left_out("format.duplicate_key", built.duplicates_left_out());
  cap.finish(result.diagnostics);
  return result;
}

std::string NumberTexts::literal(const boost::json::value& number) const {
  if (number.is_int64()) return std::to_string(number.get_int64());
  if (number.is_uint64()) return std::to_string(number.get_uint64());
  auto it = std::lower_bound(texts_.begin(), texts_.end(), &number,
                             [](const auto& entry, const boost::json::value* v) {
                               return std::less<const boost::json::value*>()(entry.first, v);
                             });
  if (it != texts_.end() && it->first == &number) return it->second;
  const double d = number.to_number<double>();
  if (!std::isfinite(d)) return d < 0 ? "-1e999999" : "1e999999";  // what Boost.JSON read as infinite
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

void NumberTexts::index() {
  std::sort(texts_.begin(), texts_.end(),
            [](const auto& a, const auto& b) { return std::less<const boost::json::value*>()(a.first, b.first); });
}

}  // namespace zhinan::detail

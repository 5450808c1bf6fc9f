#include "model/json_text.hpp"

#include <boost/json/parser.hpp>
#include <boost/json/stream_parser.hpp>
#include <string>

#include "base/utf8.hpp"

namespace zhinan::detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Diagnostic located(std::string id, std::string_view text, std::size_t offset, std::string zh,
                   std::string en) {
  TextLocation at = locate(text, offset);
  Diagnostic d = make_diagnostic(std::move(id), Severity::error, "",
                                 "第" + std::to_string(at.line) + "行第" + std::to_string(at.column) +
                                     "列：" + zh,
                                 "line " + std::to_string(at.line) + ", column " +
                                     std::to_string(at.column) + ": " + en);
  d.location = at;
  d.params = {{"line", std::to_string(at.line)}, {"column", std::to_string(at.column)}};
  return d;
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

bool looks_binary(std::string_view text) {
  return text.substr(0, 8192).find('\0') != std::string_view::npos;
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
  if (looks_like_gbk(text))
    return located("format.utf8_invalid", text, bad,
                   "文件不是 UTF-8 编码，看起来是 GBK（ANSI）编码。请用记事本或 WPS 打开，"
                   "选择“另存为”，编码选“UTF-8”后保存",
                   "the file is not UTF-8; it looks like GBK (ANSI). Open it in Notepad or WPS, "
                   "choose Save As and pick the UTF-8 encoding");
  return located("format.utf8_invalid", text, bad, "此处的字节不是有效的 UTF-8 编码",
                 "the bytes here are not valid UTF-8");
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

TextLocation locate(std::string_view text, std::size_t offset) {
  TextLocation at{1, 1};
  std::size_t pos = 0;
  offset = std::min(offset, text.size());
  while (pos < offset) {
    if (text[pos] == '\n') {
      ++at.line;
      at.column = 1;
      ++pos;
      continue;
    }
    decode_utf8(text, pos);
    ++at.column;
  }
  return at;
}

JsonText parse_json_text(std::string_view bytes) {
  JsonText result;
  auto fail = [&](Diagnostic d) {
    result.diagnostics.push_back(std::move(d));
    return result;
  };
  std::string_view text = bytes;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());  // Notepad's UTF-8 BOM

  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return fail(located("format.utf8_invalid", text, 0,
                        "文件是 UTF-16 编码（记事本的“Unicode”），请另存为“UTF-8”编码",
                        "the file is UTF-16 (Notepad's \"Unicode\"); save it as UTF-8"));
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return fail(located("format.json_invalid", text, text.size(), "文件为空，没有任何内容",
                        "the file is empty"));
  if (looks_binary(text))
    return fail(located("format.json_invalid", text, text.find('\0'),
                        "这是二进制文件（如 Word、压缩包或图片），不是 JSON 文本",
                        "this is a binary file (a Word document, an archive or a picture), not JSON text"));
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec && !parser.done()) parser.finish(ec);
  // Boost.JSON refuses ill-formed UTF-8 too; only then is it worth finding the byte, so
  // that the clerk hears about the encoding rather than a syntax error.
  if (ec) {
    if (std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) return fail(encoding_error(text, bad));
    return fail(syntax_error(text, consumed, ec));
  }
  if (text.substr(consumed).find_first_not_of(" \t\r\n") != std::string_view::npos)
    return fail(syntax_error(text, consumed + text.substr(consumed).find_first_not_of(" \t\r\n"),
                             boost::json::error::extra_data));
  result.value = parser.release();
  return result;
}

}  // namespace zhinan::detail

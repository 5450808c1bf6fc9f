// import_docx: the container and its parts under limits, then the form, the report, and
// the comparison with the JSON that a zhinan-rendered file carries.
#include "zhinan/import.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "import/readers.hpp"
#include "model/json_text.hpp"
#include "office/docx_zip.hpp"
#include "office/xml_part.hpp"
#include "zhinan/docx.hpp"
#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan {

namespace {

using detail::RuleContext;

constexpr std::string_view kDocumentPart = "word/document.xml";
constexpr std::string_view kStylesPart = "word/styles.xml";
constexpr std::size_t kMaxEmbeddedDifferences = 20;

bool contains(std::string_view bytes, std::string_view what) { return bytes.find(what) != std::string_view::npos; }

// The stream name of an encrypted OOXML file inside its OLE container, in UTF-16LE.
bool has_utf16(std::string_view bytes, std::string_view ascii) {
  std::string wide;
  for (char c : ascii) {
    wide += c;
    wide += '\0';
  }
  return contains(bytes, wide);
}

struct Kind {
  std::string zh;
  std::string en;
};

// What a ZIP holds when it is no .docx; nothing when it has word/document.xml.
std::optional<Kind> non_docx_zip_kind(const detail::ZipReader& zip) {
  if (!zip.ok()) return Kind{"ZIP 已损坏，无法打开（" + zip.error() + "）", "the ZIP container is damaged: " + zip.error()};
  const std::vector<std::string> names = zip.names();
  if (std::find(names.begin(), names.end(), kDocumentPart) != names.end()) return std::nullopt;
  if (std::find(names.begin(), names.end(), "content.xml") != names.end()) {
    return Kind{"这是 OpenDocument 文本（.odt）", "it is an OpenDocument text (.odt)"};
  }
  return Kind{"ZIP 中没有 word/document.xml", "a ZIP without word/document.xml"};
}

// What the bytes are by their signature when they are no ZIP at all.
std::optional<Kind> non_zip_kind(std::string_view bytes) {
  if (bytes.starts_with("%PDF")) return Kind{"这是 PDF 文件", "it is a PDF file"};
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (has_utf16(bytes, "EncryptedPackage")) {
      return Kind{"这是加密（设置了打开密码）的 Office 文件，请取消密码后另存", "it is an encrypted (password-protected) Office file"};
    }
    return Kind{"这是 Word 97-2003 文档（.doc）或 WPS 旧格式文件", "it is a Word 97-2003 (.doc) or old WPS file"};
  }
  if (bytes.starts_with("{\\rtf")) return Kind{"这是 RTF 文件", "it is an RTF file"};
  if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06")) {
    return Kind{"文件内容不是 .docx 所用的 ZIP 格式", "it is not a ZIP container, as a .docx is"};
  }
  return std::nullopt;
}

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path_to_utf8(path.extension());
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

ImportResult refused(RuleContext& ctx) { return ImportResult{std::nullopt, ctx.take()}; }

// A part read and parsed under the limits; false (with the finding made) when it cannot be.
// The part's text is kept in `xml`, which pugixml parses in place and `doc` points into.
bool load_part(detail::ZipReader& zip, std::string_view name, const ImportLimits& limits, std::string& text,
               pugi::xml_document& doc, RuleContext& ctx, bool required, bool markup_only = false) {
  std::optional<std::string> xml = zip.read(name, limits.max_part_size, limits.max_ratio);
  if (!xml) {
    if (zip.limit_hit()) {
      ctx.report("import.limits_exceeded", "", {{"limit", zip.error()}, {"limit_en", zip.error()}});
      return false;
    }
    if (required) {
      ctx.report("import.not_docx", "", {{"what", std::string(name) + " 无法读取（" + zip.error() + "）"},
                                         {"what_en", std::string(name) + " cannot be read: " + zip.error()}});
    }
    return !required;
  }
  text = std::move(*xml);
  const detail::XmlParse parsed = detail::parse_xml_part_in_place(text, limits.max_depth, doc, markup_only);
  switch (parsed.failure) {
    case detail::XmlFailure::none: return true;
    case detail::XmlFailure::too_deep:
      ctx.report("import.limits_exceeded", "", {{"limit", std::string(name) + "：" + parsed.error},
                                                {"limit_en", std::string(name) + ": " + parsed.error}});
      return false;
    case detail::XmlFailure::doctype:
      ctx.report("import.not_docx", "", {{"what", std::string(name) + " 含有 DOCTYPE 声明（Word 从不写入，已拒绝）"},
                                         {"what_en", std::string(name) + ": " + parsed.error}});
      return false;
    case detail::XmlFailure::malformed:
      ctx.report("import.not_docx", "", {{"what", std::string(name) + " 不是格式正确的 XML（" + parsed.error + "）"},
                                         {"what_en", std::string(name) + " is not well-formed XML: " + parsed.error}});
      return false;
  }
  return false;
}

// What the comparison with the embedded JSON must not count: fields the form has no row
// for, and amounts written as strings or numbers.
Suggestion normalized(Suggestion s) {
  s.department.clear();
  s.document.clear();
  s.report_document.clear();
  s.unknown.clear();
  for (std::optional<DecimalText>* amount : {&s.funding.total, &s.funding.provincial}) {
    if (*amount) {
      if (const auto money = (*amount)->money()) **amount = DecimalText{money->to_string(), false};
    }
  }
  return s;
}

boost::json::value comparable(const Suggestion& s) { return boost::json::parse(to_json(normalized(s))); }

std::string shown(const boost::json::value* v) {
  if (v == nullptr || v->is_null()) return "（空）";
  std::string text = v->is_string() ? std::string(v->as_string()) : boost::json::serialize(*v);
  if (text.size() > 120) {
    std::size_t cut = 117;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // at a character
    text = text.substr(0, cut) + "…";
  }
  return text;
}

void differences(const boost::json::value* visible, const boost::json::value* embedded, const std::string& path,
                 RuleContext& ctx, std::size_t& reported) {
  if (reported >= kMaxEmbeddedDifferences) return;
  if (visible != nullptr && embedded != nullptr && *visible == *embedded) return;
  const bool objects = visible != nullptr && embedded != nullptr && visible->is_object() && embedded->is_object();
  const bool arrays = visible != nullptr && embedded != nullptr && visible->is_array() && embedded->is_array() &&
                      visible->as_array().size() == embedded->as_array().size();
  if (objects) {
    std::vector<std::string> keys;
    for (const auto& kv : visible->as_object()) keys.emplace_back(kv.key());
    for (const auto& kv : embedded->as_object()) {
      if (!visible->as_object().contains(kv.key())) keys.emplace_back(kv.key());
    }
    for (const std::string& key : keys) {
      differences(visible->as_object().if_contains(key), embedded->as_object().if_contains(key),
                  path + "/" + json_pointer_token(key), ctx, reported);
    }
    return;
  }
  if (arrays) {
    for (std::size_t i = 0; i < visible->as_array().size(); ++i) {
      differences(&visible->as_array()[i], &embedded->as_array()[i], path + "/" + std::to_string(i), ctx, reported);
    }
    return;
  }
  ++reported;
  ctx.report("import.embedded_differs", path, {{"visible", shown(visible)}, {"embedded", shown(embedded)}});
}

void compare_with_embedded(std::string_view bytes, const Suggestion& visible, const Profile& profile,
                           RuleContext& ctx) {
  std::optional<Suggestion> embedded = read_embedded_suggestion(bytes, profile);
  if (!embedded) return;  // not one of ours, or the part is gone: nothing to compare
  if (normalized(visible) == normalized(*embedded)) return;  // the usual case, without JSON
  const boost::json::value a = comparable(visible);
  const boost::json::value b = comparable(*embedded);
  std::size_t reported = 0;
  differences(&a, &b, "", ctx, reported);
}

}  // namespace

Diagnostics differences_from_form(const Suggestion& data, const Suggestion& form, const Profile& profile) {
  RuleContext ctx(profile, Mode::submit);
  const boost::json::value visible = comparable(form);
  const boost::json::value given = comparable(data);
  std::size_t reported = 0;
  differences(&visible, &given, "", ctx, reported);
  return ctx.take();
}

std::string describe_non_docx(std::string_view bytes) {
  std::optional<Kind> kind = non_zip_kind(bytes);
  if (!kind) kind = non_docx_zip_kind(detail::ZipReader(bytes));
  return kind ? kind->en : std::string();
}

bool is_word_file_name(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".docx" || ext == ".doc" || ext == ".wps" || ext == ".odt" || ext == ".rtf" || ext == ".docm" ||
         ext == ".dotx";
}

ImportResult import_docx(std::string_view bytes, const Profile& profile, const ImportLimits& limits) {
  RuleContext ctx(profile, Mode::submit);
  if (bytes.size() > limits.max_file_size) {
    const std::string limit = "文件大小 " + std::to_string(bytes.size()) + " 字节，超过上限 " + std::to_string(limits.max_file_size);
    ctx.report("import.limits_exceeded", "", {{"limit", limit}, {"limit_en", "the file has " + std::to_string(bytes.size()) + " bytes, over the limit of " + std::to_string(limits.max_file_size)}});
    return refused(ctx);
  }
  std::optional<detail::ZipReader> zip_storage;
  std::optional<Kind> kind = non_zip_kind(bytes);
  if (!kind) kind = non_docx_zip_kind(zip_storage.emplace(bytes));
  if (kind) {
    ctx.report("import.not_docx", "", {{"what", kind->zh}, {"what_en", kind->en}});
    return refused(ctx);
  }
  detail::ZipReader& zip = *zip_storage;
  if (zip.entry_count() > limits.max_entries) {
    ctx.report("import.limits_exceeded", "", {{"limit", "ZIP 中有 " + std::to_string(zip.entry_count()) + " 个部件，超过上限 " + std::to_string(limits.max_entries)},
                                              {"limit_en", std::to_string(zip.entry_count()) + " parts, over the limit of " + std::to_string(limits.max_entries)}});
    return refused(ctx);
  }
  std::string document_text;
  std::string styles_text;
  pugi::xml_document document;
  pugi::xml_document styles;
  if (!load_part(zip, kDocumentPart, limits, document_text, document, ctx, true)) return refused(ctx);
  // styles.xml is read, for its style names and outline levels only, when a paragraph asks;
  // a styles part beyond the limits then leaves the styles unknown (headings still read by
  // their numbering) rather than refusing a readable form.
  RuleContext styles_findings(profile, Mode::submit);
  const auto read_styles = [&]() -> const pugi::xml_document& {
    if (!load_part(zip, kStylesPart, limits, styles_text, styles, styles_findings, false, true)) styles.reset();
    return styles;
  };
  const detail::WordBody body = detail::read_word_body(document, read_styles);
  Suggestion s;
  const std::optional<std::size_t> form_end = detail::read_form(body, s, ctx);
  if (!form_end) {
    ctx.report("import.form_not_found", "");
    return refused(ctx);
  }
  detail::read_report(body, *form_end + 1, s, ctx);
  // What is handed out is in canonical form, the fixed point of to_json and parse.
  if (ParseResult canonical = parse_suggestion(to_json(s), profile); canonical.suggestion) s = std::move(*canonical.suggestion);
  compare_with_embedded(bytes, s, profile, ctx);
  return ImportResult{std::move(s), ctx.take()};
}

ImportResult import_docx_file(const std::filesystem::path& path, const Profile& profile, const ImportLimits& limits) {
  const std::string ext = lower_extension(path);
  if (ext == ".doc" || ext == ".wps" || ext == ".odt" || ext == ".rtf") {
    RuleContext ctx(profile, Mode::submit);
    const std::string format = ext.substr(1);
    ctx.report("import.format_unsupported", "", {{"format", format}, {"format_en", "." + format}});
    return refused(ctx);
  }
  FileError why;
  std::optional<std::string> bytes = read_file(path, &why);
  if (!bytes) {
    Diagnostic d = detail::make_diagnostic("io.read_failed", Severity::error, "",
                                           "无法读取文件“" + path_to_utf8(path) + "”：" + why.zh,
                                           "cannot read \"" + path_to_utf8(path) + "\": " + why.en);
    d.params = {{"file", path_to_utf8(path)}, {"reason", why.zh}, {"reason_en", why.en}};
    return ImportResult{std::nullopt, {std::move(d)}};
  }
  return import_docx(*bytes, profile, limits);
}

}  // namespace zhinan

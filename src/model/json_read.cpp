#include "model/json_read.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "base/utf8.hpp"
#include "model/json_encoding.hpp"
#include "model/json_text.hpp"
#include "model/json_writer.hpp"

namespace zhinan::detail {
namespace {

// An amount written as text loses the blanks around it (" 12 " is 12): ASCII white space,
// the no-break space and the ideographic space a Chinese input method types.
std::string without_blanks(const std::string& text) {
  static constexpr std::string_view kBlanks[] = {" ", "\t", "\r", "\n", "\u00A0", "\u3000"};
  std::string_view t = text;
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view b : kBlanks) {
      for (; t.starts_with(b); trimmed = true) t.remove_prefix(b.size());
      for (; t.ends_with(b); trimmed = true) t.remove_suffix(b.size());
    }
  }
  return std::string(t);
}

}  // namespace

std::string_view kind_zh(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null: return "空值 null";
    case boost::json::kind::bool_: return "布尔值";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "数字";
    case boost::json::kind::string: return "字符串";
    case boost::json::kind::array: return "数组（列表）";
    case boost::json::kind::object: return "对象";
  }
  return "值";
}

std::string_view kind_en(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "a number";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
  }
  return "a value";
}

ReadContext::ReadContext(Diagnostics& diagnostics, std::string_view wrong_type_id, const NumberTexts* numbers)
    : diagnostics_(diagnostics), wrong_type_id_(wrong_type_id), numbers_(numbers) {}

std::string ReadContext::number_literal(const boost::json::value& number) const {
  static const NumberTexts none;
  return (numbers_ ? *numbers_ : none).literal(number);
}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path, ReadContext& context)
    : context_(&context), object_(object), path_(std::move(path)) {}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path, Diagnostics& diagnostics,
                           std::string_view wrong_type_id)
    : own_context_(std::make_unique<ReadContext>(diagnostics, wrong_type_id)),
      context_(own_context_.get()),
      object_(object),
      path_(std::move(path)) {}

std::string ObjectReader::path_of(std::string_view key) const {
  return path_ + "/" + json_pointer_token(key);
}

const boost::json::value* ObjectReader::find(std::string_view key) {
  known_.push_back(key);
  const boost::json::value* v = object_.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

void ObjectReader::wrong_type(std::string_view key, const boost::json::value& v,
                              std::string_view expected_zh, std::string_view expected_en) {
  if (!admits(context_->wrong_type_id())) return;
  Diagnostic d = make_diagnostic(
      std::string(context_->wrong_type_id()), Severity::error, path_of(key),
      std::string("“") + std::string(key) + "”应为" + std::string(expected_zh) + "，实为" +
          std::string(kind_zh(v)),
      std::string("\"") + std::string(key) + "\" should be " + std::string(expected_en) + ", not " +
          std::string(kind_en(v)));
  d.params = {{"field", std::string(key)}, {"expected", std::string(expected_en)},
              {"actual", std::string(kind_en(v))}};
  report(std::move(d));
}

std::string ObjectReader::text_of(std::string_view key, const boost::json::string& s, std::size_t item) {
  // The pointer only for a finding: most texts have none, and 10^5 of them are read.
  const auto path = [&] { return path_of(key) + (item == kNoItem ? "" : "/" + std::to_string(item)); };
  std::string text(s);
  // A NUL ("\u0000") is no text a form holds; C strings, Word and the ZIP cannot carry it.
  if (text.find('\0') != std::string::npos) {
    std::erase(text, '\0');
    if (admits("format.nul_character"))
      report(make_diagnostic("format.nul_character", Severity::error, path(),
                             std::string("“") + std::string(key) + "”中含有空字符（\\u0000），已删除",
                             std::string("\"") + std::string(key) + "\" contains a NUL character (\\u0000); it was removed"));
  }
  // Any other control character is kept (the JSON carries it), but Word, the summary
  // table's XML and a terminal cannot show it: the unit should know it is there.
  if (const std::size_t at = find_control_character(text); at != std::string::npos && admits("format.control_character")) {
    std::size_t pos = at;
    const std::string name = code_point_name(decode_utf8(text, pos));
    const std::string index = std::to_string(character_count(std::string_view(text).substr(0, at)) + 1);
    Diagnostic d = make_diagnostic(
        "format.control_character", Severity::warning, path(),
        std::string("“") + std::string(key) + "”的第" + index + "个字符是不可见的控制字符 " + name +
            "，Word 和表格中无法显示；请删除",
        std::string("\"") + std::string(key) + "\" holds the invisible control character " + name + " (character " +
            index + "), which Word and the summary table cannot show; delete it");
    d.params = {{"field", std::string(key)}, {"code_point", name}, {"position", index}};
    report(std::move(d));  // one finding per text
  }
  return text;
}

std::optional<std::string> ObjectReader::string(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(key, *v, "字符串", "a string");
    return std::nullopt;
  }
  return text_of(key, v->get_string());
}

std::optional<bool> ObjectReader::boolean(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    wrong_type(key, *v, "布尔值（true 或 false）", "a boolean (true or false)");
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<long long> ObjectReader::integer(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  constexpr double kLimit = 1e9;
  if (v->is_int64() && std::abs(v->get_int64()) < static_cast<std::int64_t>(kLimit)) return v->get_int64();
  if (v->is_double() && std::abs(v->get_double()) < kLimit && std::trunc(v->get_double()) == v->get_double())
    return static_cast<long long>(v->get_double());
  wrong_type(key, *v, "整数", "an integer");
  return std::nullopt;
}

std::optional<double> ObjectReader::number(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    wrong_type(key, *v, "数字", "a number");
    return std::nullopt;
  }
  return v->to_number<double>();
}

const boost::json::object* ObjectReader::object(std::string_view key) {
  const auto* v = find(key);
  if (!v) return nullptr;
  if (!v->is_object()) {
    wrong_type(key, *v, "对象（{…}）", "an object ({…})");
    return nullptr;
  }
  return &v->get_object();
}

const boost::json::array* ObjectReader::array(std::string_view key) {
  const auto* v = find(key);
  if (!v) return nullptr;
  if (!v->is_array()) {
    wrong_type(key, *v, "数组（[…]）", "an array ([…])");
    return nullptr;
  }
  return &v->get_array();
}

std::optional<std::vector<std::string>> ObjectReader::strings(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (v->is_string()) return std::vector<std::string>{text_of(key, v->get_string())};
  if (!v->is_array()) {
    wrong_type(key, *v, "字符串或字符串数组", "a string or an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  const auto& items = v->get_array();
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].is_string()) {
      out.push_back(text_of(key, items[i].get_string(), i));
    } else if (!items[i].is_null() && admits(context_->wrong_type_id())) {
      Diagnostic d = make_diagnostic(
          std::string(context_->wrong_type_id()), Severity::error, path_of(key) + "/" + std::to_string(i),
          "第" + std::to_string(i + 1) + "项应为字符串，实为" + std::string(kind_zh(items[i])),
          "item " + std::to_string(i + 1) + " should be a string, not " + std::string(kind_en(items[i])));
      report(std::move(d));
    }
  }
  return out;
}

std::optional<DecimalText> ObjectReader::decimal(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (v->is_string()) return DecimalText{without_blanks(text_of(key, v->get_string())), true};
  if (v->is_number()) return DecimalText{context_->number_literal(*v), false};
  wrong_type(key, *v, "数字或数字字符串（如 300.5）", "a number or a decimal string (like 300.5)");
  return std::nullopt;
}

UnknownFields ObjectReader::unknown(bool warn) {
  UnknownFields out;
  for (const auto& member : object_) {
    if (std::find(known_.begin(), known_.end(), std::string_view(member.key())) != known_.end()) continue;
    out.emplace_back(std::string(member.key()), json_text_of(member.value(), *context_));
    if (!warn || !admits("format.unknown_field")) continue;
    Diagnostic d = make_diagnostic(
        "format.unknown_field", Severity::warning, path_of(member.key()),
        std::string("不认识的字段“") + abbreviated(member.key()) + "”，已原样保留；请检查拼写",
        std::string("unknown field \"") + abbreviated(member.key()) + "\", kept as it is; check the spelling");
    d.params = {{"field", abbreviated(member.key())}};
    report(std::move(d));
  }
  return out;
}

namespace {

void append_json(std::string& out, const boost::json::value& v, const ReadContext& context) {
  switch (v.kind()) {
    case boost::json::kind::null: out += "null"; break;
    case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: out += context.number_literal(v); break;
    case boost::json::kind::string: append_json_string(out, v.get_string()); break;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!std::exchange(first, false)) out += ',';
        append_json(out, item, context);
      }
      out += ']';
      break;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!std::exchange(first, false)) out += ',';
        append_json_string(out, member.key());
        out += ':';
        append_json(out, member.value(), context);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string json_text_of(const boost::json::value& v, const ReadContext& context) {
  std::string out;
  append_json(out, v, context);
  return out;
}

}  // namespace zhinan::detail

#include "model/json_read.hpp"

#include <boost/json/serialize.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>

#include "model/json_text.hpp"

namespace zhinan::detail {

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

std::string number_literal(const boost::json::value& v) {
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.get_double());
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path,
                           Diagnostics& diagnostics, std::string_view wrong_type_id)
    : object_(object), path_(std::move(path)), diagnostics_(diagnostics), wrong_type_id_(wrong_type_id) {}

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
  Diagnostic d = make_diagnostic(
      wrong_type_id_, Severity::error, path_of(key),
      std::string("“") + std::string(key) + "”应为" + std::string(expected_zh) + "，实为" +
          std::string(kind_zh(v)),
      std::string("\"") + std::string(key) + "\" should be " + std::string(expected_en) + ", not " +
          std::string(kind_en(v)));
  d.params = {{"field", std::string(key)}, {"expected", std::string(expected_en)},
              {"actual", std::string(kind_en(v))}};
  diagnostics_.push_back(std::move(d));
}

std::optional<std::string> ObjectReader::string(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(key, *v, "字符串", "a string");
    return std::nullopt;
  }
  std::string text(v->get_string());
  // A NUL ("\u0000") is no text a form holds; C strings, Word and the ZIP cannot carry it.
  if (text.find('\0') != std::string::npos) {
    std::erase(text, '\0');
    Diagnostic d = make_diagnostic("format.nul_character", Severity::error, path_of(key),
                                   std::string("“") + std::string(key) + "”中含有空字符（\\u0000），已删除",
                                   std::string("\"") + std::string(key) + "\" contains a NUL character (\\u0000); it was removed");
    diagnostics_.push_back(std::move(d));
  }
  return text;
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
  if (v->is_string()) return std::vector<std::string>{std::string(v->get_string())};
  if (!v->is_array()) {
    wrong_type(key, *v, "字符串或字符串数组", "a string or an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  const auto& items = v->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].is_string()) {
      out.emplace_back(items[i].get_string());
    } else if (!items[i].is_null()) {
      Diagnostic d = make_diagnostic(
          wrong_type_id_, Severity::error, path_of(key) + "/" + std::to_string(i),
          "第" + std::to_string(i + 1) + "项应为字符串，实为" + std::string(kind_zh(items[i])),
          "item " + std::to_string(i + 1) + " should be a string, not " + std::string(kind_en(items[i])));
      diagnostics_.push_back(std::move(d));
    }
  }
  return out;
}

std::optional<DecimalText> ObjectReader::decimal(std::string_view key) {
  const auto* v = find(key);
  if (!v) return std::nullopt;
  if (v->is_string()) return DecimalText{std::string(v->get_string()), true};
  if (v->is_number()) return DecimalText{number_literal(*v), false};
  wrong_type(key, *v, "数字或数字字符串（如 300.5）", "a number or a decimal string (like 300.5)");
  return std::nullopt;
}

UnknownFields ObjectReader::unknown(bool warn) {
  UnknownFields out;
  for (const auto& member : object_) {
    if (std::find(known_.begin(), known_.end(), std::string_view(member.key())) != known_.end()) continue;
    out.emplace_back(std::string(member.key()), boost::json::serialize(member.value()));
    if (!warn) continue;
    Diagnostic d = make_diagnostic(
        "format.unknown_field", Severity::warning, path_of(member.key()),
        std::string("不认识的字段“") + std::string(member.key()) + "”，已原样保留；请检查拼写",
        std::string("unknown field \"") + std::string(member.key()) + "\", kept as it is; check the spelling");
    d.params = {{"field", std::string(member.key())}};
    diagnostics_.push_back(std::move(d));
  }
  return out;
}

}  // namespace zhinan::detail

// The text fields of the 信息表 (zn_field), 产业领域, 合作国别、地区, 项目类型 and its sub-types.
#include <optional>
#include <string>
#include <vector>

#include "handles.hpp"

using namespace zhinan::capi;

namespace {

// The std::string behind a plain text field; nullptr for the funding fields and for
// numbers that are no zn_field. S is Suggestion or const Suggestion.
template <typename S>
auto text_field(S& s, int field) -> decltype(&s.title) {
  switch (field) {
    case ZN_FIELD_TITLE: return &s.title;
    case ZN_FIELD_INDUSTRY_OTHER: return &s.industry_other;
    case ZN_FIELD_OVERVIEW: return &s.overview;
    case ZN_FIELD_UNIT: return &s.source.unit;
    case ZN_FIELD_PROPOSER: return &s.source.proposer;
    case ZN_FIELD_POSITION: return &s.source.position;
    case ZN_FIELD_PHONE: return &s.source.phone;
    case ZN_FIELD_DEPARTMENT: return &s.department;
    case ZN_FIELD_REPORT_DOCUMENT: return &s.report_document;
    case ZN_FIELD_DOCUMENT: return &s.document;
    default: return nullptr;
  }
}

template <typename S>
auto amount_field(S& s, int field) -> decltype(&s.funding.total) {
  switch (field) {
    case ZN_FIELD_FUNDING_TOTAL: return &s.funding.total;
    case ZN_FIELD_FUNDING_PROVINCIAL: return &s.funding.provincial;
    default: return nullptr;
  }
}

int no_such_field(int field) {
  return fail(ZN_EINVAL, "字段 " + std::to_string(field) + " 无效（应为 zn_field 之一）",
              "field " + std::to_string(field) + " is invalid (should be a zn_field)");
}

// What the caller passed for a text: NULL and "" both mean empty; anything else must be
// UTF-8. Returns ZN_OK and the text, or the status of the refusal.
int text_argument(std::string_view name, const char* utf8, std::string_view& text) {
  text = utf8 ? std::string_view(utf8) : std::string_view();
  return check_utf8(name, text);
}

// A ticked box: the code of the profile's choice that the text names, or the text as written
// (validation reports it).
template <typename Find>
std::string to_code(std::string_view text, Find find) {
  if (const auto* choice = find(text)) return choice->code;
  return std::string(text);
}

const char* ticked_at(const std::vector<std::string>* ticked, std::size_t i) {
  if (!ticked) return refuse_null<const char*>(nullptr, "s");
  if (i >= ticked->size())
    return refuse<const char*>(
        nullptr, "下标 " + std::to_string(i) + " 超出范围（共 " + std::to_string(ticked->size()) + " 项）",
        "index " + std::to_string(i) + " is out of range (there are " + std::to_string(ticked->size()) + ")");
  return (*ticked)[i].c_str();
}

enum class Tick { replace, add };

template <typename Find>
int tick(zn_suggestion* s, std::vector<std::string> zhinan::Suggestion::*member, const char* code_or_label,
         Tick how, Find find) {
  if (!s) return null_argument("s");
  if (how == Tick::add && !code_or_label) return null_argument("code_or_label");
  std::string_view text;
  if (int status = text_argument("code_or_label", code_or_label, text); status != ZN_OK) return status;
  std::vector<std::string>& ticked = s->value.*member;
  if (how == Tick::add) {
    if (text.empty())
      return fail(ZN_EINVAL, "参数 code_or_label 为空，没有可添加的代码", "argument code_or_label is empty; nothing to add");
    ticked.push_back(to_code(text, [&](std::string_view t) { return find(*s->profile, t); }));
    return ZN_OK;
  }
  std::vector<std::string> now;
  if (!text.empty()) now.push_back(to_code(text, [&](std::string_view t) { return find(*s->profile, t); }));
  ticked.swap(now);
  return ZN_OK;
}

const auto find_industry = [](const zhinan::Profile& p, std::string_view t) { return p.find_industry(t); };
const auto find_region = [](const zhinan::Profile& p, std::string_view t) { return p.find_region(t); };

constexpr int kAllTypeFlags = ZN_TYPE_BRING_IN | ZN_TYPE_GO_GLOBAL | ZN_TYPE_PLATFORM | ZN_TYPE_MAJOR_EVENT;

}  // namespace

extern "C" {

const char* zn_suggestion_get(const zn_suggestion* s, int field) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    if (!s) return refuse_null<const char*>(nullptr, "s");
    if (const std::string* text = text_field(s->value, field)) return text->c_str();
    if (const auto* amount = amount_field(s->value, field)) return *amount ? (*amount)->literal.c_str() : "";
    no_such_field(field);
    return nullptr;
  });
}

int zn_suggestion_set(zn_suggestion* s, int field, const char* utf8) {
  return guard(__func__, [&]() -> int {
    if (!s) return null_argument("s");
    std::string_view text;
    if (int status = text_argument("utf8", utf8, text); status != ZN_OK) return status;
    if (std::string* target = text_field(s->value, field)) {
      target->assign(text);
      return ZN_OK;
    }
    if (auto* amount = amount_field(s->value, field)) {
      // Kept as written, as a JSON string; whether it is an amount is validation's business.
      if (text.empty()) amount->reset();
      else *amount = zhinan::DecimalText{std::string(text), true};
      return ZN_OK;
    }
    return no_such_field(field);
  });
}

size_t zn_suggestion_industry_count(const zn_suggestion* s) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    return s ? s->value.industry.size() : refuse_null<std::size_t>(0, "s");
  });
}

const char* zn_suggestion_industry(const zn_suggestion* s, size_t i) {
  return guard_value<const char*>(__func__, nullptr,
                                  [&]() -> const char* { return ticked_at(s ? &s->value.industry : nullptr, i); });
}

int zn_suggestion_set_industry(zn_suggestion* s, const char* code_or_label) {
  return guard(__func__, [&]() -> int { return tick(s, &zhinan::Suggestion::industry, code_or_label, Tick::replace, find_industry); });
}

int zn_suggestion_add_industry(zn_suggestion* s, const char* code_or_label) {
  return guard(__func__, [&]() -> int { return tick(s, &zhinan::Suggestion::industry, code_or_label, Tick::add, find_industry); });
}

size_t zn_suggestion_region_count(const zn_suggestion* s) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    return s ? s->value.region.size() : refuse_null<std::size_t>(0, "s");
  });
}

const char* zn_suggestion_region(const zn_suggestion* s, size_t i) {
  return guard_value<const char*>(__func__, nullptr,
                                  [&]() -> const char* { return ticked_at(s ? &s->value.region : nullptr, i); });
}

int zn_suggestion_set_region(zn_suggestion* s, const char* code_or_label) {
  return guard(__func__, [&]() -> int { return tick(s, &zhinan::Suggestion::region, code_or_label, Tick::replace, find_region); });
}

int zn_suggestion_add_region(zn_suggestion* s, const char* code_or_label) {
  return guard(__func__, [&]() -> int { return tick(s, &zhinan::Suggestion::region, code_or_label, Tick::add, find_region); });
}

int zn_suggestion_type_flags(const zn_suggestion* s) {
  return guard_value<int>(__func__, -1, [&]() -> int {
    if (!s) return refuse_null<int>(-1, "s");
    const zhinan::ProjectType& t = s->value.project_type;
    return (t.bring_in ? ZN_TYPE_BRING_IN : 0) | (t.go_global ? ZN_TYPE_GO_GLOBAL : 0) |
           (t.platform ? ZN_TYPE_PLATFORM : 0) | (t.major_event ? ZN_TYPE_MAJOR_EVENT : 0);
  });
}

int zn_suggestion_set_type_flags(zn_suggestion* s, int flags) {
  return guard(__func__, [&]() -> int {
    if (!s) return null_argument("s");
    if (flags < 0 || (flags & ~kAllTypeFlags) != 0)
      return fail(ZN_EINVAL, "项目类型标志 " + std::to_string(flags) + " 含未定义的位（只能组合 ZN_TYPE_*）",
                  "type flags " + std::to_string(flags) + " have undefined bits (combine ZN_TYPE_* only)");
    zhinan::ProjectType& t = s->value.project_type;
    // Sub-types stay as ticked even without bring_in: validation reports that combination.
    t.bring_in = (flags & ZN_TYPE_BRING_IN) != 0;
    t.go_global = (flags & ZN_TYPE_GO_GLOBAL) != 0;
    t.platform = (flags & ZN_TYPE_PLATFORM) != 0;
    t.major_event = (flags & ZN_TYPE_MAJOR_EVENT) != 0;
    return ZN_OK;
  });
}

size_t zn_suggestion_subtype_count(const zn_suggestion* s) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    return s ? s->value.project_type.bring_in_subtypes.size() : refuse_null<std::size_t>(0, "s");
  });
}

const char* zn_suggestion_subtype(const zn_suggestion* s, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    return ticked_at(s ? &s->value.project_type.bring_in_subtypes : nullptr, i);
  });
}

int zn_suggestion_set_subtypes(zn_suggestion* s, const char* const* codes, size_t count) {
  return guard(__func__, [&]() -> int {
    if (!s) return null_argument("s");
    if (!codes && count > 0) return null_argument("codes");
    std::vector<std::string> ticked;
    ticked.reserve(count);
    // Everything is checked before anything changes.
    for (std::size_t i = 0; i < count; ++i) {
      const std::string name = "codes[" + std::to_string(i) + "]";
      if (!codes[i]) return null_argument(name);
      std::string_view text = codes[i];
      if (int status = check_utf8(name, text); status != ZN_OK) return status;
      if (text.empty()) return fail(ZN_EINVAL, "参数 " + name + " 为空", "argument " + name + " is empty");
      ticked.push_back(to_code(text, [&](std::string_view t) { return s->profile->find_bring_in_subtype(t); }));
    }
    s->value.project_type.bring_in_subtypes.swap(ticked);
    return ZN_OK;
  });
}

}  // extern "C"

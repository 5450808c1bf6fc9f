// 关键科学问题及技术清单: key technologies with their readiness levels (0 = not given).
#include <optional>
#include <string>

#include "handles.hpp"

using namespace zhinan::capi;

namespace {

std::optional<zhinan::TrlLevel> level_from(int level) {
  if (level == 0) return std::nullopt;
  return zhinan::TrlLevel{level};  // out-of-scale levels are kept for validation to report
}

int level_to(const std::optional<zhinan::TrlLevel>& level) { return level ? level->value : 0; }

int out_of_range(std::size_t i, std::size_t size) {
  return fail(ZN_EINVAL, "下标 " + std::to_string(i) + " 超出范围（共 " + std::to_string(size) + " 项关键技术）",
              "index " + std::to_string(i) + " is out of range (there are " + std::to_string(size) +
                  " key technologies)");
}

const zhinan::KeyTechnology* at(const zn_suggestion* s, std::size_t i) {
  if (!s) return refuse_null<const zhinan::KeyTechnology*>(nullptr, "s");
  if (i >= s->value.key_technologies.size()) {
    out_of_range(i, s->value.key_technologies.size());
    return nullptr;
  }
  return &s->value.key_technologies[i];
}

// Checks name and description (NULL is empty) and writes them with the levels into `k`.
int fill(zhinan::KeyTechnology& k, const char* name, const char* description, int current, int expected) {
  const std::string_view n = name ? name : "", d = description ? description : "";
  if (int status = check_utf8("name", n); status != ZN_OK) return status;
  if (int status = check_utf8("description", d); status != ZN_OK) return status;
  k.name.assign(n);
  k.description.assign(d);
  k.trl.current = level_from(current);
  k.trl.expected = level_from(expected);
  return ZN_OK;
}

}  // namespace

extern "C" {

size_t zn_suggestion_key_tech_count(const zn_suggestion* s) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    return s ? s->value.key_technologies.size() : refuse_null<std::size_t>(0, "s");
  });
}

const char* zn_suggestion_key_tech_name(const zn_suggestion* s, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::KeyTechnology* k = at(s, i);
    return k ? k->name.c_str() : nullptr;
  });
}

const char* zn_suggestion_key_tech_description(const zn_suggestion* s, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::KeyTechnology* k = at(s, i);
    return k ? k->description.c_str() : nullptr;
  });
}

int zn_suggestion_key_tech_levels(int* current, int* expected, const zn_suggestion* s, size_t i) {
  return guard(__func__, [&]() -> int {
    if (current) *current = 0;
    if (expected) *expected = 0;
    const zhinan::KeyTechnology* k = at(s, i);
    if (!k) return ZN_EINVAL;
    if (current) *current = level_to(k->trl.current);
    if (expected) *expected = level_to(k->trl.expected);
    return ZN_OK;
  });
}

int zn_suggestion_add_key_tech(size_t* index, zn_suggestion* s, const char* name, const char* description,
                               int current, int expected) {
  return guard(__func__, [&]() -> int {
    if (index) *index = 0;
    if (!s) return null_argument("s");
    zhinan::KeyTechnology k;
    if (int status = fill(k, name, description, current, expected); status != ZN_OK) return status;
    s->value.key_technologies.push_back(std::move(k));
    if (index) *index = s->value.key_technologies.size() - 1;
    return ZN_OK;
  });
}

int zn_suggestion_set_key_tech(zn_suggestion* s, size_t i, const char* name, const char* description, int current,
                               int expected) {
  return guard(__func__, [&]() -> int {
    if (!s) return null_argument("s");
    auto& list = s->value.key_technologies;
    if (i >= list.size()) return out_of_range(i, list.size());
    // Evidence, expected indicators and unknown fields stay; only what is passed changes.
    zhinan::KeyTechnology k = list[i];
    if (int status = fill(k, name, description, current, expected); status != ZN_OK) return status;
    list[i] = std::move(k);
    return ZN_OK;
  });
}

int zn_suggestion_remove_key_tech(zn_suggestion* s, size_t i) {
  return guard(__func__, [&]() -> int {
    if (!s) return null_argument("s");
    auto& list = s->value.key_technologies;
    if (i >= list.size()) return out_of_range(i, list.size());
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
    return ZN_OK;
  });
}

}  // extern "C"

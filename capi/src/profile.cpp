// zn_profile_*: the call profile (the year's rules as data) and its lists, for forms.
#include <memory>
#include <string>

#include "handles.hpp"
#include "zhinan/io.hpp"

using namespace zhinan::capi;

namespace {

int take(zhinan::ProfileLoadResult loaded, zn_profile** out, zn_diagnostics** diagnostics) {
  std::unique_ptr<zn_profile> handle;
  if (loaded.profile) handle = std::make_unique<zn_profile>(zn_profile{std::move(loaded.profile)});
  const int status = finish_reading(handle != nullptr, std::move(loaded.diagnostics), diagnostics);
  *out = handle.release();
  return status;
}

// The entry `i` of one of the zn_profile_list lists; NULL (and the reason recorded) if none.
const zhinan::Choice* choice_at(const zn_profile* p, int list, std::size_t i) {
  if (!p) return refuse_null<const zhinan::Choice*>(nullptr, "p");
  const zhinan::Profile& profile = *p->value;
  std::size_t size = 0;
  const zhinan::Choice* item = nullptr;
  switch (list) {
    case ZN_LIST_INDUSTRIES:
      size = profile.industries().size();
      if (i < size) item = &profile.industries()[i];
      break;
    case ZN_LIST_REGIONS:
      size = profile.regions().size();
      if (i < size) item = &profile.regions()[i];
      break;
    case ZN_LIST_PROJECT_TYPES:
      size = profile.project_types().size();
      if (i < size) item = &profile.project_types()[i];
      break;
    case ZN_LIST_BRING_IN_SUBTYPES:
      size = profile.bring_in_subtypes().size();
      if (i < size) item = &profile.bring_in_subtypes()[i];
      break;
    default:
      return refuse<const zhinan::Choice*>(nullptr, "列表 " + std::to_string(list) + " 无效（应为 zn_profile_list 之一）",
                                           "list " + std::to_string(list) + " is invalid (should be a zn_profile_list)");
  }
  if (!item)
    return refuse<const zhinan::Choice*>(
        nullptr, "下标 " + std::to_string(i) + " 超出范围（共 " + std::to_string(size) + " 项）",
        "index " + std::to_string(i) + " is out of range (there are " + std::to_string(size) + ")");
  return item;
}

const zhinan::TrlLevelDefinition* level_of(const zn_profile* p, int level) {
  if (!p) return refuse_null<const zhinan::TrlLevelDefinition*>(nullptr, "p");
  const zhinan::TrlLevelDefinition* def = p->value->trl_scale().find(zhinan::TrlLevel{level});
  if (!def)
    return refuse<const zhinan::TrlLevelDefinition*>(
        nullptr, "技术成熟度没有第 " + std::to_string(level) + " 级",
        "the readiness scale has no level " + std::to_string(level));
  return def;
}

}  // namespace

extern "C" {

int zn_profile_builtin(zn_profile** out) {
  return guard(__func__, [&]() -> int {
    if (!out) return null_argument("out");
    *out = nullptr;
    *out = new zn_profile{zhinan::Profile::builtin_shared()};
    return ZN_OK;
  });
}

int zn_profile_from_json(zn_profile** out, zn_diagnostics** diagnostics, const char* json, size_t len) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (!json) return null_argument("json");
    return take(zhinan::Profile::from_json(std::string_view(json, len)), out, diagnostics);
  });
}

int zn_profile_from_file(zn_profile** out, zn_diagnostics** diagnostics, const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (int status = check_path("path_utf8", path_utf8); status != ZN_OK) return status;
    return take(zhinan::Profile::from_file(zhinan::path_from_utf8(path_utf8)), out, diagnostics);
  });
}

void zn_profile_free(zn_profile* p) { delete p; }

const char* zn_profile_id(const zn_profile* p) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    if (!p) return refuse_null<const char*>(nullptr, "p");
    return p->value->id().c_str();
  });
}

const char* zn_profile_name(const zn_profile* p) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    if (!p) return refuse_null<const char*>(nullptr, "p");
    return p->value->name_zh().c_str();
  });
}

size_t zn_profile_count(const zn_profile* p, int list) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    if (!p) return refuse_null<std::size_t>(0, "p");
    switch (list) {
      case ZN_LIST_INDUSTRIES: return p->value->industries().size();
      case ZN_LIST_REGIONS: return p->value->regions().size();
      case ZN_LIST_PROJECT_TYPES: return p->value->project_types().size();
      case ZN_LIST_BRING_IN_SUBTYPES: return p->value->bring_in_subtypes().size();
      default:
        return refuse<std::size_t>(0, "列表 " + std::to_string(list) + " 无效（应为 zn_profile_list 之一）",
                                   "list " + std::to_string(list) + " is invalid (should be a zn_profile_list)");
    }
  });
}

const char* zn_profile_code(const zn_profile* p, int list, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Choice* c = choice_at(p, list, i);
    return c ? c->code.c_str() : nullptr;
  });
}

const char* zn_profile_label(const zn_profile* p, int list, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::Choice* c = choice_at(p, list, i);
    return c ? c->label.c_str() : nullptr;
  });
}

const char* zn_profile_region_folder(const zn_profile* p, size_t i) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    if (!choice_at(p, ZN_LIST_REGIONS, i)) return nullptr;
    return p->value->regions()[i].folder.c_str();
  });
}

int zn_profile_trl_range(int* lowest, int* highest, const zn_profile* p) {
  return guard(__func__, [&]() -> int {
    if (lowest) *lowest = 0;
    if (highest) *highest = 0;
    if (!p) return null_argument("p");
    if (lowest) *lowest = p->value->trl_scale().lowest();
    if (highest) *highest = p->value->trl_scale().highest();
    return ZN_OK;
  });
}

const char* zn_profile_trl_name(const zn_profile* p, int level) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::TrlLevelDefinition* def = level_of(p, level);
    return def ? def->name.c_str() : nullptr;
  });
}

const char* zn_profile_trl_criterion(const zn_profile* p, int level) {
  return guard_value<const char*>(__func__, nullptr, [&]() -> const char* {
    const zhinan::TrlLevelDefinition* def = level_of(p, level);
    return def ? def->criterion.c_str() : nullptr;
  });
}

int zn_profile_limits(int* key_technologies_max, int* overview_max, const zn_profile* p) {
  return guard(__func__, [&]() -> int {
    if (key_technologies_max) *key_technologies_max = 0;
    if (overview_max) *overview_max = 0;
    if (!p) return null_argument("p");
    if (key_technologies_max) *key_technologies_max = p->value->limits().key_technologies_max;
    if (overview_max) *overview_max = p->value->limits().overview_max;
    return ZN_OK;
  });
}

}  // extern "C"

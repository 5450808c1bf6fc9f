// zn_batch_* and zn_registry_*: the rules across suggestions (三(三)).
#include <string>

#include "handles.hpp"
#include "zhinan/io.hpp"

using namespace zhinan::capi;

extern "C" {

int zn_registry_from_jsonl_file(zn_registry** out, zn_diagnostics** diagnostics, const zn_profile* profile,
                                const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (diagnostics) *diagnostics = nullptr;
    if (!out) return null_argument("out");
    if (int rc = check_path("path_utf8", path_utf8); rc != ZN_OK) return rc;
    auto loaded = zhinan::FundedRegistry::from_jsonl_file(zhinan::path_from_utf8(path_utf8),
                                                         profile_of(profile)->similarity().history_similar_funded);
    const bool read = loaded.registry.has_value();
    if (read) *out = new zn_registry{std::make_shared<const zhinan::FundedRegistry>(std::move(*loaded.registry))};
    return finish_reading(read, std::move(loaded.diagnostics), diagnostics);
  });
}

int zn_registry_save(const zn_registry* r, const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (!r) return null_argument("r");
    if (int rc = check_path("path_utf8", path_utf8); rc != ZN_OK) return rc;
    std::string error;
    if (!r->value->save(zhinan::path_from_utf8(path_utf8), &error)) return fail_bilingual(ZN_EIO, error);
    return ZN_OK;
  });
}

int zn_registry_load(zn_registry** out, const char* path_utf8) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (!out) return null_argument("out");
    if (int rc = check_path("path_utf8", path_utf8); rc != ZN_OK) return rc;
    auto loaded = zhinan::FundedRegistry::load(zhinan::path_from_utf8(path_utf8));
    if (!loaded.registry) {
      if (loaded.diagnostics.empty()) return fail(ZN_EPARSE, "无法读取已立项项目索引", "cannot read the registry index");
      set_error(loaded.diagnostics.front());
      return loaded.diagnostics.front().id == "io.read_failed" ? ZN_EIO : ZN_EPARSE;
    }
    *out = new zn_registry{std::make_shared<const zhinan::FundedRegistry>(std::move(*loaded.registry))};
    return ZN_OK;
  });
}

size_t zn_registry_count(const zn_registry* r) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    if (!r) return refuse_null<std::size_t>(0, "r");
    return r->value->projects().size();
  });
}

void zn_registry_free(zn_registry* r) { delete r; }

int zn_batch_new(zn_batch** out, const zn_profile* profile) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (!out) return null_argument("out");
    *out = new zn_batch{profile_of(profile), {}, nullptr};
    return ZN_OK;
  });
}

int zn_batch_add(zn_batch* b, const zn_suggestion* s, const char* name) {
  return guard(__func__, [&]() -> int {
    if (!b) return null_argument("b");
    if (!s) return null_argument("s");
    if (!name) return null_argument("name");
    if (int rc = check_utf8("name", name); rc != ZN_OK) return rc;
    b->items.emplace_back(name, s->value);
    return ZN_OK;
  });
}

size_t zn_batch_count(const zn_batch* b) {
  return guard_value<std::size_t>(__func__, 0, [&]() -> std::size_t {
    if (!b) return refuse_null<std::size_t>(0, "b");
    return b->items.size();
  });
}

int zn_batch_set_registry(zn_batch* b, const zn_registry* r) {
  return guard(__func__, [&]() -> int {
    if (!b) return null_argument("b");
    b->registry = r ? r->value : nullptr;
    return ZN_OK;
  });
}

int zn_batch_check(zn_diagnostics** out, const zn_batch* b) {
  return guard(__func__, [&]() -> int {
    if (out) *out = nullptr;
    if (!out) return null_argument("out");
    if (!b) return null_argument("b");
    std::vector<zhinan::BatchEntry> entries;
    for (const auto& [name, suggestion] : b->items) entries.push_back({name, &suggestion});
    *out = new zn_diagnostics{zhinan::check_batch(entries, *b->profile, b->registry.get())};
    return ZN_OK;
  });
}

void zn_batch_free(zn_batch* b) { delete b; }

}  // extern "C"

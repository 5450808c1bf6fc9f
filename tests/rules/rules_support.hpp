// Helpers shared by the rule tests (test_rules*.cpp): look a finding up by its rule id
// and read what it says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "support.hpp"
#include "zhinan/rules.hpp"

namespace zhinan::test {

// The first finding of rule `id`, or nullptr.
inline const Diagnostic* find(const Diagnostics& ds, std::string_view id) {
  for (const auto& d : ds)
    if (d.id == id) return &d;
  return nullptr;
}

// Every finding of rule `id`, in the order reported.
inline std::vector<const Diagnostic*> find_all(const Diagnostics& ds, std::string_view id) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : ds)
    if (d.id == id) out.push_back(&d);
  return out;
}

// The paths of the findings of rule `id`.
inline std::vector<std::string> paths_of(const Diagnostics& ds, std::string_view id) {
  std::vector<std::string> out;
  for (const auto* d : find_all(ds, id)) out.push_back(d->path);
  return out;
}

inline bool says(const Diagnostic* d, std::string_view zh) {
  return d && d->message_zh.find(zh) != std::string::npos;
}

// Validates a suggestion under the built-in 2025 profile.
inline Diagnostics check(const Suggestion& s, Mode mode = Mode::submit) {
  return validate(s, Profile::builtin(), mode);
}

// What a finding boils down to, for messages when a check fails.
inline std::string summary(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += std::string(to_string(d.severity)) + " " + d.id + " " + d.path + "\n";
  return out;
}

}  // namespace zhinan::test

namespace doctest {
template <>
struct StringMaker<zhinan::Severity> {
  static String convert(zhinan::Severity s) { return std::string(zhinan::to_string(s)).c_str(); }
};
}  // namespace doctest

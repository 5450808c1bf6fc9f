// The library's version.
#pragma once

#include <string_view>

namespace zhinan {

inline constexpr int kVersionMajor = 1;
inline constexpr int kVersionMinor = 0;
inline constexpr int kVersionPatch = 0;
std::string_view version_string();  // "1.0.0"

}  // namespace zhinan

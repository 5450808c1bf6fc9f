#include "zhinan/version.hpp"

namespace zhinan {

std::string_view version_string() { return ZHINAN_VERSION_STRING; }

}  // namespace zhinan

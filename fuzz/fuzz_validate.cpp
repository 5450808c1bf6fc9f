// Any bytes through parsing and every rule, in both modes: never a crash, and whatever
// parses has a canonical form that reads back the same (a fixed point).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zhinan::ParseResult parsed = zhinan::parse_suggestion(bytes);
  if (!parsed.suggestion) {
    if (parsed.diagnostics.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  (void)zhinan::validate(*parsed.suggestion, zhinan::Profile::builtin(), zhinan::Mode::submit);
  (void)zhinan::validate(*parsed.suggestion, zhinan::Profile::builtin(), zhinan::Mode::draft);
  const std::string canonical = zhinan::to_json(*parsed.suggestion);
  zhinan::ParseResult again = zhinan::parse_suggestion(canonical);
  if (!again.suggestion || zhinan::to_json(*again.suggestion) != canonical) std::abort();
  return 0;
}

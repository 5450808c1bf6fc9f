// Any bytes through the Word-form reader: as a whole .docx, or (more often, to get past
// the ZIP layer) as word/document.xml inside a well-formed container. Never a crash;
// a refusal always says why; whatever is read validates and has a canonical form that
// reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "office/docx_zip.hpp"
#include "zhinan/import.hpp"
#include "zhinan/rules.hpp"
#include "zhinan/suggestion_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  zhinan::ImportLimits limits;
  limits.max_part_size = 4u << 20;
  const zhinan::ImportResult r =
      data[0] % 4 == 0
          ? zhinan::import_docx(bytes, zhinan::Profile::builtin(), limits)
          : zhinan::import_docx(zhinan::detail::write_zip({{"word/document.xml", std::string(bytes)}}),
                                zhinan::Profile::builtin(), limits);
  if (!r.suggestion) {
    if (r.diagnostics.empty()) std::abort();
    return 0;
  }
  (void)zhinan::validate(*r.suggestion);
  const std::string canonical = zhinan::to_json(*r.suggestion);
  zhinan::ParseResult again = zhinan::parse_suggestion(canonical);
  if (!again.suggestion || zhinan::to_json(*again.suggestion) != canonical) std::abort();
  return 0;
}

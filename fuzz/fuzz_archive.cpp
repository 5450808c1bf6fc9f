// Any bytes through the audit of a received package. The first byte chooses: low bit
// clear, the rest is the package itself (.zip, .7z, .rar, anything); low bit set, the
// rest is a Word form inside a well-formed ZIP, as 多边科技合作/1.题-单位.docx, so that the
// layout passes and the document reading is reached too. Never a crash; every finding has
// an id and both messages; the JSON report always parses.
//   seeds: fuzz/corpus/archive/ (each file starts with that byte)
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "office/docx_zip.hpp"
#include "zhinan/audit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) bytes = zhinan::detail::write_zip({{"多边科技合作/1.题-单位.docx", std::move(bytes)}});

  zhinan::AuditOptions options;
  options.limits.max_entry_size = 4u << 20;
  options.limits.max_total_size = 16u << 20;
  options.limits.max_entries = 1000;
  zhinan::Audit audit;
  audit.add_package_bytes("x.zip", std::move(bytes));
  const zhinan::AuditResult result = audit.run(options);

  for (const zhinan::Diagnostic& d : result.diagnostics) {
    if (d.id.empty() || d.message_zh.empty() || d.message_en.empty()) std::abort();
  }
  if (result.packages.size() != 1) std::abort();
  const std::string json = zhinan::audit_report(result, zhinan::AuditFormat::json);
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_object()) std::abort();
  (void)zhinan::audit_report(result, zhinan::AuditFormat::text);
  (void)zhinan::audit_report(result, zhinan::AuditFormat::html);
  return 0;
}

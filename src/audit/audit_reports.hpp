// The reports of an audit, one source per format (internal): audit_report() in
// audit_report.cpp dispatches to these.
#pragma once

#include <string>

#include "zhinan/audit.hpp"

namespace zhinan::detail {

std::string audit_text(const AuditResult& result, bool english_only);
std::string audit_json(const AuditResult& result);
// One self-contained HTML page: inline CSS, no script needed to read it, no external asset;
// an overview of packages × regions with counts and a status colour per package, each
// package's findings, then duplicate pairs side by side with their score and the words
// that differ highlighted. Prints on A4.
std::string audit_html(const AuditResult& result);

}  // namespace zhinan::detail

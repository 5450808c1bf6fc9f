// A finding as a JSON object, the same in every JSON document we print (internal):
// file, package and entry when known, id, severity, path, both messages, line and column,
// and the parameters the messages cite.
#pragma once

#include <boost/json.hpp>

#include "zhinan/diagnostic.hpp"

namespace zhinan::detail {

inline boost::json::object diagnostic_object(const Diagnostic& d) {
  boost::json::object o;
  if (!d.file.empty()) o["file"] = d.file;
  if (!d.package.empty()) o["package"] = d.package;
  if (!d.package.empty() || !d.entry.empty()) o["entry"] = d.entry;
  o["id"] = d.id;
  o["severity"] = std::string(to_string(d.severity));
  o["path"] = d.path;
  o["message_zh"] = d.message_zh;
  o["message_en"] = d.message_en;
  o["line"] = d.location ? d.location->line : 0;
  o["column"] = d.location ? d.location->column : 0;
  boost::json::object params;
  for (const auto& [name, value] : d.params) params[name] = value;
  o["params"] = std::move(params);
  return o;
}

}  // namespace zhinan::detail

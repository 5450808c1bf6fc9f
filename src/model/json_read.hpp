// Typed reading of JSON objects with located diagnostics (internal).
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"

namespace zhinan::detail {

// Reads the members of one object. A member of the wrong type is reported under
// `wrong_type_id` at its JSON pointer and read as absent; null reads as absent.
class ObjectReader {
 public:
  ObjectReader(const boost::json::object& object, std::string path, Diagnostics& diagnostics,
               std::string_view wrong_type_id);

  std::string path_of(std::string_view key) const;
  // Every getter marks its key known; keys must outlive the reader (they are literals).
  const boost::json::value* find(std::string_view key);
  std::optional<std::string> string(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<long long> integer(std::string_view key);
  std::optional<double> number(std::string_view key);
  const boost::json::object* object(std::string_view key);
  const boost::json::array* array(std::string_view key);
  // A string or a list of strings (boxes ticked more than once).
  std::optional<std::vector<std::string>> strings(std::string_view key);
  // A JSON number or a decimal string, kept as written.
  std::optional<DecimalText> decimal(std::string_view key);

  // Members no getter asked for, as (name, JSON text); reported when `warn` is set.
  UnknownFields unknown(bool warn);
  void wrong_type(std::string_view key, const boost::json::value& v, std::string_view expected_zh,
                  std::string_view expected_en);
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  const boost::json::object& object_;
  std::string path_;
  Diagnostics& diagnostics_;
  std::string wrong_type_id_;
  std::vector<std::string_view> known_;  // the readers' own key literals: no copies
};

std::string_view kind_zh(const boost::json::value& v);
std::string_view kind_en(const boost::json::value& v);
// The literal of a JSON number: integers exactly, doubles in their shortest exact form.
std::string number_literal(const boost::json::value& v);

}  // namespace zhinan::detail

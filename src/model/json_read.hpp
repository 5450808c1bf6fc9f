// Typed reading of JSON objects with located diagnostics (internal).
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding_cap.hpp"
#include "zhinan/diagnostic.hpp"
#include "zhinan/model.hpp"

namespace zhinan::detail {

class NumberTexts;

// What the readers of one document share: where findings go (at most FindingCap::kPerId
// of one id listed), the id a wrong type is reported under, and the text of its numbers.
class ReadContext {
 public:
  ReadContext(Diagnostics& diagnostics, std::string_view wrong_type_id, const NumberTexts* numbers = nullptr);

  void report(Diagnostic d) { cap_.add(diagnostics_, std::move(d)); }
  // False when findings of `id` are past the cap: counted, and not worth making.
  bool admits(std::string_view id) { return cap_.admits(id); }
  // Says how many findings were left out; call once, after the last report.
  void finish() { cap_.finish(diagnostics_); }
  std::string_view wrong_type_id() const { return wrong_type_id_; }
  // A JSON number exactly as written (integers exactly, whatever the tree holds).
  std::string number_literal(const boost::json::value& number) const;

 private:
  Diagnostics& diagnostics_;
  std::string wrong_type_id_;
  const NumberTexts* numbers_;
  FindingCap cap_;
};

// Reads the members of one object. A member of the wrong type is reported under the
// context's wrong-type id at its JSON pointer and read as absent; null reads as absent.
class ObjectReader {
 public:
  ObjectReader(const boost::json::object& object, std::string path, ReadContext& context);
  // A reader with a context of its own (a document read by one reader, a registry line).
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
  // A JSON number exactly as written, or a decimal string without the blanks around it.
  std::optional<DecimalText> decimal(std::string_view key);

  // Members no getter asked for, as (name, JSON text); reported when `warn` is set.
  UnknownFields unknown(bool warn);
  void wrong_type(std::string_view key, const boost::json::value& v, std::string_view expected_zh,
                  std::string_view expected_en);
  void report(Diagnostic d) { context_->report(std::move(d)); }
  bool admits(std::string_view id) { return context_->admits(id); }
  ReadContext& context() { return *context_; }

 private:
  // The text of a string member (or of its item `item`), without the NUL characters no form
  // holds (reported), and with its other control characters reported
  // (format.control_character, kept).
  static constexpr std::size_t kNoItem = std::size_t(-1);
  std::string text_of(std::string_view key, const boost::json::string& s, std::size_t item = kNoItem);

  std::unique_ptr<ReadContext> own_context_;
  ReadContext* context_;
  const boost::json::object& object_;
  std::string path_;
  std::vector<std::string_view> known_;  // the readers' own key literals: no copies
};

std::string_view kind_zh(const boost::json::value& v);
std::string_view kind_en(const boost::json::value& v);

// Compact JSON text of a value (no spaces, keys in their order), its numbers as written.
std::string json_text_of(const boost::json::value& v, const ReadContext& context);

}  // namespace zhinan::detail

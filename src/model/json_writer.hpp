// A small JSON writer for canonical output: two-space indentation, literal UTF-8, keys in
// the order they are written (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zhinan::detail {

class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void string(std::string_view utf8);
  void boolean(bool value);
  void integer(long long value);
  void raw(std::string_view json);  // a number literal or an already serialized value
  // The text written so far, with a final newline.
  std::string finish();

 private:
  void before_value();
  void newline();
  void close(char bracket);
  std::string out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// Appends `utf8` as a JSON string literal; non-ASCII stays literal.
void append_json_string(std::string& out, std::string_view utf8);

}  // namespace zhinan::detail

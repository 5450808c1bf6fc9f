#include "office/summary_table_file.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "base/temporary_file.hpp"
#include "zhinan/io.hpp"

namespace zhinan::detail {
namespace {

void set_error(std::string* error, std::string text) {
  if (error) *error = std::move(text);
}

}  // namespace

bool write_file_atomically(const std::filesystem::path& target, const WriteToPath& write,
                           std::string* error) {
  remove_dead_temporaries(target);
  int error_number = 0;
  const std::filesystem::path temp = create_temporary_beside(target, &error_number);
  if (temp.empty()) {
    set_error(error, path_to_utf8(target) + ": " + std::strerror(error_number));
    return false;
  }
  std::error_code ec;
  std::string reason;
  bool ok = write(temp, &reason);
  if (ok && !flush_to_disk(temp)) {
    ok = false;
    reason = std::string("cannot flush: ") + std::strerror(errno);
  }
  if (ok) {
    std::filesystem::rename(temp, target, ec);
    if (ec) {
      ok = false;
      reason = ec.message();
    }
  }
  if (!ok) {
    std::filesystem::remove(temp, ec);
    set_error(error, path_to_utf8(target) + ": " + reason);
  }
  return ok;
}

}  // namespace zhinan::detail

// At most so many findings of one id per document (internal; the JSON readers and the
// rules share it). A hostile or broken file can repeat one mistake a million times; each
// finding carries two messages, so listing them all would cost gigabytes and help no one.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "zhinan/diagnostic.hpp"

namespace zhinan::detail {

class FindingCap {
 public:
  static constexpr std::size_t kPerId = 100;
  static constexpr std::size_t kNone = std::size_t(-1);  // a batch: every finding names another file

  explicit FindingCap(std::size_t per_id = kPerId) : per_id_(per_id) {}

  // Whether a finding of `id` is still worth making: listed, or the first left out. The
  // others are only counted here, so that a million of them cost no messages.
  bool admits(std::string_view id) {
    auto it = counts_.find(id);
    if (it == counts_.end()) return true;
    Count& c = it->second;
    if (c.listed < per_id_ || c.left_out == 0) return true;
    ++c.left_out;
    return false;
  }

  // Appends `d` unless per_id findings of its id are listed already; then it is counted,
  // and the first one left out is kept to stand for the rest.
  void add(Diagnostics& out, Diagnostic d) {
    Count& c = counts_[d.id];
    if (c.listed < per_id_) {
      ++c.listed;
      out.push_back(std::move(d));
      return;
    }
    if (c.left_out++ == 0) c.first_left_out = std::move(d);
  }

  // Counts `n` more findings of `id` left out without making them (the first one left out
  // must have been added).
  void count_left_out(const std::string& id, std::size_t n) { counts_[id].left_out += n; }

  // Puts, after the last listed finding of each id that went over, one finding of the same
  // id and severity, at the first place left out, that says how many more there are.
  void finish(Diagnostics& out) {
    for (auto& entry : counts_) {  // no structured binding: a lambda below captures the id
      const std::string& id = entry.first;
      Count& c = entry.second;
      if (c.left_out == 0) continue;
      Diagnostic d = std::move(c.first_left_out);
      const std::string n = std::to_string(c.left_out), limit = std::to_string(per_id_);
      d.message_zh = "此处起还有" + n + "处同样的问题（" + id + "）未逐条列出：同一问题最多列出" + limit + "处";
      d.message_en = n + " more findings of " + id + " from here on are not listed: at most " + limit +
                     " of one kind are";
      d.params = {{"count", n}, {"limit", limit}};
      auto last = std::find_if(out.rbegin(), out.rend(), [&](const Diagnostic& x) { return x.id == id; });
      out.insert(last.base(), std::move(d));
      c.left_out = 0;
    }
  }

 private:
  struct Count {
    std::size_t listed = 0;
    std::size_t left_out = 0;
    Diagnostic first_left_out;
  };
  std::size_t per_id_;
  std::map<std::string, Count, std::less<>> counts_;
};

}  // namespace zhinan::detail

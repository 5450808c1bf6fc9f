// Boost.JSON's parse events into its value tree, keeping what the tree loses: the text of
// each double, and keys given twice (internal; the handler of json_text.cpp's basic_parser).
#pragma once

#include <boost/json/value_stack.hpp>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/finding_cap.hpp"
#include "zhinan/diagnostic.hpp"

namespace zhinan::detail {

// A key met a second time in one object: where it is, to be told after the parse.
struct DuplicateKey {
  std::string pointer;        // JSON pointer of the member
  std::string key;
  std::size_t object = 0;     // which object, counted in document order from 0
  std::size_t member = 0;     // which of its members, from 0
};

// Boost.JSON's SAX events into its own value tree (what boost::json::parser does), and
// besides: every double's text as written, kept in document order; and every key met
// twice in one object, whose second value is skipped, so the first stands and nothing wins
// silently.
class TreeBuilder {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  explicit TreeBuilder(boost::json::storage_ptr storage) { stack_.reset(std::move(storage)); }

  boost::json::value release() { return stack_.release(); }
  std::vector<std::string>& double_texts() { return double_texts_; }
  std::vector<DuplicateKey>& duplicates() { return duplicates_; }
  std::size_t duplicates_left_out() const { return duplicates_left_out_; }

  bool on_document_begin(boost::json::error_code&) { return true; }
  bool on_document_end(boost::json::error_code&) { return true; }

  bool on_object_begin(boost::json::error_code&) {
    ++objects_seen_;
    if (skipping()) return begin_skipped();
    begin_element();
    Frame& f = open(true);
    f.ordinal = objects_seen_ - 1;
    if (f.index.bucket_count() > 64) f.index = {};  // clear() would walk every bucket each time
    else f.index.clear();
    return true;
  }
  bool on_object_end(std::size_t, boost::json::error_code&) {
    if (skip_depth_ > 0) return end_skipped();
    stack_.push_object(frames_[depth_ - 1].kept);
    --depth_;
    return true;
  }
  bool on_array_begin(boost::json::error_code&) {
    if (skipping()) return begin_skipped();
    begin_element();
    open(false);
    return true;
  }
  bool on_array_end(std::size_t n, boost::json::error_code&) {
    if (skip_depth_ > 0) return end_skipped();
    stack_.push_array(n);
    --depth_;
    return true;
  }

  bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    if (skip_depth_ == 0) key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    if (skip_depth_ > 0) return true;
    key_.append(s.data(), s.size());
    Frame& f = frames_[depth_ - 1];
    const std::size_t member = f.count++;
    if (f.contains(key_)) {
      note_duplicate(f, member);
      skip_next_ = true;
    } else {
      stack_.push_key(key_);
      f.keep(key_);
    }
    key_.clear();
    return true;
  }

  bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    if (!skipping()) stack_.push_chars(s);
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    if (skip_scalar()) return true;
    stack_.push_string(s);
    return true;
  }

  bool on_number_part(boost::json::string_view s, boost::json::error_code&) {
    if (!skipping()) number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, boost::json::string_view, boost::json::error_code&) {
    number_.clear();
    if (skip_scalar()) return true;
    stack_.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, boost::json::string_view, boost::json::error_code&) {
    number_.clear();
    if (skip_scalar()) return true;
    stack_.push_uint64(u);
    return true;
  }
  bool on_double(double d, boost::json::string_view s, boost::json::error_code&) {
    number_.append(s.data(), s.size());
    if (!skip_scalar()) {
      stack_.push_double(d);
      double_texts_.push_back(std::move(number_));
    }
    number_.clear();
    return true;
  }

  bool on_bool(bool b, boost::json::error_code&) {
    if (!skip_scalar()) stack_.push_bool(b);
    return true;
  }
  bool on_null(boost::json::error_code&) {
    if (!skip_scalar()) stack_.push_null();
    return true;
  }
  bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }

 private:
  // An open object or array. An object's kept keys stay in `keys` (a deque: its strings
  // do not move, and a reused frame's strings keep their capacity, so reading a key rarely
  // allocates); they are searched one by one, and through `index` once there are many.
  struct Frame {
    static constexpr std::size_t kScanned = 16;
    Frame() = default;
    Frame(const Frame&) = delete;  // a copy's `index` would point into the original's keys
    Frame& operator=(const Frame&) = delete;
    bool object = false;
    std::size_t ordinal = 0;  // objects: which object of the document
    std::size_t count = 0;    // members or elements begun
    std::size_t kept = 0;     // members kept (a duplicate is not): keys[0, kept)
    std::deque<std::string> keys;
    std::unordered_set<std::string_view> index;  // over keys, from kScanned of them
    const std::string& key() const { return keys[kept - 1]; }  // the member being read
    bool contains(const std::string& key) const {
      if (kept > kScanned) return index.contains(key);
      for (std::size_t i = 0; i < kept; ++i)
        if (keys[i] == key) return true;
      return false;
    }
    void keep(const std::string& key) {
      if (kept < keys.size()) keys[kept].assign(key);
      else keys.push_back(key);
      ++kept;
      if (kept == kScanned + 1) {
        for (std::size_t i = 0; i < kept; ++i) index.insert(keys[i]);
      } else if (kept > kScanned + 1) {
        index.insert(keys[kept - 1]);
      }
    }
  };

  bool skipping() const { return skip_depth_ > 0 || skip_next_; }
  // A scalar ends here; true when it is the value of a duplicate key, or inside one.
  bool skip_scalar() {
    if (skip_depth_ > 0) return true;
    if (skip_next_) {
      skip_next_ = false;
      return true;
    }
    if (depth_ > 0 && !frames_[depth_ - 1].object) ++frames_[depth_ - 1].count;
    return false;
  }
  bool begin_skipped() {
    skip_next_ = false;
    ++skip_depth_;
    return true;
  }
  bool end_skipped() {
    --skip_depth_;
    return true;
  }
  // An array's element begins: its index is the count before.
  void begin_element() {
    if (depth_ > 0 && !frames_[depth_ - 1].object) ++frames_[depth_ - 1].count;
  }
  Frame& open(bool object) {
    if (frames_.size() <= depth_) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.object = object;
    f.count = 0;
    f.kept = 0;
    return f;
  }

  void note_duplicate(const Frame& at, std::size_t member) {
    if (duplicates_.size() > FindingCap::kPerId) {  // one more than listed stands for the rest
      ++duplicates_left_out_;
      return;
    }
    DuplicateKey d;
    for (std::size_t i = 0; i + 1 < depth_; ++i) {
      const Frame& f = frames_[i];
      d.pointer += '/';
      d.pointer += f.object ? json_pointer_token(f.key()) : std::to_string(f.count - 1);
    }
    d.pointer += '/' + json_pointer_token(key_);
    d.key = key_;
    d.object = at.ordinal;
    d.member = member;
    duplicates_.push_back(std::move(d));
  }

  boost::json::value_stack stack_;
  // The open containers; reused, so their keys are too. A deque: opening a deeper one never
  // moves the others, whose `index` points into their own `keys`.
  std::deque<Frame> frames_;
  std::size_t depth_ = 0;
  std::size_t skip_depth_ = 0;  // > 0 inside the skipped value of a duplicate key
  bool skip_next_ = false;      // the next value is a duplicate key's
  std::size_t objects_seen_ = 0;
  std::string key_;
  std::string number_;
  std::vector<std::string> double_texts_;
  std::vector<DuplicateKey> duplicates_;
  std::size_t duplicates_left_out_ = 0;
};

}  // namespace zhinan::detail

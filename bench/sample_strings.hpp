// The string values of the bundled samples' JSON files, for the text benchmarks
// (bench_count, bench_fold): every file under a folder, in a stable order.
#pragma once

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

// Every string value of `v` that `keep` accepts, depth first.
inline void collect_strings(const boost::json::value& v, const std::function<bool(std::string_view)>& keep,
                            std::vector<std::string>& out) {
  if (v.is_string()) {
    if (keep(v.get_string())) out.emplace_back(v.get_string());
  } else if (v.is_object()) {
    for (const auto& kv : v.get_object()) collect_strings(kv.value(), keep, out);
  } else if (v.is_array()) {
    for (const auto& item : v.get_array()) collect_strings(item, keep, out);
  }
}

// The strings `keep` accepts of every .json file in `dir` (and below it, when `recursive`),
// files in sorted order: directory order is not stable.
inline std::vector<std::string> sample_strings(const std::filesystem::path& dir, bool recursive,
                                               const std::function<bool(std::string_view)>& keep) {
  std::vector<std::filesystem::path> files;
  const auto add = [&](const std::filesystem::directory_entry& e) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  };
  if (recursive) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) add(e);
  } else {
    for (const auto& e : std::filesystem::directory_iterator(dir)) add(e);
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(text.str(), ec);
    if (!ec) collect_strings(v, keep, out);
  }
  return out;
}

}  // namespace bench

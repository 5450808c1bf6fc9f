// Helpers shared by the C++ tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include "zhinan/io.hpp"
#include "zhinan/suggestion_json.hpp"

namespace zhinan::test {

inline std::filesystem::path source_dir() { return ZHINAN_SOURCE_DIR; }
inline std::filesystem::path samples_dir() { return source_dir() / "examples" / "data"; }

inline std::string sample_text(const std::string& name) {
  auto text = read_file(samples_dir() / (name + ".json"));
  if (!text) throw std::runtime_error("missing sample " + name);
  return *text;
}

// A bundled sample, parsed; fails the calling test when it does not parse.
inline Suggestion sample(const std::string& name) {
  ParseResult r = parse_suggestion(sample_text(name));
  if (!r.suggestion) throw std::runtime_error("sample does not parse: " + name);
  return *r.suggestion;
}

inline std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// `n` bytes as a compressed stream or picture has them (no order deflate can use), the same
// for the same seed.
inline std::string random_bytes(std::size_t n, std::uint64_t seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    s[i] = static_cast<char>(seed >> 56);
  }
  return s;
}

// `n` bytes of numbered Chinese paragraphs: text deflate shrinks.
inline std::string prose(std::size_t n) {
  std::string s;
  for (int i = 0; s.size() < n; ++i) s += "第" + std::to_string(i) + "段：国际合作项目指南建议，关键技术与预期成果。\n";
  s.resize(n);
  return s;
}

}  // namespace zhinan::test

namespace doctest {
template <>
struct StringMaker<zhinan::TextLocation> {
  static String convert(const zhinan::TextLocation& at) {
    return (std::to_string(at.line) + ":" + std::to_string(at.column)).c_str();
  }
};
}  // namespace doctest

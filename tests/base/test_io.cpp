#include <doctest/doctest.h>

#include <fstream>

#include "zhinan/io.hpp"

using namespace zhinan;

TEST_CASE("io: UTF-8 names round-trip through paths and files") {
  const std::string name = "指南建议-“一带一路”.json";
  auto dir = std::filesystem::temp_directory_path() / "zhinan-test-io";
  std::filesystem::create_directories(dir);
  auto path = dir / path_from_utf8(name);
  CHECK(path_to_utf8(path.filename()) == name);
  std::ofstream(path, std::ios::binary) << "氢能";
  CHECK(read_file(path_from_utf8(path_to_utf8(path))) == std::optional<std::string>("氢能"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("io: a missing file says why") {
  std::string error;
  CHECK_FALSE(read_file("/nonexistent/zhinan", &error));
  CHECK_FALSE(error.empty());
}

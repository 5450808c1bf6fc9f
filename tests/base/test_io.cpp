#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>

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
  CHECK(error == "no such file or folder (No such file or directory)");
  FileError why;
  CHECK_FALSE(read_file("/nonexistent/zhinan", &why));
  CHECK(why.zh == "文件或文件夹不存在，请检查路径");
  CHECK_FALSE(read_file("/", &why));
  CHECK(why.zh == "这是一个文件夹，不是文件");
}

TEST_CASE("io: devices and FIFOs are refused at once, never read without end or blocked on") {
  std::string why;
  CHECK_FALSE(read_file("/dev/null", &why));
  CHECK(why == "is not a regular file (a device, FIFO or socket)");
  FileError error;
  CHECK_FALSE(read_file("/dev/zero", &error));
  CHECK(error.zh == "这不是普通文件（是设备、管道或套接字），不能读取");
  CHECK_FALSE(read_file("/dev/zero", &why));
  CHECK_FALSE(read_file("/dev/urandom", &why));
  const std::filesystem::path fifo = std::filesystem::temp_directory_path() / "zhinan-test-fifo";
  std::filesystem::remove(fifo);
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(read_file(fifo, &why));  // no writer: would block forever if opened
  std::filesystem::remove(fifo);
}

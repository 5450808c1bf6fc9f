// A streaming ZIP writer (internal to the package writer). Entries arrive already
// compressed (so worker threads can deflate while this writes) and are written in order:
// local header, data, and at the end the central directory, with ZIP64 records only when
// sizes, offsets or the entry count need them. Nothing depends on the clock or the time
// zone: the same entries give the same bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "package/zip_deflate.hpp"

namespace zhinan::detail {

// A civil date and time as the ZIP's MS-DOS fields hold it (no time zone).
struct ZipTime {
  int year = 2025, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

struct ZipName {
  std::string bytes;                       // the name as written in the headers
  bool utf8 = true;                        // general-purpose bit 11: the name is UTF-8
  std::optional<std::string> unicode_path;  // Info-ZIP Unicode Path (0x7075): the UTF-8 name
};

// For tests: when positive, the writer's n-th write fails as a full disk would.
extern thread_local int zip_fail_write_number;

class ZipWriter {
 public:
  // Writes to `out`, which the caller opened for writing and closes.
  ZipWriter(std::FILE* out, ZipTime time) : out_(out), time_(time) {}

  bool add_directory(const ZipName& name);
  bool add_file(const ZipName& name, const ZipData& data);
  // Copies `in` (read to its end, `expected_size` bytes as planned) into a new entry a
  // chunk at a time, deflated unless `store`, then goes back to fill in the local
  // header's CRC and sizes: a document of any size costs a few MiB. Needs a seekable
  // output.
  enum class StreamResult { ok, write_failed, read_failed, size_changed };
  StreamResult add_stream(const ZipName& name, std::FILE* in, std::uint64_t expected_size, bool store,
                          int level = kTextLevel);
  // The central directory and the end records; false when a write failed.
  bool finish();
  std::uint64_t bytes_written() const { return offset_; }
  // The CRC-32 of every byte written, as the 汇总表 names the ZIP by it; none once a
  // streamed entry's header was filled in afterwards (the file is then read back instead).
  std::optional<std::uint32_t> output_crc() const {
    return rewritten_ ? std::nullopt : std::optional<std::uint32_t>(crc_);
  }

 private:
  struct Entry {
    ZipName name;
    std::uint16_t method;
    std::uint32_t crc;
    std::uint64_t size, stored_size, offset;
    bool directory;
    bool zip64_local = false;  // the local header holds ZIP64 sizes (sizes not known in advance)
  };
  // `crc_of_bytes`, when known, spares reading them again for the ZIP's CRC.
  bool write(std::string_view bytes, std::optional<std::uint32_t> crc_of_bytes = std::nullopt);
  bool patch_local_header(const Entry& e);
  bool add(Entry entry, std::string_view data);
  std::string local_header(const Entry& e) const;
  std::string central_header(const Entry& e) const;
  std::string extra_fields(const Entry& e, bool central) const;

  std::FILE* out_;
  ZipTime time_;
  std::uint64_t offset_ = 0;
  int writes_ = 0;
  std::uint32_t crc_ = 0;   // of the bytes written in order
  bool rewritten_ = false;  // some were written over since
  std::vector<Entry> entries_;
};

}  // namespace zhinan::detail

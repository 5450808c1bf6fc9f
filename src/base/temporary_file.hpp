// Temporary files beside a target, and the clean-up of those a killed run left behind.
// A temporary name says which host and process made it, so a later run can tell a file
// whose writer is gone (remove it) from one another run is still writing (leave it).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace zhinan::detail {

// Creates a new, empty file beside `target` with a hidden name unique to this process
// ("." + target's name + ".zn<host>-<pid>-<random>.tmp"); never opens a file someone else
// made. Returns its path, or an empty path with the system's errno in `error_number`.
std::filesystem::path create_temporary_beside(const std::filesystem::path& target, int* error_number);

// Removes the temporary files beside `target` that a process of this host made and that
// is no longer running (killed, crashed). Errors are ignored: this only tidies up.
void remove_dead_temporaries(const std::filesystem::path& target);

// Flushes what was written to `path` to the disk (before a rename makes it visible);
// false with errno set when it cannot.
bool flush_to_disk(const std::filesystem::path& path);
// Starts writing bytes [from, to) of `file` (flushed first) to the disk without waiting
// for it, so that writing a large file goes to the disk while the rest is made and
// flush_to_disk finds little left (Linux: sync_file_range; elsewhere nothing). Only a
// hint: errors are left to flush_to_disk.
void start_flushing(std::FILE* file, std::uint64_t from, std::uint64_t to);
// Flushes the folder's entries (the renames into it), where the system can.
void flush_folder(const std::filesystem::path& folder);

}  // namespace zhinan::detail

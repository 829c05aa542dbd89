#pragma once
// Reading inputs and writing outputs safely: inputs are size-limited and must be regular files
// (or stdin); outputs are written atomically so a failure never leaves a half-written file.
#include <string>

namespace pindex {

// Reads a whole file, or standard input when path is "-". Throws InputError naming the file
// when it is missing, a directory, unreadable or larger than limits::kMaxInputBytes.
std::string read_input(const std::string& path);

// Writes content to path through a temporary file in the same directory, flushed to disk and
// renamed over the target, which keeps its permissions. A symbolic link stays a link (the file
// it points to is replaced); a path that is not a regular file (/dev/null, a terminal, a pipe)
// is written into, never replaced. Throws std::runtime_error (with the path and reason) on
// failure, leaving any existing file untouched and no temporary file behind.
void write_file_atomically(const std::string& path, const std::string& content);

// True when both paths name the same existing file (so a report would overwrite its input).
bool same_file(const std::string& a, const std::string& b);

}  // namespace pindex

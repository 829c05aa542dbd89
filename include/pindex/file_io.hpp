#pragma once
// Reading inputs and writing outputs safely: inputs are size-limited regular files or pipes
// (stdin, a FIFO, process substitution's /dev/fd/N); outputs are written atomically so a failure
// never leaves a half-written file.
#include <chrono>
#include <string>

namespace pindex {

// Reads a whole file, or standard input when path is "-". A pipe (a named FIFO, or /dev/fd/N
// from `score <(gen)`) is read to its end like standard input; a named FIFO that no program
// opens for writing within limits::kFifoWriterWaitSeconds is an error, not a wait for ever.
// Throws InputError naming the file when it is missing, a directory, a device or a socket,
// unreadable or larger than limits::kMaxInputBytes.
std::string read_input(const std::string& path);
// The same with another wait for a FIFO's writer (tests).
std::string read_input(const std::string& path, std::chrono::milliseconds fifo_writer_wait);

// Writes content to path through a temporary file in the same directory, flushed to disk and
// renamed over the target, which keeps its permissions. A symbolic link stays a link (the file
// it points to is replaced); a path that is not a regular file (/dev/null, a terminal, a pipe)
// is written into, never replaced. Throws std::runtime_error (with the path and reason) on
// failure, leaving any existing file untouched and no temporary file behind. The temporary file
// is .NAME.tmp-PID-XXXXXX; a save first removes those of the same file left by a save that was
// killed (their process PID no longer runs).
void write_file_atomically(const std::string& path, const std::string& content);

// True when both paths name the same existing regular file (so a report would overwrite its
// input); "-" names the file standard input was redirected from, if any.
bool same_file(const std::string& a, const std::string& b);

}  // namespace pindex

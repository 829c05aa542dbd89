#pragma once
// An advisory lock that one process at a time holds on a file it keeps writing, such as the
// answers file of a running survey: a second survey on the same file would silently drop the
// first one's answers at its next save. The lock is taken on a lock file beside it
// (".NAME.lock"), since the file itself is replaced at every save, and it is the kernel's
// (flock), so a process that dies holding it, even by kill -9, releases it.
#include <stdexcept>
#include <string>

namespace pindex {

// Another process holds the lock: the message names the file, and the process when known.
class FileInUse : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class FileLock {
public:
    // Takes the lock on `path` (through symbolic links: two names of one file share a lock),
    // or throws FileInUse; throws std::runtime_error when the lock file cannot be created.
    explicit FileLock(const std::string& path);
    ~FileLock();  // releases the lock and removes the lock file
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    const std::string& lock_path() const { return lock_path_; }

private:
    std::string lock_path_;
    int fd_ = -1;
};

}  // namespace pindex

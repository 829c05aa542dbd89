#include "pindex/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace pindex {

namespace {

namespace fs = std::filesystem;

std::string lock_path_for(const std::string& path) {
    // Through symbolic links, even one whose target does not exist yet (a survey's first save
    // creates it), so that every name of the file leads to one lock.
    fs::path target = path;
    std::error_code error;
    for (int depth = 0; depth < 40 && fs::is_symlink(target, error); ++depth) {
        fs::path next = fs::read_symlink(target, error);
        if (error) break;
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    target = fs::weakly_canonical(target, error);
    if (error) target = fs::absolute(path);
    return (target.parent_path() / ("." + target.filename().string() + ".lock")).string();
}

// The process id the holder wrote into the lock file, or "" when it cannot be read.
std::string holder_of(int fd) {
    char text[32] = {};
    ssize_t got = ::pread(fd, text, sizeof text - 1, 0);
    if (got <= 0) return "";
    std::string pid(text, static_cast<std::size_t>(got));
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.find_first_not_of("0123456789") == std::string::npos ? pid : "";
}

}  // namespace

FileLock::FileLock(const std::string& path) : lock_path_(lock_path_for(path)) {
    // The lock file may be removed by the holder between our open and our flock: then we hold a
    // lock on a file no one else will find. Retry until the file we locked is the one at the path.
    for (int attempt = 0; attempt < 100; ++attempt) {
        fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0)
            throw std::runtime_error(fmt::format("cannot create the lock file {}: {}", lock_path_, std::strerror(errno)));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            int error = errno;
            std::string holder = holder_of(fd_);
            ::close(fd_);
            fd_ = -1;
            if (error != EWOULDBLOCK)
                throw std::runtime_error(fmt::format("cannot lock {}: {}", lock_path_, std::strerror(error)));
            throw FileInUse(fmt::format("{} is in use by another pindex survey{}; finish or quit that one first, or "
                                        "answer into another file with -o OTHER.yaml",
                                        path, holder.empty() ? "" : fmt::format(" (process {})", holder)));
        }
        struct stat locked {}, named {};
        if (::fstat(fd_, &locked) == 0 && ::stat(lock_path_.c_str(), &named) == 0 && locked.st_ino == named.st_ino &&
            locked.st_dev == named.st_dev) {
            std::string pid = fmt::format("{}\n", ::getpid());
            if (::ftruncate(fd_, 0) == 0) {
                [[maybe_unused]] ssize_t written = ::pwrite(fd_, pid.data(), pid.size(), 0);  // only for the message
            }
            return;
        }
        ::close(fd_);
        fd_ = -1;
    }
    throw std::runtime_error(fmt::format("cannot lock {}: it keeps being replaced", lock_path_));
}

FileLock::~FileLock() {
    if (fd_ < 0) return;
    ::unlink(lock_path_.c_str());  // while still held, so that no one locks a file about to vanish
    ::close(fd_);
}

}  // namespace pindex

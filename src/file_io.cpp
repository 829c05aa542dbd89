#include "pindex/file_io.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "pindex/diagnostic.hpp"
#include "pindex/limits.hpp"

namespace pindex {

namespace {

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Reads from fd until end of file, failing once more than the limit has arrived.
std::string read_all(int fd, const std::string& path) {
    std::string content;
    char buffer[65536];
    for (;;) {
        ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            throw InputError({display_name(path), 0, 0}, fmt::format("cannot read: {}", std::strerror(errno)));
        }
        content.append(buffer, static_cast<std::size_t>(got));
        if (content.size() > limits::kMaxInputBytes)
            throw InputError({display_name(path), 0, 0},
                             fmt::format("the input is larger than {} MiB, the limit for any file pindex reads (an "
                                         "answers file or a rubric is a few kilobytes)",
                                         limits::kMaxInputBytes / (1024 * 1024)));
    }
    return content;
}

// An anonymous pipe lives in pipefs: process substitution's /dev/fd/63, or /dev/stdin in a
// pipeline. Its writer exists already; a named FIFO's may never come.
bool is_anonymous_pipe(int fd) {
    constexpr long kPipefsMagic = 0x50495045;  // "PIPE", from <linux/magic.h>
    struct statfs info {};
    return ::fstatfs(fd, &info) == 0 && static_cast<long>(info.f_type) == kPipefsMagic;
}

// What a poll of a pipe's read end shows at once: data, or a writer that came and went.
short pipe_events(int fd) {
    pollfd entry{fd, POLLIN, 0};
    return ::poll(&entry, 1, 0) > 0 ? entry.revents : 0;
}

// Waits until a program opens the named FIFO for writing, at most writer_wait; true if one did.
// Opening a FIFO for reading blocks until then, so that open is the signal: it runs in this
// thread, and a watcher releases it once the wait is over by opening the FIFO for writing
// itself (our other descriptor is a reader, so that open succeeds) and closing it at once.
bool wait_for_fifo_writer(const std::string& path, std::chrono::milliseconds writer_wait) {
    std::mutex mutex;
    std::condition_variable opened_changed;
    bool opened = false, gave_up = false;
    std::thread watcher([&] {
        std::unique_lock lock(mutex);
        if (opened_changed.wait_for(lock, writer_wait, [&] { return opened; })) return;
        gave_up = true;
        // Again until the open returns: a writer that came and went before it began to wait
        // would not wake it.
        while (!opened) {
            lock.unlock();
            int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (writer >= 0) ::close(writer);
            lock.lock();
            opened_changed.wait_for(lock, std::chrono::milliseconds(10), [&] { return opened; });
        }
    });
    int signal_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    int open_error = errno;
    {
        std::lock_guard lock(mutex);
        opened = true;
    }
    opened_changed.notify_one();
    watcher.join();
    if (signal_fd < 0) throw InputError({path, 0, 0}, fmt::format("cannot open: {}", std::strerror(open_error)));
    ::close(signal_fd);
    return !gave_up;
}

// A descriptor to read `path` from, for a regular file or a pipe; anything else is refused.
int open_input(const std::string& path, std::chrono::milliseconds writer_wait) {
    // O_NONBLOCK so that a FIFO does not block here, before we know what the path is.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw InputError({path, 0, 0}, fmt::format("cannot open: {}", std::strerror(errno)));
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        std::string reason = std::strerror(errno);
        ::close(fd);
        throw InputError({path, 0, 0}, "cannot read: " + reason);
    }
    if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode)) {
        ::close(fd);
        throw InputError({path, 0, 0}, S_ISDIR(info.st_mode) ? "is a directory; expected a file"
                                                             : "is not a regular file or a pipe (a device or a socket)");
    }
    // A named FIFO is read once a program has opened it for writing (or already wrote to it);
    // an anonymous pipe's writer exists already. This descriptor, a reader all along, reads it.
    try {
        if (S_ISFIFO(info.st_mode) && !is_anonymous_pipe(fd) && !(pipe_events(fd) & (POLLIN | POLLHUP)) &&
            !wait_for_fifo_writer(path, writer_wait) && !(pipe_events(fd) & POLLIN))
            throw InputError({path, 0, 0}, fmt::format("is a FIFO that no program opened for writing within {} s",
                                                       std::chrono::duration_cast<std::chrono::seconds>(writer_wait).count()));
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

}  // namespace

std::string read_input(const std::string& path) {
    return read_input(path, std::chrono::seconds(limits::kFifoWriterWaitSeconds));
}

std::string read_input(const std::string& path, std::chrono::milliseconds fifo_writer_wait) {
    if (path == "-") return read_all(STDIN_FILENO, path);
    int fd = open_input(path, fifo_writer_wait);
    try {
        std::string content = read_all(fd, path);
        ::close(fd);
        return content;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

namespace {

void write_all_to(int fd, const std::string& content, const std::function<void(const char*)>& fail) {
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("write");
        written += static_cast<std::size_t>(n);
    }
}

// Something that is not a regular file (a device such as /dev/null, a terminal, a pipe) is
// written into, never replaced by a file of our own.
void write_into(const std::string& path, const std::string& content) {
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    write_all_to(fd, content, [&](const char* step) {
        std::string reason = std::strerror(errno);
        ::close(fd);
        throw std::runtime_error(fmt::format("{}: cannot write ({}): {}", path, step, reason));
    });
    if (::close(fd) != 0) throw std::runtime_error(fmt::format("{}: cannot write (close): {}", path, std::strerror(errno)));
}

// A save writes .NAME.tmp-PID-XXXXXX, then renames it over NAME.
std::string temporary_prefix(const std::string& name) { return "." + name + ".tmp-"; }

// A save killed before its rename leaves its temporary file. The next save of the same file
// removes those whose process no longer runs; one whose process runs is a save in progress.
void remove_stale_temporaries(const std::filesystem::path& directory, const std::string& prefix) {
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (!name.starts_with(prefix)) continue;
        std::string_view rest = std::string_view(name).substr(prefix.size());  // PID-XXXXXX
        std::size_t dash = rest.find('-');
        if (dash == std::string_view::npos || rest.size() - dash - 1 != 6) continue;
        pid_t pid = 0;
        auto [end_of_pid, parse_error] = std::from_chars(rest.data(), rest.data() + dash, pid);
        if (parse_error != std::errc() || end_of_pid != rest.data() + dash || pid <= 1) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // running (EPERM: running as another user)
        struct stat info {};
        if (::lstat(it->path().c_str(), &info) == 0 && S_ISREG(info.st_mode)) ::unlink(it->path().c_str());
    }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    struct stat existing {};
    bool exists = ::stat(path.c_str(), &existing) == 0;  // follows symbolic links
    if (exists && !S_ISREG(existing.st_mode)) return write_into(path, content);
    // A symbolic link stays a link: the file it points to is the one replaced, atomically, in
    // its own directory, as editors do.
    std::error_code error;
    fs::path target = fs::is_symlink(path, error) ? fs::weakly_canonical(path, error) : fs::path(path);
    if (error) target = path;
    fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string prefix = temporary_prefix(target.filename().string());
    remove_stale_temporaries(directory, prefix);
    std::string pattern = (directory / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    auto fail = [&](const char* step) {
        std::string reason = std::strerror(errno);
        ::close(fd);
        ::unlink(pattern.c_str());
        throw std::runtime_error(fmt::format("{}: cannot write ({}): {}", path, step, reason));
    };
    write_all_to(fd, content, fail);
    // mkstemp creates 0600: keep the mode of the file replaced, or give a new one the mode a
    // plain create would (so resuming a private 0600 answers file keeps it private).
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode_t mode = exists ? (existing.st_mode & 07777) : (0666 & ~mask);
    if (::fchmod(fd, mode) != 0) fail("chmod");
    if (::fsync(fd) != 0) fail("fsync");
    if (::close(fd) != 0) {
        std::string reason = std::strerror(errno);
        ::unlink(pattern.c_str());
        throw std::runtime_error(fmt::format("{}: cannot write (close): {}", path, reason));
    }
    if (::rename(pattern.c_str(), target.c_str()) != 0) {
        std::string reason = std::strerror(errno);
        ::unlink(pattern.c_str());
        throw std::runtime_error(fmt::format("{}: cannot write (rename): {}", path, reason));
    }
}

bool same_file(const std::string& a, const std::string& b) {
    // "-" is standard input: the file it was redirected from, if any (`score - -o in.yaml < in.yaml`).
    auto identity = [](const std::string& path, struct stat& info) {
        return path == "-" ? ::fstat(STDIN_FILENO, &info) == 0 : ::stat(path.c_str(), &info) == 0;
    };
    struct stat first {}, second {};
    if (a == "-" && b == "-") return false;
    return identity(a, first) && identity(b, second) && S_ISREG(first.st_mode) && S_ISREG(second.st_mode) &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

}  // namespace pindex

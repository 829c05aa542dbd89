#include "pindex/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <stdexcept>

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
                             fmt::format("the input is larger than {} MiB; an answers file or rubric "
                                         "is a few kilobytes", limits::kMaxInputBytes / (1024 * 1024)));
    }
    return content;
}

}  // namespace

std::string read_input(const std::string& path) {
    if (path == "-") return read_all(STDIN_FILENO, path);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError({path, 0, 0}, fmt::format("cannot open: {}", std::strerror(errno)));
    struct stat info {};
    if (::fstat(fd, &info) == 0 && !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw InputError({path, 0, 0}, S_ISDIR(info.st_mode) ? "is a directory; expected a file"
                                                             : "is not a regular file");
    }
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
    std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
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
    if (a == "-" || b == "-") return false;
    std::error_code error;
    return std::filesystem::equivalent(a, b, error);
}

}  // namespace pindex

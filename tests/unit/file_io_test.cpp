#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "pindex/diagnostic.hpp"
#include "pindex/file_io.hpp"
#include "pindex/limits.hpp"

using namespace pindex;
namespace fs = std::filesystem;

namespace {
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "pindex-test-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path); }
};
std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
std::string input_error(const std::string& path) {
    try {
        read_input(path);
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}
}  // namespace

TEST_CASE("write_file_atomically replaces the file and leaves no temporary behind") {
    TempDir dir;
    fs::path target = dir.path / "report.json";
    write_file_atomically(target.string(), "first");
    write_file_atomically(target.string(), "second");
    CHECK(slurp(target) == "second");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a write that fails half-way leaves the old file untouched and no temporary behind") {
    TempDir dir;
    fs::path target = dir.path / "report.json";
    write_file_atomically(target.string(), "the old report");
    // A file-size limit makes the write fail after its first kilobyte, as a full disk would
    // (and, unlike a read-only directory, it holds for root too).
    rlimit old_limit{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
    rlimit small = old_limit;
    small.rlim_cur = 1024;
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the signal's exit
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string failure;
    try {
        write_file_atomically(target.string(), std::string(64 * 1024, 'x'));
    } catch (const std::exception& error) {
        failure = error.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    CHECK_THAT(failure, Catch::Contains("report.json: cannot write (write): File too large"));
    CHECK(slurp(target) == "the old report");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("an atomic write into a missing directory fails and creates nothing") {
    TempDir dir;
    fs::path target = dir.path / "missing-dir" / "report.json";
    CHECK_THROWS_WITH(write_file_atomically(target.string(), "x"), Catch::Contains("cannot write"));
    CHECK_FALSE(fs::exists(target));
}

TEST_CASE("read_input rejects missing files, directories and oversized files by name") {
    TempDir dir;
    CHECK_THAT(input_error((dir.path / "nope.yaml").string()), Catch::Contains("nope.yaml: error: cannot open: No such file"));
    CHECK_THAT(input_error(dir.path.string()), Catch::Contains("is a directory"));
    fs::path big = dir.path / "big.yaml";
    {
        std::ofstream out(big);
        out << std::string(limits::kMaxInputBytes + 1, 'a');
    }
    CHECK_THAT(input_error(big.string()), Catch::Contains("larger than 8 MiB"));
}

TEST_CASE("same_file recognises one file under two names") {
    TempDir dir;
    write_file_atomically((dir.path / "a").string(), "x");
    CHECK(same_file((dir.path / "a").string(), (dir.path / "." / "a").string()));
    CHECK_FALSE(same_file((dir.path / "a").string(), (dir.path / "b").string()));
    CHECK_FALSE(same_file("-", "-"));
    // "-" is the file standard input comes from: `score - -o in.yaml < in.yaml`.
    int saved = ::dup(STDIN_FILENO);
    int file = ::open((dir.path / "a").c_str(), O_RDONLY);
    REQUIRE(::dup2(file, STDIN_FILENO) == STDIN_FILENO);
    bool same = same_file((dir.path / "a").string(), "-"), other = same_file((dir.path / "b").string(), "-");
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    ::close(file);
    CHECK(same);
    CHECK_FALSE(other);
}

TEST_CASE("an atomic write keeps a file's permissions, a symbolic link, and a device node") {
    TempDir dir;
    fs::path target = dir.path / "answers.yaml";
    write_file_atomically(target.string(), "first");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);  // 0600: private answers
    write_file_atomically(target.string(), "second");
    CHECK(slurp(target) == "second");
    CHECK((fs::status(target).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    fs::path link = dir.path / "link.yaml";
    fs::create_symlink("answers.yaml", link);
    write_file_atomically(link.string(), "through the link");
    CHECK(fs::is_symlink(link));
    CHECK(slurp(target) == "through the link");

    fs::path device_link = dir.path / "null.txt";  // a link, so a regression replaces it, not /dev/null
    fs::create_symlink("/dev/null", device_link);
    write_file_atomically(device_link.string(), "discarded");
    CHECK(fs::is_symlink(device_link));
    CHECK(fs::is_character_file("/dev/null"));
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 3);  // no temporary left
}

TEST_CASE("a named FIFO is read like standard input, and one no program opens is an error, not a hang") {
    TempDir dir;
    fs::path fifo = dir.path / "answers.yaml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::ofstream out(fifo);  // blocks until pindex opens the FIFO for reading
        out << "rubric: x\n";
    });
    CHECK(read_input(fifo.string()) == "rubric: x\n");
    writer.join();

    auto started = std::chrono::steady_clock::now();
    try {
        read_input(fifo.string(), std::chrono::milliseconds(300));
        FAIL("read a FIFO no program wrote to");
    } catch (const InputError& error) {
        CHECK_THAT(error.what(), Catch::Contains("answers.yaml: error: is a FIFO that no program opened for writing within"));
    }
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(waited >= 0.3);
    CHECK(waited < 5);
}

TEST_CASE("a pipe given as /dev/fd/N is read to its end, and a device is refused") {
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    std::thread writer([&] {
        std::string text(200000, 'a');  // more than a pipe holds: read while it is written
        for (std::size_t at = 0; at < text.size();) at += static_cast<std::size_t>(::write(ends[1], text.data() + at, text.size() - at));
        ::close(ends[1]);
    });
    std::string read = read_input("/dev/fd/" + std::to_string(ends[0]), std::chrono::milliseconds(1));
    writer.join();
    ::close(ends[0]);
    CHECK(read.size() == 200000);  // no writer wait applies to a pipe whose writer exists already
    CHECK_THAT(input_error("/dev/null"), Catch::Contains("/dev/null: error: is not a regular file or a pipe"));
}

TEST_CASE("a save removes the temporary files of saves of the same file that were killed") {
    // The rule: .NAME.tmp-PID-XXXXXX is removed when process PID no longer runs.
    TempDir dir;
    fs::path target = dir.path / "answers.yaml";
    pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    REQUIRE(dead > 0);
    ::waitpid(dead, nullptr, 0);
    auto temporary = [&](const std::string& name) {
        std::ofstream(dir.path / name) << "half a file";
        return dir.path / name;
    };
    fs::path stale = temporary(".answers.yaml.tmp-" + std::to_string(dead) + "-a1b2c3");
    fs::path running = temporary(".answers.yaml.tmp-" + std::to_string(::getpid()) + "-d4e5f6");  // a save in progress
    fs::path other = temporary(".other.yaml.tmp-" + std::to_string(dead) + "-a1b2c3");            // another file's
    write_file_atomically(target.string(), "saved");
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(running));
    CHECK(fs::exists(other));
    CHECK(slurp(target) == "saved");
}

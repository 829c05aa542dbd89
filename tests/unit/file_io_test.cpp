#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>

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

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "pindex/file_lock.hpp"
#include "test_support.hpp"

using namespace pindex;
namespace fs = std::filesystem;

TEST_CASE("a file lock is held by one holder at a time, named in the refusal, and released at the end") {
    test::TempDir dir;
    fs::path file = dir.path / "answers.yaml";
    auto first = std::make_unique<FileLock>(file.string());
    CHECK(fs::exists(dir.path / ".answers.yaml.lock"));
    try {
        FileLock second(file.string());
        FAIL("a second lock was granted");
    } catch (const FileInUse& e) {
        CHECK_THAT(e.what(), Catch::Contains("answers.yaml is in use by another pindex survey (process " +
                                             std::to_string(::getpid()) + ")"));
    }
    // Another name of the same file shares its lock.
    fs::create_symlink(file, dir.path / "link.yaml");
    CHECK_THROWS_AS(FileLock((dir.path / "link.yaml").string()), FileInUse);
    first.reset();
    CHECK_FALSE(fs::exists(dir.path / ".answers.yaml.lock"));
    CHECK_NOTHROW(FileLock(file.string()));
}

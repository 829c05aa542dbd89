// Golden files: every report format of every example answers file, byte for byte, as a
// consultant would get it. Volatile fields (the tool's version) are normalized to @VERSION@.
// After an intended change, regenerate with PINDEX_UPDATE_GOLDEN=1 and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "pindex/report_formats.hpp"
#include "run_pindex.hpp"

using namespace pindex::e2e;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(PINDEX_SOURCE_DIR) / "tests" / "golden";

std::string tool_version() {
    std::string out = run_pindex({"--version"}).out;  // "pindex 0.1.0\n"
    return out.substr(out.find(' ') + 1, out.find('\n') - out.find(' ') - 1);
}

std::string normalized(std::string text, const std::string& version) {
    for (std::size_t at = text.find(version); at != std::string::npos; at = text.find(version, at))
        text.replace(at, version.size(), "@VERSION@");
    return text;
}

bool updating() {
    const char* update = std::getenv("PINDEX_UPDATE_GOLDEN");
    return update && *update;
}

}  // namespace

TEST_CASE("every report format of every example matches its golden file") {
    auto [example_name, thresholds] = GENERATE(table<std::string, std::vector<std::string>>({
        {"laggard", {}},
        {"typical", {"--fail-under", "49", "--fail-under-part", "know-me=5"}},
        {"leader", {"--fail-under", "72"}},
    }));
    // Every format pindex has, so a new one cannot be left without a golden file.
    pindex::ReportFormat format = GENERATE(from_range(pindex::report_formats()));
    // Run from the source directory with a relative path, so the report names the file the
    // same way on every machine.
    std::vector<std::string> args = {"score", "examples/" + example_name + ".yaml", "--format", std::string(format.name)};
    args.insert(args.end(), thresholds.begin(), thresholds.end());
    RunResult result = run_pindex(args, "", PINDEX_SOURCE_DIR);
    INFO(result.err);
    REQUIRE((result.exit_code == 0 || result.exit_code == 1));
    std::string actual = normalized(result.out, tool_version());
    fs::path golden = kGoldenDir / (example_name + std::string(format.extension));
    if (updating()) {
        fs::create_directories(kGoldenDir);
        std::ofstream(golden, std::ios::binary) << actual;
    }
    INFO("golden file " << golden.string() << " (regenerate: PINDEX_UPDATE_GOLDEN=1)");
    REQUIRE(fs::exists(golden));
    CHECK(actual == read_text(golden));
}

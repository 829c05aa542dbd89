// Golden files: every report format of every example answers file, byte for byte, as a
// consultant would get it. Volatile fields (the tool's version) are normalized to @VERSION@;
// the time a report was made is SOURCE_DATE_EPOCH's, as in a reproducible build.
// After an intended change, regenerate with PINDEX_UPDATE_GOLDEN=1 and review the diff.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

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

// 2026-11-23T00:00:00Z, for every pindex these tests run (children inherit the environment).
void fix_report_time() { setenv("SOURCE_DATE_EPOCH", "1795392000", 1); }

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
    // Every format pindex has, so a new one cannot be left without a golden file; the binary
    // workbook is checked by openpyxl (tests/check_reports.py) and for reproducibility below.
    pindex::ReportFormat format = GENERATE(filter([](const pindex::ReportFormat& f) { return f.name != "xlsx"; },
                                                  from_range(pindex::report_formats())));
    fix_report_time();
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

TEST_CASE("under SOURCE_DATE_EPOCH the workbook and the deck's charts are the same bytes on every run") {
    fix_report_time();
    TempDir dir;
    for (const char* run : {"first", "second"}) {
        fs::create_directories(dir.path / run);
        RunResult result = run_pindex({"score", example("typical.yaml"), "-o", (dir.path / run / "report.xlsx").string()});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        REQUIRE(run_pindex({"score", example("typical.yaml"), "-o", (dir.path / run / "deck.md").string()}).exit_code == 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // another second on the clock
    }
    for (const char* name : {"report.xlsx", "deck.md", "deck.gauge.svg", "deck.parts.svg", "deck.radar.svg"}) {
        INFO(name);
        CHECK(read_text(dir.path / "first" / name) == read_text(dir.path / "second" / name));
        CHECK(!read_text(dir.path / "first" / name).empty());
    }
}

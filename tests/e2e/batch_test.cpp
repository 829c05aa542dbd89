// pindex score FILE|DIR...: a summary row per file, as a consultancy scores many assessments.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_pindex.hpp"
#include "example_scores.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

// examples/*.yaml in a folder tree, with a hidden folder, an invalid and an incomplete file.
struct Assessments {
    TempDir dir;
    Assessments() {
        for (const char* name : {"laggard.yaml", "leader.yaml", "typical.yaml"})
            dir.file(name, read_text(example(name)));
        fs::create_directories(dir.path / "2027" / ".drafts");
        dir.file("2027/typical.yml", read_text(example("typical.yaml")));
        dir.file("2027/.drafts/draft.yaml", "not: scored\n");
        dir.file("2027/broken.yaml", "rubric: [\n");
        dir.file("2027/notes.txt", "not an answers file\n");
        dir.file("partial.json", R"({"rubric": "personalization-index", "answers": {"accountable-leader": "senior-leader"}})");
    }
    std::string path(const std::string& name) const { return (dir.path / name).string(); }
};

double single_file_index(const std::string& file) {
    RunResult result = run_pindex({"score", file, "--format", "json", "--allow-incomplete"});
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out)["index"];
}

}  // namespace

TEST_CASE("a directory gives a CSV row per valid file, names each invalid one, and exits 2") {
    Assessments assessments;
    RunResult result = run_pindex({"score", assessments.dir.path.string()});
    CHECK(result.exit_code == 2);
    std::vector<std::string> rows = split_lines(result.out);
    REQUIRE(rows.size() == 5);  // header; 2027/typical.yml, laggard, leader, typical (sorted)
    CHECK(rows[0] == "file,organization,respondent,date,index,complete,empower-me,know-me,reach-me,show-me,"
                     "delight-me,accountability\r");
    CHECK_THAT(rows[1], Catch::StartsWith(assessments.path("2027/typical.yml") + ",Contoso Outdoor"));
    CHECK_THAT(rows[1], Catch::Contains("," + index_text(kTypicalIndex) + ",true,"));
    CHECK_THAT(rows[1], Catch::Matches(".*,true,\\d+\\.\\d{4},.*\r"));  // part points to four decimals
    CHECK_THAT(rows[2], Catch::StartsWith(assessments.path("laggard.yaml")));
    CHECK_THAT(result.err, Catch::Contains(assessments.path("2027/broken.yaml") + ":2:1: error: invalid YAML"));
    CHECK_THAT(result.err, Catch::Contains(assessments.path("partial.json") + ": error: incomplete"));
    CHECK_THAT(result.err, Catch::Contains("pindex: 2 of 6 files were invalid"));
    CHECK_THAT(result.err, !Catch::Contains("draft.yaml"));  // hidden folders are skipped
}

TEST_CASE("JSON lines hold the same index as scoring each file alone, on one thread or two") {
    Assessments assessments;
    std::vector<std::string> args = {"score", assessments.dir.path.string(), "--format", "jsonl", "--allow-incomplete"};
    RunResult two = run_pindex([&] { auto a = args; a.insert(a.end(), {"-j", "2"}); return a; }());
    RunResult one = run_pindex([&] { auto a = args; a.insert(a.end(), {"-j", "1"}); return a; }());
    CHECK(two.exit_code == 2);  // the broken file
    CHECK(two.out == one.out);
    std::vector<std::string> lines = split_lines(two.out);
    REQUIRE(lines.size() == 5);
    for (const auto& line : lines) {
        auto row = nlohmann::json::parse(line);
        INFO(row["file"]);
        CHECK(row["index"] == single_file_index(row["file"]));
        double sum = 0;
        for (const auto& [id, points] : row["parts"].items()) sum += points.get<double>();
        CHECK(sum == Approx(row["index"].get<double>()).margin(0.05));
    }
}

TEST_CASE("several files: thresholds add a column and exit 1, and -o writes the summary") {
    TempDir dir;
    fs::path summary = dir.path / "summary.csv";
    RunResult result = run_pindex({"score", example("typical.yaml"), example("leader.yaml"), "--fail-under", "49",
                                   "-o", summary.string()});
    CHECK(result.exit_code == 1);
    std::vector<std::string> rows = split_lines(read_text(summary));
    REQUIRE(rows.size() == 3);
    CHECK_THAT(rows[0], Catch::EndsWith(",accountability,thresholds_passed\r"));
    CHECK_THAT(rows[1], Catch::EndsWith(",false\r"));  // typical, under 49
    CHECK_THAT(rows[2], Catch::EndsWith(",true\r"));   // leader, above 49
    // The log says which file missed which threshold, as one file's score does.
    CHECK(result.err == "Wrote " + summary.string() + "\npindex: threshold not met: " + example("typical.yaml") +
                            ": the index is " + index_text(kTypicalIndex) + ", below the required 49\n");
    RunResult all_pass = run_pindex({"score", example("typical.yaml"), example("leader.yaml"), "--fail-under", "30"});
    CHECK(all_pass.exit_code == 0);
    CHECK(all_pass.err.empty());
}

TEST_CASE("several files: report formats, --benchmarks and -o over an input are usage errors") {
    TempDir dir;
    fs::path copy = dir.file("typical.yaml", read_text(example("typical.yaml")));
    RunResult html = run_pindex({"score", example("typical.yaml"), example("leader.yaml"), "--format", "html"});
    CHECK(html.exit_code == 2);
    CHECK_THAT(html.err, Catch::Contains("as csv or jsonl"));
    RunResult over = run_pindex({"score", dir.path.string(), example("leader.yaml"), "--format", "jsonl",
                                 "-o", copy.string()});
    CHECK(over.exit_code == 2);
    CHECK_THAT(over.err, Catch::Contains("would overwrite"));
    CHECK(read_text(copy) == read_text(example("typical.yaml")));
    RunResult jobs = run_pindex({"score", dir.path.string(), "-j", "0"});
    CHECK(jobs.exit_code == 2);
}

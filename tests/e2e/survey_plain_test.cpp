// pindex survey in plain mode: whole answer streams through a pipe.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pindex/rubric.hpp"
#include "run_pindex.hpp"
#include "example_scores.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

std::string join_lines(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
    std::string text;
    for (std::size_t i = from; i < to && i < lines.size(); ++i) text += lines[i] + "\n";
    return text;
}

std::string typical_stream() { return typical_survey_text(); }

std::vector<std::string> survey_args(const fs::path& file) {
    std::vector<std::string> args = typical_survey_args(file);
    args.insert(args.begin() + 1, "--plain");
    return args;
}

}  // namespace

TEST_CASE("a survey's answers file scores exactly like the same answers written by hand") {
    TempDir dir;
    fs::path file = dir.path / "answers.yaml";
    RunResult result = run_pindex(survey_args(file), typical_stream());
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains(index_line(kTypicalIndex)));
    CHECK_THAT(result.out, Catch::Contains("What would raise the index most"));  // the top three moves
    CHECK_THAT(line_containing(result.out, "Accountability: Who is accountable for personalization"),
               Catch::Matches(" +\\+\\d+\\.\\d\\d  Accountability: Who is accountable for personalization.*"));
    CHECK_THAT(result.out, Catch::Contains("For a report to share: pindex score " + file.string() + " -o report.html"));
    auto surveyed = score_json(file), by_hand = score_json(example("typical.yaml"));
    CHECK(surveyed["index"] == by_hand["index"]);
    CHECK(parts_without_notes(surveyed) == parts_without_notes(by_hand));
    CHECK(surveyed["organization"] == by_hand["organization"]);
    // The last, optional prompt: yearly interactions, typed with thousands separators.
    CHECK(surveyed["advantage"]["yearly_interactions"] == 2000000);
    CHECK(by_hand["advantage"]["yearly_interactions"].is_null());
    std::string saved = read_text(file);
    CHECK_THAT(saved, Catch::Contains("finished: "));
    CHECK_THAT(saved, Catch::Contains("active_seconds: "));
}

TEST_CASE("plain mode prints numbered prompts without escape codes and asks metadata first") {
    TempDir dir;
    RunResult result = run_pindex({"survey", "-o", (dir.path / "a.yaml").string()}, "Acme\nAnn\n\n2\nq\n");
    CHECK(result.exit_code == 3);
    CHECK(result.out.find('\x1b') == std::string::npos);
    CHECK_THAT(result.out, Catch::Contains("About this assessment · 1/60"));
    CHECK_THAT(result.out, Catch::Contains("Empower me · 3/60"));  // the journey's own steps and channels
    CHECK_THAT(result.out, Catch::Contains("Empower me · 4/60"));
    CHECK_THAT(result.out, Catch::Contains("  4) Fully 1:1"));
    CHECK_THAT(result.err, Catch::Contains("Run 'pindex survey -o"));
}

TEST_CASE("invalid input gets a one-line hint and the same question again") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    RunResult result = run_pindex(survey_args(file), "\n7\nhello\n\n2\nq\n");
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.out, Catch::Contains("! Type a number from 1 to 4, or n for n/a (b back"));
    CHECK_THAT(result.out, Catch::Contains("  n) n/a: not used here: customers do not use this channel at this step"));
    CHECK_THAT(read_text(file), Catch::Contains("discover: {web: moderate}"));
}

TEST_CASE("stopping early saves a valid file that resumes where it stopped") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    std::vector<std::string> lines = typical_survey_lines();
    RunResult first = run_pindex(survey_args(file), join_lines(lines, 0, 20));
    CHECK(first.exit_code == 3);  // end of input: saved, not finished
    RunResult partial = run_pindex({"score", file.string(), "--allow-incomplete", "--format", "json"});
    CHECK(partial.exit_code == 0);
    CHECK(nlohmann::json::parse(partial.out)["completeness"]["complete"] == false);

    RunResult second = run_pindex(survey_args(file), join_lines(lines, 20, lines.size()));
    CHECK(second.exit_code == 0);
    CHECK_THAT(second.out, Catch::Contains("Empower me · 21/58"));
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("a finished survey file is never overwritten") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    REQUIRE(run_pindex(survey_args(file), typical_stream()).exit_code == 0);
    std::string before = read_text(file);
    RunResult again = run_pindex(survey_args(file), typical_stream());
    CHECK(again.exit_code == 2);
    CHECK_THAT(again.err, Catch::Contains("holds a survey finished on"));
    CHECK(read_text(file) == before);
}

TEST_CASE("a file that is not a valid answers file is left alone") {
    TempDir dir;
    fs::path file = dir.file("notes.yaml", "shopping: [milk, eggs]\n");
    RunResult result = run_pindex({"survey", "--plain", "-o", file.string()}, "1\n");
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("unknown key 'shopping'"));
    CHECK(read_text(file) == "shopping: [milk, eggs]\n");
}

TEST_CASE("skipping in plain mode ends the survey unfinished, with the skipped question open") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    std::vector<std::string> lines = typical_survey_lines();
    lines[37] = std::string(1, 's');  // cross-channel: after the custom-steps prompt and the 36 cells
    std::string stream = join_lines(lines, 0, lines.size());
    RunResult result = run_pindex(survey_args(file), stream);
    CHECK(result.exit_code == 3);
    RunResult strict = run_pindex({"score", file.string()});
    CHECK(strict.exit_code == 2);
    CHECK_THAT(strict.err, Catch::Contains("missing: cross-channel"));
}

TEST_CASE("a respondent can add their own journey step and channel, and rate them") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    std::string stream = "step Renewal call\nchannel WhatsApp\nstep\n\n";  // the third line gets a hint
    for (int cell = 0; cell < 7 * 7; ++cell) stream += "2\n";
    stream += "q\n";
    RunResult result = run_pindex(survey_args(file), stream);
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.out, Catch::Contains("Renewal call · WhatsApp"));
    CHECK_THAT(result.out, Catch::Contains("! Type 'step NAME' or 'channel NAME'"));
    std::string saved = read_text(file);
    CHECK_THAT(saved, Catch::Contains("- {id: renewal-call, label: Renewal call}"));
    CHECK_THAT(saved, Catch::Contains("- {id: whatsapp, label: WhatsApp}"));
    CHECK_THAT(saved, Catch::Contains("renewal-call: {web: moderate"));
    RunResult scored = run_pindex({"score", file.string(), "--allow-incomplete", "--format", "json"});
    REQUIRE(scored.exit_code == 0);
    // Every one of the 49 cells is "Moderately": the journey scores what that level scores.
    auto json = nlohmann::json::parse(scored.out);
    double moderately = pindex::default_rubric().find_question("journey")->find_level("moderate")->score;
    CHECK(json["parts"][0]["questions"][0]["score"].get<double>() == Approx(moderately));
    CHECK(json["parts"][0]["questions"][0]["answered"] == true);
}

TEST_CASE("the default answers file is pindex-answers.yaml in the current directory") {
    TempDir dir;
    RunResult result = run_pindex({"survey", "--plain", "--org", "A", "--respondent", "B"}, "\n2\nq\n", dir.path);
    CHECK(result.exit_code == 3);
    CHECK(fs::exists(dir.path / "pindex-answers.yaml"));
}

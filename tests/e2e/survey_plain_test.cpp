// pindex survey in plain mode: whole answer streams through a pipe. Plain input is a contract
// (docs/survey.md): one line per prompt, the journey one line per step.
#include <catch2/catch.hpp>

#include <fmt/format.h>
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

std::vector<std::string> survey_args(const fs::path& file) {
    std::vector<std::string> args = typical_survey_args(file);
    args.insert(args.begin() + 1, "--plain");
    return args;
}

// The typical answers with one line replaced (0: the own-steps prompt, 1-6: the journey's
// steps, 7: cross-channel, 8: digital relationships, ...).
std::string typical_with(std::size_t index, const std::string& line) {
    std::vector<std::string> lines = typical_survey_lines();
    lines.at(index) = line;
    return join_lines(lines, 0, lines.size());
}

}  // namespace

TEST_CASE("a survey's answers file scores exactly like the same answers written by hand") {
    TempDir dir;
    fs::path file = dir.path / "answers.yaml";
    RunResult result = run_pindex(survey_args(file), typical_survey_text());
    CHECK(result.exit_code == 0);
    // The ending answers the question: index, parts, benchmarks, three steps, the commands.
    CHECK_THAT(result.out, Catch::Contains(fmt::format("Personalization Index {} of 100", index_text(kTypicalIndex))));
    CHECK_THAT(result.out, Catch::Contains("Published benchmarks: Average company 49"));
    CHECK_THAT(result.out, Catch::Contains("The three steps that would raise it most:"));
    CHECK_THAT(line_containing(result.out, "  Accountability: "), Catch::Matches(" +\\+\\d+\\.\\d  Accountability: .*"));
    CHECK_THAT(result.out, Catch::Contains("\n  " + std::string(PINDEX_BINARY) + " score " + file.string() +
                                           " -o report.html\n"));
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

TEST_CASE("plain mode counts questions, asks the journey a step a line, and prints no escape codes") {
    TempDir dir;
    RunResult result = run_pindex({"survey", "-o", (dir.path / "a.yaml").string()}, "Acme\nAnn\n\n2 2 2 2 2 2\nq\n");
    CHECK(result.exit_code == 3);
    CHECK(result.out.find('\x1b') == std::string::npos);
    CHECK_THAT(result.out, Catch::Contains("21 questions, about"));
    CHECK_THAT(result.out, Catch::Contains("\nAbout this assessment · about"));
    CHECK_THAT(result.out, Catch::Contains("\nEmpower me · question 1 of 21 · about"));  // own steps
    CHECK_THAT(result.out, Catch::Contains("\nEmpower me · question 1 of 21 · step 1 of 6 · about"));
    CHECK_THAT(result.out, Catch::Contains("\nEmpower me · question 1 of 21 · step 2 of 6 · about"));
    CHECK_THAT(result.out, Catch::Contains("Levels: 1 Not at all; 2 Moderately; 3 Extensively; 4 Fully 1:1; n not used"));
    CHECK_THAT(result.out, Catch::Contains("Discover (ads, search, first visit): type 6 levels, one per channel"));
    // What is saved and how to go on, in the same count, the command on a line of its own.
    CHECK_THAT(result.err, Catch::Contains("a.yaml: 0 of 21 questions answered."));
    CHECK_THAT(result.err, Catch::Contains(" survey -o " + (dir.path / "a.yaml").string() + "\n"));
}

TEST_CASE("invalid input gets a one-line hint and the same question again, and nothing is echoed as accepted") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    RunResult result = run_pindex(survey_args(file), "\n7\n2 n n 3 n\nhello\n2 n n 3 n 1\nq\n");
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.out, Catch::Contains("! Type 6 levels, one per channel in this order: Website; Mobile app;"));
    CHECK_THAT(read_text(file),
               Catch::Contains("discover: {web: moderate, app: n/a, messaging: n/a, paid-media: extensive, "
                               "contact-center: n/a, in-person: none}"));
}

TEST_CASE("numbers are read as people type them, and a range is offered its middle") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    std::vector<std::string> lines = typical_survey_lines();
    lines[8] = "4-6";
    lines.insert(lines.begin() + 9, "40 %");  // digital relationships
    lines[19] = "6 weeks";                      // idea to launch, one line later now
    lines.back() = "5 million";
    RunResult result = run_pindex(survey_args(file), join_lines(lines, 0, lines.size()));
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("! Type one number: for a range such as 4-6, its middle is 5%."));
    std::string saved = read_text(file);
    CHECK_THAT(saved, Catch::Contains("digital-relationships: 40\n"));
    CHECK_THAT(saved, Catch::Contains("idea-to-launch: 6\n"));
    CHECK_THAT(saved, Catch::Contains("yearly_interactions: 5000000\n"));
}

TEST_CASE("stopping early saves a valid file that resumes where it stopped, with the time for what is left") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    std::vector<std::string> lines = typical_survey_lines();
    RunResult first = run_pindex(survey_args(file), join_lines(lines, 0, 10));
    CHECK(first.exit_code == 3);  // end of input: saved, not finished
    CHECK_THAT(first.err, Catch::Contains("4 of 21 questions answered"));
    RunResult partial = run_pindex({"score", file.string(), "--allow-incomplete", "--format", "json"});
    CHECK(partial.exit_code == 0);
    CHECK(nlohmann::json::parse(partial.out)["completeness"]["complete"] == false);

    RunResult second = run_pindex(survey_args(file), join_lines(lines, 10, lines.size()));
    CHECK(second.exit_code == 0);
    CHECK_THAT(second.out, Catch::Contains("Resuming " + file.string() + ": 17 of 21 questions still open, about"));
    CHECK_THAT(second.out, Catch::Contains("\nKnow me · question 5 of 21 · about"));
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("a finished survey file is never overwritten") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    REQUIRE(run_pindex(survey_args(file), typical_survey_text()).exit_code == 0);
    std::string before = read_text(file);
    RunResult again = run_pindex(survey_args(file), typical_survey_text());
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
    RunResult result = run_pindex(survey_args(file), typical_with(7, "s"));  // cross-channel
    CHECK(result.exit_code == 3);
    RunResult strict = run_pindex({"score", file.string()});
    CHECK(strict.exit_code == 2);
    CHECK_THAT(strict.err, Catch::Contains("missing: cross-channel"));
}

TEST_CASE("a respondent can add their own journey step and channel, remove one, and rate them") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    // The third line gets a hint; Fax is added by mistake and removed.
    std::string stream = "step Renewal call\nchannel WhatsApp\nstep\nchannel Fax\nremove fax\n\n";
    for (int row = 0; row < 7; ++row) stream += "2 2 2 2 2 2 2\n";
    stream += "q\n";
    RunResult result = run_pindex(survey_args(file), stream);
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.out, Catch::Contains("Renewal call: type 7 levels, one per channel"));
    CHECK_THAT(result.out, Catch::Contains("7. WhatsApp"));
    CHECK_THAT(result.out, Catch::Contains("! Type 'step NAME' or 'channel NAME' to add one, 'remove NAME' to remove"));
    std::string saved = read_text(file);
    CHECK_THAT(saved, Catch::Contains("- {id: renewal-call, label: Renewal call}"));
    CHECK_THAT(saved, Catch::Contains("- {id: whatsapp, label: WhatsApp}"));
    CHECK_THAT(saved, !Catch::Contains("Fax"));
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
    CHECK_THAT(result.err, Catch::EndsWith(" survey\n"));  // the default file needs no -o to go on
}

TEST_CASE("under LANG=C the survey writes ASCII only") {
    TempDir dir;
    RunResult result = run_program("env", {"LANG=C", "LC_ALL=", "LC_CTYPE=", PINDEX_BINARY, "survey", "--plain", "-o",
                                           (dir.path / "a.yaml").string(), "--org", "Zürich AG", "--respondent", "B"},
                                   "\n2 n n 3 n 1\nq\n");
    CHECK(result.exit_code == 3);
    for (const std::string* text : {&result.out, &result.err})
        CHECK(std::none_of(text->begin(), text->end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    CHECK_THAT(result.out, Catch::Contains("Empower me - question 1 of 21 - step 1 of 6 - about"));
    // The file keeps the UTF-8 it was given.
    CHECK_THAT(read_text(dir.path / "a.yaml"), Catch::Contains("organization: Zürich AG"));
}

TEST_CASE("text the loader would refuse is refused as it is typed or passed, so the saved file always loads") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    RunResult typed = run_pindex({"survey", "--plain", "-o", file.string()}, "Caf\xe9\nCafe\nAnn\nq\n");
    CHECK(typed.exit_code == 3);
    CHECK_THAT(typed.out, Catch::Contains("! Type text in UTF-8"));
    CHECK_THAT(read_text(file), Catch::Contains("organization: Cafe"));
    CHECK(run_pindex({"validate", file.string(), "--allow-incomplete"}).exit_code == 0);

    for (const std::string& organization : {std::string("Acme\x1b[31m"), std::string("Caf\xe9"), std::string(70000, 'a')}) {
        fs::path other = dir.path / "b.yaml";
        RunResult passed = run_pindex({"survey", "--plain", "-o", other.string(), "--org", organization}, "q\n");
        CHECK(passed.exit_code == 2);
        CHECK_THAT(passed.err, Catch::StartsWith("pindex: error: --org: Type "));
        CHECK_FALSE(fs::exists(other));
    }
}

// One rule for every command that writes a file (docs/cli.md#files-written): an existing file that
// holds something is replaced only with --force, and a refusal writes nothing at all.
#include <catch2/catch.hpp>

#include <functional>
#include <set>

#include "run_pindex.hpp"

using namespace pindex::e2e;
namespace fs = std::filesystem;

namespace {

// A command that writes the file `out`: its arguments, and the name the file gets.
struct Writer {
    std::string what;
    std::string file_name;
    std::function<std::vector<std::string>(const std::string& out)> args;
};

std::vector<Writer> writers() {
    std::string typical = example("typical.yaml"), leader = example("leader.yaml");
    return {
        {"score -o", "report.json", [=](auto out) { return std::vector<std::string>{"score", typical, "-o", out}; }},
        {"score -o, a deck", "deck.md", [=](auto out) { return std::vector<std::string>{"score", typical, "-o", out}; }},
        {"score FILE... -o", "summary.csv",
         [=](auto out) { return std::vector<std::string>{"score", typical, leader, "-o", out}; }},
        {"compare -o", "change.json",
         [=](auto out) { return std::vector<std::string>{"compare", typical, leader, "-o", out}; }},
        {"plan -o", "plan.json",
         [=](auto out) { return std::vector<std::string>{"plan", typical, "--target", "49", "-o", out}; }},
        {"plan --answers-out", "after.yaml",
         [=](auto out) { return std::vector<std::string>{"plan", typical, "--target", "49", "--answers-out", out}; }},
        {"aggregate -o", "company.yaml",
         [=](auto out) { return std::vector<std::string>{"aggregate", typical, leader, "-o", out}; }},
        {"benchmark build -o", "peers.json",
         [=](auto out) { return std::vector<std::string>{"benchmark", "build", typical, leader, "-o", out}; }},
        {"template -o", "answers.yaml", [](auto out) { return std::vector<std::string>{"template", "-o", out}; }},
        {"rubric export -o", "rubric.yaml",
         [](auto out) { return std::vector<std::string>{"rubric", "export", "-o", out}; }},
    };
}

std::vector<std::string> with_force(std::vector<std::string> args) {
    args.push_back("--force");
    return args;
}

std::set<std::string> names_in(const fs::path& directory) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) names.insert(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("every command that writes a file refuses to replace one that holds something, unless --force") {
    for (const auto& writer : writers()) {
        INFO(writer.what);
        TempDir dir;
        fs::path out = dir.file(writer.file_name, "keep me\n");
        RunResult refused = run_pindex(writer.args(out.string()));
        CHECK(refused.exit_code == 2);
        CHECK(refused.err == "pindex: error: " + out.string() + " already exists; pass --force to replace it\n");
        CHECK(read_text(out) == "keep me\n");
        CHECK(names_in(dir.path) == std::set<std::string>{writer.file_name});  // nothing else written, no temporary

        RunResult forced = run_pindex(with_force(writer.args(out.string())));
        INFO(forced.err);
        CHECK(forced.exit_code == 0);
        CHECK(read_text(out) != "keep me\n");
        CHECK_FALSE(read_text(out).empty());
    }
}

TEST_CASE("every command that writes a file writes a new one, or an empty one, without --force") {
    for (const auto& writer : writers()) {
        INFO(writer.what);
        TempDir dir;
        fs::path fresh = dir.path / writer.file_name;
        RunResult created = run_pindex(writer.args(fresh.string()));
        INFO(created.err);
        CHECK(created.exit_code == 0);
        CHECK_FALSE(read_text(fresh).empty());

        // An empty file holds nothing to lose: `out=$(mktemp) && pindex ... -o "$out"` works.
        fs::path empty = dir.file("empty-" + writer.file_name, "");
        RunResult filled = run_pindex(writer.args(empty.string()));
        INFO(filled.err);
        CHECK(filled.exit_code == 0);
        CHECK_FALSE(read_text(empty).empty());
    }
}

TEST_CASE("every command that writes a file names it on stderr, and says nothing of standard output") {
    for (const auto& writer : writers()) {
        INFO(writer.what);
        TempDir dir;
        fs::path out = dir.path / writer.file_name;
        RunResult written = run_pindex(writer.args(out.string()));
        CHECK(written.exit_code == 0);
        CHECK_THAT(written.err, Catch::Contains("Wrote " + out.string()));
        if (writer.what == "plan --answers-out") continue;  // the answers after the plan never go to stdout
        RunResult to_stdout = run_pindex(writer.args("-"));
        CHECK(to_stdout.exit_code == 0);
        CHECK_THAT(to_stdout.err, !Catch::Contains("Wrote"));
    }
    // A device is written into, not made: not announced either.
    RunResult device = run_pindex({"score", example("typical.yaml"), "-o", "/dev/null"});
    CHECK(device.exit_code == 0);
    CHECK(device.err.empty());
    // Every file of one run on one line: a deck with its charts, a plan with its answers file.
    TempDir dir;
    std::string deck = (dir.path / "deck.md").string(), stem = (dir.path / "deck.").string();
    CHECK(run_pindex({"score", example("typical.yaml"), "-o", deck}).err ==
          "Wrote " + deck + ", " + stem + "gauge.svg, " + stem + "parts.svg and " + stem + "radar.svg\n");
    std::string plan = (dir.path / "plan.json").string(), after = (dir.path / "after.yaml").string();
    CHECK(run_pindex({"plan", example("typical.yaml"), "--target", "49", "-o", plan, "--answers-out", after}).err ==
          "Wrote " + plan + " and " + after + "\n");
}

TEST_CASE("a deck is not written when one of its chart files would be replaced") {
    TempDir dir;
    fs::path chart = dir.file("deck.radar.svg", "my own radar\n");
    RunResult refused = run_pindex({"score", example("typical.yaml"), "-o", (dir.path / "deck.md").string()});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains(chart.string() + " already exists; pass --force"));
    CHECK(names_in(dir.path) == std::set<std::string>{"deck.radar.svg"});
    CHECK(read_text(chart) == "my own radar\n");
}

TEST_CASE("plan writes neither -o nor --answers-out when one of them would be replaced") {
    TempDir dir;
    fs::path after = dir.file("after.yaml", "keep me\n");
    fs::path plan = dir.path / "plan.json";
    RunResult refused = run_pindex(
        {"plan", example("typical.yaml"), "--target", "49", "-o", plan.string(), "--answers-out", after.string()});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains(after.string() + " already exists"));
    CHECK_FALSE(fs::exists(plan));
    CHECK(read_text(after) == "keep me\n");
}

TEST_CASE("the survey replaces no file: it refuses one that is not its own unfinished answers") {
    TempDir dir;
    fs::path notes = dir.file("notes.yaml", "keep me\n");
    RunResult refused = run_pindex({"survey", "--plain", "-o", notes.string(), "--org", "Acme", "--respondent", "Ann"},
                                   typical_survey_text());
    CHECK(refused.exit_code == 2);
    CHECK(read_text(notes) == "keep me\n");

    fs::path answers = dir.path / "answers.yaml";
    REQUIRE(run_pindex(typical_survey_args(answers), typical_survey_text()).exit_code == 0);
    std::string finished = read_text(answers);
    RunResult again = run_pindex(typical_survey_args(answers), typical_survey_text());
    CHECK(again.exit_code == 2);
    CHECK_THAT(again.err, Catch::Contains("holds a survey finished on"));
    CHECK(read_text(answers) == finished);
    CHECK(names_in(dir.path) == std::set<std::string>{"notes.yaml", "answers.yaml"});
}

// pindex plan, as a team (or a CI job) runs it: the plan, its files, its exit codes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "example_scores.hpp"
#include "run_pindex.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

// The typical example's two Accountability steps: a named director (0.25) to a senior leader
// (0.5), then to one with P&L responsibility and a mandate (1), on a part worth 10 points.
constexpr double kTypicalAfterTwoSteps = kTypicalIndex + 7.5;

// Missing most answers: with them counted as 0 and given no step, 100 is out of reach.
const char* const kIncomplete = "rubric: personalization-index\nanswers:\n  cross-channel: isolated\n"
                                "  accountable-leader: nobody\n";

std::size_t files_in(const fs::path& directory) {
    return std::size_t(std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("plan prints the fewest steps to the target and exits 0") {
    RunResult result = run_pindex({"plan", example("typical.yaml"), "--target", "49"});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK_THAT(result.out, Catch::StartsWith("Personalization Index plan: " + index_text(kTypicalIndex) + " -> " +
                                             index_text(kTypicalAfterTwoSteps)));
    CHECK_THAT(result.out, Catch::Contains("Target 49: 2 steps reach " + index_text(kTypicalAfterTwoSteps) +
                                           ". No plan of fewer steps reaches 49"));
    CHECK_THAT(result.out, Catch::Contains("+2.50  Accountability: Who is accountable for personalization"));
    CHECK_THAT(result.out, Catch::Contains("Order: pindex's convention"));
}

TEST_CASE("rescoring --answers-out reaches the target for every example at 49 and 72") {
    TempDir dir;
    for (const char* name : {"laggard.yaml", "typical.yaml", "leader.yaml"})
        for (const char* target : {"49", "72", "average", "top-decile"}) {
            INFO(name << " --target " << target);
            fs::path after = dir.path / (std::string("after-") + target + "-" + name);
            RunResult plan = run_pindex({"plan", example(name), "--target", target, "--waves", "3", "--format",
                                         "json", "--answers-out", after.string()});
            REQUIRE(plan.exit_code == 0);
            auto json = nlohmann::json::parse(plan.out);
            CHECK(json["reached"] == true);
            double goal = json["goal"]["target"];
            RunResult score = run_pindex({"score", after.string(), "--format", "json"});
            REQUIRE(score.exit_code == 0);
            auto report = nlohmann::json::parse(score.out);
            CHECK(report["index"].get<double>() >= goal);
            CHECK(report["index"] == json["index_after"]);
            CHECK(report["organization"] == nlohmann::json::parse(run_pindex({"score", example(name), "--format",
                                                                              "json"}).out)["organization"]);
            // What `pindex plan` on the result says: nothing left to do.
            RunResult again = run_pindex({"plan", after.string(), "--target", target, "--format", "json"});
            CHECK(nlohmann::json::parse(again.out)["step_count"] == 0);
        }
}

TEST_CASE("an unreachable target exits 1, says the highest index reachable, and still writes both files") {
    TempDir dir;
    fs::path answers = dir.file("part.yaml", kIncomplete);
    fs::path plan = dir.path / "plan.json", after = dir.path / "after.yaml";
    RunResult result = run_pindex({"plan", answers.string(), "--target", "100", "--allow-incomplete", "-o",
                                   plan.string(), "--answers-out", after.string()});
    CHECK(result.exit_code == 1);
    auto json = nlohmann::json::parse(read_text(plan));
    CHECK(json["reached"] == false);
    double highest = json["highest"]["index"];
    CHECK(highest < 100);
    CHECK(json["index_after"] == highest);
    char highest_text[16];
    std::snprintf(highest_text, sizeof highest_text, "%.1f", highest);
    CHECK_THAT(result.err, Catch::Contains(std::string("pindex: target 100 cannot be reached: the highest index any "
                                                       "plan reaches is ") + highest_text));
    CHECK_THAT(json["summary"][1].get<std::string>(), Catch::StartsWith("Target 100 cannot be reached"));
    RunResult score = run_pindex({"score", after.string(), "--allow-incomplete", "--format", "json"});
    REQUIRE(score.exit_code == 0);
    CHECK(nlohmann::json::parse(score.out)["index"] == highest);
}

TEST_CASE("an incomplete file exits 2 unless --allow-incomplete, as score does") {
    TempDir dir;
    fs::path answers = dir.file("part.yaml", kIncomplete);
    RunResult result = run_pindex({"plan", answers.string(), "--target", "49"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("part.yaml: error: incomplete:"));
    CHECK_THAT(result.err, Catch::Contains("--allow-incomplete to plan with missing answers counted as 0"));
    CHECK(result.out.empty());
    RunResult allowed = run_pindex({"plan", answers.string(), "--target", "10", "--allow-incomplete"});
    CHECK(allowed.exit_code == 0);
    CHECK_THAT(allowed.out, Catch::Contains("Missing today, so counted as 0 and given no step"));
}

TEST_CASE("plan --budget gives the highest index K steps reach") {
    RunResult result = run_pindex({"plan", example("typical.yaml"), "--budget", "2", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    auto json = nlohmann::json::parse(result.out);
    CHECK(json["goal"]["budget"] == 2);
    CHECK(json["goal"]["target"].is_null());
    CHECK(json["step_count"] == 2);
    CHECK(json["index_after"] == kTypicalAfterTwoSteps);
    CHECK(json["counts"] == "steps");
    RunResult all = run_pindex({"plan", example("typical.yaml"), "--budget", "1000", "--format", "json"});
    CHECK(all.exit_code == 0);
    CHECK(nlohmann::json::parse(all.out)["summary"][1] ==
          "Budget of 1000 steps: 102 steps reach 100.0, the highest index any plan reaches; the rest of the budget "
          "is not needed.");
}

TEST_CASE("plan --waves cuts the plan into waves, each with the index it reaches") {
    RunResult result = run_pindex({"plan", example("typical.yaml"), "--target", "72", "--waves", "3", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    auto json = nlohmann::json::parse(result.out);
    REQUIRE(json["waves"].size() == 3);
    std::size_t steps = 0;
    double index = json["index_before"];
    for (const auto& wave : json["waves"]) {
        steps += wave["steps"].size();
        CHECK(wave["index"].get<double>() > index);
        index = wave["index"];
    }
    CHECK(steps == json["step_count"]);
    CHECK(index == json["index_after"]);
    RunResult text = run_pindex({"plan", example("typical.yaml"), "--target", "72", "--waves", "3"});
    CHECK_THAT(text.out, Catch::Contains("Wave 1 of 3: "));
    CHECK_THAT(text.out, Catch::Contains("Wave 3 of 3: "));
}

TEST_CASE("plan steps in JSON have the shape of the report's moves, plus their effort") {
    auto plan = nlohmann::json::parse(
        run_pindex({"plan", example("typical.yaml"), "--target", "72", "--format", "json"}).out);
    auto report = nlohmann::json::parse(run_pindex({"score", example("typical.yaml"), "--format", "json"}).out);
    const auto& step = plan["waves"][0]["steps"][0];
    const auto& move = report["moves"][0];  // both: naming a senior leader
    for (const auto& [key, value] : move.items()) {
        INFO(key);
        CHECK(step.contains(key));
        if (key != "gain") CHECK(step[key] == value);
    }
    CHECK(step["effort"] == 1);
    CHECK(step.size() == move.size() + 1);
}

TEST_CASE("plan reads standard input and takes the benchmark's label as the target's name") {
    RunResult result = run_pindex({"plan", "-", "--target", "top-decile"}, read_text(example("typical.yaml")));
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("Target 72 (Top-decile average):"));
    CHECK_THAT(result.out, Catch::Contains("Contoso Outdoor (example typical company), -, answered 2026-10-12"));
}

TEST_CASE("the extension of -o picks the plan's format unless --format says otherwise") {
    TempDir dir;
    for (const char* name : {"p.json", "p.md", "p.html", "p.txt"})
        REQUIRE(run_pindex({"plan", example("typical.yaml"), "--target", "72", "-o", (dir.path / name).string()})
                    .exit_code == 0);
    CHECK(nlohmann::json::parse(read_text(dir.path / "p.json"))["kind"] == "plan");
    CHECK_THAT(read_text(dir.path / "p.md"), Catch::StartsWith("---\nmarp: true"));
    CHECK_THAT(read_text(dir.path / "p.html"), Catch::StartsWith("<!DOCTYPE html>"));
    CHECK_THAT(read_text(dir.path / "p.txt"), Catch::StartsWith("Personalization Index plan: " + index_text(kTypicalIndex)));
    REQUIRE(run_pindex({"plan", example("typical.yaml"), "--target", "72", "--format", "json", "-o",
                        (dir.path / "x.md").string()}).exit_code == 0);
    CHECK(nlohmann::json::parse(read_text(dir.path / "x.md"))["kind"] == "plan");
}

TEST_CASE("a plan written over an existing file keeps its permissions") {
    TempDir dir;
    fs::path plan = dir.file("plan.txt", "old\n");
    fs::permissions(plan, fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE(run_pindex({"plan", example("typical.yaml"), "--target", "49", "-o", plan.string(), "--force"}).exit_code == 0);
    CHECK_THAT(read_text(plan), Catch::StartsWith("Personalization Index plan"));
    CHECK(fs::status(plan).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("bad goals, options and inputs exit 2 and write nothing") {
    TempDir dir;
    fs::path answers = dir.file("a.yaml", read_text(example("typical.yaml")));
    fs::path bad = dir.file("bad.yaml", "rubric: personalization-index\nanswers:\n  tailoring: bespoke\n");
    std::string out = (dir.path / "plan.json").string(), after = (dir.path / "after.yaml").string();
    struct Case {
        std::vector<std::string> args;
        std::string error;
    };
    std::vector<Case> cases = {
        {{"--target", "101"}, "--target: the target must lie in [0, 100], got 101"},
        {{"--target", "best"}, "--target: 'best' is neither a number from 0 to 100 nor a benchmark of the rubric "
                               "(average, top-decile-average)"},
        {{}, "give either --target N or --budget K"},
        {{"--target", "49", "--budget", "3"}, "give either --target N or --budget K"},
        {{"--budget", "-1"}, "--budget"},
        {{"--target", "49", "--waves", "0"}, "--waves"},
        {{"--target", "49", "--format", "pdf"}, "pdf"},
        {{"--target", "49", "--answers-out", "-"}, "--answers-out needs a file: standard output carries the plan"},
        {{"--target", "49", "-o", answers.string()}, "-o " + answers.string() + " would overwrite " +
                                                         answers.string() + ", the answers file being planned"},
        {{"--target", "49", "--answers-out", answers.string()},
         "--answers-out " + answers.string() + " would overwrite " + answers.string()},
        {{"--target", "49", "-o", out, "--answers-out", out}, "-o and --answers-out name the same file"},
    };
    std::string original = read_text(answers);
    for (const auto& c : cases) {
        std::vector<std::string> args = {"plan", answers.string()};
        args.insert(args.end(), c.args.begin(), c.args.end());
        auto names = [&](const char* option) { return std::find(c.args.begin(), c.args.end(), option) != c.args.end(); };
        if (!names("-o")) args.insert(args.end(), {"-o", out});
        if (!names("--answers-out")) args.insert(args.end(), {"--answers-out", after});
        INFO(c.error);
        RunResult result = run_pindex(args);
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains(c.error));
        CHECK(result.out.empty());
    }
    CHECK(read_text(answers) == original);
    RunResult invalid = run_pindex({"plan", bad.string(), "--target", "49", "-o", out, "--answers-out", after});
    CHECK(invalid.exit_code == 2);
    CHECK_THAT(invalid.err, Catch::StartsWith(bad.string() + ":3:14: error: unknown option 'bespoke'"));
    RunResult missing = run_pindex({"plan", (dir.path / "nope.yaml").string(), "--target", "49"});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("nope.yaml: error: cannot open"));
    CHECK(files_in(dir.path) == 2);  // a.yaml and bad.yaml alone
}

// The command line itself: help, version, usage errors and their exit codes.
#include <catch2/catch.hpp>

#include "run_pindex.hpp"
#include "example_scores.hpp"
#include "pindex/text.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

TEST_CASE("pindex --version and --help exit 0") {
    RunResult version = run_pindex({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("pindex "));
    RunResult help = run_pindex({"--help"});
    CHECK(help.exit_code == 0);
    for (const char* command : {"score", "validate", "template", "rubric"}) CHECK_THAT(help.out, Catch::Contains(command));
}

TEST_CASE("every command has --help with an example") {
    for (std::vector<std::string> args : {std::vector<std::string>{"score", "--help"}, {"validate", "--help"},
                                          {"template", "--help"}, {"rubric", "show", "--help"},
                                          {"rubric", "export", "--help"}}) {
        RunResult result = run_pindex(args);
        INFO(args[0]);
        CHECK(result.exit_code == 0);
        CHECK_THAT(result.out, Catch::Contains("Example"));
    }
}

TEST_CASE("usage errors exit 2 with a hint") {
    RunResult none = run_pindex({});
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Catch::Contains("pindex --help"));
    RunResult unknown_option = run_pindex({"score", example("typical.yaml"), "--frobnicate"});
    CHECK(unknown_option.exit_code == 2);
    CHECK_THAT(unknown_option.err, Catch::StartsWith("pindex: error:"));
}

TEST_CASE("a mistyped command gets a suggestion") {
    RunResult result = run_pindex({"scroe", example("typical.yaml")});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("did you mean 'score'?"));
}

TEST_CASE("an option given an empty value is a usage error, never the option left out") {
    // `--fail-under "$MIN"` with MIN unset must not pass a build with no gate.
    const std::string typical = example("typical.yaml");
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"score", typical, "--fail-under", ""}, "--fail-under needs a value, got an empty one"},
        {{"score", typical, "--fail-under-part", ""}, "--fail-under-part needs a value, got an empty one"},
        {{"score", typical, "--rubric", ""}, "--rubric needs a file name, got an empty one"},
        {{"score", typical, "--benchmarks", ""}, "--benchmarks needs a file name, got an empty one"},
        {{"compare", typical, typical, "--fail-if-drop", ""}, "--fail-if-drop needs a value, got an empty one"},
        {{"plan", typical, "--target", ""}, "--target needs a value, got an empty one"},
        {{"survey", "--plain", "--org", ""}, "--org needs a value, got an empty one"},
    };
    for (const auto& [args, message] : cases) {
        INFO(pindex::join(args, " "));
        RunResult result = run_pindex(args);
        CHECK(result.exit_code == 2);
        CHECK(result.err == "pindex: error: " + message + "\n");
        CHECK(result.out.empty());
    }
}

TEST_CASE("an environment setting is read by its own command only, trimmed, and named when it is wrong") {
    auto with_env = [](const std::string& setting, std::vector<std::string> args) {
        args.insert(args.begin(), {setting, PINDEX_BINARY});
        return run_program("env", args);
    };
    // Another command's setting does not concern this one.
    CHECK(with_env("PINDEX_FAIL_UNDER=abc", {"rubric", "show"}).exit_code == 0);
    CHECK(with_env("PINDEX_FAIL_IF_DROP=abc", {"score", example("typical.yaml")}).exit_code == 0);
    // A value pasted with a space or a newline around it.
    CHECK(with_env("PINDEX_FAIL_UNDER= 49\n", {"score", example("typical.yaml")}).exit_code == 1);
    CHECK(with_env("PINDEX_FAIL_UNDER=44.9 ", {"score", example("typical.yaml")}).exit_code == 0);
    // A wrong value names the variable, since no command line shows it.
    RunResult wrong = with_env("PINDEX_FAIL_UNDER=abc", {"score", example("typical.yaml")});
    CHECK(wrong.exit_code == 2);
    CHECK_THAT(wrong.err, Catch::Contains("(from the environment: PINDEX_FAIL_UNDER=abc)"));
    RunResult jobs = with_env("PINDEX_JOBS=many", {"score", example("typical.yaml"), example("leader.yaml")});
    CHECK(jobs.exit_code == 2);
    CHECK_THAT(jobs.err, Catch::Contains("(from the environment: PINDEX_JOBS=many)"));
    // ...but not when the value refused is the one typed.
    RunResult typed = with_env("PINDEX_FAIL_UNDER=abc", {"score", example("typical.yaml"), "--fail-under", "x"});
    CHECK(typed.exit_code == 2);
    CHECK_THAT(typed.err, !Catch::Contains("from the environment"));
    // Whitespace alone is no value.
    RunResult blank = with_env("PINDEX_FAIL_UNDER= ", {"score", example("typical.yaml")});
    CHECK(blank.exit_code == 2);
    CHECK_THAT(blank.err, Catch::Contains("--fail-under needs a value, got an empty one"));
}

TEST_CASE("CI settings come from the environment, and a flag on the command line wins") {
    auto with_env = [](const std::string& setting, std::vector<std::string> args) {
        args.insert(args.begin(), {setting, PINDEX_BINARY});
        return run_program("env", args);
    };
    CHECK(with_env("PINDEX_FAIL_UNDER=49", {"score", example("typical.yaml")}).exit_code == 1);
    CHECK(with_env("PINDEX_FAIL_UNDER=49", {"score", example("typical.yaml"), "--fail-under", "30"}).exit_code == 0);
    CHECK(with_env("PINDEX_FAIL_UNDER=30", {"score", example("typical.yaml")}).exit_code == 0);
    RunResult rubric = with_env("PINDEX_RUBRIC=/nonexistent/rubric.yaml", {"score", example("typical.yaml")});
    CHECK(rubric.exit_code == 2);
    CHECK_THAT(rubric.err, Catch::Contains("/nonexistent/rubric.yaml"));
    TempDir dir;
    fs::path later = dir.file("later.yaml", [] {
        std::string text = read_text(example("typical.yaml"));
        std::string from = "accountable-leader: manager-or-director";
        return text.replace(text.find(from), from.size(), "accountable-leader: nobody");
    }());
    CHECK(with_env("PINDEX_FAIL_IF_DROP=1", {"compare", example("typical.yaml"), later.string()}).exit_code == 1);
}

TEST_CASE("colour: --color always|never|auto, PINDEX_COLOR and NO_COLOR") {
    std::vector<std::string> score = {"score", example("typical.yaml"), "--fail-under", "49", "--fail-under-part",
                                      "know-me=5"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = score;
        args.insert(args.end(), extra.begin(), extra.end());
        return run_pindex(args);
    };
    RunResult always = with({"--color", "always"});
    CHECK(always.exit_code == 1);
    CHECK_THAT(always.out, Catch::StartsWith("\x1b[1m" + index_line(kTypicalIndex) + "\x1b[0m\n"));
    CHECK_THAT(always.out, Catch::Contains("  \x1b[31mFAIL\x1b[0m   index >= 49: " + index_text(kTypicalIndex)));
    CHECK_THAT(line_containing(always.out, "know-me >= 5"), Catch::Matches("  \x1b\\[32mpass\x1b\\[0m   know-me >= 5: \\d+\\.\\d"));
    CHECK(with({"--color", "never"}).out.find('\x1b') == std::string::npos);
    CHECK(with({}).out.find('\x1b') == std::string::npos);  // auto, and stdout is a file here
    // An explicit choice wins over NO_COLOR (https://no-color.org); the flag over PINDEX_COLOR.
    auto env = [&](const std::string& setting, std::vector<std::string> extra) {
        std::vector<std::string> args = {setting, PINDEX_BINARY};
        args.insert(args.end(), score.begin(), score.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return run_program("env", args);
    };
    CHECK(env("NO_COLOR=1", {"--color", "always"}).out.find('\x1b') != std::string::npos);
    CHECK(env("PINDEX_COLOR=always", {}).out.find('\x1b') != std::string::npos);
    CHECK(env("PINDEX_COLOR=always", {"--color", "never"}).out.find('\x1b') == std::string::npos);
    RunResult invalid = with({"--color", "sometimes"});
    CHECK(invalid.exit_code == 2);
    CHECK_THAT(invalid.err, Catch::Contains("--color: sometimes not in {auto,always,never}"));
}

TEST_CASE("a report that cannot be written to standard output is an error, not a success") {
    // A full disk (/dev/full) and a closed descriptor: the report never arrives, so exit 2.
    for (const std::string redirect : {"> /dev/full", ">&-"}) {
        INFO(redirect);
        RunResult result = run_program("sh", {"-c", std::string(PINDEX_BINARY) + " score '" + example("typical.yaml") +
                                                         "' --format json " + redirect});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("pindex: error: cannot write to standard output"));
    }
    RunResult shown = run_program("sh", {"-c", std::string(PINDEX_BINARY) + " rubric show > /dev/full"});
    CHECK(shown.exit_code == 2);
}

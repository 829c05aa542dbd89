// The command line itself: help, version, usage errors and their exit codes.
#include <catch2/catch.hpp>

#include "run_pindex.hpp"

using namespace pindex::e2e;
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
        std::string from = "senior-leader: manager-or-director";
        return text.replace(text.find(from), from.size(), "senior-leader: nobody");
    }());
    CHECK(with_env("PINDEX_FAIL_IF_DROP=1", {"compare", example("typical.yaml"), later.string()}).exit_code == 1);
}

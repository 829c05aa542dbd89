// The command line itself: help, version, usage errors and their exit codes.
#include <catch2/catch.hpp>

#include "run_pindex.hpp"

using namespace pindex::e2e;

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

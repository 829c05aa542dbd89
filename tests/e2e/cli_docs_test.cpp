// The man page and the shell completions, generated from the command line at build time, checked
// against what the built pindex actually accepts: every option its --help lists must complete.
#include <catch2/catch.hpp>

#include <regex>

#include "run_pindex.hpp"

using namespace pindex::e2e;
namespace fs = std::filesystem;

namespace {

const fs::path kGenerated = PINDEX_CLI_DOCS;

const std::vector<std::vector<std::string>> kCommands = {
    {"survey"},   {"score"},    {"compare"},          {"plan"},              {"aggregate"},
    {"benchmark", "build"},
    {"validate"}, {"template"}, {"rubric", "show"},   {"rubric", "export"},
};

// What bash completes for a command line whose last word is being typed.
std::vector<std::string> bash_complete(const std::vector<std::string>& words, const fs::path& directory = {}) {
    std::string array;
    for (const auto& word : words) array += " '" + word + "'";
    std::string script = "source '" + (kGenerated / "pindex.bash").string() + "'; COMP_WORDS=(pindex" + array +
                         "); COMP_CWORD=" + std::to_string(words.size()) +
                         "; _pindex; printf '%s\\n' \"${COMPREPLY[@]}\"";
    RunResult result = run_program("bash", {"--norc", "-c", script}, "", directory);
    REQUIRE(result.exit_code == 0);
    INFO(result.err);
    REQUIRE(result.err.empty());
    std::vector<std::string> lines = split_lines(result.out);
    lines.erase(std::remove(lines.begin(), lines.end(), ""), lines.end());
    return lines;
}

// The option names `pindex COMMAND --help` lists: "-o,--output OUT" gives -o and --output.
std::vector<std::string> options_in_help(const std::vector<std::string>& command) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    RunResult help = run_pindex(args);
    REQUIRE(help.exit_code == 0);
    std::vector<std::string> names;
    std::regex option_line(R"(^  (-[-\w,]+))");
    for (const auto& line : split_lines(help.out)) {
        std::smatch match;
        if (!std::regex_search(line, match, option_line)) continue;
        std::string list = match[1];
        for (std::size_t start = 0; start < list.size();) {
            std::size_t comma = std::min(list.find(',', start), list.size());
            names.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return names;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("bash completes commands, subcommands, options, their values and files") {
    CHECK(bash_complete({"sc"}) == std::vector<std::string>{"score"});
    CHECK(bash_complete({"rubric", ""}) == std::vector<std::string>{"show", "export", "-h", "--help"});
    CHECK(bash_complete({"score", "--fail"}) == std::vector<std::string>{"--fail-under", "--fail-under-part"});
    auto formats = bash_complete({"score", "answers.yaml", "--format", ""});
    CHECK(contains(formats, "html"));
    CHECK(contains(formats, "jsonl"));
    CHECK(bash_complete({"rubric", "export", "--format", "j"}) == std::vector<std::string>{"json"});
    TempDir dir;
    dir.file("acme-2026.yaml", "");
    CHECK(bash_complete({"score", "acme"}, dir.path) == std::vector<std::string>{"acme-2026.yaml"});
    CHECK(bash_complete({"compare", "--fail-if-drop", ""}, dir.path).empty());  // a number: nothing to offer
}

TEST_CASE("every option each command's --help lists completes in bash and appears in zsh's and the man page") {
    std::string zsh = read_text(kGenerated / "_pindex");
    std::string man = read_text(kGenerated / "pindex.1");
    for (const auto& command : kCommands) {
        std::vector<std::string> words = command;
        words.push_back("-");
        std::vector<std::string> completed = bash_complete(words);
        std::vector<std::string> listed = options_in_help(command);
        REQUIRE(listed.size() >= 2);  // at least -h and --help
        for (const auto& option : listed) {
            INFO("pindex " << command.front() << (command.size() > 1 ? " " + command.back() : "") << " " << option);
            CHECK(contains(completed, option));
            CHECK_THAT(zsh, Catch::Contains(option));
            if (option != "-h" && option != "--help") {
                std::string escaped = std::regex_replace(option, std::regex("-"), "\\-");
                CHECK_THAT(man, Catch::Contains(escaped));
            }
        }
    }
}

TEST_CASE("the man page renders without warnings and names every command and environment variable") {
    RunResult groff = run_program("groff", {"-man", "-Tutf8", "-ww", "-P-cbou", (kGenerated / "pindex.1").string()});
    if (groff.exit_code == 127) {
        WARN("groff is not installed: the man page was not rendered");
        return;
    }
    CHECK(groff.exit_code == 0);
    CHECK(groff.err.empty());
    for (const char* text : {"pindex score FILE|DIR... [OPTIONS]", "pindex rubric export [OPTIONS]",
                             "PINDEX_FAIL_UNDER", "PINDEX_FAIL_IF_DROP", "PINDEX_RUBRIC", "NO_COLOR", "EXIT STATUS"})
        CHECK_THAT(groff.out, Catch::Contains(text));
}

TEST_CASE("the zsh completion is valid zsh") {
    RunResult zsh = run_program("zsh", {"-n", (kGenerated / "_pindex").string()});
    if (zsh.exit_code == 127) {
        WARN("zsh is not installed: its completion was checked as text only");
        return;
    }
    CHECK(zsh.exit_code == 0);
    CHECK(zsh.err.empty());
}

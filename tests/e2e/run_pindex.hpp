#pragma once
// Runs the built pindex binary as a user would: arguments, standard input, a working directory;
// returns its exit code and what it printed on stdout and stderr.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pindex::e2e {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

RunResult run_pindex(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::filesystem::path& working_directory = {});
// The same for any program: a path, or a name looked up on PATH (exit 127 when not found).
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::string& stdin_text = "", const std::filesystem::path& working_directory = {});

// A fresh temporary directory, removed with everything in it when the object goes.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    std::filesystem::path file(const std::string& name, const std::string& content) const;
};

std::string read_text(const std::filesystem::path& path);
std::vector<std::string> split_lines(const std::string& text);  // without the '\n's
// The first line of text that holds `fragment`, or "" when none does: regular expressions are
// then matched against one line, not a whole report (std::regex recurses once per character,
// and a long text overflows the stack under AddressSanitizer).
std::string line_containing(const std::string& text, const std::string& fragment);

// The answers of examples/typical.yaml as typed in the survey (tests/data/typical.survey-input),
// one per line, without organization and respondent (given as flags).
std::vector<std::string> typical_survey_lines();
std::string typical_survey_text();  // the same, as one text
std::vector<std::string> typical_survey_args(const std::filesystem::path& answers_file);
std::string example(const std::string& name);  // path of examples/<name>

// A JSON report's parts without the answers file's notes: what two files giving the same
// answers must agree on, whatever they noted beside them.
nlohmann::json parts_without_notes(const nlohmann::json& report);

// The JSON report of `pindex score FILE` (complete, every threshold met); throws otherwise.
nlohmann::json score_json(const std::filesystem::path& answers);

}  // namespace pindex::e2e

// pindex validate: check an answers file (against the rubric) or a rubric file.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/file_io.hpp"
#include "pindex/scoring.hpp"

namespace pindex::cli {

namespace {

struct ValidateOptions {
    std::string file;
    std::string rubric;
    bool allow_incomplete = false;
};

int validate_rubric(const std::string& name, const std::string& text) {
    Rubric rubric = load_rubric(text, name);
    std::cout << fmt::format("{}: valid rubric '{}' version {}: {} parts, {} questions\n", name, rubric.id,
                             rubric.version, rubric.parts.size(), rubric.question_count());
    return kExitSuccess;
}

int validate_answers(const ValidateOptions& options, const std::string& name, const std::string& text) {
    Rubric rubric = load_rubric_option(options.rubric);
    Answers answers = load_answers(text, name, rubric);
    print_diagnostics(answers.warnings);
    Completeness completeness = score_answers(rubric, answers).completeness;
    if (!completeness.complete() && !options.allow_incomplete) {
        std::cerr << incomplete_message(name, completeness, "accept it") << '\n';
        return kExitInvalid;
    }
    std::cout << fmt::format("{}: valid answers for rubric '{}': {} of {} applicable questions answered\n", name,
                             rubric.id, completeness.answered, completeness.applicable);
    return kExitSuccess;
}

int run_validate(const ValidateOptions& options) {
    std::string name = input_name(options.file);
    std::string text = read_input(options.file);
    if (looks_like_rubric(text, name)) return validate_rubric(name, text);
    return validate_answers(options, name, text);
}

}  // namespace

CommandRunner add_validate_command(CLI::App& app) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* command = app.add_subcommand("validate", "Check an answers file or a rubric file");
    command->add_option("file", options->file, "Answers or rubric file; - reads standard input")
        ->required()
        ->type_name("FILE");
    add_rubric_option(*command, options->rubric);
    command->add_flag("--allow-incomplete", options->allow_incomplete,
                      "Accept answers files with unanswered questions");
    command->footer("A file with a top-level 'parts' key is checked as a rubric, any other as answers.\n"
                    "Example: pindex validate answers.yaml");
    return [options] { return run_validate(*options); };
}

}  // namespace pindex::cli

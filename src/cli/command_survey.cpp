// pindex survey: the interactive self-assessment. Saves after every answer; resumes an
// unfinished file; never overwrites a finished one.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "color.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/file_io.hpp"
#include "pindex/report.hpp"
#include "pindex/report_text.hpp"
#include "pindex/survey.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

namespace {

struct SurveyOptions {
    std::string output = "pindex-answers.yaml";
    std::string rubric;
    std::optional<std::string> organization;
    std::optional<std::string> respondent;
    bool plain = false;
    bool no_color = false;
};

// Plain mode when asked, when either end is not a terminal, or for a dumb terminal.
bool use_plain_mode(const SurveyOptions& options) {
    const char* term = std::getenv("TERM");
    return options.plain || !::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO) || !term ||
           std::string_view(term) == "dumb";
}

// --no-color is the survey's older spelling of --color never.
bool use_color(const SurveyOptions& options) { return !options.no_color && color_for(STDOUT_FILENO); }

// The answers to start from: the unfinished file being resumed, or nothing.
Answers starting_answers(const std::string& path, const Rubric& rubric) {
    if (!std::filesystem::exists(path)) return {};
    Answers answers = load_answers_file(path, rubric);
    if (!answers.survey.finished.empty())
        throw UsageError(fmt::format("{} holds a survey finished on {}; score it with 'pindex score {}', or "
                                     "start another with -o OTHER.yaml", path, answers.survey.finished, path));
    return answers;
}

int finish(SurveyOutcome outcome, const Survey& survey, const Rubric& rubric, const std::string& path) {
    if (outcome == SurveyOutcome::finished) {
        Report report = build_report(rubric, survey.answers(), path, {});
        std::cout << '\n' << colorize_report_text(write_report_text(report), STDOUT_FILENO);
        std::cout << fmt::format("\nSaved to {0}. Score it again any time with: pindex score {0}\n"
                                 "For a report to share: pindex score {0} -o report.html (or .md, .svg, .csv, .json)\n",
                                 path);
        return kExitSuccess;
    }
    Completeness completeness = score_answers(rubric, survey.answers()).completeness;
    std::cerr << fmt::format("\nSaved to {} ({} of {} questions answered).\nRun 'pindex survey -o {}' to continue.\n",
                             path, completeness.answered, completeness.applicable, path);
    return outcome == SurveyOutcome::interrupted ? kExitInterrupted : kExitSavedUnfinished;
}

int run_survey(const SurveyOptions& options) {
    Rubric rubric = load_rubric_option(options.rubric);
    Answers answers = starting_answers(options.output, rubric);
    if (options.organization) answers.organization = *options.organization;
    if (options.respondent) answers.respondent = *options.respondent;
    bool ask_organization = !options.organization && answers.organization.empty();
    bool ask_respondent = !options.respondent && answers.respondent.empty();
    std::string path = options.output;
    Survey survey(rubric, std::move(answers), [&](const Answers& current) {
        write_file_atomically(path, write_answers_yaml(current, rubric));
    });
    survey.ask_metadata(ask_organization, ask_respondent);
    write_file_atomically(path, write_answers_yaml(survey.answers(), rubric));  // the file exists from the start
    SurveyOutcome outcome;
    {
        std::unique_ptr<SurveyUi> ui = use_plain_mode(options) ? make_plain_ui(path) : make_terminal_ui(path, use_color(options));
        outcome = survey.run(*ui);
    }  // the terminal is restored here, before anything else is printed
    return finish(outcome, survey, rubric, path);
}

}  // namespace

CommandRunner add_survey_command(CLI::App& app) {
    auto options = std::make_shared<SurveyOptions>();
    CLI::App* command = app.add_subcommand("survey", "Run the 15-minute self-assessment survey");
    command->add_option("-o,--output", options->output, "Answers file to write, or to resume if unfinished")
        ->type_name("FILE")
        ->capture_default_str();
    add_rubric_option(*command, options->rubric);
    command->add_option("--org", options->organization, "The organization assessed (not asked then)")->type_name("NAME");
    command->add_option("--respondent", options->respondent, "Who answers (not asked then)")->type_name("NAME");
    command->add_flag("--plain", options->plain, "Numbered prompts, one answer per line, no escape codes");
    command->add_flag("--no-color", options->no_color, "No colour: the same as --color never");
    command->footer("Exit codes: 0 finished; 3 saved but not finished (q, end of input, skipped questions); "
                    "130 saved after Ctrl-C; 2 invalid input or a finished file.\n"
                    "Example: pindex survey -o acme-2026.yaml --org \"Acme\"");
    return [options] { return run_survey(*options); };
}

}  // namespace pindex::cli

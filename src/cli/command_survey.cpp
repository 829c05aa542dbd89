// pindex survey: the interactive self-assessment. Saves after every answer; resumes an
// unfinished file; never overwrites a finished one; one survey at a time per file.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "color.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "glyphs.hpp"
#include "inputs.hpp"
#include "invocation.hpp"
#include "pindex/file_io.hpp"
#include "pindex/file_lock.hpp"
#include "pindex/report.hpp"
#include "pindex/survey.hpp"
#include "survey_ending.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

namespace {

constexpr const char* kDefaultAnswersFile = "pindex-answers.yaml";

struct SurveyOptions {
    std::string output = kDefaultAnswersFile;
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

// --org and --respondent follow the rules the loader reads the file back with.
void check_text_option(const std::optional<std::string>& value, const char* option) {
    if (!value) return;
    if (std::string problem = text_value_problem(*value); !problem.empty())
        throw UsageError(fmt::format("{}: {}", option, problem));
}

// The answers to start from: the unfinished file being resumed, or nothing.
Answers starting_answers(const std::string& path, const Rubric& rubric) {
    if (!std::filesystem::exists(path)) return {};
    Answers answers = load_answers_file(path, rubric);
    if (!answers.survey.finished.empty())
        throw UsageError(fmt::format("{} holds a survey finished on {}; score it with '{} score {}', or "
                                     "start another with -o OTHER.yaml", path, answers.survey.finished,
                                     invoked_as(), path));
    return answers;
}

// The ending's lines are already made to fit; the commands among them must not be cut (a
// terminal wraps a long one, and it still pastes whole).
void print_lines(std::ostream& out, const std::vector<StyledLine>& lines, const Look& look) {
    for (const auto& line : lines) out << render_line(line, std::numeric_limits<std::size_t>::max(), look) << '\n';
}

int finish(SurveyOutcome outcome, const Survey& survey, const Rubric& rubric, const std::string& path, bool plain,
           const Look& look) {
    // Plain mode is read by scripts and screen readers: 80 columns, and no screen to fit.
    ScreenSize size = plain ? ScreenSize{80, 10000} : screen_size(STDOUT_FILENO);
    if (outcome == SurveyOutcome::finished) {
        Report report = build_report(rubric, survey.answers(), path, {});
        std::cout << '\n';
        print_lines(std::cout, finished_survey_lines(report, path, size, Glyphs::for_locale(look.utf8)), look);
        return kExitSuccess;
    }
    Completeness completeness = score_answers(rubric, survey.answers()).completeness;
    std::cerr << '\n';
    print_lines(std::cerr, unfinished_survey_lines(completeness, path, path == kDefaultAnswersFile, size.columns - 1), look);
    return outcome == SurveyOutcome::interrupted ? kExitInterrupted : kExitSavedUnfinished;
}

int run_survey(const SurveyOptions& options) {
    Rubric rubric = load_rubric_option(options.rubric);
    check_text_option(options.organization, "--org");
    check_text_option(options.respondent, "--respondent");
    // Before reading the file: a second survey on it must not even resume from it.
    FileLock lock(options.output);
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
    bool plain = use_plain_mode(options);
    Look look{!plain && use_color(options), locale_is_utf8()};
    SurveyOutcome outcome;
    {
        std::unique_ptr<SurveyUi> ui = plain ? make_plain_ui(path, look.utf8) : make_terminal_ui(path, look.color, look.utf8);
        outcome = survey.run(*ui);
    }  // the terminal is restored here, before anything else is printed
    return finish(outcome, survey, rubric, path, plain, look);
}

}  // namespace

CommandRunner add_survey_command(CLI::App& app) {
    auto options = std::make_shared<SurveyOptions>();
    CLI::App* command = app.add_subcommand("survey", "Take the self-assessment survey (about a quarter of an hour)");
    command->add_option("-o,--output", options->output, "Answers file to write, or to resume if unfinished")
        ->type_name("FILE")
        ->capture_default_str();
    add_rubric_option(*command, options->rubric);
    command->add_option("--org", options->organization, "The organization assessed (not asked then)")->type_name("NAME");
    command->add_option("--respondent", options->respondent, "Who answers (not asked then)")->type_name("NAME");
    command->add_flag("--plain", options->plain, "Numbered prompts, one answer per line, no escape codes");
    command->add_flag("--no-color", options->no_color, "No colour: the same as --color never");
    command->footer("Exit codes: 0 finished; 3 saved but not finished (q, end of input, skipped questions); "
                    "130 saved after Ctrl-C; 2 invalid input, a finished file, or a file another survey is using.\n"
                    "Example: pindex survey -o acme-2026.yaml --org \"Acme\"");
    return [options] { return run_survey(*options); };
}

}  // namespace pindex::cli

#include "app.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include <unistd.h>

#include "color.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "invocation.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/text.hpp"
#include "pindex/version.hpp"

namespace pindex::cli {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// "did you mean 'score'?" for a mistyped command, as git and ninja do.
std::string suggestion_for(const CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return "";
    std::string_view typed = argv[1];
    std::string best;
    std::size_t best_distance = 3;  // suggest only close matches
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->get_name() == typed) return "";
        std::size_t distance = edit_distance(typed, command->get_name());
        if (distance < best_distance) {
            best_distance = distance;
            best = command->get_name();
        }
    }
    return best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best);
}

// A report that did not reach standard output in full (a full disk, a closed pipe or descriptor)
// must not pass for one that did: a CI job would publish it. Checked once, after the command,
// since every command writes its stdout through std::cout.
int checked_stdout(int exit_code) {
    errno = 0;
    std::cout.flush();
    if (!std::cout.fail()) return exit_code;
    int error = errno;
    std::cerr << colorize_diagnostic(fmt::format("pindex: error: cannot write to standard output{}{}",
                                                 error ? ": " : "", error ? std::strerror(error) : ""),
                                     STDERR_FILENO)
              << '\n';
    return kExitInvalid;
}

// `-o ""` (an unset variable in a script) would otherwise write to standard output, as if -o had
// not been given. Checked here, for every command and subcommand that has -o.
void refuse_empty_output(const CLI::App& command) {
    for (const CLI::App* sub : command.get_subcommands()) {
        const CLI::Option* output = sub->get_option_no_throw("--output");
        if (output && output->count() > 0 && output->as<std::string>().empty())
            throw UsageError("-o needs a file name, got an empty one");
        refuse_empty_output(*sub);
    }
}

}  // namespace

std::vector<std::pair<std::string, CommandRunner>> define_commands(CLI::App& app) {
    app.name("pindex");
    app.description("pindex: the Personalization Index self-assessment (survey, scoring, reports)");
    app.set_version_flag("--version", std::string("pindex ") + kVersion);
    app.require_subcommand(1);
    // --color may come after the command too ("pindex score a.yaml --color never").
    app.fallthrough();
    app.add_option_function<std::string>(
           "--color",
           [](const std::string& when) {
               set_color_when(when == "always" ? ColorWhen::always : when == "never" ? ColorWhen::never
                                                                                     : ColorWhen::automatic);
           },
           "Colour: auto (a terminal, and NO_COLOR unset), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->envname("PINDEX_COLOR")
        ->type_name("WHEN");
    app.footer("Exit codes: 0 success, 1 a threshold was not met (plan: the target cannot be reached),\n"
               "2 invalid input or usage, 3 survey saved but not finished, 130 survey saved after Ctrl-C.\n"
               "Examples: pindex survey    pindex score answers.yaml --fail-under 49");
    return {
        {"survey", add_survey_command(app)},
        {"score", add_score_command(app)},
        {"compare", add_compare_command(app)},
        {"plan", add_plan_command(app)},
        {"aggregate", add_aggregate_command(app)},
        {"benchmark", add_benchmark_command(app)},
        {"validate", add_validate_command(app)},
        {"template", add_template_command(app)},
        {"rubric", add_rubric_command(app)},
    };
}

int run(int argc, char** argv) {
    if (argc > 0) set_invoked_as(argv[0]);
    CLI::App app;
    std::vector<std::pair<std::string, CommandRunner>> commands = define_commands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << fmt::format("pindex: error: {}{}\n", escape_control_characters(e.what()),
                                 escape_control_characters(suggestion_for(app, argc, argv)))
                  << "Run 'pindex --help' or 'pindex COMMAND --help' for usage.\n";
        return kExitInvalid;
    }

    try {
        refuse_empty_output(app);
        for (const auto& [name, runner] : commands)
            if (app.got_subcommand(name)) return checked_stdout(runner());
        return kExitInvalid;
    } catch (const InputError& e) {
        print_diagnostics(e.diagnostics());
        return kExitInvalid;
    } catch (const std::exception& e) {  // UsageError and anything unexpected: one line, exit 2
        // The message may quote a path from the command line: shown, never run, by the terminal.
        std::cerr << colorize_diagnostic("pindex: error: " + escape_control_characters(e.what()), STDERR_FILENO) << '\n';
        return kExitInvalid;
    }
}

}  // namespace pindex::cli

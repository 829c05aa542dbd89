#include "app.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>
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

// An option given an empty value is most often an unset variable in a script: `-o ""` would write
// to standard output, `--fail-under ""` switch the gate off, `--rubric ""` score on the built-in
// rubric, each as if the option had not been given. Refused for every option of every command
// used (flags, which take no value, aside). The environment is not the command line: a variable
// set to nothing is unset, as CLI11 reads it.
void refuse_empty_values(const CLI::App& command) {
    for (const CLI::App* sub : command.get_subcommands()) {
        for (const CLI::Option* option : sub->get_options()) {
            if (option->get_positional() || option->get_type_size_max() == 0 || option->count() == 0) continue;
            const auto& values = option->results();
            if (std::none_of(values.begin(), values.end(), [](const std::string& value) { return value.empty(); }))
                continue;
            std::string name = option->get_snames().empty() ? "--" + option->get_lnames().front()
                                                            : "-" + option->get_snames().front();
            const std::string& type = option->get_type_name();
            bool file = type == "OUT" || type == "FILE" || type == "SET";
            throw UsageError(fmt::format("{} needs {}, got an empty one", name, file ? "a file name" : "a value"));
        }
        refuse_empty_values(*sub);
    }
}

// CLI11 reads every command's environment variables, and converts what it read, whichever
// command runs: PINDEX_FAIL_UNDER=abc would break `pindex rubric show`. A command that has a
// parse-complete callback reads them only when it is the one given.
void read_environment_only_when_used(CLI::App& command) {
    for (CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        sub->parse_complete_callback([] {});
        read_environment_only_when_used(*sub);
    }
}

bool on_command_line(const CLI::Option& option, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view token = argv[i];
        if (token == "--") return false;
        for (const auto& name : option.get_lnames())
            if (token == "--" + name || token.starts_with("--" + name + "=")) return true;
        for (const auto& name : option.get_snames())
            if (!token.starts_with("--") && token.starts_with("-" + name)) return true;
    }
    return false;
}

// When what the parser refused came from the environment (PINDEX_FAIL_UNDER=abc), its message
// names only the option; this names the variable, which no command line shows.
std::string environment_note(const CLI::App& app, std::string_view error, int argc, char** argv) {
    std::vector<const CLI::App*> used = {&app};
    for (std::size_t i = 0; i < used.size(); ++i)
        for (const CLI::App* sub : used[i]->get_subcommands()) used.push_back(sub);
    for (const CLI::App* command : used)
        for (const CLI::Option* option : command->get_options()) {
            const std::string& variable = option->get_envname();
            const char* value = variable.empty() ? nullptr : std::getenv(variable.c_str());
            if (value && *value && error.find(option->get_name()) != std::string_view::npos &&
                !on_command_line(*option, argc, argv))
                return fmt::format(" (from the environment: {}={})", variable, value);
        }
    return "";
}

}  // namespace

std::vector<std::pair<std::string, CommandRunner>> define_commands(CLI::App& app) {
    app.name("pindex");
    app.description("pindex: the Personalization Index self-assessment (survey, scoring, reports)");
    app.set_version_flag("--version", std::string("pindex ") + kVersion);
    app.require_subcommand(1);
    // --color may come after the command too ("pindex score a.yaml --color never").
    app.fallthrough();
    with_environment(app.add_option_function<std::string>(
                         "--color",
                         [](const std::string& when) {
                             set_color_when(when == "always"  ? ColorWhen::always
                                            : when == "never" ? ColorWhen::never
                                                              : ColorWhen::automatic);
                         },
                         "Colour: auto (a terminal, and NO_COLOR unset), always or never"),
                     "PINDEX_COLOR")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.footer("Exit codes: 0 success, 1 a threshold was not met (plan: the target cannot be reached),\n"
               "2 invalid input or usage, 3 survey saved but not finished, 130 survey saved after Ctrl-C.\n"
               "Examples: pindex survey    pindex score answers.yaml --fail-under 49");
    std::vector<std::pair<std::string, CommandRunner>> commands = {
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
    read_environment_only_when_used(app);
    return commands;
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
        std::cerr << fmt::format("pindex: error: {}{}{}\n", escape_control_characters(e.what()),
                                 escape_control_characters(environment_note(app, e.what(), argc, argv)),
                                 escape_control_characters(suggestion_for(app, argc, argv)))
                  << "Run 'pindex --help' or 'pindex COMMAND --help' for usage.\n";
        return kExitInvalid;
    }

    try {
        refuse_empty_values(app);
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

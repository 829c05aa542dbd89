#pragma once
// Each command adds its subcommand to the app and returns the function that runs it once the
// arguments are parsed. Commands report failures by throwing (InputError, UsageError,
// std::runtime_error); app.cpp prints them and picks the exit code.
#include <functional>
#include <stdexcept>

#include <CLI/CLI.hpp>

namespace pindex::cli {

using CommandRunner = std::function<int()>;

// A bad combination of arguments that CLI11 itself cannot see (exit 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

CommandRunner add_score_command(CLI::App& app);
CommandRunner add_compare_command(CLI::App& app);
CommandRunner add_plan_command(CLI::App& app);
CommandRunner add_aggregate_command(CLI::App& app);
CommandRunner add_benchmark_command(CLI::App& app);
CommandRunner add_survey_command(CLI::App& app);
CommandRunner add_validate_command(CLI::App& app);
CommandRunner add_template_command(CLI::App& app);
CommandRunner add_rubric_command(CLI::App& app);

}  // namespace pindex::cli

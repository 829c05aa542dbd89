#pragma once
// Loading the inputs and writing the outputs of a command, shared by all commands.
#include <string>

#include <CLI/CLI.hpp>

#include "pindex/answers.hpp"
#include "pindex/report.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"

namespace pindex::cli {

// The rubric given by --rubric, or the built-in default when path is empty.
Rubric load_rubric_option(const std::string& path);

// Loads and validates an answers file ("-" for stdin); prints its warnings to stderr.
Answers load_answers_file(const std::string& path, const Rubric& rubric);

// An answers file or a JSON report written by `pindex score` ("-" for stdin), as a Report.
Report load_assessment_file(const std::string& path, const Rubric& rubric);

// Writes content to stdout when path is empty or "-", else atomically to the file.
void write_output(const std::string& path, const std::string& content);

// One line for an incomplete answers file: how many questions, which ids (the first few), and
// what --allow-incomplete would do instead.
std::string incomplete_message(const std::string& name, const Completeness& completeness,
                               std::string_view allow_effect);

// Adds the --rubric option every command that reads answers has.
void add_rubric_option(CLI::App& command, std::string& path);

}  // namespace pindex::cli

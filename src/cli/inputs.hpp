#pragma once
// Loading the inputs and writing the outputs of a command, shared by all commands.
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "pindex/answers.hpp"
#include "pindex/output_format.hpp"
#include "pindex/report.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"

namespace pindex::cli {

// How a path given on the command line is named in messages: "<stdin>" for "-".
std::string input_name(const std::string& path);

// An input a command reads, for check_output: its path ("" or "-": none) and what it is ("the
// rubric being exported", "one of the files being scored").
struct NamedInput {
    std::string path;
    std::string what;
};

// Before a command does its work, throws UsageError when its output path names one of its
// inputs, under any name ("-o report.json would overwrite report.json, one of the files being
// scored"), or names a file the rule of write_outputs (below) keeps without --force: so that
// the refusal comes first, before any warning about the inputs. `option` is the option that
// names the output.
void check_output(const std::string& output, const std::vector<NamedInput>& inputs, bool force,
                  std::string_view option = "-o");

// Prints diagnostics to stderr, one line each (at most limits::kMaxErrorsShown, then a count),
// with their severity coloured as --color says.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// The rubric given by --rubric, or the built-in default when path is empty.
Rubric load_rubric_option(const std::string& path);

// Loads and validates an answers file ("-" for stdin); prints its warnings to stderr.
Answers load_answers_file(const std::string& path, const Rubric& rubric);

// The same, with the SHA-256 of the file's bytes, for a report to name its input.
Answers load_answers_file(const std::string& path, const Rubric& rubric, std::string& sha256);

// When a report is made, ISO 8601 UTC: SOURCE_DATE_EPOCH (seconds since 1970) when set, so that
// builds that make reports are reproducible (reproducible-builds.org), else now. Throws
// UsageError when SOURCE_DATE_EPOCH is not a whole number of seconds.
std::string report_timestamp();

// An answers file or a JSON report written by `pindex score` ("-" for stdin), as a Report.
Report load_assessment_file(const std::string& path, const Rubric& rubric);

// The one rule for replacing files, for every command that writes one (docs/cli.md#files-written):
// an existing regular file that is not empty is replaced only when the command was given
// --force. Standard output, a device such as /dev/null, and an empty file hold nothing to lose.
// Every command that writes a file adds --force with this, and writes through write_outputs.
void add_force_option(CLI::App& command, bool& force, const std::string& help = "Replace OUT if it exists");

// Writes each file, or stdout for a path that is empty or "-", each atomically. Checks every
// path against the rule above before writing any, so that a refusal (UsageError) leaves all of
// them as they were. Then names the files written on stderr, one line ("Wrote report.html",
// followed by `detail`, such as ": 3 assessments..."): whoever named a file sees it was made,
// and stdout stays the report's alone. Nothing is said of what went to stdout or a device.
void write_outputs(const std::vector<OutputFile>& files, bool force, std::string_view detail = {});
void write_output(const std::string& path, const std::string& content, bool force, std::string_view detail = {});

// What a format makes: to a file, every file it writes (a deck with its charts beside it); to
// stdout, its one text.
template <typename Model>
void write_format_output(const OutputFormat<Model>& format, const Model& model, const std::string& path,
                         bool force) {
    if (path.empty() || path == "-" || !format.write_files) return write_output(path, format.write(model), force);
    write_outputs(format.write_files(model, path), force);
}

// One line for an incomplete answers file: how many questions, which ids (the first few), and
// what --allow-incomplete would do instead.
std::string incomplete_message(const std::string& name, const Completeness& completeness,
                               std::string_view allow_effect);

// Lets `option` also be set by the environment variable `variable` (the command line wins), and
// drops white space around either value: one pasted into a CI settings page often ends in a
// space or a newline. Call it before adding checks, which then see the trimmed value.
CLI::Option* with_environment(CLI::Option* option, const std::string& variable);

// Adds the --rubric option every command that reads answers has.
void add_rubric_option(CLI::App& command, std::string& path);

}  // namespace pindex::cli

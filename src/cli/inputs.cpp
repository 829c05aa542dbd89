#include "inputs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "color.hpp"
#include "commands.hpp"
#include "pindex/digest.hpp"
#include "pindex/file_io.hpp"
#include "pindex/report_json.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& line : format_diagnostics(diagnostics)) std::cerr << colorize_diagnostic(line, STDERR_FILENO) << '\n';
}

Rubric load_rubric_option(const std::string& path) {
    if (path.empty()) return default_rubric();
    return load_rubric(read_input(path), input_name(path));
}

namespace {
Answers loaded_answers(std::string_view text, const std::string& name, const Rubric& rubric) {
    Answers answers = load_answers(text, name, rubric);
    print_diagnostics(answers.warnings);
    return answers;
}
}  // namespace

Answers load_answers_file(const std::string& path, const Rubric& rubric) {
    return loaded_answers(read_input(path), input_name(path), rubric);
}

Answers load_answers_file(const std::string& path, const Rubric& rubric, std::string& sha256) {
    std::string text = read_input(path);
    sha256 = sha256_hex(text);
    return loaded_answers(text, input_name(path), rubric);
}

std::string report_timestamp() {
    std::time_t seconds = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        std::string_view digits = epoch;
        // Up to the year 9999, which is as far as the ISO 8601 form below goes.
        if (digits.size() > 11 || digits.find_first_not_of("0123456789") != std::string_view::npos ||
            std::stoll(std::string(digits)) > 253402300799)
            throw UsageError(fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got '{}'",
                                         epoch));
        seconds = static_cast<std::time_t>(std::stoll(std::string(digits)));
    }
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Report load_assessment_file(const std::string& path, const Rubric& rubric) {
    std::string name = input_name(path);
    std::string text = read_input(path);
    if (looks_like_report_json(text)) return read_report_json(text, name);
    return build_report(rubric, loaded_answers(text, name, rubric), name, {});
}

void add_force_option(CLI::App& command, bool& force, const std::string& help) {
    command.add_flag("--force", force, help);
}

namespace {

bool to_stdout(const std::string& path) { return path.empty() || path == "-"; }

// The rule itself. Follows a symbolic link: what would be replaced is the file it points to.
void refuse_replacing(const std::string& path, bool force) {
    struct stat info {};
    if (force || to_stdout(path) || ::stat(path.c_str(), &info) != 0) return;
    if (S_ISREG(info.st_mode) && info.st_size > 0)
        throw UsageError(fmt::format("{} already exists; pass --force to replace it", path));
}

}  // namespace

void check_output(const std::string& output, const std::vector<NamedInput>& inputs, bool force,
                  std::string_view option) {
    if (to_stdout(output)) return;
    for (const auto& input : inputs)
        if (!input.path.empty() && same_file(output, input.path))
            throw UsageError(fmt::format("{} {} would overwrite {}, {}", option, output, input.path, input.what));
    refuse_replacing(output, force);
}

namespace {

// "Wrote a", "Wrote a and b", "Wrote a, b and c": the files written, for the line on stderr.
// The file the command was asked for is written last (a deck after its charts, so that it never
// points to a chart not yet there; a plan after its answers file) and named first.
std::string written_line(std::vector<std::string> paths, std::string_view detail) {
    std::rotate(paths.rbegin(), paths.rbegin() + 1, paths.rend());
    for (auto& path : paths) path = escape_control_characters(path);
    std::string last = paths.back();
    paths.pop_back();
    std::string names = paths.empty() ? last : join(paths) + " and " + last;
    return fmt::format("Wrote {}{}\n", names, detail);
}

}  // namespace

void write_outputs(const std::vector<OutputFile>& files, bool force, std::string_view detail) {
    for (const auto& file : files) refuse_replacing(file.path, force);
    std::vector<std::string> written;
    for (const auto& file : files) {
        if (to_stdout(file.path)) {
            std::cout << file.content << std::flush;
        } else {
            write_file_atomically(file.path, file.content);
            // A device (-o /dev/stdout, /dev/null) was written into, not made: not announced.
            struct stat info {};
            if (::stat(file.path.c_str(), &info) == 0 && S_ISREG(info.st_mode)) written.push_back(file.path);
        }
    }
    if (!written.empty()) std::cerr << written_line(written, detail);
}

void write_output(const std::string& path, const std::string& content, bool force, std::string_view detail) {
    write_outputs({{path, content}}, force, detail);
}

std::string incomplete_message(const std::string& name, const Completeness& completeness,
                               std::string_view allow_effect) {
    return fmt::format("{}: error: {}", escape_control_characters(name), incomplete_words(completeness, allow_effect));
}

CLI::Option* with_environment(CLI::Option* option, const std::string& variable) {
    auto trim_value = [](std::string& value) {
        value = trim(value);
        return std::string();  // nothing refused
    };
    return option->transform(CLI::Validator(trim_value, "", "trimmed"))->envname(variable);
}

void add_rubric_option(CLI::App& command, std::string& path) {
    with_environment(command.add_option("--rubric", path, "Rubric file to use instead of the built-in Personalization Index"),
                     "PINDEX_RUBRIC")
        ->type_name("FILE");
}

}  // namespace pindex::cli

#include "inputs.hpp"

#include <iostream>

#include <fmt/format.h>

#include "pindex/file_io.hpp"
#include "pindex/report_json.hpp"

namespace pindex::cli {

Rubric load_rubric_option(const std::string& path) {
    if (path.empty()) return default_rubric();
    return load_rubric(read_input(path), path == "-" ? "<stdin>" : path);
}

namespace {
Answers loaded_answers(std::string_view text, const std::string& name, const Rubric& rubric) {
    Answers answers = load_answers(text, name, rubric);
    for (const auto& warning : answers.warnings) std::cerr << format_diagnostic(warning) << '\n';
    return answers;
}
}  // namespace

Answers load_answers_file(const std::string& path, const Rubric& rubric) {
    return loaded_answers(read_input(path), path == "-" ? "<stdin>" : path, rubric);
}

Report load_assessment_file(const std::string& path, const Rubric& rubric) {
    std::string name = path == "-" ? "<stdin>" : path;
    std::string text = read_input(path);
    if (looks_like_report_json(text)) return read_report_json(text, name);
    return build_report(rubric, loaded_answers(text, name, rubric), name, {});
}

void write_output(const std::string& path, const std::string& content) {
    if (path.empty() || path == "-") {
        std::cout << content << std::flush;
        return;
    }
    write_file_atomically(path, content);
}

std::string incomplete_message(const std::string& name, const Completeness& completeness,
                               std::string_view allow_effect) {
    return fmt::format("{}: error: {}", name, incomplete_words(completeness, allow_effect));
}

void add_rubric_option(CLI::App& command, std::string& path) {
    command.add_option("--rubric", path, "Rubric file to use instead of the built-in Personalization Index")
        ->envname("PINDEX_RUBRIC")
        ->type_name("FILE");
}

}  // namespace pindex::cli

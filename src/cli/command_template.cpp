// pindex template: write a fill-in answers file.
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/answers_template.hpp"

namespace pindex::cli {

namespace {

struct TemplateOptions {
    std::string output;
    std::string rubric;
    bool force = false;
};

int run_template(const TemplateOptions& options) {
    Rubric rubric = load_rubric_option(options.rubric);
    // A template written over a filled-in answers file would throw the answers away.
    if (!options.output.empty() && options.output != "-" && std::filesystem::exists(options.output) && !options.force)
        throw UsageError(fmt::format("{} already exists; pass --force to overwrite it", options.output));
    write_output(options.output, write_answers_template(rubric));
    return kExitSuccess;
}

}  // namespace

CommandRunner add_template_command(CLI::App& app) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App* command = app.add_subcommand("template", "Write an answers file to fill in by hand");
    command->add_option("-o,--output", options->output, "Write to OUT instead of standard output")->type_name("OUT");
    add_rubric_option(*command, options->rubric);
    command->add_flag("--force", options->force, "Overwrite OUT if it exists");
    command->footer("Example: pindex template -o answers.yaml && $EDITOR answers.yaml && pindex score answers.yaml");
    return [options] { return run_template(*options); };
}

}  // namespace pindex::cli

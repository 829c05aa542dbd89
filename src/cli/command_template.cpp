// pindex template: write a fill-in answers file.
#include <memory>

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
    check_output(options.output, {{options.rubric, "the rubric"}}, options.force);
    Rubric rubric = load_rubric_option(options.rubric);
    write_output(options.output, write_answers_template(rubric), options.force);
    return kExitSuccess;
}

}  // namespace

CommandRunner add_template_command(CLI::App& app) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App* command = app.add_subcommand("template", "Write an answers file to fill in by hand");
    command->add_option("-o,--output", options->output, "Write to OUT instead of standard output")->type_name("OUT");
    add_rubric_option(*command, options->rubric);
    add_force_option(*command, options->force);
    command->footer("Example: pindex template -o answers.yaml && $EDITOR answers.yaml && pindex score answers.yaml");
    return [options] { return run_template(*options); };
}

}  // namespace pindex::cli

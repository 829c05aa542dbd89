// pindex rubric show|export: look at the rubric in use, or export its public contract.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/answers_schema.hpp"
#include "pindex/rubric_export.hpp"

namespace pindex::cli {

namespace {

struct RubricOptions {
    std::string rubric;
    std::string format = "yaml";
    std::string output;
    bool force = false;
};

}  // namespace

CommandRunner add_rubric_command(CLI::App& app) {
    auto options = std::make_shared<RubricOptions>();
    CLI::App* command = app.add_subcommand("rubric", "Show or export the rubric in use");
    command->require_subcommand(1);
    CLI::App* show = command->add_subcommand("show", "Print the rubric's parts, questions, options and benchmarks");
    add_rubric_option(*show, options->rubric);
    show->footer("Example: pindex rubric show | less");
    CLI::App* exporter = command->add_subcommand(
        "export", "Export the rubric as YAML or JSON (the public contract), or the JSON Schema of its answers files");
    add_rubric_option(*exporter, options->rubric);
    exporter->add_option("--format", options->format,
                         "Export format: yaml, json, or answers-schema (a JSON Schema editors use for answers files)")
        ->check(CLI::IsMember({"yaml", "json", "answers-schema"}))
        ->capture_default_str();
    exporter->add_option("-o,--output", options->output, "Write to OUT instead of standard output")->type_name("OUT");
    add_force_option(*exporter, options->force);
    exporter->footer("Examples:\n"
                     "  pindex rubric export --format yaml -o my-rubric.yaml   # edit it, then --rubric my-rubric.yaml\n"
                     "  pindex rubric export --format answers-schema -o answers.schema.json");
    return [options, show] {
        Rubric rubric = load_rubric_option(options->rubric);
        if (show->parsed()) {
            write_output("", write_rubric_text(rubric), false);
            return kExitSuccess;
        }
        check_output(options->output, {{options->rubric, "the rubric being exported"}}, options->force);
        write_output(options->output, options->format == "json"             ? write_rubric_json(rubric)
                                      : options->format == "answers-schema" ? write_answers_schema(rubric)
                                                                            : write_rubric_yaml(rubric),
                     options->force);
        return kExitSuccess;
    };
}

}  // namespace pindex::cli

// pindex aggregate FILE... -o OUT: several respondents of one company -> one answers file, and
// where they disagree most.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/aggregate.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

struct AggregateOptions {
    std::vector<std::string> files;
    std::string output;
    std::string format = "text";
    std::size_t shown = 10;
    std::string rubric;
    bool force = false;
};

int run_aggregate(const AggregateOptions& options) {
    if (options.files.size() < 2) throw UsageError("aggregate needs the answers files of at least two respondents");
    std::vector<NamedInput> inputs{{options.rubric, "the rubric"}};
    for (const auto& file : options.files) inputs.push_back({file, "one of the respondents' files"});
    check_output(options.output, inputs, options.force);
    Rubric rubric = load_rubric_option(options.rubric);
    std::vector<Respondent> respondents;
    for (const auto& file : options.files) {
        Answers answers = load_answers_file(file, rubric);
        std::string name = answers.respondent.empty() ? file : answers.respondent;
        respondents.push_back({std::move(name), std::move(answers)});
    }
    Aggregate aggregate = aggregate_answers(rubric, respondents);
    for (const auto& warning : aggregate.warnings) std::cerr << "pindex: warning: " << warning << '\n';
    write_output(options.output, write_answers_yaml(aggregate.answers, rubric), options.force,
                 fmt::format(", the median answers of {} respondents. Score it with: pindex score {}",
                             respondents.size(), escape_control_characters(options.output)));
    std::cout << (options.format == "json" ? write_disagreements_json(aggregate)
                                           : write_disagreements_text(aggregate, options.shown));
    return kExitSuccess;
}

}  // namespace

CommandRunner add_aggregate_command(CLI::App& app) {
    auto options = std::make_shared<AggregateOptions>();
    CLI::App* command = app.add_subcommand(
        "aggregate", "Combine several respondents' answers into one file; show where they disagree");
    command->add_option("files", options->files, "Answers files of respondents of one company (two or more)")
        ->required()
        ->type_name("FILE...");
    command->add_option("-o,--output", options->output, "The combined answers file to write")
        ->required()
        ->type_name("OUT");
    command->add_option("--format", options->format, "Disagreement report on stdout: text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command->add_option("--top", options->shown, "How many disagreements the text lists")
        ->capture_default_str()
        ->type_name("N");
    add_rubric_option(*command, options->rubric);
    add_force_option(*command, options->force);
    command->footer("Examples:\n"
                    "  pindex aggregate cmo.yaml crm.yaml it.yaml -o company.yaml\n"
                    "  pindex aggregate team/*.yaml -o company.yaml --format json > disagreements.json");
    return [options] { return run_aggregate(*options); };
}

}  // namespace pindex::cli

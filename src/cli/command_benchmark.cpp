// pindex benchmark build FILE... -o SET: peer benchmarks from many assessments, for
// `pindex score --benchmarks SET`.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/benchmark_set.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

struct BenchmarkOptions {
    std::vector<std::string> files;
    std::string output;
    std::string rubric;
    bool force = false;
};

int run_build(const BenchmarkOptions& options) {
    std::vector<NamedInput> inputs{{options.rubric, "the rubric"}};
    for (const auto& file : options.files) inputs.push_back({file, "one of the assessments"});
    check_output(options.output, inputs, options.force);
    Rubric rubric = load_rubric_option(options.rubric);
    std::vector<Report> reports;
    for (const auto& file : options.files) reports.push_back(load_assessment_file(file, rubric));
    BenchmarkSet set = build_benchmark_set(reports);
    write_output(options.output, write_benchmark_set_json(set), options.force,
                 fmt::format(": {} assessments, index median {:.1f}, quartiles {:.1f} to {:.1f}.\n"
                             "Use it with: pindex score FILE --benchmarks {}",
                             set.count(), set.index.quantile(0.5), set.index.quantile(0.25),
                             set.index.quantile(0.75), escape_control_characters(options.output)));
    return kExitSuccess;
}

}  // namespace

CommandRunner add_benchmark_command(CLI::App& app) {
    auto options = std::make_shared<BenchmarkOptions>();
    CLI::App* command = app.add_subcommand("benchmark", "Build peer benchmarks from many assessments");
    command->require_subcommand(1);
    CLI::App* build = command->add_subcommand(
        "build", "Build a benchmark set (count, mean, quartiles, deciles, per part) from answers files or JSON reports");
    build->add_option("files", options->files, "Answers files or JSON reports, one per assessed company")
        ->required()
        ->type_name("FILE...");
    build->add_option("-o,--output", options->output, "The benchmark set to write (JSON)")->required()->type_name("SET");
    add_rubric_option(*build, options->rubric);
    add_force_option(*build, options->force, "Replace SET if it exists");
    build->footer("Examples:\n"
                  "  pindex benchmark build clients/*.yaml -o peers.json\n"
                  "  pindex score answers.yaml --benchmarks peers.json");
    return [options] { return run_build(*options); };
}

}  // namespace pindex::cli

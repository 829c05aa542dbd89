// pindex compare OLD NEW: how the index, its parts and the answers changed between two
// assessments; a CI gate on a drop of the index.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/comparison_report.hpp"

namespace pindex::cli {

namespace {

struct CompareOptions {
    std::string before, after;
    std::string format;  // empty: from the -o file's extension, else text
    std::string output;
    std::optional<double> fail_if_drop;
    std::string rubric;
    bool force = false;
};

int run_compare(const CompareOptions& options) {
    if (options.fail_if_drop && !(*options.fail_if_drop >= 0 && *options.fail_if_drop <= 100))
        throw UsageError(fmt::format("--fail-if-drop must lie in [0, 100], got {}", *options.fail_if_drop));
    check_output(options.output, {{options.before, "an input of the comparison"},
                                  {options.after, "an input of the comparison"},
                                  {options.rubric, "the rubric"}},
                 options.force);
    const auto& format = choose_format(comparison_formats(), options.format, options.output);
    Rubric rubric = load_rubric_option(options.rubric);
    Report before = load_assessment_file(options.before, rubric);
    Report after = load_assessment_file(options.after, rubric);
    Comparison comparison = compare_reports(before, after);
    for (const auto& note : comparison.notes) std::cerr << "pindex: warning: " << note << '\n';
    write_format_output(format, comparison, options.output, options.force);
    double drop = -comparison.index_delta;
    if (options.fail_if_drop && drop > *options.fail_if_drop) {
        std::cerr << fmt::format("pindex: the index dropped by {:.1f} points ({:.1f} -> {:.1f}), more than the "
                                 "allowed {:g}\n", drop, comparison.before.index, comparison.after.index,
                                 *options.fail_if_drop);
        return kExitThresholdFailed;
    }
    return kExitSuccess;
}

}  // namespace

CommandRunner add_compare_command(CLI::App& app) {
    auto options = std::make_shared<CompareOptions>();
    CLI::App* command = app.add_subcommand("compare", "Compare two assessments: index, parts and changed answers");
    command->add_option("old", options->before, "The earlier answers file or JSON report")->required()->type_name("OLD");
    command->add_option("new", options->after, "The later answers file or JSON report")->required()->type_name("NEW");
    command->add_option("--format", options->format,
                        "Output format: text, json, markdown (default: from OUT's extension .txt .json .md, else text)")
        ->check(CLI::IsMember(format_names(comparison_formats())))
        ->type_name("FORMAT");
    command->add_option("-o,--output", options->output, "Write to OUT instead of standard output")->type_name("OUT");
    with_environment(command->add_option("--fail-if-drop", options->fail_if_drop,
                                         "Exit 1 if the index fell by more than N points (0: any drop)"),
                     "PINDEX_FAIL_IF_DROP")
        ->type_name("N");
    add_rubric_option(*command, options->rubric);
    add_force_option(*command, options->force);
    command->footer("Examples:\n"
                    "  pindex compare answers-2025.yaml answers-2026.yaml\n"
                    "  pindex compare report-2025.json answers-2026.yaml -o change.md\n"
                    "  pindex compare last.json current.yaml --fail-if-drop 0   # CI: no drop allowed");
    return [options] { return run_compare(*options); };
}

}  // namespace pindex::cli

// pindex plan: the fewest steps from an answers file to a target index (or the most a budget
// of steps reaches), in waves; optionally the answers file as it would be after the plan.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/file_io.hpp"
#include "pindex/plan_report.hpp"
#include "pindex/scoring.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

struct PlanOptions {
    std::string file;
    std::string target;  // a number or a benchmark id
    std::optional<int> budget;
    int waves = 1;
    std::string format;  // empty: from the -o file's extension, else text
    std::string output;
    std::string answers_out;
    std::string rubric;
    bool allow_incomplete = false;
    bool force = false;
};

PlanGoal goal_of(const PlanOptions& options, const Rubric& rubric) {
    if (options.target.empty() == !options.budget.has_value())
        throw UsageError("give either --target N or --budget K");
    if (options.budget) return PlanGoal{std::nullopt, std::nullopt, options.budget};
    TargetParse parsed = parse_plan_target(options.target, rubric);
    if (!parsed.goal) throw UsageError("--target: " + parsed.error);
    return *parsed.goal;
}

void refuse_overwrites(const PlanOptions& options) {
    std::vector<NamedInput> inputs{{options.file, "the answers file being planned"}, {options.rubric, "the rubric"}};
    check_output(options.output, inputs, options.force);
    if (options.answers_out.empty()) return;
    if (options.answers_out == "-") throw UsageError("--answers-out needs a file: standard output carries the plan");
    check_output(options.answers_out, inputs, options.force, "--answers-out");
    if (!options.output.empty() && options.output != "-" &&
        (options.output == options.answers_out || same_file(options.output, options.answers_out)))
        throw UsageError("-o and --answers-out name the same file");
}

int run_plan(const PlanOptions& options) {
    const auto& format = choose_format(plan_formats(), options.format, options.output);
    Rubric rubric = load_rubric_option(options.rubric);
    PlanGoal goal = goal_of(options, rubric);
    refuse_overwrites(options);
    Answers answers = load_answers_file(options.file, rubric);
    Completeness completeness = score_answers(rubric, answers).completeness;
    if (!completeness.complete() && !options.allow_incomplete) {
        std::cerr << incomplete_message(input_name(options.file), completeness,
                                        "plan with missing answers counted as 0, without steps")
                  << '\n';
        return kExitInvalid;
    }
    Plan plan = make_plan(rubric, answers, options.file, goal, options.waves);
    // Both outputs are made before either is written, and neither is written if either is refused.
    std::vector<OutputFile> files;
    if (!options.answers_out.empty()) files.push_back({options.answers_out, write_answers_yaml(plan.answers_after, rubric)});
    files.push_back({options.output, format.write(plan)});
    write_outputs(files, options.force);
    if (plan.reached) return kExitSuccess;
    std::cerr << fmt::format("pindex: target {:g} cannot be reached: the highest index any plan reaches is {:.1f}\n",
                             *goal.target, plan.highest_index);
    return kExitThresholdFailed;
}

}  // namespace

CommandRunner add_plan_command(CLI::App& app) {
    auto options = std::make_shared<PlanOptions>();
    CLI::App* command = app.add_subcommand(
        "plan", "The fewest steps that raise the index to a target, proven fewest, in waves");
    command->add_option("file", options->file, "Answers file (YAML or JSON); - reads standard input")
        ->required()
        ->type_name("FILE");
    command->add_option("--target", options->target,
                        "The index to reach: a number from 0 to 100, or a benchmark of the rubric (average, "
                        "top-decile)")
        ->type_name("N|BENCHMARK");
    command->add_option("--budget", options->budget,
                        "Instead of a target: the highest index K steps reach (K in effort where the rubric gives "
                        "efforts)")
        ->check(CLI::Range(0, 1000000))
        ->type_name("K");
    command->add_option("--waves", options->waves, "Cut the plan into N waves of about equal effort (default 1)")
        ->check(CLI::Range(1, 1000))
        ->type_name("N");
    command->add_option("--format", options->format,
                        "Output format: " + join(format_names(plan_formats())) +
                            " (default: from OUT's extension .txt .json .md .html, else text)")
        ->check(CLI::IsMember(format_names(plan_formats())))
        ->type_name("FORMAT");
    command->add_option("-o,--output", options->output, "Write the plan to OUT instead of standard output")
        ->type_name("OUT");
    command->add_option("--answers-out", options->answers_out,
                        "Also write the answers file as it would be after the plan, to score again")
        ->type_name("FILE");
    add_force_option(*command, options->force, "Replace OUT and the --answers-out file if they exist");
    add_rubric_option(*command, options->rubric);
    command->add_flag("--allow-incomplete", options->allow_incomplete,
                      "Plan for a file with missing answers: they count 0 and get no step");
    command->footer("Exit codes: 0 planned; 1 the target cannot be reached (the plan to the highest index\n"
                    "reachable is still written); 2 invalid input or usage.\n"
                    "Examples:\n"
                    "  pindex plan answers.yaml --target top-decile --waves 3\n"
                    "  pindex plan answers.yaml --target 49 -o plan.md          # a Marp deck\n"
                    "  pindex plan answers.yaml --budget 10 --format json\n"
                    "  pindex plan answers.yaml --target 72 --answers-out after.yaml && pindex score after.yaml");
    return [options] { return run_plan(*options); };
}

}  // namespace pindex::cli

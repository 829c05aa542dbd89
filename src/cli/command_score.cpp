// pindex score: score an answers file, print or write the report, apply CI thresholds.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/benchmark_set.hpp"
#include "pindex/file_io.hpp"
#include "pindex/report.hpp"
#include "pindex/report_formats.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

struct ScoreOptions {
    std::string file;
    std::string format;  // empty: from the -o file's extension, else text
    std::string output;
    std::optional<double> fail_under;
    std::vector<std::string> fail_under_part;
    std::string rubric;
    std::string benchmarks;  // a peer benchmark set, for percentiles
    bool allow_incomplete = false;
};

std::vector<Threshold> parse_thresholds(const ScoreOptions& options, const Rubric& rubric) {
    std::vector<Threshold> thresholds;
    if (options.fail_under) {
        auto parsed = make_index_threshold(*options.fail_under);
        if (!parsed.threshold) throw UsageError("--fail-under: " + parsed.error);
        thresholds.push_back(*parsed.threshold);
    }
    for (const auto& text : options.fail_under_part) {
        auto parsed = parse_part_threshold(text, rubric);
        if (!parsed.threshold) throw UsageError("--fail-under-part: " + parsed.error);
        thresholds.push_back(*parsed.threshold);
    }
    return thresholds;
}

int run_score(const ScoreOptions& options) {
    const ReportFormat& format = choose_format(report_formats(), options.format, options.output);
    Rubric rubric = load_rubric_option(options.rubric);
    std::vector<Threshold> thresholds = parse_thresholds(options, rubric);
    if (!options.output.empty() && same_file(options.output, options.file))
        throw UsageError(fmt::format("-o {} would overwrite the answers file being scored", options.output));
    Answers answers = load_answers_file(options.file, rubric);
    Report report = build_report(rubric, answers, options.file, thresholds);
    if (!options.benchmarks.empty())
        report.peers = peer_position(read_benchmark_set(read_input(options.benchmarks), options.benchmarks),
                                     options.benchmarks, report);
    if (!report.completeness.complete() && !options.allow_incomplete) {
        std::cerr << incomplete_message(options.file == "-" ? "<stdin>" : options.file,
                                        report.completeness, "score missing answers as 0")
                  << '\n';
        return kExitInvalid;
    }
    write_output(options.output, format.write(report));
    bool passed = true;
    for (const auto& result : report.thresholds) {
        if (result.passed) continue;
        passed = false;
        std::string target = result.threshold.part_id.empty() ? "the index" : "part " + result.threshold.part_id;
        std::cerr << fmt::format("pindex: threshold not met: {} is {:.1f}, below the required {:g}\n", target,
                                 result.actual, result.threshold.minimum);
    }
    return passed ? kExitSuccess : kExitThresholdFailed;
}

}  // namespace

CommandRunner add_score_command(CLI::App& app) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* command = app.add_subcommand("score", "Score an answers file and report the index");
    command->add_option("file", options->file, "Answers file (YAML or JSON); - reads standard input")
        ->required()
        ->type_name("FILE");
    std::vector<std::string> names = format_names(report_formats());
    command->add_option("--format", options->format,
                        "Report format: " + join(names) +
                            " (default: from OUT's extension .txt .json .md .html .svg .csv, else text)")
        ->check(CLI::IsMember(names))
        ->type_name("FORMAT");
    command->add_option("-o,--output", options->output, "Write the report to OUT instead of standard output")
        ->type_name("OUT");
    command->add_option("--fail-under", options->fail_under, "Exit 1 if the index is below N (0-100)")
        ->type_name("N");
    command->add_option("--fail-under-part", options->fail_under_part,
                        "Exit 1 if part ID has fewer than N points (repeatable)")
        ->type_name("ID=N");
    add_rubric_option(*command, options->rubric);
    command->add_option("--benchmarks", options->benchmarks,
                        "Show percentiles among the assessments of SET (from 'pindex benchmark build')")
        ->type_name("SET");
    command->add_flag("--allow-incomplete", options->allow_incomplete,
                      "Score unanswered questions as 0 instead of failing");
    command->footer("Examples:\n"
                    "  pindex score answers.yaml\n"
                    "  pindex score answers.yaml --format json -o report.json --fail-under 49\n"
                    "  pindex score answers.yaml -o report.html     # the format follows the extension\n"
                    "  pindex score answers.yaml --fail-under-part empower-me=25");
    return [options] { return run_score(*options); };
}

}  // namespace pindex::cli

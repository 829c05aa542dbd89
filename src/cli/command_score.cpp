// pindex score: score an answers file, print or write the report, apply CI thresholds.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include <unistd.h>

#include "color.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "pindex/batch.hpp"
#include "pindex/benchmark_set.hpp"
#include "pindex/file_io.hpp"
#include "pindex/report.hpp"
#include "pindex/report_formats.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

struct ScoreOptions {
    std::vector<std::string> files;  // one file: a full report; several, or a directory: a summary row each
    std::string file;                // the one file, in single-file mode
    std::string format;  // empty: from the -o file's extension, else text
    std::string output;
    std::optional<double> fail_under;
    std::vector<std::string> fail_under_part;
    std::string rubric;
    std::string benchmarks;  // a peer benchmark set, for percentiles
    bool allow_incomplete = false;
    unsigned jobs = 0;  // batch: threads, 0 for one per core
    bool force = false;
};

constexpr std::string_view kBatchFormats[] = {"csv", "jsonl"};

// One line on stderr for a threshold not met, so that a CI log says which one failed, and in
// which file when several were scored: "pindex: threshold not met: a.yaml: the index is 44.9,
// below the required 49".
void print_missed(const ThresholdResult& result, const std::string& file = "") {
    std::string target = result.threshold.part_id.empty() ? "the index" : "part " + result.threshold.part_id;
    std::cerr << fmt::format("pindex: threshold not met: {}{} is {:.1f}, below the required {:g}\n",
                             file.empty() ? "" : escape_control_characters(file) + ": ", target, result.actual,
                             result.threshold.minimum);
}

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

// Several files: the rubric loaded once, a summary row per valid file, every invalid file named
// on stderr; exit 2 if any was invalid, else 1 if any missed a threshold.
int run_batch(const ScoreOptions& options) {
    std::string format = options.format;
    if (format.empty()) format = has_extension(options.output, ".jsonl") ? "jsonl" : "csv";
    if (format != "csv" && format != "jsonl")
        throw UsageError(fmt::format("--format {}: with several files or a directory, the output is one summary row "
                                     "per file, as csv or jsonl", format));
    if (!options.benchmarks.empty()) throw UsageError("--benchmarks applies to one file's report, not to several files");
    Rubric rubric = load_rubric_option(options.rubric);
    BatchOptions batch{parse_thresholds(options, rubric), options.allow_incomplete, options.jobs};
    ExpandedInputs expanded = expand_inputs(options.files);
    print_diagnostics(expanded.problems);
    const std::vector<std::string>& files = expanded.files;
    if (files.empty() && expanded.has_errors()) return kExitInvalid;
    if (files.empty()) throw UsageError("no answers files (.yaml, .yml, .json) found in " + join(options.files));
    std::vector<NamedInput> inputs{{options.rubric, "the rubric"}};
    for (const auto& file : files) inputs.push_back({file, "one of the files being scored"});
    check_output(options.output, inputs, options.force);
    std::vector<BatchItem> items = score_batch(rubric, files, batch);
    std::size_t invalid = 0;
    bool passed = true;
    for (const auto& item : items) {
        print_diagnostics(item.warnings);
        print_diagnostics(item.errors);
        if (!item.row) ++invalid;
        else passed = passed && item.row->missed.empty();
    }
    write_output(options.output, format == "csv" ? write_batch_csv(rubric, items) : write_batch_jsonl(rubric, items),
                 options.force);
    for (const auto& item : items)
        if (item.row)
            for (const auto& result : item.row->missed) print_missed(result, item.file);
    if (invalid > 0)
        std::cerr << fmt::format("pindex: {} of {} files were invalid (listed above); the summary holds the other {}\n",
                                 invalid, items.size(), items.size() - invalid);
    if (expanded.has_errors())
        std::cerr << "pindex: some directories could not be read (listed above): the summary lacks their files\n";
    if (invalid > 0 || expanded.has_errors()) return kExitInvalid;
    return passed ? kExitSuccess : kExitThresholdFailed;
}

bool is_batch(const ScoreOptions& options) {
    if (options.files.size() > 1 || options.format == "jsonl") return true;
    std::error_code error;
    return options.files.front() != "-" && std::filesystem::is_directory(options.files.front(), error);
}

int run_single(const ScoreOptions& options) {
    const ReportFormat& format = choose_format(report_formats(), options.format, options.output);
    Rubric rubric = load_rubric_option(options.rubric);
    std::vector<Threshold> thresholds = parse_thresholds(options, rubric);
    check_output(options.output, {{options.file, "the answers file being scored"},
                                  {options.rubric, "the rubric"},
                                  {options.benchmarks, "the benchmark set"}},
                 options.force);
    std::string input_sha256;
    Answers answers = load_answers_file(options.file, rubric, input_sha256);
    Report report = build_report(rubric, answers, options.file, thresholds);
    report.input_sha256 = input_sha256;
    report.generated_at = report_timestamp();
    if (!options.benchmarks.empty())
        report.peers = peer_position(read_benchmark_set(read_input(options.benchmarks), options.benchmarks),
                                     options.benchmarks, report);
    if (!report.completeness.complete() && !options.allow_incomplete) {
        std::cerr << incomplete_message(input_name(options.file),
                                        report.completeness, "score missing answers as 0")
                  << '\n';
        return kExitInvalid;
    }
    bool to_terminal = options.output.empty() || options.output == "-";
    if (to_terminal && format.name == "xlsx" && isatty(STDOUT_FILENO))
        throw UsageError("an XLSX workbook is a binary file: write it with -o report.xlsx (or redirect stdout)");
    if (to_terminal && format.name == "text")
        write_output(options.output, colorize_report_text(format.write(report), STDOUT_FILENO), false);
    else
        write_format_output(format, report, options.output, options.force);
    bool passed = true;
    for (const auto& result : report.thresholds) {
        if (result.passed) continue;
        passed = false;
        print_missed(result);
    }
    return passed ? kExitSuccess : kExitThresholdFailed;
}

int run_score(ScoreOptions options) {
    if (is_batch(options)) return run_batch(options);
    options.file = options.files.front();
    return run_single(options);
}

}  // namespace

CommandRunner add_score_command(CLI::App& app) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* command = app.add_subcommand("score", "Score an answers file and report the index; or many files, "
                                                    "a summary row each");
    command->add_option("files", options->files,
                        "Answers file (YAML or JSON); - reads standard input. Several files or a directory "
                        "(searched for .yaml .yml .json) give one summary row per file")
        ->required()
        ->type_name("FILE|DIR");
    std::vector<std::string> names = format_names(report_formats());
    // The report formats, then the batch formats that are not also report formats (csv is both).
    std::vector<std::string> accepted = names;
    for (std::string_view batch : kBatchFormats)
        if (std::find(accepted.begin(), accepted.end(), batch) == accepted.end()) accepted.emplace_back(batch);
    command->add_option("--format", options->format,
                        "Report format: " + join(names) +
                            " (default: from OUT's extension .txt .json .md .html .svg .csv .xml .xlsx, else text); "
                            "for several files: csv (default) or jsonl")
        ->check(CLI::IsMember(accepted))
        ->type_name("FORMAT");
    command->add_option("-o,--output", options->output, "Write the report to OUT instead of standard output")
        ->type_name("OUT");
    add_force_option(*command, options->force);
    with_environment(command->add_option("--fail-under", options->fail_under, "Exit 1 if the index is below N (0-100)"),
                     "PINDEX_FAIL_UNDER")
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
    with_environment(command->add_option("-j,--jobs", options->jobs, "Several files: score on N threads (default: one per core)"),
                     "PINDEX_JOBS")
        ->check(CLI::Range(1u, 256u))
        ->type_name("N");
    command->footer("Examples:\n"
                    "  pindex score answers.yaml\n"
                    "  pindex score answers.yaml --format json -o report.json --fail-under 49\n"
                    "  pindex score answers.yaml -o report.html     # the format follows the extension\n"
                    "  pindex score answers.yaml -o deck.md         # a Marp deck, its charts beside it\n"
                    "  pindex score answers.yaml -o client.xlsx     # an Excel workbook\n"
                    "  pindex score answers.yaml --fail-under-part empower-me=25\n"
                    "  pindex score assessments/ -o summary.csv       # a summary row per file");
    return [options] { return run_score(*options); };
}

}  // namespace pindex::cli

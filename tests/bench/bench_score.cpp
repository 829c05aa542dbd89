// Benchmark: how long `pindex score FILE` takes. Reports, never asserts (see docs/performance.md).
//   pindex_bench_score [ANSWERS_FILE] [RUNS]
// Measures (1) the wall time of the real binary, process start to exit, as a CI job sees it, and
// (2) the in-process pipeline: read and load answers, score, write JSON (the built-in rubric is
// compiled in, so there is nothing to parse for it).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/file_io.hpp"
#include "pindex/report.hpp"
#include "pindex/report_json.hpp"
#include "pindex/rubric.hpp"
#include "run_child.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void print_summary(const char* what, std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[static_cast<std::size_t>(q * double(samples.size() - 1))]; };
    std::printf("%-44s runs %4zu  min %7.3f ms  median %7.3f ms  p95 %7.3f ms  max %7.3f ms\n", what,
                samples.size(), samples.front(), at(0.5), at(0.95), samples.back());
}

double peak_rss_mib = 0;  // of the largest child run so far

// Runs argv to completion (exit 0 or 1: a threshold may fail); returns the wall time in ms.
double run_process_once(const std::vector<const char*>& argv) {
    pindex::bench::ChildRun run = pindex::bench::run_child(argv, 1);
    peak_rss_mib = std::max(peak_rss_mib, run.peak_rss_mib);
    return run.seconds * 1e3;
}

double run_pipeline_once(const std::string& answers_path) {
    auto start = Clock::now();
    const pindex::Rubric& rubric = pindex::default_rubric();
    pindex::Answers answers = pindex::load_answers(pindex::read_input(answers_path), answers_path, rubric);
    pindex::Report report = pindex::build_report(rubric, answers, answers_path, {});
    std::string json = pindex::write_report_json(report);
    double elapsed = milliseconds_since(start);
    if (json.empty()) std::exit(2);
    return elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    std::string answers = argc > 1 ? argv[1] : "examples/typical.yaml";
    int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
    std::vector<const char*> score = {PINDEX_BINARY, "score", answers.c_str(), "--format", "json", nullptr};
    std::vector<const char*> version = {PINDEX_BINARY, "--version", nullptr};
    std::vector<const char*> floor = {"/bin/true", nullptr};
    std::vector<double> score_ms, version_ms, floor_ms, pipeline_ms;
    run_process_once(score);  // warm the page cache
    std::printf("peak memory of pindex score: %.1f MiB\n", peak_rss_mib);
    // Interleaved, so that a change in machine load affects all three alike.
    for (int i = 0; i < runs; ++i) {
        score_ms.push_back(run_process_once(score));
        version_ms.push_back(run_process_once(version));
        floor_ms.push_back(run_process_once(floor));
    }
    for (int i = 0; i < runs; ++i) pipeline_ms.push_back(run_pipeline_once(answers));
    std::printf("pindex score %s --format json\n", answers.c_str());
    print_summary("pindex score (fork, exec, score, exit)", score_ms);
    print_summary("pindex --version (start-up only)", version_ms);
    print_summary("/bin/true (floor: starting any process)", floor_ms);
    print_summary("in-process pipeline (answers+score+json)", pipeline_ms);
    return 0;
}

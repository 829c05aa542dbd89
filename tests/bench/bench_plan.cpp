// Benchmark: how long `pindex plan` takes for the built-in rubric. Reports, never asserts (see
// docs/performance.md).
//   pindex_bench_plan [RUNS] [ANSWERS_FILE...]
// For each answers file (default: the three examples) and each target (49, 72, 90) it measures
// (1) the plan in process, make_plan alone: the exact search, the ordering and the rescoring of
// every step, and (2) the real binary, `pindex plan FILE --target T --format json`, fork to exit;
// and, for scale, /bin/true: what starting any process costs on this machine.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/file_io.hpp"
#include "pindex/plan.hpp"
#include "pindex/rubric.hpp"
#include "run_child.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Summary {
    double min, median, p95;
};

Summary summarize(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[static_cast<std::size_t>(q * double(samples.size() - 1))]; };
    return {samples.front(), at(0.5), at(0.95)};
}

double plan_once(const pindex::Answers& answers, double target, std::size_t& steps) {
    auto start = Clock::now();
    pindex::Plan plan = pindex::make_plan(pindex::default_rubric(), answers, "bench", {target, std::nullopt, std::nullopt}, 3);
    double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    steps = plan.step_count;
    return elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
    std::vector<std::string> files(argv + std::min(argc, 2), argv + argc);
    if (files.empty()) files = {"examples/laggard.yaml", "examples/typical.yaml", "examples/leader.yaml"};
    std::printf("%-24s %6s %6s  %28s  %28s\n", "answers", "target", "steps", "in process: min/median/p95 ms",
                "pindex plan: min/median/p95 ms");
    for (const auto& file : files) {
        pindex::Answers answers = pindex::load_answers(pindex::read_input(file), file, pindex::default_rubric());
        for (double target : {49.0, 72.0, 90.0}) {
            std::string target_text = std::to_string(int(target));
            std::vector<const char*> command = {PINDEX_BINARY, "plan",     file.c_str(), "--target",
                                                target_text.c_str(), "--format", "json", nullptr};
            pindex::bench::run_child(command, 1);  // warm the page cache
            std::vector<double> in_process, whole;
            std::size_t steps = 0;
            // Interleaved, so that a change in machine load affects both alike.
            for (int i = 0; i < runs; ++i) {
                in_process.push_back(plan_once(answers, target, steps));
                whole.push_back(pindex::bench::run_child(command, 1).seconds * 1e3);
            }
            Summary a = summarize(in_process), b = summarize(whole);
            std::printf("%-24s %6.0f %6zu  %8.3f %8.3f %8.3f    %8.3f %8.3f %8.3f\n", file.c_str(), target, steps,
                        a.min, a.median, a.p95, b.min, b.median, b.p95);
        }
    }
    std::vector<double> floor;
    std::vector<const char*> true_command = {"/bin/true", nullptr};
    for (int i = 0; i < runs; ++i) floor.push_back(pindex::bench::run_child(true_command, 0).seconds * 1e3);
    Summary f = summarize(floor);
    std::printf("%-45s    %8.3f %8.3f %8.3f\n", "/bin/true (floor: starting any process)", f.min, f.median, f.p95);
    return 0;
}

// Benchmark: batch scoring (`pindex score DIR`) against the floor of merely parsing the same files
// with yaml-cpp, and how time grows with the number of files and with rubric size. Reports, never
// asserts (see docs/performance.md).
//   pindex_bench_batch [FILES] [REPEATS]
// It writes FILES random but valid answers files of the built-in rubric to a temporary folder,
// then times, best of REPEATS:
//   floor      read each file and YAML::Load it, one thread, nothing else
//   in process score_batch on one thread and on two (read, check UTF-8, parse, validate, score)
//   binary     the real `pindex score DIR --format csv` with -j 1 and -j 2, start to exit
// then the per-file cost for 1/4, 1/2 and all of the files, and for rubrics 1, 2, 4 and 8 times as
// large (every question repeated under new ids).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "pindex/answers.hpp"
#include "pindex/batch.hpp"
#include "pindex/file_io.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"
#include "run_child.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

template <typename Run>
double best_of(int repeats, Run run) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        auto start = Clock::now();
        run();
        best = std::min(best, seconds_since(start));
    }
    return best;
}

// A valid, complete answers value for every applicable question, drawn at random.
pindex::Answers random_answers(const pindex::Rubric& rubric, std::mt19937& random) {
    using namespace pindex;
    Answers answers;
    answers.rubric_id = rubric.id;
    answers.organization = "Benchmark company " + std::to_string(random() % 100000);
    answers.date = "2026-11-23";
    auto pick = [&](std::size_t count) { return static_cast<std::size_t>(random() % count); };
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            if (!is_applicable(question, answers)) continue;
            switch (question.type) {
                case QuestionType::choice: answers.answers[question.id] = question.options[pick(question.options.size())].id; break;
                case QuestionType::multi: {
                    std::vector<std::string> chosen;
                    for (const auto& option : question.options)
                        if (random() % 2) chosen.push_back(option.id);
                    answers.answers[question.id] = chosen;
                    break;
                }
                case QuestionType::number: {
                    const Band& band = question.bands[pick(question.bands.size())];
                    answers.answers[question.id] = band.min + (band.max ? (*band.max - band.min) / 2 : 1);
                    break;
                }
                case QuestionType::matrix: {
                    MatrixAnswer matrix;
                    for (const auto& row : question.rows)
                        for (const auto& column : question.columns)
                            matrix[row.id][column.id] = pick(5) == 0 ? std::string(kNotApplicable)
                                                                     : question.levels[pick(question.levels.size())].id;
                    answers.answers[question.id] = matrix;
                    break;
                }
            }
        }
    return answers;
}

// The rubric with every question repeated `times` times under new ids (conditions follow their copy).
pindex::Rubric scaled_rubric(const pindex::Rubric& rubric, int times) {
    pindex::Rubric scaled = rubric;
    for (auto& part : scaled.parts) {
        std::vector<pindex::Question> questions;
        for (int copy = 0; copy < times; ++copy)
            for (auto question : part.questions) {
                std::string suffix = copy ? "-" + std::to_string(copy) : "";
                question.id += suffix;
                if (question.when) question.when->question += suffix;
                questions.push_back(std::move(question));
            }
        part.questions = std::move(questions);
    }
    scaled.advantage.reset();
    return scaled;
}

std::vector<std::string> write_files(const fs::path& folder, const pindex::Rubric& rubric, std::size_t count) {
    fs::create_directories(folder);
    std::mt19937 random(20261123);
    std::vector<std::string> files;
    for (std::size_t i = 0; i < count; ++i) {
        fs::path file = folder / ("assessment-" + std::to_string(100000 + i) + ".yaml");
        std::ofstream(file, std::ios::binary) << pindex::write_answers_yaml(random_answers(rubric, random), rubric);
        files.push_back(file.string());
    }
    return files;
}

void parse_only(const std::vector<std::string>& files) {
    for (const auto& file : files) {
        YAML::Node node = YAML::Load(pindex::read_input(file));
        if (!node.IsMap()) std::exit(2);
    }
}

void score_in_process(const pindex::Rubric& rubric, const std::vector<std::string>& files, unsigned jobs) {
    auto items = pindex::score_batch(rubric, files, {{}, false, jobs});
    for (const auto& item : items)
        if (!item.row) {
            std::fprintf(stderr, "%s did not score\n", item.file.c_str());
            std::exit(2);
        }
}

// Runs the binary; returns its wall time in seconds and peak RSS in MiB.
std::pair<double, double> run_binary(const std::vector<std::string>& args) {
    std::vector<const char*> argv = {PINDEX_BINARY};
    for (const auto& arg : args) argv.push_back(arg.c_str());
    argv.push_back(nullptr);
    pindex::bench::ChildRun run = pindex::bench::run_child(argv, 0);
    return {run.seconds, run.peak_rss_mib};
}

void row(const char* what, std::size_t files, double seconds, double floor) {
    std::printf("  %-40s %6zu files %9.1f ms %8.1f µs/file %9.0f files/s %6.2f× floor\n", what, files, seconds * 1e3,
                seconds / double(files) * 1e6, double(files) / seconds, seconds / floor);
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = argc > 1 ? std::max(8, std::atoi(argv[1])) : 2000;
    int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    fs::path folder = fs::temp_directory_path() / ("pindex-bench-" + std::to_string(::getpid()));
    const pindex::Rubric& rubric = pindex::default_rubric();
    std::vector<std::string> files = write_files(folder / "x1", rubric, count);
    std::uintmax_t bytes = 0;
    for (const auto& file : files) bytes += fs::file_size(file);
    std::printf("%zu answers files of the built-in rubric, %.1f KiB each on average, best of %d runs\n\n", count,
                double(bytes) / double(count) / 1024, repeats);

    parse_only(files);  // warm the page cache
    double floor = best_of(repeats, [&] { parse_only(files); });
    std::printf("Against the floor (yaml-cpp parsing alone, one thread):\n");
    row("floor: read + YAML::Load", count, floor, floor);
    row("score_batch, 1 thread", count, best_of(repeats, [&] { score_in_process(rubric, files, 1); }), floor);
    row("score_batch, 2 threads", count, best_of(repeats, [&] { score_in_process(rubric, files, 2); }), floor);
    double rss = 0;
    for (const char* jobs : {"1", "2"}) {
        double best = 1e300;
        for (int i = 0; i < repeats; ++i) {
            auto [seconds, peak] = run_binary({"score", (folder / "x1").string(), "--format", "csv", "-j", jobs});
            best = std::min(best, seconds);
            rss = std::max(rss, peak);
        }
        row(jobs[0] == '1' ? "pindex score DIR -j 1 (whole process)" : "pindex score DIR -j 2 (whole process)", count,
            best, floor);
    }
    std::printf("  peak memory of pindex score DIR: %.1f MiB\n\n", rss);

    std::printf("Growth with the number of files (score_batch, 1 thread):\n");
    for (std::size_t n : {count / 4, count / 2, count}) {
        std::vector<std::string> some(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(n));
        row("files", n, best_of(repeats, [&] { score_in_process(rubric, some, 1); }), floor * double(n) / double(count));
    }

    std::printf("\nGrowth with rubric size (score_batch, 1 thread, %zu files each):\n", count / 4);
    for (int times : {1, 2, 4, 8}) {
        pindex::Rubric scaled = scaled_rubric(rubric, times);
        std::vector<std::string> scaled_files = write_files(folder / ("x" + std::to_string(times)), scaled, count / 4);
        parse_only(scaled_files);
        double scaled_floor = best_of(repeats, [&] { parse_only(scaled_files); });
        std::string what = std::to_string(scaled.question_count()) + " questions";
        row(what.c_str(), scaled_files.size(), best_of(repeats, [&] { score_in_process(scaled, scaled_files, 1); }),
            scaled_floor);
    }
    fs::remove_all(folder);
    return 0;
}

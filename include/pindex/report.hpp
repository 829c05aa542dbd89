#pragma once
// The report model: everything a writer (JSON, text, and later the other formats) shows about
// one scored answers file. Writers only format; every number is computed here or in scoring.
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"
#include "pindex/thresholds.hpp"

namespace pindex {

struct BenchmarkPosition {
    Benchmark benchmark;
    double delta = 0;  // index - benchmark score, rounded to one decimal
};

struct Report {
    std::string tool_version;
    std::string rubric_id;
    std::string rubric_version;
    std::string rubric_name;
    std::string source;  // the answers file as named on the command line ("-" for stdin)
    std::string organization;
    std::string respondent;
    std::string date;
    Score score;
    std::vector<BenchmarkPosition> benchmarks;
    std::vector<ThresholdResult> thresholds;

    bool thresholds_passed() const;
};

Report build_report(const Rubric& rubric, const Answers& answers, const std::string& source,
                    const std::vector<Threshold>& thresholds);

}  // namespace pindex

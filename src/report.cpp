#include "pindex/report.hpp"

#include "pindex/version.hpp"

namespace pindex {

bool Report::thresholds_passed() const {
    for (const auto& result : thresholds)
        if (!result.passed) return false;
    return true;
}

Report build_report(const Rubric& rubric, const Answers& answers, const std::string& source,
                    const std::vector<Threshold>& thresholds) {
    Report report;
    report.tool_version = kVersion;
    report.rubric_id = rubric.id;
    report.rubric_version = rubric.version;
    report.rubric_name = rubric.name;
    report.source = source;
    report.organization = answers.organization;
    report.respondent = answers.respondent;
    report.date = answers.date;
    report.score = score_answers(rubric, answers);
    for (const auto& benchmark : rubric.benchmarks)
        report.benchmarks.push_back({benchmark, round_to_tenth(report.score.index - benchmark.score)});
    report.thresholds = evaluate_thresholds(thresholds, report.score);
    return report;
}

}  // namespace pindex

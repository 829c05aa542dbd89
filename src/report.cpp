#include "pindex/report.hpp"

#include <fmt/format.h>

#include "pindex/answer_words.hpp"
#include "pindex/text.hpp"
#include "pindex/version.hpp"

namespace pindex {

namespace {

QuestionReport question_report(const Question& question, const QuestionScore& score, const Answers& answers,
                               double points_per_weight) {
    QuestionReport report;
    report.id = question.id;
    report.text = question.text;
    report.type = question.type;
    report.weight = question.weight;
    report.applicable = score.applicable;
    report.answered = score.answered;
    report.score = score.score;
    report.max_points = score.applicable ? question.weight * points_per_weight : 0;
    report.points = report.max_points * score.score;
    if (const AnswerValue* answer = answers.find(question.id)) {
        report.answer = *answer;
        report.answer_text = answer_words(question, *answer);
    }
    if (question.type == QuestionType::matrix) {
        report.rows = matrix_rows(question, answers);
        report.columns = matrix_columns(question, answers);
        report.levels = question.levels;
    }
    if (auto note = answers.notes.find(question.id); note != answers.notes.end()) report.note = note->second;
    return report;
}

PartReport part_report(const Part& part, const PartScore& score, const Answers& answers) {
    PartReport report{part.id, part.name, part.description, part.weight, score.fraction,
                      score.points, score.applicable, {}};
    double applicable_weight = 0;
    for (const auto& question : score.questions)
        if (question.applicable) applicable_weight += question.weight;
    double points_per_weight = applicable_weight > 0 ? part.weight / applicable_weight : 0;
    for (std::size_t i = 0; i < part.questions.size(); ++i)
        report.questions.push_back(question_report(part.questions[i], score.questions[i], answers, points_per_weight));
    return report;
}

}  // namespace

const std::string* QuestionReport::cell(std::string_view row, std::string_view column) const {
    if (!answer || !std::holds_alternative<MatrixAnswer>(*answer)) return nullptr;
    return find_cell(std::get<MatrixAnswer>(*answer), row, column);
}

const Option* QuestionReport::level(std::string_view level_id) const {
    for (const auto& candidate : levels)
        if (candidate.id == level_id) return &candidate;
    return nullptr;
}

std::string percent_words(double fraction) { return fmt::format("{:.0f}%", fraction * 100); }

std::string delta_words(double delta) {
    if (delta > 0) return fmt::format("{:.1f} above", delta);
    if (delta < 0) return fmt::format("{:.1f} below", -delta);
    return "level with it";
}

std::string completeness_words(const Completeness& completeness) {
    if (completeness.complete())
        return fmt::format("Complete: all {} applicable questions answered.", completeness.applicable);
    return fmt::format("Incomplete: {} of {} applicable questions answered; missing answers score 0. Missing: {}.",
                       completeness.answered, completeness.applicable, describe_missing(completeness));
}

std::string peer_words(const PeerPosition& peers, double index) {
    return fmt::format("Among the {} assessments of {}, this index of {:.1f} lies above {:.0f}% of them (ties count "
                       "half); their median is {:.1f}, their middle half {:.1f} to {:.1f}.",
                       peers.count, peers.source, index, peers.percentile, peers.median, peers.q1, peers.q3);
}

std::string move_target_words(const Move& move) {
    if (!move.row || !move.column) return move.question;
    return fmt::format("{}: {} / {}", move.question, move.row->label, move.column->label);
}

bool Report::thresholds_passed() const {
    for (const auto& result : thresholds)
        if (!result.passed) return false;
    return true;
}

IndexBand Report::index_band() const {
    IndexBand band;
    for (const auto& position : benchmarks) {
        const Benchmark& benchmark = position.benchmark;
        if (index >= benchmark.score && (!band.lower || benchmark.score > band.lower->score)) band.lower = &benchmark;
        if (index < benchmark.score && (!band.upper || benchmark.score < band.upper->score)) band.upper = &benchmark;
    }
    auto name = [](const Benchmark* b) { return fmt::format("{} ({:g})", b->label, b->score); };
    if (band.lower && band.upper)
        band.words = fmt::format("between the {} and the {}", name(band.lower), name(band.upper));
    else if (band.lower)
        band.words = fmt::format("at or above the {}", name(band.lower));
    else if (band.upper)
        band.words = fmt::format("below the {}", name(band.upper));
    return band;
}

Report build_report(const Rubric& rubric, const Answers& answers, const std::string& source,
                    const std::vector<Threshold>& thresholds) {
    Report report;
    report.tool_version = kVersion;
    report.rubric_id = rubric.id;
    report.rubric_version = rubric.version;
    report.calibration = rubric.calibration;
    report.rubric_name = rubric.name;
    report.rubric_conventions = rubric.conventions;
    report.source = source;
    report.organization = answers.organization;
    report.respondent = answers.respondent;
    report.date = answers.date;
    Score score = score_answers(rubric, answers);
    report.index = score.index;
    report.completeness = score.completeness;
    for (std::size_t i = 0; i < rubric.parts.size(); ++i)
        report.parts.push_back(part_report(rubric.parts[i], score.parts[i], answers));
    for (const auto& benchmark : rubric.benchmarks)
        report.benchmarks.push_back({benchmark, round_to_tenth(score.index - benchmark.score)});
    report.thresholds = evaluate_thresholds(thresholds, score);
    report.moves = find_moves(rubric, answers);
    report.advantage = compute_advantage(rubric, answers);
    return report;
}

}  // namespace pindex

#include "pindex/report.hpp"

#include <algorithm>
#include <cmath>

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

std::string percent_words(double fraction) {
    // Half away from zero with round_to_tenth's allowance for binary error, so that a share agrees
    // with the points beside it: 7.75 of 10 points is shown 7.8, and its share 78%, not 77%.
    return fmt::format("{:.0f}%", std::round(fraction * 100 + 1e-9));
}

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
    std::string words = fmt::format(
        "Among the {} assessments of your peer set ({}), this index of {:.1f} lies above {:.0f}% of them (ties "
        "count half); their median is {:.1f}, their middle half {:.1f} to {:.1f}.", peers.count, peers.source, index,
        peers.percentile, peers.median, peers.q1, peers.q3);
    if (peers.includes_this)
        words += " This very assessment is one of them, so the set partly measures the company against itself.";
    return words;
}

std::string move_target_words(const Move& move) {
    std::string part = move.part_name.empty() ? move.part : move.part_name;
    if (move.row && move.column) return fmt::format("{}: {}, in {}", part, move.row->label, move.column->label);
    return fmt::format("{}: {}", part, move.question_text.empty() ? move.question : move.question_text);
}

std::string plan_pointer_words(const Report& report) {
    const Benchmark* next = report.index_band().upper;
    if (!next || report.moves.empty()) return "";
    std::string source = report.source.empty() || report.source == "-" ? "ANSWERS.yaml" : report.source;
    return fmt::format("The fewest steps to the {} ({:g}), found by exact search: pindex plan {} --target {}",
                       next->label, next->score, shell_word(source), next->id);
}

std::string move_change_words(const Move& move) {
    std::string target = move_target_words(move);
    // "Who is accountable ...? A named manager -> ...": a question mark is joint enough.
    std::string joint = !target.empty() && (target.back() == '?' || target.back() == '.') ? " " : ": ";
    return target + joint + move.from_text + " -> " + move.to_text;
}

std::string incomplete_caveat(const Completeness& completeness) {
    if (completeness.complete()) return "";
    return fmt::format("Incomplete: {} of {} applicable questions answered; missing answers score 0",
                       completeness.answered, completeness.applicable);
}

std::string benchmark_citation(const Report& report) {
    std::vector<std::string> scores, sources;
    for (const auto& position : report.benchmarks) {
        scores.push_back(fmt::format("{:g}", position.benchmark.score));
        // The rubric's sources read "who, what, where: which figure"; the citation is the part
        // before the colon, once for all the benchmarks that share it.
        std::string source = position.benchmark.source.substr(0, position.benchmark.source.find(": "));
        if (std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
    }
    if (scores.empty()) return "";
    std::string last = scores.back();
    scores.pop_back();
    std::string said = scores.empty() ? "Benchmark " + last : "Benchmarks " + join(scores) + " and " + last;
    return fmt::format("{}: {}.", said, join(sources, "; "));
}

std::vector<std::string> legend_lines(const Report& report) {
    std::vector<std::string> lines;
    if (!report.rubric_description.empty()) lines.push_back(report.rubric_description);
    std::vector<std::string> parts;
    double total = 0;
    for (const auto& part : report.parts) {
        parts.push_back(fmt::format("{} {:g}", part.name, part.weight));
        total += part.weight;
    }
    if (!parts.empty())
        lines.push_back(fmt::format("Points per part: {} ({:g} in all).", join(parts, ", "), total));
    std::vector<std::string> marks;
    for (const auto& position : report.benchmarks) {
        const std::string& source = position.benchmark.source;
        std::size_t colon = source.find(": ");
        marks.push_back(fmt::format("{:g} is the {}{}", position.benchmark.score, position.benchmark.label,
                                    colon == std::string::npos ? "" : " (" + source.substr(colon + 2) + ")"));
    }
    if (!marks.empty()) lines.push_back("Published benchmarks: " + join(marks, "; ") + ".");
    return lines;
}

namespace {

std::string first_move_words(const Move& move) {
    std::string where = move.part_name.empty() ? move.part : move.part_name;
    if (move.row && move.column) where += fmt::format(", {} in {}", move.row->label, move.column->label);
    std::string step = move.advice.empty() ? fmt::format("{} to \"{}\"", move.question_text, move.to_text)
                                           : move.advice;
    if (!step.empty() && step.back() == '.') step.pop_back();
    return fmt::format("{} ({}, +{:.1f} points)", step, where, round_to_tenth(move.gain));
}

}  // namespace

std::string so_what(const Report& report) {
    const PartReport* weakest = nullptr;
    const PartReport* most_missing = nullptr;
    double missing = 0;
    for (const auto& part : report.parts) {
        missing += part.weight - part.points;
        if (part.applicable && (!weakest || part.fraction < weakest->fraction)) weakest = &part;
        if (!most_missing || part.weight - part.points > most_missing->weight - most_missing->points)
            most_missing = &part;
    }
    if (!weakest || !most_missing) return "";
    std::string gap = fmt::format("{:.1f} of the {:.1f} points missing",
                                  round_to_tenth(most_missing->weight - most_missing->points), round_to_tenth(missing));
    std::string sentence =
        weakest == most_missing
            ? fmt::format("{} is the weakest part ({} of its {:g} points) and holds the most to gain ({})",
                          weakest->name, percent_words(weakest->fraction), weakest->weight, gap)
            : fmt::format("{} is the weakest part ({} of its {:g} points); {} holds the most to gain ({})",
                          weakest->name, percent_words(weakest->fraction), weakest->weight, most_missing->name, gap);
    if (!report.moves.empty()) sentence += "; first move: " + first_move_words(report.moves.front());
    return sentence + ".";
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
    report.rubric_description = rubric.description;
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

#include "pindex/comparison.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex {

namespace {

AssessmentSide side(const Report& report) {
    return {report.source, report.organization, report.date, report.rubric_version, report.index};
}

const PartReport* find_part(const Report& report, std::string_view id) {
    for (const auto& part : report.parts)
        if (part.id == id) return &part;
    return nullptr;
}

const QuestionReport* find_question(const PartReport& part, std::string_view id) {
    for (const auto& question : part.questions)
        if (question.id == id) return &question;
    return nullptr;
}

std::string answer_words(const QuestionReport& question) {
    if (!question.applicable) return "not applicable";
    return question.answer ? question.answer_text : "not answered";
}

std::string cell_words(const QuestionReport& question, const Axis& row, const Axis& column) {
    const std::string* level_id = question.cell(row.id, column.id);
    if (!level_id) return "not answered";
    const Option* level = question.level(*level_id);
    return level ? level->label : *level_id;
}

// Every row (and column) either side has, the newer side's first.
std::vector<Axis> union_of(const std::vector<Axis>& first, const std::vector<Axis>& second) {
    std::vector<Axis> all = first;
    for (const auto& axis : second)
        if (std::none_of(all.begin(), all.end(), [&](const Axis& a) { return a.id == axis.id; })) all.push_back(axis);
    return all;
}

std::vector<CellChange> cell_changes(const QuestionReport& before, const QuestionReport& after) {
    std::vector<CellChange> changes;
    std::vector<Axis> columns = union_of(after.columns, before.columns);
    for (const auto& row : union_of(after.rows, before.rows))
        for (const auto& column : columns) {
            std::string then = cell_words(before, row, column), now = cell_words(after, row, column);
            if (then != now)
                changes.push_back({row, column, then, now, (then == kNotApplicable) != (now == kNotApplicable)});
        }
    return changes;
}

std::vector<AnswerChange> answer_changes(const Report& before, const Report& after) {
    std::vector<AnswerChange> changes;
    for (const auto& part : after.parts) {
        const PartReport* old_part = find_part(before, part.id);
        if (!old_part) continue;
        for (const auto& question : part.questions) {
            const QuestionReport* old = find_question(*old_part, question.id);
            if (!old || (old->answer == question.answer && old->applicable == question.applicable)) continue;
            AnswerChange change{question.id, part.id, question.text, answer_words(*old), answer_words(question),
                                question.points - old->points, {}};
            if (question.type == QuestionType::matrix) change.cells = cell_changes(*old, question);
            changes.push_back(std::move(change));
        }
    }
    std::stable_sort(changes.begin(), changes.end(), [](const AnswerChange& a, const AnswerChange& b) {
        return std::abs(a.points_delta) > std::abs(b.points_delta);
    });
    return changes;
}

// Cells that went to or from n/a changed what the matrix scores, so their part's change is
// partly a change of scope, not of practice.
std::string scope_note(const std::vector<AnswerChange>& answers) {
    std::vector<std::string> cells;
    std::string question;
    for (const auto& change : answers)
        for (const auto& cell : change.cells)
            if (cell.scope_changed) {
                cells.push_back(fmt::format("{} / {} ({} → {})", cell.row.label, cell.column.label, cell.before,
                                            cell.after));
                question = change.question;
            }
    if (cells.empty()) return "";
    constexpr std::size_t kNamed = 3;
    std::size_t count = cells.size();
    if (count > kNamed) {
        cells.resize(kNamed);
        cells.push_back(fmt::format("and {} more", count - kNamed));
    }
    return fmt::format("{} {} of {} changed scope, to or from n/a ({}): part of the change is in which cells are "
                       "scored, not in how customers are served", count, count == 1 ? "cell" : "cells", question,
                       join(cells, ", "));
}

}  // namespace

Comparison compare_reports(const Report& before, const Report& after) {
    if (before.rubric_id != after.rubric_id)
        throw InputError({after.source, 0, 0},
                         fmt::format("{} uses rubric '{}' but {} uses '{}': only assessments of the same rubric compare",
                                     after.source, after.rubric_id, before.source, before.rubric_id));
    Comparison comparison;
    comparison.rubric_id = after.rubric_id;
    comparison.rubric_name = after.rubric_name;
    comparison.before = side(before);
    comparison.after = side(after);
    comparison.index_delta = round_to_tenth(after.index - before.index);
    if (IndexBand band = after.index_band(); !band.words.empty()) {
        std::vector<std::string> deltas;
        for (const auto& position : after.benchmarks)
            deltas.push_back(fmt::format("{} the {} ({:g})", delta_words(position.delta), position.benchmark.label,
                                         position.benchmark.score));
        comparison.after_position = fmt::format("{}: {}", band.words, join(deltas, "; "));
    }
    comparison.benchmark_citation = benchmark_citation(after);
    for (const auto& part : after.parts)
        if (const PartReport* old = find_part(before, part.id))
            comparison.parts.push_back({part.id, part.name, part.weight, old->points, part.points,
                                        part.points - old->points});
    comparison.answers = answer_changes(before, after);
    comparison.advantage = compare_advantage(before.advantage, after.advantage);
    if (before.rubric_version != after.rubric_version)
        comparison.notes.push_back(fmt::format(
            "{} was scored with rubric version {} and {} with version {}: the indices are on different scales, so "
            "the change is not a measure of progress; rescore the older answers file with the newer rubric to "
            "compare like with like (questions are matched by id)",
            before.source, before.rubric_version, after.source, after.rubric_version));
    if (!before.organization.empty() && !after.organization.empty() && before.organization != after.organization)
        comparison.notes.push_back(fmt::format(
            "{} is of '{}' and {} of '{}': the change compares two organizations, not one company's progress",
            before.source, before.organization, after.source, after.organization));
    if (std::string scope = scope_note(comparison.answers); !scope.empty()) comparison.notes.push_back(scope);
    for (const auto& report : {&before, &after})
        if (!report->completeness.complete())
            comparison.notes.push_back(fmt::format("{} is incomplete ({} of {} questions answered); missing answers "
                                                   "score 0", report->source, report->completeness.answered,
                                                   report->completeness.applicable));
    return comparison;
}

std::string comparison_so_what(const Comparison& comparison) {
    const PartChange* largest = nullptr;
    for (const auto& part : comparison.parts)
        if (!largest || std::abs(part.delta) > std::abs(largest->delta)) largest = &part;
    std::string moved = comparison.index_delta == 0 ? "The index did not move"
                        : fmt::format("The index {} {:.1f} points, from {:.1f} to {:.1f}",
                                      comparison.index_delta > 0 ? "rose" : "fell", std::abs(comparison.index_delta),
                                      comparison.before.index, comparison.after.index);
    if (largest && std::abs(largest->delta) >= 0.05)
        moved += fmt::format(", most in {} ({:+.1f})", largest->name, round_to_tenth(largest->delta));
    if (!comparison.after_position.empty())
        moved += fmt::format("; it is now {}", comparison.after_position.substr(0, comparison.after_position.find(": ")));
    if (!comparison.notes.empty())
        moved += fmt::format(" ({} {} to read first)", comparison.notes.size(), comparison.notes.size() == 1 ? "note" : "notes");
    return moved + ".";
}

std::string nps_context() {
    // docs/methodology.md, "Benchmarks (published)": for every 10 index points, Net Promoter
    // Score tended to be about 7 points higher (a correlation).
    return "In the published data, companies scoring 10 index points higher tended to have a Net Promoter "
           "Score about 7 points higher: a correlation across companies, not a forecast for one (Abraham and "
           "Edelman, 'Personalization Done Right', Harvard Business Review, Nov-Dec 2024).";
}

}  // namespace pindex

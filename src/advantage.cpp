#include "pindex/advantage.hpp"

#include <cmath>

#include <fmt/format.h>

#include "pindex/answer_words.hpp"
#include "pindex/scoring.hpp"

namespace pindex {

namespace {

// A speed answer of 1e-300 weeks is within its band, but its P ratio overflows to infinity (or,
// the other way, to 0): such a ratio says nothing, and is not shown.
bool is_shown_ratio(double ratio) { return std::isfinite(ratio) && ratio > 0; }

// v in the measure's own terms; only ratios of it mean anything.
double speed(SpeedMeasure measure, double value) { return measure == SpeedMeasure::cycle_time ? 1 / value : value; }

}  // namespace

std::string grouped_count(double count) {
    if (count != std::floor(count) || count >= 1e15) return fmt::format("{:g}", count);
    std::string digits = fmt::format("{:.0f}", count);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

double Advantage::speed_vs_reference() const { return speed(measure, speed_value) / speed(measure, reference); }

double Advantage::advantage_vs_reference() const {
    double ratio = speed_vs_reference();
    return ratio * ratio;
}

std::optional<Advantage> compute_advantage(const Rubric& rubric, const Answers& answers) {
    if (!rubric.advantage) return std::nullopt;
    const AdvantageRule& rule = *rubric.advantage;
    const Question* question = rubric.find_question(rule.speed_question);
    const AnswerValue* answer = answers.find(rule.speed_question);
    if (!question || !answer || !is_applicable(*question, answers)) return std::nullopt;
    const double* value = std::get_if<double>(answer);
    if (!value || *value <= 0) return std::nullopt;
    Advantage advantage{rule.speed_question, rule.measure,          *value, question->unit, rule.reference,
                        rule.reference_label, answers.yearly_interactions};
    if (!is_shown_ratio(advantage.advantage_vs_reference())) return std::nullopt;
    return advantage;
}

std::optional<AdvantageChange> compare_advantage(const std::optional<Advantage>& before,
                                                 const std::optional<Advantage>& after) {
    if (!before || !after || before->speed_question != after->speed_question || before->measure != after->measure ||
        before->unit != after->unit)
        return std::nullopt;
    AdvantageChange change{*before, *after, 0, std::nullopt, 0};
    change.speed_ratio = speed(after->measure, after->speed_value) / speed(before->measure, before->speed_value);
    change.advantage_ratio = change.speed_ratio * change.speed_ratio;
    if (before->yearly_interactions && after->yearly_interactions) {
        change.interactions_ratio = *after->yearly_interactions / *before->yearly_interactions;
        change.advantage_ratio *= *change.interactions_ratio;
    }
    if (!is_shown_ratio(change.advantage_ratio)) return std::nullopt;
    return change;
}

std::string ratio_words(double ratio) {
    if (ratio >= 1e6) return fmt::format("×{:.1e}", ratio);
    if (ratio >= 100) return fmt::format("×{:.0f}", ratio);
    if (ratio >= 0.001) return fmt::format("×{:.3g}", ratio);
    return fmt::format("×{:.1e}", ratio);
}

std::string advantage_words(const Advantage& advantage) {
    std::string words = fmt::format("Speed ({}: {}) is {} the reference's ({}). For the same interactions, P is {} the "
                                    "reference's: doubling speed quadruples P.",
                                    advantage.speed_question, quantity_words(advantage.speed_value, advantage.unit),
                                    ratio_words(advantage.speed_vs_reference()), advantage.reference_label,
                                    ratio_words(advantage.advantage_vs_reference()));
    if (advantage.yearly_interactions)
        words += fmt::format(" Yearly interactions (n): {}, as answered; `pindex compare` uses it against an earlier "
                             "assessment.", grouped_count(*advantage.yearly_interactions));
    return words;
}

std::string advantage_change_words(const AdvantageChange& change) {
    std::string words = fmt::format("Speed ({}: {} then, {} now) is {} the earlier assessment's", change.after.speed_question,
                                    quantity_words(change.before.speed_value, change.before.unit),
                                    quantity_words(change.after.speed_value, change.after.unit), ratio_words(change.speed_ratio));
    if (change.interactions_ratio)
        return words + fmt::format(", yearly interactions {} ({} then, {} now): P is {} the earlier assessment's.",
                                   ratio_words(*change.interactions_ratio), grouped_count(*change.before.yearly_interactions),
                                   grouped_count(*change.after.yearly_interactions), ratio_words(change.advantage_ratio));
    return words + fmt::format(": P is {} the earlier assessment's, taking the yearly interactions as unchanged (not "
                               "given in both).",
                               ratio_words(change.advantage_ratio));
}

}  // namespace pindex

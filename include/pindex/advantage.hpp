#pragma once
// The personalization advantage P = n × v² (docs/methodology.md): n, the customer interactions
// a company can learn from, times the square of v, its speed of learning. No units are
// published for n or v, so pindex never shows P itself, only ratios: against the reference
// speed the rubric states (same n), and between two assessments of one company.
#include <optional>
#include <string>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

// One assessment's inputs to P, as answered.
struct Advantage {
    std::string speed_question;  // the rubric's speed question
    SpeedMeasure measure = SpeedMeasure::cycle_time;
    double speed_value = 0;      // the answer, in `unit`; positive
    std::string unit;            // of the speed question ("weeks")
    double reference = 0;        // the rubric's reference, in `unit`
    std::string reference_label;
    std::optional<double> yearly_interactions;  // n, when given

    // v / v_reference; 2 means twice as fast as the reference.
    double speed_vs_reference() const;
    // P / P_reference for the same n: the square of speed_vs_reference.
    double advantage_vs_reference() const;
};

// The advantage of these answers, or nothing when the rubric names no speed question, the
// question is not answered or not applicable, or the answer is 0 or so extreme (1e-300 weeks)
// that P's ratio would overflow to infinity or vanish to 0.
std::optional<Advantage> compute_advantage(const Rubric& rubric, const Answers& answers);

// How P changed between two assessments: P_after / P_before = (n ratio) x (v ratio)².
struct AdvantageChange {
    Advantage before, after;
    double speed_ratio = 0;                    // v_after / v_before
    std::optional<double> interactions_ratio;  // n_after / n_before, when both gave n
    double advantage_ratio = 0;                // with n unchanged when either did not give it
};

// Nothing when either side has no advantage, the two measure speed differently, or the ratio of
// P would overflow or vanish.
std::optional<AdvantageChange> compare_advantage(const std::optional<Advantage>& before,
                                                 const std::optional<Advantage>& after);

// 2000000 -> "2,000,000"; a fraction keeps its decimals.
std::string grouped_count(double count);
// "×4", "×0.25", "×1.5", "×1.2e+07": a ratio as the reports print it.
std::string ratio_words(double ratio);
// "Speed (idea-to-launch: 6 weeks) is ×2 the reference's (12 weeks ...). For the same
// interactions, P is ×4 the reference's: doubling speed quadruples P."
std::string advantage_words(const Advantage& advantage);
// "Speed (idea-to-launch: 12 weeks then, 6 weeks now) is ×2 the earlier assessment's: P is ×4
// the earlier assessment's, taking the yearly interactions as unchanged (not given in both)."
std::string advantage_change_words(const AdvantageChange& change);

}  // namespace pindex

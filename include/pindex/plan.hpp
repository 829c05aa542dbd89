#pragma once
// The plan: the fewest steps (or, where the rubric gives efforts, the least effort) whose
// combined effect reaches a target index, or the highest index a budget of steps reaches. A
// step is what a move is (moves.hpp): one answer, or one matrix cell, up to its next better
// option, level or band, or one more option ticked. The search is exact, not greedy: dynamic
// programming over the answers for every way the `when` conditions can end up
// (docs/analysis.md#plan-the-fewest-steps-to-a-target). The steps are then put in order by a
// rule of pindex's own and cut into waves.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/moves.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

// What the plan aims at: an index to reach, or a budget to spend. Exactly one is set.
struct PlanGoal {
    std::optional<double> target;        // reached when the index, rounded to one decimal, is at least this
    std::optional<Benchmark> benchmark;  // the rubric's benchmark the target was named by, if any
    std::optional<int> budget;           // the most effort (steps, when the rubric gives no efforts) to spend
};

// "72", "49.5", "average", "top-decile" (a benchmark id of the rubric, or the start of exactly
// one): the goal, or an error in words.
struct TargetParse {
    std::optional<PlanGoal> goal;
    std::string error;
};
TargetParse parse_plan_target(std::string_view text, const Rubric& rubric);

struct PlanStep {
    // As in the report's moves; `gain` is the change of the unrounded index when this step is
    // taken after the plan's steps before it (found by rescoring). It can be 0 or less only
    // for a step that changes which questions apply (one that turns on an unanswered or
    // low-scoring question, on the way to what the plan reaches).
    Move move;
    int effort = 1;  // the rubric's effort for what the step reaches; 1 when it gives none
};

struct PlanWave {
    std::vector<PlanStep> steps;
    int effort = 0;
    double index = 0;  // after the wave, rounded to one decimal as every report shows it
};

struct Plan {
    // What it plans for.
    std::string source;  // the answers file as named on the command line
    std::string organization, date;
    std::string rubric_id, rubric_version, rubric_name;
    std::string tool_version;
    PlanGoal goal;
    bool uses_effort = false;    // the rubric gives efforts: the plan counts effort, not steps
    std::string order;           // plan_order_words

    double index_before = 0;  // rounded to one decimal, as reported
    double index_after = 0;   // the index of answers_after, rounded
    bool reached = true;      // a target: whether the plan reaches it; a budget: always true
    int effort = 0;           // the plan's total effort (its number of steps without efforts)
    std::size_t step_count = 0;
    double highest_index = 0;  // the highest index any plan reaches, rounded
    int highest_effort = 0;    // the least effort that reaches it
    std::vector<PlanWave> waves;  // the steps in order, cut into waves; none when no step is needed

    Answers answers_after;                // today's answers with every step taken
    std::vector<std::string> missing;     // today's unanswered questions and cells: scored 0, no step
    std::vector<std::string> unanswered;  // questions the plan makes apply that have no answer: scored 0
};

// The ordering rule in words, naming the rubric's foundation parts: shown with every plan.
std::string plan_order_words(const Rubric& rubric);

// The plan for `goal`, cut into at most `waves` waves (at least 1). Unanswered questions and
// cells have no step, as in the moves; they score 0. Throws std::runtime_error when the search
// would exceed limits::kMaxPlanWork (answers far larger than any real assessment).
Plan make_plan(const Rubric& rubric, const Answers& answers, const std::string& source, const PlanGoal& goal,
               int waves = 1);

}  // namespace pindex

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "pindex/moves.hpp"
#include "pindex/plan.hpp"
#include "pindex/report.hpp"
#include "pindex/scoring.hpp"
#include "example_scores.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

// Small enough to search exhaustively: kSmallRubric (test_support.hpp), whose w a choice turns
// on, and its journey-like matrix x, with part B marked a foundation, and more: an option r of
// the multi-select m that turns on y in part B, and a matrix z that applies only when c is mid.
const std::string kPlanRubric = [] {
    std::string text = test::replaced(test::kSmallRubric, "id: small", "id: plan-test");
    text = test::replaced(text, "          - {id: q, label: Q, score: 0.75}\n",
                          "          - {id: q, label: Q, score: 0.75}\n          - {id: r, label: R, score: 0.25}\n");
    text = test::replaced(text, "    weight: 40\n", "    weight: 40\n    foundation: true\n");
    return text + R"(      - id: y
        type: choice
        when: {question: m, in: [r]}
        text: Only when m has r?
        help: h
        options:
          - {id: a, label: A, score: 0}
          - {id: b, label: B, score: 0.6}
          - {id: c, label: C, score: 1}
      - id: z
        type: matrix
        when: {question: c, in: [mid]}
        text: A matrix only when c is mid?
        help: h
        rows: [{id: r1, label: R1}]
        columns: [{id: k1, label: K1}, {id: k2, label: K2}]
        levels:
          - {id: none, label: None, score: 0}
          - {id: full, label: Full, score: 1}
)";
}();

const Rubric& plan_rubric() {
    static const Rubric rubric = load_rubric(kPlanRubric, "plan.yaml");
    return rubric;
}

// The same rubric with efforts on some options, levels and bands.
const Rubric& effort_rubric() {
    static const Rubric rubric = [] {
        std::string text = test::replaced(kPlanRubric, "{id: hi, label: High, score: 1}",
                                          "{id: hi, label: High, score: 1, effort: 3}");
        text = test::replaced(text, "{id: q, label: Q, score: 0.75}", "{id: q, label: Q, score: 0.75, effort: 2}");
        text = test::replaced(text, "{id: full, label: Full, score: 1}", "{id: full, label: Full, score: 1, effort: 4}");
        text = test::replaced(text, "{min: 20, score: 1}", "{min: 20, score: 1, effort: 2}");
        return load_rubric(text, "effort.yaml");
    }();
    return rubric;
}

// c lo, m empty, n 5: w and y do not apply (w is answered, y is not), z applies once c is mid.
// Matrix x: one cell n/a (never counts), one unanswered (counts 0, has no step).
const char* const kStart = "rubric: plan-test\nanswers:\n  c: lo\n  m: []\n  n: 5\n  w: no\n"
                           "  x: {r1: {k1: none, k2: n/a}, r2: {k1: half}}\n  z: {r1: {k1: none, k2: n/a}}\n";

Answers start_answers(const Rubric& rubric, const std::string& text = kStart) {
    return load_answers(text, "start.yaml", rubric);
}

double index_of(const Rubric& rubric, const Answers& answers) { return score_answers(rubric, answers).unrounded_index; }

// ---- An oracle that shares no code with plan.cpp -------------------------------------------

// The option scoring least above `score` (the first listed among equals).
template <typename Rungs>
const typename Rungs::value_type* one_up(const Rungs& rungs, double score) {
    const typename Rungs::value_type* next = nullptr;
    for (const auto& rung : rungs)
        if (rung.score > score && (!next || rung.score < next->score)) next = &rung;
    return next;
}

struct Neighbour {
    Answers answers;
    int effort;
};

// Every answers file one step away, as the moves define a step (whatever its gain).
std::vector<Neighbour> one_step_away(const Rubric& rubric, const Answers& answers) {
    std::vector<Neighbour> result;
    auto with = [&](const std::string& id, AnswerValue value, int effort) {
        Answers changed = answers;
        changed.answers[id] = std::move(value);
        result.push_back({std::move(changed), effort});
    };
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            const AnswerValue* answer = answers.find(question.id);
            if (!answer || !is_applicable(question, answers)) continue;
            if (question.type == QuestionType::choice) {
                const Option* now = question.find_option(std::get<std::string>(*answer));
                if (const Option* next = one_up(question.options, now ? now->score : 0))
                    with(question.id, next->id, next->effort.value_or(1));
            } else if (question.type == QuestionType::number) {
                const Band* now = question.find_band(std::get<double>(*answer));
                if (const Band* next = one_up(question.bands, now ? now->score : 0))
                    with(question.id, next->min, next->effort.value_or(1));
            } else if (question.type == QuestionType::multi) {
                auto ids = std::get<std::vector<std::string>>(*answer);
                double sum = 0;
                for (const auto& id : ids) sum += question.find_option(id)->score;
                if (sum >= 1) continue;
                for (const auto& option : question.options)
                    if (option.score > 0 && std::find(ids.begin(), ids.end(), option.id) == ids.end()) {
                        auto more = ids;
                        more.push_back(option.id);
                        with(question.id, more, option.effort.value_or(1));
                    }
            } else {
                const auto& matrix = std::get<MatrixAnswer>(*answer);
                for (const auto& [row, cells] : matrix)
                    for (const auto& [column, level_id] : cells) {
                        if (level_id == kNotApplicable) continue;
                        const Option* next = one_up(question.levels, question.find_level(level_id)->score);
                        if (!next) continue;
                        MatrixAnswer changed = matrix;
                        changed[row][column] = next->id;
                        with(question.id, changed, next->effort.value_or(1));
                    }
            }
        }
    return result;
}

// A multi answer as a set, so that ticking p then q and q then p are one state.
std::string state_key(const Rubric& rubric, Answers answers) {
    for (auto& [id, value] : answers.answers)
        if (auto* ids = std::get_if<std::vector<std::string>>(&value)) std::sort(ids->begin(), ids->end());
    return write_answers_yaml(answers, rubric);
}

struct Reachable {
    int effort;
    double index;
};

// Every state reachable by steps, with the least effort to reach it (Dijkstra on small costs).
std::vector<Reachable> every_reachable_state(const Rubric& rubric, const Answers& start) {
    std::map<std::string, int> cost{{state_key(rubric, start), 0}};
    std::multimap<int, Answers> frontier{{0, start}};
    std::set<std::string> done;
    std::vector<Reachable> states;
    while (!frontier.empty()) {
        auto [effort, answers] = *frontier.begin();
        frontier.erase(frontier.begin());
        std::string key = state_key(rubric, answers);
        if (!done.insert(key).second) continue;
        states.push_back({effort, index_of(rubric, answers)});
        for (auto& next : one_step_away(rubric, answers)) {
            std::string next_key = state_key(rubric, next.answers);
            auto known = cost.find(next_key);
            if (known != cost.end() && known->second <= effort + next.effort) continue;
            cost[next_key] = effort + next.effort;
            frontier.emplace(effort + next.effort, std::move(next.answers));
        }
    }
    return states;
}

PlanGoal target(double index) { return PlanGoal{index, std::nullopt, std::nullopt}; }
PlanGoal budget(int effort) { return PlanGoal{std::nullopt, std::nullopt, effort}; }

std::vector<PlanStep> steps_of(const Plan& plan) {
    std::vector<PlanStep> steps;
    for (const auto& wave : plan.waves) steps.insert(steps.end(), wave.steps.begin(), wave.steps.end());
    return steps;
}

// The plan's steps, taken in order from today's answers, are each one step away from the
// answers before them, with the rubric's effort; they end at answers_after, and their gains
// add up to the change of the index.
void check_steps_are_steps(const Rubric& rubric, const Answers& start, const Plan& plan) {
    Answers answers = start;
    double gains = 0;
    int effort = 0;
    for (const auto& step : steps_of(plan)) {
        INFO(step.move.question << ": " << step.move.from_text << " -> " << step.move.to_text);
        Answers next = apply_move(answers, step.move);
        std::string next_key = state_key(rubric, next);
        bool found = false;
        for (const auto& neighbour : one_step_away(rubric, answers))
            if (state_key(rubric, neighbour.answers) == next_key && neighbour.effort == step.effort) found = true;
        REQUIRE(found);
        CHECK(step.move.gain == Approx(index_of(rubric, next) - index_of(rubric, answers)).margin(1e-12));
        gains += step.move.gain;
        effort += step.effort;
        answers = std::move(next);
    }
    CHECK(state_key(rubric, answers) == state_key(rubric, plan.answers_after));
    CHECK(gains == Approx(index_of(rubric, plan.answers_after) - index_of(rubric, start)).margin(1e-9));
    CHECK(effort == plan.effort);
    CHECK(plan.index_after == round_to_tenth(index_of(rubric, plan.answers_after)));
}

// Against every reachable state: each budget's plan reaches the most any state within it
// does, with the least effort that reaches that; each target's plan needs exactly the least
// effort any state reaching the target needs, or says it cannot be reached and what can.
void check_optimal_against_every_subset(const Rubric& rubric, const Answers& start) {
    std::vector<Reachable> states = every_reachable_state(rubric, start);
    int most_effort = 0;
    double highest = -1;
    for (const auto& state : states) most_effort = std::max(most_effort, state.effort), highest = std::max(highest, state.index);
    auto best_within = [&](int effort) {
        double best = -1;
        for (const auto& state : states)
            if (state.effort <= effort) best = std::max(best, state.index);
        return best;
    };
    auto least_effort_to = [&](double index) {
        int least = -1;
        for (const auto& state : states)
            if (state.index >= index - 1e-9 && (least < 0 || state.effort < least)) least = state.effort;
        return least;
    };
    for (int effort = 0; effort <= most_effort + 1; ++effort) {
        INFO("budget " << effort);
        Plan plan = make_plan(rubric, start, "start.yaml", budget(effort));
        double index = index_of(rubric, plan.answers_after);
        CHECK(index == Approx(best_within(effort)).margin(1e-9));
        CHECK(plan.effort == least_effort_to(index));
        check_steps_are_steps(rubric, start, plan);
    }
    std::set<double> targets{0, 100, round_to_tenth(highest) + 0.1};
    for (const auto& state : states) targets.insert(round_to_tenth(state.index)), targets.insert(round_to_tenth(state.index) + 0.05);
    for (double goal : targets) {
        INFO("target " << goal);
        Plan plan = make_plan(rubric, start, "start.yaml", target(goal));
        int least = -1;
        for (const auto& state : states)
            if (round_to_tenth(state.index) >= goal && (least < 0 || state.effort < least)) least = state.effort;
        CHECK(plan.reached == (least >= 0));
        CHECK(plan.highest_index == round_to_tenth(highest));
        CHECK(plan.highest_effort == least_effort_to(highest));
        if (least >= 0) {
            CHECK(plan.effort == least);
            CHECK(plan.index_after >= goal);
        } else {
            CHECK(index_of(rubric, plan.answers_after) == Approx(highest).margin(1e-9));
            CHECK(plan.effort == least_effort_to(highest));
        }
    }
}

}  // namespace

TEST_CASE("plans are optimal against every reachable combination of steps: conditions, multi-select, matrix cells") {
    // The oracle reaches states the plan must weigh: ticking r turns on y, unanswered (0);
    // c to hi turns on w (answered no, weight 2); c to mid turns on the matrix z.
    SECTION("from the start") { check_optimal_against_every_subset(plan_rubric(), start_answers(plan_rubric())); }
    SECTION("with y answered, so that turning it on can pay") {
        Answers start = start_answers(plan_rubric(), std::string(kStart) + "  y: a\n");
        check_optimal_against_every_subset(plan_rubric(), start);
    }
    SECTION("from the middle: c already mid, so z applies, and m has p") {
        std::string text = test::replaced(test::replaced(kStart, "c: lo", "c: mid"), "m: []", "m: [p]");
        check_optimal_against_every_subset(plan_rubric(), start_answers(plan_rubric(), text));
    }
}

TEST_CASE("plans with efforts are the least total effort against every reachable combination of steps") {
    check_optimal_against_every_subset(effort_rubric(), start_answers(effort_rubric()));
    Answers start = start_answers(effort_rubric(), std::string(kStart) + "  y: a\n");
    check_optimal_against_every_subset(effort_rubric(), start);
}

TEST_CASE("a condition's step comes before the steps on what it turns on, and foundation parts first") {
    Answers start = start_answers(plan_rubric(), std::string(kStart) + "  y: a\n");
    Plan plan = make_plan(plan_rubric(), start, "start.yaml", budget(100));
    std::vector<PlanStep> steps = steps_of(plan);
    auto first = [&](const std::string& question, const std::string& to) {
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (steps[i].move.question == question && (to.empty() || steps[i].move.to == AnswerValue(to))) return i;
        return steps.size();
    };
    // y (part b, a foundation) waits for m's tick of r, which comes first of all: a condition
    // takes the tier of what waits for it.
    std::size_t tick_r = steps.size();
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].move.question == "m" && steps[i].move.to_text == "add: R") tick_r = i;
    REQUIRE(tick_r < steps.size());
    CHECK(tick_r < first("y", ""));
    CHECK(first("c", "hi") < first("w", ""));
    // Part b's steps (x, y) come before part a's, except the conditions y waits for (m).
    std::size_t last_foundation = 0, first_other = steps.size();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].move.part == "b") last_foundation = i;
        else if (steps[i].move.question != "m") first_other = std::min(first_other, i);
    }
    CHECK(last_foundation < first_other);
}

TEST_CASE("the ordering rule is stated with the rubric's own foundation parts") {
    CHECK_THAT(plan_order_words(default_rubric()),
               Catch::StartsWith("pindex's convention: ") && Catch::Contains("foundation parts (Know me, Accountability) come first"));
    CHECK_THAT(plan_order_words(load_rubric(test::kSmallRubric, "small.yaml")),
               Catch::Contains("foundation parts (this rubric marks none) come first"));
    CHECK(make_plan(plan_rubric(), start_answers(plan_rubric()), "s", budget(1)).order == plan_order_words(plan_rubric()));
}

TEST_CASE("within a tier, the most points per unit of effort first, a step that opens a larger one counted with it") {
    // c: lo 0 -> mid 0.1 -> hi 1 (which turns w on), so its first step gives little and opens a
    // large one; m: one tick of q, from 0.75 to 1. In the plan's end (w applies), part A gives
    // 60 / 5 = 12 points per unit of score: c's steps 1.2 and 10.8, m's 3.
    Rubric rubric = load_rubric(test::replaced(kPlanRubric, "{id: mid, label: Mid, score: 0.5}",
                                               "{id: mid, label: Mid, score: 0.1}"), "plan.yaml");
    Answers start = load_answers("rubric: plan-test\nanswers:\n  c: lo\n  m: [p, r]\n  n: 20\n  w: yes\n  y: c\n"
                                 "  x: {r1: {k1: full, k2: full}, r2: {k1: full, k2: full}}\n"
                                 "  z: {r1: {k1: full, k2: full}}\n",
                                 "start.yaml", rubric);
    Plan plan = make_plan(rubric, start, "start.yaml", budget(3));
    std::vector<PlanStep> steps = steps_of(plan);
    REQUIRE(steps.size() == 3);
    // One step at a time, m's tick (3) would beat c's first step (1.2); taken together, c's two
    // steps give 6 a step, so they come first.
    CHECK(steps[0].move.question == "c");
    CHECK(steps[1].move.question == "c");
    CHECK(steps[2].move.question == "m");
    // The gains shown are those of taking the steps in this order: part A is (0.1 + 0.75 + 1) / 3
    // after the first, and w applies after the second.
    CHECK(steps[0].move.gain == Approx(2));
    CHECK(steps[1].move.gain == Approx(20));
    CHECK(steps[2].move.gain == Approx(3));
    CHECK(plan.index_after == 100);
}

TEST_CASE("waves cut the plan into about equal effort, each with the index it reaches") {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    Plan one = make_plan(rubric, answers, "typical.yaml", target(72), 1);
    Plan three = make_plan(rubric, answers, "typical.yaml", target(72), 3);
    REQUIRE(one.waves.size() == 1);
    REQUIRE(three.waves.size() == 3);
    CHECK(one.step_count == three.step_count);
    std::size_t steps = three.step_count;
    for (const auto& wave : three.waves) {
        CHECK(wave.steps.size() >= steps / 3);
        CHECK(wave.steps.size() <= steps / 3 + 1);
    }
    // The same steps in the same order; each wave's index is the rescored index after it.
    std::vector<PlanStep> a = steps_of(one), b = steps_of(three);
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(move_target_words(a[i].move) == move_target_words(b[i].move));
    Answers after = answers;
    for (const auto& wave : three.waves) {
        for (const auto& step : wave.steps) after = apply_move(after, step.move);
        CHECK(wave.index == score_answers(rubric, after).index);
        CHECK(wave.index >= three.index_before);
    }
    CHECK(three.waves.back().index == three.index_after);
    // More waves than steps: one step each.
    Plan many = make_plan(rubric, answers, "typical.yaml", target(49), 10);
    CHECK(many.waves.size() == many.step_count);
}

TEST_CASE("budget plans of one and two steps match the best pairs of steps found by brute force") {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    double best_one = 0, best_two = 0;
    for (const auto& first : one_step_away(rubric, answers)) {
        best_one = std::max(best_one, index_of(rubric, first.answers));
        for (const auto& second : one_step_away(rubric, first.answers))
            best_two = std::max(best_two, index_of(rubric, second.answers));
    }
    CHECK(index_of(rubric, make_plan(rubric, answers, "t", budget(1)).answers_after) == Approx(best_one));
    CHECK(index_of(rubric, make_plan(rubric, answers, "t", budget(2)).answers_after) == Approx(best_two));
    // Naming a senior leader, then giving them the mandate: + 2.5 + 5.
    CHECK(make_plan(rubric, answers, "t", budget(2)).index_after == Approx(test::kTypicalIndex + 7.5));
}

TEST_CASE("plans for the examples reach 49 and 72, each step a move of the moves list when taken") {
    const Rubric& rubric = default_rubric();
    for (const char* name : {"laggard.yaml", "typical.yaml", "leader.yaml"})
        for (double goal : {49.0, 72.0}) {
            INFO(name << " to " << goal);
            Answers answers = load_answers(test::source_file(std::string("examples/") + name), name, rubric);
            Plan plan = make_plan(rubric, answers, name, target(goal), 3);
            REQUIRE(plan.reached);
            CHECK(score_answers(rubric, plan.answers_after).index >= goal);
            CHECK(plan.highest_index == 100);
            Answers now = answers;
            for (const auto& step : steps_of(plan)) {
                std::vector<Move> moves = find_moves(rubric, now);
                auto same = std::find_if(moves.begin(), moves.end(), [&](const Move& move) {
                    return move_target_words(move) == move_target_words(step.move) && move.to == step.move.to &&
                           move.from == step.move.from && move.to_text == step.move.to_text &&
                           move.from_text == step.move.from_text && move.advice == step.move.advice;
                });
                REQUIRE(same != moves.end());
                CHECK(same->gain == Approx(step.move.gain));
                now = apply_move(now, step.move);
            }
            if (score_answers(rubric, answers).index >= goal) CHECK(plan.step_count == 0);
        }
}

TEST_CASE("an unreachable target gives the plan to the highest index reachable") {
    // Missing answers count 0 and have no step, so 100 is out of reach.
    Answers answers = load_answers("rubric: plan-test\nanswers:\n  c: mid\n  m: [p]\n", "a.yaml", plan_rubric());
    Plan plan = make_plan(plan_rubric(), answers, "a.yaml", target(100));
    CHECK_FALSE(plan.reached);
    CHECK(plan.highest_index < 100);
    CHECK(plan.index_after == plan.highest_index);
    CHECK(!plan.missing.empty());
}

TEST_CASE("a plan that turns on an unanswered question names it, counted as 0") {
    // g to yes is worth 60 points and turns on d, which has no answer: part B goes from e's 0
    // alone to the mean of e and d, 0 either way, so the step pays.
    Rubric rubric = load_rubric(R"(id: on
version: "1"
name: On
benchmarks: [{id: average, label: Average, score: 49, source: test}]
parts:
  - id: a
    name: A
    weight: 60
    questions:
      - {id: g, type: choice, text: "G?", help: h, options: [{id: no, label: No, score: 0}, {id: yes, label: Yes, score: 1}]}
  - id: b
    name: B
    weight: 40
    questions:
      - {id: e, type: choice, text: "E?", help: h, options: [{id: no, label: No, score: 0}, {id: yes, label: Yes, score: 1}]}
      - {id: d, type: choice, when: {question: g, in: [yes]}, text: "D?", help: h,
         options: [{id: no, label: No, score: 0}, {id: yes, label: Yes, score: 1}]}
)", "on.yaml");
    Answers start = load_answers("rubric: on\nanswers:\n  g: no\n  e: no\n", "a.yaml", rubric);
    Plan plan = make_plan(rubric, start, "a.yaml", budget(1));
    REQUIRE(plan.step_count == 1);
    CHECK(plan.waves[0].steps[0].move.question == "g");
    CHECK(plan.unanswered == std::vector<std::string>{"d"});
    CHECK(plan.index_after == 60);
    // With both steps, e's step is worth 20 (half of part B, d counting 0): 80, not 100.
    Plan both = make_plan(rubric, start, "a.yaml", target(100));
    CHECK_FALSE(both.reached);
    CHECK(both.highest_index == 80);
    CHECK(make_plan(rubric, start, "a.yaml", budget(0)).unanswered.empty());
}

TEST_CASE("targets are numbers from 0 to 100 or the rubric's benchmarks, by id or its unique start") {
    const Rubric& rubric = default_rubric();
    CHECK(*parse_plan_target("72", rubric).goal->target == 72);
    CHECK(*parse_plan_target("49.5", rubric).goal->target == 49.5);
    CHECK_FALSE(parse_plan_target("72", rubric).goal->benchmark);
    auto average = parse_plan_target("average", rubric);
    CHECK(*average.goal->target == 49);
    CHECK(average.goal->benchmark->id == "average");
    auto top = parse_plan_target("top-decile", rubric);
    CHECK(*top.goal->target == 72);
    CHECK(top.goal->benchmark->id == "top-decile-average");
    CHECK(parse_plan_target("101", rubric).error == "the target must lie in [0, 100], got 101");
    CHECK(parse_plan_target("-1", rubric).error == "the target must lie in [0, 100], got -1");
    CHECK_THAT(parse_plan_target("best", rubric).error,
               Catch::Contains("neither a number from 0 to 100 nor a benchmark of the rubric (average, "
                               "top-decile-average)"));
    CHECK_FALSE(parse_plan_target("", rubric).goal);
    CHECK_FALSE(parse_plan_target("nan", rubric).goal);
}

TEST_CASE("a plan already at its target takes no step, and a zero budget none either") {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/leader.yaml"), "leader.yaml", rubric);
    Plan plan = make_plan(rubric, answers, "leader.yaml", target(72));
    CHECK(plan.reached);
    CHECK(plan.step_count == 0);
    CHECK(plan.waves.empty());
    CHECK(plan.index_after == plan.index_before);
    CHECK(make_plan(rubric, answers, "leader.yaml", budget(0)).step_count == 0);
}

TEST_CASE("a search larger than the limit is refused in words, not run") {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    // 3000 journey steps of the company's own, every cell not at all: 18,000 cells of 3 steps.
    auto& custom = answers.custom["journey"];
    auto& matrix = std::get<MatrixAnswer>(answers.answers["journey"]);
    for (int i = 0; i < 3000; ++i) {
        std::string id = "step-" + std::to_string(i);
        custom.rows.push_back({id, "Step " + std::to_string(i)});
        for (const auto& column : rubric.find_question("journey")->columns) matrix[id][column.id] = "none";
    }
    CHECK_THROWS_WITH(make_plan(rubric, answers, "big.yaml", target(72)),
                      Catch::Contains("cannot plan: the exact search would take") &&
                          Catch::Contains("more than pindex's limit of 30 million"));
}

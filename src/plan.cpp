#include "pindex/plan.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "pindex/answer_words.hpp"
#include "pindex/limits.hpp"
#include "pindex/scoring.hpp"
#include "pindex/text.hpp"
#include "pindex/version.hpp"

namespace pindex {

namespace {

// Two indices closer than this are equal: far below the tenth the index is rounded to, far
// above the error of summing a few hundred products of decimals.
constexpr double kTie = 1e-9;

int effort_of(const Option& option) { return option.effort.value_or(1); }
int effort_of(const Band& band) { return band.effort.value_or(1); }

bool rubric_gives_efforts(const Rubric& rubric) {
    auto given = [](const auto& items) {
        return std::any_of(items.begin(), items.end(), [](const auto& item) { return item.effort.has_value(); });
    };
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions)
            if (given(question.options) || given(question.bands) || given(question.levels)) return true;
    return false;
}

// ---- What the plan can change -------------------------------------------------------------

// One state an item can end the plan in. choices[0] of every item is today's answer.
struct Choice {
    int cost = 0;                    // effort from today's answer
    double score = 0;                // the item's score, in [0, 1]
    AnswerValue answer;              // the item's answer in this state (a cell: its level id)
    std::vector<std::size_t> ticks;  // multi: the options ticked, in the order they are ticked
    int signature = 0;               // a condition's question: which of its conditions hold (Gate::signatures)
};

// One answer, or one matrix cell.
struct Item {
    std::size_t question = 0;     // index in Search::questions_
    std::optional<Axis> row, column;
    double share = 1;             // of its question's score: 1, or 1 / the cells that count
    std::vector<PlanStep> chain;  // choice, number, cell: the steps up, in order; choices[k] follows chain[k - 1]
    std::vector<Choice> choices;
};

struct QuestionInfo {
    const Question* question = nullptr;
    const Part* part = nullptr;
    std::size_t part_index = 0;
    std::vector<std::size_t> items;
    bool can_apply = true;  // false for a matrix whose every cell is n/a
    bool answered = true;
    int when_gate = -1;   // the Gate of the question its `when` names
    int when_index = -1;  // this question's place among that gate's dependents
};

// A question that a `when` names, and the ways its answer can leave those conditions.
struct Gate {
    std::size_t question = 0;               // index in Search::questions_
    std::vector<std::size_t> dependents;    // questions whose `when` names it
    std::vector<std::vector<bool>> signatures;  // distinct; [0]: today's answer
};

// The option, level or band scoring least among those scoring more than `score` (the first
// listed among equals): the next step up, as moves.cpp takes it.
template <typename Rung>
const Rung* next_better(const std::vector<Rung>& rungs, double score) {
    const Rung* next = nullptr;
    for (const auto& rung : rungs)
        if (rung.score > score && (!next || rung.score < next->score)) next = &rung;
    return next;
}

Move move_on(const QuestionInfo& info, AnswerValue from, AnswerValue to, std::string to_text, std::string advice) {
    Move move;
    move.question = info.question->id;
    move.part = info.part->id;
    move.part_name = info.part->name;
    move.question_text = info.question->text;
    move.from_text = answer_words(*info.question, from);
    move.from = std::move(from);
    move.to = std::move(to);
    move.to_text = std::move(to_text);
    move.advice = std::move(advice);
    return move;
}

// Extends an item along its chain: choices[k] is the state after the first k steps.
void add_link(Item& item, Move move, int effort, double score) {
    Choice choice{item.choices.back().cost + effort, score, move.to, {}, 0};
    item.chain.push_back({std::move(move), effort});
    item.choices.push_back(std::move(choice));
}

Item choice_item(std::size_t index, const QuestionInfo& info, const std::string& id) {
    const Question& question = *info.question;
    const Option* current = question.find_option(id);
    Item item{index, {}, {}, 1, {}, {Choice{0, current ? current->score : 0, id, {}, 0}}};
    while (const Option* next = next_better(question.options, item.choices.back().score))
        add_link(item, move_on(info, item.choices.back().answer, next->id, next->label, next->advice), effort_of(*next),
                 next->score);
    return item;
}

Item number_item(std::size_t index, const QuestionInfo& info, double value) {
    const Question& question = *info.question;
    const Band* current = question.find_band(value);
    Item item{index, {}, {}, 1, {}, {Choice{0, current ? current->score : 0, value, {}, 0}}};
    while (const Band* next = next_better(question.bands, item.choices.back().score))
        add_link(item,
                 move_on(info, item.choices.back().answer, next->min, band_words(*next, question.unit), next->advice),
                 effort_of(*next), next->score);
    return item;
}

Item cell_item(std::size_t index, const QuestionInfo& info, const Axis& row, const Axis& column,
               const std::string& level_id, double share) {
    const Question& question = *info.question;
    const Option* level = question.find_level(level_id);
    Item item{index, row, column, share, {}, {Choice{0, level ? level->score : 0, level_id, {}, 0}}};
    std::string from_text = level ? level->label : level_id;
    while (const Option* next = next_better(question.levels, item.choices.back().score)) {
        Move move;
        move.question = question.id;
        move.part = info.part->id;
        move.part_name = info.part->name;
        move.question_text = question.text;
        move.row = row;
        move.column = column;
        move.from = item.choices.back().answer;
        move.to = next->id;
        move.from_text = from_text;
        move.to_text = next->label;
        move.advice = next->advice;
        add_link(item, std::move(move), effort_of(*next), next->score);
        from_text = next->label;
    }
    return item;
}

// ---- Multi-select: which options to tick ---------------------------------------------------

// The options a step may tick (score above 0, not ticked yet), best last: ticking in this order
// keeps each tick a move (moves tick only while the score is below 1).
std::vector<std::size_t> tickable_options(const Question& question, const std::vector<std::string>& ids) {
    std::vector<std::size_t> tickable;
    for (std::size_t i = 0; i < question.options.size(); ++i)
        if (question.options[i].score > 0 &&
            std::find(ids.begin(), ids.end(), question.options[i].id) == ids.end())
            tickable.push_back(i);
    std::stable_sort(tickable.begin(), tickable.end(), [&](std::size_t a, std::size_t b) {
        return question.options[a].score < question.options[b].score;
    });
    return tickable;
}

double ticked_sum(const Question& question, const std::vector<std::string>& ids) {
    double sum = 0;
    for (const auto& id : ids)
        if (const Option* option = question.find_option(id)) sum += option->score;
    return sum;
}

Choice multi_choice(const Question& question, const std::vector<std::string>& ids, double base,
                    std::vector<std::size_t> ticks) {
    std::vector<std::string> with = ids;
    double sum = base;
    int cost = 0;
    for (std::size_t tick : ticks) {
        with.push_back(question.options[tick].id);
        sum += question.options[tick].score;
        cost += effort_of(question.options[tick]);
    }
    return Choice{cost, std::min(1.0, sum), std::move(with), std::move(ticks), 0};
}

// Keeps the choices that no cheaper (or equally cheap) choice matches: strictly more effort
// buys strictly more score. `choices` sorted by cost, then by score descending.
std::vector<Choice> cheapest_for_each_score(std::vector<Choice> choices) {
    std::stable_sort(choices.begin(), choices.end(), [](const Choice& a, const Choice& b) {
        return a.cost != b.cost ? a.cost < b.cost : a.score > b.score + kTie;
    });
    std::vector<Choice> kept;
    for (auto& choice : choices)
        if (kept.empty() || choice.score > kept.back().score + kTie) kept.push_back(std::move(choice));
    return kept;
}

// A multi question no condition names: for each effort, the ticks of most score (a 0/1
// knapsack over the tickable options), then the cheapest for each score. The cheapest set
// reaching a score is always tickable in order: were its best option not tickable last, the
// others alone would already score 1, for less.
std::vector<Choice> multi_choices(const Question& question, const std::vector<std::string>& ids) {
    std::vector<std::size_t> tickable = tickable_options(question, ids);
    double base = ticked_sum(question, ids);
    if (base >= 1) tickable.clear();  // as moves: nothing is ticked once the score is 1
    int total = 0;
    for (std::size_t tick : tickable) total += effort_of(question.options[tick]);
    // sum[k][c]: the most score of the first k tickable options within effort c.
    std::vector<std::vector<double>> sum(tickable.size() + 1, std::vector<double>(std::size_t(total) + 1, 0));
    for (std::size_t k = 1; k <= tickable.size(); ++k) {
        const Option& option = question.options[tickable[k - 1]];
        for (int c = 0; c <= total; ++c) {
            sum[k][c] = sum[k - 1][c];
            if (c >= effort_of(option))
                sum[k][c] = std::max(sum[k][c], sum[k - 1][c - effort_of(option)] + option.score);
        }
    }
    std::vector<Choice> choices;
    for (int c = 0; c <= total; ++c) {
        std::vector<std::size_t> ticks;
        for (std::size_t k = tickable.size(), left = std::size_t(c); k > 0; --k)
            if (sum[k][left] != sum[k - 1][left]) {
                ticks.push_back(tickable[k - 1]);
                left -= std::size_t(effort_of(question.options[tickable[k - 1]]));
            }
        std::reverse(ticks.begin(), ticks.end());  // worst first, as tickable_options
        choices.push_back(multi_choice(question, ids, base, std::move(ticks)));
    }
    return cheapest_for_each_score(std::move(choices));
}

// Ticking `ticks` in order keeps each tick a move: the score before each tick is below 1.
bool tickable_in_order(const Question& question, double base, const std::vector<std::size_t>& ticks) {
    double sum = base;
    for (std::size_t tick : ticks) {
        if (sum >= 1) return false;
        sum += question.options[tick].score;
    }
    return true;
}

// A multi question a condition names: which options are ticked matters beyond the score, so
// every subset of the tickable options is a choice of its own (at most
// limits::kMaxPlanConditionOptions of them); `signature_of` groups them, and within a group
// only the cheapest for each score stays.
template <typename SignatureOf>
std::vector<Choice> multi_gate_choices(const Question& question, const std::vector<std::string>& ids,
                                       SignatureOf signature_of) {
    std::vector<std::size_t> tickable = tickable_options(question, ids);
    if (tickable.size() > limits::kMaxPlanConditionOptions)
        throw std::runtime_error(fmt::format(
            "cannot plan: question '{}' is named by a 'when' and has {} options left to tick; the plan searches "
            "at most {} such options one combination at a time",
            question.id, tickable.size(), limits::kMaxPlanConditionOptions));
    double base = ticked_sum(question, ids);
    std::vector<std::vector<Choice>> groups;
    for (std::size_t mask = 0; mask < (std::size_t(1) << tickable.size()); ++mask) {
        std::vector<std::size_t> ticks;
        for (std::size_t k = 0; k < tickable.size(); ++k)
            if (mask & (std::size_t(1) << k)) ticks.push_back(tickable[k]);
        if (!tickable_in_order(question, base, ticks)) continue;
        Choice choice = multi_choice(question, ids, base, std::move(ticks));
        choice.signature = signature_of(choice.answer);
        if (groups.size() <= std::size_t(choice.signature)) groups.resize(std::size_t(choice.signature) + 1);
        groups[std::size_t(choice.signature)].push_back(std::move(choice));
    }
    std::vector<Choice> choices;
    for (auto& group : groups)
        for (auto& choice : cheapest_for_each_score(std::move(group))) choices.push_back(std::move(choice));
    // Today's answer first, as every item has it.
    auto today = std::find_if(choices.begin(), choices.end(), [](const Choice& c) { return c.ticks.empty(); });
    std::rotate(choices.begin(), today, today + 1);
    return choices;
}

// The steps a multi choice takes: one tick each, in order.
std::vector<PlanStep> tick_steps(const QuestionInfo& info, const std::vector<std::string>& ids,
                                 const std::vector<std::size_t>& ticks) {
    std::vector<PlanStep> steps;
    std::vector<std::string> current = ids;
    for (std::size_t tick : ticks) {
        const Option& option = info.question->options[tick];
        std::vector<std::string> with = current;
        with.push_back(option.id);
        steps.push_back({move_on(info, current, with, "add: " + option.label, option.advice), effort_of(option)});
        current = std::move(with);
    }
    return steps;
}

// ---- The search ----------------------------------------------------------------------------

// One way the `when` conditions end up: for each gate, the index of its signature.
using Config = std::vector<int>;

// A choice of an item that a configuration allows, and the index points it brings there.
struct Allowed {
    std::size_t choice;
    int cost;
    double points;
};

// What the plan does: a configuration, and each item's choice in it.
struct Outcome {
    Config config;
    std::vector<std::size_t> choice;  // per item
};

// Every answer and cell as an item with its possible end states; then, for every way the
// conditions can end up, a multiple-choice knapsack over the items (docs/analysis.md).
class Search {
public:
    Search(const Rubric& rubric, const Answers& answers) : rubric_(rubric), answers_(answers) {
        collect_questions();
        collect_gates();
        collect_items();
        for (const auto& item : items_) {
            int most = 0;
            for (const auto& choice : item.choices) most = std::max(most, choice.cost);
            max_cost_ += most;
        }
        check_work();
        search_every_config();
    }

    // best()[c]: the highest unrounded index a plan of at most effort c reaches.
    const std::vector<double>& best() const { return best_; }

    // The plan that reaches best()[effort].
    Outcome outcome_for(int effort) const {
        const Config& config = configs_[best_config_[std::size_t(effort)]];
        auto allowed = allowed_choices(config);
        std::vector<std::vector<std::uint16_t>> picks;
        knapsack(*allowed, &picks);
        Outcome outcome{config, std::vector<std::size_t>(items_.size(), 0)};
        std::size_t left = std::size_t(effort);
        for (std::size_t i = items_.size(); i-- > 0;) {
            const Allowed& pick = (*allowed)[i][picks[i][left]];
            outcome.choice[i] = pick.choice;
            left -= std::size_t(pick.cost);
        }
        return outcome;
    }

    const std::vector<Item>& items() const { return items_; }
    const QuestionInfo& question(std::size_t q) const { return questions_[q]; }
    const QuestionInfo& question_of(const Item& item) const { return questions_[item.question]; }
    std::size_t question_count() const { return questions_.size(); }

    // The question whose `when` names the question q, if any.
    std::optional<std::size_t> condition_of(std::size_t q) const {
        if (questions_[q].when_gate < 0) return std::nullopt;
        return gates_[std::size_t(questions_[q].when_gate)].question;
    }

    bool applies(std::size_t q, const Config& config) const {
        const QuestionInfo& info = questions_[q];
        if (!info.can_apply) return false;
        if (info.when_gate < 0) return true;
        auto g = std::size_t(info.when_gate);
        return gates_[g].signatures[std::size_t(config[g])][std::size_t(info.when_index)];
    }
    bool applies_today(std::size_t q) const { return applies(q, Config(gates_.size(), 0)); }

    // What an item at `score` brings to the index in the configuration.
    double points(const Item& item, double score, const Config& config) const {
        const QuestionInfo& info = questions_[item.question];
        if (!applies(item.question, config)) return 0;
        return info.part->weight * info.question->weight * item.share * score /
               applicable_weights(config)[info.part_index];
    }

private:
    const Rubric& rubric_;
    const Answers& answers_;
    std::vector<QuestionInfo> questions_;
    std::vector<Gate> gates_;
    std::vector<Item> items_;
    int max_cost_ = 0;
    std::vector<Config> configs_;            // every configuration, in the order searched
    std::vector<double> best_;
    std::vector<std::size_t> best_config_;   // for each effort, the configuration best_ comes from

    void collect_questions() {
        for (std::size_t p = 0; p < rubric_.parts.size(); ++p)
            for (const auto& question : rubric_.parts[p].questions) {
                QuestionInfo info;
                info.question = &question;
                info.part = &rubric_.parts[p];
                info.part_index = p;
                info.answered = answers_.find(question.id) != nullptr;
                questions_.push_back(std::move(info));
            }
    }

    std::size_t index_of(std::string_view question_id) const {
        for (std::size_t q = 0; q < questions_.size(); ++q)
            if (questions_[q].question->id == question_id) return q;
        throw std::logic_error("a 'when' names an unknown question");  // load_rubric refuses such rubrics
    }

    int gate_of(std::size_t q) const {
        for (std::size_t g = 0; g < gates_.size(); ++g)
            if (gates_[g].question == q) return int(g);
        return -1;
    }

    void collect_gates() {
        for (std::size_t q = 0; q < questions_.size(); ++q) {
            const auto& when = questions_[q].question->when;
            if (!when) continue;
            std::size_t named = index_of(when->question);
            int g = gate_of(named);
            if (g < 0) {
                gates_.push_back(Gate{named, {}, {}});
                g = int(gates_.size() - 1);
            }
            questions_[q].when_gate = g;
            questions_[q].when_index = int(gates_[std::size_t(g)].dependents.size());
            gates_[std::size_t(g)].dependents.push_back(q);
        }
    }

    // The signature of an answer (or of no answer) to the gate's question: its index in
    // gate.signatures, added when new.
    int signature_of(Gate& gate, const AnswerValue* answer) const {
        std::vector<bool> met;
        for (std::size_t dependent : gate.dependents)
            met.push_back(answer && condition_holds(*questions_[dependent].question->when, *answer));
        auto found = std::find(gate.signatures.begin(), gate.signatures.end(), met);
        if (found != gate.signatures.end()) return int(found - gate.signatures.begin());
        gate.signatures.push_back(std::move(met));
        return int(gate.signatures.size() - 1);
    }

    void collect_items() {
        for (std::size_t q = 0; q < questions_.size(); ++q) {
            const QuestionInfo& info = questions_[q];
            int g = gate_of(q);
            Gate* gate = g < 0 ? nullptr : &gates_[std::size_t(g)];
            const AnswerValue* answer = answers_.find(info.question->id);
            if (gate) signature_of(*gate, answer);  // today's answer: signature 0
            if (!answer) continue;
            std::size_t first = items_.size();
            switch (info.question->type) {
                case QuestionType::choice: items_.push_back(choice_item(q, info, std::get<std::string>(*answer))); break;
                case QuestionType::number: items_.push_back(number_item(q, info, std::get<double>(*answer))); break;
                case QuestionType::multi: items_.push_back(multi_item(q, std::get<std::vector<std::string>>(*answer), gate)); break;
                case QuestionType::matrix: add_cells(q, std::get<MatrixAnswer>(*answer)); break;
            }
            if (gate && info.question->type == QuestionType::choice)
                for (auto& choice : items_[first].choices) choice.signature = signature_of(*gate, &choice.answer);
            for (std::size_t i = first; i < items_.size(); ++i) questions_[q].items.push_back(i);
        }
    }

    Item multi_item(std::size_t q, const std::vector<std::string>& ids, Gate* gate) const {
        Item item{q, {}, {}, 1, {}, {}};
        const Question& question = *questions_[q].question;
        if (gate)
            item.choices = multi_gate_choices(question, ids, [&](const AnswerValue& value) {
                return signature_of(*gate, &value);
            });
        else
            item.choices = multi_choices(question, ids);
        return item;
    }

    // Each rated cell is an item. Cells marked n/a never count; unanswered ones count 0 and
    // have no step (as in the moves); no step changes which cells count.
    void add_cells(std::size_t q, const MatrixAnswer& matrix) {
        const Question& question = *questions_[q].question;
        std::vector<Axis> rows = matrix_rows(question, answers_), columns = matrix_columns(question, answers_);
        std::size_t rated = 0;
        for (const auto& row : rows)
            for (const auto& column : columns) {
                const std::string* level = find_cell(matrix, row.id, column.id);
                if (!level || *level != kNotApplicable) ++rated;
            }
        questions_[q].can_apply = rated > 0;
        for (const auto& row : rows)
            for (const auto& column : columns) {
                const std::string* level = find_cell(matrix, row.id, column.id);
                if (level && *level != kNotApplicable)
                    items_.push_back(cell_item(q, questions_[q], row, column, *level, 1.0 / double(rated)));
            }
    }

    double config_count() const {
        double count = 1;
        for (const auto& gate : gates_) count *= double(gate.signatures.size());
        return count;
    }

    // The search fills, per configuration, one table row per item and effort, trying each choice.
    void check_work() const {
        double choices = 0;
        for (const auto& item : items_) {
            choices += double(item.choices.size());
            // The table records each item's pick in 16 bits; so many choices are far over the limit anyway.
            if (item.choices.size() > std::numeric_limits<std::uint16_t>::max()) choices = limits::kMaxPlanWork;
        }
        double work = config_count() * choices * (double(max_cost_) + 1);
        if (work > limits::kMaxPlanWork)
            throw std::runtime_error(fmt::format(
                "cannot plan: the exact search would take {:.0f} million steps ({:.0f} ways the conditions can end, "
                "{} answers and cells, {} in effort to the best answers), more than pindex's limit of {:.0f} million",
                work / 1e6, config_count(), items_.size(), max_cost_, limits::kMaxPlanWork / 1e6));
    }

    // Σ weight of the applicable questions of each part.
    std::vector<double> applicable_weights(const Config& config) const {
        std::vector<double> weights(rubric_.parts.size(), 0);
        for (std::size_t q = 0; q < questions_.size(); ++q)
            if (applies(q, config)) weights[questions_[q].part_index] += questions_[q].question->weight;
        return weights;
    }

    // For each item, the choices the configuration allows and the index points each brings;
    // nullopt when the configuration cannot happen. The question a gate item belongs to must
    // end with the configuration's signature; a question that does not apply in it keeps
    // today's answer, since a step on it would change nothing that is scored.
    std::optional<std::vector<std::vector<Allowed>>> allowed_choices(const Config& config) const {
        for (std::size_t g = 0; g < gates_.size(); ++g)  // an unanswered gate keeps its one signature
            if (questions_[gates_[g].question].items.empty() && config[g] != 0) return std::nullopt;
        std::vector<double> weights = applicable_weights(config);
        std::vector<std::vector<Allowed>> allowed(items_.size());
        for (std::size_t i = 0; i < items_.size(); ++i) {
            const Item& item = items_[i];
            const QuestionInfo& info = questions_[item.question];
            bool applicable = applies(item.question, config);
            double points = applicable ? info.part->weight * info.question->weight * item.share /
                                             weights[info.part_index]
                                       : 0;
            int g = gate_of(item.question);
            for (std::size_t c = 0; c < item.choices.size(); ++c) {
                const Choice& choice = item.choices[c];
                if ((g >= 0 && choice.signature != config[std::size_t(g)]) || (!applicable && c > 0)) continue;
                allowed[i].push_back({c, choice.cost, points * choice.score});
            }
            if (allowed[i].empty()) return std::nullopt;
        }
        return allowed;
    }

    // The multiple-choice knapsack: best[c] = the most index points with at most effort c,
    // taking exactly one allowed choice of each item; `picks` records which. On a tie the
    // earlier choice (less effort on that item) stays.
    std::vector<double> knapsack(const std::vector<std::vector<Allowed>>& allowed,
                                 std::vector<std::vector<std::uint16_t>>* picks) const {
        std::vector<double> best(std::size_t(max_cost_) + 1, 0), next(best.size());
        if (picks) picks->assign(allowed.size(), std::vector<std::uint16_t>(best.size(), 0));
        for (std::size_t i = 0; i < allowed.size(); ++i) {
            for (std::size_t c = 0; c < best.size(); ++c) {
                double most = -std::numeric_limits<double>::infinity();
                std::uint16_t pick = 0;
                for (std::size_t a = 0; a < allowed[i].size(); ++a) {
                    const Allowed& choice = allowed[i][a];
                    if (std::size_t(choice.cost) > c) continue;
                    double value = best[c - std::size_t(choice.cost)] + choice.points;
                    if (value > most + kTie) most = value, pick = std::uint16_t(a);
                }
                next[c] = most;
                if (picks) (*picks)[i][c] = pick;
            }
            std::swap(best, next);
        }
        return best;
    }

    bool next_config(Config& config) const {
        for (std::size_t g = 0; g < gates_.size(); ++g) {
            if (std::size_t(++config[g]) < gates_[g].signatures.size()) return true;
            config[g] = 0;
        }
        return false;
    }

    // Today's configuration comes first, so that among equal plans it is kept.
    void search_every_config() {
        best_.assign(std::size_t(max_cost_) + 1, -std::numeric_limits<double>::infinity());
        best_config_.assign(best_.size(), 0);
        Config config(gates_.size(), 0);
        do {
            if (auto allowed = allowed_choices(config)) {
                std::vector<double> best = knapsack(*allowed, nullptr);
                for (std::size_t c = 0; c < best.size(); ++c)
                    if (best[c] > best_[c] + kTie) best_[c] = best[c], best_config_[c] = configs_.size();
                configs_.push_back(config);
            }
        } while (next_config(config));
    }
};

// ---- The order -----------------------------------------------------------------------------

// The steps one item takes in the plan, with the index points after each (in the plan's end
// configuration): points[k] after the first k steps.
struct Run {
    std::vector<PlanStep> steps;
    std::vector<double> points;
    std::size_t question = 0;
    int tier = 1;  // 0: a foundation part, or a condition one waits for
    std::size_t done = 0;
};

std::vector<Run> runs_of(const Search& search, const Outcome& outcome) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < search.items().size(); ++i) {
        const Item& item = search.items()[i];
        const Choice& chosen = item.choices[outcome.choice[i]];
        if (outcome.choice[i] == 0) continue;
        const QuestionInfo& info = search.question_of(item);
        Run run;
        run.question = item.question;
        run.tier = info.part->foundation ? 0 : 1;
        run.points.push_back(search.points(item, item.choices[0].score, outcome.config));
        if (info.question->type == QuestionType::multi) {
            const auto& ids = std::get<std::vector<std::string>>(item.choices[0].answer);
            run.steps = tick_steps(info, ids, chosen.ticks);
            double sum = ticked_sum(*info.question, ids);
            for (std::size_t tick : chosen.ticks) {
                sum += info.question->options[tick].score;
                run.points.push_back(search.points(item, std::min(1.0, sum), outcome.config));
            }
        } else {
            run.steps.assign(item.chain.begin(), item.chain.begin() + std::ptrdiff_t(outcome.choice[i]));
            for (std::size_t k = 1; k <= outcome.choice[i]; ++k)
                run.points.push_back(search.points(item, item.choices[k].score, outcome.config));
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

// Runs on the question that `run`'s question's `when` names.
bool waits_for(const Search& search, const Run& run, const Run& other) {
    auto condition = search.condition_of(run.question);
    return condition && *condition == other.question;
}

// A condition's question takes the earliest tier of the questions waiting for it.
void pull_conditions_forward(const Search& search, std::vector<Run>& runs) {
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& run : runs)
            for (auto& other : runs)
                if (waits_for(search, run, other) && other.tier > run.tier) other.tier = run.tier, changed = true;
    }
}

// The most index points per unit of effort the run's next steps give, taken together: a small
// step that opens a large one counts with it. Returns {steps, points per effort}.
std::pair<std::size_t, double> best_stretch(const Run& run) {
    std::size_t length = 0;
    double rate = -std::numeric_limits<double>::infinity();
    int effort = 0;
    for (std::size_t k = run.done; k < run.steps.size(); ++k) {
        effort += run.steps[k].effort;
        double here = (run.points[k + 1] - run.points[run.done]) / effort;
        if (here > rate + kTie) rate = here, length = k + 1 - run.done;
    }
    return {length, rate};
}

// pindex's ordering rule (plan_order_words): one step at a time on each answer; a condition's
// steps before those of the questions it turns on; foundation parts first; then the most
// index points per unit of effort first, rubric order among equals.
std::vector<PlanStep> in_order(const Search& search, std::vector<Run> runs) {
    pull_conditions_forward(search, runs);
    std::vector<PlanStep> order;
    for (;;) {
        Run* pick = nullptr;
        std::pair<std::size_t, double> pick_stretch{0, 0};
        for (auto& run : runs) {
            if (run.done == run.steps.size()) continue;
            bool ready = std::none_of(runs.begin(), runs.end(), [&](const Run& other) {
                return other.done < other.steps.size() && waits_for(search, run, other);
            });
            if (!ready) continue;
            auto stretch = best_stretch(run);
            if (!pick || run.tier < pick->tier || (run.tier == pick->tier && stretch.second > pick_stretch.second + kTie))
                pick = &run, pick_stretch = stretch;
        }
        if (!pick) return order;
        for (std::size_t k = 0; k < pick_stretch.first; ++k) order.push_back(pick->steps[pick->done++]);
    }
}

// Wave w holds the steps that end within the w-th of N equal shares of the plan's effort; a
// wave left empty by one large step is dropped.
std::vector<PlanWave> cut_into_waves(const std::vector<PlanStep>& steps, int waves) {
    long long total = 0;
    for (const auto& step : steps) total += step.effort;
    std::vector<PlanWave> result;
    long long done = 0, current = 0;
    for (const auto& step : steps) {
        done += step.effort;
        long long wave = (waves * done + total - 1) / total;  // ceil(N × done / total), from 1 to N
        if (wave != current) result.emplace_back(), current = wave;
        result.back().steps.push_back(step);
        result.back().effort += step.effort;
    }
    return result;
}

// The least effort whose best plan reaches `index`.
int least_effort_reaching(const std::vector<double>& best, double index) {
    for (std::size_t c = 0; c < best.size(); ++c)
        if (best[c] >= index - kTie) return int(c);
    return int(best.size()) - 1;
}

}  // namespace

TargetParse parse_plan_target(std::string_view text, const Rubric& rubric) {
    if (auto number = parse_number(text)) {
        if (!(*number >= 0 && *number <= 100))
            return {std::nullopt, fmt::format("the target must lie in [0, 100], got {}", *number)};
        return {PlanGoal{*number, std::nullopt, std::nullopt}, ""};
    }
    std::vector<const Benchmark*> starting;
    for (const auto& benchmark : rubric.benchmarks) {
        if (benchmark.id == text) return {PlanGoal{benchmark.score, benchmark, std::nullopt}, ""};
        if (benchmark.id.starts_with(text)) starting.push_back(&benchmark);
    }
    if (starting.size() == 1 && !text.empty())
        return {PlanGoal{starting.front()->score, *starting.front(), std::nullopt}, ""};
    return {std::nullopt, fmt::format("'{}' is neither a number from 0 to 100 nor a benchmark of the rubric ({})",
                                      text, join_ids(rubric.benchmarks))};
}

std::string plan_order_words(const Rubric& rubric) {
    std::vector<std::string> foundations;
    for (const auto& part : rubric.parts)
        if (part.foundation) foundations.push_back(part.name);
    return fmt::format("pindex's convention: each answer moves one step at a time; a question's steps come after "
                       "those on the question its condition names; steps in the rubric's foundation parts ({}) come "
                       "first; then the steps that raise the index most per unit of effort, a step that opens a "
                       "larger one counted with it, rubric order among equals.",
                       foundations.empty() ? "this rubric marks none" : join(foundations));
}

Plan make_plan(const Rubric& rubric, const Answers& answers, const std::string& source, const PlanGoal& goal,
               int waves) {
    if (goal.target.has_value() == goal.budget.has_value())
        throw std::invalid_argument("a plan needs either a target or a budget");
    Search search(rubric, answers);
    const std::vector<double>& best = search.best();
    Plan plan;
    plan.source = source;
    plan.organization = answers.organization;
    plan.date = answers.date;
    plan.rubric_id = rubric.id;
    plan.rubric_version = rubric.version;
    plan.rubric_name = rubric.name;
    plan.tool_version = kVersion;
    plan.goal = goal;
    plan.uses_effort = rubric_gives_efforts(rubric);
    plan.order = plan_order_words(rubric);
    Score today = score_answers(rubric, answers);
    plan.index_before = today.index;
    plan.missing = today.completeness.missing;
    plan.highest_index = round_to_tenth(best.back());
    plan.highest_effort = least_effort_reaching(best, best.back());

    int effort = plan.highest_effort;
    if (goal.target) {
        auto reaching = std::find_if(best.begin(), best.end(),
                                     [&](double index) { return round_to_tenth(index) >= *goal.target; });
        plan.reached = reaching != best.end();
        if (plan.reached) effort = int(reaching - best.begin());
    } else {
        effort = least_effort_reaching(best, best[std::size_t(std::clamp(*goal.budget, 0, int(best.size()) - 1))]);
    }
    Outcome outcome = search.outcome_for(effort);
    for (std::size_t q = 0; q < search.question_count(); ++q)
        if (!search.question(q).answered && search.applies(q, outcome.config) && !search.applies_today(q))
            plan.unanswered.push_back(search.question(q).question->id);

    // Take the steps in order, rescoring after each: every gain and wave index shown is exact.
    std::vector<PlanStep> steps = in_order(search, runs_of(search, outcome));
    std::vector<double> index_after_step;
    plan.answers_after = answers;
    double index = today.unrounded_index;
    for (auto& step : steps) {
        plan.answers_after = apply_move(std::move(plan.answers_after), step.move);
        double after = score_answers(rubric, plan.answers_after).unrounded_index;
        step.move.gain = after - index;
        index_after_step.push_back(index = after);
        plan.effort += step.effort;
    }
    plan.step_count = steps.size();
    plan.waves = cut_into_waves(steps, std::max(1, waves));
    std::size_t taken = 0;
    for (auto& wave : plan.waves) {
        taken += wave.steps.size();
        wave.index = round_to_tenth(index_after_step[taken - 1]);
    }
    plan.index_after = score_answers(rubric, plan.answers_after).index;
    return plan;
}

}  // namespace pindex

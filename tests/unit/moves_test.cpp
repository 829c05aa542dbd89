#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "pindex/moves.hpp"
#include "pindex/scoring.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

const Rubric& small_rubric() {
    static const Rubric rubric = load_rubric(test::kSmallRubric, "small.yaml");
    return rubric;
}

// Part A: c mid 0.5, m [p] 0.5, n 5 -> 0 (w does not apply): 60 x 1/3 = 20.
// Part B: x cells none 0, half 0.5, full 1, n/a: 40 x 1/2 = 20. Index 40.
Answers small_answers() {
    return load_answers("rubric: small\nanswers:\n  c: mid\n  m: [p]\n  n: 5\n"
                        "  x: {r1: {k1: none, k2: half}, r2: {k1: n/a, k2: full}}\n",
                        "a.yaml", small_rubric());
}

double index_of(const Rubric& rubric, const Answers& answers) { return score_answers(rubric, answers).unrounded_index; }

}  // namespace

TEST_CASE("moves of a hand-computed case: gains, order, and a step that would lower the index") {
    std::vector<Move> moves = find_moves(small_rubric(), small_answers());
    REQUIRE(moves.size() == 4);
    // m + q: min(1, 1.25) = 1 -> part A (0.5 + 1 + 0) / 3 = 0.5 -> 30 points: +10.
    CHECK(moves[0].question == "m");
    CHECK(std::get<std::vector<std::string>>(moves[0].to) == std::vector<std::string>{"p", "q"});
    CHECK(moves[0].gain == Approx(10));
    // n 5 -> the next band [10, 20) at 0.5: also +10; rubric order breaks the tie.
    CHECK(moves[1].question == "n");
    CHECK(std::get<double>(moves[1].to) == 10);
    CHECK(moves[1].to_text == "10 to 20");
    CHECK(moves[1].gain == Approx(10));
    // Cells: none -> half and half -> full each raise the mean of 3 rated cells by 1/6: 40/6.
    CHECK(moves[2].row->id == "r1");
    CHECK(moves[2].column->id == "k1");
    CHECK(moves[2].from_text == "None");
    CHECK(moves[2].to_text == "Half");
    CHECK(moves[2].gain == Approx(40.0 / 6));
    CHECK(moves[3].column->id == "k2");
    CHECK(moves[3].gain == Approx(40.0 / 6));
    // c mid -> hi would make w (weight 2) apply unanswered: part A (1 + 0.5 + 0 + 0) / 5 = 0.3,
    // 18 points, -2. It is not a move.
    for (const auto& move : moves) CHECK(move.question != "c");
    CHECK(index_of(small_rubric(), apply_move(small_answers(), Move{"c", "a", {}, {}, "mid", "hi"})) == Approx(38));
}

TEST_CASE("each move's gain is the index difference of rescoring with the move applied") {
    const Rubric& rubric = default_rubric();
    for (const char* name : {"laggard.yaml", "typical.yaml", "leader.yaml"}) {
        INFO(name);
        Answers answers = load_answers(test::source_file(std::string("examples/") + name), name, rubric);
        double base = index_of(rubric, answers);
        std::vector<Move> moves = find_moves(rubric, answers);
        REQUIRE(!moves.empty());
        for (std::size_t i = 0; i < moves.size(); ++i) {
            INFO(moves[i].question << " " << moves[i].to_text);
            CHECK(moves[i].gain > 0);
            CHECK(moves[i].gain == Approx(index_of(rubric, apply_move(answers, moves[i])) - base).margin(1e-12));
            if (i > 0) CHECK(moves[i - 1].gain >= moves[i].gain);
        }
    }
}

TEST_CASE("the top move is the best single step among every one-step change") {
    // Independently of find_moves: raise each answered choice, and each rated matrix cell, to
    // the option or level scoring next above it, one at a time, and rescore.
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    double base = index_of(rubric, answers), best = 0;
    auto one_step_up = [](const std::vector<Option>& options, const std::string& id) {
        double current = 0, next = 2;
        for (const auto& option : options)
            if (option.id == id) current = option.score;
        std::string next_id;
        for (const auto& option : options)
            if (option.score > current && option.score < next) next = option.score, next_id = option.id;
        return next_id;
    };
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            const AnswerValue* answer = answers.find(question.id);
            if (!answer) continue;
            if (question.type == QuestionType::choice) {
                std::string next = one_step_up(question.options, std::get<std::string>(*answer));
                if (next.empty()) continue;
                Answers changed = answers;
                changed.answers[question.id] = next;
                best = std::max(best, index_of(rubric, changed) - base);
            }
            if (question.type == QuestionType::matrix)
                for (const auto& [row, cells] : std::get<MatrixAnswer>(*answer))
                    for (const auto& [column, level] : cells) {
                        std::string next = level == kNotApplicable ? "" : one_step_up(question.levels, level);
                        if (next.empty()) continue;
                        Answers changed = answers;
                        std::get<MatrixAnswer>(changed.answers[question.id])[row][column] = next;
                        best = std::max(best, index_of(rubric, changed) - base);
                    }
        }
    std::vector<Move> moves = find_moves(rubric, answers);
    REQUIRE(!moves.empty());
    CHECK(moves.front().gain == Approx(best));
    // Naming a senior leader instead of a director: one step up the whole of Accountability.
    const Question* accountable = rubric.find_question("accountable-leader");
    CHECK(moves.front().question == "accountable-leader");
    CHECK(moves.front().gain ==
          Approx(10 * (accountable->find_option("senior-leader")->score - accountable->find_option("manager-or-director")->score)));
}

TEST_CASE("best answers leave no move, and unanswered questions have none") {
    const Rubric& rubric = default_rubric();
    CHECK(find_moves(rubric, test::best_answers(rubric)).empty());
    CHECK(find_moves(rubric, Answers{}).empty());
}

TEST_CASE("moves carry the rubric's advice for what they reach") {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    for (const auto& move : find_moves(rubric, answers))
        if (move.question == "idea-to-launch") {
            CHECK(move.from_text == "6 weeks");
            CHECK(move.to_text == "0.4 to 2 weeks");
            CHECK_THAT(move.advice, Catch::Contains("a few days"));
        }
}

namespace {

// Conditions across parts, a matrix with rows and columns of one's own, weights: every way a
// step can change the index beyond its own answer.
const char* const kCrossRubric = R"(id: cross
version: "1"
name: Cross
benchmarks:
  - {id: avg, label: Average, score: 49, source: test}
parts:
  - id: a
    name: A
    weight: 50
    questions:
      - {id: c, type: choice, text: "C?", help: h, options: [{id: lo, label: Lo, score: 0}, {id: mid, label: Mid, score: 0.5}, {id: hi, label: Hi, score: 1}]}
      - {id: m, type: multi, weight: 3, text: "M?", help: h, options: [{id: p, label: P, score: 0.25}, {id: q, label: Q, score: 0.75}]}
      - {id: n, type: number, text: "N?", help: h, bands: [{min: 0, max: 10, score: 0}, {min: 10, max: 20, score: 0.6}, {min: 20, score: 1}]}
  - id: b
    name: B
    weight: 30
    questions:
      - {id: w, type: choice, weight: 2, when: {question: c, in: [hi]}, text: "W?", help: h, options: [{id: no, label: No, score: 0}, {id: yes, label: Yes, score: 1}]}
      - {id: x, type: matrix, text: "X?", help: h, custom_rows: true, custom_columns: true,
         rows: [{id: r1, label: R1}, {id: r2, label: R2}], columns: [{id: k1, label: K1}, {id: k2, label: K2}],
         levels: [{id: none, label: None, score: 0}, {id: half, label: Half, score: 0.5}, {id: full, label: Full, score: 1}]}
  - id: d
    name: D
    weight: 20
    questions:
      - {id: v, type: choice, when: {question: m, in: [q]}, text: "V?", help: h, options: [{id: no, label: No, score: 0}, {id: yes, label: Yes, score: 1}]}
      - {id: u, type: choice, when: {question: c, in: [lo, mid]}, text: "U?", help: h, options: [{id: no, label: No, score: 0}, {id: yes, label: Yes, score: 1}]}
)";

// Random answers to kCrossRubric: any question may be left out, any cell be n/a or unanswered.
std::string random_cross_answers(std::mt19937& random) {
    auto pick = [&](std::initializer_list<const char*> items) { return *(items.begin() + random() % items.size()); };
    auto maybe = [&](const std::string& line) { return random() % 4 ? line : std::string(); };
    std::string text = "rubric: cross\ncustom:\n  x:\n    rows: [{id: r3, label: R3}]\n    columns: [{id: k3, label: K3}]\nanswers:\n";
    text += maybe(std::string("  c: ") + pick({"lo", "mid", "hi"}) + "\n");
    text += maybe(std::string("  m: ") + pick({"[]", "[p]", "[q]", "[p, q]"}) + "\n");
    text += maybe("  n: " + std::to_string(random() % 30) + "\n");
    text += maybe(std::string("  w: ") + pick({"no", "yes"}) + "\n");
    text += maybe(std::string("  v: ") + pick({"no", "yes"}) + "\n");
    text += maybe(std::string("  u: ") + pick({"no", "yes"}) + "\n");
    text += "  x:\n";
    for (const char* row : {"r1", "r2", "r3"}) {
        text += std::string("    ") + row + ": {";
        for (const char* column : {"k1", "k2", "k3"})
            if (random() % 5) text += std::string(column) + ": " + pick({"none", "half", "full", "n/a"}) + ", ";
        text += "}\n";
    }
    return text;
}

// The gains of every one-step raise that helps, found without find_moves: each applicable answer
// (or rated cell) raised to the next better option, band or level, and everything rescored.
std::vector<double> positive_one_step_gains(const Rubric& rubric, const Answers& answers) {
    double base = index_of(rubric, answers);
    std::vector<double> gains;
    auto try_step = [&](const std::string& question, const AnswerValue& to, const Axis* row = nullptr,
                        const Axis* column = nullptr) {
        Move move{question, "", {}, {}, {}, to};
        if (row) move.row = *row;
        if (column) move.column = *column;
        double gain = index_of(rubric, apply_move(answers, move)) - base;
        if (gain > 1e-9) gains.push_back(gain);
    };
    auto next_above = [](const std::vector<Option>& options, double score) -> const Option* {
        const Option* next = nullptr;
        for (const auto& option : options)
            if (option.score > score && (!next || option.score < next->score)) next = &option;
        return next;
    };
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            const AnswerValue* answer = answers.find(question.id);
            if (!answer || !is_applicable(question, answers)) continue;
            if (question.type == QuestionType::choice) {
                if (const Option* next = next_above(question.options, answer_score(question, *answer)))
                    try_step(question.id, next->id);
            } else if (question.type == QuestionType::multi) {
                auto ids = std::get<std::vector<std::string>>(*answer);
                if (answer_score(question, *answer) >= 1) continue;
                for (const auto& option : question.options)
                    if (option.score > 0 && std::find(ids.begin(), ids.end(), option.id) == ids.end()) {
                        auto with = ids;
                        with.push_back(option.id);
                        try_step(question.id, with);
                    }
            } else if (question.type == QuestionType::number) {
                const Band* band = question.find_band(std::get<double>(*answer));
                const Band* next = nullptr;
                for (const auto& candidate : question.bands)
                    if (candidate.score > (band ? band->score : 0) && (!next || candidate.score < next->score)) next = &candidate;
                if (next) try_step(question.id, next->min);
            } else {
                const auto& matrix = std::get<MatrixAnswer>(*answer);
                std::vector<Axis> columns = matrix_columns(question, answers);
                for (const auto& row : matrix_rows(question, answers))
                    for (const auto& column : columns) {
                        const std::string* level = find_cell(matrix, row.id, column.id);
                        if (!level || *level == kNotApplicable) continue;
                        const Option* current = question.find_level(*level);
                        if (const Option* next = next_above(question.levels, current ? current->score : 0))
                            try_step(question.id, next->id, &row, &column);
                    }
            }
        }
    return gains;
}

}  // namespace

TEST_CASE("gains found by rescoring only what a step touches equal a full rescoring") {
    // find_moves rescores a step's question, the questions whose `when` names it and their
    // parts; apply_move and score_answers rescore everything. 500 random answer sets.
    Rubric rubric = load_rubric(kCrossRubric, "cross.yaml");
    std::mt19937 random(16);
    std::size_t compared = 0, with_dependents = 0;
    for (int run = 0; run < 500; ++run) {
        std::string text = random_cross_answers(random);
        INFO(text);
        Answers answers = load_answers(text, "a.yaml", rubric);
        double base = index_of(rubric, answers);
        std::vector<Move> moves = find_moves(rubric, answers);
        CHECK(moves.size() == positive_one_step_gains(rubric, answers).size());  // none missed, none extra
        for (const auto& move : moves) {
            INFO(move.question << " -> " << move.to_text);
            CHECK(move.gain == Approx(index_of(rubric, apply_move(answers, move)) - base).margin(1e-9));
            ++compared;
            with_dependents += move.question == "c" || move.question == "m";
        }
    }
    CHECK(compared > 2000);
    CHECK(with_dependents > 500);  // the steps that change whether other questions apply were among them
}

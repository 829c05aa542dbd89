#include <catch2/catch.hpp>

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

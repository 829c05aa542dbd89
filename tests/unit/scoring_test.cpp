#include <catch2/catch.hpp>

#include "pindex/scoring.hpp"
#include "test_support.hpp"

using namespace pindex;
using pindex::test::kSmallRubric;

namespace {
const Rubric& small() {
    static const Rubric rubric = load_rubric(kSmallRubric, "small.yaml");
    return rubric;
}
Answers small_answers(const std::string& body) {
    return load_answers("rubric: small\nanswers:\n" + body, "a.yaml", small());
}
const PartScore& part(const Score& score, const std::string& id) {
    for (const auto& p : score.parts)
        if (p.id == id) return p;
    FAIL("no part " << id);
    return score.parts.front();
}
}  // namespace

TEST_CASE("all best answers score 100 and all worst score 0, on the default rubric") {
    const Rubric& rubric = default_rubric();
    Score best = score_answers(rubric, test::best_answers(rubric));
    CHECK(best.index == 100.0);
    CHECK(best.completeness.complete());
    for (const auto& p : best.parts) CHECK(p.points == Approx(p.weight));
    Score worst = score_answers(rubric, test::worst_answers(rubric));
    CHECK(worst.index == 0.0);
    CHECK(worst.completeness.complete());
}

TEST_CASE("hand-computed score of the small rubric") {
    // Part a (60): c=mid 0.5 (w not applicable since c != hi), m=[p] 0.5, n=12 -> band [10,20) 0.5.
    //   fraction = (0.5 + 0.5 + 0.5) / 3 = 0.5 -> 30 points.
    // Part b (40): cells full 1, n/a, half 0.5, none 0 -> mean over 3 rated = 0.5 -> 20 points.
    Score score = score_answers(small(), small_answers("  c: mid\n  m: [p]\n  n: 12\n"
                                                       "  x: {r1: {k1: full, k2: n/a}, r2: {k1: half, k2: none}}\n"));
    CHECK(part(score, "a").fraction == Approx(0.5));
    CHECK(part(score, "a").points == Approx(30));
    CHECK(part(score, "b").points == Approx(20));
    CHECK(score.index == 50.0);
    CHECK(score.completeness.complete());
    CHECK(score.completeness.applicable == 4);
}

TEST_CASE("'when' makes a question count, with its weight, only when it holds") {
    // c=hi 1, m=[] 0, n=25 1, w=no 0 (weight 2): (1 + 0 + 1 + 0*2) / 5 = 0.4 -> 24 points.
    Score score = score_answers(small(), small_answers("  c: hi\n  m: []\n  n: 25\n  w: no\n"
                                                       "  x: {r1: {k1: n/a, k2: n/a}, r2: {k1: n/a, k2: n/a}}\n"));
    CHECK(part(score, "a").points == Approx(24));
    // A matrix whose cells are all n/a is not applicable; a part with nothing applicable scores 0.
    CHECK_FALSE(part(score, "b").applicable);
    CHECK(part(score, "b").points == 0);
    CHECK(score.index == 24.0);
    CHECK(score.completeness.applicable == 4);
}

TEST_CASE("multi answers are capped at 1") {
    // p 0.5 + q 0.75 = 1.25 -> 1.
    Score score = score_answers(small(), small_answers("  c: lo\n  m: [p, q]\n  n: 0\n"));
    CHECK(part(score, "a").questions[1].score == 1.0);
}

TEST_CASE("number answers take the score of their band, edges included") {
    auto n_score = [](const std::string& value) {
        Score score = score_answers(small(), small_answers("  n: " + value + "\n"));
        return part(score, "a").questions[2].score;
    };
    CHECK(n_score("0") == 0);
    CHECK(n_score("9.99") == 0);
    CHECK(n_score("10") == 0.5);
    CHECK(n_score("19.999") == 0.5);
    CHECK(n_score("20") == 1);
    CHECK(n_score("1e6") == 1);
}

TEST_CASE("missing answers score 0 and are listed, matrix cells by id") {
    Score score = score_answers(small(), small_answers("  c: hi\n  x: {r1: {k1: full}}\n"));
    CHECK(score.completeness.missing == std::vector<std::string>{"m", "n", "w", "x.r1.k2", "x.r2.k1", "x.r2.k2"});
    CHECK(score.completeness.applicable == 5);
    CHECK(score.completeness.answered == 1);
    // x: one cell of four rated full, the rest missing -> 0.25 -> 10 points.
    CHECK(part(score, "b").points == Approx(10));
    CHECK_FALSE(score.completeness.complete());
}

TEST_CASE("an unanswered matrix is one missing id, not one per cell") {
    Score score = score_answers(small(), small_answers("  c: lo\n  m: []\n  n: 1\n  x:\n"));
    CHECK(score.completeness.missing == std::vector<std::string>{"x"});
}

TEST_CASE("the index is rounded once, half away from zero, after summing unrounded points") {
    CHECK(round_to_tenth(48.05) == 48.1);
    CHECK(round_to_tenth(48.04999) == 48.0);
    CHECK(round_to_tenth(0.15) == 0.2);
    CHECK(round_to_tenth(99.95) == 100.0);
    // Three parts of 33.35 each would give 100.1 if each were rounded first; summed once: 100.05 -> 100.1,
    // and 16.666.. + 16.666.. = 33.333.. -> 33.3 rather than 16.7 + 16.7 = 33.4.
    CHECK(round_to_tenth(50.0 / 3 + 50.0 / 3) == 33.3);
}

TEST_CASE("the example archetypes are complete and ordered laggard < typical < leader") {
    const Rubric& rubric = default_rubric();
    auto index_of = [&](const std::string& name) {
        Answers answers = load_answers(test::source_file("examples/" + name + ".yaml"), name, rubric);
        Score score = score_answers(rubric, answers);
        CHECK(score.completeness.complete());
        return score.index;
    };
    double laggard = index_of("laggard"), typical = index_of("typical"), leader = index_of("leader");
    CHECK(laggard < typical);
    CHECK(typical < leader);
    CHECK(leader > 72);  // a leader as described clears the top-decile average
}

TEST_CASE("custom rows count in the matrix mean like the rubric's") {
    Rubric extensible = load_rubric(test::replaced(test::kSmallRubric, "        levels:\n", "        custom_rows: true\n        levels:\n"), "e.yaml");
    Answers answers = load_answers(R"(rubric: small
custom: {x: {rows: [{id: r3, label: Own}]}}
answers:
  c: lo
  m: []
  n: 0
  x: {r1: {k1: full, k2: full}, r2: {k1: full, k2: full}, r3: {k1: none, k2: n/a}}
)", "a.yaml", extensible);
    // Five rated cells: four full (1) and one none (0): 0.8 of part b's 40 points.
    Score score = score_answers(extensible, answers);
    CHECK(part(score, "b").points == Approx(32));
    CHECK(score.completeness.complete());
    answers.custom["x"].rows.push_back({"r4", "Unrated"});
    CHECK(score_answers(extensible, answers).completeness.missing == std::vector<std::string>{"x.r4.k1", "x.r4.k2"});
}

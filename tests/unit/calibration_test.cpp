// The calibration of the built-in rubric (docs/calibration.md): companies described only in the
// sources' words land where the sources put them, and the examples where their descriptions say.
#include <catch2/catch.hpp>

#include "pindex/scoring.hpp"
#include "example_scores.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

double index_of(const std::string& path) {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file(path), path, rubric);
    Score score = score_answers(rubric, answers);
    REQUIRE(score.completeness.complete());
    REQUIRE(answers.rubric_version == rubric.version);
    return score.index;
}

}  // namespace

TEST_CASE("calibration: an ordinary company lands near the published average of 49") {
    double ordinary = index_of("tests/calibration/ordinary.yaml");
    CHECK(ordinary >= 45);
    CHECK(ordinary <= 53);
}

TEST_CASE("calibration: a leader as the sources describe one lands near the top-decile average of 72") {
    double leader = index_of("tests/calibration/leader.yaml");
    CHECK(leader >= 68);
    CHECK(leader <= 76);
}

TEST_CASE("calibration: a laggard as the sources describe one scores 30 or less") {
    CHECK(index_of("tests/calibration/laggard.yaml") <= 30);
}

TEST_CASE("calibration: the examples land where their descriptions put them") {
    double laggard = index_of("examples/laggard.yaml"), typical = index_of("examples/typical.yaml"),
           leader = index_of("examples/leader.yaml");
    CHECK(typical >= 44);
    CHECK(typical <= 54);
    CHECK(leader >= 72);
    CHECK(laggard <= 30);
    // The figures the other tests print and look for (tests/support/example_scores.hpp).
    CHECK(laggard == test::kLaggardIndex);
    CHECK(typical == test::kTypicalIndex);
    CHECK(leader == test::kLeaderIndex);
}

#include <catch2/catch.hpp>

#include "pindex/thresholds.hpp"
#include "test_support.hpp"

using namespace pindex;

TEST_CASE("part thresholds parse as ID=N within the part's weight") {
    const Rubric& rubric = default_rubric();
    auto ok = parse_part_threshold("empower-me=25.5", rubric);
    REQUIRE(ok.threshold);
    CHECK(ok.threshold->part_id == "empower-me");
    CHECK(ok.threshold->minimum == 25.5);
    CHECK_THAT(parse_part_threshold("empower-me", rubric).error, Catch::Contains("is not ID=N"));
    CHECK_THAT(parse_part_threshold("empower=3", rubric).error, Catch::Contains("unknown part 'empower'"));
    CHECK_THAT(parse_part_threshold("know-me=x", rubric).error, Catch::Contains("'x' is not a number"));
    CHECK_THAT(parse_part_threshold("know-me=11", rubric).error, Catch::Contains("must lie in [0, 10]"));
    CHECK_THAT(make_index_threshold(101).error, Catch::Contains("[0, 100]"));
}

TEST_CASE("thresholds compare the rounded, reported values") {
    Score score;
    score.index = 49.0;
    score.parts.push_back(PartScore{"know-me", "Know me", 10, 0.4949, 4.949, true, {}});
    auto results = evaluate_thresholds({Threshold{"", 49}, Threshold{"", 49.1}, Threshold{"know-me", 4.9},
                                        Threshold{"know-me", 5}}, score);
    CHECK(results[0].passed);
    CHECK_FALSE(results[1].passed);
    CHECK(results[2].passed);   // 4.949 is reported as 4.9
    CHECK(results[2].actual == 4.9);
    CHECK_FALSE(results[3].passed);
}

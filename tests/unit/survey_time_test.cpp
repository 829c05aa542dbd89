#include <catch2/catch.hpp>

#include "pindex/survey_time.hpp"
#include "test_support.hpp"

using namespace pindex;

TEST_CASE("the default rubric's survey fits in 15 minutes") {
    SurveyTimeEstimate estimate = estimate_survey_time(default_rubric());
    INFO("estimated seconds: " << estimate.seconds);
    CHECK(estimate.seconds <= 15 * 60);
    CHECK(estimate.parts.size() == 6);
}

TEST_CASE("the estimate is reading time plus decision time, by hand") {
    Rubric rubric = load_rubric(test::kSmallRubric, "small.yaml");
    SurveyTimeModel model;
    // c: "Choice?" 1 word + Low, Mid, High 3 words = 4 words; 4 * 60 / 200 = 1.2 s + 8 s.
    CHECK(estimate_question_seconds(*rubric.find_question("c"), model) == Approx(9.2));
    // x: 1 word + levels 3 + columns 2 + rows 2 = 8 words = 2.4 s; 4 cells * 5 s = 20 s.
    CHECK(estimate_question_seconds(*rubric.find_question("x"), model) == Approx(22.4));
    // n: "Number?" 1 word, no unit: 0.3 s + 12 s.
    CHECK(estimate_question_seconds(*rubric.find_question("n"), model) == Approx(12.3));
    // The longest path adds the intro, organization, respondent, review and result: 30 + 8 + 8 + 60.
    SurveyTimeEstimate estimate = estimate_survey_time(rubric, model);
    CHECK(estimate.around_seconds == Approx(106));
    double questions = 0;
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) questions += estimate_question_seconds(question, model);
    CHECK(estimate.seconds == Approx(questions + 106));
}

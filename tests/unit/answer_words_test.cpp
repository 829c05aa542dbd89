// One way of saying an answer in words, shared by the reports, the moves and the survey.
#include <catch2/catch.hpp>

#include "pindex/answer_words.hpp"

using namespace pindex;

TEST_CASE("quantities keep their unit, a percent sign without a space, and never an exponent") {
    CHECK(quantity_words(55, "%") == "55%");
    CHECK(quantity_words(6, "weeks") == "6 weeks");
    CHECK(quantity_words(0.6, "weeks") == "0.6 weeks");
    CHECK(quantity_words(2000000, "") == "2000000");
    CHECK(band_words(Band{8, 12, 0.5, ""}, "weeks") == "8 to 12 weeks");
    CHECK(band_words(Band{75, 100, 1, ""}, "%") == "75 to 100%");
    CHECK(band_words(Band{200, std::nullopt, 1, ""}, "experiments") == "200 experiments or more");
}

TEST_CASE("answers read as their labels, and an empty multi-select as None selected") {
    const Rubric& rubric = default_rubric();
    const Question& governance = *rubric.find_question("data-governance");
    CHECK(answer_words(governance, AnswerValue{std::vector<std::string>{"owners", "consent"}}) ==
          "Named owners for each kind of customer data; Consent recorded per customer and honoured by every channel");
    CHECK(answer_words(governance, AnswerValue{std::vector<std::string>{}}) == "None selected");
    CHECK(answer_words(*rubric.find_question("digital-relationships"), AnswerValue{55.0}) == "55%");
    CHECK(answer_words(*rubric.find_question("cross-channel"), AnswerValue{std::string("isolated")}) ==
          "Nothing changes: each channel works from its own data");
    const Question& journey = *rubric.find_question("journey");
    CHECK(level_words(journey, "extensive") == "Extensively");
    CHECK(level_words(journey, kNotApplicable) == "n/a");
    MatrixAnswer matrix{{"discover", {{"web", "moderate"}, {"app", "n/a"}, {"messaging", "moderate"}}}};
    CHECK(answer_words(journey, AnswerValue{matrix}) == "3 cells: 2 Moderately, 1 n/a");
}

#include <catch2/catch.hpp>

#include "pindex/answers_template.hpp"
#include "pindex/scoring.hpp"
#include "test_support.hpp"

using namespace pindex;

TEST_CASE("the template loads as a valid answers file with nothing answered") {
    const Rubric& rubric = default_rubric();
    std::string text = write_answers_template(rubric);
    Answers answers = load_answers(text, "template.yaml", rubric);
    CHECK(answers.answers.empty());
    Score score = score_answers(rubric, answers);
    CHECK(score.completeness.answered == 0);
    CHECK(score.index == 0);
}

TEST_CASE("the template names every question and every option id") {
    const Rubric& rubric = default_rubric();
    std::string text = write_answers_template(rubric);
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            CHECK_THAT(text, Catch::Contains("  " + question.id + ":"));
            for (const auto& option : question.options) CHECK_THAT(text, Catch::Contains("#   " + option.id + ": "));
        }
    // The built-in rubric asks every question; a rubric with a `when` says when it applies.
    std::string small = write_answers_template(load_rubric(test::kSmallRubric, "small.yaml"));
    CHECK_THAT(small, Catch::Contains("Asked only when c is one of: hi"));
}

TEST_CASE("filling the template's blanks gives a scorable file") {
    const Rubric& rubric = default_rubric();
    std::string text = write_answers_template(rubric);
    // Answer every choice with its last (best) option by filling "  id:" lines.
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            if (question.type != QuestionType::choice) continue;
            std::string blank = "\n  " + question.id + ":\n";
            auto at = text.find(blank);
            REQUIRE(at != std::string::npos);
            text.replace(at, blank.size(), "\n  " + question.id + ": " + question.options.back().id + "\n");
        }
    Answers answers = load_answers(text, "filled.yaml", rubric);
    CHECK(score_answers(rubric, answers).index > 0);
}

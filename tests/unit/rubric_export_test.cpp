#include <catch2/catch.hpp>

#include "pindex/rubric_export.hpp"
#include "test_support.hpp"

using namespace pindex;

TEST_CASE("the YAML export loads back to the same rubric") {
    const Rubric& rubric = default_rubric();
    Rubric reloaded = load_rubric(write_rubric_yaml(rubric), "export.yaml");
    CHECK(rubric_to_json(reloaded) == rubric_to_json(rubric));
}

TEST_CASE("the JSON export loads back to the same rubric, open bands (max: null) included") {
    const Rubric& rubric = default_rubric();
    Rubric reloaded = load_rubric(write_rubric_json(rubric), "export.json");
    CHECK(rubric_to_json(reloaded) == rubric_to_json(rubric));
    CHECK_FALSE(reloaded.find_question("idea-to-launch")->bands.back().max);
}

TEST_CASE("the JSON export follows the public contract") {
    auto json = rubric_to_json(load_rubric(test::kSmallRubric, "small.yaml"));
    CHECK(json["id"] == "small");
    CHECK(json["version"] == "1");
    CHECK(json["benchmarks"][0]["source"] == "test");
    const auto& questions = json["parts"][0]["questions"];
    CHECK(questions[0]["type"] == "choice");
    CHECK(questions[0]["options"][1] == nlohmann::ordered_json{{"id", "mid"}, {"label", "Mid"}, {"score", 0.5}});
    CHECK(questions[2]["bands"][2]["max"].is_null());
    CHECK(questions[3]["when"] == nlohmann::ordered_json{{"question", "c"}, {"in", {"hi"}}});
    CHECK(questions[3]["weight"] == 2);
    const auto& matrix = json["parts"][1]["questions"][0];
    for (const char* key : {"rows", "columns", "levels"}) CHECK(matrix.contains(key));
    CHECK_FALSE(matrix.contains("options"));
}

TEST_CASE("rubric show lists parts, scores, benchmarks, conventions and the time estimate") {
    std::string text = write_rubric_text(default_rubric());
    CHECK_THAT(text, Catch::Contains("Empower me [empower-me]: 50 points"));
    CHECK_THAT(text, Catch::Contains("1.00 one-to-one: Fully 1:1"));
    CHECK_THAT(text, Catch::Contains("[75, 100] %"));
    CHECK_THAT(text, Catch::Contains("49  Average company"));
    CHECK_THAT(text, Catch::Contains("pindex convention"));
    CHECK_THAT(text, Catch::Contains("Survey: " + std::to_string(default_rubric().question_count()) + " questions, about"));
    CHECK_THAT(text, Catch::Contains("Changed since version 1.0"));
    CHECK_THAT(text, Catch::Contains("n/a: not used here: customers do not use this channel at this step"));
}

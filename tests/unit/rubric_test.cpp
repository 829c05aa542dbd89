#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "pindex/limits.hpp"
#include "pindex/rubric.hpp"
#include "pindex/rubric_export.hpp"
#include "test_support.hpp"

using namespace pindex;
using pindex::test::kSmallRubric;
using pindex::test::rubric_error;

namespace {
std::string small_rubric_with(const std::string& from, const std::string& to) {
    return test::replaced(kSmallRubric, from, to);
}
}  // namespace

TEST_CASE("the default rubric holds the six published parts and weights") {
    const Rubric& rubric = default_rubric();
    REQUIRE(rubric.parts.size() == 6);
    std::vector<std::pair<std::string, double>> expected = {
        {"Empower me", 50}, {"Know me", 10}, {"Reach me", 10}, {"Show me", 10}, {"Delight me", 10}, {"Accountability", 10}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(rubric.parts[i].name == expected[i].first);
        CHECK(rubric.parts[i].weight == expected[i].second);
    }
}

TEST_CASE("the default rubric carries the published benchmarks with their source") {
    const Rubric& rubric = default_rubric();
    REQUIRE(rubric.benchmarks.size() == 2);
    CHECK(rubric.benchmarks[0].score == 49);
    CHECK(rubric.benchmarks[1].score == 72);
    for (const auto& benchmark : rubric.benchmarks) CHECK_THAT(benchmark.source, Catch::Contains("Harvard Business Review"));
    CHECK_THAT(rubric.benchmarks[1].source, Catch::Contains("not the 90th-percentile"));
}

TEST_CASE("the default rubric's questions are objective and documented") {
    for (const auto& part : default_rubric().parts)
        for (const auto& question : part.questions) {
            INFO(question.id);
            CHECK_FALSE(question.help.empty());
            for (const auto& option : question.options) {
                // No Likert scales: options describe states, never agreement or ratings.
                for (const char* word : {"agree", "Agree", "rate 1", "Rate 1", "1-5", "1–5"})
                    CHECK_THAT(option.label, !Catch::Contains(word));
            }
        }
}

TEST_CASE("the journey matrix uses the four published levels and scores segments below 1:1") {
    const Question* journey = default_rubric().find_question("journey");
    REQUIRE(journey);
    CHECK(journey->type == QuestionType::matrix);
    REQUIRE(journey->levels.size() == 4);
    CHECK(journey->levels[0].label == "Not at all");
    CHECK(journey->levels[1].label == "Moderately");
    CHECK(journey->levels[2].label == "Extensively");
    CHECK(journey->levels[3].label == "Fully 1:1");
    CHECK(journey->levels[3].score == 1);
    // Segment-based variation is rated "Moderately" (the help says so); it scores at most half of
    // 1:1, and a first name alone is not personalization.
    CHECK_THAT(journey->help, Catch::Contains("segment-based variation is at most Moderately"));
    CHECK_THAT(journey->help, Catch::Contains("inserting a first name alone is not personalization"));
    CHECK(journey->levels[1].score <= 0.5);
    CHECK(journey->rows.size() >= 5);
    CHECK(journey->columns.size() >= 5);
}

TEST_CASE("the default rubric covers the sample questions' drivers") {
    const Rubric& rubric = default_rubric();
    for (const char* id : {"journey", "cross-channel", "digital-relationships", "contactability", "single-repository",
                           "data-integration", "identity-resolution", "data-governance", "ab-testing",
                           "next-best-action", "segmentation", "orchestration", "idea-to-launch", "tailoring",
                           "content-library", "generative-ai", "experiments-per-year", "release-cadence",
                           "measurement", "operating-model", "accountable-leader"}) {
        INFO(id);
        CHECK(rubric.find_question(id));
    }
}

TEST_CASE("a small rubric loads with every question type") {
    Rubric rubric = load_rubric(kSmallRubric, "small.yaml");
    CHECK(rubric.id == "small");
    REQUIRE(rubric.question_count() == 5);
    const Question* w = rubric.find_question("w");
    REQUIRE(w);
    REQUIRE(w->when);
    CHECK(w->when->question == "c");
    CHECK(w->weight == 2);
    CHECK(rubric.find_question("n")->bands.back().max == std::nullopt);
}

TEST_CASE("bands: min <= value < max, and the last band holds its max") {
    Rubric rubric = load_rubric(small_rubric_with("{min: 20, score: 1}", "{min: 20, max: 100, score: 1}"), "r.yaml");
    const Question& n = *rubric.find_question("n");
    CHECK(n.find_band(0)->score == 0);
    CHECK(n.find_band(9.999)->score == 0);
    CHECK(n.find_band(10)->score == 0.5);
    CHECK(n.find_band(20)->score == 1);
    CHECK(n.find_band(100)->score == 1);
    CHECK(n.find_band(100.5) == nullptr);
    CHECK(n.find_band(-1) == nullptr);
}

TEST_CASE("rubric errors name file, line, column and what was expected") {
    struct Case {
        std::string from, to, expected;
    };
    std::vector<Case> cases = {
        {"id: small", "id: 'has space'", "r.yaml:1:5: error: 'has space' is not a valid id"},
        {"weight: 60", "weight: 50", "error: part weights sum to 90; they must sum to 100"},
        {"weight: 60", "weight: '60'", "r.yaml:9:13: error: expected a number for the weight of part 'a', got the quoted text '60'"},
        {"weight: 60", "weight: -5", "r.yaml:9:13: error: the weight of part 'a' must be positive, got -5"},
        {"score: 0.5}", "score: 1.5}", "r.yaml:17:42: error: the score of option 'mid' of question 'c' is 1.5; scores must lie in [0, 1]"},
        {"{id: mid, label: Mid, score: 0.5}", "{id: mid, label: Mid, score: -0.1}", "scores must lie in [0, 1]"},
        {"{id: hi, label: High, score: 1}", "{id: hi, label: High, score: 0.2}", "option 'hi' of question 'c' scores 0.2 after 'mid' scored 0.5: list options worst to best"},
        {"{id: hi, label: High, score: 1}", "{id: hi, label: High, score: 0.5}", "the best answer to question 'c' scores 0.5; it must score 1"},
        {"{id: mid, label: Mid", "{id: lo, label: Mid", "r.yaml:17:13: error: duplicate option id 'lo'"},
        {"type: multi", "type: likert", "r.yaml:20:15: error: unknown question type 'likert' for question 'm'"},
        {"when: {question: c, in: [hi]}", "when: {question: zz, in: [hi]}", "r.yaml:37:15: error: the 'when' of question 'w' names no question: 'zz'"},
        {"when: {question: c, in: [hi]}", "when: {question: c, in: [top]}", "names option 'top', which question 'c' does not have"},
        {"when: {question: c, in: [hi]}", "when: {question: n, in: [hi]}", "names 'n', a number question; only choice and multi"},
        {"when: {question: c, in: [hi]}", "when: {question: w, in: [hi]}", "the 'when' of question 'w' names 'w', which is not asked before it"},
        {"      - id: m\n", "      - id: c\n", "r.yaml:19:9: error: duplicate question id 'c'"},
        {"        help: h\n", "        help: h\n        hint: x\n", "r.yaml:15:9: error: unknown key 'hint' in a question; expected one of: id, type"},
        {"        help: h\n", "        help: h\n        help: again\n", "r.yaml:15:9: error: duplicate key 'help' in a question (first given on line 14)"},
        {"        help: h\n", "", "r.yaml:11:9: error: missing key 'help' in question 'c'"},
        {"          - {min: 10, max: 20, score: 0.5}", "          - {min: 12, max: 20, score: 0.5}", "starts at 12 but the previous one ends at 10"},
        {"          - {min: 10, max: 20, score: 0.5}", "          - {min: 10, max: 5, score: 0.5}", "has max 5 not above its min 10"},
        {"        type: number\n", "        type: number\n        rows: []\n", "'rows' does not apply to question 'n', a number question"},
        {"benchmarks:", "benchmarks: 3\nold:", "r.yaml:4:13: error: expected a list for 'benchmarks', got a number"},
        {"score: 49", "score: 149", "a benchmark's score must lie in [0, 100], got 149"},
        {"rows: [{id: r1, label: R1}, {id: r2, label: R2}]", "rows: []", "question 'x' needs at least one entry in 'rows'"},
        {"name: Small", "name: [Small]", "r.yaml:3:7: error: expected text for 'name' of the rubric, got a list"},
        {"{id: avg, label: Average, score: 49, source: test}", "{id: avg, label: Average, score: .nan, source: test}", "expected a finite number for a benchmark's score, got '.nan'"},
    };
    for (const auto& c : cases) {
        INFO(c.from << " -> " << c.to);
        CHECK_THAT(rubric_error(small_rubric_with(c.from, c.to)), Catch::Contains(c.expected));
    }
}

TEST_CASE("a rubric that is not YAML, empty, or several documents is rejected with a position") {
    CHECK_THAT(rubric_error("id: [unclosed\n"), Catch::StartsWith("r.yaml:2:1: error: invalid YAML"));
    CHECK(rubric_error("") == "r.yaml: error: the file is empty: expected a YAML or JSON document");
    CHECK_THAT(rubric_error("a: 1\n---\nb: 2\n"), Catch::Contains("r.yaml:3:1: error: the file goes on after its first YAML document"));
    CHECK_THAT(rubric_error("- just\n- a list\n"), Catch::Contains("r.yaml:1:1: error: expected a map for the rubric, got a list"));
}

TEST_CASE("a rubric loader reports every error in one run") {
    std::string text = small_rubric_with("score: 0.5}", "score: 7}");
    text.replace(text.find("type: multi"), 11, "type: likert");
    try {
        load_rubric(text, "r.yaml");
        FAIL("expected an error");
    } catch (const InputError& error) {
        CHECK(error.diagnostics().size() >= 2);
    }
}

TEST_CASE("the built-in rubric is exactly rubrics/personalization-index.yaml") {
    // The binary carries code generated from the YAML at build time; both must say the same.
    Rubric from_file = load_rubric(test::source_file("rubrics/personalization-index.yaml"), "rubric.yaml");
    CHECK(rubric_to_json(from_file) == rubric_to_json(default_rubric()));
}

TEST_CASE("options, levels and bands may carry advice, and an empty one is an error") {
    Rubric rubric = load_rubric(test::replaced(test::replaced(test::kSmallRubric, "{id: hi, label: High, score: 1}",
                                                              "{id: hi, label: High, score: 1, advice: Go high.}"),
                                               "{min: 20, score: 1}", "{min: 20, score: 1, advice: Reach 20.}"),
                                "small.yaml");
    CHECK(rubric.find_question("c")->find_option("hi")->advice == "Go high.");
    CHECK(rubric.find_question("c")->find_option("mid")->advice.empty());
    CHECK(rubric.find_question("n")->bands.back().advice == "Reach 20.");
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "{id: hi, label: High, score: 1}",
                                                 "{id: hi, label: High, score: 1, advice: \"\"}")),
               Catch::Contains("'advice' of option 'hi' of question 'c' must not be empty"));
}

TEST_CASE("options, levels and bands may carry an effort: a whole number from 1 to 100, else an error with its place") {
    std::string with_efforts = test::replaced(
        test::replaced(test::replaced(test::kSmallRubric, "{id: hi, label: High, score: 1}",
                                      "{id: hi, label: High, score: 1, effort: 3}"),
                       "{min: 20, score: 1}", "{min: 20, score: 1, effort: 100}"),
        "{id: full, label: Full, score: 1}", "{id: full, label: Full, score: 1, effort: 1}");
    Rubric rubric = load_rubric(with_efforts, "small.yaml");
    CHECK(rubric.find_question("c")->find_option("hi")->effort == 3);
    CHECK_FALSE(rubric.find_question("c")->find_option("mid")->effort);
    CHECK(rubric.find_question("n")->bands.back().effort == 100);
    CHECK(rubric.find_question("x")->find_level("full")->effort == 1);
    // Exported where given, and read back the same.
    auto json = rubric_to_json(rubric);
    CHECK(json["parts"][0]["questions"][0]["options"][2]["effort"] == 3);
    CHECK_FALSE(json["parts"][0]["questions"][0]["options"][1].contains("effort"));
    CHECK(rubric_to_json(load_rubric(write_rubric_yaml(rubric), "again.yaml")) == json);
    for (const char* effort : {"0", "101", "1.5", "-2"})
        CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "{id: hi, label: High, score: 1}",
                                                     std::string("{id: hi, label: High, score: 1, effort: ") + effort + "}")),
                   Catch::Contains(std::string("r.yaml:18:53: error: the effort of option 'hi' of question 'c' is ") +
                                   effort + "; an effort is a whole number from 1 to 100"));
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "{min: 20, score: 1}", "{min: 20, score: 1, effort: .inf}")),
               Catch::Contains("expected a finite number for the effort of a band of question 'n', got '.inf'"));
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "{id: hi, label: High, score: 1}",
                                                 "{id: hi, label: High, score: 1, effort: '3'}")),
               Catch::Contains("expected a number for the effort of option 'hi' of question 'c', got the quoted text '3'"));
}

TEST_CASE("a part may be marked a foundation for the plan's order, and the built-in rubric marks Know me and Accountability") {
    Rubric rubric = load_rubric(test::replaced(test::kSmallRubric, "    weight: 40\n", "    weight: 40\n    foundation: true\n"),
                                "small.yaml");
    CHECK_FALSE(rubric.parts[0].foundation);
    CHECK(rubric.parts[1].foundation);
    CHECK(rubric_to_json(rubric)["parts"][1]["foundation"] == true);
    CHECK_FALSE(rubric_to_json(rubric)["parts"][0].contains("foundation"));
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "    weight: 40\n", "    weight: 40\n    foundation: yes\n")),
               Catch::Contains("r.yaml:46:17: error: expected true or false for 'foundation' of part 'b'"));
    std::vector<std::string> foundations;
    for (const auto& part : default_rubric().parts)
        if (part.foundation) foundations.push_back(part.id);
    CHECK(foundations == std::vector<std::string>{"know-me", "accountability"});
}

TEST_CASE("the default rubric's advice comes with the better options, levels and bands only") {
    // Advice says how to reach an answer; the worst answer is where one starts.
    for (const auto& part : default_rubric().parts)
        for (const auto& question : part.questions) {
            INFO(question.id);
            if (!question.options.empty() && question.type == QuestionType::choice)
                CHECK(question.options.front().advice.empty());
            for (const auto& option : question.options)
                if (option.score > 0 && question.type == QuestionType::choice) CHECK(!option.advice.empty());
            for (const auto& level : question.levels) CHECK(level.advice.empty() == (level.score == 0));
            for (const auto& band : question.bands) CHECK(band.advice.empty() == (band.score == 0));
        }
}

TEST_CASE("earlier versions are listed once each, never as the rubric's own version") {
    auto with_earlier = [](const std::string& list) {
        return test::replaced(test::kSmallRubric, "version: \"1\"\n", "version: \"2\"\nearlier_versions:\n" + list);
    };
    CHECK(test::rubric_error(with_earlier("  - {version: \"1\", changed: {x: \"cells changed.\"}}\n")).empty());
    CHECK(test::rubric_error(with_earlier("  - {version: \"2\", changed: {}}\n")) ==
          "r.yaml:4:5: error: earlier version '2' is listed twice or is the rubric's own version");
    CHECK(test::rubric_error(with_earlier("  - {version: \"1\", changed: {}}\n  - {version: \"1\", changed: {}}\n")) ==
          "r.yaml:5:5: error: earlier version '1' is listed twice or is the rubric's own version");
    CHECK_THAT(test::rubric_error(with_earlier("  - {version: \"1\"}\n")), Catch::Contains("missing key 'changed'"));
    const Rubric& rubric = default_rubric();
    REQUIRE(rubric.find_earlier_version("1.0"));
    CHECK(rubric.find_earlier_version("1.0")->change_of("journey"));
    CHECK_FALSE(rubric.find_earlier_version("1.0")->change_of("digital-relationships"));  // same question, same meaning
}

TEST_CASE("weights that would overflow or vanish in floating point are refused") {
    auto with_weight = [](const std::string& weight) {
        return test::replaced(test::kSmallRubric, "        weight: 2\n", "        weight: " + weight + "\n");
    };
    CHECK_THAT(test::rubric_error(with_weight("1e308")), Catch::Contains("weights must lie in [0.001, 1000]"));
    CHECK_THAT(test::rubric_error(with_weight("5e-324")), Catch::Contains("weights must lie in [0.001, 1000]"));
    CHECK(test::rubric_error(with_weight("1000")).empty());
}

namespace {

// A rubric of one part whose questions are given as YAML lines at 6 spaces.
std::string rubric_with(const std::string& questions) {
    return "id: big\nversion: \"1\"\nname: Big\nbenchmarks:\n  - {id: avg, label: Average, score: 49, source: test}\n"
           "parts:\n  - id: p\n    name: P\n    weight: 100\n    questions:\n" + questions;
}

std::string items(const std::string& prefix, std::size_t count, const std::string& extra = "") {
    std::string list;
    for (std::size_t i = 0; i < count; ++i)
        list += (i ? ", " : "") + ("{id: " + prefix + std::to_string(i) + ", label: L" + extra + "}");
    return "[" + list + "]";
}

std::string choice(std::size_t id, const std::string& options = "[{id: a, label: A, score: 0}, {id: b, label: B, score: 1}]") {
    return "      - {id: q" + std::to_string(id) + ", type: choice, text: T, help: h, options: " + options + "}\n";
}

std::string matrix(const std::string& id, std::size_t rows, std::size_t columns) {
    return "      - {id: " + id + ", type: matrix, text: T, help: h, rows: " + items("r", rows) + ", columns: " +
           items("c", columns) + ", levels: [{id: none, label: N, score: 0}, {id: full, label: F, score: 1}]}\n";
}

}  // namespace

TEST_CASE("a rubric's size is limited: questions, options, matrix rows and columns, cells in all") {
    std::string questions;
    for (std::size_t i = 0; i < limits::kMaxQuestions; ++i) questions += choice(i);
    CHECK(test::rubric_error(rubric_with(questions)).empty());
    // The first question too many is named, on its line (the 11th of the file holds q0).
    CHECK(test::rubric_error(rubric_with(questions + choice(limits::kMaxQuestions))) ==
          "r.yaml:211:9: error: too many entries in the questions of part 'p': the limit is 200 questions in a whole "
          "rubric (201 given)");

    std::string options = "[{id: o0, label: L, score: 0}";
    for (std::size_t i = 1; i <= limits::kMaxOptions; ++i) options += ", {id: o" + std::to_string(i) + ", label: L, score: 1}";
    CHECK_THAT(test::rubric_error(rubric_with(choice(0, options + "]"))),
               Catch::Contains("too many entries in the options of question 'q0': the limit is 20 options of a question (21 given)"));

    CHECK(test::rubric_error(rubric_with(matrix("m", 50, 50))).empty());
    CHECK_THAT(test::rubric_error(rubric_with(matrix("m", 51, 2))), Catch::Contains("the limit is 50 rows of a matrix (51 given)"));
    CHECK_THAT(test::rubric_error(rubric_with(matrix("m", 2, 51))), Catch::Contains("the limit is 50 columns of a matrix (51 given)"));
    std::string four = matrix("m1", 50, 50) + matrix("m2", 50, 50) + matrix("m3", 50, 50) + matrix("m4", 50, 50);
    CHECK(test::rubric_error(rubric_with(four)).empty());  // 10,000 cells: the limit
    CHECK(test::rubric_error(rubric_with(four + matrix("m5", 1, 1))) ==
          "r.yaml:15:9: error: the matrices of the rubric have 10001 cells with question 'm5'; the limit is 10000 cells in all");
}

TEST_CASE("labels and advice, repeated once per cell or move in a report, are limited") {
    std::string long_label = std::string(limits::kMaxLabelBytes + 1, 'x');
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "label: Low", "label: " + long_label)),
               Catch::Contains("the text of 'label' of option 'lo' of question 'c' is 501 bytes long; the limit is 500 bytes"));
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "label: R1", "label: " + long_label)),
               Catch::Contains("is 501 bytes long; the limit is 500 bytes"));
    CHECK(test::rubric_error(test::replaced(test::kSmallRubric, "label: Low", "label: " + long_label.substr(1))).empty());
    std::string long_advice = std::string(limits::kMaxAdviceBytes + 1, 'x');
    CHECK_THAT(test::rubric_error(test::replaced(test::kSmallRubric, "label: High, score: 1}",
                                                 "label: High, score: 1, advice: " + long_advice + "}")),
               Catch::Contains("is 2049 bytes long; the limit is 2 KiB"));
    // Question texts keep the general limit of one text value.
    CHECK(test::rubric_error(test::replaced(test::kSmallRubric, "text: Choice?", "text: " + std::string(60000, 't'))).empty());
}

TEST_CASE("a rubric whose aliases expand past 16 MiB is refused at the alias that passes it") {
    // Issue 16: one 65,000-byte text as 10,000 question texts took 3.3 GB to validate.
    std::string questions = "      - {id: q0, type: choice, text: &big \"" + std::string(65000, 'x') +
                            "\", help: h, options: [{id: a, label: A, score: 0}, {id: b, label: B, score: 1}]}\n";
    for (int i = 1; i < 300; ++i)
        questions += "      - {id: q" + std::to_string(i) +
                     ", type: choice, text: *big, help: h, options: [{id: a, label: A, score: 0}, {id: b, label: B, score: 1}]}\n";
    std::string error = test::rubric_error(rubric_with(questions));
    // 16 MiB / 65,001 bytes is 258.1: the 258th copy (q257, on line 268) passes the limit.
    CHECK_THAT(error, Catch::StartsWith("r.yaml:268:40: error: with its aliases expanded, the file holds more than 16 MiB of "
                                        "text (this alias repeats 65001 bytes)"));
    CHECK(test::rubric_error(rubric_with(questions.substr(0, questions.find("      - {id: q200,")))).empty());  // 13 MB
}

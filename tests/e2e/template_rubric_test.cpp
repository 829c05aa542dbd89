// pindex template, validate and rubric show/export: the files people edit by hand.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "pindex/rubric.hpp"
#include "run_pindex.hpp"
#include "example_scores.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

TEST_CASE("template writes a file that validates as incomplete answers") {
    TempDir dir;
    fs::path answers = dir.path / "answers.yaml";
    REQUIRE(run_pindex({"template", "-o", answers.string()}).exit_code == 0);
    RunResult strict = run_pindex({"validate", answers.string()});
    CHECK(strict.exit_code == 2);
    CHECK_THAT(strict.err, Catch::Contains("incomplete"));
    RunResult allowed = run_pindex({"validate", answers.string(), "--allow-incomplete"});
    CHECK(allowed.exit_code == 0);
    CHECK_THAT(allowed.out, Catch::Contains("valid answers for rubric 'personalization-index': 0 of 21"));
}

TEST_CASE("template never overwrites an existing file without --force") {
    TempDir dir;
    fs::path answers = dir.file("answers.yaml", "my precious answers");
    RunResult refused = run_pindex({"template", "-o", answers.string()});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("already exists; pass --force"));
    CHECK(read_text(answers) == "my precious answers");
    CHECK(run_pindex({"template", "-o", answers.string(), "--force"}).exit_code == 0);
    CHECK_THAT(read_text(answers), Catch::Contains("rubric: personalization-index"));
}

TEST_CASE("validate accepts the examples and names errors by position") {
    for (const char* name : {"laggard.yaml", "typical.yaml", "leader.yaml"}) {
        RunResult result = run_pindex({"validate", example(name)});
        INFO(name << result.err);
        CHECK(result.exit_code == 0);
    }
    TempDir dir;
    fs::path bad = dir.file("bad.yaml", "rubric: personalization-index\nanswers:\n  idea-to-launch: soon\n");
    RunResult result = run_pindex({"validate", bad.string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err == bad.string() + ":3:19: error: expected a finite number for the answer to 'idea-to-launch', got 'soon'\n");
}

TEST_CASE("rubric export json carries the public contract") {
    RunResult result = run_pindex({"rubric", "export", "--format", "json"});
    REQUIRE(result.exit_code == 0);
    auto json = nlohmann::json::parse(result.out);
    CHECK(json["id"] == "personalization-index");
    CHECK(json["parts"].size() == 6);
    CHECK(json["benchmarks"][0]["score"] == 49);
    CHECK(json["parts"][0]["questions"][0]["type"] == "matrix");
}

TEST_CASE("an exported YAML rubric can be edited and used with --rubric") {
    TempDir dir;
    fs::path rubric = dir.path / "rubric.yaml";
    REQUIRE(run_pindex({"rubric", "export", "--format", "yaml", "-o", rubric.string()}).exit_code == 0);
    RunResult valid = run_pindex({"validate", rubric.string()});
    CHECK(valid.exit_code == 0);
    CHECK_THAT(valid.out, Catch::Contains("valid rubric 'personalization-index' version " + pindex::default_rubric().version +
                                          ": 6 parts, " + std::to_string(pindex::default_rubric().question_count()) +
                                          " questions"));

    // A translated rubric: same ids, other labels; answers score the same.
    std::string text = read_text(rubric);
    text.replace(text.find("\"Empower me\""), 12, "\"Donne-moi les moyens\"");
    fs::path translated = dir.file("fr.yaml", text);
    RunResult scored = run_pindex({"score", example("typical.yaml"), "--rubric", translated.string()});
    CHECK(scored.exit_code == 0);
    CHECK_THAT(scored.out, Catch::Contains("Donne-moi les moyens"));
    CHECK_THAT(scored.out, Catch::Contains(index_line(kTypicalIndex)));

    // A broken edit is reported against the rubric file.
    text.replace(text.find("weight: 50"), 10, "weight: 55");
    fs::path broken = dir.file("broken.yaml", text);
    RunResult invalid = run_pindex({"score", example("typical.yaml"), "--rubric", broken.string()});
    CHECK(invalid.exit_code == 2);
    CHECK_THAT(invalid.err, Catch::Contains("broken.yaml:"));
    CHECK_THAT(invalid.err, Catch::Contains("part weights sum to 105; they must sum to 100"));
}

TEST_CASE("rubric show prints the outline") {
    RunResult result = run_pindex({"rubric", "show"});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("Accountability [accountability]: 10 points"));
}

TEST_CASE("rubric export refuses to write over the rubric it exports") {
    TempDir dir;
    fs::path rubric = dir.path / "mine.yaml";
    REQUIRE(run_pindex({"rubric", "export", "-o", rubric.string()}).exit_code == 0);
    std::string before = read_text(rubric);
    RunResult over = run_pindex({"rubric", "export", "--rubric", rubric.string(), "--format", "json", "-o", rubric.string()});
    CHECK(over.exit_code == 2);
    CHECK_THAT(over.err, Catch::Contains("would overwrite " + rubric.string() + ", the rubric being exported"));
    CHECK(read_text(rubric) == before);
}

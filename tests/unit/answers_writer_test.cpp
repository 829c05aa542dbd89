#include <catch2/catch.hpp>

#include "pindex/answers.hpp"
#include "test_support.hpp"

using namespace pindex;

TEST_CASE("written answers load back to the same answers") {
    const Rubric& rubric = default_rubric();
    for (const char* name : {"laggard", "typical", "leader"}) {
        INFO(name);
        Answers original = load_answers(test::source_file(std::string("examples/") + name + ".yaml"), name, rubric);
        original.survey = {"2026-11-23T09:30:00Z", "", 412.5};
        Answers reloaded = load_answers(write_answers_yaml(original, rubric), "written.yaml", rubric);
        CHECK(reloaded.answers == original.answers);
        CHECK(reloaded.notes == original.notes);
        CHECK(reloaded.organization == original.organization);
        CHECK(reloaded.date == original.date);
        CHECK(reloaded.survey.started == original.survey.started);
        CHECK(reloaded.survey.active_seconds == original.survey.active_seconds);
    }
}

TEST_CASE("written answers keep hostile text intact and valid") {
    const Rubric& rubric = default_rubric();
    Answers answers;
    answers.rubric_id = rubric.id;
    answers.organization = "Acme: \"quoted\" #not-a-comment\n- and a list?";
    answers.respondent = "Zoë 🙂";
    answers.answers["idea-to-launch"] = 0.1 + 0.2;
    Answers reloaded = load_answers(write_answers_yaml(answers, rubric), "w.yaml", rubric);
    CHECK(reloaded.organization == answers.organization);
    CHECK(reloaded.respondent == answers.respondent);
    CHECK(std::get<double>(*reloaded.find("idea-to-launch")) == 0.1 + 0.2);
}

TEST_CASE("the survey record is read and checked") {
    const Rubric& rubric = default_rubric();
    std::string text = "rubric: personalization-index\nsurvey: {started: 2026-11-23T09:30:00Z, active_seconds: 60}\nanswers:\n";
    CHECK(load_answers(text, "a.yaml", rubric).survey.active_seconds == 60);
    CHECK_THAT(test::answers_error(test::replaced(text, "60", "-1"), rubric), Catch::Contains("'active_seconds' must not be negative"));
    CHECK_THAT(test::answers_error(test::replaced(text, "active_seconds", "elapsed"), rubric), Catch::Contains("unknown key 'elapsed' in 'survey'"));
}

TEST_CASE("custom steps and channels are written and read back") {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "t.yaml", rubric);
    answers.custom["journey"].rows.push_back({"renewal-call", "Renewal call: \"annual\""});
    answers.custom["journey"].columns.push_back({"whatsapp", "WhatsApp"});
    std::get<MatrixAnswer>(answers.answers["journey"])["renewal-call"]["whatsapp"] = "extensive";
    Answers reloaded = load_answers(write_answers_yaml(answers, rubric), "w.yaml", rubric);
    REQUIRE(reloaded.custom.at("journey").rows.size() == 1);
    CHECK(reloaded.custom.at("journey").rows[0].label == "Renewal call: \"annual\"");
    CHECK(reloaded.answers == answers.answers);
}

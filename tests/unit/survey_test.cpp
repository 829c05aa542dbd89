#include <catch2/catch.hpp>

#include <deque>

#include "pindex/scoring.hpp"
#include "pindex/survey.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

// A UI that answers from a script of lines and records what it was shown.
struct ScriptedUi : SurveyUi {
    std::deque<std::string> lines;
    bool review = false;
    std::vector<Prompt> prompts;
    std::vector<std::string> hints;
    int helps = 0;
    std::vector<std::vector<ReviewEntry>> reviews;

    explicit ScriptedUi(std::deque<std::string> script, bool with_review = false)
        : lines(std::move(script)), review(with_review) {}
    UserInput next() {
        if (lines.empty()) return {InputStatus::end_of_input, ""};
        std::string line = lines.front();
        lines.pop_front();
        if (line == "^C") return {InputStatus::interrupted, ""};
        return {InputStatus::line, line};
    }
    void show_intro(const Rubric&, double) override {}
    UserInput ask(const Prompt& prompt) override {
        prompts.push_back(prompt);
        return next();
    }
    void show_hint(const std::string& message) override { hints.push_back(message); }
    void show_help(const Prompt&) override { ++helps; }
    bool supports_review() const override { return review; }
    UserInput ask_review(const std::vector<ReviewEntry>& entries) override {
        reviews.push_back(entries);
        return next();
    }
};

const Rubric& small() {
    static const Rubric rubric = load_rubric(test::kSmallRubric, "small.yaml");
    return rubric;
}

// A clock that advances 10 seconds each time it is read.
SurveyClock ticking_clock() {
    auto now = std::make_shared<double>(0);
    return {[now] { return *now += 10; }, [] { return std::string("2026-11-23T09:30:00Z"); }};
}

struct Run {
    SurveyOutcome outcome;
    Answers answers;
    int saves;
};

Run run_survey(ScriptedUi& ui, Answers start = {}, bool metadata = false) {
    int saves = 0;
    Survey survey(small(), std::move(start), [&](const Answers& answers) {
        ++saves;
        // Every save is a valid answers file.
        load_answers(write_answers_yaml(answers, small()), "saved.yaml", small());
    }, ticking_clock());
    survey.ask_metadata(metadata, metadata);
    SurveyOutcome outcome = survey.run(ui);
    return {outcome, survey.answers(), saves};
}

std::vector<std::string> keys(const std::vector<Prompt>& prompts) {
    std::vector<std::string> result;
    for (const auto& prompt : prompts) result.push_back(prompt.item.key());
    return result;
}

}  // namespace

TEST_CASE("a plain run asks metadata, then every item in rubric order, matrix cells row by row") {
    ScriptedUi ui({"Acme", "Ann", "3", "1 2", "12", "2", "3", "n", "2", "1"});
    Run run = run_survey(ui, {}, true);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts) == std::vector<std::string>{"organization", "respondent", "c", "m", "n", "w", "x.r1.k1",
                                                      "x.r1.k2", "x.r2.k1", "x.r2.k2"});
    CHECK(run.answers.organization == "Acme");
    CHECK(std::get<std::string>(*run.answers.find("c")) == "hi");
    CHECK(std::get<std::vector<std::string>>(*run.answers.find("m")) == std::vector<std::string>{"p", "q"});
    CHECK(std::get<double>(*run.answers.find("n")) == 12);
    CHECK(std::get<MatrixAnswer>(*run.answers.find("x")).at("r1").at("k2") == "n/a");
    CHECK(run.saves == 11);  // after every confirmed answer, and once more to record the finish
    CHECK(run.answers.survey.finished == "2026-11-23T09:30:00Z");
    CHECK(run.answers.date == "2026-11-23");
    CHECK(run.answers.survey.active_seconds == 100);  // 10 answers, 10 s each by the ticking clock
}

TEST_CASE("progress counts only items that will be asked") {
    ScriptedUi ui({"1", "none", "0", "1", "1", "1", "1"});  // c = lo, so w is not asked
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    // w depends on c; until c is answered "hi", w is not counted: c m n + 4 cells.
    CHECK(ui.prompts.front().total == 7);
    CHECK(ui.prompts.back().total == 7);
    CHECK(ui.prompts.back().position == 7);
    CHECK(run.answers.find("w") == nullptr);
    CHECK(std::get<std::vector<std::string>>(*run.answers.find("m")).empty());
}

TEST_CASE("an answer that makes a later question apply adds it to the plan") {
    ScriptedUi ui({"3", "1", "0", "2", "1", "1", "1", "1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts)[3] == "w");
    CHECK(ui.prompts[3].total == 8);
}

TEST_CASE("b goes back, ? shows help and asks again, invalid input gets a hint") {
    ScriptedUi ui({"b", "?", "9", "2", "b", "3", "1", "10", "1", "1", "1", "1", "1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(ui.hints.size() == 2);
    CHECK(ui.hints[0] == "This is the first question.");
    CHECK_THAT(ui.hints[1], Catch::StartsWith("Type a number from 1 to 3 and Enter"));
    CHECK(ui.helps == 1);
    CHECK(std::get<std::string>(*run.answers.find("c")) == "hi");  // 2 then, after b, 3
    CHECK(keys(ui.prompts)[5] == "c");
    CHECK(ui.prompts[5].current == "2");
}

TEST_CASE("Enter keeps the current answer when going back") {
    ScriptedUi ui({"2", "b", "", "1", "10", "1", "1", "1", "1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(std::get<std::string>(*run.answers.find("c")) == "mid");
}

TEST_CASE("number answers outside the bands get a hint naming the range") {
    ScriptedUi ui({"1", "1", "-4", "ten", "4", "1", "1", "1", "1"});
    Run run = run_survey(ui);
    REQUIRE(ui.hints.size() == 2);
    CHECK_THAT(ui.hints[0], Catch::StartsWith("Type a number of at least 0"));
    CHECK(std::get<double>(*run.answers.find("n")) == 4);
}

TEST_CASE("s skips: plain mode ends incomplete, the skipped question still unanswered") {
    ScriptedUi ui({"s", "1", "1", "1", "1", "1", "1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::incomplete);
    CHECK(run.answers.find("c") == nullptr);
    CHECK(run.answers.survey.finished.empty());
}

TEST_CASE("q, end of input and Ctrl-C stop with the answers so far saved") {
    {
        ScriptedUi ui({"2", "q"});
        Run run = run_survey(ui);
        CHECK(run.outcome == SurveyOutcome::quit);
        CHECK(run.answers.find("c"));
        CHECK(run.saves == 2);  // the answer, then on quit
    }
    {
        ScriptedUi ui({"2"});
        CHECK(run_survey(ui).outcome == SurveyOutcome::end_of_input);
    }
    {
        ScriptedUi ui({"2", "^C"});
        CHECK(run_survey(ui).outcome == SurveyOutcome::interrupted);
    }
}

TEST_CASE("a survey resumes at the first unanswered item") {
    Answers partial = load_answers("rubric: small\nanswers:\n  c: lo\n  m: [p]\n", "p.yaml", small());
    ScriptedUi ui({"5", "1", "1", "1", "1"});
    Run run = run_survey(ui, partial);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(ui.prompts.front().item.key() == "n");
    CHECK(ui.prompts.front().position == 3);
}

TEST_CASE("the review lists questions and matrix rows, and changes an answer") {
    // Answer everything, then in the review pick entry 1 (c), change it to mid, then finish.
    ScriptedUi ui({"3", "1", "0", "2", "1", "1", "1", "1", "1", "2", ""}, true);
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    REQUIRE(ui.reviews.size() == 2);
    const auto& first = ui.reviews[0];
    REQUIRE(first.size() == 6);  // c, m, n, w, and the two rows of x
    CHECK(first[0].answer == "High");
    CHECK(first[3].label == "Part A · Only when c is hi?");
    CHECK(first[4].label == "Part B · R1");
    CHECK(first[4].answer == "K1: None, K2: None");
    CHECK(std::get<std::string>(*run.answers.find("c")) == "mid");
    // c is no longer hi, so w no longer applies and leaves the review.
    CHECK(ui.reviews[1].size() == 5);
}

TEST_CASE("active time caps each pause") {
    auto now = std::make_shared<double>(0);
    SurveyClock slow{[now] { return *now += 1000; }, [] { return std::string("2026-11-23T09:30:00Z"); }};
    ScriptedUi ui({"1", "q"});
    Survey survey(small(), {}, nullptr, slow);
    survey.run(ui);
    CHECK(survey.answers().survey.active_seconds == 2 * kMaxActiveSecondsPerAnswer);
}

TEST_CASE("before an extensible matrix the survey offers to add steps and channels") {
    Rubric extensible = load_rubric(
        test::replaced(test::kSmallRubric, "        levels:\n", "        custom_rows: true\n        custom_columns: true\n        levels:\n"),
        "e.yaml");
    // c m n, then the own-steps prompt: a step, a bad line, a channel, Enter; then 3 x 3 cells.
    ScriptedUi ui({"1", "none", "0", "step Our own step", "lane X", "channel Chat", "", "1", "1", "1", "1", "1", "1",
                   "1", "1", "3"});
    Survey survey(extensible, {}, nullptr, ticking_clock());
    SurveyOutcome outcome = survey.run(ui);
    CHECK(outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts)[3] == "x+");
    CHECK(keys(ui.prompts)[4] == "x+");  // asked again after adding one
    CHECK_THAT(ui.prompts[4].text, Catch::Contains("Journey steps: R1; R2; Our own step."));
    CHECK_THAT(ui.hints.at(0), Catch::StartsWith("Type 'step NAME' or 'channel NAME'"));
    CHECK(keys(ui.prompts).back() == "x.our-own-step.chat");
    CHECK(ui.prompts.back().row_answers.size() == 3);
    CHECK(ui.prompts.back().column_index == 2);
    const auto& x = std::get<MatrixAnswer>(*survey.answers().find("x"));
    CHECK(x.at("our-own-step").at("chat") == "full");
    CHECK(survey.answers().custom.at("x").columns.at(0).label == "Chat");
}

TEST_CASE("with an advantage rule, the last prompt asks the yearly interactions: optional, unscored") {
    static const Rubric rubric = load_rubric(std::string(test::kSmallRubric) +
                                                 "advantage: {speed_question: n, speed_measure: rate, reference: 10, "
                                                 "reference_label: ten}\n",
                                             "small.yaml");
    auto run = [](std::deque<std::string> script) {
        ScriptedUi ui(std::move(script));
        Survey survey(rubric, {}, [](const Answers&) {}, ticking_clock());
        SurveyOutcome outcome = survey.run(ui);
        return std::make_tuple(outcome, survey.answers(), ui);
    };
    std::deque<std::string> questions = {"3", "1 2", "12", "2", "3", "n", "2", "1"};
    SECTION("typed with separators, after a hint for text") {
        auto script = questions;
        script.insert(script.end(), {"lots", "2,500"});
        auto [outcome, answers, ui] = run(script);
        CHECK(outcome == SurveyOutcome::finished);
        CHECK(ui.prompts.back().item.key() == "yearly_interactions");
        CHECK(ui.hints == std::vector<std::string>{"Type a positive number of interactions, such as 2000000, or press "
                                                   "Enter to skip."});
        CHECK(answers.yearly_interactions == 2500);
    }
    SECTION("Enter skips it and the survey still finishes") {
        auto script = questions;
        script.push_back("");
        auto [outcome, answers, ui] = run(script);
        CHECK(outcome == SurveyOutcome::finished);
        CHECK_FALSE(answers.yearly_interactions);
    }
}

TEST_CASE("typed control characters get a hint, so the saved file always loads again") {
    ScriptedUi ui({"Acme\x1b[31m", "Acme", "Ann"});
    Run run = run_survey(ui, {}, true);
    REQUIRE_FALSE(ui.hints.empty());
    CHECK(ui.hints.front() == "Type text without control characters (such as an escape sequence).");
    CHECK(run.answers.organization == "Acme");
}

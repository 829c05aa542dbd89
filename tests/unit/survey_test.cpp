#include <catch2/catch.hpp>

#include <deque>
#include <variant>

#include "pindex/limits.hpp"
#include "pindex/scoring.hpp"
#include "pindex/survey.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

// A UI that answers from a script and records what it was shown. A string is a typed line, as
// plain mode sends it ("^C" is Ctrl-C); a Reply is what a terminal screen sends.
struct ScriptedUi : SurveyUi {
    using Step = std::variant<std::string, Reply>;
    std::deque<Step> script;
    bool grid = false;
    bool review = false;
    std::vector<Prompt> prompts;
    std::vector<std::string> hints;
    std::vector<std::pair<std::string, std::string>> accepted;  // item key, words
    int helps = 0;
    std::vector<std::vector<ReviewEntry>> reviews;
    std::vector<SurveyIntro> intros;

    explicit ScriptedUi(std::deque<Step> steps, bool with_grid = false, bool with_review = false)
        : script(std::move(steps)), grid(with_grid), review(with_review) {}
    Reply next() {
        if (script.empty()) return Reply::of(Reply::Kind::end_of_input);
        Step step = script.front();
        script.pop_front();
        if (const auto* reply = std::get_if<Reply>(&step)) return *reply;
        const std::string& line = std::get<std::string>(step);
        if (line == "^C") return Reply::of(Reply::Kind::interrupted);
        return reply_from_line(line);
    }
    bool shows_grid() const override { return grid; }
    bool supports_review() const override { return review; }
    void show_intro(const Rubric&, const SurveyIntro& intro) override { intros.push_back(intro); }
    Reply ask(const Prompt& prompt) override {
        prompts.push_back(prompt);
        return next();
    }
    void show_hint(const std::string& message) override { hints.push_back(message); }
    void show_help(const Prompt&) override { ++helps; }
    void show_accepted(const Prompt& prompt, const std::string& words) override {
        accepted.emplace_back(prompt.item.key(), words);
    }
    Reply ask_review(const std::vector<ReviewEntry>& entries) override {
        reviews.push_back(entries);
        return next();
    }
};

Reply choose(std::vector<std::size_t> options) {
    Reply reply = Reply::of(Reply::Kind::choose);
    reply.options = std::move(options);
    return reply;
}

Reply cell(std::size_t row, std::size_t column, GridCell value) {
    Reply reply = Reply::of(Reply::Kind::set_cells);
    reply.cells.push_back({row, column, value});
    return reply;
}

const GridCell kNa{GridCell::State::not_applicable, 0};
GridCell level(std::size_t index) { return {GridCell::State::rated, index}; }

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

Run run_survey(ScriptedUi& ui, Answers start = {}, bool metadata = false, const Rubric& rubric = small()) {
    int saves = 0;
    Survey survey(rubric, std::move(start), [&](const Answers& answers) {
        ++saves;
        // Every save is a valid answers file.
        load_answers(write_answers_yaml(answers, rubric), "saved.yaml", rubric);
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

const MatrixAnswer& matrix(const Answers& answers) { return std::get<MatrixAnswer>(*answers.find("x")); }

}  // namespace

TEST_CASE("a plain run asks metadata, then every question in rubric order, the matrix a line per row") {
    ScriptedUi ui({"Acme", "Ann", "3", "1 2", "12", "2", "3 n", "2 1"});
    Run run = run_survey(ui, {}, true);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts) == std::vector<std::string>{"organization", "respondent", "c", "m", "n", "w", "x.r1", "x.r2"});
    CHECK(run.answers.organization == "Acme");
    CHECK(std::get<std::string>(*run.answers.find("c")) == "hi");
    CHECK(std::get<std::vector<std::string>>(*run.answers.find("m")) == std::vector<std::string>{"p", "q"});
    CHECK(std::get<double>(*run.answers.find("n")) == 12);
    CHECK(matrix(run.answers).at("r1").at("k1") == "full");
    CHECK(matrix(run.answers).at("r1").at("k2") == "n/a");
    CHECK(matrix(run.answers).at("r2").at("k2") == "none");
    CHECK(run.saves == 9);  // after every accepted answer, and once more to record the finish
    CHECK(run.answers.survey.finished == "2026-11-23T09:30:00Z");
    CHECK(run.answers.date == "2026-11-23");
    CHECK(run.answers.survey.active_seconds == 80);  // 8 answers, 10 s each by the ticking clock
}

TEST_CASE("progress counts the rubric's questions, the matrix as one, the same in both faces") {
    ScriptedUi plain({"Acme", "Ann", "1", "0", "0", "1 1", "1 1"});  // c = lo, so w is not asked
    Run run = run_survey(plain, {}, true);
    CHECK(run.outcome == SurveyOutcome::finished);
    // w depends on c; until c is answered "hi" it is not counted: c m n x.
    CHECK(plain.prompts.front().question_number == 0);  // the organization is not a question
    CHECK(plain.prompts[2].question_number == 1);
    CHECK(plain.prompts[2].question_total == 4);
    CHECK(plain.prompts[5].question_number == 4);  // both rows of x are question 4
    CHECK(plain.prompts[6].question_number == 4);
    CHECK(std::get<std::vector<std::string>>(*run.answers.find("m")).empty());

    ScriptedUi terminal({"1", "0", "0", cell(0, 0, level(0)), cell(0, 1, level(0)), cell(1, 0, level(0)),
                         cell(1, 1, level(0)), ""},
                        true);
    run = run_survey(terminal);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(terminal.prompts.back().item.kind == SurveyItem::Kind::grid);
    CHECK(terminal.prompts.back().question_number == 4);
    CHECK(terminal.prompts.back().question_total == 4);
}

TEST_CASE("an answer that makes a later question apply adds it to the plan and the count") {
    ScriptedUi ui({"3", "1", "0", "2", "1 1", "1 1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts)[3] == "w");
    CHECK(ui.prompts[0].question_total == 4);
    CHECK(ui.prompts[3].question_total == 5);
}

TEST_CASE("b goes back, ? shows help and asks again, invalid input gets a hint and no echo") {
    ScriptedUi ui({"b", "?", "9", "2", "b", "3", "1", "10", "1", "1 1", "1 1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    REQUIRE(ui.hints.size() == 2);
    CHECK(ui.hints[0] == "This is the first question.");
    CHECK_THAT(ui.hints[1], Catch::StartsWith("Type a number from 1 to 3 and Enter"));
    CHECK(ui.helps == 1);
    CHECK(std::get<std::string>(*run.answers.find("c")) == "hi");  // 2 then, after b, 3
    CHECK(keys(ui.prompts)[5] == "c");
    CHECK(ui.prompts[5].selected == std::vector<std::size_t>{1});  // the current answer, as data
    // The refused 9 was never echoed: the first echo is the accepted 2.
    CHECK(ui.accepted.front() == std::pair<std::string, std::string>{"c", "Mid"});
}

TEST_CASE("Enter keeps the current answer when going back, and answers nothing on a new question") {
    SECTION("going back to an answered question") {
        ScriptedUi ui({"2", "b", "", "1", "10", "1 1", "1 1"});
        Run run = run_survey(ui);
        CHECK(run.outcome == SurveyOutcome::finished);
        CHECK(std::get<std::string>(*run.answers.find("c")) == "mid");
    }
    SECTION("a double Enter on an unanswered question saves nothing") {
        ScriptedUi ui({"", "", "q"});
        Run run = run_survey(ui);
        CHECK(run.outcome == SurveyOutcome::quit);
        CHECK(run.answers.find("c") == nullptr);
        CHECK(ui.hints.size() == 2);
        CHECK(ui.accepted.empty());
    }
    SECTION("going back to a row with n/a cells and pressing Enter leaves them n/a") {
        ScriptedUi ui({"1", "0", "0", "n n", "b", "", "q"});
        Run run = run_survey(ui);
        CHECK(matrix(run.answers).at("r1").at("k1") == "n/a");
        CHECK(matrix(run.answers).at("r1").at("k2") == "n/a");
        CHECK(keys(ui.prompts)[5] == "x.r1");
    }
}

TEST_CASE("numbers as people type them, and a range gets its midpoint offered") {
    ScriptedUi ui({"1", "1", "-4", "ten", "4-6", "5 things", "1,234", "1 1", "1 1"});
    Run run = run_survey(ui);
    REQUIRE(ui.hints.size() == 4);
    CHECK_THAT(ui.hints[0], Catch::Contains("outside the range"));
    CHECK_THAT(ui.hints[1], Catch::StartsWith("Type a number"));
    CHECK_THAT(ui.hints[2], Catch::Contains("its middle is 5"));
    CHECK(std::get<double>(*run.answers.find("n")) == 1234);
}

TEST_CASE("s skips: the answer it had is cleared and the echo says so") {
    ScriptedUi ui({"2", "b", "s", "q"});
    Run run = run_survey(ui);
    CHECK(run.answers.find("c") == nullptr);
    REQUIRE(ui.accepted.size() == 2);
    CHECK(ui.accepted[1].second == "skipped (answer cleared)");
    ScriptedUi plain({"s", "1", "1", "1 1", "1 1"});
    Run skipped = run_survey(plain);
    CHECK(skipped.outcome == SurveyOutcome::incomplete);
    CHECK(skipped.answers.survey.finished.empty());
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

TEST_CASE("a survey resumes at the first unanswered item, passes the answered ones, and says what is left") {
    Answers partial = load_answers("rubric: small\nanswers:\n  c: lo\n  n: 4\n  x: {r2: {k1: none, k2: none}}\n",
                                   "p.yaml", small());
    ScriptedUi ui({"1", "1 1"});
    Run run = run_survey(ui, partial);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts) == std::vector<std::string>{"m", "x.r1"});  // n and x.r2 were answered
    REQUIRE(ui.intros.size() == 1);
    CHECK(ui.intros[0].resumed);
    CHECK(ui.intros[0].questions_left == 2);
    CHECK(ui.intros[0].question_total == 4);
}

TEST_CASE("the time left counts only what is still open") {
    ScriptedUi fresh({"q"});
    run_survey(fresh);
    Answers partial = load_answers("rubric: small\nanswers:\n  m: [p]\n  n: 4\n", "p.yaml", small());
    ScriptedUi resumed({"q"});
    run_survey(resumed, partial);
    SurveyTimeModel model;
    double m = estimate_question_seconds(*small().find_question("m"), model);
    double n = estimate_question_seconds(*small().find_question("n"), model);
    CHECK(fresh.prompts[0].seconds_left - resumed.prompts[0].seconds_left == Approx(m + n));
    CHECK(fresh.intros[0].seconds_left - resumed.intros[0].seconds_left == Approx(m + n));
}

TEST_CASE("the review lists each question once, the grid as one, and goes back to it after one change") {
    // In grid mode: answer everything, then pick entry 3 (c), change it to mid, then finish.
    ScriptedUi ui({"3", "1", "0", "2", cell(0, 0, level(0)), cell(0, 1, level(0)), cell(1, 0, level(0)),
                   cell(1, 1, level(0)), "", "3", "2", ""},
                  true, true);
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    REQUIRE(ui.reviews.size() == 2);
    const auto& first = ui.reviews[0];
    REQUIRE(first.size() == 7);  // organization, respondent, c, m, n, w, x
    CHECK(first[2].answer == "High");
    CHECK(first[5].label == "Only when c is hi?");
    CHECK(first[6].answer == "4 cells: 4 None");
    CHECK(std::get<std::string>(*run.answers.find("c")) == "mid");
    // One prompt between the two reviews: c, and nothing after it.
    CHECK(ui.prompts.back().item.key() == "c");
    // c is no longer hi, so w no longer applies and leaves the review.
    CHECK(ui.reviews[1].size() == 6);
}

TEST_CASE("the review names what is unanswered and refuses what is not an entry") {
    ScriptedUi ui({"s", "1", "0", "", "x", "q"}, true, true);
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::quit);
    REQUIRE(ui.reviews.size() == 2);
    CHECK_FALSE(ui.reviews[0][2].complete);  // c, skipped
    CHECK_FALSE(ui.reviews[0][5].complete);  // x, the grid left unrated
    CHECK(ui.reviews[0][5].answer.empty());
    CHECK(ui.reviews[0][0].optional);
    CHECK_THAT(ui.hints.back(), Catch::StartsWith("Type a number from 1 to 6"));
}

TEST_CASE("grid cells are saved as they are set, and Enter leaves the grid") {
    ScriptedUi ui({"1", "0", "0", cell(0, 1, kNa), cell(1, 1, kNa), cell(0, 0, level(2)), cell(1, 0, level(1)),
                   cell(1, 1, level(0)), ""},
                  true);
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(run.saves == 3 + 5 + 1);
    CHECK(matrix(run.answers).at("r1").at("k2") == "n/a");
    CHECK(matrix(run.answers).at("r2").at("k2") == "none");  // n/a, then rated after all
    // The grid prompt carries its cells: the last one shows every cell set so far.
    const GridView& grid = ui.prompts.back().grid;
    CHECK(grid.cells[0][0] == level(2));
    CHECK(grid.cells[1][1] == level(0));
    CHECK(ui.accepted.back().first == "x");
}

TEST_CASE("a row line names the channels when it has the wrong number of levels") {
    ScriptedUi ui({"1", "0", "0", "1", "1 1 1", "1 x", "1 1", "1 1"});
    Run run = run_survey(ui);
    CHECK(run.outcome == SurveyOutcome::finished);
    REQUIRE(ui.hints.size() == 3);
    CHECK_THAT(ui.hints[0], Catch::StartsWith("Type 2 levels, one per channel in this order: K1; K2."));
}

TEST_CASE("typed choices: one option, several, or none of them") {
    ScriptedUi ui({choose({0, 1}), "1", "9", "1,2", "0", "1 1", "1 1"});
    Run run = run_survey(ui);
    CHECK(std::get<std::string>(*run.answers.find("c")) == "lo");  // two options for a choice: refused
    CHECK(ui.hints.size() == 2);  // and option 9 of two
    ScriptedUi multi({"1", choose({1, 0, 1}), "0", "1 1", "1 1"});
    Run chosen = run_survey(multi);
    CHECK(std::get<std::vector<std::string>>(*chosen.answers.find("m")) == std::vector<std::string>{"p", "q"});
    ScriptedUi none({"1", choose({}), "0", "1 1", "1 1"});
    CHECK(std::get<std::vector<std::string>>(*run_survey(none).answers.find("m")).empty());
}

TEST_CASE("active time caps each pause") {
    auto now = std::make_shared<double>(0);
    SurveyClock slow{[now] { return *now += 1000; }, [] { return std::string("2026-11-23T09:30:00Z"); }};
    ScriptedUi ui({"1", "q"});
    Survey survey(small(), {}, nullptr, slow);
    survey.run(ui);
    CHECK(survey.answers().survey.active_seconds == 2 * kMaxActiveSecondsPerAnswer);
}

TEST_CASE("before an extensible matrix the survey offers to add and remove steps and channels") {
    Rubric extensible = load_rubric(
        test::replaced(test::kSmallRubric, "        levels:\n", "        custom_rows: true\n        custom_columns: true\n        levels:\n"),
        "e.yaml");
    // c m n, then the own-steps prompt: a step, a bad line, two channels, one removed, Enter;
    // then three rows of three cells.
    ScriptedUi ui({"1", "0", "0", "step Our own step", "lane X", "channel Chat", "channel Oops", "remove oops",
                   "remove nothing", "", "1 1 1", "1 1 1", "1 1 3"});
    Run run = run_survey(ui, {}, false, extensible);
    CHECK(run.outcome == SurveyOutcome::finished);
    CHECK(keys(ui.prompts)[3] == "x+");
    CHECK(keys(ui.prompts)[4] == "x+");  // asked again after adding one
    CHECK_THAT(ui.prompts[4].text, Catch::Contains("Journey steps: R1; R2; Our own step."));
    CHECK(ui.prompts[7].removable == std::vector<std::string>{"Our own step", "Chat", "Oops"});
    REQUIRE(ui.hints.size() == 2);
    CHECK_THAT(ui.hints[0], Catch::StartsWith("Type 'step NAME' or 'channel NAME' to add one"));
    CHECK_THAT(ui.hints[1], Catch::StartsWith("There is no step or channel of your own named 'nothing'"));
    CHECK(keys(ui.prompts).back() == "x.our-own-step");
    CHECK(ui.prompts.back().grid.columns.size() == 3);
    CHECK(matrix(run.answers).at("our-own-step").at("chat") == "full");
    CHECK(run.answers.custom.at("x").columns.size() == 1);
    CHECK(run.answers.custom.at("x").columns.at(0).label == "Chat");
}

TEST_CASE("removing a step of one's own removes its rated cells too") {
    Rubric extensible = load_rubric(
        test::replaced(test::kSmallRubric, "        levels:\n", "        custom_rows: true\n        levels:\n"), "e.yaml");
    Answers answers = load_answers("rubric: small\ncustom: {x: {rows: [{id: extra, label: Extra}]}}\n"
                                   "answers:\n  c: lo\n  m: []\n  n: 1\n  x: {extra: {k1: full}}\n",
                                   "p.yaml", extensible);
    Survey survey(extensible, answers, nullptr, ticking_clock());
    SurveyItem own{SurveyItem::Kind::custom_axes, &extensible.parts[1], extensible.find_question("x")};
    Reply remove = reply_from_line("remove Extra");
    auto applied = survey.apply(own, remove);
    CHECK(applied.accepted);
    CHECK(applied.words == "removed Extra");
    CHECK(survey.answers().custom.count("x") == 0);
    CHECK(survey.answers().find("x") == nullptr);
}

TEST_CASE("with an advantage rule, the last prompt asks the yearly interactions: optional, unscored") {
    static const Rubric rubric = load_rubric(std::string(test::kSmallRubric) +
                                                 "advantage: {speed_question: n, speed_measure: rate, reference: 10, "
                                                 "reference_label: ten}\n",
                                             "small.yaml");
    std::deque<ScriptedUi::Step> questions = {"3", "1 2", "12", "2", "3 n", "2 1"};
    SECTION("typed as people type it, after a hint for text") {
        for (const auto& [typed, expected] : std::vector<std::pair<std::string, double>>{
                 {"2,500", 2500}, {"5 million", 5e6}, {"5M", 5e6}, {"2e6", 2e6}, {"2 000 000", 2e6}}) {
            auto script = questions;
            script.insert(script.end(), {"lots", typed});
            ScriptedUi ui(script);
            Run run = run_survey(ui, {}, false, rubric);
            CHECK(run.outcome == SurveyOutcome::finished);
            CHECK(ui.prompts.back().item.key() == "yearly_interactions");
            CHECK(ui.prompts.back().optional);
            REQUIRE(ui.hints.size() == 1);
            CHECK_THAT(ui.hints[0], Catch::Contains("Or just Enter to skip."));
            CHECK(run.answers.yearly_interactions == expected);
        }
    }
    SECTION("Enter skips it and the survey still finishes") {
        auto script = questions;
        script.push_back("");
        ScriptedUi ui(script);
        Run run = run_survey(ui, {}, false, rubric);
        CHECK(run.outcome == SurveyOutcome::finished);
        CHECK_FALSE(run.answers.yearly_interactions);
    }
    SECTION("its help says what it is for in plain words") {
        ScriptedUi ui(questions);
        run_survey(ui, {}, false, rubric);
        CHECK_THAT(ui.prompts.back().help, !Catch::Contains("v²"));
        CHECK_THAT(ui.prompts.back().help, !Catch::Contains("n in P"));
    }
}

TEST_CASE("text the loader would refuse is refused as it is typed, so the saved file always loads again") {
    std::string latin1 = "Caf\xe9";  // Latin-1 é: not UTF-8
    std::string huge(70 * 1024, 'a');
    ScriptedUi ui({"Acme\x1b[31m", latin1, huge, "Acme", "Ann"});
    Run run = run_survey(ui, {}, true);
    REQUIRE(ui.hints.size() == 3);
    CHECK(ui.hints[0] == "Type text without control characters (such as an escape sequence).");
    CHECK_THAT(ui.hints[1], Catch::StartsWith("Type text in UTF-8"));
    CHECK_THAT(ui.hints[2], Catch::StartsWith("Type at most 64 KiB"));
    CHECK(run.answers.organization == "Acme");
    CHECK(text_value_problem("Acme Retail, Zürich").empty());
}

TEST_CASE("the survey keeps to the loader's limits: own steps and channels, yearly interactions") {
    Rubric extensible = load_rubric(
        test::replaced(test::kSmallRubric, "        levels:\n", "        custom_rows: true\n        levels:\n"), "e.yaml");
    Survey survey(extensible, {}, nullptr, ticking_clock());
    SurveyItem own{SurveyItem::Kind::custom_axes, &extensible.parts[1], extensible.find_question("x")};
    for (std::size_t i = 0; i < limits::kMaxCustomRows; ++i)
        REQUIRE(survey.apply(own, reply_from_line("step Step " + std::to_string(i))).accepted);
    auto refused = survey.apply(own, reply_from_line("step One too many"));
    CHECK_FALSE(refused.accepted);
    CHECK_THAT(refused.words, Catch::StartsWith("A journey takes at most 30 steps"));
    CHECK_NOTHROW(load_answers(write_answers_yaml(survey.answers(), extensible), "saved.yaml", extensible));

    SurveyItem interactions{SurveyItem::Kind::interactions};
    CHECK_FALSE(survey.apply(interactions, reply_from_line("0.5")).accepted);
    CHECK_FALSE(survey.apply(interactions, reply_from_line("2e15")).accepted);
    CHECK(survey.apply(interactions, reply_from_line("1")).accepted);
}

#include <catch2/catch.hpp>

#include "pindex/aggregate.hpp"
#include "pindex/scoring.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

const Rubric& small_rubric() {
    static const Rubric rubric = load_rubric(test::kSmallRubric, "small.yaml");
    return rubric;
}

Respondent respondent(const std::string& name, const std::string& answers) {
    return {name, load_answers("rubric: small\nrespondent: " + name + "\nanswers:\n" + answers, name + ".yaml",
                               small_rubric())};
}

}  // namespace

TEST_CASE("each answer is the lower median by score of what the respondents said") {
    std::vector<Respondent> respondents = {
        respondent("ann", "  c: lo\n  m: [p]\n  n: 5\n  x: {r1: {k1: none, k2: n/a}, r2: {k1: full}}\n"),
        respondent("bob", "  c: hi\n  m: [p, q]\n  n: 25\n  x: {r1: {k1: full, k2: n/a}, r2: {k1: half}}\n"
                          "  w: yes\n"),
        respondent("cat", "  c: mid\n  m: []\n  n: 15\n  x: {r1: {k1: half, k2: full}}\n"),
    };
    Aggregate aggregate = aggregate_answers(small_rubric(), respondents);
    const auto& answers = aggregate.answers.answers;
    CHECK(std::get<std::string>(answers.at("c")) == "mid");                                    // 0 < 0.5 < 1
    CHECK(std::get<std::vector<std::string>>(answers.at("m")) == std::vector<std::string>{"p"});  // 0 < 0.5 < 1
    CHECK(std::get<double>(answers.at("n")) == 15);                                            // bands 0, 0.5, 1
    CHECK(answers.count("w") == 0);  // asked only when c is hi; the aggregate's c is mid
    const auto& x = std::get<MatrixAnswer>(answers.at("x"));
    CHECK(x.at("r1").at("k1") == "half");  // none, full, half
    CHECK(x.at("r1").at("k2") == "n/a");   // two of three marked it n/a
    CHECK(x.at("r2").at("k1") == "half");  // two ratings: the lower of full and half
    CHECK(aggregate.answers.respondent == "median of 3 respondents: ann, bob, cat");
}

TEST_CASE("disagreements: the spread of scores, largest first, with every respondent's answer") {
    std::vector<Respondent> respondents = {
        respondent("ann", "  c: lo\n  m: [p]\n  n: 15\n  x: {r1: {k1: none}}\n"),
        respondent("bob", "  c: mid\n  m: [p]\n  n: 25\n  x: {r1: {k1: full}}\n"),
    };
    Aggregate aggregate = aggregate_answers(small_rubric(), respondents);
    REQUIRE(aggregate.disagreements.size() == 3);  // m agrees
    CHECK(aggregate.disagreements[0].question == "x");
    CHECK(aggregate.disagreements[0].row->id == "r1");
    CHECK(aggregate.disagreements[0].spread == 1);
    CHECK(aggregate.disagreements[1].question == "c");
    CHECK(aggregate.disagreements[1].spread == 0.5);
    CHECK(aggregate.disagreements[1].answers ==
          std::vector<std::pair<std::string, std::string>>{{"ann", "Low"}, {"bob", "Mid"}});
    CHECK(aggregate.disagreements[2].question == "n");
    CHECK_THAT(write_disagreements_text(aggregate, 2), Catch::Contains("(2 of 3;"));
}

TEST_CASE("aggregate answers lie within what respondents said and load back as an answers file") {
    const Rubric& rubric = default_rubric();
    std::vector<Respondent> respondents;
    for (const char* name : {"laggard.yaml", "typical.yaml", "leader.yaml"})
        respondents.push_back({name, load_answers(test::source_file(std::string("examples/") + name), name, rubric)});
    Aggregate aggregate = aggregate_answers(rubric, respondents);
    for (const auto& [id, answer] : aggregate.answers.answers) {
        INFO(id);
        const Question& question = *rubric.find_question(id);
        if (question.type == QuestionType::matrix) {
            for (const auto& [row, cells] : std::get<MatrixAnswer>(answer))
                for (const auto& [column, level] : cells) {
                    bool given = false;
                    for (const auto& r : respondents)
                        if (const AnswerValue* own = r.answers.find(id))
                            if (const std::string* cell = find_cell(std::get<MatrixAnswer>(*own), row, column))
                                given = given || *cell == level;
                    CHECK(given);
                }
            continue;
        }
        bool given = false;
        for (const auto& r : respondents)
            if (const AnswerValue* own = r.answers.find(id)) given = given || *own == answer;
        CHECK(given);
    }
    // The middle company is the median on most questions: the aggregate lies between the others.
    Answers reloaded = load_answers(write_answers_yaml(aggregate.answers, rubric), "agg.yaml", rubric);
    CHECK(reloaded.warnings.empty());
    double index = score_answers(rubric, reloaded).index;
    CHECK(index > score_answers(rubric, respondents[0].answers).index);
    CHECK(index < score_answers(rubric, respondents[2].answers).index);
}

TEST_CASE("yearly interactions aggregate to the lower median of those given") {
    auto with_count = [](const std::string& name, const std::string& count) {
        return Respondent{name, load_answers("rubric: small\nyearly_interactions: " + count + "\nanswers: {c: lo}\n",
                                             name + ".yaml", small_rubric())};
    };
    std::vector<Respondent> four = {with_count("a", "400"), with_count("b", "100"), with_count("c", "300"),
                                    with_count("d", "")};
    CHECK(aggregate_answers(small_rubric(), four).answers.yearly_interactions == 300);  // 100, 300, 400
    four.pop_back();
    four.push_back(with_count("e", "200"));
    CHECK(aggregate_answers(small_rubric(), four).answers.yearly_interactions == 200);  // 100, 200 | 300, 400
    std::vector<Respondent> none = {with_count("a", ""), with_count("b", "")};
    CHECK_FALSE(aggregate_answers(small_rubric(), none).answers.yearly_interactions);
}

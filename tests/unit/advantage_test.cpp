// The personalization advantage P = n × v²: only ratios, against the rubric's reference and
// between two assessments.
#include <catch2/catch.hpp>

#include "pindex/advantage.hpp"
#include "pindex/comparison.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/report_json.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

// The small rubric, reading speed from its number question n as a rate against 10.
std::string small_rubric_with(const std::string& advantage) { return std::string(test::kSmallRubric) + advantage; }

const char* const kRateAdvantage = "advantage: {speed_question: n, speed_measure: rate, reference: 10, "
                                   "reference_label: ten a year}\n";

Answers typical_with(const std::string& from, const std::string& to) {
    return load_answers(test::replaced(test::source_file("examples/typical.yaml"), from, to), "t.yaml", default_rubric());
}

}  // namespace

TEST_CASE("the advantage against the reference is the square of the speed ratio") {
    SECTION("cycle time: 6 weeks against 12 is twice as fast, so P is four times the reference's") {
        Answers typical = load_answers(test::source_file("examples/typical.yaml"), "t.yaml", default_rubric());
        auto advantage = compute_advantage(default_rubric(), typical);
        REQUIRE(advantage);
        CHECK(advantage->speed_question == "idea-to-launch");
        CHECK(advantage->unit == "weeks");
        CHECK(advantage->speed_vs_reference() == Approx(2));
        CHECK(advantage->advantage_vs_reference() == Approx(4));
        CHECK_FALSE(advantage->yearly_interactions);
    }
    SECTION("cycle time: slower than the reference gives a ratio below 1") {
        auto advantage = compute_advantage(default_rubric(), typical_with("idea-to-launch: 6", "idea-to-launch: 24"));
        REQUIRE(advantage);
        CHECK(advantage->speed_vs_reference() == Approx(0.5));
        CHECK(advantage->advantage_vs_reference() == Approx(0.25));
    }
    SECTION("rate: 30 against a reference of 10 is three times as fast, P nine times") {
        Rubric rubric = load_rubric(small_rubric_with(kRateAdvantage), "small.yaml");
        Answers answers = load_answers("rubric: small\nanswers: {n: 30}\n", "a.yaml", rubric);
        auto advantage = compute_advantage(rubric, answers);
        REQUIRE(advantage);
        CHECK(advantage->measure == SpeedMeasure::rate);
        CHECK(advantage->speed_vs_reference() == Approx(3));
        CHECK(advantage->advantage_vs_reference() == Approx(9));
    }
}

TEST_CASE("there is no advantage without a speed to divide by") {
    CHECK_FALSE(compute_advantage(default_rubric(), typical_with("  idea-to-launch: 6\n", "")));
    CHECK_FALSE(compute_advantage(default_rubric(), typical_with("idea-to-launch: 6", "idea-to-launch: 0")));
    Rubric without = load_rubric(test::kSmallRubric, "small.yaml");
    CHECK_FALSE(compute_advantage(without, load_answers("rubric: small\nanswers: {n: 30}\n", "a.yaml", without)));
}

TEST_CASE("comparing two assessments: speed doubled gives P ×4, and n multiplies in when both give it") {
    auto before = compute_advantage(default_rubric(), typical_with("idea-to-launch: 6", "idea-to-launch: 6"));
    auto after = compute_advantage(default_rubric(), typical_with("idea-to-launch: 6", "idea-to-launch: 3"));
    REQUIRE(before);
    REQUIRE(after);
    SECTION("n given on neither side: taken as unchanged") {
        auto change = compare_advantage(before, after);
        REQUIRE(change);
        CHECK(change->speed_ratio == Approx(2));
        CHECK(change->advantage_ratio == Approx(4));
        CHECK_FALSE(change->interactions_ratio);
        CHECK_THAT(advantage_change_words(*change), Catch::Contains("P is ×4 the earlier assessment's, taking the "
                                                                    "yearly interactions as unchanged"));
    }
    SECTION("n given on both sides: P = n × v², so 1.5 × 2² = 6") {
        before->yearly_interactions = 2e6;
        after->yearly_interactions = 3e6;
        auto change = compare_advantage(before, after);
        REQUIRE(change);
        REQUIRE(change->interactions_ratio);
        CHECK(*change->interactions_ratio == Approx(1.5));
        CHECK(change->advantage_ratio == Approx(6));
        CHECK_THAT(advantage_change_words(*change), Catch::Contains("(2,000,000 then, 3,000,000 now): P is ×6"));
    }
    SECTION("n given on one side only: not used") {
        after->yearly_interactions = 3e6;
        auto change = compare_advantage(before, after);
        REQUIRE(change);
        CHECK_FALSE(change->interactions_ratio);
        CHECK(change->advantage_ratio == Approx(4));
    }
    SECTION("no ratio between different measures of speed, or with a side missing") {
        Advantage other = *after;
        other.measure = SpeedMeasure::rate;
        CHECK_FALSE(compare_advantage(before, other));
        CHECK_FALSE(compare_advantage(before, std::nullopt));
    }
}

TEST_CASE("the report's JSON carries the advantage, and reading it back gives the same ratios") {
    Answers answers = typical_with("date: 2026-10-12", "date: 2026-10-12\nyearly_interactions: 1500000");
    Report report = build_report(default_rubric(), answers, "t.yaml", {});
    REQUIRE(report.advantage);
    CHECK(*report.advantage->yearly_interactions == 1500000);
    Report read = read_report_json(write_report_json(report), "t.json");
    REQUIRE(read.advantage);
    CHECK(read.advantage->speed_vs_reference() == Approx(2));
    CHECK(*read.advantage->yearly_interactions == 1500000);
    CHECK(read.advantage->reference_label == report.advantage->reference_label);
}

TEST_CASE("ratios and counts read the same in every report") {
    CHECK(ratio_words(4) == "×4");
    CHECK(ratio_words(0.25) == "×0.25");
    CHECK(ratio_words(2.0 / 3) == "×0.667");
    CHECK(ratio_words(400) == "×400");
    CHECK(ratio_words(3600) == "×3600");
    CHECK(grouped_count(2e6) == "2,000,000");
    CHECK(grouped_count(999) == "999");
    CHECK(grouped_count(1234.5) == "1234.5");
}

TEST_CASE("a rubric's advantage section is checked like the rest of it") {
    auto error = [](const std::string& advantage) { return test::rubric_error(small_rubric_with(advantage)); };
    CHECK(error(kRateAdvantage).empty());
    CHECK_THAT(error("advantage: {speed_question: zz, speed_measure: rate, reference: 1, reference_label: r}\n"),
               Catch::Contains("'speed_question' names no question: 'zz'"));
    CHECK_THAT(error("advantage: {speed_question: c, speed_measure: rate, reference: 1, reference_label: r}\n"),
               Catch::Contains("names 'c', a choice question; the speed must be a number question"));
    CHECK_THAT(error("advantage: {speed_question: n, speed_measure: fast, reference: 1, reference_label: r}\n"),
               Catch::Contains("unknown speed_measure 'fast'; expected cycle-time or rate"));
    CHECK_THAT(error("advantage: {speed_question: n, speed_measure: rate, reference: 0, reference_label: r}\n"),
               Catch::Contains("'reference' of 'advantage' must be positive, got 0"));
    CHECK_THAT(error("advantage: {speed_question: n, speed_measure: rate, reference: 1}\n"),
               Catch::Contains("reference_label"));
    // file:line:column of the offending value
    CHECK_THAT(error("advantage: {speed_question: zz, speed_measure: rate, reference: 1, reference_label: r}\n"),
               Catch::StartsWith("r.yaml:57:29:"));
}

TEST_CASE("yearly interactions in an answers file: optional, positive, and written back") {
    const Rubric& rubric = default_rubric();
    std::string typical = test::source_file("examples/typical.yaml");
    auto with = [&](const std::string& line) { return test::replaced(typical, "date: 2026-10-12", "date: 2026-10-12\n" + line); };
    CHECK(test::answers_error(with("yearly_interactions:"), rubric).empty());
    CHECK_THAT(test::answers_error(with("yearly_interactions: -5"), rubric),
               Catch::Contains("'yearly_interactions' must be a count from 1 to 1e+15, got -5"));
    // The smallest double would make P's ratios overflow to infinity (issue 16).
    CHECK_THAT(test::answers_error(with("yearly_interactions: 5e-324"), rubric), Catch::Contains("got 5e-324"));
    CHECK_THAT(test::answers_error(with("yearly_interactions: 1e16"), rubric), Catch::Contains("from 1 to 1e+15"));
    CHECK_THAT(test::answers_error(with("yearly_interactions: lots"), rubric), Catch::Contains("'yearly_interactions'"));
    Answers answers = load_answers(with("yearly_interactions: 2500000"), "t.yaml", rubric);
    REQUIRE(answers.yearly_interactions);
    Answers again = load_answers(write_answers_yaml(answers, rubric), "again.yaml", rubric);
    CHECK(again.yearly_interactions == answers.yearly_interactions);
}

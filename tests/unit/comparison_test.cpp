#include <catch2/catch.hpp>

#include "pindex/comparison.hpp"
#include "pindex/comparison_report.hpp"
#include "pindex/report_json.hpp"
#include "test_support.hpp"
#include "example_scores.hpp"

using namespace pindex;
using namespace pindex::test;

namespace {

Answers example_answers(const std::string& name) {
    return load_answers(test::source_file("examples/" + name), name, default_rubric());
}

Report report_of(const Answers& answers, const std::string& source) {
    return build_report(default_rubric(), answers, source, {});
}

// typical.yaml a year later: cross-channel one step up, two journey cells up, no leader named.
Answers typical_a_year_later() {
    std::string text = test::source_file("examples/typical.yaml");
    text = test::replaced(text, "cross-channel: next-campaign", "cross-channel: same-day");
    text = test::replaced(text, "research: {web: extensive, app: extensive, messaging: moderate",
                          "research: {web: one-to-one, app: extensive, messaging: extensive");
    text = test::replaced(text, "accountable-leader: manager-or-director", "accountable-leader: nobody");
    return load_answers(text, "later.yaml", default_rubric());
}

// The rubric's score for an option, or a matrix level, of a question.
double option_score(const std::string& question, const std::string& option) {
    const Question* found = default_rubric().find_question(question);
    REQUIRE(found);
    const Option* chosen = found->type == QuestionType::matrix ? found->find_level(option) : found->find_option(option);
    REQUIRE(chosen);
    return chosen->score;
}

// Empower me's points from cross-channel: one of its five weights, of 50 points.
double cross_channel_gain() { return 10 * (option_score("cross-channel", "same-day") - option_score("cross-channel", "next-campaign")); }
// Accountability's 10 points at manager-or-director, all lost with nobody named.
double accountability_loss() { return 10 * option_score("accountable-leader", "manager-or-director"); }

}  // namespace

TEST_CASE("compare deltas equal the differences of the two scores") {
    Answers before = example_answers("typical.yaml"), after = typical_a_year_later();
    Score old_score = score_answers(default_rubric(), before), new_score = score_answers(default_rubric(), after);
    Comparison comparison = compare_reports(report_of(before, "before.yaml"), report_of(after, "after.yaml"));
    CHECK(comparison.index_delta == Approx(round_to_tenth(new_score.index - old_score.index)));
    REQUIRE(comparison.parts.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
        INFO(comparison.parts[i].id);
        CHECK(comparison.parts[i].delta == Approx(new_score.parts[i].points - old_score.parts[i].points).margin(1e-12));
    }
    // Hand check: cross-channel one option up, worth 10 points of Empower me; two cells up one
    // level each among the 28 rated cells, worth 40 points; the named director's points go.
    double cells_gain = 40.0 *
                        (option_score("journey", "one-to-one") - option_score("journey", "extensive") +
                         option_score("journey", "extensive") - option_score("journey", "moderate")) / 28;
    CHECK(comparison.parts[0].delta == Approx(cross_channel_gain() + cells_gain));
    CHECK(comparison.parts[5].delta == Approx(-accountability_loss()));
}

TEST_CASE("compare lists the changed answers, largest effect first, with the matrix cells") {
    Comparison comparison = compare_reports(report_of(example_answers("typical.yaml"), "a"),
                                            report_of(typical_a_year_later(), "b"));
    REQUIRE(comparison.answers.size() == 3);
    REQUIRE(accountability_loss() > cross_channel_gain());  // the order below follows from the rubric
    CHECK(comparison.answers[0].question == "accountable-leader");
    CHECK(comparison.answers[0].points_delta == Approx(-accountability_loss()));
    CHECK(comparison.answers[0].after == "No single person: it is spread across teams");
    CHECK(comparison.answers[1].question == "cross-channel");
    CHECK(comparison.answers[1].points_delta == Approx(cross_channel_gain()));
    CHECK(comparison.answers[2].question == "journey");
    REQUIRE(comparison.answers[2].cells.size() == 2);
    CHECK(comparison.answers[2].cells[0].row.id == "research");
    CHECK(comparison.answers[2].cells[0].before == "Extensively");
    CHECK(comparison.answers[2].cells[0].after == "Fully 1:1");
}

TEST_CASE("reports of two rubric versions compare with a note that their scales differ") {
    Report before = report_of(example_answers("typical.yaml"), "2025.json");
    before.rubric_version = "1.0";
    Comparison comparison = compare_reports(before, report_of(typical_a_year_later(), "2026.yaml"));
    REQUIRE(comparison.notes.size() == 1);
    CHECK_THAT(comparison.notes[0], Catch::Contains("2025.json was scored with rubric version 1.0 and 2026.yaml with "
                                                    "version 2.0: the indices are on different scales"));
    CHECK_THAT(write_comparison_text(comparison), Catch::Contains("on different scales"));
}

TEST_CASE("an assessment compared with itself, or with its own JSON report, has not changed") {
    Report report = report_of(example_answers("leader.yaml"), "leader.yaml");
    Report reread = read_report_json(write_report_json(report), "leader.json");
    for (const Report* other : {&report, &reread}) {
        Comparison comparison = compare_reports(report, *other);
        CHECK(comparison.index_delta == 0);
        for (const auto& part : comparison.parts) CHECK(part.delta == Approx(0).margin(1e-12));
        CHECK(comparison.answers.empty());
        CHECK(comparison.notes.empty());
    }
    CHECK(reread.index == report.index);
    CHECK(reread.organization == report.organization);
    CHECK(reread.completeness.complete());
    CHECK(reread.parts[0].questions[0].levels.size() == 4);
}

TEST_CASE("only assessments of the same rubric compare") {
    Report a = report_of(example_answers("typical.yaml"), "a.yaml");
    Report b = a;
    b.rubric_id = "other";
    b.source = "b.json";
    CHECK_THROWS_WITH(compare_reports(a, b), Catch::Contains("b.json uses rubric 'other' but a.yaml uses"));
}

TEST_CASE("a JSON report is told from an answers file by its first key") {
    CHECK(looks_like_report_json("{\n  \"schema_version\": 1,"));
    CHECK(looks_like_report_json("\xEF\xBB\xBF {\"schema_version\":1}"));
    CHECK_FALSE(looks_like_report_json("{\"rubric\": \"personalization-index\", \"schema_version\": 1}"));
    CHECK_FALSE(looks_like_report_json("rubric: personalization-index\n"));
    CHECK_FALSE(looks_like_report_json(""));
}

TEST_CASE("a bad JSON report is an error with its position") {
    std::string good = write_report_json(report_of(example_answers("typical.yaml"), "t.yaml"));
    auto error_of = [](const std::string& text) {
        try {
            read_report_json(text, "r.json");
        } catch (const InputError& error) {
            return format_diagnostic(error.diagnostics().front());
        }
        return std::string("no error");
    };
    CHECK_THAT(error_of(test::replaced(good, "\"schema_version\": 1", "\"schema_version\": 2")),
               Catch::StartsWith("r.json:2:21: error: schema_version 2 is not one this pindex reads (1)"));
    CHECK_THAT(error_of(test::replaced(good, "\"index\": " + index_text(kTypicalIndex), "\"index\": \"high\"")),
               Catch::Matches("r\\.json:\\d+:\\d+: error: .*'index' of the report.*"));
    CHECK_THAT(error_of(test::replaced(good, "\"index\": " + index_text(kTypicalIndex) + ",", "")),
               Catch::Contains("missing key 'index'"));
    CHECK_THAT(error_of(good.substr(0, good.size() / 2)), Catch::StartsWith("r.json:"));
    // Numbers pindex never writes: an index or points outside their range.
    CHECK_THAT(error_of(test::replaced(good, "\"index\": " + index_text(kTypicalIndex), "\"index\": 1e308")),
               Catch::Matches("r\\.json:\\d+:\\d+: error: 'index' of the report must lie in \\[0, 100\\], got 1e\\+308"));
    CHECK_THAT(error_of(test::replaced(good, "\"index\": " + index_text(kTypicalIndex), "\"index\": -50")),
               Catch::Contains("must lie in [0, 100], got -50"));
    CHECK_THAT(error_of(test::replaced(good, "\"fraction\": ", "\"fraction\": 7")),
               Catch::Contains("'fraction' of part 'empower-me' of the report must lie in [0, 1]"));
}

TEST_CASE("the comparison's JSON carries delta.index and delta.parts") {
    Comparison comparison = compare_reports(report_of(example_answers("typical.yaml"), "a"),
                                            report_of(typical_a_year_later(), "b"));
    auto json = comparison_to_json(comparison);
    CHECK(json["schema_version"] == kComparisonSchemaVersion);
    CHECK(json["delta"]["index"] == comparison.index_delta);
    CHECK(json["delta"]["parts"]["accountability"] == Approx(-accountability_loss()));
    CHECK(json["changed_answers"][2]["cells"][0]["after"] == "Fully 1:1");
    CHECK_THAT(json["context"].get<std::string>(), Catch::Contains("not a forecast"));
}

TEST_CASE("a journey cell going to or from n/a is a change of scope, and the comparison notes it") {
    Answers before = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", default_rubric());
    std::string text = test::replaced(test::source_file("examples/typical.yaml"),
                                      "research: {web: extensive, app: extensive, messaging: moderate",
                                      "research: {web: n/a, app: extensive, messaging: moderate");
    Comparison comparison = compare_reports(report_of(before, "a.yaml"),
                                            report_of(load_answers(text, "b.yaml", default_rubric()), "b.yaml"));
    REQUIRE(comparison.answers.size() == 1);
    REQUIRE(comparison.answers[0].cells.size() == 1);
    CHECK(comparison.answers[0].cells[0].scope_changed);
    REQUIRE(comparison.notes.size() == 1);
    CHECK_THAT(comparison.notes[0], Catch::StartsWith("1 cell of journey changed scope, to or from n/a (Research and "
                                                      "compare / Website (Extensively → n/a))"));
    CHECK(comparison.notes[0].find("two organizations") == std::string::npos);  // one company
}

TEST_CASE("assessments of two organizations compare with a note that says so") {
    Answers typical = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", default_rubric());
    Answers other = typical;
    other.organization = "Another company";
    Comparison comparison = compare_reports(report_of(typical, "a.yaml"), report_of(other, "b.yaml"));
    REQUIRE(comparison.notes.size() == 1);
    CHECK_THAT(comparison.notes[0], Catch::Contains("the change compares two organizations, not one company's progress"));
    CHECK_THAT(comparison_so_what(comparison), Catch::StartsWith("The index did not move") &&
                                                   Catch::EndsWith("(1 note to read first)."));
}

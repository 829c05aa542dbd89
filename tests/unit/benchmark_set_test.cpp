#include <catch2/catch.hpp>

#include "pindex/benchmark_set.hpp"
#include "test_support.hpp"
#include "example_scores.hpp"

using namespace pindex;
using namespace pindex::test;

namespace {

Report example_report(const std::string& name) {
    const Rubric& rubric = default_rubric();
    return build_report(rubric, load_answers(test::source_file("examples/" + name), name, rubric), name, {});
}

}  // namespace

TEST_CASE("quantiles and percentile ranks of a hand-computed set") {
    Distribution set{{10, 20, 20, 40, 60}};
    CHECK(set.mean() == Approx(30));
    CHECK(set.quantile(0) == 10);
    CHECK(set.quantile(0.25) == 20);          // position 1
    CHECK(set.quantile(0.5) == 20);           // position 2
    CHECK(set.quantile(0.75) == 40);          // position 3
    CHECK(set.quantile(0.1) == Approx(14));   // position 0.4: 10 + 0.4 x 10
    CHECK(set.quantile(0.9) == Approx(52));   // position 3.6: 40 + 0.6 x 20
    CHECK(set.quantile(1) == 60);
    CHECK(set.percentile_rank(5) == 0);
    CHECK(set.percentile_rank(20) == Approx(100 * (1 + 2 / 2.0) / 5));  // 1 below, 2 equal: 40%
    CHECK(set.percentile_rank(30) == Approx(60));                       // 3 below
    CHECK(set.percentile_rank(60) == Approx(90));                       // 4 below, 1 equal
    CHECK(set.percentile_rank(99) == 100);
}

TEST_CASE("a set built from the examples, written and read back, places a company among them") {
    std::vector<Report> reports = {example_report("laggard.yaml"), example_report("typical.yaml"),
                                   example_report("leader.yaml")};
    BenchmarkSet built = build_benchmark_set(reports);
    BenchmarkSet set = read_benchmark_set(write_benchmark_set_json(built), "peers.json");
    CHECK(set.count() == 3);
    CHECK(set.index.sorted == std::vector<double>{kLaggardIndex, kTypicalIndex, kLeaderIndex});
    REQUIRE(set.parts.size() == 6);
    CHECK(set.parts[0].first == "empower-me");
    CHECK(set.parts[0].second.sorted == built.parts[0].second.sorted);

    PeerPosition position = peer_position(set, "peers.json", reports[2]);
    CHECK(position.count == 3);
    CHECK(position.percentile == Approx(100 * 2.5 / 3));  // two below, itself equal
    CHECK(position.median == Approx(kTypicalIndex));
    CHECK(position.q1 == Approx((kLaggardIndex + kTypicalIndex) / 2));
    CHECK(position.parts.size() == 6);
    CHECK_THAT(peer_words(position, reports[2].index), Catch::Contains("above 83% of them"));
}

TEST_CASE("benchmark sets refuse mixed rubrics and bad files") {
    Report typical = example_report("typical.yaml"), other = typical;
    other.rubric_id = "other";
    other.source = "other.json";
    CHECK_THROWS_WITH(build_benchmark_set({typical, other}), Catch::Contains("other.json answers rubric 'other'"));
    CHECK_THROWS_AS(build_benchmark_set({}), InputError);
    BenchmarkSet set = build_benchmark_set({typical});
    CHECK_THROWS_WITH(peer_position(set, "p.json", other), Catch::Contains("is of rubric 'personalization-index'"));

    std::string good = write_benchmark_set_json(set);
    auto error_of = [](const std::string& text) {
        try {
            read_benchmark_set(text, "p.json");
        } catch (const InputError& error) {
            return format_diagnostic(error.diagnostics().front());
        }
        return std::string("no error");
    };
    std::string bad_score = test::replaced(good, "\"scores\": [\n      " + index_text(kTypicalIndex), "\"scores\": [\n      136.6");
    CHECK_THAT(error_of(bad_score), Catch::Matches("p\\.json:\\d+:\\d+: error: a score of the index must lie in \\[0, 100\\]"));
    CHECK_THAT(error_of(test::replaced(good, "\"schema_version\": 1", "\"schema_version\": 9")),
               Catch::StartsWith("p.json:2:21: error: schema_version 9 is not one this pindex reads (1)"));
    CHECK_THAT(error_of("[1, 2]"), Catch::StartsWith("p.json:1:1: error: expected a map"));
}

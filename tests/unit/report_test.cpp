#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "pindex/report.hpp"
#include "pindex/report_json.hpp"
#include "pindex/report_text.hpp"
#include "pindex/text.hpp"
#include "test_support.hpp"
#include "example_scores.hpp"

using namespace pindex;
using namespace pindex::test;

namespace {
Report typical_report(const std::vector<Threshold>& thresholds = {}) {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    return build_report(rubric, answers, "typical.yaml", thresholds);
}
}  // namespace

TEST_CASE("benchmark deltas are the index minus the benchmark, to one decimal") {
    Report report = typical_report();
    REQUIRE(report.benchmarks.size() == 2);
    for (const auto& position : report.benchmarks)
        CHECK(position.delta == Approx(round_to_tenth(report.index - position.benchmark.score)));
}

TEST_CASE("the JSON report carries the contract's fields") {
    Report report = typical_report({Threshold{"", 49}});
    auto json = report_to_json(report);
    CHECK(json["schema_version"] == kReportSchemaVersion);
    CHECK(json["tool"]["name"] == "pindex");
    CHECK(json["rubric"]["id"] == "personalization-index");
    CHECK(json["rubric"]["version"] == default_rubric().version);
    CHECK(json["rubric"]["calibration"] == default_rubric().calibration);
    CHECK(json["organization"] == "Contoso Outdoor (example typical company)");
    CHECK(json["index"] == report.index);
    REQUIRE(json["parts"].size() == 6);
    double sum = 0;
    for (const auto& part : json["parts"]) {
        for (const char* key : {"id", "name", "weight", "points", "fraction", "questions"}) CHECK(part.contains(key));
        sum += part["points"].get<double>();
    }
    CHECK(round_to_tenth(sum) == json["index"].get<double>());
    CHECK(json["benchmarks"][0]["score"] == 49);
    CHECK(json["benchmarks"][0].contains("delta"));
    CHECK(json["completeness"]["complete"] == true);
    CHECK(json["thresholds"]["passed"] == false);
    CHECK(json["thresholds"]["results"][0]["target"] == "index");
}

TEST_CASE("absent metadata is null in JSON") {
    const Rubric& rubric = default_rubric();
    Report report = build_report(rubric, test::best_answers(rubric), "-", {});
    auto json = report_to_json(report);
    CHECK(json["organization"].is_null());
    CHECK(json["date"].is_null());
    CHECK(json["index"] == 100.0);
}

TEST_CASE("invalid UTF-8 in an answers file does not stop the JSON report") {
    Report report = typical_report();
    report.organization = "Bad \xff byte";
    CHECK_THAT(write_report_json(report), Catch::Contains("Bad"));
}

TEST_CASE("the text report escapes control characters from the answers file") {
    Report report = typical_report();
    report.organization = "Evil\x1b[2J corp";
    std::string text = write_report_text(report);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK_THAT(text, Catch::Contains("Evil\\x1b[2J corp"));
}

TEST_CASE("every line of the text report fits 80 columns, complete or not") {
    const Rubric& rubric = default_rubric();
    Answers empty;
    empty.organization = "An organization with a rather long name, Incorporated, of Somewhere";
    for (const Report& report : {typical_report({Threshold{"", 49}}), build_report(rubric, empty, "x.yaml", {})}) {
        std::string text = write_report_text(report);
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            std::string line = text.substr(start, end - start);
            INFO(line);
            CHECK(display_width(line) <= 80);
            start = end + 1;
        }
    }
}

TEST_CASE("the text report shows index, parts out of their weight, benchmarks and thresholds") {
    Report report = typical_report({Threshold{"", 49}, Threshold{"know-me", 5}});
    std::string text = write_report_text(report);
    CHECK_THAT(text, Catch::Contains(index_line(kTypicalIndex)));
    CHECK_THAT(text, Catch::Contains("Empower me          " + index_text(report.parts[0].points) + " / 50"));
    CHECK_THAT(text, Catch::Contains("Average company           49.0   this index is " + delta_words(report.index - 49)));
    CHECK_THAT(text, Catch::Contains("  pindex's scale is calibrated to the published average (49)"));
    CHECK_THAT(text, Catch::Contains("FAIL   index >= 49: " + index_text(kTypicalIndex)));
    CHECK_THAT(text, Catch::Contains("pass   know-me >= 5: " + index_text(report.parts[1].points)));
}

TEST_CASE("the so-what names the weakest part, the most points to gain and the first move in words") {
    Report report = typical_report();
    // typical: Accountability at 25% is the weakest share; Empower me misses the most points.
    double empower_missing = 50 - report.parts.front().points, missing = 100 - report.index;
    CHECK(so_what(report) ==
          fmt::format("Accountability is the weakest part (25% of its 10 points); Empower me holds the most to gain "
                      "({:.1f} of the {:.1f} points missing); first move: Make a senior leader (typically at least a VP) "
                      "accountable for personalization (Accountability, +2.5 points).",
                      empower_missing, missing));
    const Move& first = report.moves.front();
    CHECK(first.part_name == "Accountability");
    CHECK(move_target_words(first) == "Accountability: Who is accountable for personalization, and with what powers?");
    for (const auto& move : report.moves)
        if (move.row) {
            CHECK_THAT(move_target_words(move), Catch::StartsWith("Empower me: ") && Catch::Contains(", in "));
            break;
        }
}

TEST_CASE("the legend and the citation say what the index and the benchmarks are, from the rubric") {
    Report report = typical_report();
    std::vector<std::string> legend = legend_lines(report);
    REQUIRE(legend.size() == 3);
    CHECK_THAT(legend[0], Catch::Contains("five promises"));
    CHECK(legend[1] == "Points per part: Empower me 50, Know me 10, Reach me 10, Show me 10, Delight me 10, "
                       "Accountability 10 (100 in all).");
    CHECK_THAT(legend[2], Catch::StartsWith("Published benchmarks: 49 is the Average company (average across 12 "
                                            "industry segments); 72 is the Top-decile average"));
    CHECK(benchmark_citation(report) == "Benchmarks 49 and 72: Abraham and Edelman, 'Personalization Done Right', "
                                        "Harvard Business Review, Nov-Dec 2024.");
    report.benchmarks.clear();
    CHECK(benchmark_citation(report).empty());
}

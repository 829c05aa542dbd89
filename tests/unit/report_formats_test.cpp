// The report writers: what each format must hold, and that hostile text from an answers file
// stays inert in every one of them.
#include <catch2/catch.hpp>

#include <numeric>

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/report.hpp"
#include "pindex/report_charts.hpp"
#include "pindex/report_formats.hpp"
#include "example_scores.hpp"
#include "test_support.hpp"

using namespace pindex;

namespace {

Report example_report(const std::string& name, const std::vector<Threshold>& thresholds = {}) {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/" + name), name, rubric);
    return build_report(rubric, answers, "examples/" + name, thresholds);
}

std::string write(const Report& report, std::string_view format) {
    const ReportFormat* writer = find_format(report_formats(), format);
    REQUIRE(writer);
    return writer->write(report);
}

// A report whose every free text is an attack on some format.
Report hostile_report() {
    const Rubric& rubric = default_rubric();
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", rubric);
    answers.organization = "<script>alert(1)</script> =cmd|' /C calc'!A0 **x** [l](javascript:y)";
    answers.respondent = "@SUM(A1) </svg><svg onload=alert(1)>";
    answers.notes["accountable-leader"] = "\x1b[2J new\nline | <img src=x onerror=alert(1)> $math$";
    answers.custom["journey"].columns.push_back({"kiosk", "<b>Kiosk</b>"});
    return build_report(rubric, answers, "<evil>.yaml", {});
}

}  // namespace

TEST_CASE("the formats are text, json, markdown, html, svg, csv, junit and xlsx, and -o extensions pick them") {
    CHECK(format_names(report_formats()) ==
          std::vector<std::string>{"text", "json", "markdown", "html", "svg", "csv", "junit", "xlsx"});
    CHECK(format_for_path(report_formats(), "client.xlsx")->name == "xlsx");
    CHECK(format_for_path(report_formats(), "out/report.html")->name == "html");
    CHECK(format_for_path(report_formats(), "results.xml")->name == "junit");
    CHECK(format_for_path(report_formats(), "deck.md")->name == "markdown");
    CHECK(format_for_path(report_formats(), "data.csv")->name == "csv");
    CHECK(format_for_path(report_formats(), "report.json")->name == "json");
    CHECK(format_for_path(report_formats(), "report.yaml") == nullptr);
    CHECK(format_for_path(report_formats(), ".svg") == nullptr);  // a name, not an extension
    CHECK(find_format(report_formats(), "pdf") == nullptr);
    CHECK(choose_format(report_formats(), "json", "x.html").name == "json");  // --format wins
    CHECK(choose_format(report_formats(), "", "x.md").name == "markdown");
    CHECK(choose_format(report_formats(), "", "x.out").name == "text");
    CHECK(choose_format(report_formats(), "", "").name == "text");
}

TEST_CASE("question points add up to their part's points, and maxima to its weight") {
    Report report = example_report("typical.yaml");
    for (const auto& part : report.parts) {
        INFO(part.id);
        double points = 0, maximum = 0;
        for (const auto& question : part.questions) {
            points += question.points;
            maximum += question.max_points;
        }
        CHECK(points == Approx(part.points));
        CHECK(maximum == Approx(part.weight));
    }
}

TEST_CASE("answers are described in words") {
    Report report = example_report("typical.yaml");
    const auto& empower = report.parts[0];
    CHECK(empower.questions[0].answer_text == "36 cells: 5 Extensively, 15 Moderately, 8 Not at all, 8 n/a");
    CHECK(report.parts[1].questions[0].answer_text == "55%");
    CHECK(report.parts[1].questions[5].answer_text ==
          "Named owners for each kind of customer data; Consent recorded per customer and honoured by every channel");
}

TEST_CASE("the index band is named from the rubric's benchmarks only") {
    Report report = example_report("typical.yaml");
    report.index = 48.9;
    CHECK(report.index_band().words == "below the Average company (49)");
    report.index = 49;
    CHECK(report.index_band().words == "between the Average company (49) and the Top-decile average (72)");
    report.index = 72;
    CHECK(report.index_band().words == "at or above the Top-decile average (72)");
    report.benchmarks.clear();
    CHECK(report.index_band().words.empty());
}

TEST_CASE("the Markdown report is a Marp deck that opens with the index, then the breakdown and every part") {
    Report report = example_report("typical.yaml", {Threshold{"", 100}});
    const PartReport& empower = report.parts.front();
    const PartReport& accountability = report.parts.back();
    std::string deck = write(report, "markdown");
    CHECK_THAT(deck, Catch::StartsWith("---\nmarp: true\n"));
    // The first slide: the index, where it stands against the benchmarks, and the so-what.
    std::string first = deck.substr(0, deck.find("\n---\n\n", 4 + deck.find("\n---\n")));
    CHECK_THAT(first, Catch::Contains(fmt::format("# Personalization Index: **{:.1f}**\u00a0/\u00a0100", report.index)));
    CHECK_THAT(first, Catch::Contains(fmt::format("The index is **below the Average company (49)**: {} the Average "
                                                  "company (49); ", delta_words(report.index - 49))));
    CHECK_THAT(first, Catch::Contains("**So what:** " + escape_markdown(so_what(report))));
    CHECK_THAT(deck, Catch::Contains(fmt::format("| Empower me | {:.1f} | 50 | {} |", empower.points,
                                                 percent_words(empower.fraction))));
    CHECK_THAT(deck, Catch::Contains(fmt::format("## Accountability: {:.1f} / 10 ({})", accountability.points,
                                                 percent_words(accountability.fraction))));
    CHECK_THAT(deck, Catch::Contains(fmt::format("- Threshold index ≥ 100: {:.1f}, **FAILED**", report.index)));
    std::size_t slides = 0;
    for (std::size_t at = deck.find("\n---\n\n"); at != std::string::npos; at = deck.find("\n---\n\n", at + 1)) ++slides;
    // index|legend|breakdown|chart|moves|advantage, a part each, Know me's table continued, the
    // matrix, the end
    CHECK(slides == 6 + 6 + 1 + 1 + 1);
    CHECK_THAT(deck, Catch::Contains("# Personalization advantage: P = n × v²"));
}

TEST_CASE("the HTML report is self-contained: inline style and charts, no script or fetch") {
    std::string html = write(example_report("leader.yaml"), "html");
    CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    for (const char* title : {"Personalization Index gauge", "Points by part", "share of its maximum"})
        CHECK_THAT(html, Catch::Contains(title));
}

TEST_CASE("charts state their numbers in text, not by colour alone") {
    Report report = example_report("typical.yaml");
    const PartReport& empower = report.parts.front();
    const PartReport& know_me = report.parts[1];
    std::string gauge = gauge_chart(report);
    CHECK_THAT(gauge, Catch::Contains(fmt::format("<desc>Index {:.1f} out of 100. Average company: 49. Top-decile "
                                                  "average: 72.", report.index)));
    CHECK_THAT(gauge, Catch::Contains(fmt::format(">{:.1f}</text>", report.index)));
    CHECK_THAT(gauge, Catch::Contains(report.index_band().words));
    CHECK_THAT(parts_bar_chart(report), Catch::Contains(fmt::format(">{:.1f} / 50 ({})</text>", empower.points,
                                                                    percent_words(empower.fraction))));
    CHECK_THAT(radar_chart(report), Catch::Contains(fmt::format(">{}</text>", percent_words(know_me.fraction))));
}

TEST_CASE("the SVG export is a 16:9 canvas with the three charts") {
    std::string svg = write(example_report("leader.yaml"), "svg");
    CHECK_THAT(svg, Catch::StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1600 900\""));
    CHECK_THAT(svg, Catch::Contains(test::index_line(test::kLeaderIndex)));
    std::size_t charts = 0;
    for (std::size_t at = svg.find("<title>"); at != std::string::npos; at = svg.find("<title>", at + 1)) ++charts;
    CHECK(charts == 3);
}

TEST_CASE("the CSV report has a header, the index, each part and each question") {
    Report report = example_report("typical.yaml");
    std::string csv = write(report, "csv");
    std::size_t questions = 0;
    for (const auto& part : report.parts) questions += part.questions.size();
    std::size_t lines = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
    CHECK(lines == 1 + 1 + report.benchmarks.size() + report.parts.size() + questions);
    CHECK(std::count(csv.begin(), csv.end(), '\r') == static_cast<long>(lines));
    CHECK_THAT(csv, Catch::StartsWith("organization,date,kind,part,question,label,answer,score,points,max_points,note\r\n"));
    CHECK_THAT(csv, Catch::Contains(fmt::format(",index,,,Personalization Index,,{:.4f},{:.1f},100,\r\n",
                                                report.index / 100, report.index)));
    CHECK_THAT(csv, Catch::Contains(",benchmark,,average,Average company,,0.4900,49,100,\"Abraham and Edelman, "));
    const PartReport& know_me = report.parts[1];
    CHECK_THAT(csv, Catch::Contains(fmt::format(",part,know-me,,Know me,,{:.4f},{:.4f},10,\r\n", know_me.fraction,
                                                know_me.points)));
}

TEST_CASE("hostile text from the answers file is escaped in every format") {
    Report report = hostile_report();
    for (const char* format : {"html", "svg"}) {
        INFO(format);
        std::string out = write(report, format);
        CHECK(out.find("<script>") == std::string::npos);
        CHECK(out.find("<svg onload") == std::string::npos);
        CHECK(out.find("<img") == std::string::npos);
        CHECK(out.find("<b>") == std::string::npos);
        CHECK(out.find('\x1b') == std::string::npos);
    }
    CHECK_THAT(write(report, "html"), Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(write(report, "html"), Catch::Contains("&lt;b&gt;Kiosk&lt;/b&gt;"));

    std::string markdown = write(report, "markdown");
    std::string body = markdown.substr(markdown.find("\n---\n", 4));  // after the front matter
    CHECK_THAT(body, Catch::Contains("\\<script\\>alert(1)\\</script\\>"));
    CHECK_THAT(body, Catch::Contains("\\*\\*x\\*\\* \\[l\\](javascript\\:y)"));
    CHECK_THAT(body, Catch::Contains("new line \\| \\<img src=x onerror=alert(1)\\> \\$math\\$"));
    CHECK(body.find('\x1b') == std::string::npos);

    report.organization = "=HYPERLINK(\"http://evil\",\"x\")";
    std::string csv = write(report, "csv");
    CHECK_THAT(csv, Catch::Contains("\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","));
    CHECK(csv.find("\n=") == std::string::npos);
    CHECK(csv.find(",=") == std::string::npos);
    CHECK(csv.find(",\"=") == std::string::npos);
    CHECK(csv.find(",@") == std::string::npos);
}

TEST_CASE("an incomplete report says so, with the same words in HTML and Markdown") {
    const Rubric& rubric = default_rubric();
    Report report = build_report(rubric, Answers{}, "empty.yaml", {Threshold{"know-me", 5}});
    std::string words = completeness_words(report.completeness);
    CHECK_THAT(words, Catch::StartsWith("Incomplete: 0 of 21 applicable questions answered; missing answers score 0. "
                                        "Missing: journey, cross-channel,"));
    CHECK_THAT(write(report, "html"), Catch::Contains("<p class=\"fail\">" + words + "</p>"));
    // Beside the index, wherever a number could be quoted from.
    std::string caveat = "Incomplete: 0 of 21 applicable questions answered; missing answers score 0";
    CHECK(incomplete_caveat(report.completeness) == caveat);
    std::string html = write(report, "html");
    CHECK(html.find("<p class=\"caveat\">" + caveat + ".</p>") < html.find("<h2>"));
    CHECK_THAT(write(report, "svg"), Catch::Contains("/ 100<tspan font-size=\"26\" fill=\"#9c0006\">  Incomplete: 0 of 21 "
                                                     "answered</tspan>"));
    CHECK_THAT(write(report, "csv"), Catch::Contains(",index,,,Personalization Index,,0.0000,0.0,100," + caveat + "\r\n"));
    CHECK_THAT(write(report, "junit"), Catch::Contains("<system-out>0.0 of 100; " + caveat + ";"));
    CHECK_THAT(write(report, "junit"), Catch::Contains("<property name=\"complete\" value=\"false\"/>"));
    CHECK_THAT(gauge_chart(report), Catch::Contains(">Incomplete: 0 of 21 applicable questions</text>"));
    CHECK_THAT(write(report, "markdown"), Catch::Contains("- **Incomplete: 0 of 21 applicable"));
    CHECK_THAT(write(report, "markdown"), Catch::Contains("- Threshold know-me ≥ 5: 0.0, **FAILED**"));
    CHECK(completeness_words(example_report("leader.yaml").completeness) ==
          "Complete: all 21 applicable questions answered.");
}

// The survey's last screen (src/cli/survey_ending.cpp): it answers the question on one screen.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "invocation.hpp"
#include "pindex/text.hpp"
#include "survey_ending.hpp"
#include "test_support.hpp"

using namespace pindex;
using namespace pindex::cli;

namespace {

Report typical_report() {
    Answers answers = load_answers(test::source_file("examples/typical.yaml"), "typical.yaml", default_rubric());
    return build_report(default_rubric(), answers, "typical.yaml", {});
}

std::string text_of(const std::vector<StyledLine>& lines) {
    std::string text;
    for (const auto& line : lines) text += plain_text(line) + "\n";
    return text;
}

}  // namespace

TEST_CASE("ending: the index, every part, both benchmarks, three steps and the commands fit 80x24 and 60x20") {
    Report report = typical_report();
    set_invoked_as("./build/pindex");
    for (ScreenSize size : {ScreenSize{80, 24}, ScreenSize{60, 20}}) {
        INFO(size.columns << "x" << size.rows);
        auto lines = finished_survey_lines(report, "my answers.yaml", size, Glyphs::for_locale(true));
        std::size_t height = 0;  // on screen: a command longer than the width takes two lines
        for (const auto& line : lines) height += 1 + display_width(plain_text(line)) / size.columns;
        CHECK(height <= size.rows - 1);
        std::string text = text_of(lines);
        CHECK_THAT(text, Catch::Contains(fmt::format("Personalization Index {:.1f} of 100", report.index)));
        for (const auto& part : report.parts) CHECK_THAT(text, Catch::Contains(part.name));
        CHECK_THAT(text, Catch::Contains(fmt::format("Average company 49 ({})", delta_words(report.benchmarks[0].delta))));
        CHECK_THAT(text, Catch::Contains("Top-decile") && Catch::Contains("72 ("));
        for (std::size_t i = 0; i < 3; ++i) CHECK_THAT(text, Catch::Contains(fmt::format("+{:.1f}", report.moves[i].gain)));
        // Commands on lines of their own, whole, quoted for the shell, naming pindex as invoked.
        CHECK_THAT(text, Catch::Contains("\n  ./build/pindex score 'my answers.yaml' -o report.html\n"));
        CHECK_THAT(text, Catch::Contains("\n  ./build/pindex score 'my answers.yaml'\n"));
        // Below 49: the fewest steps to the average (pindex plan).
        CHECK_THAT(text, Catch::Contains("\n  ./build/pindex plan 'my answers.yaml' --target average\n"));
        for (const auto& line : lines) {
            INFO(plain_text(line));
            bool command = plain_text(line).find("./build/pindex") != std::string::npos;
            if (!command) CHECK(display_width(plain_text(line)) <= size.columns - 1);
        }
    }
    set_invoked_as("pindex");
}

TEST_CASE("ending: above every benchmark there is no plan to point to") {
    Answers answers = load_answers(test::source_file("examples/leader.yaml"), "leader.yaml", default_rubric());
    Report report = build_report(default_rubric(), answers, "leader.yaml", {});
    REQUIRE(report.index >= 72);
    std::string text = text_of(finished_survey_lines(report, "a.yaml", {80, 24}, Glyphs::for_locale(true)));
    CHECK_THAT(text, !Catch::Contains(" plan "));
}

TEST_CASE("ending: steps are said in plain words with their part, not question ids") {
    Report report = typical_report();
    std::string text = text_of(finished_survey_lines(report, "a.yaml", {120, 40}, Glyphs::for_locale(true)));
    for (std::size_t i = 0; i < 3; ++i) CHECK_THAT(text, !Catch::Contains(report.moves[i].question + ":"));
    CHECK_THAT(text, Catch::Contains(report.moves[0].advice));
    CHECK_THAT(text, !Catch::Contains("v²"));
}

TEST_CASE("ending: an unfinished survey says what is saved and the command to go on") {
    Completeness completeness;
    completeness.applicable = 21;
    completeness.answered = 5;
    set_invoked_as("pindex");
    std::string text = text_of(unfinished_survey_lines(completeness, "acme.yaml", false, 79));
    CHECK_THAT(text, Catch::Contains("Saved to acme.yaml: 5 of 21 questions answered."));
    CHECK_THAT(text, Catch::Contains("\n  pindex survey -o acme.yaml\n"));
    CHECK_THAT(text_of(unfinished_survey_lines(completeness, "pindex-answers.yaml", true, 79)),
               Catch::EndsWith("\n  pindex survey\n"));
}

TEST_CASE("ending: shell words are quoted only when they need it") {
    CHECK(shell_word("answers.yaml") == "answers.yaml");
    CHECK(shell_word("my answers.yaml") == "'my answers.yaml'");
    CHECK(shell_word("it's.yaml") == "'it'\\''s.yaml'");
    CHECK(shell_word("") == "''");
    CHECK(shell_word("$HOME") == "'$HOME'");
}

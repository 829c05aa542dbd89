// pindex survey in a real pseudo-terminal: keys, redraws, signals, and the terminal restored.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "pty_session.hpp"
#include "run_pindex.hpp"
#include "example_scores.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

// "· 12/": the progress line at position n. The total is left out: a rubric's `when` can make
// it grow as answers come in.
std::string at(std::size_t n) { return "· " + std::to_string(n) + "/"; }

// Types each answer and Enter, waiting for the next prompt's progress line each time.
void type_answers(PtySession& session, const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        session.mark();
        session.send(lines[i] + "\r");
        INFO("answer " << i + 1);
        REQUIRE(session.wait_for(i + 1 < lines.size() ? at(i + 2) : "Review your answers"));
    }
}

bool wait_until_file_contains(const fs::path& file, const std::string& text) {
    for (int i = 0; i < 200; ++i) {
        if (read_text(file).find(text) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

}  // namespace

TEST_CASE("terminal: a full run with review scores like the hand-written file and restores the terminal") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for("Empower me " + at(1)));
    auto lines = typical_survey_lines();
    type_answers(session, lines, 0, lines.size());
    CHECK(session.wait_for("All answered."));
    session.send("\r");  // finish the review
    CHECK(session.wait_exit() == 0);
    CHECK(session.terminal_in_cooked_mode());
    CHECK_THAT(session.output(), Catch::Contains(index_line(kTypicalIndex)));
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("terminal: arrow keys move the highlight and Enter picks it, and Space toggles in multi-select") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for("Empower me " + at(1)));
    session.send("\r");  // no steps or channels of our own
    REQUIRE(session.wait_for(at(2)));
    session.send("\x1b[B\x1b[B\r");  // down, down, Enter: the third level
    REQUIRE(session.wait_for(at(3)));
    CHECK(wait_until_file_contains(file, "discover: {web: extensive}"));
    // On to data-governance, the first multi-select: tick the first and third options with
    // Space, tick the fourth and untick it again, then Enter confirms the ticks.
    auto lines = typical_survey_lines();
    REQUIRE(lines[43] == "1 3");
    type_answers(session, lines, 2, 43);
    session.mark();
    session.send(" \x1b[B\x1b[B \x1b[B  \r");  // Space on 1; down, down, Space on 3; down, Space twice on 4
    REQUIRE(session.wait_for(at(45)));
    CHECK(wait_until_file_contains(file, "data-governance: [owners, consent]"));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
    CHECK(session.terminal_in_cooked_mode());
}

TEST_CASE("terminal: ? shows help, b goes back, s skips, and the review offers the skipped question") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    auto lines = typical_survey_lines();
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for(at(1)));
    session.send("b\r");
    CHECK(session.wait_for("This is the first question."));
    session.mark();
    session.send("\r?\r");  // past the own-steps prompt, then the first cell's help
    CHECK(session.wait_for("mystery-shopping pass"));  // from the journey matrix's help
    type_answers(session, lines, 1, 37);  // the matrix
    session.mark();
    session.send("s\r");  // skip cross-channel
    REQUIRE(session.wait_for(at(39)));
    session.mark();
    session.send("b\r");  // back to the skipped question
    REQUIRE(session.wait_for(at(38)));
    session.send("s\r");
    REQUIRE(session.wait_for(at(39)));
    type_answers(session, lines, 38, lines.size());
    REQUIRE(session.wait_for("1 unanswered."));
    CHECK_THAT(session.output(), Catch::Contains("(unanswered)"));
    session.mark();
    session.send("7\r");  // entries: 6 matrix rows, then cross-channel
    REQUIRE(session.wait_for("When a customer acts in one channel"));
    session.send(lines[37] + "\r");
    REQUIRE(session.wait_for("All answered."));
    session.send("\r");
    CHECK(session.wait_exit() == 0);
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("terminal: Ctrl-C saves, exits 130 and restores the terminal") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for(at(1)));
    type_answers(session, typical_survey_lines(), 0, 3);  // own steps: none; two cells
    session.send("3");  // typed but not confirmed: the only thing Ctrl-C may lose
    session.send("\x03");
    CHECK(session.wait_exit() == 130);
    CHECK(session.terminal_in_cooked_mode());
    std::string saved = read_text(file);
    CHECK_THAT(saved, Catch::Contains("discover: {web: moderate, app: n/a}"));
}

TEST_CASE("terminal: a killed survey resumes at the first unanswered question") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    auto lines = typical_survey_lines();
    {
        PtySession session(typical_survey_args(file), dir.path);
        REQUIRE(session.wait_for(at(1)));
        type_answers(session, lines, 0, 6);  // own steps: none; five cells
        REQUIRE(wait_until_file_contains(file, "contact-center: n/a"));
        session.signal(SIGKILL);
        CHECK(session.wait_exit() == 128 + SIGKILL);
    }
    PtySession resumed(typical_survey_args(file), dir.path);
    CHECK(resumed.wait_for("Empower me " + at(7)));
    type_answers(resumed, lines, 6, lines.size());
    resumed.send("\r");
    CHECK(resumed.wait_exit() == 0);
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("terminal: SIGTERM and SIGHUP restore the terminal") {
    for (int signal_number : {SIGTERM, SIGHUP}) {
        TempDir dir;
        PtySession session(typical_survey_args(dir.path / "a.yaml"), dir.path);
        REQUIRE(session.wait_for(at(1)));
        CHECK_FALSE(session.terminal_in_cooked_mode());  // raw while the survey runs
        session.signal(signal_number);
        CHECK(session.wait_exit() == 128 + signal_number);
        CHECK(session.terminal_in_cooked_mode());
    }
}

TEST_CASE("terminal: Ctrl-Z restores the terminal while stopped and the survey goes on after resume") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for(at(1)));
    session.send("\r");  // no steps of our own
    REQUIRE(session.wait_for(at(2)));
    session.send("\x1a");
    REQUIRE(session.wait_stopped());
    CHECK(session.terminal_in_cooked_mode());
    session.mark();
    session.signal(SIGCONT);
    REQUIRE(session.wait_for(at(2)));  // drawn again
    CHECK_FALSE(session.terminal_in_cooked_mode());
    session.send("2\r");
    REQUIRE(session.wait_for(at(3)));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
    CHECK(wait_until_file_contains(file, "discover: {web: moderate}"));
}

TEST_CASE("terminal: colour respects NO_COLOR and --no-color, and the reverse-video highlight keeps a marker") {
    TempDir dir;
    {
        PtySession colored(typical_survey_args(dir.path / "a.yaml"), dir.path);
        REQUIRE(colored.wait_for(at(1)));
        colored.send("\r");  // past the own-steps prompt, to the first cell's levels
        REQUIRE(colored.wait_for(at(2)));
        REQUIRE(colored.wait_for("› 1) Not at all"));  // the whole prompt drawn, not just its header
        CHECK_THAT(colored.output(), Catch::Contains("\x1b[7m"));
    }
    for (auto environment : {std::vector<std::string>{"TERM=xterm-256color", "NO_COLOR=1"},
                             std::vector<std::string>{"TERM=xterm-256color"}}) {
        auto args = typical_survey_args(dir.path / "b.yaml");
        if (environment.size() == 1) args.push_back("--no-color");
        PtySession plain(args, dir.path, environment);
        REQUIRE(plain.wait_for(at(1)));
        plain.send("\r");
        REQUIRE(plain.wait_for(at(2)));
        REQUIRE(plain.wait_for("› 1) Not at all"));
        CHECK(plain.output().find("\x1b[7m") == std::string::npos);
        CHECK(plain.output().find("\x1b[1m") == std::string::npos);
    }
}

TEST_CASE("terminal: TERM=dumb falls back to plain prompts") {
    TempDir dir;
    PtySession session(typical_survey_args(dir.path / "a.yaml"), dir.path, {"TERM=dumb"});
    REQUIRE(session.wait_for("Empower me " + at(1)));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
    CHECK(session.output().find("\x1b[") == std::string::npos);
}

TEST_CASE("terminal: score colours its report on a terminal, unless NO_COLOR is set") {
    TempDir dir;
    PtySession coloured({"score", example("typical.yaml"), "--fail-under", "49"}, dir.path);
    CHECK(coloured.wait_exit() == 1);
    CHECK_THAT(coloured.output(), Catch::Contains("\x1b[1m" + index_line(kTypicalIndex) + "\x1b[0m"));
    CHECK_THAT(coloured.output(), Catch::Contains("\x1b[31mFAIL\x1b[0m"));
    PtySession plain({"score", example("typical.yaml"), "--fail-under", "49"}, dir.path,
                     {"TERM=xterm-256color", "NO_COLOR=1"});
    CHECK(plain.wait_exit() == 1);
    CHECK_THAT(plain.output(), Catch::Contains(index_line(kTypicalIndex)));
    CHECK(plain.output().find("\x1b[") == std::string::npos);
}

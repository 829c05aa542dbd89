// pindex survey in a real pseudo-terminal: keys, the journey grid, redraws, signals, what is on
// the screen at the end, and the terminal restored.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "pindex/text.hpp"
#include "pty_session.hpp"
#include "run_pindex.hpp"
#include "example_scores.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kGridRows = 6;  // the typical answers: line 0 the own-steps prompt, 1-6 the journey

std::string question(int n) { return "question " + std::to_string(n) + " of 21"; }

bool wait_until_file_contains(const fs::path& file, const std::string& text) {
    for (int i = 0; i < 200; ++i) {
        if (read_text(file).find(text) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
}

// The typical journey as keys on the grid: first y or n for every cell, Enter, then each step's
// levels typed as its plain-mode line ("2 n n 3 n 1"), then Enter to leave the grid.
std::string typical_grid_keys() {
    auto lines = typical_survey_lines();
    std::string marks, ratings;
    for (std::size_t row = 1; row <= kGridRows; ++row) {
        for (const auto& token : pindex::split_words(lines[row])) marks += token == "n" ? "n" : "y";
        ratings += lines[row] + " ";
    }
    return marks + "\r" + ratings + "\r";
}

// Answers the questions after the journey (typical lines from index `from`), each typed and
// confirmed, waiting for the next prompt each time.
void answer_questions(PtySession& session, std::size_t from) {
    auto lines = typical_survey_lines();
    for (std::size_t i = from; i < lines.size(); ++i) {
        session.mark();
        session.send(lines[i] + "\r");
        INFO("answer " << i << ": " << lines[i]);
        // Question n is typical line n + 5 (the journey's 7 lines are question 1).
        REQUIRE(session.wait_for(i + 1 < lines.size() - 1    ? question(int(i) - 4)
                                 : i + 1 == lines.size() - 1 ? "digital customer interactions a year"
                                                             : "Review your answers"));
    }
}

// Starts a survey of the typical company and takes it through the journey grid.
void through_the_grid(PtySession& session) {
    REQUIRE(session.wait_for(question(1)));
    session.send("\r");  // no steps or channels of our own
    REQUIRE(session.wait_for("Step 1 of 2: which cells count?"));
    session.mark();
    session.send(typical_grid_keys());
    REQUIRE(session.wait_for(question(2)));
}

// The answers a file holds, without when and how long the survey ran.
std::string answers_of(const fs::path& file) {
    std::string text = read_text(file);
    auto start = text.find("\nanswers:");
    REQUIRE(start != std::string::npos);
    return text.substr(start);
}

}  // namespace

TEST_CASE("terminal: a whole survey at 80x24 through the grid ends with the answer on one screen") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    through_the_grid(session);
    answer_questions(session, kGridRows + 1);
    CHECK(session.wait_for("All answered."));
    session.send("\r");  // finish the review
    CHECK(session.wait_exit() == 0);
    CHECK(session.terminal_in_cooked_mode());
    CHECK(score_json(file)["index"] == kTypicalIndex);
    // What is on the screen once the survey is over: nothing needed has scrolled away.
    std::string screen = session.screen();
    INFO(screen);
    CHECK_THAT(screen, Catch::Contains("Personalization Index " + index_text(kTypicalIndex) + " of 100"));
    for (const char* part : {"Empower me", "Know me", "Reach me", "Show me", "Delight me", "Accountability"})
        CHECK_THAT(screen, Catch::Contains("\n  " + std::string(part)));
    CHECK_THAT(screen, Catch::Contains("Average company 49 ("));
    CHECK_THAT(screen, Catch::Contains("Top-decile average 72"));
    CHECK_THAT(screen, Catch::Contains("The three steps that would raise it most:"));
    // The command on a line of its own, whole (a terminal narrower than it wraps it on screen).
    CHECK_THAT(session.text(), Catch::Contains(" score " + file.string() + " -o report.html\r\n"));
    CHECK_THAT(screen, Catch::Contains(" -o"));

    // The same answers in plain mode, a line per journey step, give the same file.
    fs::path plain = dir.path / "plain.yaml";
    std::vector<std::string> args = typical_survey_args(plain);
    args.insert(args.begin() + 1, "--plain");
    REQUIRE(run_pindex(args, typical_survey_text()).exit_code == 0);
    CHECK(answers_of(plain) == answers_of(file));
}

TEST_CASE("terminal: arrow keys move the highlight, Space and digits add ticks, Enter confirms them") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    through_the_grid(session);
    session.send("\x1b[B\x1b[B\r");  // down, down, Enter: cross-channel's second option
    REQUIRE(session.wait_for(question(3)));
    CHECK(wait_until_file_contains(file, "cross-channel: next-campaign"));
    auto lines = typical_survey_lines();
    for (std::size_t i = 8; i < 13; ++i) {
        session.send(lines[i] + "\r");
        REQUIRE(session.wait_for(question(int(i) - 4)));
    }
    // data-governance, a multi-select: Space ticks the first, a typed 3 adds the third, a 4
    // ticked and unticked with Space; Enter confirms the ticks.
    REQUIRE(session.wait_for("0) [ ] None of these"));
    session.mark();
    session.send("\x1b[B \x1b[B\x1b[B\x1b[B  3\r");
    REQUIRE(session.wait_for(question(9)));
    CHECK(wait_until_file_contains(file, "data-governance: [owners, consent]"));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
    CHECK(session.terminal_in_cooked_mode());
}

TEST_CASE("terminal: ? shows help, b goes back, s clears, and the review takes one Enter back to itself") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    auto lines = typical_survey_lines();
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for(question(1)));
    session.send("b\r");
    CHECK(session.wait_for("This is the first question."));
    session.mark();
    session.send("\r?");  // past the own-steps prompt, then the grid's help, over the grid
    CHECK(session.wait_for("mystery-shopping pass"));  // from the journey matrix's help
    CHECK(session.wait_for("Any key goes back to the question."));
    session.send("\x1b");  // closes the help, and does nothing else
    session.send(typical_grid_keys());
    REQUIRE(session.wait_for(question(2)));
    session.send(lines[7] + "\r");  // cross-channel answered...
    REQUIRE(session.wait_for(question(3)));
    session.mark();
    session.send("b\r");  // ...then back to it, and s clears it
    REQUIRE(session.wait_for(question(2)));
    session.send("s\r");
    REQUIRE(session.wait_for("skipped (answer cleared)"));
    CHECK(wait_until_file_contains(file, "cross-channel:") == false);
    answer_questions(session, 8);
    REQUIRE(session.wait_for("1 unanswered: 4."));  // organization, respondent, journey, cross-channel
    CHECK_THAT(session.text(), Catch::Contains("(unanswered)"));
    session.mark();
    session.send("4\r");
    REQUIRE(session.wait_for("When a customer acts in one channel"));
    session.mark();
    session.send(lines[7] + "\r");  // one answer, and the review is back
    REQUIRE(session.wait_for("All answered."));
    session.send("\r");
    CHECK(session.wait_exit() == 0);
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("terminal: a double Enter answers nothing, Esc swallows no key, refused input is never echoed") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    through_the_grid(session);
    session.mark();
    session.send("\r");  // Enter on an unanswered question: a hint, nothing saved
    REQUIRE(session.wait_for("! Type a number from 1 to 4"));
    session.send("\x1b");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    session.mark();
    session.send("\r");  // after a lone Esc, Enter still arrives
    REQUIRE(session.wait_for("! Type a number from 1 to 4"));
    CHECK_THAT(read_text(file), !Catch::Contains("cross-channel"));
    session.send("2\r");
    REQUIRE(session.wait_for(question(3)));
    session.mark();
    session.send("40% %\r");  // refused: a hint, and no "→ 40% %" in the transcript
    REQUIRE(session.wait_for("! Type a number"));
    session.send("\x7f\x7f\r");  // what was refused stays typed: "40%" once " %" is erased
    REQUIRE(session.wait_for(question(4)));
    CHECK(session.text().find("→ 40% %") == std::string::npos);
    CHECK_THAT(session.text(), Catch::Contains("→ 40%"));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
}

TEST_CASE("terminal: going back into the grid changes no cell unless a key sets it") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    through_the_grid(session);
    std::string before = answers_of(file);
    session.mark();
    session.send("b\r");  // back to the grid, which opens where rating goes on
    REQUIRE(session.wait_for("Step 2 of 2"));
    session.send("\x1b[A\x1b[D\x1b[D\r");  // move onto other cells, then Enter: all rated, go on
    REQUIRE(session.wait_for(question(2)));
    CHECK(answers_of(file) == before);
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
}

TEST_CASE("terminal: Ctrl-C saves, exits 130 and restores the terminal") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session(typical_survey_args(file), dir.path);
    REQUIRE(session.wait_for(question(1)));
    session.send("\r");
    REQUIRE(session.wait_for("Step 1 of 2"));
    session.send("yn");  // Website counts, Mobile app does not: saved at once
    REQUIRE(wait_until_file_contains(file, "discover: {app: n/a}"));
    session.send("\x03");
    CHECK(session.wait_exit() == 130);
    CHECK(session.terminal_in_cooked_mode());
    CHECK_THAT(read_text(file), Catch::Contains("discover: {app: n/a}"));
}

TEST_CASE("terminal: a killed survey resumes at the first unanswered question, with the time for what is left") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    {
        PtySession session(typical_survey_args(file), dir.path);
        through_the_grid(session);
        session.send(typical_survey_lines()[7] + "\r");
        REQUIRE(session.wait_for(question(3)));
        REQUIRE(wait_until_file_contains(file, "cross-channel:"));
        session.signal(SIGKILL);
        CHECK(session.wait_exit() == 128 + SIGKILL);
    }
    PtySession resumed(typical_survey_args(file), dir.path);
    CHECK(resumed.wait_for("Resuming " + file.string() + ": 19 of 21 questions still open, about"));
    CHECK(resumed.wait_for("Know me · " + question(3)));
    answer_questions(resumed, 8);
    resumed.send("\r");
    CHECK(resumed.wait_exit() == 0);
    CHECK(score_json(file)["index"] == kTypicalIndex);
}

TEST_CASE("terminal: a second survey on the same file is refused while the first runs") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession first(typical_survey_args(file), dir.path);
    REQUIRE(first.wait_for(question(1)));
    RunResult second = run_pindex({"survey", "--plain", "-o", file.string()}, "Other\n");
    CHECK(second.exit_code == 2);
    CHECK_THAT(second.err, Catch::Contains(file.string() + " is in use by another pindex survey (process "));
    first.send("q\r");
    CHECK(first.wait_exit() == 3);
    CHECK(run_pindex({"survey", "--plain", "-o", file.string()}, "q\n").exit_code == 3);  // free again
}

TEST_CASE("terminal: SIGTERM and SIGHUP restore the terminal") {
    for (int signal_number : {SIGTERM, SIGHUP}) {
        TempDir dir;
        PtySession session(typical_survey_args(dir.path / "a.yaml"), dir.path);
        REQUIRE(session.wait_for(question(1)));
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
    REQUIRE(session.wait_for(question(1)));
    session.send("\r");  // no steps of our own
    REQUIRE(session.wait_for("Step 1 of 2"));
    session.send("\x1a");
    REQUIRE(session.wait_stopped());
    CHECK(session.terminal_in_cooked_mode());
    session.mark();
    session.signal(SIGCONT);
    REQUIRE(session.wait_for("Step 1 of 2"));  // drawn again
    CHECK_FALSE(session.terminal_in_cooked_mode());
    session.send("n");
    CHECK(wait_until_file_contains(file, "discover: {web: n/a}"));
    session.send("q");
    CHECK(session.wait_exit() == 3);
}

TEST_CASE("terminal: resizing redraws the prompt once, at the new size") {
    TempDir dir;
    PtySession session(typical_survey_args(dir.path / "a.yaml"), dir.path, kTerminalEnvironment, 80, 24);
    through_the_grid(session);
    session.mark();
    session.resize(60, 20);
    REQUIRE(session.wait_for(question(2)));  // drawn again
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::string screen = session.screen();
    INFO(screen);
    auto count = [&](const std::string& text) {
        std::size_t n = 0;
        for (auto at = screen.find(text); at != std::string::npos; at = screen.find(text, at + 1)) ++n;
        return n;
    };
    CHECK(count("question 2 of 21") == 1);
    std::size_t inputs = 0;
    for (const auto& line : split_lines(screen)) inputs += line.rfind(">", 0) == 0 ? 1 : 0;
    CHECK(inputs == 1);
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
}

TEST_CASE("terminal: the whole survey at 60x20 and 120x40 keeps the ending on screen") {
    for (auto [columns, rows] : {std::pair<std::size_t, std::size_t>{60, 20}, {120, 40}}) {
        INFO(columns << "x" << rows);
        TempDir dir;
        fs::path file = dir.path / "a.yaml";
        PtySession session(typical_survey_args(file), dir.path, kTerminalEnvironment, columns, rows);
        through_the_grid(session);
        answer_questions(session, kGridRows + 1);
        session.send("\r");
        CHECK(session.wait_exit() == 0);
        std::string screen = session.screen();
        INFO(screen);
        CHECK_THAT(screen, Catch::Contains("Personalization Index " + index_text(kTypicalIndex) + " of 100"));
        CHECK_THAT(screen, Catch::Contains("\n  Accountability"));
        CHECK_THAT(session.text(), Catch::Contains(" -o report.html\r\n"));
    }
}

TEST_CASE("terminal: without a UTF-8 locale the survey draws in ASCII") {
    TempDir dir;
    PtySession session(typical_survey_args(dir.path / "a.yaml"), dir.path,
                       {"TERM=xterm-256color", "LANG=C", "LC_ALL=", "LC_CTYPE="});
    through_the_grid(session);
    REQUIRE(session.wait_for("Empower me - " + question(2)));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
    const std::string& output = session.output();
    CHECK(std::none_of(output.begin(), output.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

TEST_CASE("terminal: text that is not UTF-8 is refused with a hint and never saved") {
    TempDir dir;
    fs::path file = dir.path / "a.yaml";
    PtySession session({"survey", "-o", file.string()}, dir.path);
    REQUIRE(session.wait_for("Organization assessed"));
    session.send("Caf\xe9\r");  // Latin-1, from a terminal set to another encoding
    REQUIRE(session.wait_for("! Type text in UTF-8"));
    session.send("\x7f\x7f\x7f\x7f" "Café\r");
    REQUIRE(session.wait_for("Your name or role"));
    session.send("q\r");
    CHECK(session.wait_exit() == 3);
    CHECK_THAT(read_text(file), Catch::Contains("organization: Café"));
    CHECK(run_pindex({"validate", file.string(), "--allow-incomplete"}).exit_code == 0);
}

TEST_CASE("terminal: colour respects NO_COLOR and --no-color, and the reverse-video highlight keeps a marker") {
    TempDir dir;
    auto to_cross_channel = [](PtySession& session) {
        through_the_grid(session);
        session.send("\x1b[B");  // the highlight onto the first option
        REQUIRE(session.wait_for("› 1) Nothing changes"));
    };
    {
        PtySession colored(typical_survey_args(dir.path / "a.yaml"), dir.path);
        to_cross_channel(colored);
        CHECK_THAT(colored.output(), Catch::Contains("\x1b[7m"));
    }
    std::vector<std::string> environment = kTerminalEnvironment;
    for (bool flag : {false, true}) {
        auto args = typical_survey_args(dir.path / (flag ? "b.yaml" : "c.yaml"));
        std::vector<std::string> env = environment;
        if (flag) args.push_back("--no-color");
        else env.push_back("NO_COLOR=1");
        PtySession plain(args, dir.path, env);
        to_cross_channel(plain);
        CHECK(plain.output().find("\x1b[7m") == std::string::npos);
        CHECK(plain.output().find("\x1b[1m") == std::string::npos);
    }
}

TEST_CASE("terminal: TERM=dumb falls back to plain prompts") {
    TempDir dir;
    PtySession session(typical_survey_args(dir.path / "a.yaml"), dir.path, {"TERM=dumb", "LANG=C.UTF-8"});
    REQUIRE(session.wait_for("Empower me · " + question(1)));
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
    std::vector<std::string> environment = kTerminalEnvironment;
    environment.push_back("NO_COLOR=1");
    PtySession plain({"score", example("typical.yaml"), "--fail-under", "49"}, dir.path, environment);
    CHECK(plain.wait_exit() == 1);
    CHECK_THAT(plain.output(), Catch::Contains(index_line(kTypicalIndex)));
    CHECK(plain.output().find("\x1b[") == std::string::npos);
}

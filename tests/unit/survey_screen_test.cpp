// The terminal survey's screens, driven key by key without a terminal (src/cli/*_screen.cpp).
#include <catch2/catch.hpp>

#include "grid_screen.hpp"
#include "pindex/text.hpp"
#include "prompt_screen.hpp"
#include "review_screen.hpp"
#include "test_support.hpp"

using namespace pindex;
using namespace pindex::cli;

namespace {

Key character(const std::string& text) { return Key::character(text); }
const Key kEnter = Key::of(Key::Code::enter);
const Key kDown = Key::of(Key::Code::down);
const Key kUp = Key::of(Key::Code::up);

// Every prompt of a survey of `rubric` in grid mode, as the engine makes them.
std::vector<Prompt> prompts_of(const Rubric& rubric, const Answers& answers = {}) {
    Survey survey(rubric, answers, nullptr);
    survey.ask_metadata(true, true);
    std::vector<SurveyItem> items = survey.plan(true);
    std::vector<Prompt> prompts;
    for (std::size_t i = 0; i < items.size(); ++i) prompts.push_back(survey.prompt_for(items, i));
    return prompts;
}

const Prompt& prompt_for(const std::vector<Prompt>& prompts, const std::string& key) {
    for (const auto& prompt : prompts)
        if (prompt.item.key() == key) return prompt;
    FAIL("no prompt " << key);
    return prompts.front();
}

// Every line as the terminal shows it fits the screen: at most rows - 1 lines (the block's
// top stays on screen), none wider than columns - 1 (none wraps by itself).
void check_fits(const std::vector<StyledLine>& lines, ScreenSize size) {
    CHECK(lines.size() <= size.rows - 1);
    for (const auto& line : lines) {
        INFO(plain_text(line));
        CHECK(display_width(plain_text(line)) <= size.columns - 1);
    }
}

std::string screen_text(const std::vector<StyledLine>& lines) {
    std::string text;
    for (const auto& line : lines) text += plain_text(line) + "\n";
    return text;
}

// The screen's words as one run of text, lines joined, so that a phrase wrapped across two
// lines is still found.
std::string flat(const std::string& text) {
    std::string result;
    for (const auto& word : split_words(text)) result += (result.empty() ? "" : " ") + word;
    return result;
}

const Glyphs kGlyphs = Glyphs::for_locale(true);
const std::vector<ScreenSize> kSizes{{80, 24}, {60, 20}, {120, 40}};

}  // namespace

TEST_CASE("screen: an unanswered choice has no highlight, so Enter answers nothing") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "cross-channel");
    PromptScreen screen(prompt, kGlyphs);
    REQUIRE(screen.on_key(kEnter));
    CHECK(screen.on_key(kEnter)->kind == Reply::Kind::keep);  // the engine answers keep with a hint
    CHECK_FALSE(screen.on_key(kDown));
    auto reply = screen.on_key(kEnter);
    REQUIRE(reply);
    CHECK(reply->kind == Reply::Kind::choose);
    CHECK(reply->options == std::vector<std::size_t>{0});
}

TEST_CASE("screen: an answered choice starts on its answer, and Enter keeps it unchanged") {
    Answers answers;
    answers.answers["cross-channel"] = std::string("same-day");
    Prompt prompt = prompt_for(prompts_of(default_rubric(), answers), "cross-channel");
    PromptScreen screen(prompt, kGlyphs);
    CHECK_THAT(screen_text(screen.render({80, 24})), Catch::Contains("› 3) Some channels reflect it the same day"));
    CHECK(screen.on_key(kEnter)->kind == Reply::Kind::keep);
    PromptScreen moved(prompt, kGlyphs);
    moved.on_key(kUp);
    auto reply = moved.on_key(kEnter);
    CHECK(reply->kind == Reply::Kind::choose);
    CHECK(reply->options == std::vector<std::size_t>{1});
}

TEST_CASE("screen: typed text goes to the engine as a line, commands as commands") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "digital-relationships");
    PromptScreen screen(prompt, kGlyphs);
    for (const char* key : {"4", "0", " ", "%"}) CHECK_FALSE(screen.on_key(character(key)));
    CHECK_THAT(screen_text(screen.render({80, 24})), Catch::Contains("> 40 %"));
    auto reply = screen.on_key(kEnter);
    CHECK(reply->kind == Reply::Kind::line);
    CHECK(reply->line == "40 %");
    screen.on_key(character("q"));
    CHECK(screen.on_key(kEnter)->kind == Reply::Kind::quit);
    screen.on_key(character("x"));
    screen.on_key(Key::of(Key::Code::escape));  // Esc clears what was typed, and swallows nothing
    CHECK(screen.on_key(kEnter)->kind == Reply::Kind::keep);
}

TEST_CASE("screen: in a multi-select typed numbers add to the ticks, as people type them") {
    Answers answers;
    answers.answers["data-governance"] = std::vector<std::string>{"quality-rules"};
    Prompt prompt = prompt_for(prompts_of(default_rubric(), answers), "data-governance");
    PromptScreen screen(prompt, kGlyphs);
    screen.on_key(character("1"));
    auto reply = screen.on_key(kEnter);
    REQUIRE(reply->kind == Reply::Kind::choose);
    CHECK(reply->options == std::vector<std::size_t>{0, 1});
    PromptScreen none(prompt, kGlyphs);
    none.on_key(character("0"));  // none of these
    CHECK_THAT(screen_text(none.render({80, 24})), Catch::Contains("0) [x] None of these"));
    reply = none.on_key(kEnter);
    CHECK(reply->kind == Reply::Kind::choose);
    CHECK(reply->options.empty());
    PromptScreen unchanged(prompt, kGlyphs);
    CHECK(unchanged.on_key(kEnter)->kind == Reply::Kind::keep);
    // "1, 3, 4" typed: every number ticked on screen as it is typed, and all of them sent.
    PromptScreen listed(prompt, kGlyphs);
    for (const char* key : {"1", ",", " ", "3", ",", " ", "4"}) listed.on_key(character(key));
    std::string text = screen_text(listed.render({80, 24}));
    CHECK_THAT(text, Catch::Contains("1) [x]") && Catch::Contains("3) [x]") && Catch::Contains("4) [x]"));
    reply = listed.on_key(kEnter);
    REQUIRE(reply->kind == Reply::Kind::choose);
    CHECK(reply->options == std::vector<std::size_t>{0, 1, 2, 3});
    // Typing the whole list again keeps what is ticked.
    PromptScreen again(prompt, kGlyphs);
    for (const char* key : {"2", " ", "3"}) again.on_key(character(key));
    CHECK(again.on_key(kEnter)->options == std::vector<std::size_t>{1, 2});
}

TEST_CASE("screen: a refused line comes back typed, and the first character typed replaces it") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "idea-to-launch");
    PromptScreen replaced(prompt, kGlyphs);
    replaced.set_typed("8-10 weeks");
    replaced.on_key(character("9"));
    CHECK(replaced.on_key(kEnter)->line == "9");
    PromptScreen mended(prompt, kGlyphs);
    mended.set_typed("8-10 weeks");
    for (int i = 0; i < 6; ++i) mended.on_key(Key::of(Key::Code::backspace));  // " weeks"
    mended.on_key(character("1"));
    CHECK(mended.on_key(kEnter)->line == "8-101");
    PromptScreen cleared(prompt, kGlyphs);
    cleared.set_typed("8-10 weeks");
    cleared.on_key(Key::of(Key::Code::clear_line));  // Ctrl-U
    CHECK(cleared.on_key(kEnter)->kind == Reply::Kind::keep);
}

TEST_CASE("screen: the help opens over the screen and any key closes it, doing nothing else") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "journey");
    GridScreen grid(prompt, kGlyphs);
    grid.open_help(prompt.help);
    for (auto size : kSizes) {
        auto lines = grid.view(size);
        check_fits(lines, size);
        CHECK_THAT(screen_text(lines), Catch::Contains("Help") && Catch::Contains("Any key goes back"));
    }
    CHECK_FALSE(grid.press(character("n")));  // closes the help; no cell is set
    CHECK(grid.cursor() == std::pair<std::size_t, std::size_t>{0, 0});
    CHECK_THAT(screen_text(grid.view({80, 24})), Catch::Contains("Step 1 of 2"));
    CHECK(grid.press(character("n"))->kind == Reply::Kind::set_cells);
}

TEST_CASE("screen: the review scrolls with PgDn and Enter alone still finishes") {
    std::vector<ReviewEntry> entries;
    for (int i = 0; i < 30; ++i) entries.push_back({"Know me", "Question " + std::to_string(i + 1), "Yes", true, false});
    ReviewScreen review(entries, kGlyphs);
    review.render({80, 24});
    review.on_key(Key::of(Key::Code::page_down));
    CHECK_THAT(flat(screen_text(review.render({80, 24}))), Catch::Contains("Enter alone finishes"));
    CHECK(review.on_key(kEnter)->kind == Reply::Kind::keep);
    review.on_key(kDown);
    CHECK_THAT(flat(screen_text(review.render({80, 24}))), Catch::Contains("Enter opens entry"));
    CHECK(review.on_key(kEnter)->kind == Reply::Kind::choose);
}

TEST_CASE("screen: an empty multi-select sends nothing to save on Enter") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "data-governance");
    PromptScreen screen(prompt, kGlyphs);
    CHECK(screen.on_key(kEnter)->kind == Reply::Kind::keep);  // the engine hints; nothing is saved
    screen.on_key(character(" "));  // Space without a highlight ticks nothing
    CHECK(screen.on_key(kEnter)->kind == Reply::Kind::keep);
}

TEST_CASE("screen: every prompt of the built-in rubric fits 80x24, 60x20 and 120x40") {
    for (const auto& prompt : prompts_of(default_rubric())) {
        INFO(prompt.item.key());
        for (auto size : kSizes) {
            INFO(size.columns << "x" << size.rows);
            if (prompt.item.kind == SurveyItem::Kind::grid) {
                GridScreen grid(prompt, kGlyphs);
                check_fits(grid.render(size), size);
                grid.on_key(kEnter);  // the rating step's lines too
                check_fits(grid.render(size), size);
            } else {
                PromptScreen screen(prompt, kGlyphs);
                screen.set_hint("Type a number from 1 to 6 and Enter (b back, ? help, s skip, q save and quit).");
                check_fits(screen.render(size), size);
            }
        }
    }
}

TEST_CASE("screen: the grid marks the cells that do not count, then rates the rest in column order") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "journey");
    GridScreen grid(prompt, kGlyphs);
    CHECK(grid.phase() == GridScreen::Phase::mark);
    CHECK_THAT(screen_text(grid.render({80, 24})), Catch::Contains("Step 1 of 2: which cells count?"));
    auto reply = grid.on_key(character("y"));  // Website counts: nothing to save, the cursor moves on
    CHECK_FALSE(reply);
    reply = grid.on_key(character("n"));
    REQUIRE(reply);
    CHECK(reply->kind == Reply::Kind::set_cells);
    CHECK(reply->cells.at(0).column == 1);
    CHECK(reply->cells.at(0).value.state == GridCell::State::not_applicable);
    CHECK(grid.cursor() == std::pair<std::size_t, std::size_t>{0, 2});
    CHECK_FALSE(grid.on_key(kEnter));  // on to rating, at the first cell to rate
    CHECK(grid.phase() == GridScreen::Phase::rate);
    CHECK(grid.cursor() == std::pair<std::size_t, std::size_t>{0, 0});
    // "2 n 3" typed as keys rates the step's cells as the same line would in plain mode.
    std::vector<Reply::CellChange> changes;
    for (const char* key : {"2", " ", "n", " ", "3"})
        if (auto set = grid.on_key(character(key))) changes.push_back(set->cells.at(0));
    REQUIRE(changes.size() == 2);  // the n/a cell was n/a already
    CHECK(changes[0].column == 0);
    CHECK(changes[0].value == GridCell{GridCell::State::rated, 1});
    CHECK(changes[1].column == 2);
    CHECK(changes[1].value == GridCell{GridCell::State::rated, 2});
}

TEST_CASE("screen: leaving a grid with cells unrated takes a second Enter") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "journey");
    GridScreen grid(prompt, kGlyphs);
    // An Enter on step 1 with no cell marked n asks first: a second Enter from the screen
    // before must not pass step 1 unseen.
    CHECK_FALSE(grid.on_key(kEnter));
    CHECK(grid.phase() == GridScreen::Phase::mark);
    CHECK_THAT(screen_text(grid.render({80, 24})), Catch::Contains("No cell is marked n"));
    CHECK_FALSE(grid.on_key(kEnter));
    CHECK(grid.phase() == GridScreen::Phase::rate);
    CHECK_FALSE(grid.on_key(kEnter));
    CHECK_THAT(screen_text(grid.render({80, 24})), Catch::Contains("36 cells are not rated yet"));
    CHECK(grid.on_key(kEnter)->kind == Reply::Kind::keep);
}

TEST_CASE("screen: a grid with many steps and channels scrolls to keep the cursor in view") {
    Answers answers;
    for (int i = 0; i < 20; ++i) {
        answers.custom["journey"].rows.push_back({"step-" + std::to_string(i), "Step " + std::to_string(i)});
        answers.custom["journey"].columns.push_back({"channel-" + std::to_string(i), "Channel " + std::to_string(i)});
    }
    Prompt prompt = prompt_for(prompts_of(default_rubric(), answers), "journey");
    GridScreen grid(prompt, kGlyphs);
    for (int i = 0; i < 26 * 26 - 1; ++i) grid.on_key(Key::of(Key::Code::right));
    CHECK(grid.cursor() == std::pair<std::size_t, std::size_t>{25, 25});
    for (auto size : kSizes) {
        auto lines = grid.render(size);
        check_fits(lines, size);
        CHECK_THAT(screen_text(lines), Catch::Contains("[·]"));  // the cursor's cell is on screen
    }
}

TEST_CASE("screen: the review pages to fit and names what is unanswered") {
    std::vector<ReviewEntry> entries;
    for (int i = 0; i < 30; ++i) entries.push_back({"Know me", "Question " + std::to_string(i + 1), "Yes", i != 7, false});
    ReviewScreen review(entries, kGlyphs);
    for (auto size : kSizes) check_fits(review.render(size), size);
    std::string text = screen_text(review.render({80, 24}));
    CHECK_THAT(text, Catch::Contains("1 unanswered: 8."));
    CHECK_THAT(text, Catch::Contains("(1 to "));
    CHECK(review.on_key(kEnter)->kind == Reply::Kind::keep);
    review.on_key(Key::of(Key::Code::page_down));
    CHECK_THAT(screen_text(review.render({80, 24})), !Catch::Contains("Question 1 "));
    CHECK_THAT(screen_text(review.render({80, 24})), Catch::Contains("Question 30"));
    review.on_key(character("8"));
    auto reply = review.on_key(kEnter);
    CHECK(reply->kind == Reply::Kind::line);
    CHECK(reply->line == "8");
}

TEST_CASE("screen: a refused reply's hint shows until the next key") {
    Prompt prompt = prompt_for(prompts_of(default_rubric()), "contactability");
    PromptScreen screen(prompt, kGlyphs);
    screen.set_hint("Type a number from 1 to 4 and Enter.");
    CHECK_THAT(screen_text(screen.render({80, 24})), Catch::Contains("! Type a number from 1 to 4"));
    screen.on_key(character("2"));
    CHECK_THAT(screen_text(screen.render({80, 24})), !Catch::Contains("! Type a number"));
}

// What the survey writes to a terminal: ASCII when the locale is not UTF-8, lines clipped to the
// width, and the inline block redrawn in place (src/cli/glyphs.cpp, styled_text.cpp).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "glyphs.hpp"
#include "styled_text.hpp"

using namespace pindex::cli;

TEST_CASE("terminal text: the locale decides between UTF-8 and ASCII") {
    ::setenv("LC_ALL", "", 1);
    ::setenv("LC_CTYPE", "", 1);
    ::setenv("LANG", "C", 1);
    CHECK_FALSE(locale_is_utf8());
    ::setenv("LANG", "en_US.UTF-8", 1);
    CHECK(locale_is_utf8());
    ::setenv("LC_ALL", "C", 1);  // LC_ALL wins
    CHECK_FALSE(locale_is_utf8());
    ::setenv("LC_ALL", "C.utf8", 1);
    CHECK(locale_is_utf8());
    ::unsetenv("LC_ALL");
    ::unsetenv("LC_CTYPE");
    ::unsetenv("LANG");
    CHECK_FALSE(locale_is_utf8());
}

TEST_CASE("terminal text: pindex's symbols in ASCII, other characters as '?'") {
    CHECK(ascii_fallback("Know me · 3 → 4 › × … P = n × v²") == "Know me - 3 -> 4 > x ... P = n x v^2");
    CHECK(ascii_fallback("Zürich") == "Z?rich");
    CHECK(ascii_fallback("plain") == "plain");
    StyledLine line{{Style::bold, "Empower me · 1/21 → "}, {Style::plain, "Müller"}};
    CHECK(render_line(line, 80, {false, false}) == "Empower me - 1/21 -> M?ller");
    CHECK(render_line(line, 80, {true, true}) == "\x1b[1mEmpower me · 1/21 → \x1b[0mMüller");
}

TEST_CASE("terminal text: lines are clipped to the width, never wrapped") {
    CHECK(clip_to_width("abcdefgh", 5, "…") == "abcd…");
    CHECK(clip_to_width("ab", 5, "…") == "ab");
    CHECK(clip_to_width("äöüäöü", 4, "...") == "ä...");
    CHECK(render_line(styled("0123456789"), 6, {false, true}) == "01234…");
}

TEST_CASE("terminal text: the block is redrawn in place and settles into the scrollback") {
    InlineBlock block;
    std::vector<StyledLine> three{styled("a"), styled("b"), styled("> ")};
    CHECK(block.draw(three, {80, 24}, {}) == "a\r\nb\r\n> ");  // the first: where the cursor is
    CHECK(block.draw(three, {80, 24}, {}) == "\x1b[2A\r\x1b[Ja\r\nb\r\n> ");  // up to its top, then again
    CHECK(block.settle({styled("done")}, {80, 24}, {}) == "\x1b[2A\r\x1b[Jdone\r\n");
    CHECK(block.draw({styled("> ")}, {80, 24}, {}) == "> ");  // a new block below the scrollback
    // Taller than the screen: the top lines and the input line stay, the middle goes.
    std::vector<StyledLine> tall(30, styled("x"));
    tall.front() = styled("top");
    tall.back() = styled("> ");
    std::string drawn = InlineBlock().draw(tall, {80, 10}, {});
    CHECK(drawn.rfind("top", 0) != std::string::npos);
    CHECK(std::count(drawn.begin(), drawn.end(), '\n') == 8);
}

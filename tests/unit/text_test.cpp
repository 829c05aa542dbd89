#include <catch2/catch.hpp>

#include "pindex/text.hpp"

using namespace pindex;

TEST_CASE("wrap_words breaks at spaces within the width") {
    CHECK(wrap_words("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap_words("  spaced\n\nout  ", 80) == std::vector<std::string>{"spaced out"});
    CHECK(wrap_words("averyveryverylongword x", 5) == std::vector<std::string>{"averyveryverylongword", "x"});
    CHECK(wrap_words("", 10).empty());
}

TEST_CASE("control characters are escaped visibly and UTF-8 is kept") {
    CHECK(escape_control_characters("a\x1b[31mb\tc\x7f") == "a\\x1b[31mb\\x09c\\x7f");
    CHECK(escape_control_characters("Société") == "Société");
    // C1 controls (U+009B is CSI to some terminals), bidi overrides and stray bytes too.
    CHECK(escape_control_characters("a\xC2\x9B" "2Jb\xE2\x80\xAE" "c\xff") == "a\\u009b2Jb\\u202ec\\xff");
}

TEST_CASE("display width counts code points, not bytes") {
    CHECK(display_width("Personnalisée") == 13);
    CHECK(wrap_words("été été été", 7) == std::vector<std::string>{"été été", "été"});
    CHECK(count_words(" a  b\nc ") == 3);
}

TEST_CASE("split_lines and split_words") {
    CHECK(split_lines("a\nb\n") == std::vector<std::string>{"a", "b"});
    CHECK(split_lines("a\n\nb") == std::vector<std::string>{"a", "", "b"});
    CHECK(split_lines("").empty());
    CHECK(split_words(" 1  3\t4 ") == std::vector<std::string>{"1", "3", "4"});
}

TEST_CASE("the first invalid UTF-8 byte is found, and valid multi-byte text passes") {
    CHECK_FALSE(first_invalid_utf8("plain ASCII, é, 中文, ☃, 😀"));
    CHECK(first_invalid_utf8("ab\xff") == 2u);
    CHECK(first_invalid_utf8("a\xc0\xaf") == 1u);       // overlong "/"
    CHECK(first_invalid_utf8("a\xed\xa0\x80") == 1u);   // a surrogate
    CHECK(first_invalid_utf8("abc\xe2\x98") == 3u);     // truncated at the end
}

TEST_CASE("control characters are found, tab, newline and non-ASCII letters are not") {
    CHECK_FALSE(first_control_character("tab\there\r\nSociété 中文"));
    CHECK(first_control_character(std::string("a\0b", 3)) == 1u);
    CHECK(first_control_character("ab\x1b[31m") == 2u);
    CHECK(first_control_character("x\x7f") == 1u);
    CHECK(first_control_character("next\xc2\x85line") == 4u);  // U+0085, a C1 control
    CHECK_FALSE(first_control_character("\xc2\xa0"));            // U+00A0, a no-break space
}

TEST_CASE("shorten cuts to a width with an ellipsis, counting wide characters twice") {
    CHECK(pindex::shorten("Contoso", 10) == "Contoso");
    CHECK(pindex::shorten("Contoso Outdoor", 10) == "Contoso O…");
    CHECK(pindex::display_width(pindex::shorten(std::string(103, 'x'), 80)) == 80);
    CHECK(pindex::shorten("東京ストア株式会社", 8) == "東京ス…");   // 3 wide characters and the ellipsis: 7 columns
    CHECK(pindex::shorten("é", 1) == "é");
}

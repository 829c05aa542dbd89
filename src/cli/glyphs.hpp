#pragma once
// The symbols the survey draws, in UTF-8 or, when the locale does not say UTF-8, in ASCII: a
// terminal under LANG=C shows "->" where it would garble "→".
#include <string>
#include <string_view>

namespace pindex::cli {

struct Glyphs {
    bool utf8 = true;
    std::string_view dot = "·";         // separates words on a line
    std::string_view empty_cell = "·";  // a journey cell with nothing in it yet
    std::string_view arrow = "→";
    std::string_view pointer = "›";
    std::string_view ellipsis = "…";
    std::string_view up_down = "↑↓";
    std::string_view arrows = "←↑↓→";
    std::string_view bar_full = "#";
    std::string_view bar_empty = ".";

    static Glyphs for_locale(bool utf8);
};

// True when the locale names UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set. Read
// from the environment, as a static binary cannot rely on the C library's locale files.
bool locale_is_utf8();

// Text for a terminal whose locale is not UTF-8: the symbols pindex writes spelled in ASCII
// ("→" as "->", "×" as "x"), any other non-ASCII character as '?'.
std::string ascii_fallback(std::string_view text);

// `text` as the terminal can show it: unchanged in UTF-8, else ascii_fallback.
inline std::string for_terminal(std::string_view text, bool utf8) {
    return utf8 ? std::string(text) : ascii_fallback(text);
}

}  // namespace pindex::cli

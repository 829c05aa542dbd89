#pragma once
// Small text helpers shared by the writers. Nothing here knows about terminals.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pindex {

// Number of code points in UTF-8 text: a display width that is right for the Latin, Greek and
// Cyrillic scripts rubrics are written in (wide CJK glyphs count as one).
std::size_t display_width(std::string_view text);

// Splits text at spaces into lines of at most `width` display columns (a longer word gets a
// line of its own). Runs of white space, including newlines, count as one space.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// Text cut to at most `width` columns, with "…" at the end when it was cut: for one line on a
// canvas of fixed size. Characters from U+1000 on (CJK, Hangul, emoji...) count two columns, as
// they are about twice as wide as Latin letters.
std::string shorten(std::string_view text, std::size_t width);

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not one (overlong
// forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
// The offset of the first byte that is not valid UTF-8, or nothing when all of it is.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The offset of the first control character other than tab, line feed and carriage return (C0,
// DEL, or a C1 control U+0080..U+009F), or nothing. Such characters mean nothing in an
// organization, a note or a label, and yaml-cpp 0.7 writes some of them back wrongly ("\x1"
// followed by "b" reads back as ESC), so a file pindex saves could not be read again.
std::optional<std::size_t> first_control_character(std::string_view text);

// Text from an input file made safe to print on one terminal line: control characters
// (newlines, escape sequences, DEL, C1), bidirectional formatting characters and bytes that are
// not UTF-8 become visible "\x1b", "\u202e" escapes (visible_controls in escape.hpp).
std::string escape_control_characters(std::string_view text);

// A plain finite number as YAML's core schema writes one (123, -4.5, 1e3, +2); nothing for NaN,
// infinities or anything else. Answers, rubrics, thresholds and the survey read numbers so.
std::optional<double> parse_number(std::string_view text);

// A word as a POSIX shell reads it back: unchanged when it holds only safe characters, else
// single-quoted. For commands pindex prints for the user to run.
std::string shell_word(std::string_view word);

// Number of words (runs of non-space characters).
std::size_t count_words(std::string_view text);

// The words (runs of non-space characters) of text.
std::vector<std::string> split_words(std::string_view text);

// The lines of text, without their '\n'; a final newline does not start another line.
std::vector<std::string> split_lines(std::string_view text);

// text without the spaces, tabs and line ends around it.
std::string trim(std::string_view text);

// "a, b, c": for messages that list what was expected.
template <typename Strings>
std::string join(const Strings& items, std::string_view separator = ", ") {
    std::string result;
    for (const auto& item : items) {
        if (!result.empty()) result += separator;
        result += item;
    }
    return result;
}

// The ids of items that have an `id` member (options, rows, parts...), joined with ", ".
template <typename Items>
std::string join_ids(const Items& items) {
    std::string result;
    for (const auto& item : items) result += (result.empty() ? "" : ", ") + item.id;
    return result;
}

}  // namespace pindex

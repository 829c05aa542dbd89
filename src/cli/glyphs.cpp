#include "glyphs.hpp"

#include <array>
#include <cstdlib>
#include <utility>

#include "pindex/text.hpp"

namespace pindex::cli {

Glyphs Glyphs::for_locale(bool utf8) {
    if (utf8) return Glyphs{};
    Glyphs ascii;
    ascii.utf8 = false;
    ascii.dot = "-";
    ascii.empty_cell = ".";
    ascii.arrow = "->";
    ascii.pointer = "*";  // ">" is the input line's
    ascii.ellipsis = "...";
    ascii.up_down = "up/down";
    ascii.arrows = "arrows";
    return ascii;
}

bool locale_is_utf8() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        std::string lowered;
        for (const char* c = value; *c; ++c) lowered += static_cast<char>(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        return lowered.find("utf-8") != std::string::npos || lowered.find("utf8") != std::string::npos;
    }
    return false;
}

std::string ascii_fallback(std::string_view text) {
    static const std::array<std::pair<std::string_view, std::string_view>, 17> kSpellings{{
        {"·", "-"}, {"→", "->"}, {"←", "<-"}, {"↑", "^"}, {"↓", "v"}, {"›", ">"}, {"‹", "<"}, {"×", "x"},
        {"…", "..."}, {"–", "-"}, {"—", "-"}, {"²", "^2"}, {"’", "'"}, {"‘", "'"}, {"“", "\""}, {"”", "\""},
        {"≥", ">="},
    }};
    std::string result;
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            result += text[i++];
            continue;
        }
        std::size_t length = utf8_sequence_length(text, i);
        std::string_view character = text.substr(i, length ? length : 1);
        std::string_view spelled = "?";
        for (const auto& [glyph, ascii] : kSpellings)
            if (glyph == character) spelled = ascii;
        result += spelled;
        i += character.size();
    }
    return result;
}

}  // namespace pindex::cli

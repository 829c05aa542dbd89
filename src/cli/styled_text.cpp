#include "styled_text.hpp"

#include <fmt/format.h>

#include "glyphs.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

const char* sgr(Style style) {
    switch (style) {
        case Style::plain: return nullptr;
        case Style::bold: return "1";
        case Style::dim: return "2";
        case Style::accent: return "36";
        case Style::warning: return "33";
        case Style::highlight: return "7";
    }
    return nullptr;
}

}  // namespace

std::string plain_text(const StyledLine& line) {
    std::string text;
    for (const auto& span : line) text += span.text;
    return text;
}

std::string clip_to_width(const std::string& text, std::size_t width, std::string_view ellipsis) {
    if (display_width(text) <= width) return text;
    bool room_for_ellipsis = width >= display_width(ellipsis);
    std::size_t keep = room_for_ellipsis ? width - display_width(ellipsis) : width;
    std::string result;
    for (std::size_t i = 0, columns = 0; i < text.size() && columns < keep; ++columns) {
        std::size_t length = std::max<std::size_t>(utf8_sequence_length(text, i), 1);
        result.append(text, i, length);
        i += length;
    }
    return room_for_ellipsis ? result + std::string(ellipsis) : result;
}

std::vector<StyledLine> wrapped(const std::string& text, std::size_t width, Style style, const std::string& first,
                                const std::string& rest) {
    std::vector<StyledLine> lines;
    std::size_t indent = std::max(display_width(first), display_width(rest));
    std::size_t room = width > indent + 1 ? width - indent : 1;
    for (const auto& paragraph : split_lines(text)) {
        for (auto& line : wrap_words(paragraph, room)) {
            StyledLine styled_line{{Style::plain, lines.empty() ? first : rest}, {style, clip_to_width(line, room, "…")}};
            lines.push_back(std::move(styled_line));
        }
    }
    return lines;
}

std::string render_line(const StyledLine& line, std::size_t width, const Look& look) {
    std::string out;
    std::size_t used = 0;
    for (const auto& span : line) {
        if (used >= width) break;
        std::string text = for_terminal(span.text, look.utf8);
        text = clip_to_width(text, width - used, look.utf8 ? "…" : "...");
        used += display_width(text);
        const char* code = look.color ? sgr(span.style) : nullptr;
        out += code ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    }
    return out;
}

std::string InlineBlock::erase() const {
    if (!drawn_) return "";
    std::string out = lines_above_cursor_ > 0 ? fmt::format("\x1b[{}A", lines_above_cursor_) : "";
    return out + "\r\x1b[J";
}

std::string InlineBlock::draw(std::vector<StyledLine> lines, ScreenSize size, const Look& look) {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::size_t room = size.rows > 1 ? size.rows - 1 : 1;
    if (lines.size() > room) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(room - 1), lines.end() - 1);
    std::string out = erase();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += render_line(lines[i], width, look);
        if (i + 1 < lines.size()) out += "\r\n";
    }
    lines_above_cursor_ = lines.empty() ? 0 : lines.size() - 1;
    drawn_ = true;
    return out;
}

std::string InlineBlock::settle(const std::vector<StyledLine>& lines, ScreenSize size, const Look& look) {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::string out = erase();
    for (const auto& line : lines) out += render_line(line, width, look) + "\r\n";
    lines_above_cursor_ = 0;
    drawn_ = false;
    return out;
}

std::string InlineBlock::reset() {
    lines_above_cursor_ = 0;
    drawn_ = false;
    return "\x1b[H\x1b[2J";
}

}  // namespace pindex::cli

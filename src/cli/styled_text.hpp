#pragma once
// Lines with styles, as the survey's screens render them, and the inline block that shows them:
// the block is redrawn in place below the scrollback (no full-screen takeover, so the
// scrollback keeps a transcript of the answers), and every line is clipped to the width, so
// that no line wraps by itself and a redraw never leaves stray lines behind. Pure: it returns
// the bytes to write.
#include <string>
#include <vector>

#include "terminal.hpp"

namespace pindex::cli {

enum class Style { plain, bold, dim, accent, warning, highlight };

struct Span {
    Style style = Style::plain;
    std::string text;
};

using StyledLine = std::vector<Span>;

inline StyledLine styled(std::string text, Style style = Style::plain) { return {Span{style, std::move(text)}}; }
std::string plain_text(const StyledLine& line);

// `text` cut to at most `width` display columns, ending in `ellipsis` when it was cut.
std::string clip_to_width(const std::string& text, std::size_t width, std::string_view ellipsis);

// Lines of at most `width` columns: each paragraph wrapped at spaces, a word longer than the
// width cut with an ellipsis, the first line after `first`, the others after `rest`.
std::vector<StyledLine> wrapped(const std::string& text, std::size_t width, Style style, const std::string& first = "",
                                const std::string& rest = "");

struct Look {
    bool color = false;
    bool utf8 = true;
};

// The line as bytes for the terminal: ASCII when the locale is not UTF-8, clipped to `width`,
// with SGR codes when colour is on.
std::string render_line(const StyledLine& line, std::size_t width, const Look& look);

class InlineBlock {
public:
    // Replaces the block on screen with `lines`; the cursor ends after the last line. At most
    // size.rows - 1 lines are shown (the last one kept), so the block's top stays on screen.
    std::string draw(std::vector<StyledLine> lines, ScreenSize size, const Look& look);
    // Replaces the block with `lines` that stay in the scrollback; the next draw starts below.
    std::string settle(const std::vector<StyledLine>& lines, ScreenSize size, const Look& look);
    // After a resize or a stop, where the old block went is unknown: clear the screen and
    // start again at its top.
    std::string reset();

private:
    std::string erase() const;
    std::size_t lines_above_cursor_ = 0;
    bool drawn_ = false;
};

}  // namespace pindex::cli

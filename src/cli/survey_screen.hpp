#pragma once
// The terminal survey's screens as pure state machines: each renders its lines for a screen
// size and takes keys one at a time, returning a Reply once the respondent has answered. No
// terminal I/O here, so unit tests drive every screen key by key (tests/unit/survey_screen_test.cpp).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "glyphs.hpp"
#include "keys.hpp"
#include "pindex/survey.hpp"
#include "styled_text.hpp"
#include "terminal.hpp"

namespace pindex::cli {

class SurveyScreen {
public:
    explicit SurveyScreen(const Glyphs& glyphs) : glyphs_(glyphs) {}
    virtual ~SurveyScreen() = default;
    virtual std::vector<StyledLine> render(ScreenSize size) const = 0;
    // The reply this key completes, or nothing while the respondent is still choosing.
    virtual std::optional<Reply> on_key(const Key& key) = 0;
    // A hint from the engine (a reply it refused), shown until the next key.
    void set_hint(std::string hint) { hint_ = std::move(hint); }

    // The question's help, over the screen until a key is pressed (that key does nothing else):
    // printed above the screen instead, a long help would scroll away out of sight.
    void open_help(std::string help) { help_ = std::move(help); }
    // What the terminal shows and does: the help while it is open, else the screen itself.
    std::vector<StyledLine> view(ScreenSize size) const;
    std::optional<Reply> press(const Key& key);

protected:
    // Keys every screen treats alike: Ctrl-C, end of input.
    static std::optional<Reply> common_reply(const Key& key);
    // The progress line and its bar, and the hint as warning lines.
    std::vector<StyledLine> header(const Prompt& prompt, std::size_t width) const;
    void add_hint(std::vector<StyledLine>& lines, std::size_t width) const;

    Glyphs glyphs_;
    std::string hint_;
    std::string help_;
};

}  // namespace pindex::cli

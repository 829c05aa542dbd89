#pragma once
#include "survey_screen.hpp"

namespace pindex::cli {

// A choice, multi-select, number or text prompt (and the own-steps prompt).
class PromptScreen : public SurveyScreen {
public:
    PromptScreen(Prompt prompt, const Glyphs& glyphs);
    std::vector<StyledLine> render(ScreenSize size) const override;
    std::optional<Reply> on_key(const Key& key) override;
    // What the respondent typed before the engine refused it, to be mended (Backspace) or
    // replaced (the first character typed replaces it, as in a selected field).
    void set_typed(std::string typed) {
        typed_ = std::move(typed);
        replace_on_type_ = true;
    }

private:
    std::vector<StyledLine> render_lines(std::size_t width, bool compact) const;
    std::optional<Reply> on_enter();
    void move_highlight(int step);
    void toggle(std::size_t index);
    std::size_t rows() const;  // choices, and "None of these" in a multi-select
    // Multi-select: the ticks with the option numbers typed so far added, or nothing when what
    // is typed is not a list of option numbers; `none` when it says none of these.
    std::optional<std::set<std::size_t>> ticks_with_typed(bool* none = nullptr) const;

    Prompt prompt_;
    std::optional<std::size_t> highlight_;  // none until the respondent moves or had an answer
    std::set<std::size_t> ticks_;           // multi-select
    bool none_ = false;                     // multi-select: "None of these" chosen
    std::string typed_;
    bool replace_on_type_ = false;
};

}  // namespace pindex::cli

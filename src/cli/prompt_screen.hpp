#pragma once
#include "survey_screen.hpp"

namespace pindex::cli {

// A choice, multi-select, number or text prompt (and the own-steps prompt).
class PromptScreen : public SurveyScreen {
public:
    PromptScreen(Prompt prompt, const Glyphs& glyphs);
    std::vector<StyledLine> render(ScreenSize size) const override;
    std::optional<Reply> on_key(const Key& key) override;
    // What the respondent typed before the engine refused it, to be mended rather than retyped.
    void set_typed(std::string typed) { typed_ = std::move(typed); }

private:
    std::vector<StyledLine> render_lines(std::size_t width, bool compact) const;
    std::optional<Reply> on_enter();
    void move_highlight(int step);
    void toggle(std::size_t index);
    std::size_t rows() const;  // choices, and "None of these" in a multi-select

    Prompt prompt_;
    std::optional<std::size_t> highlight_;  // none until the respondent moves or had an answer
    std::set<std::size_t> ticks_;           // multi-select
    bool none_ = false;                     // multi-select: "None of these" chosen
    std::string typed_;
};

}  // namespace pindex::cli

#pragma once
#include "survey_screen.hpp"

namespace pindex::cli {

// The review: every answer on a line, paged to fit the screen, unanswered ones named.
class ReviewScreen : public SurveyScreen {
public:
    ReviewScreen(std::vector<ReviewEntry> entries, const Glyphs& glyphs);
    std::vector<StyledLine> render(ScreenSize size) const override;
    std::optional<Reply> on_key(const Key& key) override;

private:
    std::size_t page_rows(ScreenSize size) const;
    std::vector<StyledLine> footer(std::size_t width) const;

    std::vector<ReviewEntry> entries_;
    std::optional<std::size_t> highlight_;
    std::size_t top_ = 0;  // first entry shown
    mutable std::size_t page_ = 10;  // entries the last render showed, for PgUp and PgDn
    std::string typed_;
};

}  // namespace pindex::cli

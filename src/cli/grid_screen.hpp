#pragma once
#include "survey_screen.hpp"

namespace pindex::cli {

// The journey grid on one screen: first which cells count (n where customers do not use the
// channel at that step), then a level for each cell that counts. Cells are set as keys come
// (each a set_cells reply the engine saves), and the cursor moves on in column order, so typing
// "2 3 n 1 1 4" rates a step's cells as the same line does in plain mode.
class GridScreen : public SurveyScreen {
public:
    enum class Phase { mark, rate };
    GridScreen(const Prompt& prompt, const Glyphs& glyphs);
    // The engine's new state of the cells after a reply; the cursor and the phase stay.
    void update(const Prompt& prompt);
    std::vector<StyledLine> render(ScreenSize size) const override;
    std::optional<Reply> on_key(const Key& key) override;
    Phase phase() const { return phase_; }
    std::pair<std::size_t, std::size_t> cursor() const { return {row_, column_}; }

private:
    std::optional<Reply> set(GridCell value);
    void advance();
    void move(int rows, int columns);
    std::optional<std::pair<std::size_t, std::size_t>> first_unrated() const;
    std::vector<StyledLine> grid_lines(std::size_t width, std::size_t max_rows) const;

    Prompt prompt_;
    Phase phase_ = Phase::mark;
    std::size_t row_ = 0, column_ = 0;
    bool warned_ = false;  // Enter with cells left unrated was warned about once
};

}  // namespace pindex::cli

#include "survey_screen.hpp"

#include <algorithm>

#include "pindex/text.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

std::optional<Reply> SurveyScreen::common_reply(const Key& key) {
    if (key.code == Key::Code::interrupted) return Reply::of(Reply::Kind::interrupted);
    if (key.code == Key::Code::end_of_input) return Reply::of(Reply::Kind::end_of_input);
    return std::nullopt;
}

std::vector<StyledLine> SurveyScreen::header(const Prompt& prompt, std::size_t width) const {
    std::string progress = progress_text(prompt, glyphs_);
    StyledLine line = styled(progress, Style::dim);
    // The bar, where it fits: the share of the questions before this one.
    std::size_t bar = std::min<std::size_t>(20, width / 4);
    if (prompt.question_number > 0 && display_width(progress) + 2 + bar <= width) {
        std::size_t filled = bar * std::size_t(std::max(prompt.question_number - 1, 0)) / std::size_t(prompt.question_total);
        line.push_back({Style::plain, "  "});
        std::string full, empty;
        for (std::size_t i = 0; i < filled; ++i) full += glyphs_.bar_full;
        for (std::size_t i = filled; i < bar; ++i) empty += glyphs_.bar_empty;
        line.push_back({Style::accent, full});
        line.push_back({Style::dim, empty});
    }
    return {StyledLine{}, line};
}

std::vector<StyledLine> SurveyScreen::view(ScreenSize size) const {
    if (help_.empty()) return render(size);
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::vector<StyledLine> lines{{}, styled("Help", Style::bold)};
    for (auto& line : wrapped(help_, width, Style::plain)) lines.push_back(std::move(line));
    std::size_t room = size.rows > 3 ? size.rows - 3 : 1;
    if (lines.size() > room) {
        lines.resize(room);
        lines.back().back().text = clip_to_width(lines.back().back().text + " " + std::string(glyphs_.ellipsis), width,
                                                 glyphs_.ellipsis);
    }
    lines.push_back(styled("Any key goes back to the question.", Style::dim));
    return lines;
}

std::optional<Reply> SurveyScreen::press(const Key& key) {
    if (help_.empty()) return on_key(key);
    if (auto reply = common_reply(key)) return reply;
    if (key.code != Key::Code::resize) help_.clear();
    return std::nullopt;
}

void SurveyScreen::add_hint(std::vector<StyledLine>& lines, std::size_t width) const {
    if (hint_.empty()) return;
    for (auto& line : wrapped(hint_, width, Style::warning, "! ", "  ")) lines.push_back(std::move(line));
}

}  // namespace pindex::cli

#include "survey_ui.hpp"

#include <cmath>

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex::cli {

std::string time_left_words(double seconds) {
    if (seconds < 60) return "under a minute left";
    return fmt::format("about {:.0f} min left", std::ceil(seconds / 60));
}

std::string survey_intro_text(const Rubric& rubric, const SurveyIntro& intro, const std::string& answers_file,
                              bool grid) {
    std::string file = escape_control_characters(answers_file);
    std::string text = fmt::format("pindex survey: the {} self-assessment (rubric {} {}).\n", rubric.name, rubric.id,
                                   rubric.version);
    text += "Answer what is true today, from evidence you could show: the help (?) says what counts.\n";
    double minutes = std::max(1.0, std::ceil(intro.seconds_left / 60));
    if (intro.resumed)
        text += fmt::format("Resuming {}: {} of {} questions still open, about {:.0f} minutes.\n", file,
                            intro.questions_left, intro.question_total, minutes);
    else
        text += fmt::format("{} questions, about {:.0f} minutes. Every answer is saved at once to {}.\n",
                            intro.question_total, minutes, file);
    text += "Type an option's number and Enter. b back, ? help, s skip, q save and quit.\n";
    text += grid ? "The customer journey is one grid: first mark the cells that do not count, then rate the rest.\n"
                 : "The customer journey takes one line per step: a level for each channel, in order, n where "
                   "customers do not use it (2 3 n 1 1 4).\n";
    return text;
}

std::string progress_text(const Prompt& prompt, const Glyphs& glyphs) {
    std::string dot = fmt::format(" {} ", glyphs.dot);
    std::string text = prompt.section;
    if (prompt.question_number > 0)
        text += dot + fmt::format("question {} of {}", prompt.question_number, prompt.question_total);
    if (prompt.item.kind == SurveyItem::Kind::row)
        text += dot + fmt::format("step {} of {}", prompt.grid.first_row + 1, prompt.grid.row_count);
    return text + dot + time_left_words(prompt.seconds_left);
}

std::string cell_symbol(const GridCell& cell, std::string_view unrated) {
    switch (cell.state) {
        case GridCell::State::rated: return std::to_string(cell.level + 1);
        case GridCell::State::not_applicable: return "n";
        case GridCell::State::unrated: return std::string(unrated);
    }
    return "";
}

}  // namespace pindex::cli

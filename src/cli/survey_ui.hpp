#pragma once
// The two faces of `pindex survey`: plain numbered prompts (pipes, screen readers, scripts,
// TERM=dumb), one answer per line, and the terminal, with the journey grid on one screen,
// arrow keys and colour. Both answer the engine with typed replies (survey.hpp).
#include <memory>
#include <string>

#include "glyphs.hpp"
#include "pindex/survey.hpp"

namespace pindex::cli {

std::unique_ptr<SurveyUi> make_plain_ui(const std::string& answers_file, bool utf8);

// Puts the terminal in raw mode until destroyed (and on every signal that ends the process).
std::unique_ptr<SurveyUi> make_terminal_ui(const std::string& answers_file, bool color, bool utf8);

// Text both faces share. The intro: what the survey is, how long what is left takes, the keys.
std::string survey_intro_text(const Rubric& rubric, const SurveyIntro& intro, const std::string& answers_file,
                              bool grid);
// "Know me · question 5 of 21 · about 9 min left"; rows add "step 2 of 6".
std::string progress_text(const Prompt& prompt, const Glyphs& glyphs);
// "about 9 min left", "under a minute left".
std::string time_left_words(double seconds);
// What a cell shows: its level's number, "n" for n/a, or `unrated`.
std::string cell_symbol(const GridCell& cell, std::string_view unrated);

}  // namespace pindex::cli

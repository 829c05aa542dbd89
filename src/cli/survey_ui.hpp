#pragma once
// The two faces of `pindex survey`: plain numbered prompts (pipes, screen readers, tests,
// TERM=dumb) and an inline terminal display with arrow keys and colour. Both return what was
// typed as one line, so the survey engine treats their keys alike.
#include <memory>
#include <string>

#include "pindex/survey.hpp"

namespace pindex::cli {

std::unique_ptr<SurveyUi> make_plain_ui(const std::string& answers_file);

// Puts the terminal in raw mode until destroyed (and on every signal that ends the process).
std::unique_ptr<SurveyUi> make_terminal_ui(const std::string& answers_file, bool color);

// Text both faces share: the intro and the prompt's header line.
std::string survey_intro_text(const Rubric& rubric, double estimated_seconds, const std::string& answers_file);
std::string progress_text(const Prompt& prompt);  // "Know me · 12/38 · about 9 min left"

}  // namespace pindex::cli

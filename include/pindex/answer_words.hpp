#pragma once
// An answer in words, the one way every writer, the moves and the survey say it: an option's
// label, "Owners; Consent", "None selected", "55%", "6 weeks", "36 cells: 5 Extensively, ...".
#include <string>
#include <string_view>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

// A number with its unit: "55%", "6 weeks", "2000000" (no unit). The shortest text that reads
// back as the same number, never an exponent below 1e16.
std::string quantity_words(double value, std::string_view unit);

// A band of a number question: "8 to 12 weeks", "200 experiments or more".
std::string band_words(const Band& band, std::string_view unit);

// A matrix cell: the level's label, or "n/a".
std::string level_words(const Question& matrix, std::string_view level_id);

// Any answer to the question, as the reports show it.
std::string answer_words(const Question& question, const AnswerValue& answer);

}  // namespace pindex

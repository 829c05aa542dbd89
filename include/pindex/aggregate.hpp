#pragma once
// Aggregating the answers of several respondents of one company into one answers file that
// scores like any other, and finding where they disagree most (docs/analysis.md).
//
// pindex convention: each answer is the median by score of what the respondents said (for a
// matrix, cell by cell); with an even number of answers, the lower of the two middle ones, so
// the aggregate never claims more than half the respondents saw. Ties in score keep the rubric's
// order. A matrix cell is n/a when more than half of those who rated it marked it n/a; otherwise
// the median of the levels given. Every aggregated answer is one a respondent gave.
#include <optional>
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

struct Respondent {
    std::string name;  // the answers file's respondent, or the file name
    Answers answers;
};

// One question (or matrix cell) and how far the respondents' scores for it lie apart.
struct Disagreement {
    std::string question;
    std::string part;
    std::optional<Axis> row, column;  // a matrix cell
    double spread = 0;                // highest minus lowest score given, in [0, 1]
    std::vector<std::pair<std::string, std::string>> answers;  // respondent name, answer in words
};

struct Aggregate {
    Answers answers;
    std::vector<Disagreement> disagreements;  // spread > 0, largest first (rubric order among equals)
    std::vector<std::string> warnings;  // what the reader must know: respondents of different organizations
};

// Respondents must answer the same rubric (the loader has checked each against it).
Aggregate aggregate_answers(const Rubric& rubric, const std::vector<Respondent>& respondents);

// The disagreement report: the `shown` largest spreads in text (each with every respondent's
// answer), or all of them as JSON.
std::string write_disagreements_text(const Aggregate& aggregate, std::size_t shown);
std::string write_disagreements_json(const Aggregate& aggregate);

}  // namespace pindex

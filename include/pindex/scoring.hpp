#pragma once
// The arithmetic of the index, exactly as docs/methodology.md states it:
//   choice: the option's score; multi: min(1, sum of chosen scores); number: the score of the
//   band holding the value; matrix: the mean level score over cells not marked n/a (all n/a:
//   not applicable). A question whose `when` does not hold is not applicable.
//   part fraction = weighted mean of applicable question scores; part points = weight x fraction;
//   index = sum of part points, rounded once to one decimal.
// Unanswered applicable questions (and unanswered matrix cells) score 0 and are listed as
// missing; whether that is acceptable is the caller's decision.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

struct QuestionScore {
    std::string id;
    bool applicable = true;
    bool answered = false;  // every needed part of the answer given (every matrix cell)
    double score = 0;       // in [0, 1]; 0 when not applicable
    double weight = 1;
};

struct PartScore {
    std::string id;
    std::string name;
    double weight = 0;      // the most points this part can give
    double fraction = 0;    // in [0, 1]
    double points = 0;      // weight x fraction, unrounded
    bool applicable = true; // false when none of its questions applies (then it scores 0)
    std::vector<QuestionScore> questions;
};

struct Completeness {
    int applicable = 0;  // applicable questions
    int answered = 0;    // of those, fully answered
    // Ids of applicable questions not fully answered; a matrix cell is "question.row.column".
    std::vector<std::string> missing;

    bool complete() const { return missing.empty(); }
    double fraction() const { return applicable == 0 ? 1.0 : double(answered) / applicable; }
};

struct Score {
    double index = 0;  // rounded to one decimal: the reported value, and the one thresholds use
    double unrounded_index = 0;
    std::vector<PartScore> parts;
    Completeness completeness;
};

Score score_answers(const Rubric& rubric, const Answers& answers);

// The score of a choice, multi or number answer, in [0, 1]. (A matrix scores over its cells,
// which needs the answers' own rows and columns: see score_answers.)
double answer_score(const Question& question, const AnswerValue& answer);

// A matrix answer as scoring counts it: the sum of its rated cells' level scores, and the cells
// that count (rated or unanswered; n/a cells do not). None counting: the matrix is not applicable.
struct MatrixTally {
    double sum = 0;
    int counted = 0;

    double score() const { return counted > 0 ? sum / counted : 0; }
};

// `missing`, when given, receives the ids of the unanswered cells ("question.row.column").
MatrixTally tally_matrix(const Question& question, const MatrixAnswer& matrix, const Answers& answers,
                         std::vector<std::string>* missing = nullptr);

// A question's score as if its `when` held: 0 when unanswered; nothing for a matrix whose every
// cell is n/a (it is then not applicable).
std::optional<double> score_if_asked(const Question& question, const Answers& answers);

// A part's fraction: the weighted mean of its applicable questions' scores (0 when none applies).
double part_fraction(const std::vector<QuestionScore>& questions);

// Whether the question is asked and scored given the answers so far (its `when` holds).
bool is_applicable(const Question& question, const Answers& answers);

// "a, b, c and 4 more": the first `shown` missing ids, for one-line messages.
std::string describe_missing(const Completeness& completeness, std::size_t shown = 12);

// "incomplete: 2 of 22 applicable questions are not fully answered; missing: a, b (pass
// --allow-incomplete to ALLOW_EFFECT)": the error every command gives for an incomplete file.
std::string incomplete_words(const Completeness& completeness, std::string_view allow_effect);

// Rounds half away from zero to one decimal, absorbing binary floating-point error (so that
// 48.05 computed as 48.04999999 still rounds to 48.1).
double round_to_tenth(double value);

}  // namespace pindex

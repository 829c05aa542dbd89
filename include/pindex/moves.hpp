#pragma once
// Moves: the single steps that would raise the index, best first. A move raises one answer
// (or one matrix cell) to its next better option, level or band; its gain is the change of the
// unrounded index with that one step applied, including any question the step makes applicable
// or not. Only what the step touches is scored again (its question, the questions whose `when`
// names it, their parts), so finding every move costs about the number of answers times the size
// of a part, and the gains equal a full rescoring's (tests/unit/moves_test.cpp).
#include <optional>
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

struct Move {
    std::string question;
    std::string part;
    std::optional<Axis> row, column;  // matrix: the cell
    AnswerValue from, to;             // as in an answers file; a number moves to its band's min
    std::string from_text, to_text;   // in words: option or level labels, "6 weeks", "1 to 4 weeks"
    std::string advice;               // the rubric's advice for the option, level or band reached
    double gain = 0;                  // index points, unrounded
    // For words rather than ids: the part's name and the question's text as the rubric gives
    // them. Last, so that positional initializers still work.
    std::string part_name, question_text;
};

// Every move that raises the index, in descending order of gain (rubric order among gains equal
// to a billionth of a point).
// Unanswered questions and cells have no move: they are missing, and the report says so.
std::vector<Move> find_moves(const Rubric& rubric, const Answers& answers);

// Answers with the move applied.
Answers apply_move(Answers answers, const Move& move);

}  // namespace pindex

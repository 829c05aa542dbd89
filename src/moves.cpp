#include "pindex/moves.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pindex/answer_words.hpp"
#include "pindex/scoring.hpp"

namespace pindex {

namespace {

// The option (or level) scoring least among those scoring more than `score`: the next better.
const Option* next_better_option(const std::vector<Option>& options, double score) {
    const Option* next = nullptr;
    for (const auto& option : options)
        if (option.score > score && (!next || option.score < next->score)) next = &option;
    return next;
}

const Band* next_better_band(const Question& question, double score) {
    const Band* next = nullptr;
    for (const auto& band : question.bands)
        if (band.score > score && (!next || band.score < next->score)) next = &band;
    return next;
}

// A move on a whole answer (not a matrix cell): its words come from the rubric's labels.
Move move_for(const Part& part, const Question& question, AnswerValue from, AnswerValue to, std::string to_text,
              std::string advice) {
    Move move;
    move.question = question.id;
    move.part = part.id;
    move.part_name = part.name;
    move.question_text = question.text;
    move.from_text = answer_words(question, from);
    move.from = std::move(from);
    move.to = std::move(to);
    move.to_text = std::move(to_text);
    move.advice = std::move(advice);
    return move;
}

void add_choice_move(std::vector<Move>& moves, const Part& part, const Question& question, const std::string& id) {
    const Option* current = question.find_option(id);
    if (const Option* next = next_better_option(question.options, current ? current->score : 0))
        moves.push_back(move_for(part, question, id, next->id, next->label, next->advice));
}

// Each option not yet ticked that would add to a score still below 1 is a move of its own.
void add_multi_moves(std::vector<Move>& moves, const Part& part, const Question& question,
                     const std::vector<std::string>& ids) {
    double score = 0;
    for (const auto& id : ids)
        if (const Option* option = question.find_option(id)) score += option->score;
    if (score >= 1) return;
    for (const auto& option : question.options) {
        if (option.score <= 0 || std::find(ids.begin(), ids.end(), option.id) != ids.end()) continue;
        std::vector<std::string> with = ids;
        with.push_back(option.id);
        moves.push_back(move_for(part, question, ids, with, "add: " + option.label, option.advice));
    }
}

void add_number_move(std::vector<Move>& moves, const Part& part, const Question& question, double value) {
    const Band* current = question.find_band(value);
    if (const Band* next = next_better_band(question, current ? current->score : 0))
        moves.push_back(move_for(part, question, value, next->min, band_words(*next, question.unit), next->advice));
}

void add_matrix_moves(std::vector<Move>& moves, const Part& part, const Question& question, const MatrixAnswer& matrix,
                      const Answers& answers) {
    std::vector<Axis> columns = matrix_columns(question, answers);
    for (const auto& row : matrix_rows(question, answers))
        for (const auto& column : columns) {
            const std::string* level_id = find_cell(matrix, row.id, column.id);
            if (!level_id || *level_id == kNotApplicable) continue;
            const Option* level = question.find_level(*level_id);
            const Option* next = next_better_option(question.levels, level ? level->score : 0);
            if (!next) continue;
            Move move;
            move.question = question.id;
            move.part = part.id;
            move.part_name = part.name;
            move.question_text = question.text;
            move.from = *level_id;
            move.to = next->id;
            move.from_text = level ? level->label : *level_id;
            move.to_text = next->label;
            move.advice = next->advice;
            move.row = row;
            move.column = column;
            moves.push_back(std::move(move));
        }
}

std::vector<Move> candidate_moves(const Rubric& rubric, const Answers& answers) {
    std::vector<Move> moves;
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) {
            const AnswerValue* answer = answers.find(question.id);
            if (!answer || !is_applicable(question, answers)) continue;
            switch (question.type) {
                case QuestionType::choice: add_choice_move(moves, part, question, std::get<std::string>(*answer)); break;
                case QuestionType::multi:
                    add_multi_moves(moves, part, question, std::get<std::vector<std::string>>(*answer));
                    break;
                case QuestionType::number: add_number_move(moves, part, question, std::get<double>(*answer)); break;
                case QuestionType::matrix:
                    add_matrix_moves(moves, part, question, std::get<MatrixAnswer>(*answer), answers);
                    break;
            }
        }
    return moves;
}

}  // namespace

namespace {

// Sets what a move changes (an answer, or a cell of a matrix answer) to `value`: its `to` takes
// the step, its `from` undoes it.
void set_moved_answer(Answers& answers, const Move& move, const AnswerValue& value) {
    if (move.row && move.column)
        std::get<MatrixAnswer>(answers.answers.at(move.question))[move.row->id][move.column->id] =
            std::get<std::string>(value);
    else
        answers.answers[move.question] = value;
}

}  // namespace

Answers apply_move(Answers answers, const Move& move) {
    set_moved_answer(answers, move, move.to);
    return answers;
}

std::vector<Move> find_moves(const Rubric& rubric, const Answers& answers) {
    double base = score_answers(rubric, answers).unrounded_index;
    // One working copy, each move applied and undone in place: copying the answers for every
    // move cost more than scoring them.
    Answers work = answers;
    std::vector<Move> moves;
    for (auto& move : candidate_moves(rubric, answers)) {
        set_moved_answer(work, move, move.to);
        move.gain = score_answers(rubric, work).unrounded_index - base;
        set_moved_answer(work, move, move.from);
        if (move.gain > 1e-9) moves.push_back(std::move(move));  // above rounding noise
    }
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.gain > b.gain; });
    return moves;
}

}  // namespace pindex

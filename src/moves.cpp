#include "pindex/moves.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

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

// What one move changes in the score: its own question's score, whether the questions whose
// `when` names it apply, and the points of the parts those are in. Everything else is kept from
// one scoring of the answers, so a move costs the size of the parts it touches instead of a
// rescoring of every answer (a journey grid of 80 x 80 cells is 6,400 moves).
class GainScorer {
public:
    GainScorer(const Rubric& rubric, const Answers& answers) : rubric_(rubric), score_(score_answers(rubric, answers)) {
        for (std::size_t p = 0; p < rubric.parts.size(); ++p)
            for (std::size_t q = 0; q < rubric.parts[p].questions.size(); ++q) {
                const Question& question = rubric.parts[p].questions[q];
                if (question.when) dependents_[question.when->question].push_back({{p, q}, score_if_asked(question, answers)});
                const AnswerValue* answer = answers.find(question.id);
                if (answer && question.type == QuestionType::matrix)
                    tallies_.emplace(question.id, tally_matrix(question, std::get<MatrixAnswer>(*answer), answers));
                places_.emplace(question.id, Place{p, q});
            }
    }

    // The change of the unrounded index if the move were made.
    double gain(const Move& move) {
        Place at = places_.at(move.question);
        const Question& question = rubric_.parts[at.part].questions[at.question];
        std::vector<std::pair<Place, QuestionScore>> saved{{at, scored(at)}};
        scored(at).score = move.row ? cell_moved_score(question, move) : answer_score(question, move.to);
        if (auto found = dependents_.find(move.question); found != dependents_.end())
            for (const auto& [place, if_asked] : found->second) {
                saved.emplace_back(place, scored(place));
                bool applies = condition_holds(*rubric_.parts[place.part].questions[place.question].when, move.to) &&
                               if_asked.has_value();
                scored(place).applicable = applies;
                scored(place).score = applies ? *if_asked : 0;
            }
        // Summed part by part in rubric order, as score_answers does.
        double index = 0;
        for (std::size_t p = 0; p < score_.parts.size(); ++p) {
            bool touched = std::any_of(saved.begin(), saved.end(), [&](const auto& entry) { return entry.first.part == p; });
            index += touched ? score_.parts[p].weight * part_fraction(score_.parts[p].questions) : score_.parts[p].points;
        }
        for (auto& [place, question_score] : saved) scored(place) = std::move(question_score);
        return index - score_.unrounded_index;
    }

private:
    struct Place {
        std::size_t part, question;
    };
    const Rubric& rubric_;
    Score score_;  // of the answers as they are; changed during gain() and restored
    std::map<std::string, Place, std::less<>> places_;
    // question id -> the questions whose `when` names it, with their scores if they applied
    std::map<std::string, std::vector<std::pair<Place, std::optional<double>>>, std::less<>> dependents_;
    std::map<std::string, MatrixTally, std::less<>> tallies_;  // matrix question id -> its cells as scored

    QuestionScore& scored(Place place) { return score_.parts[place.part].questions[place.question]; }

    // A rated cell raised: the matrix's mean with that one cell's level changed.
    double cell_moved_score(const Question& question, const Move& move) const {
        const MatrixTally& tally = tallies_.at(question.id);
        auto level_score = [&](const AnswerValue& id) {
            const Option* level = question.find_level(std::get<std::string>(id));
            return level ? level->score : 0;
        };
        return (tally.sum - level_score(move.from) + level_score(move.to)) / tally.counted;
    }
};

// Gains within a billionth of a point are ties (what differs below is the order in which a sum
// was added up), broken by rubric order.
long long gain_rank(double gain) { return std::llround(gain * 1e9); }

}  // namespace

Answers apply_move(Answers answers, const Move& move) {
    if (move.row && move.column)
        std::get<MatrixAnswer>(answers.answers.at(move.question))[move.row->id][move.column->id] =
            std::get<std::string>(move.to);
    else
        answers.answers[move.question] = move.to;
    return answers;
}

std::vector<Move> find_moves(const Rubric& rubric, const Answers& answers) {
    GainScorer scorer(rubric, answers);
    std::vector<Move> moves;
    for (auto& move : candidate_moves(rubric, answers)) {
        move.gain = scorer.gain(move);
        if (move.gain > 1e-9) moves.push_back(std::move(move));  // above rounding noise
    }
    std::stable_sort(moves.begin(), moves.end(),
                     [](const Move& a, const Move& b) { return gain_rank(a.gain) > gain_rank(b.gain); });
    return moves;
}

}  // namespace pindex

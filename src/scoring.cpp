#include "pindex/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace pindex {

namespace {

struct QuestionResult {
    bool applicable = true;
    double score = 0;
    std::vector<std::string> missing;  // empty when fully answered
};

double choice_score(const Question& question, const std::string& option_id) {
    const Option* option = question.find_option(option_id);
    return option ? option->score : 0;
}

double multi_score(const Question& question, const std::vector<std::string>& option_ids) {
    double sum = 0;
    for (const auto& id : option_ids) sum += choice_score(question, id);
    return std::min(1.0, sum);
}

double number_score(const Question& question, double value) {
    const Band* band = question.find_band(value);
    return band ? band->score : 0;
}

// Mean over cells not marked n/a; unanswered cells count as 0 and are reported missing.
QuestionResult matrix_result(const Question& question, const MatrixAnswer& matrix, const Answers& answers) {
    std::vector<std::string> missing;
    MatrixTally tally = tally_matrix(question, matrix, answers, &missing);
    QuestionResult result;
    result.applicable = tally.counted > 0;
    result.score = tally.score();
    std::size_t cells = matrix_rows(question, answers).size() * matrix_columns(question, answers).size();
    if (result.applicable) result.missing = std::move(missing);
    if (result.missing.size() == cells) result.missing = {question.id};  // nothing answered yet
    return result;
}

QuestionResult question_result(const Question& question, const Answers& answers) {
    if (!is_applicable(question, answers)) return {false, 0, {}};
    const AnswerValue* answer = answers.find(question.id);
    if (!answer) return {true, 0, {question.id}};
    if (question.type == QuestionType::matrix)
        return matrix_result(question, std::get<MatrixAnswer>(*answer), answers);
    return {true, answer_score(question, *answer), {}};
}

}  // namespace

MatrixTally tally_matrix(const Question& question, const MatrixAnswer& matrix, const Answers& answers,
                         std::vector<std::string>* missing) {
    MatrixTally tally;
    std::vector<Axis> rows = matrix_rows(question, answers), columns = matrix_columns(question, answers);
    for (const auto& row : rows)
        for (const auto& column : columns) {
            const std::string* level_id = find_cell(matrix, row.id, column.id);
            if (!level_id) {
                if (missing) missing->push_back(question.id + "." + row.id + "." + column.id);
                ++tally.counted;
                continue;
            }
            if (*level_id == kNotApplicable) continue;
            const Option* level = question.find_level(*level_id);
            tally.sum += level ? level->score : 0;
            ++tally.counted;
        }
    return tally;
}

std::optional<double> score_if_asked(const Question& question, const Answers& answers) {
    const AnswerValue* answer = answers.find(question.id);
    if (!answer) return 0.0;
    if (question.type != QuestionType::matrix) return answer_score(question, *answer);
    MatrixTally tally = tally_matrix(question, std::get<MatrixAnswer>(*answer), answers);
    if (tally.counted == 0) return std::nullopt;
    return tally.score();
}

double part_fraction(const std::vector<QuestionScore>& questions) {
    double weighted_sum = 0;
    double applicable_weight = 0;
    for (const auto& question : questions) {
        if (!question.applicable) continue;
        weighted_sum += question.weight * question.score;
        applicable_weight += question.weight;
    }
    return applicable_weight > 0 ? weighted_sum / applicable_weight : 0;
}

double answer_score(const Question& question, const AnswerValue& answer) {
    switch (question.type) {
        case QuestionType::choice: return choice_score(question, std::get<std::string>(answer));
        case QuestionType::multi: return multi_score(question, std::get<std::vector<std::string>>(answer));
        case QuestionType::number: return number_score(question, std::get<double>(answer));
        case QuestionType::matrix: break;
    }
    return 0;
}

bool is_applicable(const Question& question, const Answers& answers) {
    if (!question.when) return true;
    const AnswerValue* answer = answers.find(question.when->question);
    return answer && condition_holds(*question.when, *answer);
}

std::string incomplete_words(const Completeness& completeness, std::string_view allow_effect) {
    return fmt::format("incomplete: {} of {} applicable questions are not fully answered; missing: {} (pass "
                       "--allow-incomplete to {})",
                       completeness.applicable - completeness.answered, completeness.applicable,
                       describe_missing(completeness), allow_effect);
}

std::string describe_missing(const Completeness& completeness, std::size_t shown) {
    std::string ids;
    for (std::size_t i = 0; i < completeness.missing.size() && i < shown; ++i)
        ids += (i ? ", " : "") + completeness.missing[i];
    if (completeness.missing.size() > shown)
        ids += " and " + std::to_string(completeness.missing.size() - shown) + " more";
    return ids;
}

double round_to_tenth(double value) {
    // Scores are sums of a few products of decimals; 1e-9 is far above their accumulated
    // binary error and far below the 0.05 that separates two roundings.
    double scaled = value * 10.0;
    return std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9)) / 10.0;
}

Score score_answers(const Rubric& rubric, const Answers& answers) {
    Score score;
    for (const auto& part : rubric.parts) {
        PartScore part_score{part.id, part.name, part.weight, 0, 0, false, {}};
        for (const auto& question : part.questions) {
            QuestionResult result = question_result(question, answers);
            part_score.questions.push_back(
                {question.id, result.applicable, result.applicable && result.missing.empty(),
                 result.score, question.weight});
            if (!result.applicable) continue;
            part_score.applicable = true;
            ++score.completeness.applicable;
            if (result.missing.empty()) ++score.completeness.answered;
            for (auto& id : result.missing) score.completeness.missing.push_back(std::move(id));
        }
        part_score.fraction = part_fraction(part_score.questions);
        part_score.points = part.weight * part_score.fraction;
        score.unrounded_index += part_score.points;
        score.parts.push_back(std::move(part_score));
    }
    score.index = round_to_tenth(score.unrounded_index);
    return score;
}

}  // namespace pindex

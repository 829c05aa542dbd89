#include "pindex/survey_time.hpp"

#include "pindex/text.hpp"

namespace pindex {

namespace {

template <typename Labelled>
std::size_t words_in(const std::vector<Labelled>& items) {
    std::size_t words = 0;
    for (const auto& item : items) words += count_words(item.label);
    return words;
}

double reading_seconds(std::size_t words, const SurveyTimeModel& model) {
    return double(words) * 60.0 / model.words_per_minute;
}

}  // namespace

double estimate_matrix_seconds(const Question& matrix, std::size_t cells, const SurveyTimeModel& model) {
    // The question, levels, steps and channels are read once: the grid shows them together.
    std::size_t words = count_words(matrix.text) + words_in(matrix.levels) + words_in(matrix.columns) +
                        words_in(matrix.rows);
    return reading_seconds(words, model) + model.seconds_per_journey_cell * double(cells);
}

double estimate_question_seconds(const Question& question, const SurveyTimeModel& model) {
    switch (question.type) {
        case QuestionType::choice:
            return reading_seconds(count_words(question.text) + words_in(question.options), model) +
                   model.seconds_per_choice;
        case QuestionType::multi:
            return reading_seconds(count_words(question.text) + words_in(question.options), model) +
                   model.seconds_per_multi;
        case QuestionType::number:
            return reading_seconds(count_words(question.text) + count_words(question.unit), model) +
                   model.seconds_per_number;
        case QuestionType::matrix:
            return estimate_matrix_seconds(question, question.rows.size() * question.columns.size(), model);
    }
    return 0;
}

SurveyTimeEstimate estimate_survey_time(const Rubric& rubric, const SurveyTimeModel& model) {
    SurveyTimeEstimate estimate;
    // Organization and respondent are typed; an extensible matrix offers its own-steps prompt.
    estimate.around_seconds = model.intro_seconds + 2 * model.seconds_per_text + model.closing_seconds;
    if (rubric.advantage) estimate.around_seconds += model.seconds_per_number;
    estimate.seconds = estimate.around_seconds;
    for (const auto& part : rubric.parts) {
        PartTime part_time{part.id, 0};
        for (const auto& question : part.questions) {
            part_time.seconds += estimate_question_seconds(question, model);
            if (question.custom_rows || question.custom_columns) part_time.seconds += model.seconds_per_text;
        }
        estimate.seconds += part_time.seconds;
        estimate.parts.push_back(part_time);
    }
    return estimate;
}

}  // namespace pindex

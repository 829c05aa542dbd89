#include "pindex/survey_time.hpp"

#include "pindex/text.hpp"

namespace pindex {

namespace {
std::size_t words_in(const std::vector<Option>& options) {
    std::size_t words = 0;
    for (const auto& option : options) words += count_words(option.label);
    return words;
}
std::size_t words_in(const std::vector<Axis>& axes) {
    std::size_t words = 0;
    for (const auto& axis : axes) words += count_words(axis.label);
    return words;
}
}  // namespace

double estimate_question_seconds(const Question& question, const SurveyTimeModel& model) {
    std::size_t words = count_words(question.text);
    double deciding = 0;
    switch (question.type) {
        case QuestionType::choice:
            words += words_in(question.options);
            deciding = model.seconds_per_choice;
            break;
        case QuestionType::multi:
            words += words_in(question.options);
            deciding = model.seconds_per_multi;
            break;
        case QuestionType::number:
            words += count_words(question.unit);
            deciding = model.seconds_per_number;
            break;
        case QuestionType::matrix:
            // Levels and channels are read once; each journey step is read with its row.
            words += words_in(question.levels) + words_in(question.columns) + words_in(question.rows);
            deciding = model.seconds_per_matrix_cell * double(question.rows.size() * question.columns.size());
            break;
    }
    return double(words) * 60.0 / model.words_per_minute + deciding;
}

SurveyTimeEstimate estimate_survey_time(const Rubric& rubric, const SurveyTimeModel& model) {
    SurveyTimeEstimate estimate;
    estimate.seconds = model.fixed_seconds;
    for (const auto& part : rubric.parts) {
        PartTime part_time{part.id, 0};
        for (const auto& question : part.questions) part_time.seconds += estimate_question_seconds(question, model);
        estimate.seconds += part_time.seconds;
        estimate.parts.push_back(part_time);
    }
    return estimate;
}

}  // namespace pindex

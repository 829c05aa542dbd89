#include "pindex/answer_words.hpp"

#include <map>

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex {

namespace {

std::string option_label(const Question& question, const std::string& option_id) {
    const Option* option = question.find_option(option_id);
    return option ? option->label : option_id;
}

// "36 cells: 4 Fully 1:1, 10 Extensively, 12 Moderately, 10 Not at all, 2 n/a", best level first.
std::string matrix_words(const Question& question, const MatrixAnswer& matrix) {
    std::map<std::string, int> counts;
    int cells = 0;
    for (const auto& [row, columns] : matrix)
        for (const auto& [column, level] : columns) {
            ++counts[level];
            ++cells;
        }
    std::vector<std::string> parts;
    for (auto level = question.levels.rbegin(); level != question.levels.rend(); ++level)
        if (counts.count(level->id)) parts.push_back(fmt::format("{} {}", counts[level->id], level->label));
    if (counts.count(std::string(kNotApplicable)))
        parts.push_back(fmt::format("{} {}", counts[std::string(kNotApplicable)], kNotApplicable));
    return fmt::format("{} cells: {}", cells, join(parts));
}

std::string unit_suffix(std::string_view unit) {
    if (unit.empty()) return "";
    return unit == "%" ? "%" : " " + std::string(unit);
}

}  // namespace

std::string quantity_words(double value, std::string_view unit) {
    return fmt::format("{}{}", value, unit_suffix(unit));
}

std::string band_words(const Band& band, std::string_view unit) {
    if (!band.max) return fmt::format("{}{} or more", band.min, unit_suffix(unit));
    return fmt::format("{} to {}{}", band.min, *band.max, unit_suffix(unit));
}

std::string level_words(const Question& matrix, std::string_view level_id) {
    const Option* level = matrix.find_level(level_id);
    return level ? level->label : std::string(kNotApplicable);
}

std::string answer_words(const Question& question, const AnswerValue& answer) {
    switch (question.type) {
        case QuestionType::choice: return option_label(question, std::get<std::string>(answer));
        case QuestionType::multi: {
            std::vector<std::string> labels;
            for (const auto& id : std::get<std::vector<std::string>>(answer)) labels.push_back(option_label(question, id));
            return labels.empty() ? "None selected" : join(labels, "; ");
        }
        case QuestionType::number: return quantity_words(std::get<double>(answer), question.unit);
        case QuestionType::matrix: return matrix_words(question, std::get<MatrixAnswer>(answer));
    }
    return "";
}

}  // namespace pindex

#include "pindex/aggregate.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pindex/answer_words.hpp"
#include "pindex/escape.hpp"
#include "pindex/scoring.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

// One respondent's answer to one question (or cell), with its score for ordering.
struct Vote {
    const Respondent* respondent;
    AnswerValue answer;
    double score = 0;
    std::string words;
};

// The lower median by score; stable, so equal scores keep the respondents' order.
const Vote& lower_median(std::vector<Vote>& votes) {
    std::stable_sort(votes.begin(), votes.end(), [](const Vote& a, const Vote& b) { return a.score < b.score; });
    return votes[(votes.size() - 1) / 2];
}

Disagreement disagreement(const Part& part, const Question& question, const std::vector<Vote>& votes) {
    auto [low, high] = std::minmax_element(votes.begin(), votes.end(),
                                           [](const Vote& a, const Vote& b) { return a.score < b.score; });
    Disagreement result{question.id, part.id, {}, {}, high->score - low->score, {}};
    for (const auto& vote : votes) result.answers.emplace_back(vote.respondent->name, vote.words);
    return result;
}

std::vector<Axis> union_axes(const std::vector<Respondent>& respondents, const std::string& question_id,
                             std::vector<Axis> CustomAxes::*axes) {
    std::vector<Axis> all;
    for (const auto& respondent : respondents)
        if (auto custom = respondent.answers.custom.find(question_id); custom != respondent.answers.custom.end())
            for (const auto& axis : (custom->second).*axes)
                if (std::none_of(all.begin(), all.end(), [&](const Axis& a) { return a.id == axis.id; }))
                    all.push_back(axis);
    return all;
}

class Aggregator {
public:
    Aggregator(const Rubric& rubric, const std::vector<Respondent>& respondents)
        : rubric_(rubric), respondents_(respondents) {}

    Aggregate run() {
        result_.answers = metadata();
        if (std::string warning = mixed_organizations(); !warning.empty()) result_.warnings.push_back(warning);
        for (const auto& part : rubric_.parts)
            for (const auto& question : part.questions) {
                // Conditions name earlier questions, already aggregated: ask the aggregate.
                if (!is_applicable(question, result_.answers)) continue;
                if (question.type == QuestionType::matrix) aggregate_matrix(part, question);
                else aggregate_question(part, question);
            }
        std::stable_sort(result_.disagreements.begin(), result_.disagreements.end(),
                         [](const Disagreement& a, const Disagreement& b) { return a.spread > b.spread; });
        return std::move(result_);
    }

private:
    const Rubric& rubric_;
    const std::vector<Respondent>& respondents_;
    Aggregate result_;

    // Aggregating is for respondents of one company; several organizations named is a mistake
    // the aggregate file would hide, since it carries only the first one's name.
    std::string mixed_organizations() const {
        std::vector<std::string> organizations;
        for (const auto& respondent : respondents_) {
            const std::string& organization = respondent.answers.organization;
            if (!organization.empty() &&
                std::find(organizations.begin(), organizations.end(), organization) == organizations.end())
                organizations.push_back(organization);
        }
        if (organizations.size() < 2) return "";
        return fmt::format("the respondents name {} different organizations ({}): aggregating is for respondents of "
                           "one company, and the aggregate carries only the first one's name",
                           organizations.size(), join(organizations, "; "));
    }

    Answers metadata() const {
        Answers answers;
        answers.rubric_id = rubric_.id;
        std::vector<std::string> names;
        for (const auto& respondent : respondents_) {
            if (answers.organization.empty()) answers.organization = respondent.answers.organization;
            answers.date = std::max(answers.date, respondent.answers.date);  // ISO dates: the latest
            names.push_back(respondent.name);
        }
        answers.respondent = fmt::format("median of {} respondents: {}", respondents_.size(), join(names));
        answers.yearly_interactions = median_interactions();
        return answers;
    }

    // The lower median of the counts given, like every other aggregated answer: one a
    // respondent gave. Nothing when nobody gave one.
    std::optional<double> median_interactions() const {
        std::vector<double> counts;
        for (const auto& respondent : respondents_)
            if (respondent.answers.yearly_interactions) counts.push_back(*respondent.answers.yearly_interactions);
        if (counts.empty()) return std::nullopt;
        std::sort(counts.begin(), counts.end());
        return counts[(counts.size() - 1) / 2];
    }

    void aggregate_question(const Part& part, const Question& question) {
        std::vector<Vote> votes;
        for (const auto& respondent : respondents_)
            if (const AnswerValue* answer = respondent.answers.find(question.id);
                answer && is_applicable(question, respondent.answers))
                votes.push_back({&respondent, *answer, answer_score(question, *answer),
                                 answer_words(question, *answer)});
        if (votes.empty()) return;
        if (votes.size() > 1) add_disagreement(disagreement(part, question, votes));
        result_.answers.answers[question.id] = lower_median(votes).answer;
        for (const auto& vote : votes)  // notes are kept, each under its author's name
            if (auto note = vote.respondent->answers.notes.find(question.id); note != vote.respondent->answers.notes.end())
                append_note(question.id, vote.respondent->name + ": " + note->second);
    }

    void aggregate_matrix(const Part& part, const Question& question) {
        CustomAxes custom{union_axes(respondents_, question.id, &CustomAxes::rows),
                          union_axes(respondents_, question.id, &CustomAxes::columns)};
        if (!custom.rows.empty() || !custom.columns.empty()) result_.answers.custom[question.id] = custom;
        MatrixAnswer matrix;
        std::vector<Axis> columns = matrix_columns(question, result_.answers);
        for (const auto& row : matrix_rows(question, result_.answers))
            for (const auto& column : columns)
                if (auto level = aggregate_cell(part, question, row, column)) matrix[row.id][column.id] = *level;
        if (!matrix.empty()) result_.answers.answers[question.id] = std::move(matrix);
    }

    std::optional<std::string> aggregate_cell(const Part& part, const Question& question, const Axis& row,
                                              const Axis& column) {
        std::vector<Vote> rated;
        std::size_t not_applicable = 0;
        for (const auto& respondent : respondents_) {
            const AnswerValue* answer = respondent.answers.find(question.id);
            const std::string* level_id = answer ? find_cell(std::get<MatrixAnswer>(*answer), row.id, column.id) : nullptr;
            if (!level_id) continue;
            if (*level_id == kNotApplicable) {
                ++not_applicable;
                continue;
            }
            const Option* level = question.find_level(*level_id);
            rated.push_back({&respondent, *level_id, level ? level->score : 0, level ? level->label : *level_id});
        }
        if (rated.size() > 1) {
            Disagreement cell = disagreement(part, question, rated);
            cell.row = row;
            cell.column = column;
            add_disagreement(std::move(cell));
        }
        if (not_applicable * 2 > not_applicable + rated.size()) return std::string(kNotApplicable);
        if (rated.empty()) return std::nullopt;
        return std::get<std::string>(lower_median(rated).answer);
    }

    void add_disagreement(Disagreement disagreement) {
        if (disagreement.spread > 0) result_.disagreements.push_back(std::move(disagreement));
    }

    void append_note(const std::string& question_id, const std::string& note) {
        std::string& notes = result_.answers.notes[question_id];
        notes += (notes.empty() ? "" : "\n") + note;
    }
};

}  // namespace

Aggregate aggregate_answers(const Rubric& rubric, const std::vector<Respondent>& respondents) {
    return Aggregator(rubric, respondents).run();
}

namespace {

std::string where_words(const Disagreement& disagreement) {
    if (!disagreement.row || !disagreement.column) return disagreement.question;
    return fmt::format("{}: {} / {}", disagreement.question, disagreement.row->label, disagreement.column->label);
}

}  // namespace

std::string write_disagreements_text(const Aggregate& aggregate, std::size_t shown) {
    const auto& all = aggregate.disagreements;
    if (all.empty()) return "The respondents agree on every answer.\n";
    std::string out = fmt::format("Where the respondents disagree most ({} of {}; spread = highest minus lowest "
                                  "score, 0 to 1):\n", std::min(shown, all.size()), all.size());
    for (std::size_t i = 0; i < all.size() && i < shown; ++i) {
        out += fmt::format("  {:.2f}  {}\n", all[i].spread, escape_control_characters(where_words(all[i])));
        for (const auto& [name, words] : all[i].answers)
            for (const auto& line : wrap_words(escape_control_characters(name + ": " + words), 70))
                out += "          " + line + "\n";
    }
    return visible_controls(out, LineBreaks::keep);
}

std::string write_disagreements_json(const Aggregate& aggregate) {
    using Json = nlohmann::ordered_json;
    Json items = Json::array();
    for (const auto& disagreement : aggregate.disagreements) {
        Json answers = Json::array();
        for (const auto& [name, words] : disagreement.answers)
            answers.push_back(Json{{"respondent", name}, {"answer", words}});
        Json item{{"question", disagreement.question}, {"part", disagreement.part}};
        if (disagreement.row && disagreement.column)
            item["cell"] = Json{{"row", disagreement.row->id}, {"row_label", disagreement.row->label},
                                {"column", disagreement.column->id}, {"column_label", disagreement.column->label}};
        item["spread"] = disagreement.spread;
        item["answers"] = std::move(answers);
        items.push_back(std::move(item));
    }
    Json json{{"schema_version", 1}, {"kind", "disagreements"}, {"warnings", aggregate.warnings},
              {"disagreements", std::move(items)}};
    return escape_json_invisibles(json.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

}  // namespace pindex

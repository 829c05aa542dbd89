#include "pindex/answers.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pindex/limits.hpp"
#include "pindex/report_json.hpp"
#include "pindex/text.hpp"
#include "pindex/yaml_reader.hpp"

namespace pindex {

const AnswerValue* Answers::find(std::string_view question_id) const {
    auto it = answers.find(std::string(question_id));
    return it == answers.end() ? nullptr : &it->second;
}

const std::string* find_cell(const MatrixAnswer& matrix, std::string_view row, std::string_view column) {
    auto cells = matrix.find(std::string(row));
    if (cells == matrix.end()) return nullptr;
    auto cell = cells->second.find(std::string(column));
    return cell == cells->second.end() ? nullptr : &cell->second;
}

namespace {
bool has_axis(const std::vector<Axis>& axes, std::string_view id) {
    return std::any_of(axes.begin(), axes.end(), [&](const Axis& axis) { return axis.id == id; });
}

std::vector<Axis> with_custom(const std::vector<Axis>& from_rubric, const Answers& answers, const std::string& question,
                              std::vector<Axis> CustomAxes::*axes) {
    std::vector<Axis> result = from_rubric;
    if (auto custom = answers.custom.find(question); custom != answers.custom.end())
        result.insert(result.end(), (custom->second.*axes).begin(), (custom->second.*axes).end());
    return result;
}
}  // namespace

std::vector<Axis> matrix_rows(const Question& question, const Answers& answers) {
    return with_custom(question.rows, answers, question.id, &CustomAxes::rows);
}

std::vector<Axis> matrix_columns(const Question& question, const Answers& answers) {
    return with_custom(question.columns, answers, question.id, &CustomAxes::columns);
}

std::string custom_axis_id(std::string_view label, const std::vector<Axis>& taken) {
    std::string base;
    for (char c : label) {
        bool ascii_alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z') base += static_cast<char>(c - 'A' + 'a');
        else if (ascii_alnum) base += c;
        else if (!base.empty() && base.back() != '-') base += '-';
    }
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.size() > 48) base.resize(48);
    if (base.empty()) base = "custom";
    std::string id = base;
    for (int n = 2; has_axis(taken, id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

bool condition_holds(const Condition& condition, const AnswerValue& answer) {
    auto listed = [&](const std::string& id) {
        return std::find(condition.in.begin(), condition.in.end(), id) != condition.in.end();
    };
    if (const auto* option = std::get_if<std::string>(&answer)) return listed(*option);
    if (const auto* options = std::get_if<std::vector<std::string>>(&answer))
        return std::any_of(options->begin(), options->end(), listed);
    return false;
}

namespace {

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return false;
    int month = (text[5] - '0') * 10 + (text[6] - '0');
    int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class AnswersLoader {
public:
    AnswersLoader(const std::string& file, const Rubric& rubric, Diagnostics& diagnostics)
        : yaml_(file, diagnostics), rubric_(rubric) {}

    Answers read(const YAML::Node& root) {
        Answers answers;
        auto top = yaml_.map(root, "the answers file",
                             {"rubric", "rubric_version", "organization", "respondent", "date", "yearly_interactions",
                              "survey", "custom", "answers", "notes"});
        if (!top) return answers;
        read_rubric_id(*top, answers);
        read_rubric_version(*top, answers);
        read_optional_text(*top, "organization", answers.organization);
        read_optional_text(*top, "respondent", answers.respondent);
        read_optional_text(*top, "date", answers.date);
        if (const auto* entry = top->find("date"); entry && !answers.date.empty() && !is_iso_date(answers.date))
            yaml_.error(*entry, fmt::format("'date' is '{}'; expected a date as YYYY-MM-DD", answers.date));
        if (const auto* entry = top->find("yearly_interactions")) read_yearly_interactions(*entry, answers);
        if (const auto* entry = top->find("survey")) read_survey_record(entry->value, answers.survey);
        if (const auto* entry = top->find("custom")) read_custom(entry->value, answers);  // before the answers that use it
        current_ = &answers;
        if (const auto* entry = yaml_.required(*top, "answers", "the answers file"))
            read_answers(entry->value, answers);
        if (const auto* entry = top->find("notes")) read_notes(entry->value, answers);
        check_conditions(answers);
        warn_if_carried_over(*top, answers);
        return answers;
    }

private:
    YamlReader yaml_;
    const Rubric& rubric_;
    const Answers* current_ = nullptr;  // the answers being read, for their custom rows and columns
    const EarlierVersion* answered_for_ = nullptr;  // the earlier rubric version the file answers, if any
    std::map<std::string, SourceLocation> answer_locations_;

    // custom: {question: {rows: [{id, label}], columns: [...]}} for matrices that allow them.
    void read_custom(const YAML::Node& node, Answers& answers) {
        auto map = yaml_.map(node, "'custom'");
        if (!map) return;
        for (const auto& entry : map->entries) {
            const Question* question = question_for(entry, "custom");
            if (!question) continue;
            if (question->type != QuestionType::matrix) {
                yaml_.error(entry.key_node, fmt::format("question '{}' is not a matrix; only a matrix takes custom rows "
                                                        "or columns", question->id));
                continue;
            }
            auto axes = yaml_.map(entry.value, fmt::format("the custom rows and columns of '{}'", question->id),
                                  {"rows", "columns"});
            if (!axes) continue;
            CustomAxes custom;
            for (const auto& list : axes->entries) {
                bool rows = list.key == "rows";
                if (!(rows ? question->custom_rows : question->custom_columns)) {
                    yaml_.error(list.key_node, fmt::format("the rubric does not allow custom {} in question '{}'",
                                                           list.key, question->id));
                    continue;
                }
                read_custom_axes(*question, list, rows ? custom.rows : custom.columns,
                                 rows ? question->rows : question->columns);
            }
            std::size_t before = matrix_cells(answers);
            answers.custom[question->id] = std::move(custom);
            if (std::size_t after = matrix_cells(answers); before <= limits::kMaxMatrixCells && after > limits::kMaxMatrixCells)
                yaml_.error(entry.key_node, fmt::format("with the custom rows and columns of '{}', the matrices have {} "
                                                        "cells; the limit is {} cells in all", question->id, after,
                                                        limits::kMaxMatrixCells));
        }
    }

    std::size_t matrix_cells(const Answers& answers) const {
        std::size_t cells = 0;
        for (const auto& part : rubric_.parts)
            for (const auto& question : part.questions)
                if (question.type == QuestionType::matrix)
                    cells += matrix_rows(question, answers).size() * matrix_columns(question, answers).size();
        return cells;
    }

    void read_custom_axes(const Question& question, const YamlEntry& list, std::vector<Axis>& out,
                          const std::vector<Axis>& from_rubric) {
        bool rows = list.key == "rows";
        auto items = yaml_.list(list.value, fmt::format("custom {} of '{}'", list.key, question.id),
                                rows ? limits::kMaxCustomRows : limits::kMaxCustomColumns,
                                rows ? "custom rows (journey steps) of a matrix" : "custom columns (channels) of a matrix");
        if (!items) return;
        for (const auto& item : *items) {
            std::string what = fmt::format("a custom entry of {} of '{}'", list.key, question.id);
            auto axis_map = yaml_.map(item, what, {"id", "label"});
            if (!axis_map) continue;
            const YamlEntry* id = yaml_.required(*axis_map, "id", what);
            const YamlEntry* label = yaml_.required(*axis_map, "label", what);
            if (!id || !label) continue;
            auto id_text = yaml_.id(id->value, what);
            auto label_text = yaml_.text(label->value, what, limits::kMaxLabelBytes);
            if (!id_text || !label_text) continue;
            if (has_axis(from_rubric, *id_text) || has_axis(out, *id_text)) {
                yaml_.error(id->value, fmt::format("custom id '{}' is already used in {} of '{}'", *id_text, list.key,
                                                   question.id));
                continue;
            }
            out.push_back({*id_text, *label_text});
        }
    }

    void read_rubric_id(const YamlMap& top, Answers& answers) {
        const YamlEntry* entry = yaml_.required(top, "rubric", "the answers file");
        if (!entry) return;
        auto id = yaml_.text(entry->value, "'rubric'");
        if (!id) return;
        answers.rubric_id = *id;
        if (*id != rubric_.id)
            yaml_.error(*entry, fmt::format("these answers are for rubric '{}' but the rubric in use "
                                            "is '{}'; pass the matching rubric with --rubric FILE",
                                            *id, rubric_.id));
    }

    // The version the file was answered for: as it says, or, when it does not say, the earlier
    // version whose questions it answers (a question only that version has, such as 1.0's
    // senior-leader), else this one. Answers to questions changed since are refused in
    // read_answers, each with how to update it.
    void read_rubric_version(const YamlMap& top, Answers& answers) {
        if (const auto* entry = top.find("rubric_version")) {
            auto version = yaml_.text(entry->value, "'rubric_version'");
            if (!version) return;
            answers.rubric_version = *version;
            if (*version == rubric_.version) return;
            answered_for_ = rubric_.find_earlier_version(*version);
            if (!answered_for_)
                yaml_.error(*entry, fmt::format("rubric_version '{}' is not a version of rubric '{}' (it is {}{})",
                                                *version, rubric_.id, rubric_.version, earlier_versions_words()));
            return;
        }
        const YamlEntry* section = top.find("answers");
        if (!section || !section->value.IsMap()) return;
        for (auto earlier = rubric_.earlier_versions.rbegin(); earlier != rubric_.earlier_versions.rend(); ++earlier)
            for (const auto& item : section->value)
                if (item.first.IsScalar() && !rubric_.find_question(item.first.Scalar()) &&
                    earlier->change_of(item.first.Scalar())) {
                    answered_for_ = &*earlier;
                    return;
                }
    }

    std::string earlier_versions_words() const {
        std::vector<std::string> versions;
        for (const auto& earlier : rubric_.earlier_versions) versions.push_back(earlier.version);
        return versions.empty() ? "" : "; earlier: " + join(versions);
    }

    // An answer given for an earlier version to a question whose meaning changed since.
    bool refuse_changed_answer(const YamlEntry& entry) {
        if (!answered_for_) return false;
        const std::string* change = answered_for_->change_of(entry.key);
        if (!change) return false;
        yaml_.error(entry.key_node,
                    fmt::format("'{}' was answered for rubric version {} and its meaning changed in {}: {} Answer it "
                                "again (remove it and run pindex survey on the file), then set rubric_version: \"{}\"",
                                entry.key, answered_for_->version, rubric_.version, *change, rubric_.version));
        return true;
    }

    // A file of an earlier version whose answers all kept their meaning is scored, with a note.
    void warn_if_carried_over(const YamlMap& top, Answers& answers) {
        if (!answered_for_ || yaml_.diagnostics().has_errors()) return;
        const YamlEntry* entry = top.find("rubric_version");
        Diagnostic warning{Severity::warning, entry ? yaml_.where(*entry) : SourceLocation{yaml_.file()},
                           fmt::format("answered for rubric version {}: none of its answers changed meaning in {}, "
                                       "so it is scored under {}; set rubric_version: \"{}\" to record that",
                                       answered_for_->version, rubric_.version, rubric_.version, rubric_.version)};
        answers.warnings.push_back(std::move(warning));
    }

    // Empty counts as not given, like any answer; otherwise a count within the limits, so that
    // the ratios of P neither overflow nor vanish.
    void read_yearly_interactions(const YamlEntry& entry, Answers& answers) {
        if (entry.value.IsNull()) return;
        auto count = yaml_.number(entry.value, "'yearly_interactions'");
        if (count && (*count < limits::kMinYearlyInteractions || *count > limits::kMaxYearlyInteractions))
            yaml_.error(entry, fmt::format("'yearly_interactions' must be a count from {:g} to {:g}, got {}",
                                           limits::kMinYearlyInteractions, limits::kMaxYearlyInteractions, *count));
        else if (count)
            answers.yearly_interactions = *count;
    }

    void read_survey_record(const YAML::Node& node, SurveyRecord& record) {
        auto map = yaml_.map(node, "'survey'", {"started", "finished", "active_seconds"});
        if (!map) return;
        read_optional_text(*map, "started", record.started);
        read_optional_text(*map, "finished", record.finished);
        if (const auto* entry = map->find("active_seconds")) {
            auto seconds = yaml_.number(entry->value, "'active_seconds'");
            if (seconds && *seconds < 0) yaml_.error(*entry, "'active_seconds' must not be negative");
            else if (seconds) record.active_seconds = *seconds;
        }
    }

    void read_optional_text(const YamlMap& top, std::string_view key, std::string& out) {
        const YamlEntry* entry = top.find(key);
        if (!entry || entry->value.IsNull()) return;
        out = yaml_.text(entry->value, fmt::format("'{}'", key)).value_or("");
    }

    const Question* question_for(const YamlEntry& entry, std::string_view section) {
        const Question* question = rubric_.find_question(entry.key);
        if (!question)
            yaml_.error(entry.key_node, fmt::format("unknown question '{}' in '{}' (rubric '{}' has no "
                                                    "such question)", entry.key, section, rubric_.id));
        return question;
    }

    void read_answers(const YAML::Node& node, Answers& answers) {
        if (node.IsNull()) return;  // an empty answers section: nothing answered yet
        auto map = yaml_.map(node, "'answers'");
        if (!map) return;
        for (const auto& entry : map->entries) {
            if (refuse_changed_answer(entry)) continue;
            const Question* question = question_for(entry, "answers");
            if (!question || entry.value.IsNull()) continue;
            if (auto value = read_answer(*question, entry)) {
                answers.answers.emplace(question->id, std::move(*value));
                answer_locations_[question->id] = yaml_.where(entry);
            }
        }
    }

    std::optional<AnswerValue> read_answer(const Question& question, const YamlEntry& entry) {
        switch (question.type) {
            case QuestionType::choice: return read_choice(question, entry.value);
            case QuestionType::multi: return read_multi(question, entry.value);
            case QuestionType::number: return read_number(question, entry.value);
            case QuestionType::matrix: return read_matrix(question, entry.value);
        }
        return std::nullopt;
    }

    std::optional<std::string> read_option_id(const Question& question, const YAML::Node& node) {
        std::string what = fmt::format("an answer to '{}' (one of: {})", question.id,
                                       join_ids(question.options));
        auto id = yaml_.text(node, what);
        if (!id) return std::nullopt;
        if (!question.find_option(*id)) {
            yaml_.error(node, fmt::format("unknown option '{}' for question '{}'; expected one of: {}",
                                          *id, question.id, join_ids(question.options)));
            return std::nullopt;
        }
        return id;
    }

    std::optional<AnswerValue> read_choice(const Question& question, const YAML::Node& node) {
        if (node.IsSequence()) {
            yaml_.error(node, fmt::format("question '{}' takes one option, got a list; expected one "
                                          "of: {}", question.id, join_ids(question.options)));
            return std::nullopt;
        }
        if (auto id = read_option_id(question, node)) return AnswerValue{*id};
        return std::nullopt;
    }

    std::optional<AnswerValue> read_multi(const Question& question, const YAML::Node& node) {
        auto items = yaml_.list(node, fmt::format("the answer to '{}' (a list of options from: {})",
                                                  question.id, join_ids(question.options)));
        if (!items) return std::nullopt;
        std::vector<std::string> chosen;
        bool valid = true;
        for (const auto& item : *items) {
            auto id = read_option_id(question, item);
            if (!id) { valid = false; continue; }
            if (std::find(chosen.begin(), chosen.end(), *id) != chosen.end()) {
                yaml_.error(item, fmt::format("option '{}' is listed twice for question '{}'", *id, question.id));
                valid = false;
                continue;
            }
            chosen.push_back(*id);
        }
        if (!valid) return std::nullopt;
        return AnswerValue{std::move(chosen)};
    }

    std::optional<AnswerValue> read_number(const Question& question, const YAML::Node& node) {
        auto value = yaml_.number(node, fmt::format("the answer to '{}'", question.id));
        if (!value) return std::nullopt;
        if (!question.find_band(*value)) {
            const Band& last = question.bands.back();
            std::string range = last.max ? fmt::format("from {} to {}", question.bands.front().min, *last.max)
                                         : fmt::format("of at least {}", question.bands.front().min);
            yaml_.error(node, fmt::format("{} is outside the values question '{}' accepts: a number {}",
                                          *value, question.id, range));
            return std::nullopt;
        }
        return AnswerValue{*value};
    }

    std::optional<AnswerValue> read_matrix(const Question& question, const YAML::Node& node) {
        auto rows = yaml_.map(node, fmt::format("the answer to '{}' (a map of rows to columns to levels)",
                                                question.id));
        if (!rows) return std::nullopt;
        MatrixAnswer matrix;
        bool valid = true;
        std::vector<Axis> known_rows = matrix_rows(question, *current_);
        for (const auto& row : rows->entries) {
            if (!has_axis(known_rows, row.key)) {
                yaml_.error(row.key_node, fmt::format("unknown row '{}' in question '{}'; expected one of: {}",
                                                      row.key, question.id, join_ids(known_rows)));
                valid = false;
                continue;
            }
            if (row.value.IsNull()) continue;  // a row left empty: all its cells unanswered
            auto cells = yaml_.map(row.value, fmt::format("row '{}' of question '{}' (a map of columns to levels)",
                                                          row.key, question.id));
            if (!cells) { valid = false; continue; }
            std::map<std::string, std::string> row_cells;
            valid = read_matrix_row(question, row.key, *cells, row_cells) && valid;
            if (!row_cells.empty()) matrix[row.key] = std::move(row_cells);
        }
        // A matrix with every cell left empty (as in the template) is unanswered, like `key:`.
        if (!valid || matrix.empty()) return std::nullopt;
        return AnswerValue{std::move(matrix)};
    }

    bool read_matrix_row(const Question& question, const std::string& row, const YamlMap& cells,
                         std::map<std::string, std::string>& out) {
        bool valid = true;
        std::vector<Axis> known_columns = matrix_columns(question, *current_);
        for (const auto& cell : cells.entries) {
            if (!has_axis(known_columns, cell.key)) {
                yaml_.error(cell.key_node, fmt::format("unknown column '{}' in row '{}' of question '{}'; "
                                                       "expected one of: {}", cell.key, row, question.id,
                                                       join_ids(known_columns)));
                valid = false;
                continue;
            }
            if (cell.value.IsNull()) continue;  // unanswered cell
            auto level = yaml_.text(cell.value, fmt::format("cell {}.{} of question '{}'", row, cell.key,
                                                            question.id));
            if (!level) { valid = false; continue; }
            if (*level != kNotApplicable && !question.find_level(*level)) {
                yaml_.error(cell.value, fmt::format("unknown level '{}' in cell {}.{} of question '{}'; "
                                                    "expected one of: {}, n/a", *level, row, cell.key,
                                                    question.id, join_ids(question.levels)));
                valid = false;
                continue;
            }
            out[cell.key] = *level;
        }
        return valid;
    }

    void read_notes(const YAML::Node& node, Answers& answers) {
        if (node.IsNull()) return;
        auto map = yaml_.map(node, "'notes'");
        if (!map) return;
        for (const auto& entry : map->entries) {
            if (!question_for(entry, "notes") || entry.value.IsNull()) continue;
            if (auto text = yaml_.text(entry.value, fmt::format("the note on '{}'", entry.key)))
                answers.notes[entry.key] = *text;
        }
    }

    // An answer whose `when` does not hold is kept but not scored; say so, since the person
    // who wrote it may expect it to count.
    void check_conditions(Answers& answers) {
        for (const auto& part : rubric_.parts)
            for (const auto& question : part.questions) {
                if (!question.when || !answers.find(question.id)) continue;
                const AnswerValue* condition_answer = answers.find(question.when->question);
                if (!condition_answer || condition_holds(*question.when, *condition_answer)) continue;
                answers.warnings.push_back(
                    {Severity::warning, answer_locations_[question.id],
                     fmt::format("the answer to '{}' is ignored: it is asked only when '{}' is one of "
                                 "the options its 'when' lists", question.id, question.when->question)});
            }
    }

};

}  // namespace

Answers load_answers(std::string_view text, const std::string& file, const Rubric& rubric) {
    // A report kept beside the answers (last year's report.json) would otherwise get a dozen
    // errors about keys an answers file does not have.
    if (looks_like_report_json(text))
        throw InputError({file, 1, 1}, "this is a pindex JSON report, not an answers file: score, plan and validate "
                                       "read the answers it was made from; compare and benchmark build read reports");
    YAML::Node root = parse_yaml_document(text, file);
    Diagnostics diagnostics;
    AnswersLoader loader(file, rubric, diagnostics);
    Answers answers = loader.read(root);
    diagnostics.throw_if_errors();
    return answers;
}

bool looks_like_rubric(std::string_view text, const std::string& file) {
    if (looks_like_report_json(text)) return false;  // a report has parts too
    const YAML::Node root = parse_yaml_document(text, file);
    return root.IsMap() && root["parts"] && !root["answers"];
}

}  // namespace pindex

// write_answers_yaml: the answers file the survey saves after every answer.
#include <cmath>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "pindex/answers.hpp"

namespace pindex {

namespace {

void emit_text(YAML::Emitter& out, const char* key, const std::string& value) {
    if (!value.empty()) out << YAML::Key << key << YAML::Value << value;
}

void emit_axes(YAML::Emitter& out, const char* key, const std::vector<Axis>& axes) {
    if (axes.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& axis : axes)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << axis.id << YAML::Key << "label"
            << YAML::Value << axis.label << YAML::EndMap;
    out << YAML::EndSeq;
}

void emit_custom(YAML::Emitter& out, const Answers& answers) {
    bool any = false;
    for (const auto& [id, axes] : answers.custom) any = any || !axes.rows.empty() || !axes.columns.empty();
    if (!any) return;
    out << YAML::Key << "custom" << YAML::Value << YAML::BeginMap;
    for (const auto& [id, axes] : answers.custom) {
        if (axes.rows.empty() && axes.columns.empty()) continue;
        out << YAML::Key << id << YAML::Value << YAML::BeginMap;
        emit_axes(out, "rows", axes.rows);
        emit_axes(out, "columns", axes.columns);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

void emit_answer(YAML::Emitter& out, const Question& question, const AnswerValue& value, const Answers& answers) {
    if (const auto* option = std::get_if<std::string>(&value)) {
        out << *option;
    } else if (const auto* options = std::get_if<std::vector<std::string>>(&value)) {
        out << YAML::Flow << YAML::BeginSeq;
        for (const auto& id : *options) out << id;
        out << YAML::EndSeq;
    } else if (const auto* number = std::get_if<double>(&value)) {
        out << fmt::format("{}", *number);  // the shortest text that reads back exactly
    } else if (const auto* matrix = std::get_if<MatrixAnswer>(&value)) {
        out << YAML::BeginMap;
        std::vector<Axis> columns = matrix_columns(question, answers);
        for (const auto& row : matrix_rows(question, answers)) {  // rubric order, not alphabetical
            auto cells = matrix->find(row.id);
            if (cells == matrix->end()) continue;
            out << YAML::Key << row.id << YAML::Value << YAML::Flow << YAML::BeginMap;
            for (const auto& column : columns)
                if (auto cell = cells->second.find(column.id); cell != cells->second.end())
                    out << YAML::Key << column.id << YAML::Value << cell->second;
            out << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
}

void emit_survey_record(YAML::Emitter& out, const SurveyRecord& record) {
    if (record.empty()) return;
    out << YAML::Key << "survey" << YAML::Value << YAML::BeginMap;
    emit_text(out, "started", record.started);
    emit_text(out, "finished", record.finished);
    // Tenths of a second are plenty for checking a 15-minute estimate.
    out << YAML::Key << "active_seconds" << YAML::Value << fmt::format("{}", std::round(record.active_seconds * 10) / 10);
    out << YAML::EndMap;
}

}  // namespace

std::string write_answers_yaml(const Answers& answers, const Rubric& rubric) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "rubric" << YAML::Value << rubric.id;
    // Written for this rubric, so answered for its version (load_answers refused any answer whose
    // meaning changed since the version the file was read as).
    out << YAML::Key << "rubric_version" << YAML::Value << YAML::DoubleQuoted << rubric.version;
    emit_text(out, "organization", answers.organization);
    emit_text(out, "respondent", answers.respondent);
    emit_text(out, "date", answers.date);
    if (answers.yearly_interactions)
        out << YAML::Key << "yearly_interactions" << YAML::Value << fmt::format("{}", *answers.yearly_interactions);
    emit_survey_record(out, answers.survey);
    emit_custom(out, answers);
    out << YAML::Key << "answers" << YAML::Value << YAML::BeginMap;
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions)
            if (const AnswerValue* value = answers.find(question.id)) {
                out << YAML::Key << question.id << YAML::Value;
                emit_answer(out, question, *value, answers);
            }
    out << YAML::EndMap;
    if (!answers.notes.empty()) {
        out << YAML::Key << "notes" << YAML::Value << YAML::BeginMap;
        for (const auto& [id, note] : answers.notes) out << YAML::Key << id << YAML::Value << note;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace pindex

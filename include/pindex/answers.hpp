#pragma once
// An answers file: which rubric it answers, who answered, and one answer per question id.
// Loading checks every answer against the rubric, so an Answers value is always valid for it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pindex/diagnostic.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

// row id -> column id -> level id, or kNotApplicable. A cell that is absent is unanswered.
using MatrixAnswer = std::map<std::string, std::map<std::string, std::string>>;

// choice: an option id; multi: option ids; number: a value; matrix: cells.
using AnswerValue = std::variant<std::string, std::vector<std::string>, double, MatrixAnswer>;

// What `pindex survey` records about its own runs, so that the 15-minute claim can be checked.
struct SurveyRecord {
    std::string started;   // ISO 8601 UTC, "2026-11-23T09:30:00Z"
    std::string finished;  // empty until the survey is finished
    double active_seconds = 0;  // time spent answering, idle gaps excluded (docs/survey.md)

    bool empty() const { return started.empty() && finished.empty() && active_seconds == 0; }
};

// Journey steps and channels an answers file adds to a matrix whose rubric allows it.
struct CustomAxes {
    std::vector<Axis> rows;
    std::vector<Axis> columns;
};

struct Answers {
    std::string rubric_id;
    // The rubric version the file says it was answered for; empty when it does not say (files
    // written before versions were recorded). load_answers refuses answers whose meaning
    // changed since that version (Rubric::earlier_versions).
    std::string rubric_version;
    std::string organization;
    std::string respondent;
    std::string date;  // YYYY-MM-DD, or empty
    // n of the personalization advantage P = n × v²: the digital customer interactions a year
    // the company can learn from. Optional and not scored; used only for ratios (advantage.hpp).
    std::optional<double> yearly_interactions;
    std::map<std::string, CustomAxes> custom;    // matrix question id -> added rows and columns
    std::map<std::string, AnswerValue> answers;  // question id -> answer
    std::map<std::string, std::string> notes;    // question id -> free text
    SurveyRecord survey;
    std::vector<Diagnostic> warnings;            // found while loading; not errors

    const AnswerValue* find(std::string_view question_id) const;
};

// The level id (or kNotApplicable) of a matrix cell, or nullptr when it is unanswered.
const std::string* find_cell(const MatrixAnswer& matrix, std::string_view row, std::string_view column);

// A matrix's rows and columns: the rubric's, then those the answers add.
std::vector<Axis> matrix_rows(const Question& question, const Answers& answers);
std::vector<Axis> matrix_columns(const Question& question, const Answers& answers);

// An id for a custom row or column named `label` ("Renewal call" -> "renewal-call"), distinct
// from every id in `taken`.
std::string custom_axis_id(std::string_view label, const std::vector<Axis>& taken);

// True when the answer to the condition's question is (or, for multi, includes) a listed option.
bool condition_holds(const Condition& condition, const AnswerValue& answer);

// Writes answers as YAML in rubric order, in the shape load_answers reads back to equal values.
std::string write_answers_yaml(const Answers& answers, const Rubric& rubric);

// Parses answers (YAML or JSON) and checks them against the rubric. Throws InputError listing
// every problem found. An empty answer (`key:` with no value) counts as unanswered.
Answers load_answers(std::string_view text, const std::string& file, const Rubric& rubric);

// True when the text looks like a rubric rather than an answers file (a top-level `parts` and
// no `answers`). Used by `pindex validate` to pick a loader; throws InputError if unparsable.
bool looks_like_rubric(std::string_view text, const std::string& file);

}  // namespace pindex

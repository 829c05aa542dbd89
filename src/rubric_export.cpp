#include "pindex/rubric_export.hpp"

#include <cmath>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "pindex/escape.hpp"
#include "pindex/survey_time.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

using Json = nlohmann::ordered_json;

Json options_json(const std::vector<Option>& options) {
    Json result = Json::array();
    for (const auto& option : options) {
        Json json{{"id", option.id}, {"label", option.label}, {"score", option.score}};
        if (!option.advice.empty()) json["advice"] = option.advice;
        if (option.effort) json["effort"] = *option.effort;
        result.push_back(std::move(json));
    }
    return result;
}

Json axes_json(const std::vector<Axis>& axes) {
    Json result = Json::array();
    for (const auto& axis : axes) result.push_back(Json{{"id", axis.id}, {"label", axis.label}});
    return result;
}

Json bands_json(const std::vector<Band>& bands) {
    Json result = Json::array();
    for (const auto& band : bands) {
        Json json{{"min", band.min}, {"max", band.max ? Json(*band.max) : Json(nullptr)}, {"score", band.score}};
        if (!band.advice.empty()) json["advice"] = band.advice;
        if (band.effort) json["effort"] = *band.effort;
        result.push_back(std::move(json));
    }
    return result;
}

Json question_json(const Question& question) {
    Json json{{"id", question.id},
              {"type", std::string(to_string(question.type))},
              {"weight", question.weight},
              {"text", question.text},
              {"help", question.help}};
    if (question.when) json["when"] = Json{{"question", question.when->question}, {"in", question.when->in}};
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::multi: json["options"] = options_json(question.options); break;
        case QuestionType::number:
            if (!question.unit.empty()) json["unit"] = question.unit;
            json["bands"] = bands_json(question.bands);
            break;
        case QuestionType::matrix:
            json["rows"] = axes_json(question.rows);
            json["columns"] = axes_json(question.columns);
            json["levels"] = options_json(question.levels);
            if (question.custom_rows) json["custom_rows"] = true;
            if (question.custom_columns) json["custom_columns"] = true;
            if (!question.not_applicable.empty()) json["not_applicable"] = question.not_applicable;
            break;
    }
    return json;
}

// Emits JSON as YAML block style. Nulls are left out: in the rubric format an absent key and
// an open-ended band are the same thing. Numbers use the shortest text that reads back exactly.
void emit_yaml(YAML::Emitter& out, const Json& json) {
    switch (json.type()) {
        case Json::value_t::object:
            out << YAML::BeginMap;
            for (const auto& [key, value] : json.items()) {
                if (value.is_null()) continue;
                out << YAML::Key << key << YAML::Value;
                emit_yaml(out, value);
            }
            out << YAML::EndMap;
            break;
        case Json::value_t::array:
            out << YAML::BeginSeq;
            for (const auto& item : json) emit_yaml(out, item);
            out << YAML::EndSeq;
            break;
        case Json::value_t::string: out << YAML::DoubleQuoted << json.get<std::string>(); break;
        case Json::value_t::number_float: out << fmt::format("{}", json.get<double>()); break;
        case Json::value_t::boolean: out << (json.get<bool>() ? "true" : "false"); break;
        default: out << json.dump(); break;
    }
}

}  // namespace

nlohmann::ordered_json rubric_to_json(const Rubric& rubric) {
    Json parts = Json::array();
    for (const auto& part : rubric.parts) {
        Json questions = Json::array();
        for (const auto& question : part.questions) questions.push_back(question_json(question));
        Json json{{"id", part.id}, {"name", part.name}, {"weight", part.weight}, {"description", part.description}};
        if (part.foundation) json["foundation"] = true;
        json["questions"] = std::move(questions);
        parts.push_back(std::move(json));
    }
    Json benchmarks = Json::array();
    for (const auto& benchmark : rubric.benchmarks)
        benchmarks.push_back(Json{{"id", benchmark.id},
                                  {"label", benchmark.label},
                                  {"score", benchmark.score},
                                  {"source", benchmark.source}});
    Json result{{"id", rubric.id},
                {"version", rubric.version},
                {"name", rubric.name},
                {"description", rubric.description}};
    if (!rubric.calibration.empty()) result["calibration"] = rubric.calibration;
    result["conventions"] = rubric.conventions;
    result["benchmarks"] = std::move(benchmarks);
    if (!rubric.earlier_versions.empty()) {
        Json earlier = Json::array();
        for (const auto& version : rubric.earlier_versions) {
            Json changed = Json::object();
            for (const auto& [id, change] : version.changed) changed[id] = change;
            earlier.push_back(Json{{"version", version.version}, {"changed", std::move(changed)}});
        }
        result["earlier_versions"] = std::move(earlier);
    }
    if (const auto& rule = rubric.advantage)
        result["advantage"] = Json{{"speed_question", rule->speed_question},
                                   {"speed_measure", to_string(rule->measure)},
                                   {"reference", rule->reference},
                                   {"reference_label", rule->reference_label}};
    result["parts"] = std::move(parts);
    return result;
}

std::string write_rubric_json(const Rubric& rubric) { return escape_json_invisibles(rubric_to_json(rubric).dump(2)) + "\n"; }

std::string write_rubric_yaml(const Rubric& rubric) {
    YAML::Emitter out;
    emit_yaml(out, rubric_to_json(rubric));
    return std::string(out.c_str()) + "\n";
}

}  // namespace pindex

namespace pindex {

namespace {

// Wraps text to 92 columns; the first line starts with `first`, the others are indented to match.
void wrapped(std::string& out, std::string_view first, std::string_view text) {
    std::string hanging(first.size(), ' ');
    bool is_first = true;
    for (const auto& line : wrap_words(text, 92 - first.size())) {
        out += fmt::format("{}{}\n", is_first ? first : std::string_view(hanging), line);
        is_first = false;
    }
}

std::string score_text(double score) { return fmt::format("{:.2f}", score); }

void write_question_outline(std::string& out, const Question& question) {
    std::string weight = question.weight == 1 ? "" : fmt::format(", weight {:g}", question.weight);
    out += fmt::format("  {} ({}{})\n", question.id, to_string(question.type), weight);
    wrapped(out, "    ", question.text);
    if (question.when) {
        out += fmt::format("    asked when {} is one of: {}\n", question.when->question, join(question.when->in));
    }
    for (const auto& option : question.options)
        wrapped(out, "      ", fmt::format("{} {}: {}", score_text(option.score), option.id, option.label));
    for (std::size_t i = 0; i < question.bands.size(); ++i) {
        const Band& band = question.bands[i];
        bool closed = band.max && i + 1 == question.bands.size();  // the last band holds its max
        std::string upper = band.max ? fmt::format("{:g}", *band.max) : "";
        out += fmt::format("      {} [{:g}, {}{} {}\n", score_text(band.score), band.min, upper,
                           closed ? "]" : ")", question.unit);
    }
    if (question.type == QuestionType::matrix) {
        wrapped(out, "      ", "rows: " + join_ids(question.rows));
        wrapped(out, "      ", "columns: " + join_ids(question.columns));
        for (const auto& level : question.levels)
            out += fmt::format("      {} {}: {}\n", score_text(level.score), level.id, level.label);
        wrapped(out, "      ", "n/a: " + not_applicable_words(question) + " (left out of the mean)");
    }
}

}  // namespace

std::string write_rubric_text(const Rubric& rubric) {
    std::string out = fmt::format("{} (rubric {} {})\n", rubric.name, rubric.id, rubric.version);
    wrapped(out, "", rubric.description);
    if (!rubric.calibration.empty()) wrapped(out, "", rubric.calibration);
    for (const auto& part : rubric.parts) {
        out += fmt::format("\n{} [{}]: {:g} points\n", part.name, part.id, part.weight);
        for (const auto& question : part.questions) write_question_outline(out, question);
    }
    out += "\nBenchmarks:\n";
    for (const auto& benchmark : rubric.benchmarks) {
        out += fmt::format("  {:g}  {} [{}]\n", benchmark.score, benchmark.label, benchmark.id);
        wrapped(out, "      ", benchmark.source);
    }
    if (const auto& rule = rubric.advantage) {
        out += "\nPersonalization advantage (P = n × v², shown only as a ratio):\n";
        wrapped(out, "  ", fmt::format("speed from {} ({}), against a reference of {:g}: {}", rule->speed_question,
                                       to_string(rule->measure), rule->reference, rule->reference_label));
    }
    for (const auto& earlier : rubric.earlier_versions) {
        out += fmt::format("\nChanged since version {} (answers to these must be given again):\n", earlier.version);
        for (const auto& [id, change] : earlier.changed) wrapped(out, "  - ", id + ": " + change);
    }
    if (!rubric.conventions.empty()) out += "\nConventions:\n";
    for (const auto& convention : rubric.conventions) wrapped(out, "  - ", convention);
    auto estimate = estimate_survey_time(rubric);
    out += fmt::format("\nSurvey: {} questions, about {:.0f} minutes (estimate; see docs/survey-time.md)\n",
                       rubric.question_count(), std::ceil(estimate.seconds / 60));
    return visible_controls(out, LineBreaks::keep);
}

}  // namespace pindex

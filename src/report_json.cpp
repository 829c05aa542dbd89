#include "pindex/report_json.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/limits.hpp"
#include "pindex/yaml_reader.hpp"

namespace pindex {

namespace {

using Json = nlohmann::ordered_json;

// Absent text fields are null rather than "", so consumers can tell "not given" apart.
Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json answer_json(const AnswerValue& answer) {
    return std::visit([](const auto& value) { return Json(value); }, answer);
}

Json axes_json(const std::vector<Axis>& axes) {
    Json result = Json::array();
    for (const auto& axis : axes) result.push_back(Json{{"id", axis.id}, {"label", axis.label}});
    return result;
}

Json question_json(const QuestionReport& question) {
    Json result{{"id", question.id},
                {"text", question.text},
                {"type", to_string(question.type)},
                {"weight", question.weight},
                {"applicable", question.applicable},
                {"answered", question.answered},
                {"score", question.score},
                {"points", question.points},
                {"max_points", question.max_points},
                {"answer", question.answer ? answer_json(*question.answer) : Json(nullptr)},
                {"answer_text", text_or_null(question.answer_text)},
                {"note", text_or_null(question.note)}};
    if (question.type == QuestionType::matrix) {
        result["rows"] = axes_json(question.rows);
        result["columns"] = axes_json(question.columns);
        Json levels = Json::array();
        for (const auto& level : question.levels)
            levels.push_back(Json{{"id", level.id}, {"label", level.label}, {"score", level.score}});
        result["levels"] = std::move(levels);
    }
    return result;
}


Json band_json(const IndexBand& band) {
    auto id = [](const Benchmark* benchmark) { return benchmark ? Json(benchmark->id) : Json(nullptr); };
    return Json{{"above", id(band.lower)}, {"below", id(band.upper)}, {"words", band.words}};
}

Json part_json(const PartReport& part) {
    Json questions = Json::array();
    for (const auto& question : part.questions) questions.push_back(question_json(question));
    return Json{{"id", part.id},
                {"name", part.name},
                {"weight", part.weight},
                {"points", part.points},
                {"fraction", part.fraction},
                {"applicable", part.applicable},
                {"questions", std::move(questions)}};
}

Json completeness_json(const Completeness& completeness) {
    return Json{{"complete", completeness.complete()},
                {"answered", completeness.answered},
                {"applicable", completeness.applicable},
                {"fraction", completeness.fraction()},
                {"missing", completeness.missing}};
}

Json thresholds_json(const Report& report) {
    Json results = Json::array();
    for (const auto& result : report.thresholds)
        results.push_back(Json{{"target", result.threshold.target()},
                               {"minimum", result.threshold.minimum},
                               {"actual", result.actual},
                               {"passed", result.passed}});
    return Json{{"passed", report.thresholds_passed()}, {"results", std::move(results)}};
}

Json peers_json(const PeerPosition& peers) {
    Json parts = Json::object();
    for (const auto& [id, percentile] : peers.parts) parts[id] = percentile;
    return Json{{"source", peers.source}, {"count", peers.count}, {"includes_this", peers.includes_this},
                {"percentile", peers.percentile},
                {"mean", peers.mean},     {"q1", peers.q1},       {"median", peers.median},
                {"q3", peers.q3},         {"parts", std::move(parts)}};
}

Json advantage_json(const Advantage& advantage) {
    return Json{{"speed_question", advantage.speed_question},
                {"speed_measure", to_string(advantage.measure)},
                {"speed_value", advantage.speed_value},
                {"unit", advantage.unit},
                {"reference", advantage.reference},
                {"reference_label", advantage.reference_label},
                {"yearly_interactions", advantage.yearly_interactions ? Json(*advantage.yearly_interactions) : Json(nullptr)},
                {"speed_vs_reference", advantage.speed_vs_reference()},
                {"advantage_vs_reference", advantage.advantage_vs_reference()}};
}

Json moves_json(const std::vector<Move>& moves) {
    Json result = Json::array();
    for (const auto& move : moves) result.push_back(move_to_json(move));
    return result;
}

}  // namespace

nlohmann::ordered_json move_to_json(const Move& move) {
    Json json{{"question", move.question},
              {"question_text", text_or_null(move.question_text)},
              {"part", move.part},
              {"part_name", text_or_null(move.part_name)}};
    if (move.row && move.column)
        json["cell"] = Json{{"row", move.row->id},
                            {"row_label", move.row->label},
                            {"column", move.column->id},
                            {"column_label", move.column->label}};
    json["from"] = answer_json(move.from);
    json["to"] = answer_json(move.to);
    json["from_text"] = move.from_text;
    json["to_text"] = move.to_text;
    json["advice"] = text_or_null(move.advice);
    json["gain"] = move.gain;
    return json;
}

nlohmann::ordered_json report_to_json(const Report& report) {
    Json parts = Json::array();
    for (const auto& part : report.parts) parts.push_back(part_json(part));
    Json benchmarks = Json::array();
    for (const auto& position : report.benchmarks)
        benchmarks.push_back(Json{{"id", position.benchmark.id},
                                  {"label", position.benchmark.label},
                                  {"score", position.benchmark.score},
                                  {"delta", position.delta},
                                  {"source", position.benchmark.source}});
    return Json{{"schema_version", kReportSchemaVersion},
                {"tool", {{"name", "pindex"}, {"version", report.tool_version}}},
                {"generated_at", text_or_null(report.generated_at)},
                {"rubric",
                 {{"id", report.rubric_id},
                  {"version", report.rubric_version},
                  {"name", report.rubric_name},
                  {"calibration", text_or_null(report.calibration)},
                  {"conventions", report.rubric_conventions}}},
                {"source", report.source},
                {"input_sha256", text_or_null(report.input_sha256)},
                {"organization", text_or_null(report.organization)},
                {"respondent", text_or_null(report.respondent)},
                {"date", text_or_null(report.date)},
                {"index", report.index},
                {"index_band", band_json(report.index_band())},
                {"parts", std::move(parts)},
                {"benchmarks", std::move(benchmarks)},
                {"completeness", completeness_json(report.completeness)},
                {"thresholds", thresholds_json(report)},
                {"moves", moves_json(report.moves)},
                {"peers", report.peers ? peers_json(*report.peers) : Json(nullptr)},
                {"advantage", report.advantage ? advantage_json(*report.advantage) : Json(nullptr)}};
}

std::string write_report_json(const Report& report) {
    // Replace invalid UTF-8 from an answers file rather than throw: the report must be written.
    return escape_json_invisibles(report_to_json(report).dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

namespace {

// Reads a JSON report through the YAML reader (JSON is flow YAML) for its positions. Lenient
// about keys, so reports of later pindex versions with added fields still read.
class ReportReader {
public:
    ReportReader(const std::string& file, Diagnostics& diagnostics) : yaml_(file, diagnostics) {}

    Report read(const YAML::Node& root) {
        Report report;
        auto top = yaml_.map(root, "the report");
        if (!top) return report;
        yaml_.expect_schema_version(*top, kReportSchemaVersion, "the report");
        if (const YamlEntry* rubric = yaml_.required(*top, "rubric", "the report"))
            if (auto map = yaml_.map(rubric->value, "the report's rubric")) {
                report.rubric_id = yaml_.required_text(*map, "id", "the report's rubric");
                report.rubric_version = yaml_.required_text(*map, "version", "the report's rubric");
                report.rubric_name = yaml_.required_text(*map, "name", "the report's rubric");
            }
        // The report's own "source" (its answers file) is not kept: a comparison names the file
        // the report was read from.
        report.source = yaml_.file();
        report.organization = optional_text(*top, "organization");
        report.respondent = optional_text(*top, "respondent");
        report.date = optional_text(*top, "date");
        report.index = within(*top, "index", "the report", 0, 100);
        if (const YamlEntry* parts = yaml_.required(*top, "parts", "the report"))
            for (const auto& node : yaml_.list(parts->value, "the report's parts").value_or(std::vector<YAML::Node>{}))
                report.parts.push_back(part(node));
        // The published benchmarks the report was scored against, for where a comparison's newer
        // side stands.
        for (const auto& node : items(*top, "benchmarks", "the report"))
            if (auto map = yaml_.map(node, "a benchmark of the report")) {
                Benchmark benchmark{yaml_.required_text(*map, "id", "a benchmark of the report"),
                                    yaml_.required_text(*map, "label", "a benchmark of the report"),
                                    within(*map, "score", "a benchmark of the report", 0, 100),
                                    yaml_.required_text(*map, "source", "a benchmark of the report")};
                report.benchmarks.push_back({benchmark, round_to_tenth(report.index - benchmark.score)});
            }
        if (const YamlEntry* entry = top->find("advantage"); entry && !entry->value.IsNull())
            report.advantage = advantage(entry->value);
        for (const auto& part : report.parts)
            for (const auto& question : part.questions)
                if (question.applicable) {
                    ++report.completeness.applicable;
                    if (question.answered) ++report.completeness.answered;
                    else report.completeness.missing.push_back(question.id);
                }
        return report;
    }

private:
    YamlReader yaml_;

    // Absent, null or text.
    std::string optional_text(const YamlMap& map, std::string_view key) {
        const YamlEntry* entry = map.find(key);
        if (!entry || entry->value.IsNull()) return "";
        return yaml_.text(entry->value, fmt::format("'{}' of the report", key)).value_or("");
    }

    bool flag(const YamlMap& map, std::string_view key, std::string_view what) {
        const YamlEntry* entry = yaml_.required(map, key, what);
        return entry && yaml_.boolean(entry->value, fmt::format("'{}' of {}", key, what)).value_or(false);
    }

    std::vector<YAML::Node> items(const YamlMap& map, std::string_view key, std::string_view what) {
        const YamlEntry* entry = map.find(key);
        if (!entry) return {};
        return yaml_.list(entry->value, fmt::format("'{}' of {}", key, what)).value_or(std::vector<YAML::Node>{});
    }

    std::vector<Option> levels(const YamlMap& map, std::string_view what) {
        std::vector<Option> result;
        for (const auto& node : items(map, "levels", what))
            if (auto level = yaml_.map(node, what))
                result.push_back({yaml_.required_text(*level, "id", what), yaml_.required_text(*level, "label", what),
                                  yaml_.required_number(*level, "score", what).value_or(0), ""});
        return result;
    }

    std::vector<Axis> axes(const YamlMap& map, std::string_view key, std::string_view what) {
        std::vector<Axis> result;
        for (const auto& node : items(map, key, what))
            if (auto axis = yaml_.map(node, what)) result.push_back({yaml_.required_text(*axis, "id", what), yaml_.required_text(*axis, "label", what)});
        return result;
    }

    std::optional<AnswerValue> answer(const YAML::Node& node, QuestionType type, std::string_view what) {
        if (node.IsNull()) return std::nullopt;
        std::string description = fmt::format("the answer of {}", what);
        switch (type) {
            case QuestionType::choice: return yaml_.text(node, description);
            case QuestionType::number: return yaml_.number(node, description);
            case QuestionType::multi: {
                std::vector<std::string> ids;
                for (const auto& item : yaml_.list(node, description).value_or(std::vector<YAML::Node>{}))
                    ids.push_back(yaml_.text(item, description).value_or(""));
                return ids;
            }
            case QuestionType::matrix: {
                MatrixAnswer matrix;
                if (auto rows = yaml_.map(node, description))
                    for (const auto& row : rows->entries)
                        if (auto cells = yaml_.map(row.value, description))
                            for (const auto& cell : cells->entries)
                                matrix[row.key][cell.key] = yaml_.text(cell.value, description).value_or("");
                return matrix;
            }
        }
        return std::nullopt;
    }

    QuestionReport question(const YAML::Node& node) {
        QuestionReport question;
        auto map = yaml_.map(node, "a question of the report");
        if (!map) return question;
        question.id = yaml_.required_text(*map, "id", "a question of the report");
        std::string what = fmt::format("question '{}' of the report", question.id);
        question.text = yaml_.required_text(*map, "text", what);
        std::string type = yaml_.required_text(*map, "type", what);
        if (auto parsed = question_type_from_string(type)) question.type = *parsed;
        else if (!type.empty()) yaml_.error(map->find("type")->value, fmt::format("unknown type '{}' of {}", type, what));
        question.weight = yaml_.required_number(*map, "weight", what).value_or(1);
        question.applicable = flag(*map, "applicable", what);
        question.answered = flag(*map, "answered", what);
        question.score = within(*map, "score", what, 0, 1);
        question.max_points = within(*map, "max_points", what, 0, 100);
        question.points = within(*map, "points", what, 0, question.max_points);
        if (const YamlEntry* entry = yaml_.required(*map, "answer", what)) question.answer = answer(entry->value, question.type, what);
        question.answer_text = optional_text(*map, "answer_text");
        question.note = optional_text(*map, "note");
        question.rows = axes(*map, "rows", what);
        question.columns = axes(*map, "columns", what);
        question.levels = levels(*map, what);
        return question;
    }

    // Read back for `compare`; the ratios are recomputed from the values, not trusted.
    std::optional<Advantage> advantage(const YAML::Node& node) {
        constexpr std::string_view what = "the report's advantage";
        auto map = yaml_.map(node, what);
        if (!map) return std::nullopt;
        Advantage result;
        result.speed_question = yaml_.required_text(*map, "speed_question", what);
        std::string measure = yaml_.required_text(*map, "speed_measure", what);
        if (auto parsed = speed_measure_from_string(measure)) result.measure = *parsed;
        else if (!measure.empty()) yaml_.error(map->find("speed_measure")->value, fmt::format("unknown speed_measure '{}' of {}", measure, what));
        result.unit = optional_text(*map, "unit");
        result.reference_label = optional_text(*map, "reference_label");
        result.speed_value = positive(*map, "speed_value", what);
        result.reference = positive(*map, "reference", what);
        if (const YamlEntry* entry = map->find("yearly_interactions"); entry && !entry->value.IsNull())
            result.yearly_interactions = within(*map, "yearly_interactions", what, limits::kMinYearlyInteractions,
                                                limits::kMaxYearlyInteractions);
        return result;
    }

    // A number a report can only hold within [low, high] (an index, points, a share): anything
    // else was not written by pindex, and would make comparisons and benchmark sets meaningless.
    double within(const YamlMap& map, std::string_view key, std::string_view what, double low, double high) {
        auto value = yaml_.required_number(map, key, what);
        if (value && (*value < low || *value > high)) {
            yaml_.error(map.find(key)->value,
                        fmt::format("'{}' of {} must lie in [{}, {}], got {}", key, what, low, high, *value));
            return low;
        }
        return value.value_or(low);
    }

    // A ratio's input: 0 would divide by zero in a comparison.
    double positive(const YamlMap& map, std::string_view key, std::string_view what) {
        auto value = yaml_.required_number(map, key, what);
        if (value && *value <= 0) {
            yaml_.error(map.find(key)->value, fmt::format("'{}' of {} must be positive, got {}", key, what, *value));
            return 1;
        }
        return value.value_or(1);
    }

    PartReport part(const YAML::Node& node) {
        PartReport part;
        auto map = yaml_.map(node, "a part of the report");
        if (!map) return part;
        part.id = yaml_.required_text(*map, "id", "a part of the report");
        std::string what = fmt::format("part '{}' of the report", part.id);
        part.name = yaml_.required_text(*map, "name", what);
        part.weight = within(*map, "weight", what, 0, 100);
        part.points = within(*map, "points", what, 0, part.weight);
        part.fraction = within(*map, "fraction", what, 0, 1);
        part.applicable = flag(*map, "applicable", what);
        for (const auto& item : items(*map, "questions", what)) part.questions.push_back(question(item));
        return part;
    }
};

}  // namespace

bool looks_like_report_json(std::string_view text) {
    // pindex writes schema_version as the first key; an answers file starts with other keys.
    // Checking the opening avoids parsing the file twice.
    auto after = [&](std::size_t from) { return text.find_first_not_of(" \t\r\n", from); };
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t brace = after(0);
    if (brace == std::string_view::npos || text[brace] != '{') return false;
    std::size_t key = after(brace + 1);
    return key != std::string_view::npos && text.substr(key).starts_with("\"schema_version\"");
}

Report read_report_json(std::string_view text, const std::string& file) {
    YAML::Node root = parse_yaml_document(text, file);
    Diagnostics diagnostics;
    Report report = ReportReader(file, diagnostics).read(root);
    diagnostics.throw_if_errors();
    return report;
}

}  // namespace pindex

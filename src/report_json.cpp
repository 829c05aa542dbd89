#include "pindex/report_json.hpp"

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
    }
    return result;
}

Json move_json(const Move& move) {
    Json json{{"question", move.question}, {"part", move.part}};
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

Json moves_json(const std::vector<Move>& moves) {
    Json result = Json::array();
    for (const auto& move : moves) result.push_back(move_json(move));
    return result;
}

}  // namespace

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
                {"rubric",
                 {{"id", report.rubric_id},
                  {"version", report.rubric_version},
                  {"name", report.rubric_name},
                  {"conventions", report.rubric_conventions}}},
                {"source", report.source},
                {"organization", text_or_null(report.organization)},
                {"respondent", text_or_null(report.respondent)},
                {"date", text_or_null(report.date)},
                {"index", report.index},
                {"index_band", band_json(report.index_band())},
                {"parts", std::move(parts)},
                {"benchmarks", std::move(benchmarks)},
                {"completeness", completeness_json(report.completeness)},
                {"thresholds", thresholds_json(report)},
                {"moves", moves_json(report.moves)}};
}

std::string write_report_json(const Report& report) {
    // Replace invalid UTF-8 from an answers file rather than throw: the report must be written.
    return report_to_json(report).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace pindex

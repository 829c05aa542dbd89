#include "pindex/comparison_report.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kWidth = 80;

std::string side_words(const AssessmentSide& side) {
    std::vector<std::string> facts = {side.source};
    if (!side.organization.empty()) facts.push_back(side.organization);
    if (!side.date.empty()) facts.push_back(side.date);
    return join(facts);
}

void wrapped(std::string& out, std::string_view first, std::string_view text) {
    std::string hanging(first.size(), ' ');
    bool is_first = true;
    for (const auto& line : wrap_words(escape_control_characters(text), kWidth - first.size())) {
        out += (is_first ? std::string(first) : hanging) + line + "\n";
        is_first = false;
    }
}

void text_answers(std::string& out, const std::vector<AnswerChange>& answers) {
    if (answers.empty()) {
        out += "\nNo answer changed.\n";
        return;
    }
    out += fmt::format("\nAnswers that changed ({}), largest effect first:\n", answers.size());
    for (const auto& change : answers) {
        wrapped(out, fmt::format("  {:>+6.2f}  ", change.points_delta),
                fmt::format("{}: {} -> {}", change.question, change.before, change.after));
        for (const auto& cell : change.cells)
            wrapped(out, "            ",
                    fmt::format("{} / {}: {} -> {}", cell.row.label, cell.column.label, cell.before, cell.after));
    }
}

Json advantage_change_json(const AdvantageChange& change) {
    auto side = [](const Advantage& advantage) {
        return Json{{"speed_value", advantage.speed_value},
                    {"yearly_interactions",
                     advantage.yearly_interactions ? Json(*advantage.yearly_interactions) : Json(nullptr)}};
    };
    return Json{{"speed_question", change.after.speed_question},
                {"speed_measure", to_string(change.after.measure)},
                {"unit", change.after.unit},
                {"before", side(change.before)},
                {"after", side(change.after)},
                {"speed_ratio", change.speed_ratio},
                {"interactions_ratio", change.interactions_ratio ? Json(*change.interactions_ratio) : Json(nullptr)},
                {"advantage_ratio", change.advantage_ratio},
                {"words", advantage_change_words(change)}};
}

}  // namespace

std::string write_comparison_text(const Comparison& comparison) {
    std::string out = fmt::format("{}: {:.1f} -> {:.1f} ({:+.1f})\n", comparison.rubric_name,
                                  comparison.before.index, comparison.after.index, comparison.index_delta);
    wrapped(out, "Before: ", side_words(comparison.before));
    wrapped(out, "After:  ", side_words(comparison.after));
    out += fmt::format("\n  {:<16} {:>7} {:>7} {:>7}\n", "Part", "Before", "After", "Change");
    for (const auto& part : comparison.parts)
        out += fmt::format("  {:<16} {:>7.1f} {:>7.1f} {:>+7.1f}\n", part.name, part.before, part.after, part.delta);
    out += fmt::format("  {:<16} {:>7.1f} {:>7.1f} {:>+7.1f}\n", "Index", comparison.before.index,
                       comparison.after.index, comparison.index_delta);
    if (comparison.advantage) {
        out += "\nPersonalization advantage (P = n × v², shown only as a ratio):\n";
        wrapped(out, "  ", advantage_change_words(*comparison.advantage));
    }
    text_answers(out, comparison.answers);
    if (!comparison.notes.empty()) out += "\n";
    for (const auto& note : comparison.notes) wrapped(out, "Note: ", note);
    out += "\n";
    wrapped(out, "Context: ", nps_context());
    return visible_controls(out, LineBreaks::keep);
}

nlohmann::ordered_json comparison_to_json(const Comparison& comparison) {
    auto side_json = [](const AssessmentSide& side) {
        return Json{{"source", side.source},
                    {"organization", side.organization.empty() ? Json(nullptr) : Json(side.organization)},
                    {"date", side.date.empty() ? Json(nullptr) : Json(side.date)},
                    {"rubric_version", side.rubric_version},
                    {"index", side.index}};
    };
    Json part_deltas = Json::object(), parts = Json::array(), answers = Json::array();
    for (const auto& part : comparison.parts) {
        part_deltas[part.id] = part.delta;
        parts.push_back(Json{{"id", part.id}, {"name", part.name}, {"weight", part.weight},
                             {"before", part.before}, {"after", part.after}, {"delta", part.delta}});
    }
    for (const auto& change : comparison.answers) {
        Json cells = Json::array();
        for (const auto& cell : change.cells)
            cells.push_back(Json{{"row", cell.row.id}, {"row_label", cell.row.label}, {"column", cell.column.id},
                                 {"column_label", cell.column.label}, {"before", cell.before}, {"after", cell.after}});
        Json json{{"question", change.question}, {"part", change.part}, {"text", change.text},
                  {"before", change.before}, {"after", change.after}, {"points_delta", change.points_delta}};
        if (!change.cells.empty()) json["cells"] = std::move(cells);
        answers.push_back(std::move(json));
    }
    return Json{{"schema_version", kComparisonSchemaVersion},
                {"kind", "comparison"},
                {"rubric", {{"id", comparison.rubric_id}, {"name", comparison.rubric_name}}},
                {"before", side_json(comparison.before)},
                {"after", side_json(comparison.after)},
                {"delta", {{"index", comparison.index_delta}, {"parts", std::move(part_deltas)}}},
                {"parts", std::move(parts)},
                {"changed_answers", std::move(answers)},
                {"notes", comparison.notes},
                {"advantage", comparison.advantage ? advantage_change_json(*comparison.advantage) : Json(nullptr)},
                {"context", nps_context()}};
}

std::string write_comparison_json(const Comparison& comparison) {
    return escape_json_invisibles(comparison_to_json(comparison).dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

std::string write_comparison_markdown(const Comparison& comparison) {
    auto m = [](std::string_view text) { return escape_markdown(text); };
    std::string out = "---\nmarp: true\npaginate: true\nstyle: |\n  table { font-size: 18px; }\n---\n\n";
    out += fmt::format("# {}: {:.1f} → {:.1f} ({:+.1f})\n\n", m(comparison.rubric_name), comparison.before.index,
                       comparison.after.index, comparison.index_delta);
    out += fmt::format("- Before: {}\n- After: {}\n", m(side_words(comparison.before)), m(side_words(comparison.after)));
    for (const auto& note : comparison.notes) out += fmt::format("- Note: {}\n", m(note));
    if (comparison.advantage)
        out += fmt::format("- Personalization advantage, P = n × v² (a ratio only): {}\n",
                           m(advantage_change_words(*comparison.advantage)));
    out += "\n---\n\n## Change by part\n\n| Part | Before | After | Change |\n|---|---:|---:|---:|\n";
    for (const auto& part : comparison.parts)
        out += fmt::format("| {} | {:.1f} | {:.1f} | {:+.1f} |\n", m(part.name), part.before, part.after, part.delta);
    out += fmt::format("| **Index** | **{:.1f}** | **{:.1f}** | **{:+.1f}** |\n\n{}\n", comparison.before.index,
                       comparison.after.index, comparison.index_delta, m(nps_context()));
    out += "\n---\n\n## Answers that changed\n\n";
    if (comparison.answers.empty()) out += "No answer changed.\n";
    else out += "| Question | Before | After | Points |\n|---|---|---|---:|\n";
    for (const auto& change : comparison.answers) {
        std::string after = m(change.after);
        for (const auto& cell : change.cells)
            after += fmt::format("<br>{} / {}: {} → {}", m(cell.row.label), m(cell.column.label), m(cell.before),
                                 m(cell.after));
        out += fmt::format("| {} | {} | {} | {:+.2f} |\n", m(change.text), m(change.before), after, change.points_delta);
    }
    return out;
}

const std::vector<OutputFormat<Comparison>>& comparison_formats() {
    static const std::vector<OutputFormat<Comparison>> formats = {
        {"text", ".txt", write_comparison_text},
        {"json", ".json", write_comparison_json},
        {"markdown", ".md", write_comparison_markdown},
    };
    return formats;
}

}  // namespace pindex

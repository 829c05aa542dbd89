#include "pindex/comparison_report.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "pindex/deck.hpp"
#include "pindex/escape.hpp"
#include "pindex/report_charts.hpp"
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
        out += fmt::format("  {:<16} {:>7.1f} {:>7.1f} {:>+7.1f}\n", part.name, round_to_tenth(part.before),
                           round_to_tenth(part.after), round_to_tenth(part.delta));
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
                                 {"column_label", cell.column.label}, {"before", cell.before}, {"after", cell.after},
                                 {"scope_changed", cell.scope_changed}});
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

namespace {

std::string m(std::string_view text) { return escape_markdown(text); }

// Each part before and after, on one scale of points: a light bar for before, a dark one for
// after, over a grey track as long as the part's maximum; the numbers written beside.
std::string comparison_chart(const Comparison& comparison) {
    constexpr double kChartWidth = 560, kRow = 84, kBar = 18;
    double scale_max = 0;
    for (const auto& part : comparison.parts) scale_max = std::max(scale_max, part.weight);
    double per_point = scale_max > 0 ? kChartWidth / scale_max : 0;
    std::string desc = fmt::format("Points of each part before and after, on one scale of 0 to {:g}. ", scale_max);
    for (const auto& part : comparison.parts)
        desc += fmt::format("{}: {:.1f} to {:.1f} of {:g} ({:+.1f}). ", part.name, round_to_tenth(part.before),
                            round_to_tenth(part.after), part.weight, round_to_tenth(part.delta));
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:g} {:g}\" role=\"img\" "
        "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n<title>Points by part, before and after</title>\n"
        "<desc>{}</desc>\n", kChartWidth, kRow * double(comparison.parts.size()) + 40, escape_xml(desc));
    double y = 0;
    for (const auto& part : comparison.parts) {
        out += fmt::format("<text x=\"0\" y=\"{:g}\" font-size=\"22\" fill=\"{}\">{}</text>\n", y + 22, palette::kInk,
                           escape_xml(part.name));
        out += fmt::format("<text x=\"{:g}\" y=\"{:g}\" font-size=\"22\" text-anchor=\"end\" fill=\"{}\">{:.1f} → "
                           "{:.1f} ({:+.1f})</text>\n", kChartWidth, y + 22, palette::kInk,
                           round_to_tenth(part.before), round_to_tenth(part.after), round_to_tenth(part.delta));
        for (auto [offset, points, colour] : {std::tuple{30.0, part.before, palette::kBands[1]},
                                              std::tuple{30.0 + kBar + 2, part.after, palette::kAccent}}) {
            out += fmt::format("<rect x=\"0\" y=\"{:g}\" width=\"{:.1f}\" height=\"{:g}\" fill=\"{}\"/>\n", y + offset,
                               per_point * part.weight, kBar, palette::kTrack);
            out += fmt::format("<rect x=\"0\" y=\"{:g}\" width=\"{:.1f}\" height=\"{:g}\" fill=\"{}\"/>\n", y + offset,
                               per_point * std::clamp(points, 0.0, part.weight), kBar, colour);
        }
        y += kRow;
    }
    out += fmt::format("<rect x=\"0\" y=\"{:g}\" width=\"18\" height=\"18\" fill=\"{}\"/><text x=\"26\" y=\"{:g}\" "
                       "font-size=\"20\" fill=\"{}\">before</text>\n<rect x=\"120\" y=\"{:g}\" width=\"18\" height=\"18\" "
                       "fill=\"{}\"/><text x=\"146\" y=\"{:g}\" font-size=\"20\" fill=\"{}\">after</text>\n",
                       y + 6, palette::kBands[1], y + 22, palette::kInk, y + 6, palette::kAccent, y + 22, palette::kInk);
    return out + "</svg>\n";
}

// A matrix's changed cells in one line: how many, and how many changed scope.
std::string cells_summary(const AnswerChange& change) {
    std::size_t scope = 0;
    for (const auto& cell : change.cells) scope += cell.scope_changed ? 1 : 0;
    std::string words = fmt::format("{} {} changed", change.cells.size(), change.cells.size() == 1 ? "cell" : "cells");
    if (scope > 0) words += fmt::format(", {} of them to or from n/a", scope);
    return words + " (each one in the text and JSON comparisons)";
}

void opening_slide(std::string& out, const Comparison& comparison) {
    out += fmt::format("# {}: {:.1f} → **{:.1f}** ({:+.1f})\n\n", m(comparison.rubric_name), comparison.before.index,
                       comparison.after.index, comparison.index_delta);
    out += fmt::format("- Before: {}\n- After: {}\n", m(shorten(side_words(comparison.before), 150)),
                       m(shorten(side_words(comparison.after), 150)));
    if (!comparison.after_position.empty()) out += "- Now " + m(comparison.after_position) + ".\n";
    out += "\n**So what:** " + m(comparison_so_what(comparison)) + "\n";
}

void notes_slide(std::string& out, const Comparison& comparison) {
    out += "<!-- _class: small -->\n\n## Read this before the numbers\n\n";
    for (const auto& note : comparison.notes) out += "- " + m(shorten(note, 400)) + "\n";
}

void parts_slide(std::string& out, const Comparison& comparison, const DeckChartFiles* charts) {
    if (charts) out += fmt::format("![bg right:45% contain]({})\n\n", charts->url("change"));
    out += "## Change by part\n\n| Part | Before | After | Change |\n|---|---:|---:|---:|\n";
    for (const auto& part : comparison.parts)
        out += fmt::format("| {} | {:.1f} | {:.1f} | {:+.1f} |\n", m(part.name), round_to_tenth(part.before),
                           round_to_tenth(part.after), round_to_tenth(part.delta));
    out += fmt::format("| **Index** | **{:.1f}** | **{:.1f}** | **{:+.1f}** |\n", comparison.before.index,
                       comparison.after.index, comparison.index_delta);
}

void context_slide(std::string& out, const Comparison& comparison) {
    out += "## What the change may mean\n\n" + m(nps_context()) + "\n";
    if (comparison.advantage)
        out += fmt::format("\nPersonalization advantage, P = n × v² (a ratio only): {}\n",
                           m(advantage_change_words(*comparison.advantage)));
    if (!comparison.benchmark_citation.empty()) out += "\n*" + m(comparison.benchmark_citation) + "*\n";
}

// The changed answers, a table that continues on further slides; a matrix's cells summarized.
void answers_slides(std::string& out, const std::vector<AnswerChange>& answers) {
    constexpr std::size_t kLinesPerSlide = 16;  // measured in Chromium: tests/visual/check_decks.py
    std::string heading = "## Answers that changed";
    std::string table_head = "| Question | Before | After | Points |\n|---|---|---|---:|\n";
    out += "<!-- _class: small -->\n\n" + heading + "\n\n";
    if (answers.empty()) {
        out += "No answer changed.\n";
        return;
    }
    out += table_head;
    std::size_t lines = 0;
    for (const auto& change : answers) {
        std::string after = m(shorten(change.after, 120));
        if (!change.cells.empty()) after += "<br>*" + m(cells_summary(change)) + "*";
        std::string question = m(shorten(change.text, 120)), before = m(shorten(change.before, 120));
        std::size_t needed = std::max({display_width(question) / 60, display_width(before) / 40,
                                       display_width(after) / 40}) + 1;
        if (lines > 0 && lines + needed > kLinesPerSlide) {
            out += fmt::format("{}<!-- _class: small -->\n\n{} (continued)\n\n{}", kSlideBreak, heading, table_head);
            lines = 0;
        }
        lines += needed;
        out += fmt::format("| {} | {} | {} | {:+.2f} |\n", question, before, after, change.points_delta);
    }
}

std::string comparison_deck(const Comparison& comparison, const DeckChartFiles* charts) {
    std::string title = comparison.rubric_name + ": " + side_words(comparison.before) + " → " +
                        side_words(comparison.after);
    std::string out = deck_front_matter(title);
    opening_slide(out, comparison);
    if (!comparison.notes.empty()) {
        out += kSlideBreak;
        notes_slide(out, comparison);
    }
    out += kSlideBreak;
    parts_slide(out, comparison, charts);
    out += kSlideBreak;
    context_slide(out, comparison);
    out += kSlideBreak;
    answers_slides(out, comparison.answers);
    return out;
}

std::vector<OutputFile> write_comparison_deck_files(const Comparison& comparison, const std::string& path) {
    DeckChartFiles charts(path);
    return {charts.file("change", comparison_chart(comparison)), {path, comparison_deck(comparison, &charts)}};
}

}  // namespace

std::string write_comparison_markdown(const Comparison& comparison) { return comparison_deck(comparison, nullptr); }

const std::vector<OutputFormat<Comparison>>& comparison_formats() {
    static const std::vector<OutputFormat<Comparison>> formats = {
        {"text", ".txt", write_comparison_text},
        {"json", ".json", write_comparison_json},
        {"markdown", ".md", write_comparison_markdown, write_comparison_deck_files},
    };
    return formats;
}

}  // namespace pindex

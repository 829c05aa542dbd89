#include "pindex/report_markdown.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr const char* kSlideBreak = "\n---\n\n";

std::string text_bar(double fraction, int width) {
    int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
    std::string bar;
    for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
    return bar;
}

std::string front_matter(const Report& report) {
    // Marp reads `title` for the HTML/PDF title; the value is a YAML string, so quote it.
    std::string title = report.rubric_name + (report.organization.empty() ? "" : ": " + report.organization);
    std::string quoted;
    for (char c : isolate_bidi(valid_utf8(title))) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    // The style only shrinks tables to fit a slide; Markdown viewers ignore front matter.
    return fmt::format("---\nmarp: true\npaginate: true\ntitle: \"{}\"\nstyle: |\n  section {{ font-size: 24px; }}\n"
                       "  table {{ font-size: 16px; }}\n  th, td {{ padding: 4px 8px; }}\n  td:last-child {{ white-space: nowrap; }}\n---\n\n", quoted);
}

void title_slide(std::string& out, const Report& report) {
    out += fmt::format("# {}\n\n", escape_markdown(report.rubric_name));
    out += fmt::format("## {}\n\n", report.organization.empty() ? "Organization not given"
                                                                 : escape_markdown(report.organization));
    std::vector<std::string> facts;
    if (!report.respondent.empty()) facts.push_back("Answered by " + escape_markdown(report.respondent));
    if (!report.date.empty()) facts.push_back("on " + escape_markdown(report.date));
    if (!facts.empty()) out += join(facts, " ") + "\n\n";
    out += fmt::format("Answers: {} · Rubric: {} {} · pindex {}\n", escape_markdown(report.source),
                       escape_markdown(report.rubric_id), escape_markdown(report.rubric_version),
                       escape_markdown(report.tool_version));
}

void index_slide(std::string& out, const Report& report) {
    out += fmt::format("# Index: **{:.1f}** / 100\n\n", report.index);
    if (!report.benchmarks.empty()) {
        out += "| Benchmark (published) | Score | This index |\n|---|---:|---|\n";
        for (const auto& position : report.benchmarks)
            out += fmt::format("| {} | {:g} | {} |\n", escape_markdown(position.benchmark.label),
                               position.benchmark.score, delta_words(position.delta));
        out += "\n";
    }
    IndexBand band = report.index_band();
    if (!band.words.empty()) out += fmt::format("The index is {}.\n", escape_markdown(band.words));
    if (!report.calibration.empty()) out += "\n*" + escape_markdown(report.calibration) + "*\n";
    if (report.peers) out += "\n" + escape_markdown(peer_words(*report.peers, report.index)) + "\n";
}

void breakdown_slide(std::string& out, const Report& report) {
    out += "# Breakdown\n\n| Part | Points | Maximum | Share |\n|---|---:|---:|---:|\n";
    for (const auto& part : report.parts)
        out += fmt::format("| {} | {:.1f} | {:g} | {}{} |\n", escape_markdown(part.name), part.points, part.weight,
                           percent_words(part.fraction), part.applicable ? "" : " (no question applies)");
    out += fmt::format("| **Index** | **{:.1f}** | 100 | |\n", report.index);
}

void chart_slide(std::string& out, const Report& report) {
    // A chart in text survives every Markdown viewer and Marp alike; the SVG export
    // (--format svg) is the picture for a slide.
    out += "# Each part against its maximum\n\n```text\n";
    std::size_t name_width = 0;
    for (const auto& part : report.parts) name_width = std::max(name_width, display_width(part.name));
    for (const auto& part : report.parts) {
        std::string name = isolate_bidi(part.name) + std::string(name_width - display_width(part.name), ' ');
        out += fmt::format("{}  {}  {:>4.1f} / {:<3g} {:>4}\n", name, text_bar(part.fraction, 20), part.points,
                           part.weight, percent_words(part.fraction));
    }
    out += "```\n";
}

// The journey matrix as a grid of level labels, one row per step and one column per channel.
void matrix_grid(std::string& out, const QuestionReport& question) {
    out += "\n| |";
    for (const auto& column : question.columns) out += " " + escape_markdown(column.label) + " |";
    out += "\n|---|";
    for (std::size_t i = 0; i < question.columns.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& row : question.rows) {
        out += "| " + escape_markdown(row.label) + " |";
        for (const auto& column : question.columns) {
            const std::string* level_id = question.cell(row.id, column.id);
            const Option* level = level_id ? question.level(*level_id) : nullptr;
            out += " " + (level ? escape_markdown(level->label) : level_id ? "n/a" : "—") + " |";
        }
        out += "\n";
    }
}

void moves_slide(std::string& out, const std::vector<Move>& moves) {
    constexpr std::size_t kShown = 3;
    out += "# What would raise the index most\n\n";
    for (std::size_t i = 0; i < moves.size() && i < kShown; ++i) {
        const Move& move = moves[i];
        out += fmt::format("{}. **+{:.2f} points**: {}: {} → **{}**\n", i + 1, move.gain,
                           escape_markdown(move_target_words(move)), escape_markdown(move.from_text),
                           escape_markdown(move.to_text));
        if (!move.advice.empty()) out += fmt::format("\n   {}\n\n", escape_markdown(move.advice));
    }
    out += fmt::format("\nOne step each, computed by scoring the answers again with the step taken; {} steps "
                       "in all (every one in the JSON report).\n", moves.size());
}

void advantage_slide(std::string& out, const Advantage& advantage) {
    out += "# Personalization advantage: P = n × v²\n\n";
    out += escape_markdown(advantage_words(advantage)) + "\n\n";
    out += "No units are published for P, so it is shown only as a ratio.\n";
}

std::string answer_cell(const QuestionReport& question) {
    if (!question.applicable) return "*not applicable*";
    if (!question.answer) return "*not answered*";
    std::string cell = escape_markdown(question.answer_text);
    if (!question.note.empty()) cell += "<br>*Note:* " + escape_markdown(question.note);
    return cell;
}

void part_slide(std::string& out, const PartReport& part) {
    out += fmt::format("## {}: {:.1f} / {:g} ({})\n\n", escape_markdown(part.name), part.points, part.weight,
                       percent_words(part.fraction));
    if (!part.description.empty()) out += escape_markdown(part.description) + "\n\n";
    out += "| Question | Answer | Score | Points |\n|---|---|---:|---:|\n";
    for (const auto& question : part.questions)
        out += fmt::format("| {} | {} | {} | {:.1f} / {:.1f} |\n", escape_markdown(question.text),
                           answer_cell(question), percent_words(question.score), question.points, question.max_points);
    for (const auto& question : part.questions)
        if (question.type == QuestionType::matrix && question.answer) {
            out += fmt::format("{}### {}\n", kSlideBreak, escape_markdown(question.text));
            matrix_grid(out, question);
        }
}

void closing_slide(std::string& out, const Report& report) {
    out += "## Completeness, thresholds and sources\n\n";
    std::string completeness = escape_markdown(completeness_words(report.completeness));
    out += report.completeness.complete() ? "- " + completeness + "\n" : "- **" + completeness + "**\n";
    for (const auto& result : report.thresholds)
        out += fmt::format("- Threshold {} ≥ {:g}: {:.1f}, **{}**\n",
                           escape_markdown(result.threshold.target()),
                           result.threshold.minimum, result.actual, result.passed ? "passed" : "FAILED");
    for (const auto& position : report.benchmarks)
        out += fmt::format("- {} ({:g}): {}\n", escape_markdown(position.benchmark.label), position.benchmark.score,
                           escape_markdown(position.benchmark.source));
    if (!report.calibration.empty()) out += "- " + escape_markdown(report.calibration) + "\n";
    out += "- Question weights, answer scores and the shading bands are pindex's own conventions; see "
           "the rubric's `conventions`.\n";
}

}  // namespace

std::string write_report_markdown(const Report& report) {
    std::string out = front_matter(report);
    title_slide(out, report);
    out += kSlideBreak;
    index_slide(out, report);
    out += kSlideBreak;
    breakdown_slide(out, report);
    out += kSlideBreak;
    chart_slide(out, report);
    if (!report.moves.empty()) {
        out += kSlideBreak;
        moves_slide(out, report.moves);
    }
    if (report.advantage) {
        out += kSlideBreak;
        advantage_slide(out, *report.advantage);
    }
    for (const auto& part : report.parts) {
        out += kSlideBreak;
        part_slide(out, part);
    }
    out += kSlideBreak;
    closing_slide(out, report);
    return out;
}

}  // namespace pindex

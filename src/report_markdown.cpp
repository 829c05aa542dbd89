#include "pindex/report_markdown.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pindex/deck.hpp"
#include "pindex/escape.hpp"
#include "pindex/report_charts.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

std::string m(std::string_view text) { return escape_markdown(text); }

std::string text_bar(double fraction, int width) {
    int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
    std::string bar;
    for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
    return bar;
}

std::string title_of(const Report& report) {
    return report.rubric_name + (report.organization.empty() ? "" : ": " + report.organization);
}

// The opening slide: the index with its caveat, where it stands against the benchmarks, and the
// one sentence a partner reads first.
void index_slide(std::string& out, const Report& report, const DeckChartFiles* charts) {
    if (charts) out += fmt::format("![bg right:36% contain]({})\n\n", charts->url("gauge"));
    // No-break spaces keep "44.9 / 100" whole when the title wraps beside the gauge.
    out += fmt::format("# {}: **{:.1f}**\u00a0/\u00a0100\n\n", m(report.rubric_name), report.index);
    if (!report.completeness.complete()) out += "**" + m(incomplete_caveat(report.completeness)) + ".**\n\n";
    std::vector<std::string> who = {report.organization.empty() ? "Organization not given"
                                                                : m(shorten(report.organization, 90))};
    if (!report.respondent.empty()) who.push_back("answered by " + m(shorten(report.respondent, 60)));
    if (!report.date.empty()) who.push_back(m(report.date));
    out += join(who, " · ") + "\n\n";
    IndexBand band = report.index_band();
    if (!band.words.empty()) {
        std::vector<std::string> deltas;
        for (const auto& position : report.benchmarks)
            deltas.push_back(fmt::format("{} the {} ({:g})", delta_words(position.delta),
                                         m(position.benchmark.label), position.benchmark.score));
        out += fmt::format("The index is **{}**: {}.\n\n", m(band.words), join(deltas, "; "));
    }
    if (std::string sentence = so_what(report); !sentence.empty()) out += "**So what:** " + m(sentence) + "\n";
}

// What a first-time reader needs before the numbers.
void legend_slide(std::string& out, const Report& report) {
    out += "<!-- _class: small -->\n\n## How to read this deck\n\n";
    for (const auto& line : legend_lines(report)) out += "- " + m(line) + "\n";
    if (!report.calibration.empty()) out += "- " + m(report.calibration) + "\n";
    if (report.peers) out += "- " + m(peer_words(*report.peers, report.index)) + "\n";
    if (std::string citation = benchmark_citation(report); !citation.empty()) out += "\n*" + m(citation) + "*\n";
}

void breakdown_slide(std::string& out, const Report& report, const DeckChartFiles* charts) {
    if (charts) out += fmt::format("![bg right:45% contain]({})\n\n", charts->url("parts"));
    out += "## Breakdown\n\n| Part | Points | Maximum | Share |\n|---|---:|---:|---:|\n";
    for (const auto& part : report.parts)
        out += fmt::format("| {} | {:.1f} | {:g} | {}{} |\n", m(part.name), round_to_tenth(part.points),
                           part.weight, percent_words(part.fraction), part.applicable ? "" : " (no question applies)");
    out += fmt::format("| **Index** | **{:.1f}** | 100 | |\n", report.index);
    if (!report.completeness.complete()) out += "\n**" + m(incomplete_caveat(report.completeness)) + ".**\n";
}

void chart_slide(std::string& out, const Report& report, const DeckChartFiles* charts) {
    out += "## Each part against its maximum\n\n";
    if (charts) {
        out += fmt::format("![h:500]({})\n", charts->url("radar"));
        return;
    }
    // Without chart files (the deck went to standard output), a chart in text that every
    // Markdown viewer shows.
    out += "```text\n";
    std::size_t name_width = 0;
    for (const auto& part : report.parts) name_width = std::max(name_width, display_width(part.name));
    for (const auto& part : report.parts) {
        std::string name = isolate_bidi(part.name) + std::string(name_width - display_width(part.name), ' ');
        out += fmt::format("{}  {}  {:>4.1f} / {:<3g} {:>4}\n", name, text_bar(part.fraction, 20), round_to_tenth(part.points),
                           part.weight, percent_words(part.fraction));
    }
    out += "```\n";
}

void moves_slide(std::string& out, const Report& report) {
    const std::vector<Move>& moves = report.moves;
    constexpr std::size_t kShown = 3;
    out += "<!-- _class: small -->\n\n## What would raise the index most\n\n";
    for (std::size_t i = 0; i < moves.size() && i < kShown; ++i) {
        const Move& move = moves[i];
        out += fmt::format("{}. **+{:.2f} points**, {} — from {} → **{}**\n", i + 1, move.gain,
                           m(move_target_words(move)), m(shorten(move.from_text, 90)), m(shorten(move.to_text, 120)));
        if (!move.advice.empty()) out += fmt::format("   *{}*\n", m(move.advice));
    }
    out += fmt::format("\nEach step alone, computed by scoring the answers again with it taken; {} steps in all "
                       "(every one in the JSON and XLSX reports).\n", moves.size());
    if (std::string plan = plan_pointer_words(report); !plan.empty()) out += "\n" + m(plan) + "\n";
}

void advantage_slide(std::string& out, const Advantage& advantage) {
    out += "## Personalization advantage: P = n × v²\n\n";
    out += m(advantage_words(advantage)) + "\n\n";
    out += "No units are published for P, so it is shown only as a ratio.\n";
}

// A cell's text on a slide: an answer, and the note beside it, shortened (the HTML, JSON and
// XLSX reports hold them whole).
std::string answer_cell(const QuestionReport& question) {
    if (!question.applicable) return "*not applicable*";
    if (!question.answer) return "*not answered*";
    std::string cell = m(shorten(question.answer_text, 160));
    if (!question.note.empty()) cell += "<br>*Note:* " + m(shorten(question.note, 140));
    return cell;
}

// How many lines of a 16 px table row a question takes on a 1280 × 720 slide: its longest
// cell, at about 55 characters a line in the question column and 45 in the answer column.
std::size_t row_lines(const QuestionReport& question) {
    std::size_t question_lines = display_width(question.text) / 55 + 1;
    std::size_t answer_lines = display_width(answer_cell(question)) / 45 + 1;
    return std::max(question_lines, answer_lines);
}

void part_slides(std::string& out, const PartReport& part) {
    constexpr std::size_t kLinesPerSlide = 14;  // measured in Chromium: see tests/visual/check_decks.py
    std::string heading = fmt::format("## {}: {:.1f} / {:g} ({})", m(part.name), round_to_tenth(part.points),
                                      part.weight, percent_words(part.fraction));
    std::string table_head = "| Question | Answer | Score | Points |\n|---|---|---:|---:|\n";
    out += heading + "\n\n";
    if (!part.description.empty()) out += m(part.description) + "\n\n";
    out += table_head;
    std::size_t lines = 0;
    for (const auto& question : part.questions) {
        std::size_t needed = row_lines(question);
        if (lines > 0 && lines + needed > kLinesPerSlide) {  // the table continues on the next slide
            out += fmt::format("{}{} (continued)\n\n{}", kSlideBreak, heading, table_head);
            lines = 0;
        }
        lines += needed;
        out += fmt::format("| {} | {} | {} | {:.1f} / {:.1f} |\n", m(question.text), answer_cell(question),
                           percent_words(question.score), round_to_tenth(question.points),
                           round_to_tenth(question.max_points));
    }
}

// The journey matrix as grids of level labels, a slide per block of rows and columns.
void matrix_slides(std::string& out, const QuestionReport& question) {
    constexpr std::size_t kRows = 8, kColumns = 6;
    const auto& rows = question.rows;
    const auto& columns = question.columns;
    for (std::size_t c0 = 0; c0 < columns.size(); c0 += kColumns)
        for (std::size_t r0 = 0; r0 < rows.size(); r0 += kRows) {
            std::size_t c1 = std::min(columns.size(), c0 + kColumns), r1 = std::min(rows.size(), r0 + kRows);
            bool whole = c0 == 0 && r0 == 0 && c1 == columns.size() && r1 == rows.size();
            out += kSlideBreak;
            out += "<!-- _class: small -->\n\n### " + m(shorten(question.text, 150)) +
                   (whole ? "" : fmt::format(" (steps {}–{} of {}, channels {}–{} of {})", r0 + 1, r1, rows.size(),
                                             c0 + 1, c1, columns.size())) + "\n\n| |";
            for (std::size_t c = c0; c < c1; ++c) out += " " + m(shorten(columns[c].label, 40)) + " |";
            out += "\n|---|";
            for (std::size_t c = c0; c < c1; ++c) out += "---|";
            out += "\n";
            for (std::size_t r = r0; r < r1; ++r) {
                out += "| " + m(shorten(rows[r].label, 50)) + " |";
                for (std::size_t c = c0; c < c1; ++c) {
                    const std::string* level_id = question.cell(rows[r].id, columns[c].id);
                    const Option* level = level_id ? question.level(*level_id) : nullptr;
                    out += " " + (level ? m(level->label) : level_id ? "n/a" : "—") + " |";
                }
                out += "\n";
            }
        }
}

void closing_slide(std::string& out, const Report& report) {
    out += "<!-- _class: small -->\n\n## Completeness, thresholds and sources\n\n";
    std::string completeness = m(completeness_words(report.completeness));
    out += report.completeness.complete() ? "- " + completeness + "\n" : "- **" + completeness + "**\n";
    for (const auto& result : report.thresholds)
        out += fmt::format("- Threshold {} ≥ {:g}: {:.1f}, **{}**\n", m(result.threshold.target()),
                           result.threshold.minimum, result.actual, result.passed ? "passed" : "FAILED");
    for (const auto& position : report.benchmarks)
        out += fmt::format("- {} ({:g}): {}\n", m(position.benchmark.label), position.benchmark.score,
                           m(position.benchmark.source));
    if (!report.calibration.empty()) out += "- " + m(report.calibration) + "\n";
    out += "- Question weights, answer scores and the shading bands are pindex's own conventions; see "
           "the rubric's `conventions`.\n";
    std::vector<std::string> provenance = {"Answers: " + m(report.source)};
    if (!report.input_sha256.empty()) provenance.push_back("SHA-256 " + report.input_sha256);
    provenance.push_back(fmt::format("rubric {} {}", m(report.rubric_id), m(report.rubric_version)));
    provenance.push_back("pindex " + m(report.tool_version));
    if (!report.generated_at.empty()) provenance.push_back("generated " + report.generated_at);
    out += "- " + join(provenance, " · ") + "\n";
}

std::string deck(const Report& report, const DeckChartFiles* charts) {
    std::string out = deck_front_matter(title_of(report));
    index_slide(out, report, charts);
    out += kSlideBreak;
    legend_slide(out, report);
    out += kSlideBreak;
    breakdown_slide(out, report, charts);
    out += kSlideBreak;
    chart_slide(out, report, charts);
    if (!report.moves.empty()) {
        out += kSlideBreak;
        moves_slide(out, report);
    }
    if (report.advantage) {
        out += kSlideBreak;
        advantage_slide(out, *report.advantage);
    }
    for (const auto& part : report.parts) {
        out += kSlideBreak;
        part_slides(out, part);
        for (const auto& question : part.questions)
            if (question.type == QuestionType::matrix && question.answer) matrix_slides(out, question);
    }
    out += kSlideBreak;
    closing_slide(out, report);
    return out;
}

}  // namespace

std::string write_report_markdown(const Report& report) { return deck(report, nullptr); }

std::vector<OutputFile> write_report_deck_files(const Report& report, const std::string& path) {
    DeckChartFiles charts(path);
    return {charts.file("gauge", gauge_chart(report)), charts.file("parts", parts_bar_chart(report)),
            charts.file("radar", radar_chart(report)), {path, deck(report, &charts)}};
}

}  // namespace pindex

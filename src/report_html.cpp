#include "pindex/report_html.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/report_charts.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

// Printing: no page size is set, so the browser's A4 or Letter choice holds; the content is
// at most 180 mm wide, which fits both with the margins below.
constexpr const char* kStyle = R"(
:root { color: #1a1a1a; background: #fff; font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; }
.meta { color: #595959; margin: 0.2rem 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.charts figure { flex: 1 1 20rem; margin: 0; }
figure svg { width: 100%; height: auto; }
figcaption { color: #595959; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #bdbdbd; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; white-space: nowrap; }
.matrix td { text-align: center; font-size: 0.85rem; }
.na { color: #595959; font-style: italic; }
.fail { font-weight: bold; }
.caveat { font-weight: bold; color: #9c0006; }
.so-what { font-size: 1.05rem; border-left: 4px solid #1f5fa8; padding-left: 0.7rem; }
.legend { background: #f5f7fa; padding: 0.2rem 1rem; margin-top: 1rem; font-size: 0.9rem; }
.legend h2 { font-size: 1rem; border: none; margin-top: 0.6rem; }
.note { color: #595959; font-size: 0.88rem; }
footer { margin-top: 2.5rem; color: #595959; font-size: 0.85rem; }
@page { margin: 14mm; }
@media print {
  /* 2px of padding: Chromium clips a table border drawn on the very edge of the page box. */
  body { max-width: none; margin: 0; padding: 0 2px; font-size: 10pt; }
  h2, h3, h2 + p { break-after: avoid; }
  /* A heading stays with its table: these sections are short enough to keep whole. */
  figure, table, section.part, section.keep, tr { break-inside: avoid; }
}
)";

std::string h(std::string_view text) { return escape_xml(text); }

void header(std::string& out, const Report& report) {
    out += fmt::format("<header>\n<h1>{}: {:.1f} / 100</h1>\n", h(report.rubric_name), report.index);
    // The caveat sits right under the number, before anything quotes it.
    if (!report.completeness.complete())
        out += "<p class=\"caveat\">" + h(incomplete_caveat(report.completeness)) + ".</p>\n";
    out += fmt::format("<p class=\"meta\"><strong>{}</strong></p>\n",
                       report.organization.empty() ? "Organization not given" : h(report.organization));
    std::vector<std::string> facts;
    if (!report.respondent.empty()) facts.push_back("Answered by " + h(report.respondent));
    if (!report.date.empty()) facts.push_back("on " + h(report.date));
    if (!facts.empty()) out += "<p class=\"meta\">" + join(facts, " ") + "</p>\n";
    out += fmt::format("<p class=\"meta\">Answers: {} · Rubric: {} {}{}</p>\n", h(report.source),
                       h(report.rubric_id), h(report.rubric_version),
                       report.generated_at.empty() ? "" : " · Generated " + h(report.generated_at));
    if (std::string sentence = so_what(report); !sentence.empty())
        out += "<p class=\"so-what\"><strong>So what:</strong> " + h(sentence) + "</p>\n";
    out += "</header>\n";
}

// What a first-time reader needs before the numbers.
void legend(std::string& out, const Report& report) {
    std::vector<std::string> lines = legend_lines(report);
    if (lines.empty()) return;
    out += "<section class=\"legend\">\n<h2>How to read this report</h2>\n";
    for (const auto& line : lines) out += "<p>" + h(line) + "</p>\n";
    out += "</section>\n";
}

void summary(std::string& out, const Report& report) {
    out += "<section class=\"keep\">\n<h2>Index and benchmarks</h2>\n<div class=\"charts\">\n";
    out += "<figure>\n" + gauge_chart(report) +
           "<figcaption>The index on 0–100. Marks: published benchmarks; shading between them: pindex "
           "convention.</figcaption>\n</figure>\n";
    out += "<figure>\n<table>\n<tr><th>Benchmark (published)</th><th class=\"num\">Score</th>"
           "<th>This index</th></tr>\n";
    for (const auto& position : report.benchmarks)
        out += fmt::format("<tr><td>{}</td><td class=\"num\">{:g}</td><td>{}</td></tr>\n",
                           h(position.benchmark.label), position.benchmark.score, delta_words(position.delta));
    out += "</table>\n";
    if (!report.calibration.empty()) out += "<p>" + h(report.calibration) + "</p>\n";
    if (report.peers) out += "<p>" + h(peer_words(*report.peers, report.index)) + "</p>\n";
    out += "</figure>\n</div>\n</section>\n";
}

void breakdown(std::string& out, const Report& report) {
    out += "<section>\n<h2>Breakdown by part</h2>\n<div class=\"charts\">\n";
    out += "<figure>\n" + parts_bar_chart(report) + "<figcaption>Points of each part, all on one scale: the grey "
           "track is the part's maximum.</figcaption>\n</figure>\n";
    out += "<figure>\n" + radar_chart(report) + "<figcaption>Each part as a share of its maximum; rings at "
           "25% steps.</figcaption>\n</figure>\n</div>\n";
    out += "<table>\n<tr><th>Part</th><th class=\"num\">Points</th><th class=\"num\">Maximum</th>"
           "<th class=\"num\">Share</th></tr>\n";
    for (const auto& part : report.parts)
        out += fmt::format("<tr><td>{}</td><td class=\"num\">{:.1f}</td><td class=\"num\">{:g}</td>"
                           "<td class=\"num\">{}{}</td></tr>\n", h(part.name), round_to_tenth(part.points),
                           part.weight, percent_words(part.fraction), part.applicable ? "" : " (no question applies)");
    out += fmt::format("<tr><th>Index</th><th class=\"num\">{:.1f}</th><th class=\"num\">100</th><th></th></tr>\n"
                       "</table>\n</section>\n", report.index);
}

void moves(std::string& out, const Report& report) {
    constexpr std::size_t kShown = 10;
    const std::vector<Move>& moves = report.moves;
    if (moves.empty()) return;
    out += fmt::format("<section class=\"keep\">\n<h2>What would raise the index most</h2>\n<p>The {} best single "
                       "steps of {}, each computed by scoring the answers again with that step taken.</p>\n<table>\n<tr>"
                       "<th class=\"num\">Adds</th><th>Where</th><th>From</th><th>To, and how</th></tr>\n",
                       std::min(kShown, moves.size()), moves.size());
    for (std::size_t i = 0; i < moves.size() && i < kShown; ++i) {
        const Move& move = moves[i];
        std::string to = "<strong>" + h(move.to_text) + "</strong>";
        if (!move.advice.empty()) to += "<br><span class=\"note\">" + h(move.advice) + "</span>";
        out += fmt::format("<tr><td class=\"num\">+{:.2f}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", move.gain,
                           h(move_target_words(move)), h(move.from_text), to);
    }
    out += "</table>\n";
    if (std::string plan = plan_pointer_words(report); !plan.empty()) out += "<p>" + h(plan) + "</p>\n";
    out += "</section>\n";
}

void advantage(std::string& out, const Advantage& advantage) {
    out += "<section>\n<h2>Personalization advantage: P = n × v²</h2>\n<p>" + h(advantage_words(advantage)) +
           "</p>\n<p class=\"note\">No units are published for P, so it is shown only as a ratio.</p>\n</section>\n";
}

std::string answer_cell(const QuestionReport& question) {
    if (!question.applicable) return "<span class=\"na\">not applicable</span>";
    if (!question.answer) return "<span class=\"na\">not answered</span>";
    std::string cell = h(question.answer_text);
    if (!question.note.empty()) cell += "<br><span class=\"note\">Note: " + h(question.note) + "</span>";
    return cell;
}

// Cells are shaded by level score and always carry the level's label: the shade only repeats it.
void matrix_table(std::string& out, const QuestionReport& question) {
    out += fmt::format("<h3>{}</h3>\n<table class=\"matrix\">\n<tr><th></th>", h(question.text));
    for (const auto& column : question.columns) out += "<th>" + h(column.label) + "</th>";
    out += "</tr>\n";
    for (const auto& row : question.rows) {
        out += "<tr><th>" + h(row.label) + "</th>";
        for (const auto& column : question.columns) {
            const std::string* level_id = question.cell(row.id, column.id);
            const Option* level = level_id ? question.level(*level_id) : nullptr;
            if (!level) {
                out += fmt::format("<td class=\"na\">{}</td>", level_id ? "n/a" : "not answered");
                continue;
            }
            auto shade = static_cast<std::size_t>(level->score * (std::size(palette::kBands) - 1) + 0.5);
            out += fmt::format("<td style=\"background:{};color:{}\">{}</td>", palette::kBands[shade],
                               shade == std::size(palette::kBands) - 1 ? "#fff" : palette::kInk, h(level->label));
        }
        out += "</tr>\n";
    }
    out += "</table>\n";
}

void part_detail(std::string& out, const PartReport& part) {
    out += fmt::format("<section class=\"part\">\n<h3>{}: {:.1f} / {:g} ({})</h3>\n", h(part.name),
                       round_to_tenth(part.points), part.weight, percent_words(part.fraction));
    if (!part.description.empty()) out += "<p>" + h(part.description) + "</p>\n";
    out += "<table>\n<tr><th>Question</th><th>Answer</th><th class=\"num\">Score</th><th class=\"num\">Points"
           "</th></tr>\n";
    for (const auto& question : part.questions)
        out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1f} / {:.1f}"
                           "</td></tr>\n", h(question.text), answer_cell(question), percent_words(question.score),
                           round_to_tenth(question.points), round_to_tenth(question.max_points));
    out += "</table>\n";
    for (const auto& question : part.questions)
        if (question.type == QuestionType::matrix && question.answer) matrix_table(out, question);
    out += "</section>\n";
}

void status(std::string& out, const Report& report) {
    out += "<section class=\"keep\">\n<h2>Completeness and thresholds</h2>\n";
    out += fmt::format("<p{}>{}</p>\n", report.completeness.complete() ? "" : " class=\"fail\"",
                       h(completeness_words(report.completeness)));
    if (!report.thresholds.empty()) {
        out += "<table>\n<tr><th>Threshold</th><th class=\"num\">Minimum</th><th class=\"num\">Actual</th>"
               "<th>Result</th></tr>\n";
        for (const auto& result : report.thresholds)
            out += fmt::format("<tr><td>{}</td><td class=\"num\">{:g}</td><td class=\"num\">{:.1f}</td>"
                               "<td{}>{}</td></tr>\n",
                               h(result.threshold.target()),
                               result.threshold.minimum, result.actual, result.passed ? "" : " class=\"fail\"",
                               result.passed ? "passed" : "FAILED");
        out += "</table>\n";
    }
    out += "</section>\n";
}

void sources(std::string& out, const Report& report) {
    out += "<section>\n<h2>Sources and conventions</h2>\n<ul>\n";
    for (const auto& position : report.benchmarks)
        out += fmt::format("<li>{} ({:g}): {}</li>\n", h(position.benchmark.label), position.benchmark.score,
                           h(position.benchmark.source));
    if (!report.calibration.empty()) out += "<li>" + h(report.calibration) + "</li>\n";
    for (const auto& convention : report.rubric_conventions) out += "<li>" + h(convention) + "</li>\n";
    out += "<li>pindex convention: the gauge's shading bands lie between the published benchmarks; they add no "
           "figure of their own.</li>\n</ul>\n</section>\n";
}

}  // namespace

std::string write_report_html(const Report& report) {
    std::string title = report.rubric_name + (report.organization.empty() ? "" : ": " + report.organization);
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                  "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                                  h(title), kStyle);
    header(out, report);
    legend(out, report);
    summary(out, report);
    breakdown(out, report);
    moves(out, report);
    if (report.advantage) advantage(out, *report.advantage);
    out += "<section>\n<h2>Every question</h2>\n";
    for (const auto& part : report.parts) part_detail(out, part);
    out += "</section>\n";
    status(out, report);
    sources(out, report);
    out += fmt::format("<footer>Generated by pindex {} from {}{}{}.</footer>\n</body>\n</html>\n",
                       h(report.tool_version), h(report.source),
                       report.input_sha256.empty() ? "" : " (SHA-256 " + h(report.input_sha256) + ")",
                       report.generated_at.empty() ? "" : " at " + h(report.generated_at));
    return out;
}

}  // namespace pindex

#include "pindex/report_text.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr int kBarWidth = 20;
constexpr std::size_t kWidth = 80;  // the report fits an 80-column terminal or CI log

std::string bar(double fraction) {
    int filled = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kBarWidth));
    return std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kBarWidth - filled), '.');
}

// Organization, respondent, date and file name come from the user's files: print them escaped.
void write_header(std::string& out, const Report& report) {
    out += fmt::format("Personalization Index: {:.1f} / 100\n", report.index);
    std::string who = report.organization.empty() ? "(organization not given)" : report.organization;
    if (!report.respondent.empty()) who += ", answered by " + report.respondent;
    if (!report.date.empty()) who += " on " + report.date;
    out += fmt::format("{}\n", escape_control_characters(who));
    out += fmt::format("Answers: {}  Rubric: {} {}\n\n", escape_control_characters(report.source),
                       report.rubric_id, escape_control_characters(report.rubric_version));
}

void write_parts(std::string& out, const Report& report) {
    out += fmt::format("  {:<16} {:>12}  {:>5}\n", "Part", "Points", "Share");
    for (const auto& part : report.parts) {
        std::string points = fmt::format("{:.1f} / {:g}", round_to_tenth(part.points), part.weight);
        out += fmt::format("  {:<16} {:>12}  {:>5}  {}{}\n", part.name, points, percent_words(part.fraction),
                           bar(part.fraction), part.applicable ? "" : "  (no question applies)");
    }
    out += fmt::format("  {:<16} {:>12}\n\n", "Index", fmt::format("{:.1f} / 100", report.index));
}

void write_benchmarks(std::string& out, const Report& report) {
    if (report.benchmarks.empty()) return;
    out += "Benchmarks (published):\n";
    for (const auto& position : report.benchmarks)
        out += fmt::format("  {:<24} {:>5.1f}   this index is {}\n", position.benchmark.label,
                           position.benchmark.score, delta_words(position.delta));
    for (const auto& line : wrap_words(report.calibration, kWidth - 2)) out += "  " + line + "\n";
    out += "  Sources:\n";
    for (const auto& position : report.benchmarks) {
        bool first = true;
        for (const auto& line : wrap_words(position.benchmark.label + ": " + position.benchmark.source, kWidth - 6)) {
            out += fmt::format("    {}{}\n", first ? "" : "  ", line);
            first = false;
        }
    }
    out += "\n";
}

void write_completeness(std::string& out, const Completeness& completeness) {
    if (completeness.complete()) {
        out += fmt::format("Complete: all {} applicable questions answered.\n", completeness.applicable);
        return;
    }
    std::string summary = fmt::format("{}: {} of {} applicable questions fully answered ({:.0f}%); "
                                      "missing answers score 0.", text_report_marks::kIncomplete, completeness.answered,
                                      completeness.applicable,
                                      completeness.fraction() * 100);
    for (const auto& line : wrap_words(summary, kWidth)) out += line + "\n";
    for (const auto& line : wrap_words("Missing: " + join(completeness.missing, ", "), kWidth - 2))
        out += "  " + line + "\n";
}

// The best three moves with the rubric's advice: what to do on Monday.
void write_moves(std::string& out, const std::vector<Move>& moves) {
    constexpr std::size_t kShown = 3;
    if (moves.empty()) return;
    out += "\n";
    for (const auto& line : wrap_words(fmt::format("What would raise the index most, one step at a time ({} steps "
                                                   "in all; the JSON report lists every one):", moves.size()), kWidth))
        out += line + "\n";
    for (std::size_t i = 0; i < moves.size() && i < kShown; ++i) {
        const Move& move = moves[i];
        std::string step = move_change_words(move);
        bool first = true;
        for (const auto& line : wrap_words(escape_control_characters(step), kWidth - 10)) {
            out += first ? fmt::format("  {:>+6.2f}  {}\n", move.gain, line) : fmt::format("          {}\n", line);
            first = false;
        }
        for (const auto& line : wrap_words(move.advice, kWidth - 12)) out += "            " + line + "\n";
    }
}

void write_advantage(std::string& out, const Advantage& advantage) {
    out += "\nPersonalization advantage (P = n × v², shown only as a ratio):\n";
    for (const auto& line : wrap_words(escape_control_characters(advantage_words(advantage)), kWidth - 2))
        out += "  " + line + "\n";
}

void write_thresholds(std::string& out, const Report& report) {
    if (report.thresholds.empty()) return;
    out += "\nThresholds:\n";
    for (const auto& result : report.thresholds) {
        std::string target = result.threshold.target();
        out += fmt::format("{}{:<6} {} >= {:g}: {:.1f}\n", text_report_marks::kIndent,
                           result.passed ? text_report_marks::kPassed : text_report_marks::kFailed, target,
                           result.threshold.minimum, result.actual);
    }
}

}  // namespace

std::string write_report_text(const Report& report) {
    std::string out;
    write_header(out, report);
    write_parts(out, report);
    write_benchmarks(out, report);
    if (report.peers) {
        out += "Peer benchmarks (your own set):\n";
        for (const auto& line : wrap_words(escape_control_characters(peer_words(*report.peers, report.index)), kWidth - 2))
            out += "  " + line + "\n";
        out += "\n";
    }
    write_completeness(out, report.completeness);
    write_moves(out, report.moves);
    if (std::string plan = plan_pointer_words(report); !plan.empty())
        for (const auto& line : wrap_words(escape_control_characters(plan), kWidth)) out += line + "\n";
    if (report.advantage) write_advantage(out, *report.advantage);
    write_thresholds(out, report);
    return visible_controls(out, LineBreaks::keep);
}

}  // namespace pindex

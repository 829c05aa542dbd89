#include "survey_ending.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "invocation.hpp"
#include "pindex/scoring.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

constexpr std::size_t kBarWidth = 20;
constexpr std::size_t kStepsShown = 3;

std::string bar(double fraction, const Glyphs& glyphs) {
    auto filled = static_cast<std::size_t>(std::lround(std::clamp(fraction, 0.0, 1.0) * double(kBarWidth)));
    std::string text;
    for (std::size_t i = 0; i < kBarWidth; ++i) text += i < filled ? glyphs.bar_full : glyphs.bar_empty;
    return text;
}

std::string part_name(const Report& report, const std::string& part_id) {
    for (const auto& part : report.parts)
        if (part.id == part_id) return part.name;
    return part_id;
}

// A step in plain words: the part (and the journey cell), then what to do.
std::string step_words(const Report& report, const Move& move) {
    std::string where = part_name(report, move.part);
    if (move.row && move.column) where += fmt::format(" ({}, {})", move.row->label, move.column->label);
    std::string what = move.advice.empty() ? fmt::format("{} instead of {}", move.to_text, move.from_text) : move.advice;
    return escape_control_characters(where + ": " + what);
}

struct Sections {
    std::vector<StyledLine> headline, parts, steps, commands;
};

// One way to lay the ending out. The layouts below give things up in this order, until the
// ending fits: words around the benchmarks and the commands; blank lines; the steps' second
// lines; the plain score command (the HTML one says more); every word around the commands.
struct Layout {
    bool full_words;
    int blank_lines;  // 3: after the headline, the parts and the steps; 2: not after the headline
    std::size_t step_lines;
    bool score_command;
    bool command_words;
};

constexpr Layout kLayouts[] = {
    {true, 3, 2, true, true},  {false, 3, 2, true, true}, {false, 2, 2, true, true}, {false, 0, 2, true, true},
    {false, 0, 1, true, true}, {false, 0, 1, false, true}, {false, 0, 1, false, false},
};

Sections sections(const Report& report, const std::string& answers_file, std::size_t width, const Layout& layout,
                  const Glyphs& glyphs) {
    std::size_t step_lines = layout.step_lines;
    Sections s;
    // The index on a line of its own words: the organization beside it when both fit.
    std::string index = fmt::format("Personalization Index {:.1f} of 100", report.index);
    std::string who = escape_control_characters(report.organization);
    if (!who.empty() && display_width(who) + 2 + display_width(index) <= width) {
        s.headline.push_back(styled(who + ": " + index, Style::bold));
    } else {
        if (!who.empty()) s.headline.push_back(styled(clip_to_width(who, width, glyphs.ellipsis), Style::bold));
        s.headline.push_back(styled(index, Style::bold));
    }
    std::vector<std::string> gaps;
    for (const auto& position : report.benchmarks)
        gaps.push_back(fmt::format("{} {:g} ({})", position.benchmark.label, position.benchmark.score,
                                   delta_words(position.delta)));
    if (!gaps.empty())
        for (auto& line : wrapped((layout.full_words ? "Published benchmarks: " : "Benchmarks: ") + join(gaps, ", ") +
                                      ".",
                                  width, Style::plain))
            s.headline.push_back(std::move(line));

    for (const auto& part : report.parts)
        s.parts.push_back(styled(fmt::format("  {:<16} {:>4.1f} / {:<3g} {}", part.name, round_to_tenth(part.points), part.weight,
                                             bar(part.fraction, glyphs))));

    if (report.moves.empty()) {
        s.steps.push_back(styled("No single step raises the index: every answer is at its best."));
    } else {
        s.steps.push_back(styled(fmt::format("The {} steps that would raise it most:",
                                             std::min(kStepsShown, report.moves.size()) == 1 ? "one" : "three"),
                                 Style::bold));
        for (std::size_t i = 0; i < report.moves.size() && i < kStepsShown; ++i) {
            const Move& move = report.moves[i];
            std::string head = fmt::format("  +{:.1f}  ", round_to_tenth(move.gain));
            std::vector<StyledLine> lines = wrapped(step_words(report, move), width, Style::plain, head,
                                                    std::string(display_width(head), ' '));
            if (lines.size() > step_lines) {
                lines.resize(step_lines);
                std::string& last = lines.back().back().text;
                last = clip_to_width(last + " " + std::string(glyphs.ellipsis), width - display_width(head), glyphs.ellipsis);
            }
            for (auto& line : lines) s.steps.push_back(std::move(line));
        }
    }

    std::string file = escape_control_characters(answers_file);
    // Where a published benchmark lies above the index, the fewest steps to it (pindex plan).
    const Benchmark* next = report.index_band().upper;
    std::string plan = !next ? "" : layout.full_words ? fmt::format(", and the fewest steps to the {} ({:g})",
                                                                    next->label, next->score)
                                                      : fmt::format(", a plan to {:g}", next->score);
    std::string saved = layout.full_words ? fmt::format("Saved to {}. Its whole report, one to share as HTML (or -o "
                                                        "deck.md, charts.svg, scores.csv, report.xlsx){}:", file, plan)
                        : layout.command_words ? fmt::format("Saved to {}. Report, HTML to share{}:", file, plan)
                                               : fmt::format("Saved to {}:", file);
    for (auto& line : wrapped(saved, width, Style::plain)) s.commands.push_back(std::move(line));
    if (layout.score_command) s.commands.push_back(styled("  " + command_line({"score", answers_file}), Style::accent));
    s.commands.push_back(styled("  " + command_line({"score", answers_file, "-o", "report.html"}), Style::accent));
    if (next) s.commands.push_back(styled("  " + command_line({"plan", answers_file, "--target", next->id}), Style::accent));
    return s;
}

}  // namespace

std::vector<StyledLine> finished_survey_lines(const Report& report, const std::string& answers_file, ScreenSize size,
                                              const Glyphs& glyphs) {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::size_t room = size.rows > 1 ? size.rows - 1 : 1;
    std::vector<StyledLine> lines;
    for (const Layout& layout : kLayouts) {
        Sections s = sections(report, answers_file, width, layout, glyphs);
        lines.clear();
        int group = 0;
        for (auto* section : {&s.headline, &s.parts, &s.steps, &s.commands}) {
            bool blank = group > 0 && (layout.blank_lines == 3 || (layout.blank_lines == 2 && group > 1));
            if (blank) lines.push_back({});
            for (auto& line : *section) lines.push_back(std::move(line));
            ++group;
        }
        // A command longer than the screen is wide is not cut: the terminal wraps it.
        std::size_t height = 0;
        for (const auto& line : lines)
            height += std::max<std::size_t>(1, (display_width(plain_text(line)) + size.columns - 1) / size.columns);
        if (height <= room) break;
    }
    return lines;
}

std::vector<StyledLine> unfinished_survey_lines(const Completeness& completeness, const std::string& answers_file,
                                                bool default_file, std::size_t width) {
    std::vector<StyledLine> lines;
    for (auto& line : wrapped(fmt::format("Saved to {}: {} of {} questions answered. To go on, from the first question still open:",
                                          escape_control_characters(answers_file), completeness.answered,
                                          completeness.applicable),
                              width, Style::plain))
        lines.push_back(std::move(line));
    std::vector<std::string> arguments{"survey"};
    if (!default_file) arguments.insert(arguments.end(), {"-o", answers_file});
    lines.push_back(styled("  " + command_line(arguments), Style::accent));
    return lines;
}

}  // namespace pindex::cli

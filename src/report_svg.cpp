#include "pindex/report_svg.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/report_charts.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr double kWidth = 1600, kHeight = 900, kPanelTop = 190, kPanelHeight = 640;

// A chart placed in a panel: a nested <svg> keeps the chart's own viewBox and scales it to fit.
// Every chart starts with "<svg"; the position and size go right after it.
std::string panel(double x, double width, const std::string& heading, const std::string& chart) {
    constexpr std::string_view kOpen = "<svg";
    std::string placed = chart;
    placed.insert(kOpen.size(), fmt::format(" x=\"{:g}\" y=\"{:g}\" width=\"{:g}\" height=\"{:g}\" "
                                 "preserveAspectRatio=\"xMidYMin meet\"", x, kPanelTop + 30, width, kPanelHeight - 30));
    return fmt::format("<text x=\"{:g}\" y=\"{:g}\" font-size=\"28\" font-weight=\"bold\" fill=\"{}\">{}</text>\n",
                       x, kPanelTop, palette::kInk, escape_xml(heading)) +
           placed;
}

// Text from the answers file between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: an
// Arabic or Hebrew organization keeps its own direction without reordering the date beside it.
std::string isolated(std::string_view text) { return "\u2068" + escape_xml(text) + "\u2069"; }

// The organization shortened to one line of the canvas (about 80 columns of 28-unit text).
std::string subtitle(const Report& report) {
    std::string who = report.organization.empty() ? "Organization not given" : isolated(shorten(report.organization, 80));
    if (!report.date.empty()) who += " · " + isolated(report.date);
    return who;
}

// The footer's lines, bottom up from the canvas's edge: the benchmarks' citation, the rubric's
// calibration sentence and the peer set, wrapped to the canvas (about 140 characters of 18-unit
// text in 1480 units), growing upwards into the panels' margin.
std::string footer(const Report& report) {
    std::vector<std::string> lines;
    std::string citation = benchmark_citation(report);
    lines.push_back((citation.empty() ? "" : "Published figures. " + citation + " ") + "pindex " + report.tool_version +
                    ".");
    for (const auto& line : wrap_words(report.calibration, 140)) lines.push_back(line);
    if (report.peers)
        for (const auto& line : wrap_words(peer_words(*report.peers, report.index), 140)) lines.push_back(line);
    std::string out;
    double y = 872 - 24.0 * double(lines.size() - 1);
    for (const auto& line : lines) {
        out += fmt::format("<text x=\"60\" y=\"{:g}\" font-size=\"18\" fill=\"{}\">{}</text>\n", y, palette::kMuted,
                           escape_xml(line));
        y += 24;
    }
    return out;
}

}  // namespace

std::string write_report_svg(const Report& report) {
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:g} {1:g}\" width=\"{0:g}\" height=\"{1:g}\" "
        "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n"
        "<rect width=\"{0:g}\" height=\"{1:g}\" fill=\"#ffffff\"/>\n",
        kWidth, kHeight);
    // An incomplete assessment's index never appears without its caveat beside it.
    std::string caveat = report.completeness.complete()
                             ? ""
                             : fmt::format("<tspan font-size=\"26\" fill=\"{}\">  {}</tspan>", palette::kWarning,
                                           escape_xml(fmt::format("Incomplete: {} of {} answered",
                                                                  report.completeness.answered,
                                                                  report.completeness.applicable)));
    out += fmt::format("<text x=\"60\" y=\"84\" font-size=\"48\" font-weight=\"bold\" fill=\"{}\" direction=\"ltr\">"
                       "{}: {:.1f} / 100{}</text>\n",
                       palette::kInk, escape_xml(shorten(report.rubric_name, 40)), report.index, caveat);
    out += fmt::format("<text x=\"60\" y=\"132\" font-size=\"28\" fill=\"{}\" direction=\"ltr\">{}</text>\n",
                       palette::kMuted, subtitle(report));
    out += panel(60, 430, "Index and benchmarks", gauge_chart(report));
    out += panel(530, 470, "Points by part", parts_bar_chart(report));
    out += panel(1030, 530, "Share of each part's maximum", radar_chart(report));
    out += footer(report);
    return out + "</svg>\n";
}

}  // namespace pindex

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

std::string subtitle(const Report& report) {
    std::string who = report.organization.empty() ? "Organization not given" : report.organization;
    if (!report.date.empty()) who += " · " + report.date;
    return who;
}

}  // namespace

std::string write_report_svg(const Report& report) {
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:g} {1:g}\" width=\"{0:g}\" height=\"{1:g}\" "
        "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n"
        "<rect width=\"{0:g}\" height=\"{1:g}\" fill=\"#ffffff\"/>\n",
        kWidth, kHeight);
    out += fmt::format("<text x=\"60\" y=\"84\" font-size=\"48\" font-weight=\"bold\" fill=\"{}\">"
                       "{}: {:.1f} / 100</text>\n",
                       palette::kInk, escape_xml(report.rubric_name), report.index);
    out += fmt::format("<text x=\"60\" y=\"132\" font-size=\"28\" fill=\"{}\">{}</text>\n", palette::kMuted,
                       escape_xml(subtitle(report)));
    out += panel(60, 430, "Index and benchmarks", gauge_chart(report));
    out += panel(530, 470, "Points by part", parts_bar_chart(report));
    out += panel(1030, 530, "Share of each part's maximum", radar_chart(report));
    // The sources are too long for a slide; the other formats carry them in full.
    // The rubric's calibration sentence below it, wrapped to the canvas (about 140 characters of
    // 18-pixel text in 1480 pixels), the footer growing upwards into the panels' margin.
    std::vector<std::string> calibration = wrap_words(report.calibration, 140);
    double y = 872 - 24.0 * static_cast<double>(calibration.size());
    out += fmt::format("<text x=\"60\" y=\"{:g}\" font-size=\"20\" fill=\"{}\">Benchmark marks are published "
                       "figures; their sources are in the HTML, Markdown and JSON reports. pindex {}.</text>\n",
                       y, palette::kMuted, escape_xml(report.tool_version));
    for (const auto& line : calibration)
        out += fmt::format("<text x=\"60\" y=\"{:g}\" font-size=\"18\" fill=\"{}\">{}</text>\n", y += 24,
                           palette::kMuted, escape_xml(line));
    return out + "</svg>\n";
}

}  // namespace pindex

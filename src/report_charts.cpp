#include "pindex/report_charts.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr const char* kFont = "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\"";

struct Point {
    double x = 0, y = 0;
};

double clamp_fraction(double fraction) { return std::clamp(fraction, 0.0, 1.0); }

std::string svg_open(double width, double height, const std::string& title, const std::string& desc) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:g} {:g}\" role=\"img\" {}>\n"
                       "<title>{}</title>\n<desc>{}</desc>\n",
                       width, height, kFont, escape_xml(title), escape_xml(desc));
}

std::string text_element(Point at, double size, const std::string& anchor, const std::string& content,
                         const std::string& extra = "") {
    return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{:g}\" text-anchor=\"{}\" fill=\"{}\"{}>{}</text>\n",
                       at.x, at.y, size, anchor, palette::kInk, extra, escape_xml(content));
}

// --- gauge -----------------------------------------------------------------------------------

constexpr double kGaugeWidth = 500, kGaugeCx = 250, kGaugeCy = 250, kGaugeRadius = 200, kGaugeThickness = 44;

// The point at `value` (0-100) on a half circle of radius r, 0 on the left, 100 on the right.
Point gauge_point(double value, double radius) {
    double angle = std::numbers::pi * (1 - std::clamp(value, 0.0, 100.0) / 100);
    return {kGaugeCx + radius * std::cos(angle), kGaugeCy - radius * std::sin(angle)};
}

std::string gauge_band(double from, double to, const char* colour) {
    double outer = kGaugeRadius, inner = kGaugeRadius - kGaugeThickness;
    Point a = gauge_point(from, outer), b = gauge_point(to, outer), c = gauge_point(to, inner),
          d = gauge_point(from, inner);
    return fmt::format("<path d=\"M {:.1f} {:.1f} A {:g} {:g} 0 0 1 {:.1f} {:.1f} L {:.1f} {:.1f} "
                       "A {:g} {:g} 0 0 0 {:.1f} {:.1f} Z\" fill=\"{}\"/>\n",
                       a.x, a.y, outer, outer, b.x, b.y, c.x, c.y, inner, inner, d.x, d.y, colour);
}

std::vector<Benchmark> benchmarks_by_score(const Report& report) {
    std::vector<Benchmark> sorted;
    for (const auto& position : report.benchmarks) sorted.push_back(position.benchmark);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.score < b.score; });
    return sorted;
}

std::string gauge_bands_and_marks(const std::vector<Benchmark>& benchmarks) {
    std::string out;
    double from = 0;
    std::size_t band = 0, last_band = std::size(palette::kBands) - 1;
    for (const auto& benchmark : benchmarks) {
        out += gauge_band(from, benchmark.score, palette::kBands[std::min(band++, last_band)]);
        from = benchmark.score;
    }
    out += gauge_band(from, 100, palette::kBands[std::min(band, last_band)]);
    for (const auto& benchmark : benchmarks) {
        Point inner = gauge_point(benchmark.score, kGaugeRadius - kGaugeThickness - 6);
        Point outer = gauge_point(benchmark.score, kGaugeRadius + 6);
        Point label = gauge_point(benchmark.score, kGaugeRadius + 22);
        out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
                           "stroke-width=\"3\"/>\n", inner.x, inner.y, outer.x, outer.y, palette::kInk);
        std::string anchor = label.x < kGaugeCx - 20 ? "end" : label.x > kGaugeCx + 20 ? "start" : "middle";
        out += text_element(label, 20, anchor, fmt::format("{:g}", benchmark.score), " font-weight=\"bold\"");
    }
    return out;
}

}  // namespace

std::string gauge_chart(const Report& report) {
    std::vector<Benchmark> benchmarks = benchmarks_by_score(report);
    IndexBand band = report.index_band();
    std::vector<std::string> band_lines = band.words.empty() ? std::vector<std::string>{}
                                                             : wrap_words("The index is " + band.words + ".", 42);
    std::vector<std::string> caveat_lines = wrap_words(incomplete_caveat(report.completeness), 42);
    band_lines.insert(band_lines.begin(), caveat_lines.begin(), caveat_lines.end());
    // Below the arc: the index, its band in words, then what each mark stands for.
    double number_baseline = kGaugeCy + 90, band_top = number_baseline + 40;
    double legend_top = band_top + 26.0 * double(band_lines.size());
    double height = legend_top + 26.0 * double(benchmarks.size()) + 10;

    std::string desc = fmt::format("Index {:.1f} out of 100{}.", report.index,
                                   report.completeness.complete() ? "" : ", " + incomplete_caveat(report.completeness));
    for (const auto& benchmark : benchmarks) desc += fmt::format(" {}: {:g}.", benchmark.label, benchmark.score);
    if (!band.words.empty()) desc += " The index is " + band.words + ".";
    std::string out = svg_open(kGaugeWidth, height, "Personalization Index gauge", desc);
    out += gauge_bands_and_marks(benchmarks);

    Point tip = gauge_point(report.index, kGaugeRadius - 4), left = gauge_point(report.index + 50, 8),
          right = gauge_point(report.index - 50, 8);
    out += fmt::format("<polygon points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"{}\"/>\n", tip.x,
                       tip.y, left.x, left.y, right.x, right.y, palette::kInk);
    out += fmt::format("<circle cx=\"{:g}\" cy=\"{:g}\" r=\"10\" fill=\"{}\"/>\n", kGaugeCx, kGaugeCy, palette::kInk);
    out += text_element({kGaugeCx - kGaugeRadius + kGaugeThickness / 2, kGaugeCy + 26}, 20, "middle", "0");
    out += text_element({kGaugeCx + kGaugeRadius - kGaugeThickness / 2, kGaugeCy + 26}, 20, "middle", "100");
    out += text_element({kGaugeCx, number_baseline}, 64, "middle", fmt::format("{:.1f}", report.index),
                        " font-weight=\"bold\"");
    double y = band_top;
    for (std::size_t i = 0; i < band_lines.size(); ++i) {
        bool caveat = i < caveat_lines.size();
        out += text_element({kGaugeCx, y}, 20, "middle", band_lines[i],
                            caveat ? fmt::format(" font-weight=\"bold\" style=\"fill:{}\"", palette::kWarning) : "");
        y += 26;
    }
    for (const auto& benchmark : benchmarks) {
        out += text_element({kGaugeCx, y + 4}, 20, "middle",
                            fmt::format("{:g}: {} (published)", benchmark.score, benchmark.label));
        y += 26;
    }
    return out + "</svg>\n";
}

// --- bars ----------------------------------------------------------------------------------------

std::string parts_bar_chart(const Report& report) {
    constexpr double kWidth = 560, kRow = 70, kBar = 24;
    double height = kRow * double(report.parts.size()) + 10;
    double scale_max = 0;  // points: the largest part's maximum spans the whole width
    for (const auto& part : report.parts) scale_max = std::max(scale_max, part.weight);
    double per_point = scale_max > 0 ? kWidth / scale_max : 0;
    std::string desc = fmt::format("All bars on one scale of 0 to {:g} points; each grey track is the part's maximum. ",
                                   scale_max);
    for (const auto& part : report.parts)
        desc += fmt::format("{}: {:.1f} of {:g} points ({}). ", part.name, round_to_tenth(part.points), part.weight,
                            percent_words(part.fraction));
    std::string out = svg_open(kWidth, height, "Points by part, on one scale, against each part's maximum", desc);
    double y = 0;
    for (const auto& part : report.parts) {
        std::string value = part.applicable ? fmt::format("{:.1f} / {:g} ({})", round_to_tenth(part.points), part.weight,
                                                          percent_words(part.fraction))
                                            : fmt::format("0 / {:g} (no question applies)", part.weight);
        out += text_element({0, y + 24}, 22, "start", part.name);
        out += text_element({kWidth, y + 24}, 22, "end", value);
        out += fmt::format("<rect x=\"0\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:g}\" fill=\"{}\"/>\n", y + 34,
                           per_point * part.weight, kBar, palette::kTrack);
        out += fmt::format("<rect x=\"0\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:g}\" fill=\"{}\"/>\n", y + 34,
                           per_point * std::clamp(part.points, 0.0, part.weight), kBar, palette::kAccent);
        y += kRow;
    }
    return out + "</svg>\n";
}

// --- radar ---------------------------------------------------------------------------------------

namespace {

constexpr double kRadarWidth = 680, kRadarHeight = 560, kRadarCx = 340, kRadarCy = 285, kRadarRadius = 170;

Point radar_point(std::size_t axis, std::size_t axes, double fraction) {
    double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * double(axis) / double(axes);
    double radius = kRadarRadius * clamp_fraction(fraction);
    return {kRadarCx + radius * std::cos(angle), kRadarCy + radius * std::sin(angle)};
}

std::string polygon_points(std::size_t axes, const std::vector<double>& fractions) {
    std::string points;
    for (std::size_t i = 0; i < axes; ++i) {
        Point p = radar_point(i, axes, fractions[i]);
        points += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", p.x, p.y);
    }
    return points;
}

std::string radar_grid(std::size_t axes) {
    std::string out;
    for (double ring : {0.25, 0.5, 0.75, 1.0})
        out += fmt::format("<polygon points=\"{}\" fill=\"none\" stroke=\"#bdbdbd\" stroke-width=\"1\"/>\n",
                           polygon_points(axes, std::vector<double>(axes, ring)));
    for (std::size_t i = 0; i < axes; ++i) {
        Point end = radar_point(i, axes, 1);
        out += fmt::format("<line x1=\"{:g}\" y1=\"{:g}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bdbdbd\"/>\n",
                           kRadarCx, kRadarCy, end.x, end.y);
    }
    for (double ring : {0.5, 1.0}) {
        Point at = radar_point(0, axes, ring);
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"16\" fill=\"{}\">{}</text>\n", at.x + 4,
                           at.y + 16, palette::kMuted, percent_words(ring));
    }
    return out;
}

}  // namespace

std::string radar_chart(const Report& report) {
    std::size_t axes = report.parts.size();
    std::string desc;
    std::vector<double> fractions;
    for (const auto& part : report.parts) {
        desc += fmt::format("{}: {} of its maximum. ", part.name, percent_words(part.fraction));
        fractions.push_back(part.fraction);
    }
    std::string out = svg_open(kRadarWidth, kRadarHeight, "Each part as a share of its maximum", desc);
    if (axes < 3) return out + "</svg>\n";  // a radar needs three axes; the bars show the rest
    out += radar_grid(axes);
    out += fmt::format("<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.25\" stroke=\"{}\" stroke-width=\"3\"/>\n",
                       polygon_points(axes, fractions), palette::kAccent, palette::kAccent);
    for (std::size_t i = 0; i < axes; ++i) {
        Point dot = radar_point(i, axes, fractions[i]);
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"{}\"/>\n", dot.x, dot.y,
                           palette::kAccent);
        Point label = radar_point(i, axes, 1);
        double dx = label.x - kRadarCx, dy = label.y - kRadarCy, length = std::hypot(dx, dy);
        label = {label.x + 22 * dx / length, label.y + 22 * dy / length + (dy > 1 ? 14 : dy < -1 ? -14 : 0)};
        std::string anchor = dx < -1 ? "end" : dx > 1 ? "start" : "middle";
        out += text_element(label, 22, anchor, report.parts[i].name);
        out += text_element({label.x, label.y + 24}, 22, anchor, percent_words(fractions[i]), " font-weight=\"bold\"");
    }
    return out + "</svg>\n";
}

}  // namespace pindex

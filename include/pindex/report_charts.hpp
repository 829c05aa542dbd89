#pragma once
// The report's charts as SVG elements, shared by the HTML report (inline) and the SVG export.
// Each is a complete <svg> with a viewBox, a <title> and a <desc> that states its numbers, so a
// screen reader or a text search finds what the picture shows. Colours follow one documented
// palette (docs/reports.md) and never carry meaning alone: every band and value is also written.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

// The index on a 0-100 half-circle with the rubric's benchmarks marked and the bands between
// them shaded, the index written in the middle and its band in words below (and, for an
// incomplete assessment, that it is incomplete).
std::string gauge_chart(const Report& report);

// One bar per part, all on one scale of points: a grey track as long as the part's maximum and
// the points earned over it, with "points / max (share)" written. Empower me's 50 points get a
// track five times as long as a 10-point part's.
std::string parts_bar_chart(const Report& report);

// A radar of the parts, each as a share of its maximum, with grid rings at 25% steps.
std::string radar_chart(const Report& report);

// The palette, exposed so the HTML report's tables shade with the same colours.
namespace palette {
inline constexpr const char* kInk = "#1a1a1a";
inline constexpr const char* kMuted = "#595959";   // 7:1 on white
inline constexpr const char* kTrack = "#e6e6e6";
inline constexpr const char* kAccent = "#1f5fa8";  // bars, radar, needle
inline constexpr const char* kWarning = "#9c0006";  // caveats (an incomplete index), 8:1 on white
// Gauge bands from the lowest to the highest: light to dark, readable in grey print.
inline constexpr const char* kBands[] = {"#e3edf7", "#a9c6e6", "#6f9fd4", "#1f5fa8"};
}  // namespace palette

}  // namespace pindex

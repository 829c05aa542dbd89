#pragma once
// The Markdown report: a Marp slide deck (`marp: true` front matter, `---` between slides) that
// also reads as a plain Markdown document. It opens with the index, its caveat, where it stands
// against the benchmarks and the "so what"; then a legend, the breakdown, the charts, the top
// moves, a slide per part (long tables continue on further slides), the journey matrix in
// blocks that fit a slide, and completeness, thresholds, sources and provenance.
#include <string>
#include <vector>

#include "pindex/output_format.hpp"
#include "pindex/report.hpp"

namespace pindex {

// The deck alone (for standard output): its chart is drawn in text.
std::string write_report_markdown(const Report& report);

// The deck at `path` with its charts as SVG images beside it (path's stem + .gauge.svg,
// .parts.svg, .radar.svg): the chart files first, the deck last.
std::vector<OutputFile> write_report_deck_files(const Report& report, const std::string& path);

}  // namespace pindex

#pragma once
// The Markdown report: a slide deck Marp turns into slides (`marp: true` front matter, `---`
// between slides) that also reads as a plain Markdown document: title, the index against the
// benchmarks, the breakdown table, a bar chart in text, one slide per part, then completeness,
// thresholds and sources.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_markdown(const Report& report);

}  // namespace pindex

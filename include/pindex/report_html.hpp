#pragma once
// The HTML report: one self-contained file (inline CSS and SVG; no script, font or network
// request) with the gauge, bars and radar, the breakdown, every question's answer and score,
// the journey matrix, completeness, thresholds and sources. Prints to PDF on A4 or Letter.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_html(const Report& report);

}  // namespace pindex

#pragma once
// The report formats pindex writes, each a function of the same Report. Adding a format is
// one writer and one entry in report_formats().
#include <vector>

#include "pindex/output_format.hpp"
#include "pindex/report.hpp"

namespace pindex {

using ReportFormat = OutputFormat<Report>;

// text, json, markdown, html, svg, csv, junit, xlsx.
const std::vector<ReportFormat>& report_formats();

}  // namespace pindex

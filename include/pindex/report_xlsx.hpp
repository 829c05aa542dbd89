#pragma once
// The Excel workbook (.xlsx), written with libxlsxwriter: what a consultant opens in a
// spreadsheet to build charts. Sheets: Summary (index with its caveat, parts with a native bar
// chart, benchmarks with sources, peers, legend, provenance), Questions (every question's answer
// and points) and Moves. Numbers are number cells with number formats; every text is a string
// cell, so nothing a spreadsheet would read as a date, number, boolean or formula is coerced;
// no cell holds a formula.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

// The workbook's bytes (a ZIP file). Throws std::runtime_error when it cannot be made.
std::string write_report_xlsx(const Report& report);

}  // namespace pindex

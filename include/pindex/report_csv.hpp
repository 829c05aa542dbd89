#pragma once
// The CSV report (RFC 4180, CRLF line ends): one row for the index, one per part and one per
// question, each repeating organization and date so that files of several assessments or years
// can be stacked in one spreadsheet. Columns are documented in docs/reports.md.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_csv(const Report& report);

}  // namespace pindex

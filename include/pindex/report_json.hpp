#pragma once
// The JSON report: the stable, versioned form of a Report (see docs/report-json.md).
#include <string>

#include <nlohmann/json.hpp>

#include "pindex/report.hpp"

namespace pindex {

// Bumped when a field changes meaning or disappears; adding a field keeps the version.
inline constexpr int kReportSchemaVersion = 1;

nlohmann::ordered_json report_to_json(const Report& report);
std::string write_report_json(const Report& report);  // pretty-printed, ends with a newline

}  // namespace pindex

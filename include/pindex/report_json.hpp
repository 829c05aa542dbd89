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

// One move as the report's `moves` list holds it (also a step of `pindex plan`'s JSON).
nlohmann::ordered_json move_to_json(const Move& move);

// True when text is a JSON report (an object whose first key is `schema_version`, as pindex
// writes it) rather than an answers file.
bool looks_like_report_json(std::string_view text);

// Reads back what write_report_json wrote: identity, index, parts and questions with their
// answers and points, completeness. Fields it does not need (benchmarks, thresholds, moves)
// and fields a later pindex adds are ignored. Throws InputError with file:line:column for a
// syntax error, a missing or mistyped field, or a schema_version this pindex does not know.
Report read_report_json(std::string_view text, const std::string& file);

}  // namespace pindex

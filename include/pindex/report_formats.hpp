#pragma once
// The report formats pindex writes, each a function of the same Report. Adding a format is
// one writer and one entry in report_formats().
#include <string>
#include <string_view>
#include <vector>

#include "pindex/report.hpp"

namespace pindex {

struct ReportFormat {
    std::string_view name;       // what --format takes: "json"
    std::string_view extension;  // what -o names end with to choose it: ".json"
    std::string (*write)(const Report&);
};

// text, json, markdown, html, svg, csv.
const std::vector<ReportFormat>& report_formats();

const ReportFormat* find_report_format(std::string_view name);

// The format whose extension the path ends with ("report.md" -> markdown), or nullptr.
const ReportFormat* report_format_for_path(std::string_view path);

}  // namespace pindex

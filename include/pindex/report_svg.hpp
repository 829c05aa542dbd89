#pragma once
// The SVG export: the report's three charts on one 16:9 canvas (1600 x 900), with the
// organization and the index as a title, for dropping onto a slide.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_svg(const Report& report);

}  // namespace pindex

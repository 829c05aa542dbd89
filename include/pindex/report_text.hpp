#pragma once
// The text report: what `pindex score` prints for a person or a CI log. Plain text, no colour.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_text(const Report& report);

}  // namespace pindex

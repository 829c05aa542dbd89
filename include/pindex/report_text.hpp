#pragma once
// The text report: what `pindex score` prints for a person or a CI log. Plain text, no colour.
#include <string>
#include <string_view>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_text(const Report& report);

// The marks the text report puts in front of its status lines: its contract with a terminal
// front end that colours them (src/cli/color.cpp), which matches these and nothing else. The
// first line is always the index.
namespace text_report_marks {
inline constexpr std::string_view kIndent = "  ";
inline constexpr std::string_view kFailed = "FAIL";       // a threshold not met, after kIndent
inline constexpr std::string_view kPassed = "pass";       // a threshold met, after kIndent
inline constexpr std::string_view kIncomplete = "INCOMPLETE";  // starts the incomplete-file warning
}  // namespace text_report_marks

}  // namespace pindex

#pragma once
// The JUnit XML report (--format junit), so that CI systems (GitLab, Jenkins, GitHub test
// reporters) show the assessment as tests: one test case for the index and one per part, each
// failing when a threshold on it was not met. Test names stay the same from run to run ("index",
// "part know-me"), so a CI system can track them; the scores are in the messages.
#include <string>

#include "pindex/report.hpp"

namespace pindex {

std::string write_report_junit(const Report& report);

}  // namespace pindex

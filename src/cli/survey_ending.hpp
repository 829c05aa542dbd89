#pragma once
// What the survey shows when it ends. A finished survey answers the question it was taken for,
// on one screen: the index, the parts, the gap to the published benchmarks, the three steps
// that would raise it most in plain words, and the commands for a report, each on a line of its
// own. An unfinished one says how much is saved and how to go on.
#include <string>
#include <vector>

#include "glyphs.hpp"
#include "pindex/report.hpp"
#include "styled_text.hpp"

namespace pindex::cli {

// The lines fit `size` (at most size.rows - 1 of them, so the shell's prompt fits below): on a
// small screen the steps take a line each and the blank lines go.
std::vector<StyledLine> finished_survey_lines(const Report& report, const std::string& answers_file, ScreenSize size,
                                              const Glyphs& glyphs);

std::vector<StyledLine> unfinished_survey_lines(const Completeness& completeness, const std::string& answers_file,
                                                bool default_file, std::size_t width);

}  // namespace pindex::cli

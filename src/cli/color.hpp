#pragma once
// Colour on the terminal: --color auto|always|never, chosen once per run, and NO_COLOR
// (https://no-color.org). Only the command line colours; the core's writers stay plain text.
#include <string>
#include <string_view>

namespace pindex::cli {

enum class ColorWhen { automatic, always, never };

// Set from --color (default: automatic).
void set_color_when(ColorWhen when);

// Whether to colour what goes to this file descriptor: always; never; or, automatically, when
// it is a terminal, NO_COLOR is unset or empty, and TERM is set and not "dumb".
bool color_for(int fd);

// The text report (score, and the survey's result) with the title in bold, failed thresholds in
// red, met ones in green and an incomplete file's warning in yellow, when colour is on for fd.
std::string colorize_report_text(std::string_view text, int fd);

// A diagnostic line with its " error: " in red or its " warning: " in yellow, when colour is on
// for fd.
std::string colorize_diagnostic(std::string_view line, int fd);

}  // namespace pindex::cli

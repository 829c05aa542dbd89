#include "color.hpp"

#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

ColorWhen color_when = ColorWhen::automatic;

constexpr std::string_view kBold = "1", kRed = "31", kGreen = "32", kYellow = "33";

std::string paint(std::string_view text, std::string_view code) { return fmt::format("\x1b[{}m{}\x1b[0m", code, text); }

// "  FAIL   index >= 49" -> the word painted, the rest as it was.
std::string paint_prefix(std::string_view line, std::string_view indent, std::string_view word, std::string_view code) {
    return std::string(indent) + paint(word, code) + std::string(line.substr(indent.size() + word.size()));
}

}  // namespace

void set_color_when(ColorWhen when) { color_when = when; }

bool color_for(int fd) {
    if (color_when != ColorWhen::automatic) return color_when == ColorWhen::always;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(fd) && !(no_color && *no_color) && term && std::string_view(term) != "dumb";
}

std::string colorize_report_text(std::string_view text, int fd) {
    if (!color_for(fd)) return std::string(text);
    std::string out;
    bool first = true;
    for (const auto& line : split_lines(text)) {
        if (first) out += paint(line, kBold);
        else if (line.starts_with("  FAIL ")) out += paint_prefix(line, "  ", "FAIL", kRed);
        else if (line.starts_with("  pass ")) out += paint_prefix(line, "  ", "pass", kGreen);
        else if (line.starts_with("INCOMPLETE:")) out += paint_prefix(line, "", "INCOMPLETE", kYellow);
        else out += line;
        out += "\n";
        first = false;
    }
    return out;
}

std::string colorize_diagnostic(std::string_view line, int fd) {
    std::size_t at = line.find(": error: ");
    if (at == std::string_view::npos || !color_for(fd)) return std::string(line);
    return std::string(line.substr(0, at + 2)) + paint("error", kRed) + std::string(line.substr(at + 7));
}

}  // namespace pindex::cli

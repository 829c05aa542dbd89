#include "color.hpp"

#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "pindex/report_text.hpp"
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
        namespace marks = text_report_marks;
        auto after_indent = [&](std::string_view mark) {
            return line.starts_with(std::string(marks::kIndent) + std::string(mark) + " ");
        };
        if (first) out += paint(line, kBold);
        else if (after_indent(marks::kFailed)) out += paint_prefix(line, marks::kIndent, marks::kFailed, kRed);
        else if (after_indent(marks::kPassed)) out += paint_prefix(line, marks::kIndent, marks::kPassed, kGreen);
        else if (line.starts_with(std::string(marks::kIncomplete) + ":"))
            out += paint_prefix(line, "", marks::kIncomplete, kYellow);
        else out += line;
        out += "\n";
        first = false;
    }
    return out;
}

std::string colorize_diagnostic(std::string_view line, int fd) {
    if (!color_for(fd)) return std::string(line);
    for (auto [severity, color] : {std::pair<std::string_view, std::string_view>{"error", kRed}, {"warning", kYellow}}) {
        std::string marker = ": " + std::string(severity) + ": ";
        if (std::size_t at = line.find(marker); at != std::string_view::npos)
            return std::string(line.substr(0, at + 2)) + paint(severity, color) + std::string(line.substr(at + marker.size() - 2));
    }
    return std::string(line);
}

}  // namespace pindex::cli

#include "pindex/diagnostic.hpp"

#include <fmt/format.h>

#include "pindex/limits.hpp"
#include "pindex/text.hpp"

namespace pindex {

std::string format_diagnostic(const Diagnostic& diagnostic) {
    std::string place = diagnostic.where.file.empty() ? "<input>" : diagnostic.where.file;
    if (diagnostic.where.line > 0) {
        place += fmt::format(":{}", diagnostic.where.line);
        if (diagnostic.where.column > 0) place += fmt::format(":{}", diagnostic.where.column);
    }
    const char* kind = diagnostic.severity == Severity::error ? "error" : "warning";
    // One line per diagnostic, and no terminal escape sequences, whatever the input contained.
    return fmt::format("{}: {}: {}", escape_control_characters(place), kind,
                       escape_control_characters(shortened(diagnostic.message, limits::kMaxMessageBytes)));
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = 0;  // the end of the last whole UTF-8 sequence that fits
    for (std::size_t i = 0; i < max_bytes;) {
        std::size_t length = std::max<std::size_t>(utf8_sequence_length(text, i), 1);
        if (i + length > max_bytes) break;
        i += length;
        cut = i;
    }
    return fmt::format("{}... ({} bytes in all)", text.substr(0, cut), text.size());
}

std::vector<std::string> format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < diagnostics.size() && i < limits::kMaxErrorsShown; ++i)
        lines.push_back(format_diagnostic(diagnostics[i]));
    if (diagnostics.size() > limits::kMaxErrorsShown)
        lines.push_back(format_diagnostic({Severity::error, {diagnostics.back().where.file, 0, 0},
                                           fmt::format("{} more errors not shown",
                                                       diagnostics.size() - limits::kMaxErrorsShown)}));
    return lines;
}

void Diagnostics::error(SourceLocation where, std::string message) {
    items_.push_back({Severity::error, std::move(where), std::move(message)});
}


bool Diagnostics::has_errors() const {
    for (const auto& item : items_)
        if (item.severity == Severity::error) return true;
    return false;
}


void Diagnostics::throw_if_errors() const {
    if (!has_errors()) return;
    std::vector<Diagnostic> errors;
    for (const auto& item : items_)
        if (item.severity == Severity::error) errors.push_back(item);
    throw InputError(std::move(errors));
}

namespace {
std::string first_message(const std::vector<Diagnostic>& diagnostics) {
    return diagnostics.empty() ? std::string("invalid input") : format_diagnostic(diagnostics.front());
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourceLocation where, std::string message)
    : InputError(std::vector<Diagnostic>{{Severity::error, std::move(where), std::move(message)}}) {}

}  // namespace pindex

#include "pindex/diagnostic.hpp"

#include <fmt/format.h>

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
                       escape_control_characters(diagnostic.message));
}

void Diagnostics::error(SourceLocation where, std::string message) {
    items_.push_back({Severity::error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
    items_.push_back({Severity::warning, std::move(where), std::move(message)});
}

bool Diagnostics::has_errors() const {
    for (const auto& item : items_)
        if (item.severity == Severity::error) return true;
    return false;
}

std::vector<Diagnostic> Diagnostics::warnings() const {
    std::vector<Diagnostic> result;
    for (const auto& item : items_)
        if (item.severity == Severity::warning) result.push_back(item);
    return result;
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

#pragma once
// Diagnostics: what is wrong with an input, and where. The core never prints or exits; it
// collects diagnostics and throws InputError, and the command line turns that into text and
// exit code 2.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pindex {

// A place in an input file. line and column are 1-based; 0 means "not known".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
};

// "file:line:column: error: message" (the parts that are known), on one line of at most
// about limits::kMaxMessageBytes.
std::string format_diagnostic(const Diagnostic& diagnostic);

// The lines to print for a list of diagnostics: the first limits::kMaxErrorsShown, then one
// line counting the rest.
std::vector<std::string> format_diagnostics(const std::vector<Diagnostic>& diagnostics);

// text cut to at most max_bytes at a UTF-8 boundary, with "... (N bytes in all)" when cut.
std::string shortened(std::string_view text, std::size_t max_bytes);

// Collects diagnostics while a loader keeps going, so one run reports every problem.
class Diagnostics {
public:
    void error(SourceLocation where, std::string message);
    bool has_errors() const;
    const std::vector<Diagnostic>& all() const { return items_; }

    // Throws InputError holding every error collected so far, if there is one.
    void throw_if_errors() const;

private:
    std::vector<Diagnostic> items_;
};

// Thrown for invalid input (a file that cannot be read, parsed or validated).
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    InputError(SourceLocation where, std::string message);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace pindex

#include <catch2/catch.hpp>

#include "pindex/diagnostic.hpp"

using namespace pindex;

TEST_CASE("diagnostics print as file:line:column: severity: message on one line") {
    CHECK(format_diagnostic({Severity::error, {"a.yaml", 3, 7}, "bad"}) == "a.yaml:3:7: error: bad");
    CHECK(format_diagnostic({Severity::warning, {"a.yaml", 3, 0}, "meh"}) == "a.yaml:3: warning: meh");
    CHECK(format_diagnostic({Severity::error, {"a.yaml", 0, 0}, "x"}) == "a.yaml: error: x");
    CHECK(format_diagnostic({Severity::error, {"", 0, 0}, "two\nlines"}) == "<input>: error: two\\x0alines");
}

TEST_CASE("diagnostics never pass terminal escape sequences through") {
    std::string printed = format_diagnostic({Severity::error, {"a\x1b[2J.yaml", 1, 1}, "unknown option 'x\x1b[31m'"});
    CHECK(printed == "a\\x1b[2J.yaml:1:1: error: unknown option 'x\\x1b[31m'");
    CHECK(printed.find('\x1b') == std::string::npos);
}

TEST_CASE("Diagnostics throws only when an error was collected") {
    Diagnostics diagnostics;
    diagnostics.warning({"f", 1, 1}, "w");
    CHECK_NOTHROW(diagnostics.throw_if_errors());
    CHECK(diagnostics.warnings().size() == 1);
    diagnostics.error({"f", 2, 1}, "e");
    CHECK_THROWS_AS(diagnostics.throw_if_errors(), InputError);
}

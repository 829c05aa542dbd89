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
    CHECK_NOTHROW(diagnostics.throw_if_errors());
    CHECK_FALSE(diagnostics.has_errors());
    diagnostics.error({"f", 2, 1}, "e");
    CHECK(diagnostics.has_errors());
    CHECK_THROWS_AS(diagnostics.throw_if_errors(), InputError);
}

TEST_CASE("a long message is cut at a UTF-8 boundary, and only the first 20 errors are printed") {
    std::string value(2000, 'x');
    value[997] = '\xc3';  // "é" straddles the cut at 998..999
    value[998] = '\xa9';
    std::string cut = shortened(value, 998);
    CHECK_THAT(cut, Catch::EndsWith("... (2000 bytes in all)"));
    CHECK(cut.substr(0, cut.find("...")).size() == 997);  // the cut falls before the "é", not inside it
    CHECK(shortened("short", 998) == "short");

    std::vector<Diagnostic> many;
    for (int i = 1; i <= 25; ++i) many.push_back({Severity::error, {"a.yaml", i, 1}, "unknown key"});
    std::vector<std::string> lines = format_diagnostics(many);
    REQUIRE(lines.size() == 21);
    CHECK(lines[19] == "a.yaml:20:1: error: unknown key");
    CHECK(lines[20] == "a.yaml: error: 5 more errors not shown");
    CHECK(format_diagnostics({many.begin(), many.begin() + 20}).size() == 20);
}

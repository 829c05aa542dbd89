#include <catch2/catch.hpp>

#include "pindex/answers.hpp"
#include "pindex/yaml_reader.hpp"
#include "test_support.hpp"

using namespace pindex;
using pindex::test::answers_error;
using pindex::test::kSmallRubric;

namespace {
const Rubric& small() {
    static const Rubric rubric = load_rubric(kSmallRubric, "small.yaml");
    return rubric;
}
const char* const kComplete = R"(rubric: small
organization: Acme
respondent: Ann
date: 2026-11-01
answers:
  c: hi
  m: [p, q]
  n: 15
  w: yes
  x:
    r1: {k1: full, k2: n/a}
    r2: {k1: half, k2: none}
notes:
  c: "from the org chart"
)";
std::string complete_with(const std::string& from, const std::string& to) {
    return test::replaced(kComplete, from, to);
}
}  // namespace

TEST_CASE("a complete answers file loads every answer type") {
    Answers answers = load_answers(kComplete, "a.yaml", small());
    CHECK(answers.organization == "Acme");
    CHECK(answers.respondent == "Ann");
    CHECK(answers.date == "2026-11-01");
    CHECK(std::get<std::string>(*answers.find("c")) == "hi");
    CHECK(std::get<std::vector<std::string>>(*answers.find("m")) == std::vector<std::string>{"p", "q"});
    CHECK(std::get<double>(*answers.find("n")) == 15);
    const auto& x = std::get<MatrixAnswer>(*answers.find("x"));
    CHECK(x.at("r1").at("k2") == "n/a");
    CHECK(answers.notes.at("c") == "from the org chart");
    CHECK(answers.warnings.empty());
}

TEST_CASE("JSON answers load exactly like the same YAML") {
    const char* json = R"({"rubric": "small", "organization": "Acme", "respondent": "Ann", "date": "2026-11-01",
      "answers": {"c": "hi", "m": ["p", "q"], "n": 15, "w": "yes",
                  "x": {"r1": {"k1": "full", "k2": "n/a"}, "r2": {"k1": "half", "k2": "none"}}},
      "notes": {"c": "from the org chart"}})";
    Answers from_json = load_answers(json, "a.json", small());
    Answers from_yaml = load_answers(kComplete, "a.yaml", small());
    CHECK(from_json.answers == from_yaml.answers);
    CHECK(from_json.notes == from_yaml.notes);
    CHECK(from_json.organization == from_yaml.organization);
}

TEST_CASE("an empty answer counts as unanswered, not as an error") {
    Answers answers = load_answers(complete_with("  c: hi\n", "  c:\n"), "a.yaml", small());
    CHECK(answers.find("c") == nullptr);
    Answers cells = load_answers(complete_with("{k1: half, k2: none}", "{k1: half, k2: }"), "a.yaml", small());
    CHECK(std::get<MatrixAnswer>(*cells.find("x")).at("r2").count("k2") == 0);
}

TEST_CASE("CRLF line endings and a UTF-8 byte order mark are accepted") {
    std::string text = kComplete;
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(load_answers("\xEF\xBB\xBF" + crlf, "a.yaml", small()).answers.size() == 5);
}

TEST_CASE("an answer whose 'when' does not hold is kept but warned about") {
    Answers answers = load_answers(complete_with("c: hi", "c: mid"), "a.yaml", small());
    REQUIRE(answers.warnings.size() == 1);
    CHECK_THAT(format_diagnostic(answers.warnings[0]), Catch::StartsWith("a.yaml:9:6: warning: the answer to 'w' is ignored"));
}

TEST_CASE("answers errors name file, line, column and what was expected") {
    struct Case {
        std::string from, to, expected;
    };
    std::vector<Case> cases = {
        {"rubric: small", "rubric: other", "a.yaml:1:9: error: these answers are for rubric 'other' but the rubric in use is 'small'"},
        {"rubric: small\n", "", "a.yaml:1:1: error: missing key 'rubric' in the answers file"},
        {"  c: hi", "  c: top", "a.yaml:6:6: error: unknown option 'top' for question 'c'; expected one of: lo, mid, hi"},
        {"  c: hi", "  c: [hi]", "a.yaml:6:6: error: question 'c' takes one option, got a list"},
        {"  c: hi", "  c: {a: 1}", "a.yaml:6:6: error: expected text for an answer to 'c' (one of: lo, mid, hi), got a map"},
        {"  c: hi", "  c: hi\n  zz: 3", "a.yaml:7:3: error: unknown question 'zz' in 'answers'"},
        {"  c: hi", "  c: hi\n  c: lo", "a.yaml:7:3: error: duplicate key 'c' in 'answers' (first given on line 6)"},
        {"m: [p, q]", "m: [p, p]", "a.yaml:7:10: error: option 'p' is listed twice for question 'm'"},
        {"m: [p, q]", "m: p", "a.yaml:7:6: error: expected a list for the answer to 'm' (a list of options from: p, q), got a text value"},
        {"m: [p, q]", "m: [p, z]", "a.yaml:7:10: error: unknown option 'z' for question 'm'"},
        {"n: 15", "n: '15'", "a.yaml:8:6: error: expected a number for the answer to 'n', got the quoted text '15'"},
        {"n: 15", "n: fifteen", "expected a finite number for the answer to 'n', got 'fifteen'"},
        {"n: 15", "n: .inf", "expected a finite number for the answer to 'n', got '.inf'"},
        {"n: 15", "n: 1e400", "expected a finite number for the answer to 'n', got '1e400'"},
        {"n: 15", "n: -3", "a.yaml:8:6: error: -3 is outside the values question 'n' accepts: a number of at least 0"},
        {"r1: {k1: full, k2: n/a}", "r9: {k1: full, k2: n/a}", "a.yaml:11:5: error: unknown row 'r9' in question 'x'; expected one of: r1, r2"},
        {"r1: {k1: full, k2: n/a}", "r1: {k1: full, k3: n/a}", "a.yaml:11:20: error: unknown column 'k3' in row 'r1' of question 'x'"},
        {"r1: {k1: full, k2: n/a}", "r1: {k1: max, k2: n/a}", "a.yaml:11:14: error: unknown level 'max' in cell r1.k1 of question 'x'; expected one of: none, half, full, n/a"},
        {"r1: {k1: full, k2: n/a}", "r1: [full]", "a.yaml:11:9: error: expected a map for row 'r1' of question 'x'"},
        {"  x:\n    r1: {k1: full, k2: n/a}\n    r2: {k1: half, k2: none}\n", "  x: full\n", "a.yaml:10:6: error: expected a map for the answer to 'x' (a map of rows to columns to levels), got a text value"},
        {"date: 2026-11-01", "date: 01/11/2026", "a.yaml:4:7: error: 'date' is '01/11/2026'; expected a date as YYYY-MM-DD"},
        {"organization: Acme", "organization: [Acme]", "a.yaml:2:15: error: expected text for 'organization', got a list"},
        {"notes:\n  c:", "notes:\n  zz:", "a.yaml:14:3: error: unknown question 'zz' in 'notes'"},
        {"respondent: Ann", "respondent: Ann\nscore: 100", "a.yaml:4:1: error: unknown key 'score' in the answers file; expected one of:"},
    };
    for (const auto& c : cases) {
        INFO(c.from << " -> " << c.to);
        CHECK_THAT(answers_error(complete_with(c.from, c.to), small()), Catch::Contains(c.expected));
    }
}

TEST_CASE("broken or non-map answers files are rejected with a position") {
    CHECK_THAT(answers_error("rubric: small\nanswers: {c: hi\n", small()), Catch::StartsWith("a.yaml:3:1: error: invalid YAML"));
    CHECK_THAT(answers_error("just text", small()), Catch::Contains("a.yaml:1:1: error: expected a map for the answers file, got a text value"));
    CHECK_THAT(answers_error("{\"rubric\": \"small\", \"answers\": {\"c\": \"hi\",}", small()), Catch::Contains("error: invalid YAML"));
}

TEST_CASE("looks_like_rubric tells rubrics from answers") {
    CHECK(looks_like_rubric(kSmallRubric, "r.yaml"));
    CHECK_FALSE(looks_like_rubric(kComplete, "a.yaml"));
}

namespace {
const Rubric& extensible() {
    static const Rubric rubric = load_rubric(
        test::replaced(kSmallRubric, "        levels:\n", "        custom_rows: true\n        levels:\n"), "ext.yaml");
    return rubric;
}
}  // namespace

TEST_CASE("custom rows extend a matrix whose rubric allows them") {
    const char* text = R"(rubric: small
custom:
  x:
    rows: [{id: r3, label: "Our own step"}]
answers:
  x: {r3: {k1: full, k2: half}}
)";
    Answers answers = load_answers(text, "a.yaml", extensible());
    REQUIRE(answers.custom.at("x").rows.size() == 1);
    const Question& x = *extensible().find_question("x");
    CHECK(matrix_rows(x, answers).size() == 3);
    CHECK(matrix_columns(x, answers).size() == 2);
    CHECK(std::get<MatrixAnswer>(*answers.find("x")).at("r3").at("k1") == "full");
}

TEST_CASE("custom rows and columns are checked") {
    std::string base = "rubric: small\ncustom:\n  x:\n    rows: [{id: r3, label: Own}]\nanswers:\n";
    CHECK_THAT(answers_error(base, small()), Catch::Contains("a.yaml:4:5: error: the rubric does not allow custom rows in question 'x'"));
    CHECK_THAT(answers_error(test::replaced(base, "r3", "r1"), extensible()),
               Catch::Contains("a.yaml:4:17: error: custom id 'r1' is already used in rows of 'x'"));
    CHECK_THAT(answers_error(test::replaced(base, "  x:\n", "  c:\n"), extensible()),
               Catch::Contains("question 'c' is not a matrix"));
    CHECK_THAT(answers_error(base + "  x: {r4: {k1: full}}\n", extensible()),
               Catch::Contains("unknown row 'r4' in question 'x'; expected one of: r1, r2, r3"));
}

TEST_CASE("custom axis ids come from their labels and never clash") {
    std::vector<Axis> taken = {{"renewal-call", "Renewal call"}};
    CHECK(custom_axis_id("WhatsApp", taken) == "whatsapp");
    CHECK(custom_axis_id("Renewal call", taken) == "renewal-call-2");
    CHECK(custom_axis_id("  Été & co. ", taken) == "t-co");
    CHECK(custom_axis_id("???", taken) == "custom");
    CHECK(is_valid_id(custom_axis_id(std::string(200, 'a'), taken)));
}

namespace {
// The small rubric as version 2, where x changed meaning and a question 'old' was removed.
const Rubric& small_v2() {
    static const Rubric rubric = load_rubric(
        test::replaced(kSmallRubric, "version: \"1\"\n",
                       "version: \"2\"\nearlier_versions:\n  - version: \"1\"\n    changed:\n"
                       "      x: \"n/a now means the channel is not used.\"\n      old: \"replaced by c.\"\n"),
        "small2.yaml");
    return rubric;
}
}  // namespace

TEST_CASE("a file answered for an earlier rubric version is refused where an answer changed meaning") {
    std::string text = complete_with("rubric: small\n", "rubric: small\nrubric_version: \"1\"\n");
    CHECK(answers_error(text, small_v2()) ==
          "a.yaml:11:3: error: 'x' was answered for rubric version 1 and its meaning changed in 2: n/a now means the "
          "channel is not used. Answer it again (remove it and run pindex survey on the file), then set "
          "rubric_version: \"2\"");
}

TEST_CASE("a file of an earlier version whose answers all kept their meaning is scored, with a warning") {
    std::string text = complete_with("rubric: small\n", "rubric: small\nrubric_version: \"1\"\n");
    text = text.substr(0, text.find("  x:\n")) + text.substr(text.find("notes:"));
    Answers answers = load_answers(text, "a.yaml", small_v2());
    CHECK(answers.rubric_version == "1");
    REQUIRE(answers.warnings.size() == 1);
    CHECK(format_diagnostic(answers.warnings[0]) ==
          "a.yaml:2:17: warning: answered for rubric version 1: none of its answers changed meaning in 2, so it is "
          "scored under 2; set rubric_version: \"2\" to record that");
}

TEST_CASE("a file without rubric_version is read as the version whose questions it answers") {
    // It answers 'old', which only version 1 had: so it was answered for 1, and x is refused too.
    std::string text = complete_with("  c: hi\n", "  c: hi\n  old: yes\n");
    std::string errors;
    try {
        load_answers(text, "a.yaml", small_v2());
    } catch (const InputError& error) {
        for (const auto& diagnostic : error.diagnostics()) errors += format_diagnostic(diagnostic) + "\n";
    }
    CHECK_THAT(errors, Catch::Contains("a.yaml:7:3: error: 'old' was answered for rubric version 1 and its meaning "
                                       "changed in 2: replaced by c."));
    CHECK_THAT(errors, Catch::Contains("a.yaml:11:3: error: 'x' was answered for rubric version 1"));
    // Without such a question it is read as this version's, as files written before versions were.
    CHECK(load_answers(kComplete, "a.yaml", small_v2()).warnings.empty());
}

TEST_CASE("an unknown rubric_version is an error naming the versions the rubric knows") {
    std::string text = complete_with("rubric: small\n", "rubric: small\nrubric_version: \"3\"\n");
    CHECK(answers_error(text, small_v2()) ==
          "a.yaml:2:17: error: rubric_version '3' is not a version of rubric 'small' (it is 2; earlier: 1)");
    CHECK(answers_error(complete_with("rubric: small\n", "rubric: small\nrubric_version: \"1\"\n"), small()).empty());
}

TEST_CASE("answers are written back with the version of the rubric they were written for") {
    Answers answers = load_answers(kComplete, "a.yaml", small_v2());
    std::string written = write_answers_yaml(answers, small_v2());
    CHECK_THAT(written, Catch::StartsWith("rubric: small\nrubric_version: \"2\"\n"));
    CHECK(load_answers(written, "b.yaml", small_v2()).rubric_version == "2");
}

#include <catch2/catch.hpp>

#include "pindex/answers.hpp"
#include "pindex/limits.hpp"
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
    CHECK_THAT(answers_error("{\"rubric\": \"small\", \"answers\": {\"c\": \"hi\",}", small()), Catch::Contains("error: invalid JSON"));
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

TEST_CASE("custom rows and columns are limited in number, length and cells in all") {
    auto custom_rows = [](std::size_t count, std::size_t label_bytes) {
        std::string rows;
        for (std::size_t i = 0; i < count; ++i)
            rows += (i ? ", " : "") + ("{id: o" + std::to_string(i) + ", label: " + std::string(label_bytes, 'L') + "}");
        return "rubric: small\ncustom:\n  x:\n    rows: [" + rows + "]\nanswers:\n";
    };
    CHECK(answers_error(custom_rows(limits::kMaxCustomRows, limits::kMaxLabelBytes), extensible()).empty());
    CHECK_THAT(answers_error(custom_rows(limits::kMaxCustomRows + 1, 2), extensible()),
               Catch::Contains("error: too many entries in custom rows of 'x': the limit is 30 custom rows (journey steps) "
                               "of a matrix (31 given)"));
    CHECK_THAT(answers_error(custom_rows(1, limits::kMaxLabelBytes + 1), extensible()),
               Catch::Contains("a.yaml:4:28: error: the text of a custom entry of rows of 'x' is 501 bytes long; the limit is 500 bytes"));

    // Two matrices of 50 x 50 that take 30 rows and 30 columns each: 2 x 80 x 80 cells.
    std::string axes, questions;
    for (int i = 0; i < 50; ++i) axes += (i ? ", " : "") + ("{id: a" + std::to_string(i) + ", label: A}");
    for (const char* id : {"m1", "m2"})
        questions += std::string("      - {id: ") + id + ", type: matrix, text: T, help: h, custom_rows: true, custom_columns: true, "
                     "rows: [" + axes + "], columns: [" + axes + "], levels: [{id: no, label: N, score: 0}, {id: yes, label: Y, score: 1}]}\n";
    Rubric two = load_rubric("id: two\nversion: \"1\"\nname: Two\nbenchmarks:\n  - {id: avg, label: A, score: 49, source: s}\n"
                             "parts:\n  - id: p\n    name: P\n    weight: 100\n    questions:\n" + questions, "two.yaml");
    std::string rows, columns;
    for (int i = 0; i < 30; ++i) {
        rows += (i ? ", " : "") + ("{id: r" + std::to_string(i) + ", label: R}");
        columns += (i ? ", " : "") + ("{id: c" + std::to_string(i) + ", label: C}");
    }
    std::string both = "    rows: [" + rows + "]\n    columns: [" + columns + "]\n";
    CHECK(answers_error("rubric: two\ncustom:\n  m1:\n" + both + "answers:\n", two).empty());  // 6,400 + 2,500 cells
    CHECK(answers_error("rubric: two\ncustom:\n  m1:\n" + both + "  m2:\n" + both + "answers:\n", two) ==
          "a.yaml:6:3: error: with the custom rows and columns of 'm2', the matrices have 12800 cells; the limit is 10000 cells in all");
}

TEST_CASE("a JSON file is strict JSON, with the positions and checks of YAML") {
    const Rubric& rubric = small();
    auto json_error = [&](const std::string& text, const std::string& name = "a.json") {
        try {
            load_answers(text, name, rubric);
        } catch (const InputError& error) {
            return format_diagnostic(error.diagnostics().front());
        }
        return std::string();
    };
    // What yaml-cpp alone read as YAML, with exit 0 (issue 16).
    CHECK(json_error(R"({"rubric": "small", "answers": {"c": "hi",}})") ==
          "a.json:1:43: error: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
    CHECK_THAT(json_error("{\"rubric\": \"small\", // a comment\n\"answers\": {}}"), Catch::StartsWith("a.json:1:21: error: invalid JSON"));
    CHECK_THAT(json_error("{'rubric': 'small', 'answers': {}}"), Catch::StartsWith("a.json:1:2: error: invalid JSON"));
    CHECK_THAT(json_error(R"({"rubric": "small", "answers": {}} {})"), Catch::StartsWith("a.json:1:36: error: invalid JSON"));
    // By extension, or by a first { or [ whatever the name: a YAML flow map is not JSON.
    CHECK_THAT(json_error("rubric: small\nanswers: {}\n"), Catch::StartsWith("a.json:1:1: error: invalid JSON"));
    CHECK_THAT(json_error("{rubric: small, answers: {}}", "a.yaml"), Catch::StartsWith("a.yaml:1:2: error: invalid JSON"));
    CHECK_THAT(json_error("\xEF\xBB\xBF  \n [1]", "a.yaml"), Catch::StartsWith("a.yaml:2:2: error: expected a map"));
    CHECK(json_error("rubric: small\nanswers: {}\n", "a.yaml").empty());
    // The checks of YAML: duplicate keys with both places, types with positions.
    CHECK(json_error(R"({"rubric": "small", "answers": {"c": "hi", "c": "lo"}})") ==
          "a.json:1:44: error: duplicate key 'c' in 'answers' (first given on column 33 of the same line)");
    CHECK(json_error("{\"rubric\": \"small\",\n \"answers\": {\"n\": \"5\"}}") ==
          "a.json:2:19: error: expected a number for the answer to 'n', got the quoted text '5'");
    // An escaped surrogate pair (which yaml-cpp refuses) reads as its character, and what
    // follows on the line keeps its column.
    std::string emoji = R"({"rubric": "small", "organization": "\ud83d\ude00 Co", "answers": {"c": "bad"}})";
    CHECK(json_error(emoji) == "a.json:1:73: error: unknown option 'bad' for question 'c'; expected one of: lo, mid, hi");
    CHECK(emoji.substr(72, 5) == "\"bad\"");
    Answers answers = load_answers(test::replaced(emoji, "bad", "hi"), "a.json", rubric);
    CHECK(answers.organization == "\xF0\x9F\x98\x80 Co");
    CHECK(json_error(R"({"rubric": "small", "organization": "\ud83d", "answers": {}})") != "");  // a lone surrogate is not JSON
}

TEST_CASE("text expanded by aliases is limited, as read") {
    // Issue 16: one 65,000-byte anchored text reused as 20,000 custom row labels took 6.4 GB.
    std::string rows = "{id: r0, label: &big \"" + std::string(65000, 'x') + "\"}";
    for (int i = 1; i < 300; ++i) rows += ", {id: o" + std::to_string(i) + ", label: *big}";
    std::string bomb = "rubric: small\ncustom:\n  x:\n    rows: [" + rows + "]\nanswers:\n";
    CHECK_THAT(answers_error(bomb, extensible()),
               Catch::StartsWith("a.yaml:4:") && Catch::Contains("error: with its aliases expanded, the file holds more than 16 "
                                                                 "MiB of text (this alias repeats 65001 bytes)"));
    // Nested lists (each level ten of the one before) are refused the same way, however deep.
    std::string nested = "rubric: small\nanswers: {}\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 9; ++level) {
        std::string previous = "*l" + std::to_string(level - 1);
        nested += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [" + previous;
        for (int i = 1; i < 10; ++i) nested += ", " + previous;
        nested += "]\n";
    }
    CHECK_THAT(answers_error(nested, small()), Catch::StartsWith("a.yaml:9:") && Catch::Contains("with its aliases expanded"));
    // A few aliases, as a person would write them, are read as ever.
    std::string anchors = "rubric: small\nanswers:\n  x: {r1: &row {k1: half, k2: full}, r2: *row}\n  c: &level hi\n";
    Answers answers = load_answers(anchors, "a.yaml", small());
    CHECK(std::get<MatrixAnswer>(*answers.find("x")).at("r2").at("k2") == "full");
}

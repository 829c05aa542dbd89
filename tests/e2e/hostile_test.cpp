// The hostile corpus: malformed and malicious inputs, each generated here so that the large ones
// need not live in the repository. Every one must give exit 2, at most a screenful of single
// lines that name the file (with line:column where there is one), no output file, no temporary
// file left behind, in bounded time and memory. The benign variants must keep working.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <random>

#include <nlohmann/json.hpp>

#include "run_pindex.hpp"
#include "example_scores.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

struct HostileCase {
    std::string name;     // also the file name
    std::string content;
    std::string message;  // a fragment of the first error line
    std::string position; // ":line:column: " the first error names, or "" when there is none
};

std::string typical() { return read_text(example("typical.yaml")); }

// The first row of examples/typical.yaml's journey matrix, on line 9.
const std::string kDiscoverRow =
    "discover: {web: moderate, app: n/a, messaging: n/a, paid-media: extensive, contact-center: n/a, in-person: none}";

std::string with(std::string text, const std::string& from, const std::string& to) {
    std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string random_bytes(std::size_t count, unsigned seed) {
    std::mt19937 generator(seed);
    std::string bytes(count, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(generator() & 0xff);
    return bytes;
}

// Nested aliases: each level lists the previous one ten times, 10^9 values if expanded.
std::string alias_bomb(const std::string& indent) {
    std::string text = indent + "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 10; ++level) {
        std::string previous = "*l" + std::to_string(level - 1);
        text += indent + "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + previous;
        text += "]\n";
    }
    return text;
}

std::string fmt_count(std::size_t invalid, std::size_t all) {
    return "pindex: " + std::to_string(invalid) + " of " + std::to_string(all) + " files were invalid";
}

double peak_child_rss_mib() {
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024;  // Linux reports KiB
}

// Runs args (where "{}" stands for the hostile file) and checks everything the contract says.
void expect_rejected(const std::vector<std::string>& args_template, const HostileCase& hostile) {
    TempDir dir;
    fs::path file = dir.file(hostile.name, hostile.content);
    fs::path output = dir.path / "report.json";
    std::vector<std::string> args;
    for (const auto& arg : args_template) args.push_back(arg == "{}" ? file.string() : arg);
    args.insert(args.end(), {"-o", output.string()});
    INFO(hostile.name << ": pindex " << args.front());

    auto started = std::chrono::steady_clock::now();
    RunResult result = run_pindex(args);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    CHECK(result.exit_code == 2);
    CHECK(seconds < 20);
    CHECK(result.out.empty());
    std::vector<std::string> lines = split_lines(result.err);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.size() <= 21);  // 20 errors, then one line counting the rest
    for (const auto& line : lines) {
        CHECK_THAT(line, Catch::StartsWith(file.string()));
        CHECK(line.size() < 1200);
    }
    INFO("first error: " << lines.front());
    CHECK_FALSE(hostile.message.empty());  // every case names what its error must say
    CHECK_THAT(lines.front(), Catch::Contains(hostile.message));
    if (!hostile.position.empty()) CHECK_THAT(lines.front(), Catch::StartsWith(file.string() + hostile.position));
    CHECK_FALSE(fs::exists(output));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 1);  // the input alone: no temporary file left behind
}

std::vector<HostileCase> hostile_answers() {
    std::string number_answer = "digital-relationships: 55";
    return {
        {"empty.yaml", "", "the file is empty", ""},
        {"only-comments.yaml", "# nothing here\n", "the file is empty", ""},
        {"random-bytes.yaml", random_bytes(4096, 7), "invalid UTF-8", ":1:"},
        {"control-bytes.yaml", std::string("rubric: \x01\x02\x03\x00\x1b[31m\n", 15), "a control character (byte 0x01)", ":1:9: "},
        {"truncated.yaml", typical().substr(0, 700), "invalid YAML", ":"},
        {"two-documents.yaml", typical() + "---\nrubric: x\n", "goes on after its first YAML document", ":39:1: "},
        // yaml-cpp 0.7's LoadAll loops forever, filling memory, on a stray ',' (found by fuzzing)
        {"stray-comma.yaml", ",", "goes on after its first YAML document", ":1:1: "},
        {"json-then-comma.json", R"({"rubric": "personalization-index", "answers": {}},)", "goes on after its first", ":1:51: "},
        {"top-level-list.yaml", "- rubric\n- answers\n", "expected a map for the answers file, got a list", ":1:1: "},
        {"top-level-text.yaml", "just some words\n", "expected a map", ":1:1: "},
        {"answers-a-number.yaml", "rubric: personalization-index\nanswers: 5\n", "expected a map for 'answers'", ":2:10: "},
        {"matrix-a-text.yaml", with(typical(), "  journey:\n", "  journey: lots\n  journey-x:\n"), "expected a map for the answer to 'journey'", ":8:12: "},
        {"row-a-list.yaml", with(typical(), kDiscoverRow, "discover: [web, moderate]"), "expected a map", ":9:15: "},
        {"cell-a-map.yaml", with(typical(), "buy: {web: moderate", "buy: {web: {deep: 1}"), "expected text for cell buy.web of question 'journey', got a map", ":11:16: "},
        {"choice-a-map.yaml", with(typical(), "cross-channel: next-campaign", "cross-channel: {a: 1}"), "expected text", ":"},
        {"multi-a-text.yaml", with(typical(), "data-governance: [owners, consent]", "data-governance: owners"), "expected a list for the answer to 'data-governance'", ":21:20: "},
        {"number-a-list.yaml", with(typical(), number_answer, "digital-relationships: [55]"), "expected a number for the answer to 'digital-relationships', got a list", ":16:26: "},
        {"notes-a-list.yaml", typical().substr(0, typical().find("notes:\n")) + "notes: [a]\n", "expected a map for 'notes'", ":"},
        {"survey-a-number.yaml", with(typical(), "answers:\n", "survey: 5\nanswers:\n"), "'survey'", ":"},
        {"duplicate-top-key.yaml", with(typical(), "respondent: CRM manager", "respondent: a\nrespondent: b"), "duplicate key 'respondent'", ":"},
        {"duplicate-answer.yaml", with(typical(), "  cross-channel: next-campaign", "  cross-channel: next-campaign\n  cross-channel: same-day"), "duplicate key 'cross-channel'", ":"},
        {"duplicate-cell.yaml", with(typical(), "buy: {web: moderate", "buy: {web: none, web: moderate"), "duplicate key 'web'", ":"},
        {"nested-lists.yaml", std::string(100000, '[') + std::string(100000, ']'), "nested deeper than 500 levels", ":"},
        {"nested-maps.yaml", [] { std::string t; for (int i = 0; i < 100000; ++i) t += "{a: "; return t + "1" + std::string(100000, '}'); }(),
         "nested deeper than 500 levels", ":"},
        {"nested-blocks.yaml", [] { std::string t; for (int i = 0; i < 2000; ++i) t += std::string(2 * i, ' ') + "-\n"; return t; }(),
         "nested deeper than 500 levels", ":"},
        {"alias-bomb-top.yaml", "rubric: personalization-index\n" + alias_bomb("") + "answers: {}\n", "unknown key 'l0'", ":2:1: "},
        {"alias-bomb-as-row.yaml", with(with(typical(), "answers:\n", "custom:\n" + alias_bomb("  ") + "answers:\n"), kDiscoverRow, "discover: *l9"), "unknown question 'l0' in 'custom'", ":8:3: "},
        {"alias-bomb-as-matrix.yaml", with(with(typical(), "answers:\n", "custom:\n" + alias_bomb("  ") + "answers:\n"), "answers:\n  journey:\n", "answers:\n  journey: *l9\n  old-journey:\n"), "unknown question 'l0' in 'custom'", ":8:3: "},
        {"alias-bomb-as-answer.yaml", with(with(typical(), "answers:\n", "custom:\n" + alias_bomb("  ") + "answers:\n"), "data-governance: [owners, consent]", "data-governance: *l9"), "unknown question 'l0' in 'custom'", ":8:3: "},
        {"long-organization.yaml", with(typical(), "organization: Contoso", "organization: " + std::string(100 * 1024, 'A')), "the limit is 64 KiB", ":"},
        {"long-number.yaml", with(typical(), number_answer, "digital-relationships: " + std::string(2 * 1024 * 1024, '9')), "bytes in all", ":"},
        {"twenty-megabytes.yaml", typical() + std::string(20 * 1024 * 1024, '#'), "larger than 8 MiB", ""},
        {"nan.yaml", with(typical(), number_answer, "digital-relationships: .nan"), "expected a finite number", ":"},
        {"infinity.yaml", with(typical(), number_answer, "digital-relationships: .inf"), "expected a finite number", ":"},
        {"minus-infinity.yaml", with(typical(), number_answer, "digital-relationships: -.inf"), "expected a finite number", ":"},
        {"overflow.yaml", with(typical(), number_answer, "digital-relationships: 1e999"), "expected a finite number", ":"},
        {"interactions-nan.yaml", with(typical(), "date: 2026-10-12", "date: 2026-10-12\nyearly_interactions: .nan"), "expected a finite number", ":"},
        // yaml-cpp 0.7 writes control characters back wrongly (found by CI's short fuzz pass)
        {"control-character.yaml", with(typical(), "organization: Contoso", "organization: \"\\x01b\"  # Contoso"),
         "holds a control character", ":"},
        {"invalid-utf8.yaml", with(typical(), "Product recommendations", "Product \xc3\x28 recommendations"), "invalid UTF-8 (byte 0xc3)", ":"},
        {"overlong-utf8.yaml", with(typical(), "Contoso", "Cont\xc0\xafso"), "invalid UTF-8 (byte 0xc0)", ":"},
        {"many-errors.yaml", [] { std::string t = "rubric: personalization-index\nanswers: {}\n"; for (int i = 0; i < 5000; ++i) t += "k" + std::to_string(i) + ": 1\n"; return t; }(),
         "unknown key 'k0'", ":3:1: "},
        {"json-truncated.json", R"({"rubric": "personalization-index", "answers": {"cross-channel": )", "invalid YAML", ":"},
        {"json-wrong-types.json", R"({"rubric": 5, "answers": [1, 2]})", "these answers are for rubric '5'", ":1:12: "},
        // JSON reports, which compare reads back (score reads them as answers and refuses them too)
        {"report-truncated.json", R"({"schema_version": 1, "tool": {"name": "pindex")", "invalid YAML", ":"},
        {"report-nested.json", R"({"schema_version": 1, "parts": )" + std::string(100000, '[') + std::string(100000, ']') + "}",
         "nested deeper than 500 levels", ":"},
        {"report-wrong-version.json", R"({"schema_version": 99, "parts": []})", "schema_version", ":"},
    };
}

}  // namespace

TEST_CASE("hostile answers files: exit 2, one line per error naming the file, no output, bounded") {
    for (const auto& hostile : hostile_answers()) {
        expect_rejected({"score", "{}", "--format", "json"}, hostile);
        expect_rejected({"compare", example("typical.yaml"), "{}", "--format", "json"}, hostile);
    }
    CHECK(peak_child_rss_mib() < 1024);
}

TEST_CASE("scoring the whole hostile corpus as one batch names every file and still scores the good one") {
    TempDir dir;
    std::vector<HostileCase> corpus = hostile_answers();
    for (const auto& hostile : corpus) dir.file(hostile.name, hostile.content);
    dir.file("good.yaml", typical());
    fs::path summary = dir.path / "summary.jsonl";
    RunResult result = run_pindex({"score", dir.path.string(), "-o", summary.string()});
    CHECK(result.exit_code == 2);
    for (const auto& hostile : corpus) CHECK_THAT(result.err, Catch::Contains(hostile.name));
    CHECK_THAT(result.err, Catch::Contains(fmt_count(corpus.size(), corpus.size() + 1)));
    std::vector<std::string> rows = split_lines(read_text(summary));
    REQUIRE(rows.size() == 1);
    CHECK(nlohmann::json::parse(rows.front())["index"] == kTypicalIndex);
}

TEST_CASE("hostile rubrics given with --rubric are rejected the same way") {
    std::string rubric = read_text(fs::path(example("typical.yaml")).parent_path().parent_path() / "rubrics" /
                                   "personalization-index.yaml");
    std::vector<HostileCase> cases = {
        {"empty-rubric.yaml", "", "the file is empty", ""},
        {"binary-rubric.yaml", random_bytes(2048, 11), "invalid UTF-8", ":1:"},
        {"nested-rubric.yaml", std::string(50000, '[') + std::string(50000, ']'), "nested deeper than 500 levels", ":"},
        {"alias-rubric.yaml", with(rubric, "parts:\n", alias_bomb("") + "parts:\n"), "unknown key 'l0'", ":"},
        {"weights-rubric.yaml", with(rubric, "weight: 50", "weight: 1e999"), "expected a finite number", ":"},
        {"advantage-rubric.yaml", with(rubric, "speed_question: idea-to-launch", "speed_question: journey"), "the speed must be a number question", ":"},
    };
    for (const auto& hostile : cases) expect_rejected({"score", example("typical.yaml"), "--rubric", "{}"}, hostile);
}

TEST_CASE("hostile benchmark sets given with --benchmarks are rejected the same way") {
    std::vector<HostileCase> cases = {
        {"set-empty.json", "", "the file is empty", ""},
        {"set-truncated.json", R"({"schema_version": 1, "kind": "benchmark-set", "index": {"count": )", "invalid YAML", ":"},
        {"set-nested.json", std::string(100000, '[') + std::string(100000, ']'), "nested deeper than 500 levels", ":"},
        {"set-then-comma.json", R"({"schema_version": 1},)", "goes on after its first YAML document", ":"},
        {"set-binary.json", random_bytes(1024, 3), "invalid UTF-8", ":1:"},
    };
    for (const auto& hostile : cases)
        expect_rejected({"score", example("typical.yaml"), "--format", "json", "--benchmarks", "{}"}, hostile);
}

TEST_CASE("a directory where a file must be, or a missing file, is named in a one-line error") {
    TempDir dir;
    RunResult directory = run_pindex({"compare", dir.path.string(), example("typical.yaml")});
    CHECK(directory.exit_code == 2);
    CHECK(directory.err == dir.path.string() + ": error: is a directory; expected a file\n");
    RunResult empty = run_pindex({"score", dir.path.string()});  // a directory to score: nothing in it
    CHECK(empty.exit_code == 2);
    CHECK(split_lines(empty.err).size() == 1);
    RunResult missing = run_pindex({"score", (dir.path / "nope.yaml").string()});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::StartsWith((dir.path / "nope.yaml").string() + ": error: cannot open"));
}

TEST_CASE("benign variants score like the plain file: CRLF, a BOM, comments, non-ASCII text, JSON") {
    TempDir dir;
    std::string plain = typical(), crlf;
    for (char c : plain) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::vector<std::pair<std::string, std::string>> variants = {
        {"crlf.yaml", crlf},
        {"bom.yaml", "\xEF\xBB\xBF" + plain},
        {"bom-crlf.yaml", "\xEF\xBB\xBF" + crlf},
        {"comments.yaml", with(with(plain, "answers:\n", "# before answers\nanswers:  # trailing\n"), "  cross-channel:", "  # a comment line\n  cross-channel:")},
        {"non-ascii.yaml", with(with(plain, "organization: Contoso Outdoor (example typical company)", "organization: \"Société Générale d'Équipement 中文 ☃\""),
                                "respondent: CRM manager", "respondent: Łukasz Ørsted")},
        {"anchors.yaml", with(with(plain, "discover: {web: moderate", "discover: {web: &level moderate"), "buy: {web: moderate", "buy: {web: *level")},
        {"long-note.yaml", with(plain, "notes:\n", "notes:\n  cross-channel: \"" + std::string(60 * 1024, 'n') + "\"\n")},
    };
    for (const auto& [name, content] : variants) {
        INFO(name);
        RunResult result = run_pindex({"score", dir.file(name, content).string(), "--format", "json"});
        REQUIRE(result.exit_code == 0);
        CHECK(nlohmann::json::parse(result.out)["index"] == kTypicalIndex);
    }
    RunResult non_ascii = run_pindex({"score", (dir.path / "non-ascii.yaml").string()});
    CHECK_THAT(non_ascii.out, Catch::Contains("Société Générale d'Équipement 中文 ☃, answered by Łukasz Ørsted"));

    // JSON answers: the same loader; here a partial file scored with --allow-incomplete.
    std::string json = R"({"rubric": "personalization-index", "organization": "Ünïcode", "answers": {"accountable-leader": "senior-leader"}})";
    std::string yaml = "rubric: personalization-index\norganization: Ünïcode\nanswers:\n  accountable-leader: senior-leader\n";
    RunResult from_json = run_pindex({"score", dir.file("a.json", json).string(), "--allow-incomplete", "--format", "json"});
    RunResult from_yaml = run_pindex({"score", dir.file("a.yaml", yaml).string(), "--allow-incomplete", "--format", "json"});
    REQUIRE(from_json.exit_code == 0);
    REQUIRE(from_yaml.exit_code == 0);
    CHECK(nlohmann::json::parse(from_json.out)["index"] == nlohmann::json::parse(from_yaml.out)["index"]);
    CHECK(nlohmann::json::parse(from_json.out)["index"] > 0);
}

// pindex compare, as a consultant tracks a company year over year and as a CI gate.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "example_scores.hpp"
#include "run_pindex.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

// examples/typical.yaml a year later: cross-channel at its best, no leader named any more.
std::string typical_a_year_later() {
    std::string text = read_text(example("typical.yaml"));
    for (auto [from, to] : {std::pair<std::string, std::string>{"cross-channel: next-campaign", "cross-channel: real-time"},
                            {"accountable-leader: manager-or-director", "accountable-leader: nobody"},
                            {"date: 2026-10-12", "date: 2027-10-12"}})
        text.replace(text.find(from), from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("compare prints the change of the index, of each part and of the answers") {
    TempDir dir;
    fs::path later = dir.file("later.yaml", typical_a_year_later());
    RunResult result = run_pindex({"compare", example("typical.yaml"), later.string()});
    CHECK(result.exit_code == 0);
    nlohmann::json typical = score_json(example("typical.yaml")), later_report = score_json(later);
    double before = typical["index"], after = later_report["index"];
    REQUIRE(after > before);
    CHECK_THAT(result.out, Catch::StartsWith("Personalization Index: " + index_text(before) + " -> " + index_text(after) +
                                             " (+" + index_text(after - before) + ")"));
    // No leader named any more: Accountability falls to 0; cross-channel gains what its points say.
    double accountability = typical["parts"][5]["points"];
    double cross_channel_gain = double(later_report["parts"][0]["questions"][1]["points"]) -
                                double(typical["parts"][0]["questions"][1]["points"]);
    CHECK_THAT(line_containing(result.out, "  Accountability "),
               Catch::Matches("  Accountability +" + index_text(accountability) + " +0\\.0 +-" + index_text(accountability)));
    CHECK_THAT(result.out, Catch::Contains("+" + fixed(cross_channel_gain, 2) + "  cross-channel:"));
    CHECK_THAT(result.out, Catch::Contains("not a forecast"));
}

TEST_CASE("a JSON report from last year compares like its answers file") {
    TempDir dir;
    fs::path later = dir.file("later.yaml", typical_a_year_later());
    fs::path last_report = dir.path / "2026.json";
    REQUIRE(run_pindex({"score", example("typical.yaml"), "-o", last_report.string()}).exit_code == 0);
    RunResult from_answers = run_pindex({"compare", example("typical.yaml"), later.string(), "--format", "json"});
    RunResult from_report = run_pindex({"compare", last_report.string(), later.string(), "--format", "json"});
    REQUIRE(from_answers.exit_code == 0);
    REQUIRE(from_report.exit_code == 0);
    auto a = nlohmann::json::parse(from_answers.out), b = nlohmann::json::parse(from_report.out);
    CHECK(a["delta"] == b["delta"]);
    CHECK(a["changed_answers"] == b["changed_answers"]);
    CHECK(b["before"]["source"] == last_report.string());
}

TEST_CASE("compare with --fail-if-drop fails the build when the index fell by more than N") {
    TempDir dir;
    fs::path later = dir.file("later.yaml", typical_a_year_later());
    // typical -> later rises; the other way it drops by as much.
    double before = score_json(example("typical.yaml"))["index"], after = score_json(later)["index"];
    std::string rise = index_text(after - before), under_rise = index_text(after - before - 0.1);
    REQUIRE(after - before > 0.1);
    CHECK(run_pindex({"compare", example("typical.yaml"), later.string(), "--fail-if-drop", "0"}).exit_code == 0);
    RunResult drop = run_pindex({"compare", later.string(), example("typical.yaml"), "--fail-if-drop", under_rise});
    CHECK(drop.exit_code == 1);
    CHECK_THAT(drop.err, Catch::Contains("the index dropped by " + rise + " points (" + index_text(after) + " -> " +
                                         index_text(before) + "), more than the allowed " + under_rise));
    CHECK(run_pindex({"compare", later.string(), example("typical.yaml"), "--fail-if-drop", rise}).exit_code == 0);
    CHECK(run_pindex({"compare", later.string(), example("typical.yaml"), "--fail-if-drop", "-1"}).exit_code == 2);
}

TEST_CASE("compare writes Markdown or JSON by the extension of -o") {
    TempDir dir;
    fs::path later = dir.file("later.yaml", typical_a_year_later());
    REQUIRE(run_pindex({"compare", example("typical.yaml"), later.string(), "-o", (dir.path / "c.md").string()})
                .exit_code == 0);
    REQUIRE(run_pindex({"compare", example("typical.yaml"), later.string(), "-o", (dir.path / "c.json").string()})
                .exit_code == 0);
    CHECK_THAT(read_text(dir.path / "c.md"), Catch::StartsWith("---\nmarp: true"));
    double accountability = score_json(example("typical.yaml"))["parts"][5]["points"];
    CHECK_THAT(read_text(dir.path / "c.md"), Catch::Contains("| Accountability | " + index_text(accountability) +
                                                             " | 0.0 | -" + index_text(accountability) + " |"));
    double before = score_json(example("typical.yaml"))["index"], after = score_json(later)["index"];
    CHECK(nlohmann::json::parse(read_text(dir.path / "c.json"))["delta"]["index"] == Approx(after - before));
}

TEST_CASE("compare refuses bad inputs with exit 2 and writes nothing") {
    TempDir dir;
    fs::path bad = dir.file("bad.json", "{\n  \"schema_version\": 1,\n  \"index\": [\n");
    fs::path out = dir.path / "c.json";
    RunResult result = run_pindex({"compare", bad.string(), example("typical.yaml"), "-o", out.string()});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("bad.json:"));
    CHECK_FALSE(fs::exists(out));
    RunResult missing = run_pindex({"compare", (dir.path / "none.yaml").string(), example("typical.yaml")});
    CHECK(missing.exit_code == 2);
    RunResult overwrite = run_pindex({"compare", example("typical.yaml"), bad.string(), "-o", bad.string()});
    CHECK(overwrite.exit_code == 2);
    CHECK_THAT(overwrite.err, Catch::Contains("would overwrite"));
}

TEST_CASE("compare shows how the personalization advantage P = n × v² changed, as a ratio only") {
    TempDir dir;
    auto variant = [&](const std::string& name, const std::string& weeks, const std::string& interactions) {
        std::string text = read_text(example("typical.yaml"));
        auto swap = [&](const std::string& from, const std::string& to) { text.replace(text.find(from), from.size(), to); };
        swap("idea-to-launch: 6", "idea-to-launch: " + weeks);
        if (!interactions.empty()) swap("date: 2026-10-12", "date: 2026-10-12\nyearly_interactions: " + interactions);
        return dir.file(name, text);
    };
    fs::path before = variant("2026.yaml", "6", "2000000"), after = variant("2027.yaml", "3", "3000000");
    fs::path before_report = dir.path / "2026.json";
    REQUIRE(run_pindex({"score", before.string(), "-o", before_report.string()}).exit_code == 0);

    RunResult text = run_pindex({"compare", before_report.string(), after.string()});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("is ×2 the earlier"));  // 6 weeks -> 3 weeks: speed doubled
    CHECK_THAT(text.out, Catch::Contains("P is\n  ×6 the earlier") || Catch::Contains("P is ×6 the earlier"));

    RunResult json = run_pindex({"compare", before.string(), after.string(), "--format", "json"});
    REQUIRE(json.exit_code == 0);
    auto advantage = nlohmann::json::parse(json.out)["advantage"];
    CHECK(advantage["speed_ratio"] == 2.0);
    CHECK(advantage["interactions_ratio"] == 1.5);
    CHECK(advantage["advantage_ratio"] == 6.0);

    // Without n on one side, the interactions are taken as unchanged: speed doubled, P ×4.
    fs::path no_count = variant("2027-no-count.yaml", "3", "");
    auto unchanged = nlohmann::json::parse(run_pindex({"compare", before.string(), no_count.string(), "--format", "json"}).out);
    CHECK(unchanged["advantage"]["interactions_ratio"].is_null());
    CHECK(unchanged["advantage"]["advantage_ratio"] == 4.0);
}

TEST_CASE("compare warns when the two files are of different organizations or journey cells changed scope") {
    // laggard.yaml and typical.yaml: two companies, and journey cells that are n/a in one only.
    RunResult result = run_pindex({"compare", example("laggard.yaml"), example("typical.yaml"), "--format", "json"});
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("pindex: warning: ") && Catch::Contains("the change compares two organizations"));
    CHECK_THAT(result.err, Catch::Contains("changed scope, to or from n/a"));
    auto json = nlohmann::json::parse(result.out);
    std::string notes = json["notes"].dump();
    CHECK_THAT(notes, Catch::Contains("two organizations") && Catch::Contains("changed scope"));
    bool scope_cell = false;
    for (const auto& change : json["changed_answers"])
        for (const auto& cell : change.value("cells", nlohmann::json::array()))
            scope_cell = scope_cell || (cell["scope_changed"] == true && (cell["before"] == "n/a") != (cell["after"] == "n/a"));
    CHECK(scope_cell);
    CHECK_THAT(json["context"].get<std::string>(), Catch::Contains("Harvard Business Review, Nov-Dec 2024"));

    TempDir dir;
    fs::path later = dir.file("later.yaml", typical_a_year_later());
    RunResult same_company = run_pindex({"compare", example("typical.yaml"), later.string()});
    CHECK(same_company.err.find("two organizations") == std::string::npos);
}

TEST_CASE("compare -o deck.md writes the deck with its before-and-after chart beside it") {
    TempDir dir;
    fs::path deck = dir.path / "change.md";
    REQUIRE(run_pindex({"compare", example("laggard.yaml"), example("typical.yaml"), "-o", deck.string()}).exit_code == 0);
    std::string text = read_text(deck);
    CHECK_THAT(text, Catch::Contains("![bg right:45% contain](change.change.svg)"));
    CHECK_THAT(text, Catch::Contains("**So what:** The index rose"));
    CHECK_THAT(read_text(dir.path / "change.change.svg"), Catch::StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

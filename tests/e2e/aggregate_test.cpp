// pindex aggregate, as a team of respondents of one company is combined.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "example_scores.hpp"
#include "pindex/rubric.hpp"
#include "run_pindex.hpp"

using namespace pindex::e2e;
using namespace pindex::test;
namespace fs = std::filesystem;

namespace {

// examples/typical.yaml as another respondent saw it.
std::string typical_as(const std::string& respondent, const std::string& cross_channel) {
    std::string text = read_text(example("typical.yaml"));
    for (auto [from, to] : {std::pair<std::string, std::string>{"respondent: CRM manager", "respondent: " + respondent},
                            {"cross-channel: next-campaign", "cross-channel: " + cross_channel}})
        text.replace(text.find(from), from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("aggregate writes the median answers, which score, and prints the disagreements") {
    TempDir dir;
    fs::path cmo = dir.file("cmo.yaml", typical_as("CMO", "real-time"));
    fs::path it = dir.file("it.yaml", typical_as("IT lead", "isolated"));
    fs::path out = dir.path / "company.yaml";
    RunResult result = run_pindex({"aggregate", example("typical.yaml"), cmo.string(), it.string(), "-o", out.string()});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::StartsWith("Where the respondents disagree most (1 of 1;"));
    CHECK_THAT(result.out, Catch::Contains("1.00  cross-channel"));
    CHECK_THAT(result.out, Catch::Contains("IT lead: Nothing changes"));
    CHECK_THAT(result.err, Catch::Contains("pindex score " + out.string()));
    RunResult scored = run_pindex({"score", out.string()});
    CHECK(scored.exit_code == 0);
    CHECK_THAT(scored.out, Catch::Contains(index_line(kTypicalIndex)));  // the median is typical's
    CHECK_THAT(scored.out, Catch::Contains("median of 3 respondents: CRM manager, CMO, IT lead"));

    RunResult json = run_pindex({"aggregate", example("typical.yaml"), cmo.string(), "-o", out.string(),
                                 "--format", "json", "--force"});
    REQUIRE(json.exit_code == 0);
    auto report = nlohmann::json::parse(json.out);
    CHECK(report["disagreements"][0]["question"] == "cross-channel");
    const pindex::Question* cross_channel = pindex::default_rubric().find_question("cross-channel");
    CHECK(report["disagreements"][0]["spread"] ==
          Approx(cross_channel->find_option("real-time")->score - cross_channel->find_option("next-campaign")->score));
}

TEST_CASE("aggregate refuses one file, an output over an input, and invalid answers") {
    TempDir dir;
    fs::path out = dir.path / "company.yaml";
    CHECK(run_pindex({"aggregate", example("typical.yaml"), "-o", out.string()}).exit_code == 2);
    fs::path copy = dir.file("copy.yaml", read_text(example("typical.yaml")));
    RunResult over = run_pindex({"aggregate", example("typical.yaml"), copy.string(), "-o", copy.string()});
    CHECK(over.exit_code == 2);
    CHECK_THAT(over.err, Catch::Contains("would overwrite"));
    fs::path bad = dir.file("bad.yaml", "rubric: personalization-index\nanswers:\n  tailoring: bespoke\n");
    RunResult invalid = run_pindex({"aggregate", example("typical.yaml"), bad.string(), "-o", out.string()});
    CHECK(invalid.exit_code == 2);
    CHECK_THAT(invalid.err, Catch::Contains("bad.yaml:3:14"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("aggregate warns when the respondents name different organizations") {
    TempDir dir;
    fs::path out = dir.path / "company.yaml";
    RunResult result = run_pindex({"aggregate", example("laggard.yaml"), example("typical.yaml"), "-o", out.string(),
                                   "--format", "json"});
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("pindex: warning: the respondents name 2 different organizations"));
    CHECK_THAT(nlohmann::json::parse(result.out)["warnings"][0].get<std::string>(),
               Catch::Contains("aggregating is for respondents of one company"));
    RunResult one_company = run_pindex({"aggregate", dir.file("cmo.yaml", typical_as("CMO", "real-time")).string(),
                                        example("typical.yaml"), "-o", out.string()});
    CHECK(one_company.err.find("warning") == std::string::npos);
}

#include "pindex/report_junit.hpp"

#include <fmt/format.h>

#include "pindex/escape.hpp"
#include "pindex/text.hpp"

namespace pindex {

namespace {

struct TestCase {
    std::string name;                   // "index", "part know-me"
    std::string summary;                // "36.6 of 100; ...", and the threshold when there is one
    const ThresholdResult* threshold;   // the one on this target, if any
};

const ThresholdResult* threshold_on(const Report& report, const std::string& target) {
    for (const auto& result : report.thresholds)
        if (result.threshold.target() == target) return &result;
    return nullptr;
}

std::string test_case_xml(const TestCase& test, const std::string& class_name) {
    std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\">\n", escape_xml(class_name),
                                  escape_xml(test.name));
    if (test.threshold && !test.threshold->passed)
        out += fmt::format("      <failure type=\"threshold\" message=\"{0}\">{0}</failure>\n",
                           escape_xml(fmt::format("{} is {:.1f}, below the required {:g}", test.name,
                                                  test.threshold->actual, test.threshold->threshold.minimum)));
    std::string summary = test.summary;
    if (test.threshold) summary += fmt::format("; required: at least {:g}", test.threshold->threshold.minimum);
    out += fmt::format("      <system-out>{}</system-out>\n    </testcase>\n", escape_xml(summary));
    return out;
}

}  // namespace

std::string write_report_junit(const Report& report) {
    std::vector<TestCase> tests;
    // The index's output carries every caveat a reader of the CI log needs beside the number.
    std::vector<std::string> index_words = {fmt::format("{:.1f} of 100", report.index)};
    if (!report.completeness.complete()) index_words.push_back(incomplete_caveat(report.completeness));
    if (!report.index_band().words.empty()) index_words.push_back(report.index_band().words);
    std::string summary = join(index_words, "; ");
    if (std::string citation = benchmark_citation(report); !citation.empty()) summary += ". " + citation;
    if (report.peers) summary += " " + peer_words(*report.peers, report.index);
    tests.push_back({"index", summary, threshold_on(report, "index")});
    for (const auto& part : report.parts)
        tests.push_back({"part " + part.id, fmt::format("{}: {:.1f} of {:g} points", part.name, round_to_tenth(part.points), part.weight),
                         threshold_on(report, part.id)});
    std::size_t failures = 0;
    for (const auto& test : tests) failures += test.threshold && !test.threshold->passed ? 1 : 0;
    std::string suite = report.rubric_name + (report.organization.empty() ? "" : ": " + report.organization);
    std::string class_name = "pindex." + report.rubric_id;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"pindex\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n"
                       "  <testsuite name=\"{2}\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\">\n",
                       tests.size(), failures, escape_xml(suite));
    out += fmt::format("    <properties>\n      <property name=\"source\" value=\"{}\"/>\n"
                       "      <property name=\"index\" value=\"{:.1f}\"/>\n"
                       "      <property name=\"complete\" value=\"{}\"/>\n",
                       escape_xml(report.source), report.index, report.completeness.complete() ? "true" : "false");
    if (report.peers)
        out += fmt::format("      <property name=\"peer_percentile\" value=\"{:.0f}\"/>\n", report.peers->percentile);
    out += "    </properties>\n";
    for (const auto& test : tests) out += test_case_xml(test, class_name);
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

}  // namespace pindex

// Fuzz target: what `compare` and `benchmark build` read back, and `score --benchmarks` reads: a
// JSON report written by `pindex score`, or a benchmark set written by `pindex benchmark build`.
// Invariants on every accepted input:
//  - a report: written again and read back, it writes the same JSON; it compares with itself as
//    no change, and every comparison format writes something; a benchmark set built from it
//    reads back as the same set, and places the report at a percentile in [0, 100];
//  - a benchmark set: written again and read back, it writes the same JSON; its quantiles lie
//    between its lowest and highest scores.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "pindex/benchmark_set.hpp"
#include "pindex/comparison.hpp"
#include "pindex/comparison_report.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/report_json.hpp"

namespace {

void check_distribution(const pindex::Distribution& distribution) {
    if (distribution.sorted.empty()) return;
    for (double p : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        double quantile = distribution.quantile(p);
        PINDEX_FUZZ_CHECK(quantile >= distribution.sorted.front() && quantile <= distribution.sorted.back());
    }
}

void check_set(const pindex::BenchmarkSet& set) {
    std::string json = pindex::write_benchmark_set_json(set);
    PINDEX_FUZZ_CHECK(pindex::write_benchmark_set_json(pindex::read_benchmark_set(json, "set.json")) == json);
    check_distribution(set.index);
    for (const auto& [id, distribution] : set.parts) check_distribution(distribution);
}

void check_report(const pindex::Report& report) {
    std::string json = pindex::write_report_json(report);
    pindex::Report again = pindex::read_report_json(json, "fuzz.json");  // the name it was read under: a report read back is named by its file
    PINDEX_FUZZ_CHECK(pindex::write_report_json(again) == json);
    pindex::Comparison same = pindex::compare_reports(report, again);
    PINDEX_FUZZ_CHECK(same.index_delta == 0);
    for (const auto& format : pindex::comparison_formats()) PINDEX_FUZZ_CHECK(!format.write(same).empty());
    pindex::BenchmarkSet set = pindex::build_benchmark_set({report, again});
    check_set(set);
    pindex::PeerPosition position = pindex::peer_position(set, "set.json", report);
    PINDEX_FUZZ_CHECK(position.percentile >= 0 && position.percentile <= 100);
    for (const auto& [id, percentile] : position.parts) PINDEX_FUZZ_CHECK(percentile >= 0 && percentile <= 100);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        if (pindex::looks_like_report_json(text))
            check_report(pindex::read_report_json(text, "fuzz.json"));
        else
            check_set(pindex::read_benchmark_set(text, "fuzz.json"));
    } catch (const pindex::InputError&) {
    }
    return 0;
}

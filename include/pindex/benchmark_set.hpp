#pragma once
// Peer benchmarks built from many assessments (say, every company a consultancy assessed):
// the distribution of the index and of each part's points, and where one company stands in
// it. The published benchmarks give no distribution, so pindex shows a percentile only
// against such a set (docs/analysis.md).
//
// pindex conventions: quantiles interpolate linearly between the sorted scores (Hyndman and
// Fan's type 7, the default of R and NumPy); a percentile rank is the share of the set scoring
// below a value, with scores equal to it counted half.
#include <string>
#include <utility>
#include <vector>

#include "pindex/report.hpp"

namespace pindex {

struct Distribution {
    std::vector<double> sorted;  // every score, ascending

    double mean() const;
    double quantile(double p) const;          // p in [0, 1]
    double percentile_rank(double value) const;  // in [0, 100]
};

struct BenchmarkSet {
    std::string rubric_id;
    std::string rubric_version;
    Distribution index;
    std::vector<std::pair<std::string, Distribution>> parts;  // part id -> points, in rubric order
    // assessment_fingerprint() of each assessment, sorted: tells a report whether it is itself in
    // the set without the set naming anyone. Empty for sets written before pindex kept them.
    std::vector<std::string> fingerprints;
    std::size_t count() const { return index.sorted.size(); }
};

// Throws InputError when the reports are of different rubrics, or there are none.
BenchmarkSet build_benchmark_set(const std::vector<Report>& reports);

// The set as JSON: count, mean, quartiles and deciles of the index and of each part, and the
// sorted scores themselves (numbers only, no names), which percentiles need.
std::string write_benchmark_set_json(const BenchmarkSet& set);
BenchmarkSet read_benchmark_set(std::string_view text, const std::string& file);  // throws InputError

// SHA-256 of the assessment's rubric, organization, date and every answer: the same for an
// answers file and its JSON report, different for another company or another year.
std::string assessment_fingerprint(const Report& report);

// Where a report stands among the set; fills report.peers (naming the set by its file name only). Throws InputError if the set is of
// another rubric.
PeerPosition peer_position(const BenchmarkSet& set, const std::string& set_source, const Report& report);

}  // namespace pindex

#pragma once
// Minimum scores a CI pipeline can require: the index, or a part's points.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"

namespace pindex {

struct Threshold {
    std::string part_id;  // empty: the index
    double minimum = 0;

    // What the reports name it: "index", or the part id.
    std::string target() const { return part_id.empty() ? "index" : part_id; }
};

struct ThresholdResult {
    Threshold threshold;
    double actual = 0;  // rounded to one decimal, as reported
    bool passed = true;
};

// Parses "ID=N" (a part id and its minimum points). Returns an error message on failure.
// Checks the part exists and that N lies in [0, the part's weight].
struct ThresholdParse {
    std::optional<Threshold> threshold;
    std::string error;
};
ThresholdParse parse_part_threshold(std::string_view text, const Rubric& rubric);
// Checks N lies in [0, 100].
ThresholdParse make_index_threshold(double minimum);

// A threshold passes when the rounded value (the index, or the part's points rounded to one
// decimal as displayed) is at least its minimum.
std::vector<ThresholdResult> evaluate_thresholds(const std::vector<Threshold>& thresholds,
                                                 const Score& score);

}  // namespace pindex

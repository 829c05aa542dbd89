#include "pindex/thresholds.hpp"

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex {

ThresholdParse make_index_threshold(double minimum) {
    if (!(minimum >= 0 && minimum <= 100))
        return {std::nullopt, fmt::format("the index threshold must lie in [0, 100], got {}", minimum)};
    return {Threshold{"", minimum}, ""};
}

ThresholdParse parse_part_threshold(std::string_view text, const Rubric& rubric) {
    auto equals = text.find('=');
    if (equals == std::string_view::npos)
        return {std::nullopt, fmt::format("'{}' is not ID=N (a part id and its minimum points)", text)};
    std::string part_id(text.substr(0, equals));
    const Part* part = rubric.find_part(part_id);
    if (!part)
        return {std::nullopt, fmt::format("unknown part '{}' in '{}'; expected one of: {}", part_id, text,
                                          join_ids(rubric.parts))};
    auto minimum = parse_number(text.substr(equals + 1));
    if (!minimum)
        return {std::nullopt, fmt::format("'{}' is not a number in '{}'", text.substr(equals + 1), text)};
    if (*minimum < 0 || *minimum > part->weight)
        return {std::nullopt, fmt::format("the threshold for '{}' must lie in [0, {}] (its weight), got {}",
                                          part_id, part->weight, *minimum)};
    return {Threshold{part_id, *minimum}, ""};
}

std::vector<ThresholdResult> evaluate_thresholds(const std::vector<Threshold>& thresholds,
                                                 const Score& score) {
    std::vector<ThresholdResult> results;
    for (const auto& threshold : thresholds) {
        double actual = score.index;
        for (const auto& part : score.parts)
            if (!threshold.part_id.empty() && part.id == threshold.part_id)
                actual = round_to_tenth(part.points);
        results.push_back({threshold, actual, actual >= threshold.minimum});
    }
    return results;
}

}  // namespace pindex

#pragma once
// The indices of the three example companies (examples/*.yaml, docs/examples.md) under the
// built-in rubric: the facts many tests share, named once, so a change of method changes these
// lines and not forty literals. The golden files (tests/golden) and the calibration test pin
// the whole reports; these are the numbers other tests look for in what pindex prints.
#include <cstdio>
#include <string>

namespace pindex::test {

inline constexpr double kLaggardIndex = 11.1;
inline constexpr double kTypicalIndex = 44.9;
inline constexpr double kLeaderIndex = 84.0;

// A number with a fixed count of decimals, as reports print it: fixed(2.5, 2) is "2.50".
inline std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// An index as every report prints it: one decimal ("36.6", "10.0").
inline std::string index_text(double index) { return fixed(index, 1); }

// "Personalization Index: 36.6 / 100", the first line of the text report.
inline std::string index_line(double index) { return "Personalization Index: " + index_text(index) + " / 100"; }

}  // namespace pindex::test

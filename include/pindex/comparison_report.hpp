#pragma once
// A comparison as text (for a terminal or CI log), JSON (versioned, with `delta`), or a
// Markdown (Marp) deck. Text from the compared files is escaped as in the reports.
#include <string>

#include <nlohmann/json.hpp>

#include "pindex/comparison.hpp"
#include "pindex/output_format.hpp"

namespace pindex {

inline constexpr int kComparisonSchemaVersion = 1;

std::string write_comparison_text(const Comparison& comparison);
nlohmann::ordered_json comparison_to_json(const Comparison& comparison);
std::string write_comparison_json(const Comparison& comparison);
std::string write_comparison_markdown(const Comparison& comparison);

// text, json, markdown.
const std::vector<OutputFormat<Comparison>>& comparison_formats();

}  // namespace pindex

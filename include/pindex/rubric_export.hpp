#pragma once
// The rubric's public contract: the JSON export (documented in docs/rubric-format.md), and a
// YAML export in the rubric file format that loads back to the same rubric.
#include <string>

#include <nlohmann/json.hpp>

#include "pindex/rubric.hpp"

namespace pindex {

nlohmann::ordered_json rubric_to_json(const Rubric& rubric);
std::string write_rubric_json(const Rubric& rubric);  // pretty-printed, ends with a newline
std::string write_rubric_yaml(const Rubric& rubric);
// A readable outline for `pindex rubric show`: parts, questions, options with their scores,
// benchmarks with sources, the rubric's conventions and the survey-time estimate.
std::string write_rubric_text(const Rubric& rubric);

}  // namespace pindex

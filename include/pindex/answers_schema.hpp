#pragma once
// A JSON Schema (draft-07) for the answers files of one rubric, so that an editor's YAML or JSON
// support (for example yaml-language-server) can complete question ids, option ids, matrix rows,
// columns and levels, and show each question's text. It checks shape and ids only; `pindex
// validate` remains the full check (conditions, bands, completeness, positions in messages).
#include <string>

#include <nlohmann/json.hpp>

#include "pindex/rubric.hpp"

namespace pindex {

nlohmann::ordered_json answers_schema(const Rubric& rubric);
std::string write_answers_schema(const Rubric& rubric);  // pretty-printed, ends with a newline

}  // namespace pindex

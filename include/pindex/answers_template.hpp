#pragma once
// `pindex template`: an answers file with every question, its options and help as comments and
// every answer left empty, ready to fill in by hand. It loads as a valid (incomplete) file.
#include <string>

#include "pindex/rubric.hpp"

namespace pindex {

std::string write_answers_template(const Rubric& rubric);

}  // namespace pindex

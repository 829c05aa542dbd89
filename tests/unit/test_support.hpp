#pragma once
// Helpers shared by the unit tests: answers built in code, error matching, example files.
#include <filesystem>
#include <string>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex::test {

// Every applicable question answered with its best (or worst) answer.
Answers best_answers(const Rubric& rubric);
Answers worst_answers(const Rubric& rubric);

// The text of a file under the source tree, such as "examples/typical.yaml".
std::string source_file(const std::string& relative_path);

// text with the first occurrence of `from` replaced by `to` (which must occur).
std::string replaced(std::string text, const std::string& from, const std::string& to);

// Every error of loading a rubric or answers text, formatted as printed
// ("file:line:column: error: ...") one per line; empty when it loads.
std::string rubric_error(const std::string& text);
std::string answers_error(const std::string& text, const Rubric& rubric);

// A fresh directory under the system's temporary directory, removed with all it holds.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// A small valid rubric with one part of each question type, for hand-computed cases:
// part a (weight 60): c (choice 0/0.5/1), m (multi 0.5+0.75 capped), n (number bands), w (when c=hi)
// part b (weight 40): x (matrix 2x2, levels 0/0.5/1)
extern const char* const kSmallRubric;

}  // namespace pindex::test

#include "test_support.hpp"

#include <stdlib.h>

#include <fstream>
#include <functional>
#include <stdexcept>
#include <sstream>

#include "pindex/diagnostic.hpp"

namespace pindex::test {

namespace {

enum class Pick { best, worst };

AnswerValue answer_for(const Question& question, Pick pick) {
    switch (question.type) {
        case QuestionType::choice:
            return pick == Pick::best ? question.options.back().id : question.options.front().id;
        case QuestionType::multi: {
            std::vector<std::string> chosen;
            if (pick == Pick::best)
                for (const auto& option : question.options) chosen.push_back(option.id);
            return chosen;
        }
        case QuestionType::number: {
            const Band* target = &question.bands.front();
            for (const auto& band : question.bands)
                if (pick == Pick::best ? band.score > target->score : band.score < target->score) target = &band;
            return target->min;
        }
        case QuestionType::matrix: {
            MatrixAnswer matrix;
            const std::string& level = pick == Pick::best ? question.levels.back().id : question.levels.front().id;
            for (const auto& row : question.rows)
                for (const auto& column : question.columns) matrix[row.id][column.id] = level;
            return matrix;
        }
    }
    return std::string();
}

Answers answers_with(const Rubric& rubric, Pick pick) {
    Answers answers;
    answers.rubric_id = rubric.id;
    for (const auto& part : rubric.parts)
        for (const auto& question : part.questions) answers.answers[question.id] = answer_for(question, pick);
    return answers;
}

std::string first_error(const std::function<void()>& load) {
    try {
        load();
    } catch (const InputError& error) {
        std::string all;
        for (const auto& diagnostic : error.diagnostics()) all += (all.empty() ? "" : "\n") + format_diagnostic(diagnostic);
        return all;
    }
    return "";
}

}  // namespace

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pindex-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

Answers best_answers(const Rubric& rubric) { return answers_with(rubric, Pick::best); }
Answers worst_answers(const Rubric& rubric) { return answers_with(rubric, Pick::worst); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("test fixture has no '" + from + "'");
    return text.replace(at, from.size(), to);
}

std::string source_file(const std::string& relative_path) {
    std::ifstream in(std::string(PINDEX_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string rubric_error(const std::string& text) {
    return first_error([&] { load_rubric(text, "r.yaml"); });
}

std::string answers_error(const std::string& text, const Rubric& rubric) {
    return first_error([&] { load_answers(text, "a.yaml", rubric); });
}

const char* const kSmallRubric = R"(id: small
version: "1"
name: Small
benchmarks:
  - {id: avg, label: Average, score: 49, source: test}
parts:
  - id: a
    name: Part A
    weight: 60
    questions:
      - id: c
        type: choice
        text: Choice?
        help: h
        options:
          - {id: lo, label: Low, score: 0}
          - {id: mid, label: Mid, score: 0.5}
          - {id: hi, label: High, score: 1}
      - id: m
        type: multi
        text: Multi?
        help: h
        options:
          - {id: p, label: P, score: 0.5}
          - {id: q, label: Q, score: 0.75}
      - id: n
        type: number
        text: Number?
        help: h
        bands:
          - {min: 0, max: 10, score: 0}
          - {min: 10, max: 20, score: 0.5}
          - {min: 20, score: 1}
      - id: w
        type: choice
        weight: 2
        when: {question: c, in: [hi]}
        text: Only when c is hi?
        help: h
        options:
          - {id: no, label: No, score: 0}
          - {id: yes, label: Yes, score: 1}
  - id: b
    name: Part B
    weight: 40
    questions:
      - id: x
        type: matrix
        text: Matrix?
        help: h
        rows: [{id: r1, label: R1}, {id: r2, label: R2}]
        columns: [{id: k1, label: K1}, {id: k2, label: K2}]
        levels:
          - {id: none, label: None, score: 0}
          - {id: half, label: Half, score: 0.5}
          - {id: full, label: Full, score: 1}
)";

}  // namespace pindex::test

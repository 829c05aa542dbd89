#include "pindex/answers_template.hpp"

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex {

namespace {

constexpr std::size_t kCommentWidth = 92;

// Writes text as "# " comment lines indented by `indent`, wrapped to kCommentWidth.
void comment(std::string& out, std::string_view indent, std::string_view text) {
    for (const auto& line : wrap_words(text, kCommentWidth - indent.size() - 2))
        out += fmt::format("{}# {}\n", indent, line);
}

std::string yaml_quoted(std::string_view text) {
    std::string result = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') result += '\\';
        result += c;
    }
    return result + "\"";
}

void write_options(std::string& out, const Question& question) {
    const char* how = question.type == QuestionType::choice
                          ? "Answer with one option id (options run worst to best):"
                          : "Answer with a list of option ids, such as [a, b], or [] for none of them:";
    out += fmt::format("  # {}\n", how);
    for (const auto& option : question.options) out += fmt::format("  #   {}: {}\n", option.id, option.label);
}

void write_bands(std::string& out, const Question& question) {
    std::string unit = question.unit.empty() ? "" : fmt::format(" ({})", question.unit);
    const Band& last = question.bands.back();
    std::string range = last.max ? fmt::format("from {} to {}", question.bands.front().min, *last.max)
                                 : fmt::format("of at least {}", question.bands.front().min);
    out += fmt::format("  # Answer with a number{} {}.\n", unit, range);
}

void write_matrix(std::string& out, const Question& question) {
    std::string levels;
    for (const auto& level : question.levels) levels += fmt::format("{} ({}), ", level.id, level.label);
    comment(out, "  ", fmt::format("Rate each cell with a level: {}or n/a: {}.", levels, not_applicable_words(question)));
    out += fmt::format("  {}:\n", question.id);
    for (const auto& row : question.rows) {
        out += fmt::format("    {}:  # {}\n", row.id, row.label);
        for (const auto& column : question.columns) out += fmt::format("      {}:  # {}\n", column.id, column.label);
    }
}

void write_question(std::string& out, const Question& question) {
    out += "\n";
    comment(out, "  ", question.text);
    comment(out, "  ", "Help: " + question.help);
    if (question.when) {
        comment(out, "  ", fmt::format("Asked only when {} is one of: {}. Otherwise leave it empty.",
                                       question.when->question, join(question.when->in)));
    }
    switch (question.type) {
        case QuestionType::choice:
        case QuestionType::multi: write_options(out, question); break;
        case QuestionType::number: write_bands(out, question); break;
        case QuestionType::matrix: write_matrix(out, question); return;
    }
    out += fmt::format("  {}:\n", question.id);
}

}  // namespace

std::string write_answers_template(const Rubric& rubric) {
    std::string out;
    out += fmt::format("# Answers for the {} (rubric {} {}).\n", rubric.name, rubric.id, rubric.version);
    out += "# Fill in each answer after its question. An answer left empty counts as unanswered.\n";
    out += "# Check the file with `pindex validate FILE`; score it with `pindex score FILE`.\n";
    out += fmt::format("rubric: {}\n", rubric.id);
    out += fmt::format("rubric_version: \"{}\"\n", rubric.version);
    out += "organization:\nrespondent:\ndate:  # YYYY-MM-DD\n";
    if (rubric.advantage)
        out += "# Optional, not scored: digital customer interactions a year you can learn from (n in P = n × v²).\n"
               "yearly_interactions:\n";
    out += "answers:\n";
    for (const auto& part : rubric.parts) {
        out += fmt::format("\n  # === {} ({:g} points) ===\n", part.name, part.weight);
        if (!part.description.empty()) comment(out, "  ", part.description);
        for (const auto& question : part.questions) write_question(out, question);
    }
    out += "\n# Optional free-text notes per question, for example the evidence behind an answer:\n";
    out += "notes:\n";
    out += fmt::format("  # {}: {}\n", rubric.parts.front().questions.front().id,
                       yaml_quoted("what the answer is based on"));
    return out;
}

}  // namespace pindex

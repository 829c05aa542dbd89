// The plain survey face: numbered prompts, one answer per input line, no escape codes. Its input
// is a contract scripts and screen readers rely on (docs/survey.md, "Plain mode"): one line per
// prompt, in the order the prompts come, and for the journey one line per step holding a level
// for each channel in column order ("2 3 n 1 1 4").
#include <iostream>

#include <fmt/format.h>

#include "pindex/text.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

namespace {

constexpr std::size_t kWidth = 80;

class PlainUi : public SurveyUi {
public:
    PlainUi(std::string file, bool utf8) : file_(std::move(file)), utf8_(utf8), glyphs_(Glyphs::for_locale(utf8)) {}

    bool shows_grid() const override { return false; }
    bool supports_review() const override { return false; }

    void show_intro(const Rubric& rubric, const SurveyIntro& intro) override {
        for (const auto& paragraph : split_lines(survey_intro_text(rubric, intro, file_, false)))
            print_wrapped("", paragraph);
        std::cout << std::flush;
    }

    Reply ask(const Prompt& prompt) override {
        std::cout << '\n' << out(progress_text(prompt, glyphs_)) << '\n';
        if (prompt.item.kind == SurveyItem::Kind::row) show_row(prompt);
        else show_question(prompt);
        std::cout << "> " << std::flush;
        std::string line;
        if (!std::getline(std::cin, line)) {
            std::cout << '\n';
            return Reply::of(Reply::Kind::end_of_input);
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return reply_from_line(line);
    }

    void show_hint(const std::string& message) override { print_wrapped("! ", message); }
    void show_help(const Prompt& prompt) override { print_wrapped("  ? ", prompt.help); }
    // Plain mode does not echo: what was typed is in the input, the next prompt follows.
    void show_accepted(const Prompt&, const std::string&) override {}
    Reply ask_review(const std::vector<ReviewEntry>&) override { return Reply::of(Reply::Kind::keep); }

private:
    std::string out(std::string_view text) const { return for_terminal(escape_control_characters(text), utf8_); }

    void print_wrapped(std::string_view indent, std::string_view text) const {
        for (const auto& line : wrap_words(text, kWidth - indent.size())) std::cout << indent << out(line) << '\n';
    }

    void show_question(const Prompt& prompt) {
        print_wrapped("", prompt.text);
        for (std::size_t i = 0; i < prompt.choices.size(); ++i)
            print_wrapped("  ", fmt::format("{}) {}", i + 1, prompt.choices[i]));
        if (prompt.multiple) print_wrapped("  ", "0) None of these");
        if (prompt.multiple) std::cout << "  Several numbers separated by spaces, or 0 for none of these.\n";
        if (!prompt.range.empty())
            std::cout << fmt::format("  A number {}{}.\n", prompt.range, prompt.unit.empty() ? "" : " (" + prompt.unit + ")");
        if (!prompt.removable.empty()) print_wrapped("  ", "Yours so far: " + join(prompt.removable, "; "));
        if (std::string current = typed_form(prompt); !current.empty())
            print_wrapped("  ", "Current answer: " + current + " (Enter keeps it)");
    }

    // A journey step: the question, levels and channels once per matrix, then one line a step.
    void show_row(const Prompt& prompt) {
        const GridView& grid = prompt.grid;
        std::string matrix = prompt.item.question->id;
        if (matrix != last_matrix_) {
            print_wrapped("", prompt.text);
            std::vector<std::string> levels, channels;
            for (std::size_t i = 0; i < grid.levels.size(); ++i) levels.push_back(fmt::format("{} {}", i + 1, grid.levels[i]));
            levels.push_back("n " + grid.not_applicable);
            for (std::size_t i = 0; i < grid.columns.size(); ++i)
                channels.push_back(fmt::format("{}. {}", i + 1, grid.columns[i].label));
            print_wrapped("  ", "Levels: " + join(levels, "; "));
            print_wrapped("  ", "Channels, in this order: " + join(channels, "; "));
            last_matrix_ = matrix;
        }
        print_wrapped("", fmt::format("{}: type {} levels, one per channel (for example {}).", prompt.context,
                                      grid.columns.size(), example_row_line(grid.columns.size())));
        std::vector<std::string> cells;
        for (const auto& cell : grid.cells.front()) cells.push_back(cell_symbol(cell, "-"));
        if (grid.count(GridCell::State::unrated) < grid.columns.size())
            print_wrapped("  ", "Current: " + join(cells, " ") + (prompt.answered ? " (Enter keeps it)" : " (- not rated)"));
    }

    // The current answer as one would type it: "2", "1 3", "0", "40", "Acme".
    static std::string typed_form(const Prompt& prompt) {
        if (!prompt.answered) return "";
        if (!prompt.choices.empty()) {
            if (prompt.multiple && prompt.selected.empty()) return "0";
            std::vector<std::string> numbers;
            for (std::size_t index : prompt.selected) numbers.push_back(std::to_string(index + 1));
            return join(numbers, " ");
        }
        if (prompt.number) return fmt::format("{}", *prompt.number);
        return prompt.text_value;
    }

    std::string file_;
    bool utf8_;
    Glyphs glyphs_;
    std::string last_matrix_;  // the matrix whose question and legend were last printed
};

}  // namespace

std::unique_ptr<SurveyUi> make_plain_ui(const std::string& answers_file, bool utf8) {
    return std::make_unique<PlainUi>(answers_file, utf8);
}

}  // namespace pindex::cli

// The plain survey face: numbered prompts, one answer per input line, no escape codes.
#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "pindex/text.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

namespace {

constexpr std::size_t kWidth = 80;

void print_wrapped(std::ostream& out, std::string_view indent, std::string_view text) {
    for (const auto& line : wrap_words(text, kWidth - indent.size())) out << indent << line << '\n';
}

class PlainUi : public SurveyUi {
public:
    explicit PlainUi(std::string file) : file_(std::move(file)) {}

    void show_intro(const Rubric& rubric, double estimated_seconds) override {
        for (const auto& paragraph : split_lines(survey_intro_text(rubric, estimated_seconds, file_)))
            print_wrapped(std::cout, "", paragraph);
        std::cout << std::flush;
    }

    UserInput ask(const Prompt& prompt) override {
        std::cout << '\n' << progress_text(prompt) << '\n';
        // A matrix states its question once per row, not once per cell.
        std::string row_key = prompt.cell ? prompt.item.question->id + "." + prompt.item.row.id : "";
        if (!prompt.cell || row_key != last_row_) print_wrapped(std::cout, "", prompt.text);
        last_row_ = row_key;
        if (!prompt.context.empty()) print_wrapped(std::cout, "  ", prompt.context);
        for (std::size_t i = 0; i < prompt.choices.size(); ++i)
            print_wrapped(std::cout, "  ", fmt::format("{}) {}", i + 1, prompt.choices[i]));
        if (prompt.cell) std::cout << "  n) n/a: " << prompt.not_applicable << "\n";
        if (!prompt.range.empty())
            std::cout << fmt::format("  A number {}{}.\n", prompt.range, prompt.unit.empty() ? "" : " (" + prompt.unit + ")");
        if (prompt.multiple) std::cout << "  Several numbers separated by spaces or commas, or 'none'.\n";
        if (!prompt.current.empty()) std::cout << "  Current answer: " << escape_control_characters(prompt.current) << " (Enter keeps it)\n";
        std::cout << "> " << std::flush;
        std::string line;
        if (!std::getline(std::cin, line)) {
            std::cout << '\n';
            return {InputStatus::end_of_input, ""};
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return {InputStatus::line, line};
    }

    void show_hint(const std::string& message) override { print_wrapped(std::cout, "! ", message); }

    void show_help(const Prompt& prompt) override { print_wrapped(std::cout, "  ? ", prompt.help); }

    bool supports_review() const override { return false; }
    UserInput ask_review(const std::vector<ReviewEntry>&) override { return {InputStatus::line, ""}; }

private:
    std::string file_;
    std::string last_row_;  // "question.row" of the last cell asked
};

}  // namespace

std::string survey_intro_text(const Rubric& rubric, double estimated_seconds, const std::string& answers_file) {
    std::string text = fmt::format("{}: the {} self-assessment (rubric {} {}).\n", "pindex survey", rubric.name,
                                   rubric.id, rubric.version);
    text += "Answer what is true today, from evidence you could show: the help (?) says what counts.\n";
    text += fmt::format("About {:.0f} minutes. Every answer is saved at once to {}.\n",
                        std::ceil(estimated_seconds / 60), escape_control_characters(answers_file));
    text += "Type an option's number and Enter. b back, ? help, s skip, q save and quit";
    text += "; in the journey matrix, n marks a cell n/a.\n";
    return text;
}

std::string progress_text(const Prompt& prompt) {
    return fmt::format("{} · {}/{} · about {:.0f} min left", prompt.section, prompt.position, prompt.total,
                       std::ceil(prompt.seconds_left / 60));
}

std::unique_ptr<SurveyUi> make_plain_ui(const std::string& answers_file) {
    return std::make_unique<PlainUi>(answers_file);
}

}  // namespace pindex::cli

// The terminal survey face: the screens (prompt, grid, review) drawn as an inline block below
// the scrollback and fed key by key. Once the engine accepts an answer, the block settles into
// one line of transcript ("Where does your customer data live? → One profile per customer"),
// so the scrollback keeps what was answered and nothing that was refused.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "grid_screen.hpp"
#include "pindex/text.hpp"
#include "prompt_screen.hpp"
#include "review_screen.hpp"
#include "survey_ui.hpp"
#include "terminal.hpp"

namespace pindex::cli {

namespace {

class TerminalUi : public SurveyUi {
public:
    TerminalUi(std::string file, bool color, bool utf8)
        : file_(std::move(file)), look_{color, utf8}, glyphs_(Glyphs::for_locale(utf8)) {}

    bool shows_grid() const override { return true; }
    bool supports_review() const override { return true; }

    void show_intro(const Rubric& rubric, const SurveyIntro& intro) override {
        std::vector<StyledLine> lines;
        std::size_t width = terminal_.size().columns - 1;
        for (const auto& paragraph : split_lines(survey_intro_text(rubric, intro, file_, true)))
            for (auto& line : wrapped(paragraph, width, Style::bold)) lines.push_back(std::move(line));
        terminal_.write(block_.settle(lines, terminal_.size(), look_));
    }

    Reply ask(const Prompt& prompt) override {
        SurveyScreen* screen = nullptr;
        if (prompt.item.kind == SurveyItem::Kind::grid) {
            // The grid stays one screen while its cells are set: its cursor and phase carry on.
            if (grid_ && grid_key_ == prompt.item.key()) grid_->update(prompt);
            else grid_ = std::make_unique<GridScreen>(prompt, glyphs_);
            grid_key_ = prompt.item.key();
            screen = grid_.get();
        } else {
            prompt_screen_ = std::make_unique<PromptScreen>(prompt, glyphs_);
            // A refused line comes back typed, to be mended rather than typed again.
            if (!pending_hint_.empty() && refused_key_ == prompt.item.key()) prompt_screen_->set_typed(refused_line_);
            screen = prompt_screen_.get();
        }
        screen->set_hint(std::exchange(pending_hint_, ""));
        if (!pending_help_.empty()) screen->open_help(std::exchange(pending_help_, ""));
        Reply reply = run(*screen);
        refused_key_ = reply.kind == Reply::Kind::line ? prompt.item.key() : "";
        kept_ = reply.kind == Reply::Kind::keep && prompt.answered && prompt.item.kind != SurveyItem::Kind::grid;
        refused_line_ = reply.line;
        if (reply.kind == Reply::Kind::back) grid_.reset();
        if (stops(reply)) settle_outcome(prompt, stop_words(reply));
        return reply;
    }

    void show_hint(const std::string& message) override { pending_hint_ = message; }

    // The help opens over the question when it is asked again: printed above it, a long help
    // would scroll out of sight below a tall screen such as the grid.
    void show_help(const Prompt& prompt) override { pending_help_ = prompt.help; }

    void show_accepted(const Prompt& prompt, const std::string& words) override {
        grid_.reset();
        if (kept_) terminal_.write(block_.settle({}, terminal_.size(), look_));  // the transcript holds it already
        else settle_outcome(prompt, words);
    }

    Reply ask_review(const std::vector<ReviewEntry>& entries) override {
        ReviewScreen screen(entries, glyphs_);
        screen.set_hint(std::exchange(pending_hint_, ""));
        Reply reply = run(screen);
        if (stops(reply) || reply.kind == Reply::Kind::keep)
            terminal_.write(block_.settle({styled(reply.kind == Reply::Kind::keep ? "Review done." : stop_words(reply))},
                                          terminal_.size(), look_));
        else
            terminal_.write(block_.settle({}, terminal_.size(), look_));
        return reply;
    }

private:
    static bool stops(const Reply& reply) {
        return reply.kind == Reply::Kind::quit || reply.kind == Reply::Kind::interrupted ||
               reply.kind == Reply::Kind::end_of_input;
    }
    static std::string stop_words(const Reply& reply) {
        if (reply.kind == Reply::Kind::quit) return "saved, quitting";
        if (reply.kind == Reply::Kind::interrupted) return "interrupted (the answer being typed is not saved)";
        return "end of input (the answer being typed is not saved)";
    }

    Reply run(SurveyScreen& screen) {
        for (;;) {
            terminal_.write(block_.draw(screen.view(terminal_.size()), terminal_.size(), look_));
            Key key = terminal_.read_key();
            if (key.code == Key::Code::resize) {
                terminal_.write(block_.reset());
                continue;
            }
            if (auto reply = screen.press(key)) return *reply;
        }
    }

    // What stays in the scrollback once an item is left: one line, the item and its answer.
    void settle_outcome(const Prompt& prompt, const std::string& words) {
        std::size_t width = terminal_.size().columns - 1;
        std::string head = prompt.context.empty() ? prompt.text : prompt.context;
        std::string answer = fmt::format(" {} {}", glyphs_.arrow, escape_control_characters(words));
        // Both halves in view: the question cut to what the answer leaves, but never below 40%.
        std::size_t head_room = width > display_width(answer) + 2 ? width - display_width(answer) - 2 : 0;
        head_room = std::max(head_room, width * 2 / 5);
        StyledLine line{{Style::plain, "  " + clip_to_width(head, head_room, glyphs_.ellipsis)}, {Style::accent, answer}};
        terminal_.write(block_.settle({line}, terminal_.size(), look_));
    }

    Terminal terminal_;  // raw mode for as long as the UI lives
    std::string file_;
    Look look_;
    Glyphs glyphs_;
    InlineBlock block_;
    std::string pending_hint_;
    std::string pending_help_;
    bool kept_ = false;  // the last reply kept an answer the transcript shows already
    std::string refused_key_, refused_line_;  // the last line sent, in case the engine refuses it
    std::unique_ptr<PromptScreen> prompt_screen_;
    std::unique_ptr<GridScreen> grid_;
    std::string grid_key_;
};

}  // namespace

std::unique_ptr<SurveyUi> make_terminal_ui(const std::string& answers_file, bool color, bool utf8) {
    return std::make_unique<TerminalUi>(answers_file, color, utf8);
}

}  // namespace pindex::cli

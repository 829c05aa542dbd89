#include "prompt_screen.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "pindex/answer_words.hpp"
#include "pindex/text.hpp"

namespace pindex::cli {

PromptScreen::PromptScreen(Prompt prompt, const Glyphs& glyphs) : SurveyScreen(glyphs), prompt_(std::move(prompt)) {
    // The current answer is where the highlight starts, so Enter keeps it; an unanswered
    // question has no highlight, so an Enter pressed twice answers nothing.
    if (prompt_.answered && !prompt_.multiple && !prompt_.selected.empty()) highlight_ = prompt_.selected.front();
    if (prompt_.multiple) {
        ticks_.insert(prompt_.selected.begin(), prompt_.selected.end());
        none_ = prompt_.answered && prompt_.selected.empty();
    }
}

std::size_t PromptScreen::rows() const { return prompt_.choices.size() + (prompt_.multiple ? 1 : 0); }

std::vector<StyledLine> PromptScreen::render(ScreenSize size) const {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::vector<StyledLine> lines = render_lines(width, false);
    // A small screen: the options one line each and the question cut to fit, so that the
    // progress line and the input line both stay in view.
    if (lines.size() > size.rows - 1) lines = render_lines(width, true);
    return lines;
}

std::vector<StyledLine> PromptScreen::render_lines(std::size_t width, bool compact) const {
    std::vector<StyledLine> lines = header(prompt_, width);
    if (compact) lines.erase(lines.begin());  // the blank line above the progress line
    std::vector<StyledLine> text = wrapped(prompt_.text, width, Style::bold);
    if (compact && text.size() > 3) {
        text.resize(3);
        std::string& last = text.back().back().text;
        last = clip_to_width(last + " " + std::string(glyphs_.ellipsis), width, glyphs_.ellipsis);
    }
    lines.insert(lines.end(), text.begin(), text.end());
    if (prompt_.item.kind == SurveyItem::Kind::custom_axes && !prompt_.removable.empty())
        for (auto& line : wrapped("Yours so far: " + join(prompt_.removable, "; "), width, Style::accent, "  ", "  "))
            lines.push_back(std::move(line));
    // A multi-select shows the numbers being typed as ticks already, added to those there.
    bool typed_none = false;
    std::optional<std::set<std::size_t>> typed_ticks = prompt_.multiple ? ticks_with_typed(&typed_none) : std::nullopt;
    std::set<std::size_t> shown_ticks = typed_ticks ? *typed_ticks : ticks_;
    bool shown_none = typed_none || (none_ && shown_ticks.empty());
    for (std::size_t i = 0; i < rows(); ++i) {
        bool none_row = i == prompt_.choices.size();
        bool on = highlight_ == i && typed_.empty();
        std::string box;
        if (prompt_.multiple) box = (none_row ? shown_none : shown_ticks.count(i) > 0) ? "[x] " : "[ ] ";
        std::string head = fmt::format("{} {}) {}", on ? std::string(glyphs_.pointer) : " ", none_row ? 0 : i + 1, box);
        std::string label = none_row ? "None of these" : prompt_.choices[i];
        std::vector<StyledLine> option =
            compact ? std::vector<StyledLine>{{{Style::plain, head}, {Style::plain, clip_to_width(label, width - display_width(head), glyphs_.ellipsis)}}}
                    : wrapped(label, width, Style::plain, head, std::string(display_width(head), ' '));
        for (auto& line : option) {
            if (on)
                for (auto& span : line) span.style = Style::highlight;
            lines.push_back(std::move(line));
        }
    }
    if (!prompt_.range.empty())
        lines.push_back(styled(fmt::format("  A number {}{}.", prompt_.range,
                                           prompt_.unit.empty() ? "" : " (" + prompt_.unit + ")"), Style::dim));
    if (prompt_.answered && prompt_.choices.empty() && prompt_.item.kind != SurveyItem::Kind::custom_axes) {
        std::string now = prompt_.number ? quantity_words(*prompt_.number, prompt_.unit) : prompt_.text_value;
        lines.push_back(styled("  Now: " + escape_control_characters(now) + " (Enter keeps it)", Style::dim));
    }
    add_hint(lines, width);
    std::string dot = fmt::format(" {} ", glyphs_.dot);
    std::string keys = prompt_.multiple ? fmt::format("numbers (they add to the ticks) or {} and Space, 0 none, then Enter",
                                                      glyphs_.up_down)
                       : prompt_.choices.empty() ? std::string("type, then Enter")
                                                 : fmt::format("a number or {}, then Enter", glyphs_.up_down);
    if (prompt_.item.kind == SurveyItem::Kind::custom_axes) keys += " (Enter alone goes on)";
    else if (prompt_.answered) keys += " (Enter alone keeps the answer)";
    keys += dot + "? help" + dot + "b back" + dot + "s skip" + dot + "q quit";
    if (!compact)
        for (auto& line : wrapped(keys, width, Style::dim, "  ", "  ")) lines.push_back(std::move(line));
    lines.push_back({{Style::bold, "> "}, {Style::plain, escape_control_characters(typed_)}});
    return lines;
}

void PromptScreen::move_highlight(int step) {
    if (rows() == 0) return;
    typed_.clear();
    if (!highlight_) {
        highlight_ = step > 0 ? 0 : rows() - 1;
        return;
    }
    std::size_t count = rows();
    highlight_ = step > 0 ? (*highlight_ + 1) % count : (*highlight_ + count - 1) % count;
}

void PromptScreen::toggle(std::size_t index) {
    if (index >= prompt_.choices.size()) {  // "None of these"
        none_ = !none_;
        if (none_) ticks_.clear();
        return;
    }
    if (!ticks_.erase(index)) ticks_.insert(index);
    none_ = false;
}

std::optional<std::set<std::size_t>> PromptScreen::ticks_with_typed(bool* none) const {
    std::set<std::size_t> ticks = ticks_;
    std::string token;
    bool said_none = false;
    for (char c : typed_ + " ") {
        if (c != ' ' && c != ',' && c != ';') {
            token += c;
            continue;
        }
        if (token.empty()) continue;
        if (token == "0" || token == "none") {
            said_none = true;
        } else {
            std::size_t number = 0;
            for (char d : token) {
                if (d < '0' || d > '9' || number > prompt_.choices.size()) return std::nullopt;
                number = number * 10 + static_cast<std::size_t>(d - '0');
            }
            if (number < 1 || number > prompt_.choices.size()) return std::nullopt;
            ticks.insert(number - 1);
        }
        token.clear();
    }
    if (said_none && ticks.size() > ticks_.size()) return std::nullopt;  // "0 2": neither
    if (said_none) ticks.clear();
    if (none) *none = said_none;
    return ticks;
}

std::optional<Reply> PromptScreen::on_enter() {
    Reply choose = Reply::of(Reply::Kind::choose);
    if (prompt_.multiple && !typed_.empty()) {
        // Numbers typed add to the ticks ("1, 3, 4" with 2 ticked is 1 2 3 4), so typing never
        // drops a tick the screen shows; anything else goes to the engine as typed.
        bool none = false;
        if (auto ticks = ticks_with_typed(&none); ticks && (none || !ticks->empty())) {
            typed_.clear();
            choose.options.assign(ticks->begin(), ticks->end());
            return choose;
        }
    }
    if (!typed_.empty()) {
        Reply reply = reply_from_line(typed_);
        typed_.clear();
        return reply;
    }
    if (prompt_.multiple) {
        if (none_ || (highlight_ == prompt_.choices.size() && ticks_.empty())) return choose;  // none of these
        std::set<std::size_t> before(prompt_.selected.begin(), prompt_.selected.end());
        if (ticks_.empty() || (prompt_.answered && ticks_ == before)) return Reply::of(Reply::Kind::keep);
        choose.options.assign(ticks_.begin(), ticks_.end());
        return choose;
    }
    if (!prompt_.choices.empty() && highlight_) {
        if (prompt_.answered && prompt_.selected == std::vector<std::size_t>{*highlight_}) return Reply::of(Reply::Kind::keep);
        choose.options = {*highlight_};
        return choose;
    }
    return Reply::of(Reply::Kind::keep);
}

std::optional<Reply> PromptScreen::on_key(const Key& key) {
    if (auto reply = common_reply(key)) return reply;
    bool was_hinted = !hint_.empty();
    hint_.clear();
    bool replace = std::exchange(replace_on_type_, false);
    switch (key.code) {
        case Key::Code::enter: return on_enter();
        case Key::Code::up: move_highlight(-1); break;
        case Key::Code::down: move_highlight(1); break;
        case Key::Code::backspace:
            while (!typed_.empty() && (static_cast<unsigned char>(typed_.back()) & 0xC0) == 0x80) typed_.pop_back();
            if (!typed_.empty()) typed_.pop_back();
            break;
        case Key::Code::clear_line: typed_.clear(); break;
        case Key::Code::escape:
            if (!was_hinted) typed_.clear();
            break;
        case Key::Code::character: {
            if (replace) typed_.clear();
            if (key.text == " " && typed_.empty() && prompt_.multiple) {
                if (highlight_) toggle(*highlight_);
                break;
            }
            typed_ += key.text;
            break;
        }
        default: break;
    }
    return std::nullopt;
}

}  // namespace pindex::cli

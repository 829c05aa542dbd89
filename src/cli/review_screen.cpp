#include "review_screen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pindex/text.hpp"

namespace pindex::cli {

namespace {

constexpr std::size_t kHeaderLines = 2;  // a blank line, the title

bool missing(const ReviewEntry& entry) { return !entry.complete && !entry.optional; }

}  // namespace

ReviewScreen::ReviewScreen(std::vector<ReviewEntry> entries, const Glyphs& glyphs)
    : SurveyScreen(glyphs), entries_(std::move(entries)) {}

std::vector<StyledLine> ReviewScreen::footer(std::size_t width) const {
    std::vector<std::string> open;
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (missing(entries_[i])) open.push_back(std::to_string(i + 1));
    std::vector<StyledLine> lines;
    if (open.empty()) lines.push_back(styled("All answered.", Style::plain));
    else
        for (auto& line : wrapped(fmt::format("{} unanswered: {}.", open.size(), join(open, ", ")), width, Style::warning))
            lines.push_back(std::move(line));
    add_hint(lines, width);
    std::string dot = fmt::format(" {} ", glyphs_.dot);
    std::string enter = highlight_ ? fmt::format("Enter opens entry {}, Esc unpicks it", *highlight_ + 1)
                                   : std::string("Enter alone finishes");
    for (auto& line : wrapped("A number and Enter changes that answer" + dot + std::string(glyphs_.up_down) +
                                  " pick one, PgUp PgDn scroll" + dot + enter + dot + "q save and quit",
                              width, Style::dim))
        lines.push_back(std::move(line));
    lines.push_back({{Style::bold, "> "}, {Style::plain, escape_control_characters(typed_)}});
    return lines;
}

std::size_t ReviewScreen::page_rows(ScreenSize size) const {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::size_t used = kHeaderLines + footer(width).size();
    std::size_t room = size.rows > used + 1 ? size.rows - 1 - used : 1;
    return std::max<std::size_t>(room, 1);
}

std::vector<StyledLine> ReviewScreen::render(ScreenSize size) const {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::size_t rows = page_rows(size);
    page_ = rows;
    // The page holding the highlight; without one, the page `top_` starts.
    std::size_t first = std::min(top_, entries_.size() > rows ? entries_.size() - rows : 0);
    if (highlight_ && *highlight_ < first) first = *highlight_;
    if (highlight_ && *highlight_ >= first + rows) first = *highlight_ - rows + 1;
    std::size_t last = std::min(entries_.size(), first + rows);

    std::vector<StyledLine> lines{{}};
    std::string title = "Review your answers";
    if (entries_.size() > rows) title += fmt::format(" ({} to {} of {})", first + 1, last, entries_.size());
    lines.push_back(styled(title, Style::bold));
    std::size_t number_width = std::to_string(entries_.size()).size() + 3;
    std::size_t label_width = (width - number_width) * 11 / 20;
    for (std::size_t i = first; i < last; ++i) {
        const ReviewEntry& entry = entries_[i];
        bool on = highlight_ == i;
        std::string number = fmt::format("{}{:>{}} ", on ? std::string(glyphs_.pointer) : " ", i + 1, number_width - 2);
        std::string label = clip_to_width(entry.section + " " + std::string(glyphs_.dot) + " " + entry.label,
                                          label_width - 1, glyphs_.ellipsis);
        label += std::string(label_width - display_width(label), ' ');
        std::string answer = entry.answer.empty() ? (entry.optional ? "(none)" : "(unanswered)")
                                                  : escape_control_characters(entry.answer);
        if (!entry.complete && !entry.answer.empty() && !entry.optional) answer += " (incomplete)";
        Style style = on ? Style::highlight : missing(entry) ? Style::warning : Style::plain;
        StyledLine line{{on ? Style::highlight : Style::dim, number}, {on ? Style::highlight : Style::plain, label},
                        {style, clip_to_width(answer, width - number_width - label_width, glyphs_.ellipsis)}};
        lines.push_back(std::move(line));
    }
    for (auto& line : footer(width)) lines.push_back(std::move(line));
    return lines;
}

std::optional<Reply> ReviewScreen::on_key(const Key& key) {
    if (auto reply = common_reply(key)) return reply;
    hint_.clear();
    std::size_t count = entries_.size();
    auto move_to = [&](std::size_t index) {
        highlight_ = std::min(index, count ? count - 1 : 0);
        typed_.clear();
    };
    switch (key.code) {
        case Key::Code::up: move_to(highlight_ && *highlight_ > 0 ? *highlight_ - 1 : 0); break;
        case Key::Code::down: move_to(highlight_ ? *highlight_ + 1 : top_); break;
        // Paging only scrolls: Enter alone still finishes unless an entry was picked with the arrows.
        case Key::Code::page_up:
            top_ = top_ > page_ ? top_ - page_ : 0;
            if (highlight_) move_to(*highlight_ > page_ ? *highlight_ - page_ : 0);
            break;
        case Key::Code::page_down:
            top_ = std::min(top_ + page_, count > page_ ? count - page_ : 0);
            if (highlight_) move_to(*highlight_ + page_);
            break;
        case Key::Code::home: move_to(0); break;
        case Key::Code::end: move_to(count ? count - 1 : 0); break;
        case Key::Code::escape: typed_.clear(); highlight_.reset(); break;
        case Key::Code::backspace:
            if (!typed_.empty()) typed_.pop_back();
            break;
        case Key::Code::character: typed_ += key.text; break;
        case Key::Code::enter: {
            if (!typed_.empty()) {
                Reply reply = reply_from_line(typed_);
                typed_.clear();
                return reply;
            }
            if (!highlight_) return Reply::of(Reply::Kind::keep);
            Reply reply = Reply::of(Reply::Kind::choose);
            reply.options = {*highlight_};
            return reply;
        }
        default: break;
    }
    return std::nullopt;
}

}  // namespace pindex::cli

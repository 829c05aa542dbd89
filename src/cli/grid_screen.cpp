#include "grid_screen.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pindex/text.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

namespace {

std::string centered(const std::string& text, std::size_t width) {
    std::size_t used = display_width(text);
    if (used >= width) return text;
    std::size_t left = (width - used) / 2;
    return std::string(left, ' ') + text + std::string(width - used - left, ' ');
}

// A step's name as the grid's first column can show it: whole when it fits, else without what
// it says in brackets ("Discover (ads, search, first visit)" as "Discover"), else cut.
std::string short_label(const std::string& label, std::size_t width, std::string_view ellipsis) {
    if (display_width(label) <= width) return label;
    auto bracket = label.find(" (");
    if (bracket != std::string::npos && display_width(label.substr(0, bracket)) <= width) return label.substr(0, bracket);
    return clip_to_width(label, width, ellipsis);
}

std::string padded(const std::string& text, std::size_t width) {
    std::size_t used = display_width(text);
    return used >= width ? text : text + std::string(width - used, ' ');
}

}  // namespace

GridScreen::GridScreen(const Prompt& prompt, const Glyphs& glyphs) : SurveyScreen(glyphs), prompt_(prompt) {
    // Back in a grid already rated in part: go on rating where it stopped.
    bool rated = prompt_.grid.count(GridCell::State::rated) > 0;
    phase_ = rated ? Phase::rate : Phase::mark;
    if (auto open = first_unrated(); open && rated) std::tie(row_, column_) = *open;
}

void GridScreen::update(const Prompt& prompt) {
    prompt_ = prompt;
    row_ = std::min(row_, prompt_.grid.rows.empty() ? 0 : prompt_.grid.rows.size() - 1);
    column_ = std::min(column_, prompt_.grid.columns.empty() ? 0 : prompt_.grid.columns.size() - 1);
}

std::optional<std::pair<std::size_t, std::size_t>> GridScreen::first_unrated() const {
    const auto& cells = prompt_.grid.cells;
    for (std::size_t r = 0; r < cells.size(); ++r)
        for (std::size_t c = 0; c < cells[r].size(); ++c)
            if (cells[r][c].state == GridCell::State::unrated) return std::pair{r, c};
    return std::nullopt;
}

void GridScreen::advance() {
    if (column_ + 1 < prompt_.grid.columns.size()) {
        ++column_;
    } else if (row_ + 1 < prompt_.grid.rows.size()) {
        ++row_;
        column_ = 0;
    }
}

void GridScreen::move(int rows, int columns) {
    std::size_t row_count = prompt_.grid.rows.size(), column_count = prompt_.grid.columns.size();
    if (row_count == 0 || column_count == 0) return;
    // Left and right run on along the rows, as reading does; up and down stop at the edges.
    long position = static_cast<long>(row_ * column_count + column_) + columns;
    position = std::clamp(position, 0L, static_cast<long>(row_count * column_count) - 1);
    row_ = static_cast<std::size_t>(position) / column_count;
    column_ = static_cast<std::size_t>(position) % column_count;
    row_ = static_cast<std::size_t>(std::clamp(static_cast<long>(row_) + rows, 0L, static_cast<long>(row_count) - 1));
}

std::optional<Reply> GridScreen::set(GridCell value) {
    GridCell& cell = prompt_.grid.cells[row_][column_];
    std::size_t row = row_, column = column_;
    bool changed = !(cell == value);
    cell = value;
    if (value.state != GridCell::State::unrated || changed) advance();
    if (!changed) return std::nullopt;
    Reply reply = Reply::of(Reply::Kind::set_cells);
    reply.cells.push_back({row, column, value});
    return reply;
}

std::optional<Reply> GridScreen::on_key(const Key& key) {
    if (auto reply = common_reply(key)) return reply;
    if (prompt_.grid.rows.empty() || prompt_.grid.columns.empty())
        return key.code == Key::Code::enter ? std::optional<Reply>(Reply::of(Reply::Kind::keep)) : std::nullopt;
    hint_.clear();
    GridCell& cell = prompt_.grid.cells[row_][column_];
    switch (key.code) {
        case Key::Code::up: move(-1, 0); return std::nullopt;
        case Key::Code::down: move(1, 0); return std::nullopt;
        case Key::Code::left: move(0, -1); return std::nullopt;
        case Key::Code::right:
        case Key::Code::tab: move(0, 1); return std::nullopt;
        case Key::Code::home: column_ = 0; return std::nullopt;
        case Key::Code::end: column_ = prompt_.grid.columns.size() - 1; return std::nullopt;
        case Key::Code::backspace:
        case Key::Code::del: {
            if (cell.state == GridCell::State::unrated) return std::nullopt;
            Reply reply = Reply::of(Reply::Kind::set_cells);
            reply.cells.push_back({row_, column_, GridCell{}});
            cell = GridCell{};
            return reply;
        }
        case Key::Code::enter: {
            std::size_t open = prompt_.grid.count(GridCell::State::unrated);
            // An Enter pressed twice (the one before left the last screen) must not pass the
            // first step unseen: with no cell marked n, the first Enter asks to confirm.
            if (phase_ == Phase::mark && open > 0 && prompt_.grid.count(GridCell::State::not_applicable) == 0 &&
                !warned_) {
                warned_ = true;
                hint_ = "No cell is marked n: every cell counts and will be rated. Mark with n the cells customers "
                        "do not use, or press Enter again to rate them all.";
                return std::nullopt;
            }
            if (phase_ == Phase::mark && open > 0) {
                phase_ = Phase::rate;
                warned_ = false;
                std::tie(row_, column_) = *first_unrated();
                return std::nullopt;
            }
            if (open > 0 && !warned_) {
                warned_ = true;
                hint_ = fmt::format("{} {} not rated yet: rate {}, or press Enter again to leave {} open for the review.",
                                    open, open == 1 ? "cell is" : "cells are", open == 1 ? "it" : "them",
                                    open == 1 ? "it" : "them");
                return std::nullopt;
            }
            return Reply::of(Reply::Kind::keep);
        }
        case Key::Code::character: break;
        default: return std::nullopt;
    }
    const std::string& text = key.text;
    std::size_t levels = prompt_.grid.levels.size();
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '9' && static_cast<std::size_t>(text[0] - '0') <= levels)
        return set({GridCell::State::rated, static_cast<std::size_t>(text[0] - '1')});
    if (text == "n" || text == "N") return set({GridCell::State::not_applicable, 0});
    if (text == "y" || text == "Y") {
        // "Counts": an n/a cell becomes a cell to rate; a rated cell keeps its level.
        if (cell.state == GridCell::State::not_applicable) return set(GridCell{});
        advance();
        return std::nullopt;
    }
    if (text == " ") return std::nullopt;  // spaces separate levels typed as a line: "2 3 n 1"
    if (text == "?") return Reply::of(Reply::Kind::help);
    if (text == "b") return Reply::of(Reply::Kind::back);
    if (text == "q") return Reply::of(Reply::Kind::quit);
    hint_ = fmt::format("Type a level from 1 to {}, n where the cell does not count, or y where it does.", levels);
    return std::nullopt;
}

std::vector<StyledLine> GridScreen::grid_lines(std::size_t width, std::size_t max_rows) const {
    const GridView& grid = prompt_.grid;
    std::size_t longest = 0;
    for (const auto& row : grid.rows) longest = std::max(longest, display_width(row.label));
    std::size_t label_width = std::min(longest + 2, std::max<std::size_t>(14, width * 3 / 10));
    std::size_t columns = grid.columns.size();
    std::size_t cell_width = std::clamp<std::size_t>((width - label_width) / std::max<std::size_t>(columns, 1), 5, 14);
    // Too many channels for the width: show a window of them around the cursor.
    // Room for the markers that say more channels lie left or right only when some do not fit.
    std::size_t shown = (width - label_width) / cell_width;
    if (shown < columns) shown = (width - label_width - 2) / cell_width;
    shown = std::max<std::size_t>(1, std::min(columns, shown));
    std::size_t first = column_ >= shown ? column_ - shown + 1 : 0;
    std::size_t last = std::min(columns, first + shown);
    std::string more_left = first > 0 ? std::string(glyphs_.ellipsis) : "";
    std::string more_right = last < columns ? std::string(glyphs_.ellipsis) : "";

    std::vector<StyledLine> lines;
    // Channel names wrapped into their column, up to three lines, the last cut if need be.
    std::size_t header_lines = max_rows >= grid.rows.size() + 3 ? 3 : 2;
    std::vector<std::vector<std::string>> names;
    std::size_t tallest = 1;
    for (std::size_t c = first; c < last; ++c) {
        std::vector<std::string> name = wrap_words(grid.columns[c].label, cell_width - 1);
        if (name.size() > header_lines) {
            name.resize(header_lines);
            name.back() = clip_to_width(name.back() + " " + std::string(glyphs_.ellipsis), cell_width - 1, glyphs_.ellipsis);
        }
        for (auto& part : name) part = clip_to_width(part, cell_width - 1, glyphs_.ellipsis);
        tallest = std::max(tallest, name.size());
        names.push_back(std::move(name));
    }
    for (std::size_t l = 0; l < tallest; ++l) {
        StyledLine line{{Style::plain, padded(l == 0 ? more_left : "", label_width)}};
        for (std::size_t c = first; c < last; ++c) {
            const auto& name = names[c - first];
            line.push_back({c == column_ ? Style::accent : Style::dim, padded(l < name.size() ? name[l] : "", cell_width)});
        }
        if (l == 0) line.push_back({Style::dim, more_right});
        lines.push_back(std::move(line));
    }
    // The steps, scrolled to keep the cursor's row in view when they do not all fit.
    std::size_t row_room = max_rows > tallest ? max_rows - tallest : 1;
    std::size_t top = row_ >= row_room ? row_ - row_room + 1 : 0;
    for (std::size_t r = top; r < std::min(grid.rows.size(), top + row_room); ++r) {
        StyledLine line{{r == row_ ? Style::accent : Style::plain,
                         padded(short_label(grid.rows[r].label, label_width - 2, glyphs_.ellipsis), label_width)}};
        for (std::size_t c = first; c < last; ++c) {
            const GridCell& cell = grid.cells[r][c];
            std::string symbol = cell_symbol(cell, glyphs_.empty_cell);
            bool here = r == row_ && c == column_;
            Style style = here ? Style::highlight : cell.state == GridCell::State::rated ? Style::bold : Style::dim;
            line.push_back({style, centered(here ? "[" + symbol + "]" : symbol, 3)});
            line.push_back({Style::plain, std::string(cell_width - 3, ' ')});
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<StyledLine> GridScreen::render(ScreenSize size) const {
    std::size_t width = size.columns > 1 ? size.columns - 1 : 1;
    std::size_t room = size.rows > 1 ? size.rows - 1 : 1;
    const GridView& grid = prompt_.grid;
    std::string dot = fmt::format(" {} ", glyphs_.dot);
    bool mark = phase_ == Phase::mark;
    std::string title = mark ? "Step 1 of 2: which cells count?" : "Step 2 of 2: " + prompt_.text;
    std::string explanation =
        mark ? "Mark n on each cell that does not count (" + grid.not_applicable + "). Every other cell is rated next."
             : fmt::format("Type each cell's level in turn, 1 to {}; on a cell marked n, n again (or {} to pass it).",
                           grid.levels.size(), glyphs_.arrow);
    std::string cursor;
    if (!grid.rows.empty() && !grid.columns.empty()) {
        const GridCell& cell = grid.cells[row_][column_];
        std::string state = cell.state == GridCell::State::rated ? grid.levels[cell.level]
                            : cell.state == GridCell::State::not_applicable ? std::string("does not count (n/a)")
                            : mark ? std::string("counts") : std::string("not rated yet");
        cursor = grid.rows[row_].label + dot + grid.columns[column_].label + ": " + state;
    }
    std::vector<std::string> legend;
    if (!mark)
        for (std::size_t i = 0; i < grid.levels.size(); ++i) legend.push_back(fmt::format("{} {}", i + 1, grid.levels[i]));
    legend.push_back("n does not count");
    legend.push_back(fmt::format("{} {}", glyphs_.empty_cell, mark ? "counts" : "to rate"));
    std::size_t open = grid.count(GridCell::State::unrated);
    std::string enter = mark ? "Enter: rate the cells that count" : open ? "Enter: done" : "all rated: Enter to go on";
    std::string keys = (mark ? std::string("n or y, then the next cell")
                             : fmt::format("1-{} or n, then the next cell", grid.levels.size())) +
                       dot + std::string(glyphs_.arrows) + " move" + dot + enter + dot + "? help" + dot + "b back" +
                       dot + "q quit";
    std::string short_keys = (mark ? std::string("n/y") : fmt::format("1-{}/n", grid.levels.size())) + dot +
                             std::string(glyphs_.arrows) + dot + (mark ? "Enter: rate" : "Enter: done") + dot + "? b q";
    std::vector<StyledLine> hint;
    add_hint(hint, width);

    // What fits: the grid needs its channel names (up to three lines) and its steps; the rest
    // gives up, in this order, its blank lines, the explanation's second line, the keys' second
    // line, the title's third and second lines, and the line naming the cursor's cell.
    std::size_t grid_height = 3 + grid.rows.size();
    std::size_t title_lines = 3, explanation_lines = 3, keys_lines = 3;
    bool blanks = true, cursor_line = true;
    auto count = [&](const std::string& text, std::size_t most, std::size_t indent) {
        return std::min(most, wrap_words(text, width - indent).size());
    };
    auto height = [&] {
        return 1 + (blanks ? 3 : 0) + count(title, title_lines, 0) + count(explanation, explanation_lines, 0) +
               (cursor_line ? 1 : 0) + count(join(legend, ", "), 3, 2) + hint.size() +
               (keys_lines > 1 ? count(keys, keys_lines, 2) : 1) + grid_height;
    };
    for (int level = 0; height() > room && level < 6; ++level) {
        switch (level) {
            case 0: blanks = false; break;
            case 1: explanation_lines = 1; break;
            case 2: keys_lines = 1; break;
            case 3: title_lines = 2; break;
            case 4: title_lines = 1; break;
            case 5: cursor_line = false; break;
        }
    }
    auto capped = [&](const std::string& text, std::size_t most, Style style, const std::string& indent) {
        std::vector<StyledLine> lines = wrapped(text, width, style, indent, indent);
        if (lines.size() > most) {
            lines.resize(most);
            std::string& last = lines.back().back().text;
            last = clip_to_width(last + " " + std::string(glyphs_.ellipsis), width - indent.size(), glyphs_.ellipsis);
        }
        return lines;
    };
    std::vector<StyledLine> lines = header(prompt_, width);
    if (!blanks) lines.erase(lines.begin());
    auto add = [&](std::vector<StyledLine> more) {
        for (auto& line : more) lines.push_back(std::move(line));
    };
    add(capped(title, title_lines, Style::bold, ""));
    add(capped(explanation, explanation_lines, Style::plain, ""));
    std::vector<StyledLine> bottom;
    if (cursor_line && !cursor.empty()) bottom.push_back(styled(clip_to_width(cursor, width, glyphs_.ellipsis), Style::accent));
    for (auto& line : capped(join(legend, ", "), 3, Style::plain, "  ")) bottom.push_back(std::move(line));
    for (auto& line : hint) bottom.push_back(std::move(line));
    if (keys_lines > 1) {
        for (auto& line : capped(keys, keys_lines, Style::dim, "  ")) bottom.push_back(std::move(line));
    } else {
        bottom.push_back(styled("  " + clip_to_width(short_keys, width - 2, glyphs_.ellipsis), Style::dim));
    }
    std::size_t used = lines.size() + bottom.size() + (blanks ? 2 : 0);
    std::size_t grid_room = room > used + 3 ? room - used : 3;
    if (blanks) lines.push_back({});
    add(grid_lines(width, grid_room));
    if (blanks) lines.push_back({});
    add(std::move(bottom));
    return lines;
}

}  // namespace pindex::cli

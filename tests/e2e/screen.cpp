#include "screen.hpp"

#include <algorithm>
#include <cstdlib>

namespace pindex::e2e {

namespace {
std::size_t parameter(const std::string& parameters, std::size_t index, std::size_t fallback) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < index; ++i) {
        start = parameters.find(';', start);
        if (start == std::string::npos) return fallback;
        ++start;
    }
    std::size_t value = std::strtoul(parameters.c_str() + start, nullptr, 10);
    return value == 0 ? fallback : value;
}
}  // namespace

Screen::Screen(std::size_t columns, std::size_t rows)
    : columns_(columns), rows_(rows), cells_(rows, std::vector<std::string>(columns, " ")) {}

void Screen::resize(std::size_t columns, std::size_t rows) {
    columns_ = columns;
    rows_ = rows;
    cells_.resize(rows, std::vector<std::string>(columns, " "));
    for (auto& row : cells_) row.resize(columns, " ");
    row_ = std::min(row_, rows - 1);
    column_ = std::min(column_, columns - 1);
    wrap_pending_ = false;
}

void Screen::line_feed() {
    if (row_ + 1 < rows_) {
        ++row_;
        return;
    }
    cells_.erase(cells_.begin());
    cells_.emplace_back(columns_, " ");
}

void Screen::put(const std::string& character) {
    if (wrap_pending_) {
        column_ = 0;
        line_feed();
        wrap_pending_ = false;
    }
    cells_[row_][column_] = character;
    if (column_ + 1 < columns_) ++column_;
    else wrap_pending_ = true;
}

void Screen::control_sequence(const std::string& parameters, char final) {
    if (!parameters.empty() && parameters[0] == '?') return;  // modes: cursor shown or hidden
    auto n = [&](std::size_t fallback = 1) { return parameter(parameters, 0, fallback); };
    wrap_pending_ = false;
    switch (final) {
        case 'A': row_ = row_ >= n() ? row_ - n() : 0; break;
        case 'B': row_ = std::min(rows_ - 1, row_ + n()); break;
        case 'C': column_ = std::min(columns_ - 1, column_ + n()); break;
        case 'D': column_ = column_ >= n() ? column_ - n() : 0; break;
        case 'H':
            row_ = std::min(rows_, parameter(parameters, 0, 1)) - 1;
            column_ = std::min(columns_, parameter(parameters, 1, 1)) - 1;
            break;
        case 'J': {
            std::size_t mode = parameter(parameters, 0, 0);
            std::size_t first = mode == 2 ? 0 : row_ + 1;
            if (mode != 2) std::fill(cells_[row_].begin() + static_cast<long>(column_), cells_[row_].end(), " ");
            for (std::size_t r = first; r < rows_; ++r) std::fill(cells_[r].begin(), cells_[r].end(), " ");
            break;
        }
        case 'K': std::fill(cells_[row_].begin() + static_cast<long>(column_), cells_[row_].end(), " "); break;
        default: break;  // 'm': colours
    }
}

void Screen::feed(std::string_view bytes) {
    std::string input = pending_ + std::string(bytes);
    pending_.clear();
    for (std::size_t i = 0; i < input.size();) {
        auto byte = static_cast<unsigned char>(input[i]);
        if (byte == 0x1b) {
            if (i + 1 >= input.size()) {
                pending_ = input.substr(i);
                return;
            }
            if (input[i + 1] != '[') {
                i += 2;
                continue;
            }
            std::size_t end = i + 2;
            while (end < input.size() && !(input[end] >= 0x40 && input[end] <= 0x7e)) ++end;
            if (end >= input.size()) {
                pending_ = input.substr(i);
                return;
            }
            control_sequence(input.substr(i + 2, end - i - 2), input[end]);
            i = end + 1;
            continue;
        }
        if (byte == '\r') {
            column_ = 0;
            wrap_pending_ = false;
        } else if (byte == '\n') {
            line_feed();
            wrap_pending_ = false;
        } else if (byte == '\b') {
            if (column_ > 0) --column_;
        } else if (byte >= 0x20) {
            std::size_t length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
            if (i + length > input.size()) {
                pending_ = input.substr(i);
                return;
            }
            put(input.substr(i, length));
            i += length;
            continue;
        }
        ++i;
    }
}

std::vector<std::string> Screen::lines() const {
    std::vector<std::string> result;
    for (const auto& row : cells_) {
        std::string line;
        for (const auto& cell : row) line += cell;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        result.push_back(line);
    }
    return result;
}

std::string Screen::text() const {
    std::string text;
    for (const auto& line : lines()) text += line + "\n";
    return text;
}

}  // namespace pindex::e2e

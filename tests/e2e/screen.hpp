#pragma once
// What a terminal shows: a small emulator of the sequences pindex writes (text with auto-wrap,
// CR, LF, cursor up and down, erase below and in line, clear screen, home; colours ignored),
// so that a test can check what is on the screen at the end, not only what was written.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pindex::e2e {

class Screen {
public:
    Screen(std::size_t columns, std::size_t rows);
    void feed(std::string_view bytes);
    void resize(std::size_t columns, std::size_t rows);
    // The rows as text, trailing spaces removed.
    std::vector<std::string> lines() const;
    std::string text() const;  // the rows joined with '\n'

private:
    void put(const std::string& character);
    void line_feed();
    void control_sequence(const std::string& parameters, char final);

    std::size_t columns_, rows_;
    std::vector<std::vector<std::string>> cells_;
    std::size_t row_ = 0, column_ = 0;
    bool wrap_pending_ = false;  // the last column was written: the next character wraps
    std::string pending_;        // an escape sequence or UTF-8 character cut between two feeds
};

}  // namespace pindex::e2e

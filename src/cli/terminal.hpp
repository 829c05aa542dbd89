#pragma once
// The terminal the survey runs in: raw mode for as long as a Terminal lives, restored on every
// return, exception and signal that ends or stops the process; keys read one at a time; the
// window's size. Only this file pair talks to the tty.
#include <cstddef>
#include <string_view>

#include "keys.hpp"

namespace pindex::cli {

struct ScreenSize {
    std::size_t columns = 80;
    std::size_t rows = 24;
};

// The size of the terminal on `fd`, or 80 x 24 when it has none.
ScreenSize screen_size(int fd);

class Terminal {
public:
    // Raw mode (no line buffering, no echo; signals kept) and the signal handlers. Throws when
    // the terminal cannot be set up, before anything is asked.
    Terminal();
    ~Terminal();
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    // The next key; Key::Code::resize when the window changed size (or the survey came back
    // from a stop), interrupted on Ctrl-C, end_of_input when stdin closed.
    Key read_key();
    ScreenSize size() const;
    void write(std::string_view text) const;

private:
    KeyDecoder decoder_;
};

}  // namespace pindex::cli

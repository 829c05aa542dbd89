#pragma once
// Keys from the bytes a terminal sends: arrows and other escape sequences, whole UTF-8
// characters, and a lone Esc told apart from the start of a sequence by a short wait, so that
// Esc never swallows the key after it. Pure: the bytes come from a function, so tests feed it.
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace pindex::cli {

struct Key {
    enum class Code {
        character,  // text holds one UTF-8 character, or one byte that is not valid UTF-8
        enter, backspace, del, escape, tab, clear_line,  // clear_line: Ctrl-U
        up, down, left, right, page_up, page_down, home, end,
        end_of_input, interrupted, resize,
        other,      // a sequence pindex has no use for (F-keys, Alt+key)
    };
    Code code = Code::other;
    std::string text;

    static Key of(Code code) { return Key{code, {}}; }
    static Key character(std::string text) { return Key{Code::character, std::move(text)}; }
};

// What reading one byte gave.
struct ByteRead {
    enum class Kind { byte, timeout, end_of_input, interrupted, resize };
    Kind kind = Kind::byte;
    unsigned char byte = 0;
};

class KeyDecoder {
public:
    // Reads one byte, waiting at most `timeout_ms` (-1: for ever).
    using ByteSource = std::function<ByteRead(int timeout_ms)>;
    // How long the bytes after an Esc may take to arrive to count as one sequence.
    static constexpr int kEscapeTimeoutMs = 40;

    explicit KeyDecoder(ByteSource source) : source_(std::move(source)) {}
    Key next();

private:
    ByteRead read(int timeout_ms);
    Key escape_sequence();
    Key utf8_character(unsigned char lead);

    ByteSource source_;
    std::deque<unsigned char> pending_;  // bytes read ahead that belong to the next key
    std::optional<ByteRead> pending_event_;  // an end, interrupt or resize met while reading ahead
};

}  // namespace pindex::cli

#include "keys.hpp"

namespace pindex::cli {

namespace {

Key from_final_byte(unsigned char final, const std::string& parameters) {
    using Code = Key::Code;
    switch (final) {
        case 'A': return Key::of(Code::up);
        case 'B': return Key::of(Code::down);
        case 'C': return Key::of(Code::right);
        case 'D': return Key::of(Code::left);
        case 'H': return Key::of(Code::home);
        case 'F': return Key::of(Code::end);
        case 'Z': return Key::of(Code::other);  // Shift-Tab
        case '~':
            if (parameters == "1" || parameters == "7") return Key::of(Code::home);
            if (parameters == "4" || parameters == "8") return Key::of(Code::end);
            if (parameters == "3") return Key::of(Code::del);
            if (parameters == "5") return Key::of(Code::page_up);
            if (parameters == "6") return Key::of(Code::page_down);
            return Key::of(Code::other);
        default: return Key::of(Code::other);
    }
}

}  // namespace

ByteRead KeyDecoder::read(int timeout_ms) {
    if (pending_event_ && pending_.empty()) {
        ByteRead event = *pending_event_;
        pending_event_.reset();
        return event;
    }
    if (!pending_.empty()) {
        unsigned char byte = pending_.front();
        pending_.pop_front();
        return {ByteRead::Kind::byte, byte};
    }
    return source_(timeout_ms);
}

Key KeyDecoder::next() {
    using Code = Key::Code;
    ByteRead got = read(-1);
    switch (got.kind) {
        case ByteRead::Kind::end_of_input: return Key::of(Code::end_of_input);
        case ByteRead::Kind::interrupted: return Key::of(Code::interrupted);
        case ByteRead::Kind::resize: return Key::of(Code::resize);
        case ByteRead::Kind::timeout: return Key::of(Code::other);
        case ByteRead::Kind::byte: break;
    }
    unsigned char byte = got.byte;
    if (byte == '\r' || byte == '\n') return Key::of(Code::enter);
    if (byte == 0x7f || byte == 0x08) return Key::of(Code::backspace);
    if (byte == '\t') return Key::of(Code::tab);
    if (byte == 0x04) return Key::of(Code::end_of_input);  // Ctrl-D
    if (byte == 0x15) return Key::of(Code::clear_line);    // Ctrl-U, as in a shell
    if (byte == 0x1b) return escape_sequence();
    if (byte < 0x20) return Key::of(Code::other);
    return utf8_character(byte);
}

// ESC [ parameters final, or ESC O final. Anything else after ESC is put back: the Esc is a
// key of its own, and so is what follows it.
Key KeyDecoder::escape_sequence() {
    ByteRead introducer = read(kEscapeTimeoutMs);
    if (introducer.kind != ByteRead::Kind::byte) {
        if (introducer.kind != ByteRead::Kind::timeout) pending_event_ = introducer;  // the next key
        return Key::of(Key::Code::escape);
    }
    if (introducer.byte != '[' && introducer.byte != 'O') {
        pending_.push_front(introducer.byte);
        return Key::of(Key::Code::escape);
    }
    std::string parameters;
    for (int i = 0; i < 16; ++i) {
        ByteRead next = read(kEscapeTimeoutMs);
        if (next.kind != ByteRead::Kind::byte) {
            if (next.kind != ByteRead::Kind::timeout) pending_event_ = next;
            return Key::of(Key::Code::escape);
        }
        if (next.byte >= 0x40 && next.byte <= 0x7e) return from_final_byte(next.byte, parameters);
        parameters += static_cast<char>(next.byte);
    }
    return Key::of(Key::Code::other);
}

// A lead byte and its continuation bytes. A byte that cannot start UTF-8, or a sequence cut
// short, comes back as that one byte (the survey refuses it with a hint); the byte that broke
// the sequence is kept for the next key.
Key KeyDecoder::utf8_character(unsigned char lead) {
    int continuation = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 ? 1 : lead < 0x80 ? 0 : -1;
    if (lead >= 0xf5) continuation = -1;
    std::string text(1, static_cast<char>(lead));
    if (continuation < 0) return Key::character(text);
    for (int i = 0; i < continuation; ++i) {
        ByteRead next = read(kEscapeTimeoutMs);
        if (next.kind != ByteRead::Kind::byte) {
            if (next.kind != ByteRead::Kind::timeout) pending_event_ = next;
            return Key::character(text);
        }
        if ((next.byte & 0xc0) != 0x80) {
            pending_.push_front(next.byte);
            return Key::character(text);
        }
        text += static_cast<char>(next.byte);
    }
    return Key::character(text);
}

}  // namespace pindex::cli

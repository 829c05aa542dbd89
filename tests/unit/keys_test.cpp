// Keys from terminal bytes (src/cli/keys.cpp), fed from a script of bytes and pauses.
#include <catch2/catch.hpp>

#include <deque>

#include "keys.hpp"

using namespace pindex::cli;

namespace {

// Bytes as they arrive; '|' is a pause longer than the escape timeout.
std::vector<Key> decode(const std::string& script) {
    auto bytes = std::make_shared<std::deque<char>>(script.begin(), script.end());
    KeyDecoder decoder([bytes](int timeout_ms) -> ByteRead {
        if (bytes->empty()) return {ByteRead::Kind::end_of_input, 0};
        if (bytes->front() == '|') {
            if (timeout_ms >= 0) return {ByteRead::Kind::timeout, 0};
            bytes->pop_front();  // a blocking read waits the pause out
        }
        if (bytes->empty()) return {ByteRead::Kind::end_of_input, 0};
        char byte = bytes->front();
        bytes->pop_front();
        return {ByteRead::Kind::byte, static_cast<unsigned char>(byte)};
    });
    std::vector<Key> keys;
    for (Key key = decoder.next(); key.code != Key::Code::end_of_input; key = decoder.next()) keys.push_back(key);
    return keys;
}

std::vector<Key::Code> codes(const std::vector<Key>& keys) {
    std::vector<Key::Code> result;
    for (const auto& key : keys) result.push_back(key.code);
    return result;
}

using C = Key::Code;

}  // namespace

TEST_CASE("keys: arrows and the other sequences pindex uses") {
    CHECK(codes(decode("\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[3~")) ==
          std::vector<C>{C::up, C::down, C::right, C::left, C::up, C::page_up, C::page_down, C::home, C::end, C::del});
    CHECK(codes(decode("\r\n\x7f\t")) == std::vector<C>{C::enter, C::enter, C::backspace, C::tab});
    CHECK(codes(decode("\x1b[15~")) == std::vector<C>{C::other});  // F5
}

TEST_CASE("keys: Esc alone never swallows the key after it") {
    CHECK(codes(decode("\x1b|\r")) == std::vector<C>{C::escape, C::enter});  // typed apart
    CHECK(codes(decode("\x1b\r")) == std::vector<C>{C::escape, C::enter});   // in one burst
    auto keys = decode("\x1bx");  // Alt+x: an Esc, then the x
    REQUIRE(keys.size() == 2);
    CHECK(keys[1].text == "x");
}

TEST_CASE("keys: UTF-8 characters whole, and bytes that are not UTF-8 on their own") {
    auto keys = decode("é→");
    REQUIRE(keys.size() == 2);
    CHECK(keys[0].text == "é");
    CHECK(keys[1].text == "→");
    keys = decode("Caf\xe9x");  // Latin-1 é: a byte of its own, and the x is not swallowed
    REQUIRE(keys.size() == 5);
    CHECK(keys[3].text == "\xe9");
    CHECK(keys[4].text == "x");
    keys = decode("\xff");
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].text == "\xff");
}

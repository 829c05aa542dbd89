#include "invocation.hpp"

#include <algorithm>

namespace pindex::cli {

namespace {
std::string& program() {
    static std::string name = "pindex";
    return name;
}
}  // namespace

void set_invoked_as(std::string_view argv0) {
    program() = argv0.find('/') == std::string_view::npos ? std::string("pindex") : std::string(argv0);
}

const std::string& invoked_as() { return program(); }

std::string shell_word(std::string_view word) {
    auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("-_./=:,+@%").find(c) != std::string_view::npos;
    };
    if (!word.empty() && std::all_of(word.begin(), word.end(), safe)) return std::string(word);
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string command_line(const std::vector<std::string>& arguments) {
    std::string line = shell_word(invoked_as());
    for (const auto& argument : arguments) line += " " + shell_word(argument);
    return line;
}

}  // namespace pindex::cli

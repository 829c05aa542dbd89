#include "invocation.hpp"

#include "pindex/text.hpp"

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

std::string command_line(const std::vector<std::string>& arguments) {
    std::string line = shell_word(invoked_as());
    for (const auto& argument : arguments) line += " " + shell_word(argument);
    return line;
}

}  // namespace pindex::cli

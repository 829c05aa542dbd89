#pragma once
// The pindex command line: parses arguments with CLI11, runs one command, and turns every
// failure into a message on stderr and an exit code. The only place that knows exit codes.
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"

namespace pindex::cli {

// The whole command line: every command, option and help text, and each command's runner. The
// man page and the shell completions are generated from it (src/tools/generate_cli_docs.cpp).
std::vector<std::pair<std::string, CommandRunner>> define_commands(CLI::App& app);

int run(int argc, char** argv);

}  // namespace pindex::cli

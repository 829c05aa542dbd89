#pragma once
// The pindex command line: parses arguments with CLI11, runs one command, and turns every
// failure into a message on stderr and an exit code. The only place that knows exit codes.
namespace pindex::cli {

int run(int argc, char** argv);

}  // namespace pindex::cli

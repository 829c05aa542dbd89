#pragma once
// Commands pindex prints for the user to run next ("pindex score answers.yaml -o report.html")
// name pindex as the user invoked it, so that they work as printed: "./build/pindex" after the
// quick start, "pindex" once installed on the PATH.
#include <string>
#include <string_view>
#include <vector>

namespace pindex::cli {

// Called once by main: argv[0].
void set_invoked_as(std::string_view argv0);
// argv[0] when it holds a '/' (a path the shell ran), else "pindex" (found on the PATH).
const std::string& invoked_as();

// "pindex score 'my answers.yaml' -o report.html": the program and each argument as shell words.
std::string command_line(const std::vector<std::string>& arguments);

}  // namespace pindex::cli

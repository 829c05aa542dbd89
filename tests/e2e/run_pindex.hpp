#pragma once
// Runs the built pindex binary as a user would: arguments, standard input, a working directory;
// returns its exit code and what it printed on stdout and stderr.
#include <filesystem>
#include <string>
#include <vector>

namespace pindex::e2e {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

RunResult run_pindex(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::filesystem::path& working_directory = {});

// A fresh temporary directory, removed with everything in it when the object goes.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    std::filesystem::path file(const std::string& name, const std::string& content) const;
};

std::string read_text(const std::filesystem::path& path);
std::string example(const std::string& name);  // path of examples/<name>

}  // namespace pindex::e2e

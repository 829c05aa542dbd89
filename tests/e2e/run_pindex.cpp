#include "run_pindex.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace pindex::e2e {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "pindex-e2e-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
}

fs::path TempDir::file(const std::string& name, const std::string& content) const {
    fs::path target = path / name;
    std::ofstream(target, std::ios::binary) << content;
    return target;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string typical_survey_text() {
    return read_text(fs::path(PINDEX_SOURCE_DIR) / "tests" / "data" / "typical.survey-input");
}

std::vector<std::string> typical_survey_lines() { return split_lines(typical_survey_text()); }

std::vector<std::string> typical_survey_args(const fs::path& answers_file) {
    return {"survey", "-o", answers_file.string(), "--org", "Contoso Outdoor (example typical company)",
            "--respondent", "CRM manager"};
}

std::string example(const std::string& name) {
    return (std::filesystem::path(PINDEX_SOURCE_DIR) / "examples" / name).string();
}

RunResult run_pindex(const std::vector<std::string>& args, const std::string& stdin_text,
                     const fs::path& working_directory) {
    return run_program(PINDEX_BINARY, args, stdin_text, working_directory);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& stdin_text,
                      const fs::path& working_directory) {
    // Output goes to files rather than pipes: no risk of a full pipe blocking the child.
    TempDir capture;
    fs::path out_path = capture.path / "out", err_path = capture.path / "err", in_path = capture.file("in", stdin_text);
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int in = ::open(in_path.c_str(), O_RDONLY);
        int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (!working_directory.empty() && ::chdir(working_directory.c_str()) != 0) ::_exit(127);
        std::vector<char*> argv;
        std::string binary = program;
        argv.push_back(binary.data());
        std::vector<std::string> copies = args;
        for (auto& arg : copies) argv.push_back(arg.data());
        argv.push_back(nullptr);
        ::execvp(binary.c_str(), argv.data());  // a path, or a program on PATH ("bash")
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_text(out_path);
    result.err = read_text(err_path);
    return result;
}

nlohmann::json parts_without_notes(const nlohmann::json& report) {
    nlohmann::json parts = report.at("parts");
    for (auto& part : parts)
        for (auto& question : part.at("questions")) question.erase("note");
    return parts;
}

std::string line_containing(const std::string& text, const std::string& fragment) {
    for (const auto& line : split_lines(text))
        if (line.find(fragment) != std::string::npos) return line;
    return "";
}

nlohmann::json score_json(const std::filesystem::path& answers) {
    RunResult result = run_pindex({"score", answers.string(), "--format", "json"});
    if (result.exit_code != 0)
        throw std::runtime_error("pindex score " + answers.string() + " exited " + std::to_string(result.exit_code) +
                                 ": " + result.err);
    return nlohmann::json::parse(result.out);
}

}  // namespace pindex::e2e

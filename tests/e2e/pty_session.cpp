#include "pty_session.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace pindex::e2e {

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

namespace {

[[noreturn]] void exec_pindex(const std::vector<std::string>& args) {
    std::vector<std::string> copies = args;
    std::vector<char*> argv;
    std::string binary = PINDEX_BINARY;
    argv.push_back(binary.data());
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
}

// Inside the pty's session: start pindex in its own process group as the foreground job, tell
// the test its pid, and exit with its status (128 + signal if a signal ended it).
[[noreturn]] void run_as_shell(const std::vector<std::string>& args, int report_fd) {
    ::signal(SIGTTOU, SIG_IGN);  // so that this background parent may hand over the terminal
    pid_t job = ::fork();
    if (job == 0) {
        ::setpgid(0, 0);
        ::tcsetpgrp(STDIN_FILENO, ::getpid());
        ::signal(SIGTTOU, SIG_DFL);
        exec_pindex(args);
    }
    ::setpgid(job, job);
    ::tcsetpgrp(STDIN_FILENO, job);
    if (::write(report_fd, &job, sizeof job) != sizeof job) ::_exit(126);
    ::close(report_fd);
    int status = 0;
    while (::waitpid(job, &status, 0) < 0 && errno == EINTR) {
    }
    ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

}  // namespace

PtySession::PtySession(const std::vector<std::string>& args, const std::filesystem::path& working_directory,
                       const std::vector<std::string>& environment, std::size_t columns, std::size_t rows)
    : screen_(columns, rows) {
    struct winsize size {};
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(columns);
    int report[2];
    if (::pipe(report) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) {
        ::close(report[0]);
        if (::chdir(working_directory.c_str()) != 0) ::_exit(127);
        ::unsetenv("NO_COLOR");
        for (const auto& assignment : environment) ::putenv(const_cast<char*>(assignment.c_str()));
        run_as_shell(args, report[1]);
    }
    ::close(report[1]);
    if (::read(report[0], &job_, sizeof job_) != sizeof job_) throw std::runtime_error("no job pid from the pty");
    ::close(report[0]);
    slave_ = ::open(::ptsname(master_), O_RDWR | O_NOCTTY);
}

PtySession::~PtySession() {
    if (!exited_) {
        ::kill(job_, SIGKILL);
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    ::close(master_);
    if (slave_ >= 0) ::close(slave_);
}

void PtySession::pump(double timeout_seconds) {
    struct pollfd poller {master_, POLLIN, 0};
    if (::poll(&poller, 1, static_cast<int>(timeout_seconds * 1000)) <= 0) return;
    char buffer[4096];
    ssize_t got = ::read(master_, buffer, sizeof buffer);
    if (got <= 0) return;
    output_.append(buffer, static_cast<std::size_t>(got));
    // The text, without CSI sequences: what a test waits for is what a person reads, whatever
    // colours or cursor moves sit between its words.
    std::string input = undecoded_ + std::string(buffer, static_cast<std::size_t>(got));
    undecoded_.clear();
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] != '\x1b') {
            text_ += input[i];
            continue;
        }
        std::size_t end = i + 1;
        if (end < input.size() && input[end] == '[') {
            ++end;
            while (end < input.size() && !(input[end] >= 0x40 && input[end] <= 0x7e)) ++end;
        }
        if (end >= input.size()) {
            undecoded_ = input.substr(i);
            return;
        }
        i = end;
    }
}

void PtySession::send(const std::string& keys) {
    for (char key : keys) {
        if (::write(master_, &key, 1) != 1) throw std::runtime_error("write to pty failed");
        pump(0);  // keep the child's output flowing so it never blocks on a full pty
    }
}

bool PtySession::wait_for(const std::string& text, double timeout_seconds) {
    auto start = std::chrono::steady_clock::now();
    while (text_.find(text, mark_) == std::string::npos) {
        if (seconds_since(start) > timeout_seconds) return false;
        pump(0.05);
    }
    return true;
}

void PtySession::mark() {
    pump(0.05);
    mark_ = text_.size();
}

void PtySession::signal(int signal_number) { ::kill(job_, signal_number); }

std::string PtySession::screen() {
    pump(0.05);
    screen_.feed(std::string_view(output_).substr(screen_fed_));
    screen_fed_ = output_.size();
    return screen_.text();
}

void PtySession::resize(std::size_t columns, std::size_t rows) {
    screen();  // what was written at the old size, drawn at the old size
    screen_.resize(columns, rows);
    struct winsize size {};
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(columns);
    ::ioctl(master_, TIOCSWINSZ, &size);
}

int PtySession::wait_exit(double timeout_seconds) {
    auto start = std::chrono::steady_clock::now();
    while (seconds_since(start) < timeout_seconds) {
        int status = 0;
        pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            exited_ = true;
            pump(0.05);
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        pump(0.02);
    }
    return -1;
}

bool PtySession::wait_stopped(double timeout_seconds) {
    // pindex is not this process's child: read its state ('T' when stopped) from /proc.
    auto start = std::chrono::steady_clock::now();
    while (seconds_since(start) < timeout_seconds) {
        std::ifstream stat("/proc/" + std::to_string(job_) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        auto end_of_name = text.rfind(')');
        if (end_of_name != std::string::npos && end_of_name + 2 < text.size() && text[end_of_name + 2] == 'T')
            return true;
        pump(0.02);
    }
    return false;
}

bool PtySession::terminal_in_cooked_mode() const {
    struct termios mode {};
    if (::tcgetattr(slave_, &mode) != 0) return false;
    return (mode.c_lflag & ICANON) && (mode.c_lflag & ECHO);
}

}  // namespace pindex::e2e

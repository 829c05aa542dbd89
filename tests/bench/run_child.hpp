#pragma once
// Shared by the benchmark programs: run a program to completion with stdout to /dev/null and
// measure it from fork to exit, as a CI job or a shell sees it.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace pindex::bench {

struct ChildRun {
    double seconds = 0;
    double peak_rss_mib = 0;  // its maximum resident set
};

// argv ends with nullptr. Exits the benchmark (status 2) when the child exits above
// highest_ok_exit or dies of a signal: a benchmark of a failing run measures nothing.
inline ChildRun run_child(const std::vector<const char*>& argv, int highest_ok_exit) {
    auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::execv(argv[0], const_cast<char* const*>(argv.data()));
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) > highest_ok_exit) {
        std::fprintf(stderr, "%s %s failed (status %d)\n", argv[0], argv.size() > 2 ? argv[1] : "", status);
        std::exit(2);
    }
    return {seconds, static_cast<double>(usage.ru_maxrss) / 1024};
}

}  // namespace pindex::bench

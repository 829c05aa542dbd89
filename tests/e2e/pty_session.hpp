#pragma once
// Runs pindex in a real pseudo-terminal (forkpty), as a person at a terminal would: send keys,
// wait for text on the screen, send signals, and check the terminal mode it leaves behind.
// Like a shell, a small parent inside the terminal's session starts pindex as the foreground
// job, so that job control (Ctrl-Z) works as it does for a user: the kernel ignores stop
// signals for a session leader's orphaned process group.
#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "screen.hpp"

namespace pindex::e2e {

// The environment a session starts with, on top of the test's own: a colour terminal whose
// locale says UTF-8.
inline const std::vector<std::string> kTerminalEnvironment{"TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=",
                                                            "LC_CTYPE="};

class PtySession {
public:
    PtySession(const std::vector<std::string>& args, const std::filesystem::path& working_directory,
               const std::vector<std::string>& environment = kTerminalEnvironment, std::size_t columns = 80,
               std::size_t rows = 24);
    ~PtySession();
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    void send(const std::string& keys);
    // Waits until `text` appears in the output after the last mark, read as text: escape
    // sequences (colours, cursor moves) left out; false on timeout.
    bool wait_for(const std::string& text, double timeout_seconds = 10);
    void mark();  // later wait_for calls look only at output from here on
    const std::string& output() const { return output_; }  // raw, escape sequences included
    const std::string& text() const { return text_; }      // without escape sequences

    // What the terminal shows now, as an emulator of it reads the output so far.
    std::string screen();
    // Changes the window's size, as a user dragging its corner (the kernel sends SIGWINCH).
    void resize(std::size_t columns, std::size_t rows);

    void signal(int signal_number);  // to pindex itself
    // Waits for the process to end: its exit code, or 128 + the signal that ended it; -1 on timeout.
    int wait_exit(double timeout_seconds = 10);
    bool wait_stopped(double timeout_seconds = 10);  // true once the process is stopped (Ctrl-Z)

    // The terminal is in its normal, line-editing mode (as a shell expects it).
    bool terminal_in_cooked_mode() const;

private:
    void pump(double timeout_seconds);
    int master_ = -1;
    int slave_ = -1;  // kept open to read the terminal mode after the child is gone
    pid_t pid_ = -1;  // the shell-like parent; it exits with pindex's status
    pid_t job_ = -1;  // pindex
    bool exited_ = false;
    std::string output_;
    std::string text_;       // output_ without CSI sequences
    std::string undecoded_;  // an escape sequence cut between two reads
    std::size_t mark_ = 0;
    Screen screen_;
    std::size_t screen_fed_ = 0;  // output already fed to the screen
};

}  // namespace pindex::e2e

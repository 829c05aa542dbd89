// The terminal is always restored: the destructor on every return or exception, and signal
// handlers for SIGTERM, SIGHUP (restore, then die of the signal) and SIGTSTP (restore, stop,
// raw mode again on resume). Ctrl-C interrupts the read; the survey then saves and exits 130.
// Handlers that need the key reader's attention write a byte to a self-pipe that it polls with
// stdin, so a signal arriving between two reads is never missed.
#include "terminal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

namespace pindex::cli {

namespace {

// State the signal handlers need; only async-signal-safe calls touch it there.
struct termios g_saved_mode;
struct termios g_raw_mode;
volatile sig_atomic_t g_interrupted = 0;
volatile sig_atomic_t g_resized = 0;
int g_wake_pipe[2] = {-1, -1};  // handlers write, the key reader polls

void wake_reader() {
    int saved_errno = errno;
    char byte = 1;
    [[maybe_unused]] ssize_t ignored = ::write(g_wake_pipe[1], &byte, 1);  // full pipe: already awake
    errno = saved_errno;
}

void write_all(const char* text, std::size_t size) {
    while (size > 0) {
        ssize_t written = ::write(STDOUT_FILENO, text, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        text += written;
        size -= static_cast<std::size_t>(written);
    }
}

constexpr char kResetAttributes[] = "\x1b[0m\x1b[?25h";

void restore_terminal() {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_mode);
    write_all(kResetAttributes, sizeof kResetAttributes - 1);
}

// False when the handler could not be installed (only the constructor can act on it).
bool install(int signal_number, void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a signal interrupts read() so the survey can react
    return ::sigaction(signal_number, &action, nullptr) == 0;
}

void resend_with_default_action(int signal_number) {
    ::signal(signal_number, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal_number);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    ::raise(signal_number);
}

void on_fatal_signal(int signal_number) {
    restore_terminal();
    write_all("\r\n", 2);
    resend_with_default_action(signal_number);
}

void on_interrupt(int) {
    g_interrupted = 1;
    wake_reader();
}

void on_window_change(int) {
    g_resized = 1;
    wake_reader();
}

void on_stop(int signal_number) {
    int saved_errno = errno;
    restore_terminal();
    write_all("\r\n", 2);
    resend_with_default_action(signal_number);  // stops here until SIGCONT
    install(SIGTSTP, on_stop);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_raw_mode);
    g_resized = 1;  // the screen may have changed while stopped: draw anew
    wake_reader();
    errno = saved_errno;
}

// A pending signal, consumed: what the reader reports instead of a byte.
std::optional<ByteRead> take_signal() {
    if (g_interrupted) {
        g_interrupted = 0;
        return ByteRead{ByteRead::Kind::interrupted, 0};
    }
    if (g_resized) {
        g_resized = 0;
        return ByteRead{ByteRead::Kind::resize, 0};
    }
    return std::nullopt;
}

// One byte from stdin, waiting at most timeout_ms (-1: until a byte or a signal arrives).
ByteRead read_byte(int timeout_ms) {
    for (;;) {
        if (auto signal = take_signal()) return *signal;
        struct pollfd sources[2] = {{STDIN_FILENO, POLLIN, 0}, {g_wake_pipe[0], POLLIN, 0}};
        int ready = ::poll(sources, 2, timeout_ms);
        if (ready < 0 && errno != EINTR) return {ByteRead::Kind::end_of_input, 0};
        if (ready == 0) return {ByteRead::Kind::timeout, 0};
        if (ready > 0 && (sources[1].revents & POLLIN)) {
            char drain[64];
            while (::read(g_wake_pipe[0], drain, sizeof drain) > 0) {
            }
        }
        if (ready <= 0 || !(sources[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        if (auto signal = take_signal()) return *signal;
        unsigned char byte = 0;
        ssize_t got = ::read(STDIN_FILENO, &byte, 1);
        if (got == 1) return {ByteRead::Kind::byte, byte};
        if (got < 0 && errno == EINTR) continue;
        return {ByteRead::Kind::end_of_input, 0};
    }
}

}  // namespace

Terminal::Terminal() : decoder_(read_byte) {
    // Raw mode that could not be read or set would leave the terminal broken, or echo every
    // key twice: stop before the first prompt instead (nothing has been asked or saved yet).
    if (::tcgetattr(STDIN_FILENO, &g_saved_mode) != 0)
        throw std::runtime_error(std::string("cannot read the terminal's settings: ") + std::strerror(errno));
    g_raw_mode = g_saved_mode;
    g_raw_mode.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | IEXTEN));
    g_raw_mode.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL));
    g_raw_mode.c_cc[VMIN] = 1;
    g_raw_mode.c_cc[VTIME] = 0;
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_raw_mode) != 0)
        throw std::runtime_error(std::string("cannot set the terminal to raw mode: ") + std::strerror(errno));
    if (::pipe2(g_wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        restore_terminal();
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    // Without these handlers Ctrl-C or a closed terminal would leave it in raw mode.
    bool installed = install(SIGINT, on_interrupt) && install(SIGTERM, on_fatal_signal) &&
                     install(SIGHUP, on_fatal_signal) && install(SIGTSTP, on_stop) &&
                     install(SIGWINCH, on_window_change);
    if (!installed) {
        restore_terminal();
        ::close(g_wake_pipe[0]);
        ::close(g_wake_pipe[1]);
        throw std::runtime_error(std::string("cannot install the survey's signal handlers: ") + std::strerror(errno));
    }
}

Terminal::~Terminal() {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH}) ::signal(signal_number, SIG_DFL);
    restore_terminal();
    ::close(g_wake_pipe[0]);
    ::close(g_wake_pipe[1]);
}

Key Terminal::read_key() { return decoder_.next(); }

ScreenSize screen_size(int fd) {
    struct winsize size {};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 && size.ws_row > 0) return {size.ws_col, size.ws_row};
    return {};
}

ScreenSize Terminal::size() const { return screen_size(STDOUT_FILENO); }

void Terminal::write(std::string_view text) const { write_all(text.data(), text.size()); }

}  // namespace pindex::cli

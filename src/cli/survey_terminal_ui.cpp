// The terminal survey face: an inline block (no full-screen takeover, so the scrollback keeps a
// transcript) redrawn in place as keys arrive; arrow keys move a highlight, Space toggles in
// multi-select, Enter confirms. Whatever the keys, the answer reaches the engine as one line.
//
// The terminal is always restored: the guard's destructor on every return or exception, and
// signal handlers for SIGTERM, SIGHUP (restore, then die of the signal) and SIGTSTP (restore,
// stop, raw mode again on resume). Ctrl-C interrupts the read; the survey then saves and
// exits 130. Handlers that need the key reader's attention write a byte to a self-pipe that it
// polls with stdin, so a signal arriving between two reads is never missed.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "pindex/text.hpp"
#include "survey_ui.hpp"

namespace pindex::cli {

namespace {

// State the signal handlers need; only async-signal-safe calls touch it there.
struct termios g_saved_mode;
struct termios g_raw_mode;
volatile sig_atomic_t g_interrupted = 0;
volatile sig_atomic_t g_redraw = 0;
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

// False when the handler could not be installed (only the guard's constructor can act on it).
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
    g_redraw = 1;
    wake_reader();
}

void on_stop(int signal_number) {
    int saved_errno = errno;
    restore_terminal();
    write_all("\r\n", 2);
    resend_with_default_action(signal_number);  // stops here until SIGCONT
    install(SIGTSTP, on_stop);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_raw_mode);
    g_redraw = 1;
    wake_reader();
    errno = saved_errno;
}

// Raw mode (no line buffering, no echo; signals kept) for the guard's lifetime.
class TerminalGuard {
public:
    TerminalGuard() {
        if (::pipe2(g_wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create a pipe");
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
        // Without these handlers Ctrl-C or a closed terminal would leave it in raw mode.
        bool installed = install(SIGINT, on_interrupt) && install(SIGTERM, on_fatal_signal) &&
                         install(SIGHUP, on_fatal_signal) && install(SIGTSTP, on_stop) &&
                         install(SIGWINCH, on_window_change);
        if (!installed) {
            restore_terminal();
            throw std::runtime_error(std::string("cannot install the survey's signal handlers: ") + std::strerror(errno));
        }
    }
    ~TerminalGuard() {
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH}) ::signal(signal_number, SIG_DFL);
        restore_terminal();
        ::close(g_wake_pipe[0]);
        ::close(g_wake_pipe[1]);
    }
    TerminalGuard(const TerminalGuard&) = delete;
    TerminalGuard& operator=(const TerminalGuard&) = delete;
};

enum class Key { character, enter, backspace, up, down, end_of_input, interrupted, redraw, other };

struct KeyPress {
    Key key = Key::other;
    std::string text;  // the character's bytes, for Key::character
};

// Waits until a key arrives or a signal handler wakes us: true when stdin has a byte.
bool wait_for_key() {
    for (;;) {
        if (g_interrupted || g_redraw) return false;
        struct pollfd sources[2] = {{STDIN_FILENO, POLLIN, 0}, {g_wake_pipe[0], POLLIN, 0}};
        if (::poll(sources, 2, -1) < 0 && errno != EINTR) return true;  // let read() report the error
        if (sources[1].revents & POLLIN) {
            char drain[64];
            while (::read(g_wake_pipe[0], drain, sizeof drain) > 0) {
            }
        }
        if (sources[0].revents & (POLLIN | POLLHUP | POLLERR)) return !(g_interrupted || g_redraw);
    }
}

// Reads one key press, decoding the arrow keys' escape sequences and whole UTF-8 characters.
KeyPress read_key() {
    auto read_byte = [](unsigned char& byte) -> int {
        ssize_t got = ::read(STDIN_FILENO, &byte, 1);
        if (got == 1) return 1;
        if (got == 0) return 0;
        return errno == EINTR ? -1 : 0;
    };
    if (!wait_for_key()) return {g_interrupted ? Key::interrupted : Key::redraw, ""};
    unsigned char byte = 0;
    int got = read_byte(byte);
    if (got < 0) return {g_interrupted ? Key::interrupted : Key::redraw, ""};
    if (got == 0 || byte == 0x04) return {Key::end_of_input, ""};
    if (byte == '\r' || byte == '\n') return {Key::enter, ""};
    if (byte == 0x7f || byte == 0x08) return {Key::backspace, ""};
    if (byte == 0x1b) {
        unsigned char next = 0, final = 0;
        if (read_byte(next) != 1 || (next != '[' && next != 'O') || read_byte(final) != 1) return {Key::other, ""};
        if (final == 'A') return {Key::up, ""};
        if (final == 'B') return {Key::down, ""};
        return {Key::other, ""};
    }
    if (byte < 0x20) return {Key::other, ""};
    std::string text(1, static_cast<char>(byte));
    int continuation = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc0 ? 1 : 0;
    for (int i = 0; i < continuation && read_byte(byte) == 1; ++i) text += static_cast<char>(byte);
    return {Key::character, text};
}

std::size_t terminal_width() {
    struct winsize size {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return std::clamp<std::size_t>(size.ws_col, 40, 100);
    return 80;
}

class TerminalUi : public SurveyUi {
public:
    TerminalUi(std::string file, bool color) : file_(std::move(file)), color_(color) {}

    void show_intro(const Rubric& rubric, double estimated_seconds) override {
        std::string intro = survey_intro_text(rubric, estimated_seconds, file_);
        std::string text;
        for (const auto& paragraph : split_lines(intro))
            for (const auto& line : wrap_words(paragraph, terminal_width() - 1)) text += line + "\r\n";
        write(style("1", text));
    }

    UserInput ask(const Prompt& prompt) override {
        State state;
        state.prompt = &prompt;
        state.highlight = initial_highlight(prompt);
        for (const auto& token : split_words(prompt.multiple ? prompt.current : "")) {
            if (token != "none") state.toggled.insert(static_cast<std::size_t>(std::stoul(token) - 1));
        }
        return edit(state);
    }

    void show_hint(const std::string& message) override { pending_hint_ = message; }

    // Help goes to the scrollback once, above the next prompt, rather than into the redrawn
    // block: a long help text would make the block taller than a 24-line screen.
    void show_help(const Prompt& prompt) override {
        std::string text;
        for (const auto& line : wrap_words(prompt.help, terminal_width() - 5)) text += "  ? " + style("2", line) + "\r\n";
        write(text);
    }

    bool supports_review() const override { return true; }

    UserInput ask_review(const std::vector<ReviewEntry>& entries) override {
        std::size_t width = terminal_width();
        std::string text = "\r\n" + style("1", "Review your answers") + "\r\n";
        std::size_t unanswered = 0;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& entry = entries[i];
            unanswered += entry.complete ? 0 : 1;
            std::string answer = entry.answer.empty() ? "(unanswered)" : entry.answer;
            if (!entry.complete && !entry.answer.empty()) answer += " (incomplete)";
            answer = clip(answer, width - 6);
            text += fmt::format("{:>3}  {}\r\n", i + 1, clip(entry.label, width - 6));
            text += fmt::format("     {}\r\n", entry.complete ? answer : style("33", answer));
        }
        std::string footer = unanswered ? fmt::format("{} unanswered. ", unanswered) : std::string("All answered. ");
        footer += "Type a number and Enter to change it, Enter to finish, q to save and quit.";
        for (const auto& line : wrap_words(footer, width - 1)) text += line + "\r\n";
        write(text);
        State state;
        return edit(state);
    }

private:
    struct State {
        const Prompt* prompt = nullptr;  // null: a review line
        std::size_t highlight = 0;
        std::set<std::size_t> toggled;
        std::string typed;
    };

    std::string file_;
    bool color_;
    std::size_t drawn_lines_ = 0;  // lines of the current block above the cursor's line
    std::string pending_hint_;

    static std::size_t initial_highlight(const Prompt& prompt) {
        if (prompt.multiple || prompt.current.empty() || prompt.current == "n") return 0;
        if (prompt.choices.empty()) return 0;
        std::size_t index = std::stoul(prompt.current);
        return index >= 1 && index <= prompt.choices.size() ? index - 1 : 0;
    }

    static std::string clip(const std::string& text, std::size_t width) {
        if (display_width(text) <= width) return text;
        std::string result;
        for (const auto& word : wrap_words(text, width - 1)) {
            result = word;
            break;
        }
        return result + "…";
    }

    std::string style(const char* code, const std::string& text) const {
        return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    }

    void write(const std::string& text) const { write_all(text.data(), text.size()); }

    // What stays in the scrollback once an item is left: a line or two, not the whole block.
    std::vector<std::string> render_outcome(const Prompt& prompt, const std::string& outcome) const {
        std::size_t width = terminal_width() - 1;
        std::vector<std::string> lines;
        std::string head = prompt.context.empty() ? prompt.text : prompt.context;
        for (const auto& wrapped : wrap_words(head + " → " + outcome, width - 2)) lines.push_back("  " + wrapped);
        return lines;
    }

    // The outcome of a confirmed line, in words.
    static std::string confirmed_outcome(const Prompt& prompt, const std::string& line) {
        if (line == "b") return "back";
        if (line == "?") return "help";
        if (line == "s") return "skipped";
        if (line == "q") return "saved, quitting";
        return typed_answer_words(prompt, line);
    }

    // The block for a prompt, as lines no wider than the terminal (so none wraps by itself).
    std::vector<std::string> render(const State& state) const {
        const Prompt& prompt = *state.prompt;
        std::size_t width = terminal_width() - 1;
        std::vector<std::string> lines;
        auto add_wrapped = [&](const std::string& indent, const std::string& text, const char* code) {
            for (const auto& line : wrap_words(text, width - display_width(indent)))
                lines.push_back(indent + (code ? style(code, line) : line));
        };
        std::size_t bar_width = std::min<std::size_t>(20, width / 4);
        std::size_t filled = prompt.total ? bar_width * std::size_t(prompt.position - 1) / std::size_t(prompt.total) : 0;
        lines.push_back("");
        lines.push_back(style("2", progress_text(prompt)) + "  " + style("36", std::string(filled, '#')) +
                        style("2", std::string(bar_width - filled, '.')));
        add_wrapped("", prompt.text, "1");
        if (!prompt.context.empty()) add_wrapped("  ", prompt.context, "36");
        if (prompt.cell) add_wrapped("  ", "This step so far: " + row_summary(prompt), "2");
        for (std::size_t i = 0; i < prompt.choices.size(); ++i) {
            bool on = i == state.highlight && state.typed.empty();
            std::string box = prompt.multiple ? (state.toggled.count(i) ? "[x] " : "[ ] ") : "";
            std::string head = fmt::format("{} {}) {}", on ? "›" : " ", i + 1, box);
            auto wrapped = wrap_words(prompt.choices[i], width - display_width(head));
            for (std::size_t j = 0; j < wrapped.size(); ++j) {
                std::string line = (j == 0 ? head : std::string(display_width(head), ' ')) + wrapped[j];
                lines.push_back(on ? style("7", line) : line);
            }
        }
        if (prompt.cell) lines.push_back("  n) n/a: " + prompt.not_applicable);
        if (!prompt.range.empty())
            add_wrapped("  ", fmt::format("A number {}{}.", prompt.range, prompt.unit.empty() ? "" : " (" + prompt.unit + ")"), "2");
        if (!pending_hint_.empty()) add_wrapped("! ", pending_hint_, "33");
        const char* keys = prompt.multiple ? "numbers+Enter or ↑↓ Space Enter · ? help · b back · s skip · q quit"
                           : prompt.choices.empty() ? "type+Enter · ? help · b back · s skip · q quit"
                                                    : "number+Enter or ↑↓ Enter · ? help · b back · s skip · q quit";
        add_wrapped("  ", keys, "2");
        return lines;
    }

    // "Website: Moderately · Mobile app: … · Email, SMS, push: ?" for the matrix row being rated.
    static std::string row_summary(const Prompt& prompt) {
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < prompt.row_answers.size(); ++i) {
            const auto& [column, answer] = prompt.row_answers[i];
            parts.push_back(column + ": " + (i == prompt.column_index ? "…" : answer.empty() ? "?" : answer));
        }
        return join(parts, " · ");
    }

    // Redraws the block in place: up to its first line, clear below, print it again. Given an
    // outcome, leaves only a summary line behind for the scrollback.
    void draw(const State& state, const std::string* outcome = nullptr) {
        bool final = outcome != nullptr;
        std::string out;
        if (drawn_lines_ > 0) out += fmt::format("\x1b[{}A", drawn_lines_);
        out += "\r\x1b[J";
        std::vector<std::string> lines;
        if (state.prompt) lines = final ? render_outcome(*state.prompt, *outcome) : render(state);
        for (const auto& line : lines) out += line + "\r\n";
        if (final && state.prompt) {
            drawn_lines_ = 0;
            write(out);
            return;
        }
        std::string typed = escape_control_characters(state.typed);
        std::size_t room = terminal_width() - 3;
        if (display_width(typed) > room) typed = "…" + typed.substr(typed.size() - (room - 1));
        out += style("1", "> ") + typed;
        if (final) out += "\r\n";
        drawn_lines_ = final ? 0 : lines.size();
        write(out);
    }

    // What Enter means with nothing typed: the highlighted option, or the toggled ones.
    static std::string line_for_enter(const State& state) {
        if (!state.typed.empty() || !state.prompt || state.prompt->choices.empty()) return state.typed;
        if (!state.prompt->multiple) return std::to_string(state.highlight + 1);
        if (state.toggled.empty()) return state.prompt->current == "none" ? "none" : "";
        std::string line;
        for (auto index : state.toggled) line += (line.empty() ? "" : " ") + std::to_string(index + 1);
        return line;
    }

    UserInput edit(State& state) {
        draw(state);
        for (;;) {
            KeyPress press = read_key();
            switch (press.key) {
                case Key::interrupted: {
                    g_interrupted = 0;
                    std::string outcome = "interrupted (this one not saved)";
                    draw(state, &outcome);
                    return {InputStatus::interrupted, ""};
                }
                case Key::end_of_input: {
                    std::string outcome = "end of input (this one not saved)";
                    draw(state, &outcome);
                    return {InputStatus::end_of_input, ""};
                }
                case Key::redraw:
                    g_redraw = 0;
                    drawn_lines_ = 0;  // after a stop the old block is gone from view: draw anew
                    write("\r\n");
                    break;
                case Key::enter: {
                    std::string line = line_for_enter(state);
                    state.typed = line;
                    pending_hint_.clear();
                    std::string outcome = state.prompt ? confirmed_outcome(*state.prompt, line) : line;
                    draw(state, &outcome);
                    return {InputStatus::line, line};
                }
                case Key::backspace:
                    while (!state.typed.empty() && (static_cast<unsigned char>(state.typed.back()) & 0xC0) == 0x80)
                        state.typed.pop_back();
                    if (!state.typed.empty()) state.typed.pop_back();
                    break;
                case Key::up:
                case Key::down:
                    if (state.prompt && !state.prompt->choices.empty()) {
                        std::size_t count = state.prompt->choices.size();
                        state.highlight = (state.highlight + (press.key == Key::up ? count - 1 : 1)) % count;
                        state.typed.clear();
                    }
                    break;
                case Key::character:
                    if (press.text == " " && state.typed.empty() && state.prompt && state.prompt->multiple) {
                        if (!state.toggled.erase(state.highlight)) state.toggled.insert(state.highlight);
                    } else {
                        state.typed += press.text;
                    }
                    break;
                case Key::other: break;
            }
            draw(state);
        }
    }
};

// Owns the raw mode for as long as the UI lives.
class GuardedTerminalUi : public SurveyUi {
public:
    GuardedTerminalUi(std::string file, bool color) : ui_(std::move(file), color) {}
    void show_intro(const Rubric& rubric, double seconds) override { ui_.show_intro(rubric, seconds); }
    UserInput ask(const Prompt& prompt) override { return ui_.ask(prompt); }
    void show_hint(const std::string& message) override { ui_.show_hint(message); }
    void show_help(const Prompt& prompt) override { ui_.show_help(prompt); }
    bool supports_review() const override { return true; }
    UserInput ask_review(const std::vector<ReviewEntry>& entries) override { return ui_.ask_review(entries); }

private:
    TerminalGuard guard_;
    TerminalUi ui_;
};

}  // namespace

std::unique_ptr<SurveyUi> make_terminal_ui(const std::string& answers_file, bool color) {
    return std::make_unique<GuardedTerminalUi>(answers_file, color);
}

}  // namespace pindex::cli

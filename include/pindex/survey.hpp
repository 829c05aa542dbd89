#pragma once
// The survey engine: what to ask next, what a reply means, and saving after every accepted
// answer. It knows nothing of terminals. It hands a SurveyUi a Prompt that holds the current
// answer as data (the options selected, the value, the journey grid's cells), and the UI
// answers with a typed Reply: a line typed (which the engine reads), options chosen, cells
// set, or a command (back, help, skip, keep, quit). Plain mode and the terminal are two faces
// of the same conversation.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"
#include "pindex/survey_time.hpp"

namespace pindex {

// One thing the survey asks:
// - organization, respondent: text about the assessment;
// - custom_axes: before an extensible matrix, the company's own journey steps and channels;
// - grid: a whole matrix on one screen (terminal); row: one journey step's cells as one line
//   (plain mode);
// - question: a choice, multi-select or number question;
// - interactions: last, optional and unscored, when the rubric reads the advantage.
struct SurveyItem {
    enum class Kind { organization, respondent, custom_axes, grid, row, question, interactions };
    Kind kind = Kind::question;
    const Part* part = nullptr;
    const Question* question = nullptr;
    Axis row{};  // row items: a copy, since custom rows live in the answers

    // "organization", "respondent", "journey+" (its own steps and channels), "journey" (the
    // grid or a question), "journey.discover" (a row), "yearly_interactions".
    std::string key() const;
};

// A journey cell as the survey shows it.
struct GridCell {
    enum class State { unrated, not_applicable, rated };
    State state = State::unrated;
    std::size_t level = 0;  // rated: index into the levels, 0 the worst

    friend bool operator==(const GridCell&, const GridCell&) = default;
};

// A matrix as data: its steps, channels, levels and every cell's state.
struct GridView {
    std::vector<Axis> rows;     // journey steps (a row item: just its own)
    std::vector<Axis> columns;  // channels
    std::vector<std::string> levels;  // level labels, worst first; typed as 1..N
    std::string not_applicable;       // what n/a means, in words
    std::vector<std::vector<GridCell>> cells;  // [row][column]
    std::size_t first_row = 0;  // a row item: its index among all the matrix's rows
    std::size_t row_count = 0;  // all the matrix's rows

    std::size_t count(GridCell::State state) const;
};

// Everything a UI needs to show one prompt, the current answer included.
struct Prompt {
    SurveyItem item;
    std::string section;       // the part's name, "About this assessment", or "Optional"
    // Progress counts what a respondent sees as questions: the rubric's questions this survey
    // asks (the journey grid is one), as the closing line does. 0 for the items around them.
    int question_number = 0;
    int question_total = 0;
    double seconds_left = 0;   // this item, the ones after it, the review and the result
    std::string text;          // the question, or "Organization assessed"
    std::string context;       // a short name for the item ("Your own journey steps and channels")
    std::string help;

    // choice and multi
    std::vector<std::string> choices;   // option labels, typed as 1..N
    bool multiple = false;
    std::vector<std::size_t> selected;  // the current answer's options (multi: possibly none)
    // number and text items
    std::string unit;                   // number questions
    std::string range;                  // number questions: "from 0 to 100"
    std::optional<double> number;       // number questions and interactions: the current value
    std::string text_value;             // organization, respondent: the current text
    // grid and row
    GridView grid;
    // custom_axes: the steps and channels the answers added, which can be removed
    std::vector<std::string> removable;

    bool answered = false;  // there is a current answer: Enter alone keeps it
    bool optional = false;  // Enter alone on an empty answer moves on (text items, interactions)
};

// What the UI answers to a prompt.
struct Reply {
    enum class Kind {
        line,          // text typed and confirmed: the engine reads it (numbers, names, "2 3 n 1")
        choose,        // options chosen by index (choice: one; multi: any, none meaning "none of these")
        set_cells,     // grid cells changed; the grid stays on screen
        keep,          // Enter alone: keep the current answer and go on
        back,          // the previous item
        help,          // the item's help
        skip,          // leave it unanswered (clearing an answer it had) and go on
        quit,          // save and stop
        end_of_input,  // stdin closed
        interrupted,   // Ctrl-C
    };
    struct CellChange {
        std::size_t row = 0;     // index into the prompt's grid rows
        std::size_t column = 0;
        GridCell value;
    };

    Kind kind = Kind::line;
    std::string line;                   // line
    std::vector<std::size_t> options;   // choose
    std::vector<CellChange> cells;      // set_cells

    static Reply of(Kind kind) { return Reply{kind, {}, {}, {}}; }
};

// The keys both faces share, read from one typed line: "q", "?", "b", "s" and an empty line
// are commands; anything else is a line for the engine to read.
Reply reply_from_line(std::string_view typed);

// Why an answers file could not hold this text as the loader reads it back (not UTF-8, a
// control character, longer than limits::kMaxTextBytes), or "" when it can. Everything typed
// in the survey or passed with --org and --respondent is checked so, so a saved file loads.
std::string text_value_problem(std::string_view text);

// A journey step's line for `columns` channels, as an example to type: "2 3 n 1 1 4".
std::string example_row_line(std::size_t columns);

// One line of the review: a question (the journey grid is one) or an item about the assessment.
struct ReviewEntry {
    std::string section;  // "Know me"
    std::string label;    // the question, or a short name for it
    std::string answer;   // in words, "" when unanswered
    bool complete = false;
    bool optional = false;  // never counted as missing
};

// What the intro says: the estimate for what is left, and how much that is.
struct SurveyIntro {
    double seconds_left = 0;
    int questions_left = 0;  // the rubric's questions still open
    int question_total = 0;
    bool resumed = false;    // some answers were there before this run
};

class SurveyUi {
public:
    virtual ~SurveyUi() = default;
    // Terminal: the whole journey grid on one screen; plain: one line per journey step.
    virtual bool shows_grid() const = 0;
    // Plain mode has no review: the survey ends after the last question.
    virtual bool supports_review() const = 0;

    virtual void show_intro(const Rubric& rubric, const SurveyIntro& intro) = 0;
    virtual Reply ask(const Prompt& prompt) = 0;
    virtual void show_hint(const std::string& message) = 0;  // one line, after a reply the engine refused
    virtual void show_help(const Prompt& prompt) = 0;
    // The answer the engine accepted, in words ("Extensively", "40%", "added Renewal call"):
    // the only echo of a reply, so nothing refused is ever shown as accepted.
    virtual void show_accepted(const Prompt& prompt, const std::string& words) = 0;
    // Reply: a line (an entry's number), choose (an entry's index), keep (finish), quit.
    virtual Reply ask_review(const std::vector<ReviewEntry>& entries) = 0;
};

enum class SurveyOutcome {
    finished,      // every applicable question answered and confirmed
    incomplete,    // reached the end with questions skipped
    quit,          // 'q'
    end_of_input,  // stdin closed
    interrupted,   // Ctrl-C
};

// Time sources, replaceable in tests.
struct SurveyClock {
    std::function<double()> monotonic_seconds;
    std::function<std::string()> utc_now;  // "2026-11-23T09:30:00Z"
    static SurveyClock system();
};

// A pause longer than this between a prompt and its answer counts as this long, so that a
// survey left open over lunch does not count as time spent answering.
inline constexpr double kMaxActiveSecondsPerAnswer = 300;

// The longest name a respondent may give their own journey step or channel, in characters (at
// most 320 bytes: within the loader's limits::kMaxLabelBytes).
inline constexpr std::size_t kMaxCustomAxisLabel = 80;

class Survey {
public:
    using Saver = std::function<void(const Answers&)>;

    Survey(const Rubric& rubric, Answers answers, Saver save, SurveyClock clock = SurveyClock::system(),
           SurveyTimeModel time_model = {});

    // Ask for the organization and respondent at the start of this run.
    void ask_metadata(bool organization, bool respondent);
    SurveyOutcome run(SurveyUi& ui);
    const Answers& answers() const { return answers_; }

    // The items to ask given the answers so far, in survey order; a matrix is one grid item, or
    // one row item per journey step when `grid` is false.
    std::vector<SurveyItem> plan(bool grid) const;
    bool is_answered(const SurveyItem& item) const;
    Prompt prompt_for(const std::vector<SurveyItem>& items, std::size_t index) const;
    // The intro's facts for the items planned, counting only what is still open.
    SurveyIntro intro(const std::vector<SurveyItem>& items) const;

    // Applies a reply that carries an answer (line, choose, set_cells, skip) to an item.
    // Returns the accepted answer in words, or a one-line hint when it was refused.
    struct Applied {
        bool accepted = false;
        std::string words;  // accepted: the answer in words; refused: the hint
    };
    Applied apply(const SurveyItem& item, const Reply& reply);

    // The review's entries, and for each the items it opens.
    std::vector<ReviewEntry> review_entries(bool grid, std::vector<std::vector<SurveyItem>>* items = nullptr) const;

private:
    enum class Step { done, quit, end_of_input, interrupted };
    using ItemSource = std::function<std::vector<SurveyItem>()>;

    Step ask_items(SurveyUi& ui, const ItemSource& items, std::size_t start, bool pass_answered);
    Step review(SurveyUi& ui);
    Applied apply_line(const SurveyItem& item, const std::string& line);
    Applied apply_choice(const SurveyItem& item, const std::vector<std::size_t>& options);
    Applied apply_cells(const SurveyItem& item, const std::vector<Reply::CellChange>& cells);
    Applied apply_row_line(const SurveyItem& item, const std::string& line);
    Applied apply_custom_axes(const Question& question, const std::string& line);
    Applied skip(const SurveyItem& item);
    double item_seconds(const SurveyItem& item) const;
    std::string current_words(const SurveyItem& item) const;
    void save();

    const Rubric& rubric_;
    Answers answers_;
    Saver save_;
    SurveyClock clock_;
    SurveyTimeModel time_model_;
    bool ask_organization_ = false;
    bool ask_respondent_ = false;
    bool organization_asked_ = false;
    bool respondent_asked_ = false;
    bool interactions_asked_ = false;
    std::vector<std::string> custom_axes_done_;  // matrices whose "add your own" prompt was passed
};

}  // namespace pindex

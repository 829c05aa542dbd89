#pragma once
// The survey engine: what to ask next, what a typed line means, and saving after every
// confirmed answer. It knows nothing of terminals: a SurveyUi shows prompts and returns what
// was typed as one line, so the same keys work in plain mode and in a terminal.
#include <functional>
#include <string>
#include <vector>

#include "pindex/answers.hpp"
#include "pindex/rubric.hpp"

namespace pindex {

// One thing the survey asks: the organization or respondent, a question, a matrix cell,
// (before a matrix whose rubric allows it) the company's own journey steps and channels, or
// (last, optional and unscored, when the rubric reads the advantage) the yearly interactions.
struct SurveyItem {
    enum class Kind { organization, respondent, question, cell, custom_axes, interactions };
    Kind kind = Kind::question;
    const Part* part = nullptr;
    const Question* question = nullptr;
    Axis row{};     // cells only; a copy, since custom rows live in the answers
    Axis column{};  // cells only

    // "organization", "respondent", "journey", "journey.discover.web" for a cell, "journey+" for
    // its custom steps and channels, "yearly_interactions".
    std::string key() const;
};

// Everything a UI needs to show one prompt.
struct Prompt {
    SurveyItem item;
    std::string section;       // the part's name, or "About this assessment"
    int position = 0;          // 1-based among the items planned
    int total = 0;             // only items that will be asked (a `when` that fails removes one)
    double seconds_left = 0;   // estimate for this item and the ones after it
    std::string text;          // the question, or "Organization"
    std::string context;       // cells: "Discover (ads, search, first visit) · Website"; a short name for the item
    std::vector<std::string> choices;  // numbered from 1: options or levels
    bool multiple = false;     // multi: several numbers may be typed
    bool cell = false;         // matrix cell: 'n' marks it n/a
    std::string not_applicable;  // cells: what n/a means ("not used here: ...")
    std::string unit;          // number questions
    std::string range;         // number questions: "from 0 to 100"
    std::string help;
    std::string current;       // the current answer as it would be typed ("2", "1 3", "55", "n"), or ""
    // Cells: each column of this row with its answer ("Moderately", "n/a", or "" if none yet).
    std::vector<std::pair<std::string, std::string>> row_answers;
    std::size_t column_index = 0;  // cells: which of row_answers is being asked
};

enum class InputStatus { line, end_of_input, interrupted };

struct UserInput {
    InputStatus status = InputStatus::line;
    std::string text;
};

// One line of the review: a question, or one row of a matrix.
struct ReviewEntry {
    std::string label;   // "Know me · Where does your customer data live?"
    std::string answer;  // "One profile per customer ...", or "" when unanswered
    bool complete = false;
};

class SurveyUi {
public:
    virtual ~SurveyUi() = default;
    virtual void show_intro(const Rubric& rubric, double estimated_seconds) = 0;
    virtual UserInput ask(const Prompt& prompt) = 0;
    virtual void show_hint(const std::string& message) = 0;  // one line, after invalid input
    virtual void show_help(const Prompt& prompt) = 0;
    // Plain mode has no review: the survey ends after the last question.
    virtual bool supports_review() const = 0;
    // Entries numbered from 1; the line typed: a number to change it, empty to finish, q.
    virtual UserInput ask_review(const std::vector<ReviewEntry>& entries) = 0;
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

class Survey {
public:
    using Saver = std::function<void(const Answers&)>;

    Survey(const Rubric& rubric, Answers answers, Saver save, SurveyClock clock = SurveyClock::system());

    // Ask for the organization and respondent at the start of this run.
    void ask_metadata(bool organization, bool respondent);
    SurveyOutcome run(SurveyUi& ui);
    const Answers& answers() const { return answers_; }

    // The items to ask given the answers so far, in survey order.
    std::vector<SurveyItem> plan() const;
    bool is_answered(const SurveyItem& item) const;
    Prompt prompt_for(const std::vector<SurveyItem>& items, std::size_t index) const;

    // Applies a typed line to an item. Returns "" on success, or a one-line hint.
    std::string apply(const SurveyItem& item, const std::string& line);

private:
    enum class Step { done, quit, end_of_input, interrupted };
    using ItemSource = std::function<std::vector<SurveyItem>()>;

    Step ask_items(SurveyUi& ui, const ItemSource& items, std::size_t start);
    Step review(SurveyUi& ui);
    std::vector<ReviewEntry> review_entries(std::vector<ItemSource>& sources) const;
    std::string add_custom_axis(const Question& question, const std::string& line);
    void save();

    const Rubric& rubric_;
    Answers answers_;
    Saver save_;
    SurveyClock clock_;
    bool ask_organization_ = false;
    bool ask_respondent_ = false;
    bool organization_asked_ = false;
    bool respondent_asked_ = false;
    bool interactions_asked_ = false;
    std::vector<std::string> custom_axes_done_;  // matrices whose "add your own" prompt was passed
};

// What a line typed at the prompt answers, in words: "Extensively", "Owners; Consent", "55%",
// "n/a", "added Renewal call", "(skipped)". The terminal echoes it once the line is confirmed.
std::string typed_answer_words(const Prompt& prompt, const std::string& line);

}  // namespace pindex

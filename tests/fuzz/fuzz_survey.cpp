// Fuzz target: the whole survey engine fed what a respondent might type. The first byte picks
// the face (plain: a line per journey step; terminal: the grid, with choices and cells as typed
// replies) and whether the organization and respondent are asked; each following line is one
// reply. Invariant: every file the survey saves loads back, answers and organization equal, and
// the survey ends whatever arrives.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "pindex/answers.hpp"
#include "pindex/diagnostic.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"
#include "pindex/survey.hpp"

namespace {

// Replies from the input's lines. A line starting with byte 1 chooses options (each following
// byte an index); byte 2 sets cells (four bytes each: row, column, state, level); byte 3 is
// Ctrl-C; anything else is typed.
class FuzzUi : public pindex::SurveyUi {
public:
    FuzzUi(std::vector<std::string> lines, bool grid) : lines_(std::move(lines)), grid_(grid) {}
    bool shows_grid() const override { return grid_; }
    bool supports_review() const override { return grid_; }
    void show_intro(const pindex::Rubric&, const pindex::SurveyIntro& intro) override {
        PINDEX_FUZZ_CHECK(intro.seconds_left >= 0 && intro.questions_left <= intro.question_total);
    }
    pindex::Reply ask(const pindex::Prompt& prompt) override {
        PINDEX_FUZZ_CHECK(prompt.question_number <= prompt.question_total);
        PINDEX_FUZZ_CHECK(prompt.seconds_left >= 0);
        return next();
    }
    void show_hint(const std::string& message) override { PINDEX_FUZZ_CHECK(!message.empty()); }
    void show_help(const pindex::Prompt&) override {}
    void show_accepted(const pindex::Prompt&, const std::string&) override {}
    pindex::Reply ask_review(const std::vector<pindex::ReviewEntry>&) override { return next(); }

private:
    pindex::Reply next() {
        // A bounded conversation: past the input, the respondent closes the terminal.
        if (position_ >= lines_.size() || ++replies_ > 2000) return pindex::Reply::of(pindex::Reply::Kind::end_of_input);
        const std::string& line = lines_[position_++];
        if (!line.empty() && line[0] == '\x01') {
            pindex::Reply reply = pindex::Reply::of(pindex::Reply::Kind::choose);
            for (std::size_t i = 1; i < line.size(); ++i) reply.options.push_back(static_cast<unsigned char>(line[i]) % 12);
            return reply;
        }
        if (!line.empty() && line[0] == '\x02') {
            pindex::Reply reply = pindex::Reply::of(pindex::Reply::Kind::set_cells);
            for (std::size_t i = 1; i + 3 < line.size(); i += 4) {
                auto byte = [&](std::size_t k) { return static_cast<std::size_t>(static_cast<unsigned char>(line[k])); };
                pindex::GridCell cell{static_cast<pindex::GridCell::State>(byte(i + 2) % 3), byte(i + 3) % 6};
                reply.cells.push_back({byte(i) % 10, byte(i + 1) % 10, cell});
            }
            return reply;
        }
        if (line == "\x03") return pindex::Reply::of(pindex::Reply::Kind::interrupted);
        return pindex::reply_from_line(line);
    }

    std::vector<std::string> lines_;
    bool grid_;
    std::size_t position_ = 0;
    int replies_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const pindex::Rubric& rubric = pindex::default_rubric();
    bool grid = data[0] & 1, metadata = data[0] & 2;
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 1; i < size; ++i) {
        if (data[i] == '\n') {
            lines.push_back(line);
            line.clear();
        } else {
            line += static_cast<char>(data[i]);
        }
    }
    lines.push_back(line);
    FuzzUi ui(lines, grid);
    double clock = 0;
    pindex::SurveyClock fixed{[&clock] { return clock += 1; }, [] { return std::string("2026-11-28T10:00:00Z"); }};
    pindex::Survey survey(rubric, {}, [&](const pindex::Answers& answers) {
        std::string saved = pindex::write_answers_yaml(answers, rubric);
        pindex::Answers again;
        try {
            again = pindex::load_answers(saved, "saved.yaml", rubric);
        } catch (const pindex::InputError&) {
            PINDEX_FUZZ_CHECK(!"a file the survey saved does not load");
        }
        PINDEX_FUZZ_CHECK(again.answers == answers.answers);
        PINDEX_FUZZ_CHECK(again.organization == answers.organization);
        PINDEX_FUZZ_CHECK(again.respondent == answers.respondent);
        PINDEX_FUZZ_CHECK(again.yearly_interactions == answers.yearly_interactions);
    }, fixed);
    survey.ask_metadata(metadata, metadata);
    pindex::SurveyOutcome outcome = survey.run(ui);
    pindex::Score score = pindex::score_answers(rubric, survey.answers());
    PINDEX_FUZZ_CHECK(score.index >= 0 && score.index <= 100);
    if (outcome == pindex::SurveyOutcome::finished) PINDEX_FUZZ_CHECK(score.completeness.complete());
    return 0;
}

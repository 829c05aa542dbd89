#pragma once
// The rubric: parts, their weights, objective questions with scored options, and the published
// benchmarks. A rubric is data (rubrics/*.yaml); the default one is compiled into the binary.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pindex {

enum class QuestionType { choice, multi, number, matrix };

std::string_view to_string(QuestionType type);
std::optional<QuestionType> question_type_from_string(std::string_view text);

// An answer a person can pick: a choice or multi option, or a matrix level.
struct Option {
    std::string id;
    std::string label;
    double score = 0;    // in [0, 1]
    std::string advice;  // optional: how to reach this option, for the report's moves
    // Optional, pindex's convention: the effort of the step that reaches this option (a tick,
    // for multi), a whole number in [limits::kMinEffort, kMaxEffort]; `pindex plan` counts an
    // option without one as 1, so a rubric without efforts plans by the number of steps.
    std::optional<int> effort = std::nullopt;
};

// A number question's band: min <= value < max. No max means no upper bound. The last band of
// a question also holds its max (so a percentage band [75, 100] accepts 100).
struct Band {
    double min = 0;
    std::optional<double> max;
    double score = 0;
    std::string advice;  // optional: how to reach this band, for the report's moves
    std::optional<int> effort = std::nullopt;  // optional: as Option::effort
};

// A matrix row (journey step) or column (channel).
struct Axis {
    std::string id;
    std::string label;
};

// "Ask and score this question only if `question` was answered with one of `in`."
struct Condition {
    std::string question;
    std::vector<std::string> in;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::choice;
    double weight = 1;
    std::string text;
    std::string help;
    std::optional<Condition> when;
    std::vector<Option> options;  // choice and multi
    std::vector<Band> bands;      // number
    std::string unit;             // number: what the value counts ("weeks", "%")
    std::vector<Axis> rows;       // matrix
    std::vector<Axis> columns;    // matrix
    std::vector<Option> levels;   // matrix
    bool custom_rows = false;     // matrix: answers may add their own rows (journey steps)
    bool custom_columns = false;  // matrix: answers may add their own columns (channels)
    std::string not_applicable;   // matrix, optional: what marking a cell n/a means, in words

    const Option* find_option(std::string_view option_id) const;
    const Option* find_level(std::string_view level_id) const;
    // The band holding value, or nullptr when value lies outside every band.
    const Band* find_band(double value) const;
};

struct Part {
    std::string id;
    std::string name;
    double weight = 0;  // points; all parts sum to 100
    std::string description;
    std::vector<Question> questions;
    // Optional, pindex's convention: `pindex plan` puts steps in foundation parts before the
    // others (docs/analysis.md). It changes no score.
    bool foundation = false;
};

// How the rubric reads the personalization advantage P = n × v² (docs/analysis.md): which
// number question gives the speed v, and the reference speed P is shown against. No units are
// published for P, so pindex only ever shows it as a ratio.
enum class SpeedMeasure {
    cycle_time,  // the answer is a time per cycle ("weeks from idea to launch"): v = 1 / answer
    rate,        // the answer is a count per period ("experiments a year"): v = answer
};

std::string_view to_string(SpeedMeasure measure);
std::optional<SpeedMeasure> speed_measure_from_string(std::string_view text);

struct AdvantageRule {
    std::string speed_question;  // a number question of the rubric
    SpeedMeasure measure = SpeedMeasure::cycle_time;
    double reference = 0;        // in the speed question's unit; positive
    std::string reference_label; // what the reference is, in words, with its source
};

// An earlier version of the rubric, and the questions whose meaning has changed since: an
// answers file answered for that version is scored under this one only when it answers none
// of them (load_answers).
struct EarlierVersion {
    std::string version;
    std::vector<std::pair<std::string, std::string>> changed;  // question id -> what changed, how to update

    const std::string* change_of(std::string_view question_id) const;
};

// A published reference score, carried with its source.
struct Benchmark {
    std::string id;
    std::string label;
    double score = 0;
    std::string source;
};

struct Rubric {
    std::string id;
    std::string version;
    std::string name;
    std::string description;
    std::string calibration;               // optional: how the scale relates to the benchmarks, in one sentence
    std::vector<std::string> conventions;  // the tool's own conventions, stated as such
    std::vector<Benchmark> benchmarks;
    std::vector<Part> parts;
    std::optional<AdvantageRule> advantage;  // absent: the reports show no advantage
    std::vector<EarlierVersion> earlier_versions;  // oldest first

    const EarlierVersion* find_earlier_version(std::string_view version) const;

    const Question* find_question(std::string_view question_id) const;
    const Part* find_part(std::string_view part_id) const;
    std::size_t question_count() const;
};

// The id answers files use for a matrix cell left out on purpose.
inline constexpr std::string_view kNotApplicable = "n/a";

// What marking a cell n/a means for this matrix: the rubric's words, or a generic phrase.
std::string not_applicable_words(const Question& matrix);

// Parses and validates a rubric. Throws InputError listing every problem found.
Rubric load_rubric(std::string_view text, const std::string& file);

// The rubric compiled into the binary: rubrics/personalization-index.yaml, validated and turned
// into code at build time (src/tools/embed_rubric.cpp).
const Rubric& default_rubric();

}  // namespace pindex

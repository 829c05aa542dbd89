#pragma once
// The report model: everything a writer (text, JSON, Markdown, HTML, SVG, CSV, JUnit) shows about one
// scored answers file. Writers only format; every number is computed here or in scoring.
#include <optional>
#include <string>
#include <vector>

#include "pindex/advantage.hpp"
#include "pindex/answers.hpp"
#include "pindex/moves.hpp"
#include "pindex/rubric.hpp"
#include "pindex/scoring.hpp"
#include "pindex/thresholds.hpp"

namespace pindex {

// One question as the reports show it: what was asked, what was answered, what it earned.
struct QuestionReport {
    std::string id;
    std::string text;
    QuestionType type = QuestionType::choice;
    double weight = 1;
    bool applicable = true;
    bool answered = false;   // fully: every matrix cell
    double score = 0;        // in [0, 1]
    double points = 0;       // what it adds to the index: part weight x its share of the part
    double max_points = 0;   // what it would add at score 1 (0 when not applicable)
    std::optional<AnswerValue> answer;  // as given in the answers file; empty when unanswered
    std::string answer_text;            // the answer in words: option labels, "6 weeks", level counts
    std::vector<Axis> rows, columns;    // matrix: the rubric's and the answers' own, for showing the grid
    std::vector<Option> levels;         // matrix: the levels, for the cells' labels
    std::string note;                   // from the answers file

    // Matrix: the id of a cell's level or kNotApplicable, or nullptr when the cell is unanswered.
    const std::string* cell(std::string_view row, std::string_view column) const;
    // Matrix: the level with that id, or nullptr (for kNotApplicable).
    const Option* level(std::string_view level_id) const;
};

struct PartReport {
    std::string id;
    std::string name;
    std::string description;
    double weight = 0;      // the most points this part can give
    double fraction = 0;    // in [0, 1]
    double points = 0;      // weight x fraction, unrounded
    bool applicable = true; // false when none of its questions applies (then it scores 0)
    std::vector<QuestionReport> questions;
};

struct BenchmarkPosition {
    Benchmark benchmark;
    double delta = 0;  // index - benchmark score, rounded to one decimal
};

// Where the index lies among the published benchmarks: below the lowest, between two, or at or
// above the highest. The bands are the tool's convention, derived only from the rubric's
// benchmarks (docs/reports.md), so they carry no figure of their own.
struct IndexBand {
    const Benchmark* lower = nullptr;  // the highest benchmark at or below the index, if any
    const Benchmark* upper = nullptr;  // the lowest benchmark above the index, if any
    std::string words;                 // "below the Average company (49)"
};

// Where the index and each part stand among a peer benchmark set (pindex benchmark build).
struct PeerPosition {
    std::string source;      // the set's file
    std::size_t count = 0;   // assessments in the set
    double percentile = 0;   // of the index, in [0, 100]
    double mean = 0, q1 = 0, median = 0, q3 = 0;  // of the set's indexes
    std::vector<std::pair<std::string, double>> parts;  // part id -> percentile of its points
};

struct Report {
    std::string tool_version;
    std::string rubric_id;
    std::string rubric_version;
    std::string rubric_name;
    std::vector<std::string> rubric_conventions;
    std::string calibration;  // the rubric's sentence on how its scale relates to the benchmarks, or ""
    std::string source;  // the answers file as named on the command line ("-" for stdin)
    std::string organization;
    std::string respondent;
    std::string date;
    double index = 0;  // rounded to one decimal: the reported value, and the one thresholds use
    std::vector<PartReport> parts;
    Completeness completeness;
    std::vector<BenchmarkPosition> benchmarks;
    std::vector<ThresholdResult> thresholds;
    std::vector<Move> moves;  // every step that raises the index, best first
    std::optional<PeerPosition> peers;  // only with --benchmarks SET
    std::optional<Advantage> advantage; // P = n × v² against the rubric's reference, when computable

    bool thresholds_passed() const;
    IndexBand index_band() const;
};

Report build_report(const Rubric& rubric, const Answers& answers, const std::string& source,
                    const std::vector<Threshold>& thresholds);

// Words every writer uses the same way.
std::string percent_words(double fraction);  // 0.3136 -> "31%"
std::string delta_words(double delta);  // -12.4 -> "12.4 below", 6.3 -> "6.3 above", 0 -> "level with it"
// "Complete: all 22 applicable questions answered." or "Incomplete: 2 of 22 applicable questions
// answered; missing answers score 0. Missing: a, b and 3 more."
std::string completeness_words(const Completeness& completeness);
// "Among 120 assessments of peers.json: above 63% of them (ties count half); their median 52.3,
// middle half 44.1 to 60.2."
std::string peer_words(const PeerPosition& peers, double index);
// What a move changes: "senior-leader" or "journey: Research and compare / Website".
std::string move_target_words(const Move& move);

}  // namespace pindex

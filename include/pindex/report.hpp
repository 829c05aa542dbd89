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
    std::string source;      // the set's file name, without its folders
    std::size_t count = 0;   // assessments in the set
    bool includes_this = false;  // this very assessment (organization, date, answers) is one of them
    double percentile = 0;   // of the index, in [0, 100]
    double mean = 0, q1 = 0, median = 0, q3 = 0;  // of the set's indexes
    std::vector<std::pair<std::string, double>> parts;  // part id -> percentile of its points
};

struct Report {
    std::string tool_version;
    std::string rubric_id;
    std::string rubric_version;
    std::string rubric_name;
    std::string rubric_description;  // what the index is, in the rubric's words
    std::vector<std::string> rubric_conventions;
    std::string calibration;  // the rubric's sentence on how its scale relates to the benchmarks, or ""
    std::string source;  // the answers file as named on the command line ("-" for stdin)
    std::string input_sha256;  // of the answers file's bytes, or "" when unknown (a report read back)
    std::string generated_at;  // when the report was made, ISO 8601 UTC ("2026-11-23T10:15:00Z"), or ""
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
// "Among the 120 assessments of your peer set (peers.json), this index of 44.9 lies above 63% of
// them (ties count half); their median is 52.3, their middle half 44.1 to 60.2.", and when the
// set holds this very assessment, a sentence saying so. No folder is shown.
std::string peer_words(const PeerPosition& peers, double index);
// What a move changes, in the rubric's words: "Accountability: Who is accountable for
// personalization, and with what powers?" or "Empower me: Research and compare, in Website".
std::string move_target_words(const Move& move);
// Where a published benchmark lies above the index: "The fewest steps to the Average company
// (49), found by exact search: pindex plan answers.yaml --target average"; else "".
std::string plan_pointer_words(const Report& report);
// The whole step in words: "Accountability: Who is accountable ...? A named manager -> A named VP".
std::string move_change_words(const Move& move);
// The caveat that goes beside an incomplete index: "Incomplete: 2 of 21 applicable questions
// answered; missing answers score 0" (no final stop); "" when complete.
std::string incomplete_caveat(const Completeness& completeness);
// The benchmarks' sources in one short citation: "Benchmarks 49 and 72: Abraham and Edelman,
// 'Personalization Done Right', Harvard Business Review, Nov-Dec 2024." (each distinct source
// up to its first colon); "" without benchmarks.
std::string benchmark_citation(const Report& report);
// What a first-time reader needs: what the index is, its parts, what the benchmarks are.
std::vector<std::string> legend_lines(const Report& report);
// The "so what" in one sentence: the weakest part (by share of its maximum), the part with the
// most points missing, and the best first move. "" when there is nothing to say (no parts).
std::string so_what(const Report& report);

}  // namespace pindex

#pragma once
// Comparing two assessments of the same rubric (say, last year's and this year's): the change
// of the index and of each part, and the answers that changed. Either side may be an answers
// file or a JSON report; both become a Report first, so the arithmetic is the reports'.
#include <optional>
#include <string>
#include <vector>

#include "pindex/report.hpp"

namespace pindex {

struct PartChange {
    std::string id;
    std::string name;
    double weight = 0;
    double before = 0, after = 0;  // points, unrounded
    double delta = 0;              // after - before
};

// A matrix cell whose level changed; levels in words ("Moderately"), "n/a", or "not answered".
struct CellChange {
    Axis row, column;
    std::string before, after;
    bool scope_changed = false;  // to or from n/a: the cell left or joined what is scored
};

struct AnswerChange {
    std::string question;
    std::string part;
    std::string text;
    std::string before, after;     // the answers in words; "not answered" when absent
    double points_delta = 0;       // what the question adds to the index now minus then
    std::vector<CellChange> cells; // matrix: the cells that changed
};

struct AssessmentSide {
    std::string source;
    std::string organization;
    std::string date;
    std::string rubric_version;
    double index = 0;
};

struct Comparison {
    std::string rubric_id;
    std::string rubric_name;
    AssessmentSide before, after;
    double index_delta = 0;            // after - before, of the rounded indexes, one decimal
    std::string after_position;        // where the newer index stands: "below the Average company (49): 4.1 below
                                       // the Average company (49); 27.1 below ...", or "" without benchmarks
    std::string benchmark_citation;    // the benchmarks' sources in one short citation, or ""
    std::vector<PartChange> parts;     // parts both sides have, in the newer rubric's order
    std::vector<AnswerChange> answers; // largest change of points first
    // What the reader must know before trusting the change: two organizations, another rubric
    // version, an incomplete side, journey cells whose scope changed (to or from n/a).
    std::vector<std::string> notes;
    std::optional<AdvantageChange> advantage;  // when both sides measure speed the same way
};

// Throws InputError when the two use different rubrics.
Comparison compare_reports(const Report& before, const Report& after);

// The comparison in one sentence: how far the index moved, the part that moved most, and where
// the newer index stands.
std::string comparison_so_what(const Comparison& comparison);

// The published association of the index with Net Promoter Score (docs/methodology.md),
// worded as a correlation across companies, never as a forecast for one.
std::string nps_context();

}  // namespace pindex

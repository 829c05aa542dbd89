#pragma once
// Scoring many answers files at once (`pindex score FILE|DIR...`): one summary row per file,
// the rubric loaded once, files scored on several threads, and an invalid file reported without
// stopping the rest.
#include <optional>
#include <string>
#include <vector>

#include "pindex/diagnostic.hpp"
#include "pindex/rubric.hpp"
#include "pindex/thresholds.hpp"

namespace pindex {

struct BatchRow {
    std::string organization, respondent, date;
    double index = 0;                        // rounded to one decimal, as in every report
    bool complete = true;
    std::vector<double> part_points;         // unrounded, in the rubric's part order
    std::optional<bool> thresholds_passed;   // only when thresholds were given
    std::vector<ThresholdResult> missed;     // the thresholds this file did not meet
};

// One input file: its row, or the errors that kept it from being scored.
struct BatchItem {
    std::string file;
    std::optional<BatchRow> row;
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
};

struct BatchOptions {
    std::vector<Threshold> thresholds;
    bool allow_incomplete = false;  // else an incomplete file is an error, as in single-file score
    unsigned jobs = 1;              // threads; 0 means one per core
};

// The files to score, and what the walk met on the way.
struct ExpandedInputs {
    std::vector<std::string> files;
    // An error for each directory that could not be read (the walk goes on with the others); a
    // warning for each entry named like an answers file that is not a regular file (skipped).
    std::vector<Diagnostic> problems;

    bool has_errors() const;
};

// The paths given, each directory replaced by the answers files under it (.yaml, .yml, .json,
// recursively, hidden entries and links to directories skipped), sorted so that runs are
// reproducible. A path given itself stays in the list whatever it is (a missing file, a FIFO):
// scoring it reports it or reads it.
ExpandedInputs expand_inputs(const std::vector<std::string>& paths);

// Scores every file; items come back in the order of `files`, whatever the threads did.
std::vector<BatchItem> score_batch(const Rubric& rubric, const std::vector<std::string>& files,
                                   const BatchOptions& options);

// One header line, then a row per scored file: file, organization, respondent, date, index,
// complete, each part's points by part id, and thresholds_passed when thresholds were given.
std::string write_batch_csv(const Rubric& rubric, const std::vector<BatchItem>& items);
// One JSON object per line per scored file, with the same fields ("parts": {id: points}).
std::string write_batch_jsonl(const Rubric& rubric, const std::vector<BatchItem>& items);

}  // namespace pindex

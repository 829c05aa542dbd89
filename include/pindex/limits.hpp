#pragma once
// Limits on what pindex reads, in one place (documented in docs/answers-format.md#limits). Real
// answers files and rubrics are a few kilobytes; anything near these limits is not one. Each
// limit turns a hostile file into one positioned error line and exit 2, in bounded time and memory.
#include <cstddef>

namespace pindex::limits {

// A whole input file (answers, rubric, JSON report, benchmark set).
inline constexpr std::size_t kMaxInputBytes = 8u * 1024u * 1024u;

// One text value: an organization, a note, a label. A long note is a few kilobytes.
inline constexpr std::size_t kMaxTextBytes = 64u * 1024u;

// A label (of an option, a level, a journey step or a channel) and a move's advice are repeated
// once per cell or move in a report: the JSON report of an 80 x 80 grid holds 6,400 moves, each
// with its step, channel and level labels and its advice. The longest in the built-in rubric are
// 152 and 171 bytes.
inline constexpr std::size_t kMaxLabelBytes = 500;
inline constexpr std::size_t kMaxAdviceBytes = 2048;

// A whole document with every YAML alias replaced by the value it repeats (each node counts one
// byte, each text value its length): what pindex would read if it read everything. An anchored
// 64 KiB text repeated by 20,000 aliases fits in a 600 KB file and expands to 1.3 GB; a real
// file reuses a row or a level a few times.
inline constexpr std::size_t kMaxExpandedBytes = 16u * 1024u * 1024u;

// Nesting of maps and lists. This is yaml-cpp's own guard (DepthGuard<500> in its parser),
// stated here so that the message can name it; pindex files nest fewer than 10 levels.
inline constexpr int kMaxNestingDepth = 500;

// Errors printed for one file; the rest are counted on a last line. A file with thousands of
// unknown keys is not a typo to fix one by one.
inline constexpr std::size_t kMaxErrorsShown = 20;

// One printed message, so that a value quoted in an error cannot flood a CI log.
inline constexpr std::size_t kMaxMessageBytes = 1000;

// Part and question weights in a rubric: positive, and within a range where weighted means stay
// exact enough (a part's weights sum to at most a few thousand, never overflowing).
inline constexpr double kMinWeight = 0.001;
inline constexpr double kMaxWeight = 1000;

// The effort a rubric may give an option, level or band (pindex's convention, for `pindex
// plan`): whole numbers, so that plans compare totals exactly; at most 100 times the smallest.
inline constexpr int kMinEffort = 1;
inline constexpr int kMaxEffort = 100;

// `pindex plan`'s exact search fills a table of (ways the conditions can end) x (states of
// each answer) x (effort totals). The built-in rubric needs under 100,000 cells at its worst;
// this bound keeps a huge answers file (thousands of custom journey cells) or a rubric with
// dozens of conditions within a second and a hundred megabytes.
inline constexpr double kMaxPlanWork = 30e6;

// A multi-select question that a `when` names: its unticked options are searched one subset at
// a time, so at most this many.
inline constexpr std::size_t kMaxPlanConditionOptions = 16;

// The size of a rubric. Each answer is scored, reported and turned into a move, so these bound
// the work a rubric can ask for. The built-in rubric has 21 questions, at most 6 options and a
// 6 x 6 matrix; a survey of 200 questions would take hours, not 15 minutes.
inline constexpr std::size_t kMaxQuestions = 200;       // in the whole rubric
inline constexpr std::size_t kMaxOptions = 20;          // options, bands or levels of one question
inline constexpr std::size_t kMaxMatrixRows = 50;       // a matrix's own rows (journey steps)
inline constexpr std::size_t kMaxMatrixColumns = 50;    // a matrix's own columns (channels)

// The cells of all the matrices of a rubric, with the rows and columns an answers file adds:
// each is an answer, a move and a cell of every report's grid. The built-in journey matrix has 36,
// 1,296 with 30 steps and 30 channels of one's own.
inline constexpr std::size_t kMaxMatrixCells = 10000;

// Journey steps and channels an answers file adds to a matrix (`custom`). A journey map has about
// ten steps and a company a dozen channels; past 30 each, the grid is no longer one a person rates.
inline constexpr std::size_t kMaxCustomRows = 30;
inline constexpr std::size_t kMaxCustomColumns = 30;

// yearly_interactions (n in P = n x v^2): a count, at least one, and at most 10^15 (a thousand
// interactions a year with each of the Earth's eight billion people is 8 x 10^12). Outside this
// range the ratios pindex prints overflow or vanish.
inline constexpr double kMinYearlyInteractions = 1;
inline constexpr double kMaxYearlyInteractions = 1e15;

// How long reading a named FIFO waits for a program to open it for writing. A FIFO no program
// ever opens would otherwise block pindex for ever; once a writer has opened it, it is read to
// its end like standard input.
inline constexpr int kFifoWriterWaitSeconds = 10;

}  // namespace pindex::limits

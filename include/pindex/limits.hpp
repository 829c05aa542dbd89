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

}  // namespace pindex::limits

#pragma once
// The exit codes of every pindex command (docs/cli.md). Only the command line uses them.
namespace pindex::cli {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitThresholdFailed = 1;  // a --fail-under threshold was not met
inline constexpr int kExitInvalid = 2;          // invalid input or usage, or an I/O failure
inline constexpr int kExitSavedUnfinished = 3;  // survey: answers saved, survey not finished
inline constexpr int kExitInterrupted = 130;    // survey: answers saved after Ctrl-C (128 + SIGINT)

}  // namespace pindex::cli

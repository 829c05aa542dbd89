#pragma once
// The exit codes of every pindex command (docs/cli.md). Only the command line uses them.
namespace pindex::cli {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitThresholdFailed = 1;  // a --fail-under threshold was not met
inline constexpr int kExitInvalid = 2;          // invalid input or usage, or an I/O failure

}  // namespace pindex::cli

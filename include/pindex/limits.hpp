#pragma once
// Limits on what pindex reads, in one place (documented in docs/answers-format.md). Real
// answers files and rubrics are a few kilobytes; anything near these limits is not one.
#include <cstddef>

namespace pindex::limits {

inline constexpr std::size_t kMaxInputBytes = 8u * 1024u * 1024u;

}  // namespace pindex::limits

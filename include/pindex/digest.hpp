#pragma once
// A report names the exact input it was made from by the input's SHA-256, as Lighthouse and
// OpenSSF Scorecard do: whoever holds the answers file can check that a report is of it.
#include <string>
#include <string_view>

namespace pindex {

// The SHA-256 of data (FIPS 180-4) as 64 lowercase hexadecimal digits.
std::string sha256_hex(std::string_view data);

}  // namespace pindex

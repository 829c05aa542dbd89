#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdlib>

// pindex draws with UTF-8 glyphs (·, ✓) only under a UTF-8 locale, and the tests expect them;
// a fresh Debian sets no locale at all (LANG unset means POSIX, ASCII). Tests of the ASCII
// fallback set LANG=C and an empty LC_ALL for pindex themselves.
static const int kUtf8Locale = ::setenv("LC_ALL", "C.UTF-8", 1);

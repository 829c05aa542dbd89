#pragma once
// Shared by the fuzz targets: a check that aborts with a message, so that a broken invariant is a
// crash libFuzzer keeps (and the replay test fails on), not a silent pass.
#include <cstdio>
#include <cstdlib>

#define PINDEX_FUZZ_CHECK(condition)                                                              \
    do {                                                                                          \
        if (!(condition)) {                                                                       \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                         \
        }                                                                                         \
    } while (0)

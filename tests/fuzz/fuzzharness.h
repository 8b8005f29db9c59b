#pragma once
// Shared by the fuzz harnesses (tests/fuzz/fuzz_*.cpp). Each harness defines
// LLVMFuzzerTestOneInput; it is linked either with libFuzzer (GW_FUZZ=ON, clang: scripts/fuzz.sh)
// or with replaymain.cpp, which the normal suite runs over the seeds and every crash input kept
// in tests/fuzz/regressions.

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace gw::fuzz {

// The input as a QByteArray that owns its bytes (the fuzzer's buffer is only lent).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Decodes the input as UTF-8 (invalid sequences become U+FFFD, as in the product).
QString text(const uint8_t *data, size_t size);

// A QCoreApplication for the harnesses whose code needs one (created once, never destroyed).
void ensureApplication();

[[noreturn]] inline void fail(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", condition, file, line);
    std::abort();
}

} // namespace gw::fuzz

// An invariant the code under test promises: breaking it is a finding, like a crash.
#define GW_FUZZ_CHECK(condition) \
    do { \
        if (!(condition)) \
            ::gw::fuzz::fail(#condition, __FILE__, __LINE__); \
    } while (false)

#pragma once
// Runs numbered blocks of CPU work on the global thread pool, the calling thread taking part. The
// caller never waits for a pool thread that has not started (helpers that start late find nothing
// left and leave), so it is safe from a pool thread too. Used by the vector code (embedding, kNN).
//
// Why not QtConcurrent::blockingMap, the Qt facility for a parallel-for: (1) cancellation: a
// token stops the remaining blocks at once, and the first exception stops them too (blockingMap
// runs every item; Qt 6.4 wraps a non-QException in QUnhandledException); (2) ThreadSanitizer:
// QtConcurrent's runnables are header templates that read their vtable before any hand-off hint
// can run, so every use is a TSan report (docs/toolchain-traps.md), while QThreadPool::start with
// the hints of threadsanitizer.h is clean.
#include "cancellation.h"

#include <functional>

namespace gw {

// Calls work(i) once for every i in [0, blockCount), in parallel, and returns when all are done.
// Results must go to per-block slots: blocks run in any order. The first exception thrown by a
// block stops the remaining blocks and is rethrown here; a cancelled token stops them too and
// throws CancelledError.
void runParallelBlocks(int blockCount, const std::function<void(int)> &work, const CancellationToken &token = {});

} // namespace gw

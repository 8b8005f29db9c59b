#pragma once
// The right to call igraph, private to the graph layer.
//
// Debian's igraph 0.10 is built WITHOUT thread safety (IGRAPH_THREAD_SAFE is 0 in
// igraph_threading.h): its error stack, handlers and random generator are plain globals. So every
// igraph call in the process runs while one IgraphSession holds a process-wide lock; two analyses
// on two threads take turns. Waiting for the lock is itself cancellable.
//
// While a session is alive on a thread, igraph's interruption and progress handlers consult that
// thread's token (a thread_local pointer), so a cancel reaches a long igraph call within one of its
// interruption checks: it then returns IGRAPH_INTERRUPTED, and check() throws CancelledError.
// igraph's default error handler aborts the process; ours records the reason, frees igraph's
// temporaries and lets the call return its error code, which check() turns into a gw::Error.
#include "core/cancellation.h"

#include <igraph.h>

#include <QString>

#include <functional>

namespace gw {

class IgraphSession
{
public:
    // Blocks until this thread may call igraph (never nest two sessions on one thread); throws CancelledError when `token` is cancelled
    // before or while waiting.
    explicit IgraphSession(const CancellationToken &token);
    ~IgraphSession();
    IgraphSession(const IgraphSession &) = delete;
    IgraphSession &operator=(const IgraphSession &) = delete;

    // Throws CancelledError when `code` says igraph was interrupted (or the token is cancelled),
    // gw::Error naming `what` and igraph's reason for any other failure.
    void check(igraph_error_t code, const QString &what) const;
    // Throws CancelledError when the token is cancelled: between igraph calls.
    void throwIfCancelled() const;

    // Some igraph 0.10.2 functions corrupt memory when interrupted (Leiden: a use-after-free,
    // as reported for python-igraph #290; DrL likewise): call them non-interruptible and check
    // the token between shorter calls instead.
    void setInterruptible(bool interruptible);

    // Seeds igraph's (global) random generator: randomised algorithms become repeatable.
    void seed(quint64 seed);

    // Forwards igraph's progress reports (0..100 %) to `progress` as a fraction mapped into
    // [from, to]. An empty function stops forwarding.
    void setProgress(std::function<void(double)> progress, double from = 0, double to = 1);
    // For igraph functions that report no progress but check for interruption regularly (once
    // per iteration, say): progress estimated as checks seen / `expectedChecks`, below 1, mapped
    // into [from, to] (one step of a longer computation).
    void setProgressFromChecks(std::function<void(double)> progress, qint64 expectedChecks, double from = 0,
                               double to = 1);

private:
    const CancellationToken m_token;
};

} // namespace gw

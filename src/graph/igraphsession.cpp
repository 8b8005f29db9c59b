#include "igraphsession.h"

#include "core/errors.h"

#include <QCoreApplication>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace gw {

namespace {

// igraph is not thread-safe here (see the header): one holder at a time for every igraph call.
// A flag under a mutex and a condition variable rather than std::timed_mutex: its try_lock_for()
// is pthread_mutex_clocklock(), which ThreadSanitizer (g++ 12) does not intercept, so every
// contended session was reported as "unlock of an unlocked mutex".
class IgraphGate
{
public:
    // Waits for igraph, polling `token` meanwhile; throws CancelledError when it is cancelled.
    void enter(const CancellationToken &token)
    {
        using namespace std::chrono_literals;
        std::unique_lock lock(m_mutex);
        while (m_held) {
            token.throwIfCancelled();
            m_released.wait_for(lock, 20ms);
        }
        m_held = true;
    }
    void leave()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_held = false;
        }
        m_released.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_held = false;
};

IgraphGate &igraphGate()
{
    static IgraphGate gate;
    return gate;
}

struct ProgressSink
{
    std::function<void(double)> report;
    double from = 0;
    double to = 1;
    qint64 expectedChecks = 0; // > 0: progress counted in interruption checks
    qint64 checks = 0;
    double last = -1;

    void reportFraction(double fraction)
    {
        // Monotone and at most ~200 reports per call: the callback stays cheap for the caller.
        fraction = from + (to - from) * qBound(0.0, fraction, 1.0);
        if (report && fraction >= last + 0.005) {
            last = fraction;
            report(fraction);
        }
    }
};

// Per thread, so the handlers would stay right even with a thread-safe igraph.
thread_local const CancellationToken *t_token = nullptr;
thread_local ProgressSink t_progress;
thread_local QByteArray t_lastError;
thread_local bool t_interruptible = true;

bool cancelled()
{
    return t_interruptible && t_token && t_token->isCancelled();
}

// An interrupted igraph function returns at once without freeing its temporaries: igraph's
// IGRAPH_ALLOW_INTERRUPTION does not free them, and some functions return the code straight up,
// never reaching the error handler. The handler must free them while their frames are alive, as
// R's and Python's igraph do. Left on the stack, they leak, and as Debian's igraph keeps ONE
// process-wide stack of 100 entries, about the 32nd cancelled layout aborted the process.
igraph_error_t interrupt()
{
    IGRAPH_FINALLY_FREE();
    return IGRAPH_INTERRUPTED;
}

igraph_error_t onInterruptionCheck(void *)
{
    if (t_progress.expectedChecks > 0)
        t_progress.reportFraction(qMin(0.99, double(++t_progress.checks) / double(t_progress.expectedChecks)));
    return cancelled() ? interrupt() : IGRAPH_SUCCESS;
}

igraph_error_t onProgress(const char *, igraph_real_t percent, void *)
{
    if (t_progress.expectedChecks == 0)
        t_progress.reportFraction(percent / 100.0);
    return cancelled() ? interrupt() : IGRAPH_SUCCESS;
}

void onError(const char *reason, const char *, int, igraph_error_t)
{
    // Never abort: remember why, free what the failing call allocated, let it return its code.
    t_lastError = reason ? QByteArray(reason) : QByteArray();
    IGRAPH_FINALLY_FREE();
}

void installHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        igraph_set_error_handler(onError);
        igraph_set_warning_handler(igraph_warning_handler_ignore); // e.g. "some vertices unreachable"
        igraph_set_interruption_handler(onInterruptionCheck);
        igraph_set_progress_handler(onProgress);
    });
}

} // namespace

IgraphSession::IgraphSession(const CancellationToken &token) : m_token(token)
{
    m_token.throwIfCancelled();
    igraphGate().enter(m_token); // polls the token while another thread's analysis holds igraph
    installHandlers();
    t_token = &m_token;
    t_progress = {};
    t_lastError.clear();
}

IgraphSession::~IgraphSession()
{
    t_progress = {};
    t_interruptible = true;
    t_token = nullptr;
    igraphGate().leave();
}

void IgraphSession::check(igraph_error_t code, const QString &what) const
{
    if (code == IGRAPH_SUCCESS)
        return;
    if (code == IGRAPH_INTERRUPTED || m_token.isCancelled())
        throw CancelledError(m_token.isCancelled() ? m_token.reason() : QStringLiteral("cancelled"));
    QString reason = t_lastError.isEmpty() ? QString::fromUtf8(igraph_strerror(code)) : QString::fromUtf8(t_lastError);
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    throw Error(
        QCoreApplication::translate("gw::GraphAnalytics", "Graph analysis failed while %1: %2.").arg(what, reason));
}

void IgraphSession::throwIfCancelled() const
{
    m_token.throwIfCancelled();
}

void IgraphSession::setInterruptible(bool interruptible)
{
    t_interruptible = interruptible;
}

void IgraphSession::seed(quint64 seed)
{
    check(igraph_rng_seed(igraph_rng_default(), igraph_uint_t(seed)),
          QCoreApplication::translate("gw::GraphAnalytics", "seeding the random generator"));
}

void IgraphSession::setProgress(std::function<void(double)> progress, double from, double to)
{
    t_progress = {std::move(progress), from, to};
}

void IgraphSession::setProgressFromChecks(std::function<void(double)> progress, qint64 expectedChecks, double from,
                                          double to)
{
    t_progress = {std::move(progress), from, to, std::max<qint64>(1, expectedChecks)};
}

} // namespace gw

#pragma once
// A circuit breaker guards one external dependency (a remote endpoint, a flaky disk): it stops
// calling a service that keeps failing, probes it again after a pause, and wraps each call with a
// timeout, bounded retries with backoff and jitter, and a fallback.

#include "cancellation.h"
#include "clock.h"
#include "errors.h"

#include <QCoroTask>
#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QString>

#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace gw {

struct CircuitBreakerSettings
{
    int failureThreshold = 5;         // failures within the window that open the breaker
    qint64 windowMs = 60000;          // failures older than this are forgotten
    qint64 recoveryTimeoutMs = 30000; // open -> half-open after this long
    int halfOpenMaxProbes = 1;        // concurrent trial calls allowed while half-open
    int halfOpenSuccessesToClose = 1; // successful probes needed to close again
    qint64 callTimeoutMs = 10000;     // per attempt; <= 0 disables the timeout
    // A call still running after this long counts as one failure, and one more for each further
    // period it runs (0: off). Few slow calls at a time cannot reach the threshold through
    // timeouts alone: an endpoint that accepts and never answers, behind two request slots, gives
    // two timeouts per timeout period. When a slow call's count opens the breaker, the call is
    // abandoned and its caller gets the fallback. Set it well above a healthy call's duration.
    qint64 slowCallMs = 0;
    int maxRetries = 2;         // retries of transient errors after the first attempt
    qint64 backoffBaseMs = 200; // delay before the first retry; doubles each retry
    qint64 backoffMaxMs = 5000; // no delay is ever longer than this
    double jitter = 0.2;        // each delay varies by +-this fraction
    // A retry waits at least as long as the service asked (TransientError::retryAfterMs, from
    // HTTP Retry-After), up to this; a service asking for longer gets no retry (the fallback runs).
    qint64 retryAfterMaxMs = 60000;
    quint32 seed = 0; // jitter seed for reproducible runs; 0 = random
    // Errors worth retrying besides TransientError (and its TimeoutError); may be empty.
    std::function<bool(std::exception_ptr)> isTransient;
};

struct CircuitBreakerStats;

class CircuitBreaker : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Open, HalfOpen };
    Q_ENUM(State)

    // The clock defaults to SteadyClock::instance(); tests pass a ManualClock.
    explicit CircuitBreaker(const QString &name, const CircuitBreakerSettings &settings = {}, Clock *clock = nullptr,
                            QObject *parent = nullptr);
    ~CircuitBreaker() override;

    QString name() const { return m_name; }
    const CircuitBreakerSettings &settings() const { return m_settings; }
    Clock *clock() const { return m_clock; }

    // The current state; moves open -> half-open first when the recovery timeout has elapsed.
    State state();
    // A consistent snapshot of every counter. Callable from any thread at any time.
    CircuitBreakerStats stats();

    // Low-level API for synchronous code on any thread. Every granted permission must be
    // followed by exactly one record*() call; in half-open the next recorded result is taken as
    // the outcome of a probe.
    bool tryAcquirePermission(); // counts a rejection when refused
    void recordSuccess(qint64 latencyMs);
    void recordFailure(const QString &error, bool timeout = false);
    // The permitted call was abandoned (cancelled): neither success nor failure, frees its probe.
    void recordCancelled();

    // Closes the breaker and forgets recent failures (an operator says the service is back).
    void reset();
    // Opens the breaker at once (an operator takes the service out); restarts the recovery timer.
    void trip(const QString &reason = QStringLiteral("tripped by hand"));

    // Delay before retry number `attempt` (1 = first retry): base * 2^(attempt-1), capped, with
    // jitter, never above backoffMaxMs.
    qint64 backoffDelayMs(int attempt);
    // Delay before retry number `attempt` after `previous` failed: the backoff, or longer when
    // the service asked for longer (Retry-After).
    qint64 retryDelayMs(int attempt, const std::exception_ptr &previous);

    // Runs `operation` under the breaker on the calling thread, which needs an event loop (the
    // per-attempt timeout is a QTimer). The operation gets a token that is cancelled when the
    // caller's token is or when the attempt times out; an answer later than callTimeoutMs counts
    // as a TimeoutError anyway. Transient errors (TransientError, TimeoutError, or
    // settings.isTransient) are retried after backoffDelayMs() while the breaker stays closed.
    // On failure (including CircuitOpenError when refused) calls `fallback` if given, else
    // rethrows. A cancelled caller gets CancelledError; that is not counted as a failure.
    template<typename T>
    QCoro::Task<T> call(std::function<QCoro::Task<T>(CancellationToken)> operation,
                        std::function<T(std::exception_ptr)> fallback = {}, CancellationToken token = {});

Q_SIGNALS:
    // Emitted outside the lock, on the thread that caused the change. Changes racing on several
    // threads may arrive out of order; each one names both of its states.
    void stateChanged(gw::CircuitBreaker::State from, gw::CircuitBreaker::State to);

private:
    // A granted permission remembers the state epoch it was granted in, so a late result of a
    // call started before a state change does not count as a half-open probe.
    struct Permit
    {
        quint64 epoch = 0;
    };
    enum class Outcome { Success, Failure, Cancelled };
    enum class AttemptVerdict { Succeeded, Retry, GiveUp, Cancelled };
    struct Transition
    {
        State from;
        State to;
    };

    // Arms the per-attempt timeout and hands the operation a child token it cancels.
    class AttemptDeadline
    {
    public:
        AttemptDeadline(CircuitBreaker &breaker, const CancellationToken &caller);
        ~AttemptDeadline();
        AttemptDeadline(const AttemptDeadline &) = delete;
        AttemptDeadline &operator=(const AttemptDeadline &) = delete;
        CancellationToken token() const { return m_source.token(); }
        bool expired() const { return m_expired.load(); }
        // The call ran so slowly that its slow periods opened the breaker: it was cancelled.
        bool abandoned() const { return m_abandoned.load(); }

    private:
        CancellationSource m_source;
        std::atomic<bool> m_expired{false};
        std::atomic<bool> m_abandoned{false};
        std::unique_ptr<QTimer> m_timer;
        std::unique_ptr<QTimer> m_slowTimer;
    };

    std::optional<Permit> acquire();
    // One slow period of a running call, counted as a failure while closed. True when the breaker
    // is open afterwards.
    bool countSlowPeriod(qint64 runningMs);
    void settle(std::optional<Permit> permit, Outcome outcome, const QString &error, bool timeout, qint64 latencyMs);
    // Bookkeeping after one attempt of call(); may replace `error` with a TimeoutError.
    AttemptVerdict finishAttempt(const Permit &permit, qint64 startedMs, const AttemptDeadline &deadline,
                                 std::exception_ptr &error, const CancellationToken &caller, int attempt);
    std::exception_ptr openError();
    void countRetry();
    void countFallback();
    bool isTransient(const std::exception_ptr &error) const;

    // Lock held by the caller of every *Locked function.
    std::optional<Transition> refreshLocked(qint64 now);
    std::optional<Transition> moveToLocked(State to, qint64 now);
    void forgetOldFailuresLocked(qint64 now);
    void emitTransition(const std::optional<Transition> &transition);

    const QString m_name;
    const CircuitBreakerSettings m_settings;
    Clock *const m_clock;

    mutable std::mutex m_mutex;
    State m_state = State::Closed;
    quint64 m_epoch = 0;                 // bumped on every state change
    std::deque<qint64> m_windowFailures; // clock ms of recent failures while closed
    int m_probesInFlight = 0;
    int m_probeSuccesses = 0;
    qint64 m_stateSinceMs = 0;
    QDateTime m_stateSinceWall;
    QString m_lastError;
    quint64 m_calls = 0;
    quint64 m_successes = 0;
    quint64 m_failures = 0;
    quint64 m_cancellations = 0;
    quint64 m_rejections = 0;
    quint64 m_timeouts = 0;
    quint64 m_slowPeriods = 0;
    quint64 m_retries = 0;
    quint64 m_fallbacks = 0;
    qint64 m_lastLatencyMs = 0;
    QRandomGenerator m_random;
};

// "closed", "open", "half-open": for logs, reports and JSON (views translate their own).
QString circuitBreakerStateName(CircuitBreaker::State state);

// What a breaker has done so far; a plain value for panels, health checks and reports.
struct CircuitBreakerStats
{
    QString name;
    CircuitBreaker::State state = CircuitBreaker::State::Closed;
    quint64 calls = 0; // attempts let through (each retry is one more)
    quint64 successes = 0;
    quint64 failures = 0;      // including timeouts
    quint64 cancellations = 0; // permitted calls abandoned by the caller
    quint64 rejections = 0;    // refused while open or while half-open probes were busy
    quint64 timeouts = 0;
    quint64 slowPeriods = 0; // slowCallMs periods that running calls went past
    quint64 retries = 0;
    quint64 fallbacks = 0;
    int failuresInWindow = 0;
    int failureThreshold = 0;
    qint64 lastLatencyMs = 0;
    QString lastError;
    qint64 lastStateChangeMs = 0; // by the breaker's clock
    QDateTime lastStateChange;    // wall time, in UTC (cheap and TSan-clean from any thread)
    qint64 msUntilProbe = 0;      // while open: how long until a probe is allowed
};

template<typename T>
QCoro::Task<T> CircuitBreaker::call(std::function<QCoro::Task<T>(CancellationToken)> operation,
                                    std::function<T(std::exception_ptr)> fallback, CancellationToken token)
{
    std::exception_ptr error;
    for (int attempt = 0;; ++attempt) {
        if (attempt > 0) {
            co_await m_clock->sleep(retryDelayMs(attempt, error), token); // throws when cancelled
            countRetry();
        }
        token.throwIfCancelled();
        const std::optional<Permit> permit = acquire();
        if (!permit) {
            error = openError();
            break;
        }
        const AttemptDeadline deadline(*this, token);
        const qint64 startedMs = m_clock->nowMs();
        // Not default-constructible T is fine: the value waits here until the verdict.
        std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> value;
        error = nullptr;
        try {
            QCoro::Task<T> running = operation(deadline.token());
            if constexpr (std::is_void_v<T>) {
                co_await running;
                value.emplace(true);
            } else {
                value.emplace(co_await running);
            }
        } catch (...) {
            error = std::current_exception();
        }
        switch (finishAttempt(*permit, startedMs, deadline, error, token, attempt)) {
        case AttemptVerdict::Succeeded:
            if constexpr (std::is_void_v<T>)
                co_return;
            else
                co_return std::move(*value);
        case AttemptVerdict::Cancelled:
            std::rethrow_exception(error);
        case AttemptVerdict::Retry:
            continue;
        case AttemptVerdict::GiveUp:
            break;
        }
        break;
    }
    if (!fallback)
        std::rethrow_exception(error);
    countFallback();
    co_return fallback(error);
}

} // namespace gw

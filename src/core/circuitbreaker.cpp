#include "circuitbreaker.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gw {

namespace {

// Settings a person could get wrong in a config file are brought into range once, here, so the
// state machine never has to ask.
CircuitBreakerSettings sanitized(CircuitBreakerSettings s)
{
    s.failureThreshold = std::max(1, s.failureThreshold);
    s.windowMs = std::max<qint64>(1, s.windowMs);
    s.recoveryTimeoutMs = std::max<qint64>(0, s.recoveryTimeoutMs);
    s.halfOpenMaxProbes = std::max(1, s.halfOpenMaxProbes);
    s.halfOpenSuccessesToClose = std::max(1, s.halfOpenSuccessesToClose);
    s.maxRetries = std::max(0, s.maxRetries);
    s.backoffBaseMs = std::max<qint64>(0, s.backoffBaseMs);
    s.backoffMaxMs = std::max(s.backoffBaseMs, s.backoffMaxMs);
    s.jitter = std::isfinite(s.jitter) ? std::clamp(s.jitter, 0.0, 1.0) : 0.0;
    return s;
}

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

CircuitBreaker::AttemptDeadline::AttemptDeadline(CircuitBreaker &breaker, const CancellationToken &caller)
    : m_source(caller)
{
    const qint64 timeoutMs = breaker.m_settings.callTimeoutMs;
    if (timeoutMs > 0) {
        m_timer = std::make_unique<QTimer>();
        m_timer->setSingleShot(true);
        QObject::connect(m_timer.get(), &QTimer::timeout, [this, timeoutMs] {
            m_expired.store(true);
            m_source.cancel(QStringLiteral("timed out after %1 ms").arg(timeoutMs));
        });
        m_timer->start(int(std::min<qint64>(timeoutMs, std::numeric_limits<int>::max())));
    }
    const qint64 slowMs = breaker.m_settings.slowCallMs;
    if (slowMs > 0) {
        m_slowTimer = std::make_unique<QTimer>();
        QObject::connect(m_slowTimer.get(), &QTimer::timeout, [this, &breaker, slowMs, periods = 0]() mutable {
            if (breaker.countSlowPeriod(++periods * slowMs)) {
                m_abandoned.store(true);
                m_slowTimer->stop();
                m_source.cancel(QStringLiteral("abandoned after %1 ms: the breaker opened").arg(periods * slowMs));
            }
        });
        m_slowTimer->start(int(std::min<qint64>(slowMs, std::numeric_limits<int>::max())));
    }
}

CircuitBreaker::AttemptDeadline::~AttemptDeadline() = default;

CircuitBreaker::CircuitBreaker(const QString &name, const CircuitBreakerSettings &settings, Clock *clock,
                               QObject *parent)
    : QObject(parent), m_name(name), m_settings(sanitized(settings)), m_clock(clock ? clock : SteadyClock::instance()),
      m_stateSinceMs(m_clock->nowMs()), m_stateSinceWall(QDateTime::currentDateTimeUtc()),
      m_random(m_settings.seed ? m_settings.seed : QRandomGenerator::global()->generate())
{}

CircuitBreaker::~CircuitBreaker() = default;

CircuitBreaker::State CircuitBreaker::state()
{
    std::optional<Transition> transition;
    State current;
    {
        std::lock_guard lock(m_mutex);
        transition = refreshLocked(m_clock->nowMs());
        current = m_state;
    }
    emitTransition(transition);
    return current;
}

CircuitBreakerStats CircuitBreaker::stats()
{
    CircuitBreakerStats s;
    std::optional<Transition> transition;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock->nowMs();
        transition = refreshLocked(now);
        forgetOldFailuresLocked(now);
        s.name = m_name;
        s.state = m_state;
        s.calls = m_calls;
        s.successes = m_successes;
        s.failures = m_failures;
        s.cancellations = m_cancellations;
        s.rejections = m_rejections;
        s.timeouts = m_timeouts;
        s.slowPeriods = m_slowPeriods;
        s.retries = m_retries;
        s.fallbacks = m_fallbacks;
        s.failuresInWindow = int(m_windowFailures.size());
        s.failureThreshold = m_settings.failureThreshold;
        s.lastLatencyMs = m_lastLatencyMs;
        s.lastError = m_lastError;
        s.lastStateChangeMs = m_stateSinceMs;
        s.lastStateChange = m_stateSinceWall;
        if (m_state == State::Open)
            s.msUntilProbe = std::max<qint64>(0, m_stateSinceMs + m_settings.recoveryTimeoutMs - now);
    }
    emitTransition(transition);
    return s;
}

bool CircuitBreaker::tryAcquirePermission()
{
    return acquire().has_value();
}

void CircuitBreaker::recordSuccess(qint64 latencyMs)
{
    settle(std::nullopt, Outcome::Success, {}, false, latencyMs);
}

void CircuitBreaker::recordFailure(const QString &error, bool timeout)
{
    settle(std::nullopt, Outcome::Failure, error, timeout, 0);
}

void CircuitBreaker::recordCancelled()
{
    settle(std::nullopt, Outcome::Cancelled, {}, false, 0);
}

void CircuitBreaker::reset()
{
    std::optional<Transition> transition;
    {
        std::lock_guard lock(m_mutex);
        transition = moveToLocked(State::Closed, m_clock->nowMs());
        m_windowFailures.clear();
    }
    emitTransition(transition);
}

void CircuitBreaker::trip(const QString &reason)
{
    std::optional<Transition> transition;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock->nowMs();
        transition = moveToLocked(State::Open, now);
        // Tripping an open breaker again restarts its recovery timeout.
        m_stateSinceMs = now;
        m_stateSinceWall = QDateTime::currentDateTimeUtc();
        m_lastError = reason;
    }
    emitTransition(transition);
}

qint64 CircuitBreaker::backoffDelayMs(int attempt)
{
    const double exponent = std::clamp(attempt - 1, 0, 62);
    const double raw =
        std::min(double(m_settings.backoffBaseMs) * std::pow(2.0, exponent), double(m_settings.backoffMaxMs));
    double spread;
    {
        std::lock_guard lock(m_mutex); // QRandomGenerator is not thread-safe
        spread = m_random.generateDouble() * 2.0 - 1.0;
    }
    const double jittered = raw * (1.0 + m_settings.jitter * spread);
    return std::clamp(qint64(std::llround(jittered)), qint64(0), m_settings.backoffMaxMs);
}

namespace {
qint64 retryAfterMs(const std::exception_ptr &error)
{
    try {
        if (error)
            std::rethrow_exception(error);
    } catch (const TransientError &transient) {
        return transient.retryAfterMs();
    } catch (...) {}
    return 0;
}
} // namespace

qint64 CircuitBreaker::retryDelayMs(int attempt, const std::exception_ptr &previous)
{
    return std::max(backoffDelayMs(attempt), std::min(retryAfterMs(previous), m_settings.retryAfterMaxMs));
}

std::optional<CircuitBreaker::Permit> CircuitBreaker::acquire()
{
    std::optional<Permit> permit;
    std::optional<Transition> transition;
    {
        std::lock_guard lock(m_mutex);
        transition = refreshLocked(m_clock->nowMs());
        switch (m_state) {
        case State::Closed:
            permit = Permit{m_epoch};
            break;
        case State::HalfOpen:
            if (m_probesInFlight < m_settings.halfOpenMaxProbes) {
                ++m_probesInFlight;
                permit = Permit{m_epoch};
            }
            break;
        case State::Open:
            break;
        }
        if (permit)
            ++m_calls;
        else
            ++m_rejections;
    }
    emitTransition(transition);
    return permit;
}

void CircuitBreaker::settle(std::optional<Permit> permit, Outcome outcome, const QString &error, bool timeout,
                            qint64 latencyMs)
{
    std::optional<Transition> transition;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock->nowMs();
        switch (outcome) {
        case Outcome::Success:
            ++m_successes;
            m_lastLatencyMs = latencyMs;
            break;
        case Outcome::Failure:
            ++m_failures;
            if (timeout)
                ++m_timeouts;
            m_lastError = error;
            break;
        case Outcome::Cancelled:
            ++m_cancellations;
            break;
        }
        // A result from before the last state change says nothing about the service now.
        const bool current = !permit || permit->epoch == m_epoch;
        if (current && m_state == State::Closed && outcome == Outcome::Failure) {
            m_windowFailures.push_back(now);
            forgetOldFailuresLocked(now);
            if (int(m_windowFailures.size()) >= m_settings.failureThreshold)
                transition = moveToLocked(State::Open, now);
        } else if (current && m_state == State::HalfOpen) {
            m_probesInFlight = std::max(0, m_probesInFlight - 1);
            if (outcome == Outcome::Failure)
                transition = moveToLocked(State::Open, now);
            else if (outcome == Outcome::Success && ++m_probeSuccesses >= m_settings.halfOpenSuccessesToClose)
                transition = moveToLocked(State::Closed, now);
        }
    }
    emitTransition(transition);
}

CircuitBreaker::AttemptVerdict CircuitBreaker::finishAttempt(const Permit &permit, qint64 startedMs,
                                                             const AttemptDeadline &deadline, std::exception_ptr &error,
                                                             const CancellationToken &caller, int attempt)
{
    const qint64 elapsedMs = m_clock->nowMs() - startedMs;
    const bool tooSlow = m_settings.callTimeoutMs > 0 && elapsedMs > m_settings.callTimeoutMs;

    // The caller gave up: whatever the operation threw because of that is not the service's fault.
    if (error && caller.isCancelled()) {
        settle(permit, Outcome::Cancelled, {}, false, elapsedMs);
        error = std::make_exception_ptr(CancelledError(caller.reason()));
        return AttemptVerdict::Cancelled;
    }
    if (deadline.abandoned()) {
        // Its slow periods were counted already and opened the breaker: the fallback answers.
        settle(permit, Outcome::Cancelled, {}, false, elapsedMs);
        error = std::make_exception_ptr(
            Error(QStringLiteral("circuit breaker '%1' opened while this call went unanswered for %2 ms")
                      .arg(m_name)
                      .arg(elapsedMs)));
        return AttemptVerdict::GiveUp;
    }
    if (deadline.expired() || tooSlow) {
        // Counted even when the operation returned: a late answer is a failed call.
        error = std::make_exception_ptr(
            TimeoutError(QStringLiteral("circuit breaker '%1': call timed out after %2 ms (limit %3 ms)")
                             .arg(m_name)
                             .arg(elapsedMs)
                             .arg(m_settings.callTimeoutMs)));
        settle(permit, Outcome::Failure, describeException(error), true, elapsedMs);
    } else if (!error) {
        settle(permit, Outcome::Success, {}, false, elapsedMs);
        return AttemptVerdict::Succeeded;
    } else {
        try {
            std::rethrow_exception(error);
        } catch (const CancelledError &) {
            // Cancelled from inside with nobody asking: treat it as the caller's wish, not a failure.
            settle(permit, Outcome::Cancelled, {}, false, elapsedMs);
            return AttemptVerdict::Cancelled;
        } catch (...) {}
        settle(permit, Outcome::Failure, describeException(error), false, elapsedMs);
    }

    if (attempt >= m_settings.maxRetries || !isTransient(error) || retryAfterMs(error) > m_settings.retryAfterMaxMs)
        return AttemptVerdict::GiveUp;
    std::lock_guard lock(m_mutex);
    // Once the breaker has opened, retrying would only be rejected.
    return m_state == State::Closed ? AttemptVerdict::Retry : AttemptVerdict::GiveUp;
}

bool CircuitBreaker::countSlowPeriod(qint64 runningMs)
{
    std::optional<Transition> transition;
    bool open = false;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock->nowMs();
        ++m_slowPeriods;
        if (m_state == State::Closed) {
            m_lastError = QStringLiteral("a call has gone unanswered for %1 ms (slow-call limit %2 ms)")
                              .arg(runningMs)
                              .arg(m_settings.slowCallMs);
            m_windowFailures.push_back(now);
            forgetOldFailuresLocked(now);
            if (int(m_windowFailures.size()) >= m_settings.failureThreshold)
                transition = moveToLocked(State::Open, now);
        }
        open = m_state == State::Open;
    }
    emitTransition(transition);
    return open;
}

std::exception_ptr CircuitBreaker::openError()
{
    const CircuitBreakerStats s = stats();
    QString message;
    if (s.state == State::Open) {
        message =
            QStringLiteral("circuit breaker '%1' is open (last error: %2); next probe in %3")
                .arg(m_name, s.lastError.isEmpty() ? QStringLiteral("none") : s.lastError, seconds(s.msUntilProbe));
    } else {
        message = QStringLiteral("circuit breaker '%1' is %2 and its %3 probe slot(s) are busy; "
                                 "try again shortly")
                      .arg(m_name, circuitBreakerStateName(s.state))
                      .arg(m_settings.halfOpenMaxProbes);
    }
    return std::make_exception_ptr(CircuitOpenError(m_name, message));
}

void CircuitBreaker::countRetry()
{
    std::lock_guard lock(m_mutex);
    ++m_retries;
}

void CircuitBreaker::countFallback()
{
    std::lock_guard lock(m_mutex);
    ++m_fallbacks;
}

bool CircuitBreaker::isTransient(const std::exception_ptr &error) const
{
    try {
        std::rethrow_exception(error);
    } catch (const TransientError &) {
        return true;
    } catch (...) {}
    return m_settings.isTransient && m_settings.isTransient(error);
}

std::optional<CircuitBreaker::Transition> CircuitBreaker::refreshLocked(qint64 now)
{
    if (m_state == State::Open && now - m_stateSinceMs >= m_settings.recoveryTimeoutMs)
        return moveToLocked(State::HalfOpen, now);
    return std::nullopt;
}

void CircuitBreaker::forgetOldFailuresLocked(qint64 now)
{
    while (!m_windowFailures.empty() && m_windowFailures.front() <= now - m_settings.windowMs)
        m_windowFailures.pop_front();
}

std::optional<CircuitBreaker::Transition> CircuitBreaker::moveToLocked(State to, qint64 now)
{
    if (m_state == to)
        return std::nullopt;
    const Transition transition{m_state, to};
    m_state = to;
    ++m_epoch;
    m_stateSinceMs = now;
    m_stateSinceWall = QDateTime::currentDateTimeUtc();
    m_windowFailures.clear();
    m_probesInFlight = 0;
    m_probeSuccesses = 0;
    return transition;
}

void CircuitBreaker::emitTransition(const std::optional<Transition> &transition)
{
    if (transition)
        Q_EMIT stateChanged(transition->from, transition->to);
}

QString circuitBreakerStateName(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return QStringLiteral("closed");
    case CircuitBreaker::State::Open:
        return QStringLiteral("open");
    case CircuitBreaker::State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

} // namespace gw

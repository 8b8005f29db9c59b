#include "testmain.h"

#include "core/circuitbreaker.h"
#include "core/circuitbreakerregistry.h"
#include "core/manualclock.h"

#include <QSignalSpy>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

using gw::CircuitBreaker;
using gw::CircuitBreakerSettings;
using State = gw::CircuitBreaker::State;

namespace {

// QCoro::waitFor never returns when the awaited task throws (QCoro 0.8), so every call() is
// driven through capture(), which turns the outcome into a value.
template<typename T>
struct Outcome
{
    std::optional<T> value;
    std::exception_ptr error;
};

template<typename T>
QCoro::Task<Outcome<T>> capture(QCoro::Task<T> task)
{
    Outcome<T> outcome;
    try {
        outcome.value = co_await task;
    } catch (...) {
        outcome.error = std::current_exception();
    }
    co_return outcome;
}

template<typename T>
Outcome<T> run(QCoro::Task<T> task)
{
    return QCoro::waitFor(capture(std::move(task)));
}

template<typename E>
bool holds(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const E &) {
        return true;
    } catch (...) {
        return false;
    }
}

CircuitBreakerSettings quietSettings()
{
    CircuitBreakerSettings s;
    s.failureThreshold = 3;
    s.windowMs = 1000;
    s.recoveryTimeoutMs = 5000;
    s.maxRetries = 0;
    s.seed = 7;
    return s;
}

State stateAt(const QSignalSpy &spy, int index, int argument)
{
    return spy.at(index).at(argument).value<State>();
}

using Operation = std::function<QCoro::Task<int>(gw::CancellationToken)>;

Operation failingWith(int &attempts, const QString &message)
{
    return [&attempts, message](gw::CancellationToken) -> QCoro::Task<int> {
        ++attempts;
        throw gw::TransientError(message);
        co_return 0;
    };
}

} // namespace

class TstCircuitBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAtFailureThreshold();
    void forgetsFailuresOutsideWindow();
    void openRejectsAndCountsRejections();
    void becomesHalfOpenAfterRecoveryTimeout();
    void halfOpenLimitsConcurrentProbes();
    void successfulProbesClose();
    void failedProbeReopens();
    void resetAndTrip();
    void signalsFullCycle();
    void statsSnapshot();

    void retriesTransientErrorsWithBackoff();
    void backoffIsCappedAndReproducible();
    void retrySucceedsAfterTransientErrors();
    void doesNotRetryPermanentErrors();
    void userPredicateMakesErrorsTransient();
    void stopsRetryingOnceOpen();
    void countsSlowCallAsTimeout();
    void timerPreemptsSlowOperation();
    void slowPeriodsOfAHangingCallOpenTheBreaker();
    void aSlowAnswerCountsOnceAndStillAnswers();
    void fallbackWhenOpen();
    void openErrorNamesBreakerWithoutFallback();
    void fallbackAfterExhaustedRetries();
    void cancellationIsNotAFailure();
    void cancellationDuringBackoff();
    void staleResultIsNotAProbe();
    void callProbesAndCloses();

    void registryCreatesAndFinds();
    void registryAggregatesHealth();
    void concurrentCallersKeepCountersExact();
};

void TstCircuitBreaker::opensAtFailureThreshold()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    QSignalSpy spy(&breaker, &CircuitBreaker::stateChanged);

    for (int i = 0; i < 2; ++i) {
        QVERIFY(breaker.tryAcquirePermission());
        breaker.recordFailure(QStringLiteral("connection refused"));
    }
    QCOMPARE(breaker.state(), State::Closed);
    QCOMPARE(breaker.stats().failuresInWindow, 2);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordFailure(QStringLiteral("connection refused"));
    QCOMPARE(breaker.state(), State::Open);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(stateAt(spy, 0, 0), State::Closed);
    QCOMPARE(stateAt(spy, 0, 1), State::Open);
}

void TstCircuitBreaker::forgetsFailuresOutsideWindow()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.recordFailure(QStringLiteral("a"));
    breaker.recordFailure(QStringLiteral("b"));
    clock.advance(1000); // exactly one window later: both are forgotten
    QCOMPARE(breaker.stats().failuresInWindow, 0);
    breaker.recordFailure(QStringLiteral("c"));
    breaker.recordFailure(QStringLiteral("d"));
    QCOMPARE(breaker.state(), State::Closed);
    clock.advance(999);
    breaker.recordFailure(QStringLiteral("e"));
    QCOMPARE(breaker.state(), State::Open);
    // Successes do not wipe the window: only age does.
    breaker.reset();
    breaker.recordFailure(QStringLiteral("f"));
    breaker.recordSuccess(3);
    breaker.recordFailure(QStringLiteral("g"));
    breaker.recordSuccess(3);
    breaker.recordFailure(QStringLiteral("h"));
    QCOMPARE(breaker.state(), State::Open);
}

void TstCircuitBreaker::openRejectsAndCountsRejections()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.trip(QStringLiteral("maintenance"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!breaker.tryAcquirePermission());
    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.rejections, 3u);
    QCOMPARE(s.calls, 0u);
    QCOMPARE(s.msUntilProbe, 5000);
    QCOMPARE(s.lastError, QStringLiteral("maintenance"));
}

void TstCircuitBreaker::becomesHalfOpenAfterRecoveryTimeout()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.trip();
    clock.advance(4999);
    QCOMPARE(breaker.stats().msUntilProbe, 1);
    QVERIFY(!breaker.tryAcquirePermission());
    clock.advance(1);
    // The snapshot notices the elapsed timeout by itself, without a call asking.
    QSignalSpy spy(&breaker, &CircuitBreaker::stateChanged);
    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.state, State::HalfOpen);
    QCOMPARE(s.msUntilProbe, 0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(stateAt(spy, 0, 1), State::HalfOpen);
    QVERIFY(breaker.tryAcquirePermission());
}

void TstCircuitBreaker::halfOpenLimitsConcurrentProbes()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.halfOpenMaxProbes = 2;
    settings.halfOpenSuccessesToClose = 3;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    breaker.trip();
    clock.advance(5000);
    QVERIFY(breaker.tryAcquirePermission());
    QVERIFY(breaker.tryAcquirePermission());
    QVERIFY(!breaker.tryAcquirePermission()); // both probe slots busy
    QCOMPARE(breaker.stats().rejections, 1u);
    breaker.recordSuccess(5); // frees one slot, one success of three
    QCOMPARE(breaker.state(), State::HalfOpen);
    QVERIFY(breaker.tryAcquirePermission());
    QVERIFY(!breaker.tryAcquirePermission());
    breaker.recordCancelled(); // an abandoned probe frees its slot too
    QVERIFY(breaker.tryAcquirePermission());
    QCOMPARE(breaker.state(), State::HalfOpen);
}

void TstCircuitBreaker::successfulProbesClose()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.halfOpenSuccessesToClose = 2;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    breaker.trip();
    clock.advance(5000);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordSuccess(10);
    QCOMPARE(breaker.state(), State::HalfOpen);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordSuccess(10);
    QCOMPARE(breaker.state(), State::Closed);
    QCOMPARE(breaker.stats().failuresInWindow, 0);
}

void TstCircuitBreaker::failedProbeReopens()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.trip();
    clock.advance(5000);
    QVERIFY(breaker.tryAcquirePermission());
    clock.advance(100);
    breaker.recordFailure(QStringLiteral("still down"));
    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.state, State::Open);
    QCOMPARE(s.msUntilProbe, 5000); // the recovery timeout starts again
    QCOMPARE(s.lastError, QStringLiteral("still down"));
    QCOMPARE(s.lastStateChangeMs, clock.nowMs());
}

void TstCircuitBreaker::resetAndTrip()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    QSignalSpy spy(&breaker, &CircuitBreaker::stateChanged);
    breaker.recordFailure(QStringLiteral("x"));
    breaker.reset(); // already closed: no signal, but the window is wiped
    QCOMPARE(spy.count(), 0);
    QCOMPARE(breaker.stats().failuresInWindow, 0);

    breaker.trip(QStringLiteral("operator"));
    QCOMPARE(breaker.state(), State::Open);
    clock.advance(3000);
    breaker.trip(QStringLiteral("operator again")); // restarts the recovery timer, no new signal
    QCOMPARE(breaker.stats().msUntilProbe, 5000);
    QCOMPARE(spy.count(), 1);

    breaker.reset();
    QCOMPARE(breaker.state(), State::Closed);
    QVERIFY(breaker.tryAcquirePermission());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(stateAt(spy, 1, 0), State::Open);
    QCOMPARE(stateAt(spy, 1, 1), State::Closed);
}

void TstCircuitBreaker::signalsFullCycle()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    QSignalSpy spy(&breaker, &CircuitBreaker::stateChanged);
    for (int i = 0; i < 3; ++i)
        breaker.recordFailure(QStringLiteral("down"));
    clock.advance(5000);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordFailure(QStringLiteral("still down"));
    clock.advance(5000);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordSuccess(1);

    const QList<std::pair<State, State>> expected = {
        {State::Closed, State::Open},   {State::Open, State::HalfOpen},   {State::HalfOpen, State::Open},
        {State::Open, State::HalfOpen}, {State::HalfOpen, State::Closed},
    };
    QCOMPARE(spy.count(), expected.size());
    for (int i = 0; i < spy.count(); ++i) {
        QCOMPARE(stateAt(spy, i, 0), expected.at(i).first);
        QCOMPARE(stateAt(spy, i, 1), expected.at(i).second);
    }
}

void TstCircuitBreaker::statsSnapshot()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordSuccess(12);
    QVERIFY(breaker.tryAcquirePermission());
    breaker.recordFailure(QStringLiteral("slow"), true);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    breaker.trip();
    QVERIFY(!breaker.tryAcquirePermission());

    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.name, QStringLiteral("remote"));
    QCOMPARE(s.state, State::Open);
    QCOMPARE(s.calls, 2u);
    QCOMPARE(s.successes, 1u);
    QCOMPARE(s.failures, 1u);
    QCOMPARE(s.timeouts, 1u);
    QCOMPARE(s.rejections, 1u);
    QCOMPARE(s.lastLatencyMs, 12);
    QCOMPARE(s.failureThreshold, 3);
    QCOMPARE(s.lastStateChangeMs, clock.nowMs());
    QVERIFY(s.lastStateChange.isValid());
    QVERIFY(s.lastStateChange >= before.addSecs(-1));
}

void TstCircuitBreaker::retriesTransientErrorsWithBackoff()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.failureThreshold = 100;
    settings.maxRetries = 4;
    settings.backoffBaseMs = 100;
    settings.backoffMaxMs = 500;
    settings.jitter = 0.2;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);

    int attempts = 0;
    const auto outcome = run(breaker.call<int>(failingWith(attempts, QStringLiteral("busy"))));
    QVERIFY(holds<gw::TransientError>(outcome.error));
    QCOMPARE(attempts, 5);

    const QList<qint64> sleeps = clock.sleeps();
    const QList<double> raw = {100, 200, 400, 500};
    QCOMPARE(sleeps.size(), raw.size());
    for (int i = 0; i < raw.size(); ++i) {
        QVERIFY2(sleeps.at(i) >= qint64(raw.at(i) * 0.8) && sleeps.at(i) <= 500
                     && sleeps.at(i) <= qint64(raw.at(i) * 1.2),
                 qPrintable(QStringLiteral("retry %1 slept %2 ms").arg(i + 1).arg(sleeps.at(i))));
    }
    QVERIFY(sleeps.at(2) > sleeps.at(0)); // grows even at the widest jitter

    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.calls, 5u);
    QCOMPARE(s.failures, 5u);
    QCOMPARE(s.retries, 4u);
    QCOMPARE(s.fallbacks, 0u);
    QCOMPARE(s.lastError, QStringLiteral("busy"));
}

void TstCircuitBreaker::backoffIsCappedAndReproducible()
{
    CircuitBreakerSettings settings = quietSettings();
    settings.backoffBaseMs = 100;
    settings.backoffMaxMs = 1000;
    settings.jitter = 0.0;
    CircuitBreaker exact(QStringLiteral("exact"), settings);
    const QList<qint64> expected = {100, 200, 400, 800, 1000, 1000};
    for (int attempt = 1; attempt <= expected.size(); ++attempt)
        QCOMPARE(exact.backoffDelayMs(attempt), expected.at(attempt - 1));
    QCOMPARE(exact.backoffDelayMs(1000), 1000); // no overflow for absurd attempt numbers

    settings.jitter = 0.5;
    settings.seed = 1234;
    CircuitBreaker first(QStringLiteral("a"), settings);
    CircuitBreaker second(QStringLiteral("b"), settings);
    bool varied = false;
    for (int attempt = 1; attempt <= 20; ++attempt) {
        const qint64 delay = first.backoffDelayMs(attempt);
        QCOMPARE(second.backoffDelayMs(attempt), delay); // same seed, same sequence
        QVERIFY(delay <= 1000);
        varied = varied || (attempt >= 5 && delay != 1000);
    }
    QVERIFY(varied); // jitter still spreads callers at the cap (downwards)
}

void TstCircuitBreaker::retrySucceedsAfterTransientErrors()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.maxRetries = 2;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    const Operation flaky = [&attempts](gw::CancellationToken) -> QCoro::Task<int> {
        if (++attempts < 3)
            throw gw::TimeoutError(QStringLiteral("gateway timeout"));
        co_return 42;
    };
    const auto outcome = run(breaker.call<int>(flaky));
    QVERIFY(!outcome.error);
    QCOMPARE(*outcome.value, 42);
    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.calls, 3u);
    QCOMPARE(s.failures, 2u);
    QCOMPARE(s.successes, 1u);
    QCOMPARE(s.retries, 2u);
    QCOMPARE(s.state, State::Closed);
}

void TstCircuitBreaker::doesNotRetryPermanentErrors()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.maxRetries = 3;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    const Operation broken = [&attempts](gw::CancellationToken) -> QCoro::Task<int> {
        ++attempts;
        throw gw::Error(QStringLiteral("401 unauthorized"));
        co_return 0;
    };
    const auto outcome = run(breaker.call<int>(broken));
    QVERIFY(holds<gw::Error>(outcome.error));
    QCOMPARE(attempts, 1);
    QVERIFY(clock.sleeps().isEmpty());
    QCOMPARE(breaker.stats().failures, 1u);
    QCOMPARE(breaker.stats().lastError, QStringLiteral("401 unauthorized"));
}

void TstCircuitBreaker::userPredicateMakesErrorsTransient()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.maxRetries = 2;
    settings.isTransient = [](std::exception_ptr error) { return holds<std::runtime_error>(error); };
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    const Operation broken = [&attempts](gw::CancellationToken) -> QCoro::Task<int> {
        ++attempts;
        throw std::runtime_error("socket reset");
        co_return 0;
    };
    const auto outcome = run(breaker.call<int>(broken));
    QVERIFY(holds<std::runtime_error>(outcome.error));
    QCOMPARE(attempts, 3);
    QCOMPARE(breaker.stats().lastError, QStringLiteral("socket reset"));
}

void TstCircuitBreaker::stopsRetryingOnceOpen()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.failureThreshold = 2;
    settings.maxRetries = 5;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    const auto outcome = run(breaker.call<int>(failingWith(attempts, QStringLiteral("down"))));
    QVERIFY(holds<gw::TransientError>(outcome.error)); // the real cause, not "circuit open"
    QCOMPARE(attempts, 2);
    QCOMPARE(breaker.state(), State::Open);
    QCOMPARE(breaker.stats().rejections, 0u);
}

void TstCircuitBreaker::countsSlowCallAsTimeout()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.callTimeoutMs = 1000;
    settings.maxRetries = 1;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    // The first attempt answers, but too late; the retry is quick.
    const Operation slowThenFast = [&attempts, &clock](gw::CancellationToken) -> QCoro::Task<int> {
        if (++attempts == 1)
            clock.advance(1001);
        co_return attempts;
    };
    const auto outcome = run(breaker.call<int>(slowThenFast));
    QVERIFY(!outcome.error);
    QCOMPARE(*outcome.value, 2);
    gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.timeouts, 1u);
    QCOMPARE(s.failures, 1u);
    QCOMPARE(s.successes, 1u);
    QVERIFY(s.lastError.contains(QStringLiteral("timed out")));

    // Exactly at the limit is still in time; without retries a late answer is an error.
    settings.maxRetries = 0;
    CircuitBreaker strict(QStringLiteral("strict"), settings, &clock);
    const Operation atLimit = [&clock](gw::CancellationToken) -> QCoro::Task<int> {
        clock.advance(1000);
        co_return 1;
    };
    QCOMPARE(*run(strict.call<int>(atLimit)).value, 1);
    const Operation late = [&clock](gw::CancellationToken) -> QCoro::Task<int> {
        clock.advance(5000);
        co_return 1;
    };
    QVERIFY(holds<gw::TimeoutError>(run(strict.call<int>(late)).error));
    s = strict.stats();
    QCOMPARE(s.timeouts, 1u);
    QCOMPARE(s.successes, 1u);
}

void TstCircuitBreaker::timerPreemptsSlowOperation()
{
    gw::ManualClock clock; // never moves: only the real timer can end the call
    CircuitBreakerSettings settings = quietSettings();
    settings.callTimeoutMs = 20;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    const Operation hanging = [](gw::CancellationToken token) -> QCoro::Task<int> {
        co_await gw::SteadyClock::instance()->sleep(60000, token);
        co_return 1;
    };
    const auto outcome = run(breaker.call<int>(hanging));
    QVERIFY(holds<gw::TimeoutError>(outcome.error));
    QCOMPARE(breaker.stats().timeouts, 1u);
    QCOMPARE(breaker.stats().cancellations, 0u);
}

void TstCircuitBreaker::slowPeriodsOfAHangingCallOpenTheBreaker()
{
    // One call that never answers and a time limit far away: its slow periods alone reach the
    // threshold, and the call is abandoned for the fallback as the breaker opens.
    gw::ManualClock clock; // the failure window never moves on
    CircuitBreakerSettings settings = quietSettings();
    settings.callTimeoutMs = 60000;
    settings.slowCallMs = 20;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    const Operation hanging = [](gw::CancellationToken token) -> QCoro::Task<int> {
        co_await gw::SteadyClock::instance()->sleep(60000, token);
        co_return 1;
    };
    QString reason;
    const std::function<int(std::exception_ptr)> fallback = [&reason](std::exception_ptr e) {
        reason = gw::describeException(e);
        return -1;
    };
    const auto outcome = run(breaker.call<int>(hanging, fallback));
    QCOMPARE(*outcome.value, -1);
    QVERIFY2(reason.contains(QStringLiteral("opened while this call went unanswered")), qPrintable(reason));
    const gw::CircuitBreakerStats stats = breaker.stats();
    QCOMPARE(stats.state, State::Open);
    QCOMPARE(stats.slowPeriods, 3u);
    QCOMPARE(stats.timeouts, 0u);
    QCOMPARE(stats.fallbacks, 1u);
    QVERIFY2(stats.lastError.contains(QStringLiteral("unanswered for 60 ms")), qPrintable(stats.lastError));
}

void TstCircuitBreaker::aSlowAnswerCountsOnceAndStillAnswers()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.callTimeoutMs = 60000;
    settings.slowCallMs = 20;
    settings.failureThreshold = 1000; // a loaded machine may see more periods; none may open it
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    // Answers after about 1.5 slow periods.
    const Operation slow = [](gw::CancellationToken token) -> QCoro::Task<int> {
        co_await gw::SteadyClock::instance()->sleep(30, token);
        co_return 7;
    };
    const auto outcome = run(breaker.call<int>(slow));
    QCOMPARE(*outcome.value, 7);
    const gw::CircuitBreakerStats stats = breaker.stats();
    QCOMPARE(stats.state, State::Closed);
    QVERIFY(stats.slowPeriods >= 1u);
    QCOMPARE(stats.successes, 1u);
    QCOMPARE(stats.failuresInWindow, int(stats.slowPeriods));

    // Fast answers never count.
    CircuitBreaker quick(QStringLiteral("quick"), settings, &clock);
    const Operation fast = [](gw::CancellationToken) -> QCoro::Task<int> { co_return 1; };
    QCOMPARE(*run(quick.call<int>(fast)).value, 1);
    QCOMPARE(quick.stats().slowPeriods, 0u);
}

void TstCircuitBreaker::fallbackWhenOpen()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.trip(QStringLiteral("down for maintenance"));
    bool operationRan = false;
    const Operation operation = [&operationRan](gw::CancellationToken) -> QCoro::Task<int> {
        operationRan = true;
        co_return 1;
    };
    QString seenBreaker;
    const std::function<int(std::exception_ptr)> fallback = [&seenBreaker](std::exception_ptr e) {
        try {
            std::rethrow_exception(e);
        } catch (const gw::CircuitOpenError &open) {
            seenBreaker = open.breaker();
        } catch (...) {}
        return -1;
    };
    const auto outcome = run(breaker.call<int>(operation, fallback));
    QCOMPARE(*outcome.value, -1);
    QVERIFY(!operationRan);
    QCOMPARE(seenBreaker, QStringLiteral("remote"));
    QCOMPARE(breaker.stats().fallbacks, 1u);
    QCOMPARE(breaker.stats().rejections, 1u);
}

void TstCircuitBreaker::openErrorNamesBreakerWithoutFallback()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.trip(QStringLiteral("connection refused"));
    clock.advance(2000);
    int attempts = 0;
    const auto outcome = run(breaker.call<int>(failingWith(attempts, QStringLiteral("x"))));
    QVERIFY(holds<gw::CircuitOpenError>(outcome.error));
    const QString text = gw::describeException(outcome.error);
    QVERIFY2(text.contains(QStringLiteral("'remote'")) && text.contains(QStringLiteral("3.0 s"))
                 && text.contains(QStringLiteral("connection refused")),
             qPrintable(text));
    QCOMPARE(attempts, 0);
}

void TstCircuitBreaker::fallbackAfterExhaustedRetries()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.failureThreshold = 10;
    settings.maxRetries = 2;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    QString seen;
    const std::function<int(std::exception_ptr)> fallback = [&seen](std::exception_ptr e) {
        seen = gw::describeException(e);
        return 99;
    };
    const auto outcome = run(breaker.call<int>(failingWith(attempts, QStringLiteral("busy")), fallback));
    QCOMPARE(*outcome.value, 99);
    QCOMPARE(attempts, 3);
    QCOMPARE(seen, QStringLiteral("busy"));
    QCOMPARE(breaker.stats().fallbacks, 1u);
}

void TstCircuitBreaker::cancellationIsNotAFailure()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.maxRetries = 3;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    gw::CancellationSource user;
    bool fallbackUsed = false;
    const std::function<int(std::exception_ptr)> fallback = [&fallbackUsed](std::exception_ptr) {
        fallbackUsed = true;
        return 0;
    };
    const Operation cancelledMidway = [&user](gw::CancellationToken token) -> QCoro::Task<int> {
        user.cancel(QStringLiteral("user pressed stop"));
        token.throwIfCancelled(); // the child token follows the caller's
        co_return 1;
    };
    auto outcome = run(breaker.call<int>(cancelledMidway, fallback, user.token()));
    QVERIFY(holds<gw::CancelledError>(outcome.error));
    QCOMPARE(gw::describeException(outcome.error), QStringLiteral("user pressed stop"));
    QVERIFY(!fallbackUsed);
    gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(s.failures, 0u);
    QCOMPARE(s.cancellations, 1u);
    QCOMPARE(s.retries, 0u);

    // Already cancelled: the operation never starts and no permission is taken.
    outcome = run(breaker.call<int>(cancelledMidway, fallback, user.token()));
    QVERIFY(holds<gw::CancelledError>(outcome.error));
    s = breaker.stats();
    QCOMPARE(s.calls, 1u);
    QCOMPARE(s.failures, 0u);
}

void TstCircuitBreaker::cancellationDuringBackoff()
{
    // A clock whose wait is interrupted by the user pressing stop.
    class InterruptedClock final : public gw::Clock
    {
    public:
        explicit InterruptedClock(gw::CancellationSource user) : m_user(std::move(user)) {}
        qint64 nowMs() const override { return 0; }
        QCoro::Task<> sleep(qint64, gw::CancellationToken token) override
        {
            m_user.cancel(QStringLiteral("stopped while waiting"));
            token.throwIfCancelled();
            co_return;
        }

    private:
        gw::CancellationSource m_user;
    };

    gw::CancellationSource user;
    InterruptedClock clock(user);
    CircuitBreakerSettings settings = quietSettings();
    settings.maxRetries = 3;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    int attempts = 0;
    bool fallbackUsed = false;
    const std::function<int(std::exception_ptr)> fallback = [&fallbackUsed](std::exception_ptr) {
        fallbackUsed = true;
        return 0;
    };
    const auto outcome = run(breaker.call<int>(failingWith(attempts, QStringLiteral("busy")), fallback, user.token()));
    QVERIFY(holds<gw::CancelledError>(outcome.error));
    QVERIFY(!fallbackUsed);
    QCOMPARE(attempts, 1);
    QCOMPARE(breaker.stats().failures, 1u); // the attempt that did fail still counts
    QCOMPARE(breaker.stats().retries, 0u);
}

void TstCircuitBreaker::staleResultIsNotAProbe()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings = quietSettings();
    settings.callTimeoutMs = 0;
    CircuitBreaker breaker(QStringLiteral("remote"), settings, &clock);
    // While this call runs, the breaker trips, recovers and lets a probe out; the call's own
    // late failure belongs to the old closed period and must not re-open the breaker.
    const Operation outlivesStateChange = [&breaker, &clock](gw::CancellationToken) -> QCoro::Task<int> {
        breaker.trip();
        clock.advance(5000);
        if (!breaker.tryAcquirePermission())
            throw gw::Error(QStringLiteral("probe refused"));
        throw gw::Error(QStringLiteral("old failure"));
        co_return 0;
    };
    const auto outcome = run(breaker.call<int>(outlivesStateChange));
    QCOMPARE(gw::describeException(outcome.error), QStringLiteral("old failure"));
    QCOMPARE(breaker.state(), State::HalfOpen);
    QVERIFY(!breaker.tryAcquirePermission()); // the real probe still holds the only slot
    breaker.recordSuccess(1);
    QCOMPARE(breaker.state(), State::Closed);
}

void TstCircuitBreaker::callProbesAndCloses()
{
    gw::ManualClock clock;
    CircuitBreaker breaker(QStringLiteral("remote"), quietSettings(), &clock);
    breaker.trip();
    clock.advance(5000);
    const Operation healthy = [](gw::CancellationToken) -> QCoro::Task<int> { co_return 5; };
    QCOMPARE(*run(breaker.call<int>(healthy)).value, 5);
    QCOMPARE(breaker.state(), State::Closed);
}

void TstCircuitBreaker::registryCreatesAndFinds()
{
    gw::ManualClock clock;
    gw::CircuitBreakerRegistry registry;
    QSignalSpy added(&registry, &gw::CircuitBreakerRegistry::breakerAdded);
    QSignalSpy changed(&registry, &gw::CircuitBreakerRegistry::anyStateChanged);

    CircuitBreaker *remote = registry.create(QStringLiteral("remote"), quietSettings(), &clock);
    CircuitBreaker *disk = registry.create(QStringLiteral("disk"), quietSettings(), &clock);
    QVERIFY(remote && disk && remote != disk);
    CircuitBreakerSettings other;
    other.failureThreshold = 99;
    QCOMPARE(registry.create(QStringLiteral("remote"), other), remote); // the existing one
    QCOMPARE(remote->settings().failureThreshold, 3);
    QCOMPARE(remote->clock(), &clock);
    QCOMPARE(added.count(), 2);

    QCOMPARE(registry.find(QStringLiteral("disk")), disk);
    QCOMPARE(registry.find(QStringLiteral("nothing")), nullptr);
    const QList<CircuitBreaker *> sorted = {disk, remote};
    QCOMPARE(registry.breakers(), sorted);

    disk->trip();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("disk"));
    QCOMPARE(changed.at(0).at(1).value<State>(), State::Closed);
    QCOMPARE(changed.at(0).at(2).value<State>(), State::Open);
}

void TstCircuitBreaker::registryAggregatesHealth()
{
    gw::ManualClock clock;
    gw::CircuitBreakerRegistry registry;
    QCOMPARE(registry.health().status, gw::HealthStatus::Ok);

    for (const char *name : {"a", "b", "c", "d"})
        registry.create(QString::fromLatin1(name), quietSettings(), &clock);
    gw::HealthCheckResult health = registry.health();
    QCOMPARE(health.status, gw::HealthStatus::Ok);
    QCOMPARE(health.reason, QStringLiteral("4 breakers closed"));

    CircuitBreaker *b = registry.find(QStringLiteral("b"));
    CircuitBreaker *c = registry.find(QStringLiteral("c"));
    b->trip(QStringLiteral("maintenance"));
    clock.advance(5000); // b is due for a probe: health notices by itself
    health = registry.health();
    QCOMPARE(health.status, gw::HealthStatus::Degraded);
    QVERIFY2(health.reason.contains(QStringLiteral("'b' half-open")), qPrintable(health.reason));

    for (int i = 0; i < 3; ++i)
        c->recordFailure(QStringLiteral("disk full"));
    clock.advance(2000);
    health = registry.health();
    QCOMPARE(health.status, gw::HealthStatus::Failed);
    QVERIFY2(health.reason.contains(QStringLiteral("'c' open since 2 s")), qPrintable(health.reason));
    QVERIFY2(health.reason.contains(QStringLiteral("disk full")), qPrintable(health.reason));
    QVERIFY2(!health.reason.contains(QStringLiteral("'a'")), qPrintable(health.reason));
}

void TstCircuitBreaker::concurrentCallersKeepCountersExact()
{
    gw::ManualClock clock;
    CircuitBreakerSettings settings;
    settings.failureThreshold = 5;
    settings.windowMs = 50;
    settings.recoveryTimeoutMs = 20;
    settings.halfOpenMaxProbes = 2;
    CircuitBreaker breaker(QStringLiteral("shared"), settings, &clock);
    std::atomic<int> transitions{0};
    QObject::connect(
        &breaker, &CircuitBreaker::stateChanged, &breaker, [&transitions] { ++transitions; }, Qt::DirectConnection);

    constexpr int threads = 4;
    constexpr int iterations = 10000;
    struct Tally
    {
        quint64 granted = 0, refused = 0, successes = 0, failures = 0;
    };
    // Plain std::thread, not QThreadPool: the system Qt is not built with ThreadSanitizer, so the
    // pool's own futex-based locking shows up as false races (a bare QtConcurrent::run of four
    // empty tasks reports them too), while std::thread's start and join are visible to TSan.
    std::vector<Tally> tallies(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&breaker, &clock, &tally = tallies[t], t] {
            for (int i = 0; i < iterations; ++i) {
                if (t == 0)
                    clock.advance(1); // time moves so windows expire and the breaker recovers
                if (i % 500 == 0)
                    (void)breaker.stats();
                if (!breaker.tryAcquirePermission()) {
                    ++tally.refused;
                    continue;
                }
                ++tally.granted;
                if ((i + t) % 4 == 0) {
                    breaker.recordFailure(QStringLiteral("boom"));
                    ++tally.failures;
                } else {
                    breaker.recordSuccess(1);
                    ++tally.successes;
                }
            }
        });
    }
    Tally total;
    for (int t = 0; t < threads; ++t) {
        workers[t].join();
        total.granted += tallies[t].granted;
        total.refused += tallies[t].refused;
        total.successes += tallies[t].successes;
        total.failures += tallies[t].failures;
    }

    const gw::CircuitBreakerStats s = breaker.stats();
    QCOMPARE(total.granted + total.refused, quint64(threads * iterations));
    QCOMPARE(s.calls, total.granted);
    QCOMPARE(s.rejections, total.refused);
    QCOMPARE(s.successes, total.successes);
    QCOMPARE(s.failures, total.failures);
    QCOMPARE(s.calls, s.successes + s.failures);
    QVERIFY(transitions.load() > 0);
}

GW_TEST_MAIN(TstCircuitBreaker)
#include "tst_circuitbreaker.moc"

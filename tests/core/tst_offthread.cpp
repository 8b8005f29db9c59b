// runOffThread / tryOffThread (the one off-thread helper) and LatestOnly (the one latest-only
// tracker): where the work runs, its result, one failure type, cancellation from outside and
// its latency, structured completion, and "the latest request wins".
#include "core/latestonly.h"
#include "core/offthread.h"
#include "core/parallelblocks.h"
#include "core/syncwait.h"
#include "testmain.h"

#include <QCoroTimer>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using gw::CancellationSource;
using gw::CancellationToken;
using gw::JobEnd;
using gw::LatestOnly;

namespace {

// Spins until cancelled (polling like real work), then throws CancelledError.
int spinUntilCancelled(const CancellationToken &token, std::atomic<bool> &started)
{
    started = true;
    for (;;) {
        token.throwIfCancelled();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

QCoro::Task<> cancelSoon(CancellationSource source, std::atomic<bool> *started)
{
    while (!*started)
        co_await QCoro::sleepFor(std::chrono::milliseconds(1));
    source.cancel(QStringLiteral("test"));
}

} // namespace

class TstOffThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnAnotherThreadAndReturnsItsResult()
    {
        QThread *caller = QThread::currentThread();
        QThread *worker = nullptr;
        const QString value =
            gw::syncWait(gw::runOffThread(QStringLiteral("t"), {}, [&worker](const CancellationToken &) {
                worker = QThread::currentThread();
                return QStringLiteral("done");
            }));
        QCOMPARE(value, QStringLiteral("done"));
        QVERIFY(worker != nullptr);
        QVERIFY(worker != caller);
        // Without a token parameter, and void.
        std::atomic<int> ran = 0;
        gw::syncWait(gw::runOffThread(QStringLiteral("t"), {}, [&ran] { ++ran; }));
        QCOMPARE(ran.load(), 1);
    }

    void failuresArriveAsTheirOwnError()
    {
        // A gw::Error keeps its type and message (no "task: " label, no TaskFailedError).
        try {
            gw::syncWait(gw::runOffThread(QStringLiteral("label"), {},
                                          []() -> int { throw gw::TimeoutError(QStringLiteral("too slow")); }));
            QFAIL("no exception");
        } catch (const gw::TaskFailedError &) {
            QFAIL("a TaskFailedError leaked out");
        } catch (const gw::TimeoutError &error) {
            QCOMPARE(error.message(), QStringLiteral("too slow"));
        }
        // Anything else becomes a gw::Error with its text.
        try {
            gw::syncWait(gw::runOffThread(QStringLiteral("label"), {},
                                          []() -> int { throw std::runtime_error("disk on fire"); }));
            QFAIL("no exception");
        } catch (const gw::CancelledError &) {
            QFAIL("a failure is not a cancel");
        } catch (const gw::Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("disk on fire")), qPrintable(error.message()));
        }
        // tryOffThread reports instead of throwing.
        const auto failed = gw::syncWait(
            gw::tryOffThread(QStringLiteral("label"), {}, []() -> int { throw gw::Error(QStringLiteral("nope")); }));
        QCOMPARE(failed.end, JobEnd::Failed);
        QCOMPARE(failed.error, QStringLiteral("nope"));
        QVERIFY(!failed.value);
        const auto fine = gw::syncWait(gw::tryOffThread(QStringLiteral("label"), {}, [] { return 42; }));
        QCOMPARE(fine.end, JobEnd::Finished);
        QCOMPARE(*fine.value, 42);
    }

    void cancelledBeforeItStartsNeverRuns()
    {
        CancellationSource source;
        source.cancel();
        std::atomic<bool> ran = false;
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError,
                                 gw::syncWait(gw::runOffThread(QStringLiteral("t"), source.token(), [&ran] {
                                     ran = true;
                                     return 1;
                                 })));
        QVERIFY(!ran);
    }

    void cancelReachesRunningWorkAndTheAwaiterWaitsForIt()
    {
        CancellationSource source;
        std::atomic<bool> started = false;
        std::atomic<bool> ended = false;
        auto work = [&](const CancellationToken &token) {
            const auto end = qScopeGuard([&ended] { ended = true; });
            return spinUntilCancelled(token, started);
        };
        cancelSoon(source, &started);
        QElapsedTimer timer;
        timer.start();
        const auto result = gw::syncWait(gw::tryOffThread(QStringLiteral("t"), source.token(), work));
        QCOMPARE(result.end, JobEnd::Cancelled);
        // Structured: the awaiter resumes only after the work has returned.
        QVERIFY(ended);
        qInfo("cancelled after %lld ms", timer.elapsed());
    }

    void latestRequestWins()
    {
        LatestOnly tracker;
        std::atomic<bool> firstStarted = false;
        const LatestOnly::Ticket first = tracker.start();
        QVERIFY(first.isLatest());
        QVERIFY(tracker.isRunning());
        const LatestOnly::Ticket second = tracker.start();
        QVERIFY(!first.isLatest());
        QVERIFY(first.token().isCancelled()); // superseded work is told to stop
        QVERIFY(second.isLatest());
        QVERIFY(!second.token().isCancelled());
        tracker.finish(first); // a stale ticket does not end the newer request
        QVERIFY(tracker.isRunning());
        tracker.finish(second);
        QVERIFY(!tracker.isRunning());

        // run(): the superseded request ends Superseded, the latest Finished.
        auto slow = tracker.run(QStringLiteral("slow"), {}, [&firstStarted](const CancellationToken &token) {
            return spinUntilCancelled(token, firstStarted);
        });
        while (!firstStarted)
            QTest::qWait(1);
        const auto latest = gw::syncWait(tracker.run(QStringLiteral("fast"), {}, [] { return 7; }));
        QCOMPARE(latest.end, JobEnd::Finished);
        QCOMPARE(*latest.value, 7);
        const auto stale = gw::syncWait(std::move(slow));
        QCOMPARE(stale.end, JobEnd::Superseded);
        QVERIFY(!stale.value);
        QVERIFY(!tracker.isRunning());

        // cancel(): the latest request ends Cancelled (not Superseded).
        std::atomic<bool> started = false;
        auto cancelled = tracker.run(QStringLiteral("c"), {}, [&started](const CancellationToken &token) {
            return spinUntilCancelled(token, started);
        });
        while (!started)
            QTest::qWait(1);
        tracker.cancel();
        QCOMPARE(gw::syncWait(std::move(cancelled)).end, JobEnd::Cancelled);

        // supersede(): stale without a newer request.
        const LatestOnly::Ticket dropped = tracker.start();
        tracker.supersede();
        QVERIFY(!dropped.isLatest());
        QVERIFY(dropped.token().isCancelled());
        QVERIFY(!tracker.isRunning());
    }

    void aTicketOutlivesItsTracker()
    {
        LatestOnly::Ticket ticket;
        std::atomic<bool> started = false;
        QCoro::Task<gw::JobResult<int>> running;
        {
            LatestOnly tracker;
            ticket = tracker.start();
            running = tracker.run(QStringLiteral("orphan"), {}, [&started](const CancellationToken &token) {
                return spinUntilCancelled(token, started);
            });
            while (!started)
                QTest::qWait(1);
        } // the tracker's owner is gone: its work is cancelled and its results are stale
        QVERIFY(!ticket.isLatest());
        QVERIFY(ticket.token().isCancelled());
        QCOMPARE(gw::syncWait(std::move(running)).end, JobEnd::Superseded);
    }

    void parallelBlocksRunEveryBlockOnceAndStopOnFailure()
    {
        std::vector<std::atomic<int>> counts(1000);
        gw::runParallelBlocks(1000, [&counts](int block) { ++counts[block]; });
        for (const auto &count : counts)
            QCOMPARE(count.load(), 1);
        std::atomic<int> ran = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, gw::runParallelBlocks(100000, [&ran](int block) {
                                     ++ran;
                                     if (block == 10)
                                         throw std::runtime_error("block 10");
                                 }));
        QVERIFY(ran.load() < 100000); // the rest were not run
        CancellationSource cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError,
                                 gw::runParallelBlocks(
                                     10, [](int) {}, cancelled.token()));
    }
};

GW_TEST_MAIN(TstOffThread)
#include "tst_offthread.moc"

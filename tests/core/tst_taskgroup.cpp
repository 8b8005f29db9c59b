#include "core/errors.h"
#include "core/syncwait.h"
#include "core/taskgroup.h"
#include "testmain.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <cmath>

namespace {

// CPU-bound work the optimiser cannot remove: a few milliseconds of floating point.
double spin(int iterations)
{
    double x = 0.5;
    for (int i = 0; i < iterations; ++i)
        x = std::sin(x) * 0.999 + std::cos(x * 0.5) * 0.001 + 1e-9 * i;
    return x;
}

// Keeps the highest value a counter of tasks in flight ever reached.
struct InFlight
{
    std::atomic<int> now{0};
    std::atomic<int> peak{0};
    void enter()
    {
        const int value = now.fetch_add(1) + 1;
        int seen = peak.load();
        while (value > seen && !peak.compare_exchange_weak(seen, value)) {}
    }
    void leave() { now.fetch_sub(1); }
};

// Polls the token every millisecond until cancelled or the budget runs out.
void busyUntilCancelled(const gw::CancellationToken &token, int budgetMs = 10'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!token.isCancelled() && timer.elapsed() < budgetMs)
        QThread::usleep(200);
    token.throwIfCancelled();
}

} // namespace

class TstTaskGroup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultsComeBackInSpawnOrder()
    {
        gw::TaskGroup<int> group({.maxParallel = 4});
        for (int i = 0; i < 200; ++i)
            group.spawn(QStringLiteral("square %1").arg(i), [i] {
                QThread::usleep((200 - i) % 7 * 50); // finish out of order
                return i * i;
            });
        const QList<int> results = gw::syncWait(group.join());
        QCOMPARE(results.size(), 200);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(results[i], i * i);
        const auto counts = group.counts();
        QCOMPARE(counts.succeeded, 200);
        QCOMPARE(counts.failed, 0);
        QCOMPARE(counts.pending + counts.running, 0);
    }

    void aWaitingTaskLendsItsSlotAndTheBoundHolds()
    {
        // One slot on a one-thread pool: without lending, the second task could never start
        // while the first waits for it.
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        gw::TaskGroup<> group({.maxParallel = 1, .pool = &pool});
        std::mutex mutex;
        std::condition_variable changed;
        bool secondRan = false;
        std::atomic<bool> firstSawIt{false};
        std::atomic<qsizetype> waitingSeen{-1};
        group.spawn(QStringLiteral("waits"), [&] {
            gw::TaskGroupBase::lendSlotWhile([&] {
                std::unique_lock lock(mutex);
                firstSawIt = changed.wait_for(lock, std::chrono::seconds(10), [&] { return secondRan; });
            });
        });
        group.spawn(QStringLiteral("computes"), [&] {
            waitingSeen = group.counts().waiting;
            std::lock_guard lock(mutex);
            secondRan = true;
            changed.notify_all();
        });
        group.waitBlocking();
        group.throwIfFailed();
        QVERIFY(firstSawIt);
        QCOMPARE(qsizetype(waitingSeen), qsizetype(1));
        QCOMPARE(group.counts().peakRunning, 1); // the waiting task does not count
        QCOMPARE(group.counts().waiting, qsizetype(0));

        // Outside any task it simply runs.
        bool ran = false;
        gw::TaskGroupBase::lendSlotWhile([&] { ran = true; });
        QVERIFY(ran);
    }

    void aTaskBackFromLendingDoesNotExceedTheBound()
    {
        // The task that took the lent slot is still computing when the lender comes back: the
        // lender finishes on borrowed time, so at most maxParallel tasks count as computing.
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        gw::TaskGroup<> group({.maxParallel = 1, .pool = &pool});
        std::mutex mutex;
        std::condition_variable changed;
        bool secondStarted = false, firstBack = false;
        std::atomic<qsizetype> computingAfterReturn{-1};
        group.spawn(QStringLiteral("lends"), [&] {
            gw::TaskGroupBase::lendSlotWhile([&] {
                std::unique_lock lock(mutex);
                changed.wait_for(lock, std::chrono::seconds(10), [&] { return secondStarted; });
            });
            const gw::TaskGroupCounts counts = group.counts();
            computingAfterReturn = counts.running - counts.waiting;
            std::lock_guard lock(mutex);
            firstBack = true;
            changed.notify_all();
        });
        group.spawn(QStringLiteral("computes"), [&] {
            std::unique_lock lock(mutex);
            secondStarted = true;
            changed.notify_all();
            changed.wait_for(lock, std::chrono::seconds(10), [&] { return firstBack; });
        });
        group.waitBlocking();
        group.throwIfFailed();
        QCOMPARE(qsizetype(computingAfterReturn), qsizetype(1));
        QCOMPARE(group.counts().waiting, qsizetype(0));
        QCOMPARE(group.counts().succeeded, qsizetype(2));
    }

    void emptyGroupJoinsAtOnce()
    {
        gw::TaskGroup<QString> group;
        QVERIFY(gw::syncWait(group.join()).isEmpty());
        gw::TaskGroup<> voidGroup;
        gw::syncWait(voidGroup.join());
    }

    void parallelismNeverExceedsTheBound()
    {
        QThreadPool pool; // more threads than the bound, so the group's bound is what is tested
        pool.setMaxThreadCount(6);
        for (const int bound : {1, 2, 3, 5}) {
            InFlight inFlight;
            gw::TaskGroup<> group({.maxParallel = bound, .pool = &pool});
            for (int i = 0; i < 60; ++i)
                group.spawn(QStringLiteral("t%1").arg(i), [&] {
                    inFlight.enter();
                    QThread::usleep(500);
                    inFlight.leave();
                });
            gw::syncWait(group.join());
            QVERIFY2(inFlight.peak <= bound,
                     qPrintable(QStringLiteral("peak %1 > bound %2").arg(inFlight.peak).arg(bound)));
            QCOMPARE(group.counts().peakRunning, inFlight.peak.load());
            if (bound > 1)
                QVERIFY(inFlight.peak >= 2); // it did run in parallel
        }
    }

    void aBoundOfTwoRunsTwoComputingTasksAtOnce()
    {
        // Two tasks that compute until both are running: they finish only if the group gives
        // them two threads at the same time. (How much faster that makes a batch is a figure,
        // not a test: graphwright-bench core prints it.)
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        std::atomic<int> started{0};
        std::atomic<int> sawBoth{0};
        gw::TaskGroup<> group({.maxParallel = 2, .pool = &pool});
        for (int i = 0; i < 2; ++i)
            group.spawn(QStringLiteral("spin %1").arg(i), [&] {
                started.fetch_add(1);
                QElapsedTimer timer;
                timer.start();
                while (started.load() < 2 && timer.elapsed() < 10'000)
                    spin(1000);
                if (started.load() == 2)
                    sawBoth.fetch_add(1);
            });
        group.joinBlocking();
        QCOMPARE(sawBoth.load(), 2);
    }

    void joinDoesNotBlockTheEventLoop()
    {
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start();
        gw::TaskGroup<> group({.maxParallel = 2});
        for (int i = 0; i < 4; ++i)
            group.spawn(QStringLiteral("sleep %1").arg(i), [] { QThread::msleep(60); });
        gw::syncWait(group.join());
        // 120 ms of work: the 5 ms timer kept firing while the coroutine was suspended.
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
    }

    void cancelWithThousandPendingStopsEverythingQuickly()
    {
        std::atomic<int> running{0};
        std::atomic<int> started{0};
        gw::TaskGroup<> group({.maxParallel = 2});
        for (int i = 0; i < 1002; ++i)
            group.spawn(QStringLiteral("task %1").arg(i), [&](const gw::CancellationToken &token) {
                started.fetch_add(1);
                running.fetch_add(1);
                const auto leave = qScopeGuard([&] { running.fetch_sub(1); });
                busyUntilCancelled(token);
            });
        while (started.load() < 2)
            QThread::usleep(100);
        QCOMPARE(group.counts().pending, 1000);

        QElapsedTimer timer;
        timer.start();
        group.cancel();
        while (running.load() > 0 && timer.elapsed() < 1000)
            QThread::usleep(50);
        const qint64 latencyMs = timer.elapsed();
        qInfo("cancel latency with 1000 pending: %lld ms", latencyMs);
        QCOMPARE(running.load(), 0);
        QVERIFY2(latencyMs < 100, qPrintable(QString::number(latencyMs)));

        group.waitBlocking();
        QCOMPARE(started.load(), 2); // no pending task started after the cancel
        const auto counts = group.counts();
        QCOMPARE(counts.cancelled, 1002);
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, gw::syncWait(group.join()));
    }

    void firstFailureCancelsSiblingsAndIsRethrownWithItsLabel()
    {
        std::atomic<int> siblingsCancelled{0};
        QThreadPool pool; // the global pool has only as many threads as cores
        pool.setMaxThreadCount(4);
        gw::TaskGroup<int> group({.maxParallel = 3, .pool = &pool, .name = QStringLiteral("ingest")});
        for (int i = 0; i < 2; ++i)
            group.spawn(QStringLiteral("sibling %1").arg(i), [&](const gw::CancellationToken &token) {
                try {
                    busyUntilCancelled(token);
                } catch (const gw::CancelledError &) {
                    siblingsCancelled.fetch_add(1);
                    throw;
                }
                return 0;
            });
        group.spawn(QStringLiteral("parse broken.pdf"), []() -> int {
            QThread::msleep(20);
            throw std::runtime_error("xref table is corrupt");
        });
        for (int i = 0; i < 50; ++i)
            group.spawn(QStringLiteral("later %1").arg(i), [] { return 1; });

        bool caught = false;
        try {
            gw::syncWait(group.join());
        } catch (const gw::TaskFailedError &e) {
            caught = true;
            QCOMPARE(e.label(), QStringLiteral("parse broken.pdf"));
            QCOMPARE(e.reason(), QStringLiteral("xref table is corrupt"));
            QVERIFY(e.message().contains(QStringLiteral("parse broken.pdf")));
            QVERIFY(e.cause());
            QVERIFY_THROWS_EXCEPTION(std::runtime_error, std::rethrow_exception(e.cause()));
        }
        QVERIFY(caught);
        QCOMPARE(siblingsCancelled.load(), 2);
        QCOMPARE(group.counts().failed, 1);
        QCOMPARE(group.state(2), gw::TaskState::Failed);
        QCOMPARE(group.state(0), gw::TaskState::Cancelled);
        QVERIFY(group.token().isCancelled());
    }

    void partialResultsSurviveACancel()
    {
        gw::TaskGroup<int> group({.maxParallel = 1});
        for (int i = 0; i < 3; ++i)
            group.spawn(QStringLiteral("quick %1").arg(i), [i] { return i + 10; });
        group.spawn(QStringLiteral("slow"), [](const gw::CancellationToken &token) {
            busyUntilCancelled(token);
            return -1;
        });
        while (group.counts().succeeded < 3)
            QThread::usleep(100);
        group.cancel();
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, gw::syncWait(group.join()));
        const auto partial = group.partialResults();
        QCOMPARE(partial.size(), 4);
        QCOMPARE(partial[0].value(), 10);
        QCOMPARE(partial[2].value(), 12);
        QVERIFY(!partial[3].has_value());
    }

    void oneTaskCanBeCancelledAlone()
    {
        gw::TaskGroup<int> group({.maxParallel = 2});
        const auto slow = group.spawn(QStringLiteral("slow"), [](const gw::CancellationToken &token) {
            busyUntilCancelled(token);
            return 1;
        });
        const auto other = group.spawn(QStringLiteral("other"), [] {
            QThread::msleep(30);
            return 2;
        });
        const auto pending = group.spawn(QStringLiteral("pending"), [] { return 3; });
        while (group.state(slow) != gw::TaskState::Running)
            QThread::usleep(100);
        QVERIFY(group.cancelTask(slow));
        group.waitBlocking();
        QCOMPARE(group.state(slow), gw::TaskState::Cancelled);
        QCOMPARE(group.state(other), gw::TaskState::Succeeded);
        QCOMPARE(group.state(pending), gw::TaskState::Succeeded);
        QVERIFY(!group.isCancelled());
        QVERIFY(!group.cancelTask(other)); // already finished
        const auto partial = group.partialResults();
        QCOMPARE(partial[1].value(), 2);
        QCOMPARE(partial[2].value(), 3);
    }

    void cancelTaskRightAsItStartsIsNotLost()
    {
        // The window between "running" and "its token exists" must not swallow a cancel.
        for (int round = 0; round < 300; ++round) {
            gw::TaskGroup<> group({.maxParallel = 1});
            const auto task = group.spawn(QStringLiteral("starting"),
                                          [](const gw::CancellationToken &token) { busyUntilCancelled(token, 2000); });
            while (group.state(task) == gw::TaskState::Pending)
                QThread::yieldCurrentThread();
            QVERIFY(group.cancelTask(task));
            group.waitBlocking();
            QCOMPARE(group.state(task), gw::TaskState::Cancelled);
        }
    }

    void noTaskOutlivesADestroyedGroup()
    {
        auto alive = std::make_shared<std::atomic<int>>(0);
        std::atomic<int> started{0};
        {
            gw::TaskGroup<> group({.maxParallel = 2});
            for (int i = 0; i < 20; ++i)
                group.spawn(QStringLiteral("t%1").arg(i), [alive, &started](const gw::CancellationToken &token) {
                    started.fetch_add(1);
                    alive->fetch_add(1);
                    const auto leave = qScopeGuard([&] {
                        QThread::msleep(5); // clean-up work after noticing the cancel
                        alive->fetch_sub(1);
                    });
                    busyUntilCancelled(token);
                });
            while (started.load() < 2)
                QThread::usleep(100);
        } // destructor cancels and waits
        QCOMPARE(alive->load(), 0);
        QCOMPARE(started.load(), 2);
    }

    void nestedCancellationReachesGrandchildren()
    {
        std::atomic<int> grandchildrenRunning{0};
        std::atomic<int> grandchildrenCancelled{0};
        gw::TaskGroup<> parent({.maxParallel = 2, .name = QStringLiteral("job")});
        for (int d = 0; d < 2; ++d)
            parent.spawn(QStringLiteral("document %1").arg(d), [&](const gw::CancellationToken &token) {
                gw::TaskGroup<> chunks({.maxParallel = 2, .parent = token, .name = QStringLiteral("chunks")});
                for (int c = 0; c < 4; ++c)
                    chunks.spawn(QStringLiteral("chunk %1").arg(c), [&](const gw::CancellationToken &chunkToken) {
                        grandchildrenRunning.fetch_add(1);
                        try {
                            busyUntilCancelled(chunkToken);
                        } catch (const gw::CancelledError &) {
                            grandchildrenCancelled.fetch_add(1);
                            grandchildrenRunning.fetch_sub(1);
                            throw;
                        }
                        grandchildrenRunning.fetch_sub(1);
                    });
                chunks.joinBlocking();
            });
        QElapsedTimer timer;
        timer.start();
        while (grandchildrenRunning.load() < 2 && timer.elapsed() < 5000)
            QThread::usleep(100);
        QVERIFY(grandchildrenRunning.load() >= 2);
        parent.cancel(QStringLiteral("user cancelled the job"));
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, gw::syncWait(parent.join()));
        QCOMPARE(grandchildrenRunning.load(), 0);
        QVERIFY(grandchildrenCancelled.load() >= 2);
    }

    void nestedBlockingGroupsDoNotDeadlockATinyPool()
    {
        // One pool thread: the parent task blocks in joinBlocking() and lends its slot to the
        // children, so the nested group still makes progress.
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        gw::TaskGroup<int> parent({.maxParallel = 1, .pool = &pool});
        parent.spawn(QStringLiteral("outer"), [&pool](const gw::CancellationToken &token) {
            gw::TaskGroup<int> inner({.maxParallel = 2, .pool = &pool, .parent = token});
            for (int i = 1; i <= 4; ++i)
                inner.spawn(QStringLiteral("inner %1").arg(i), [i] { return i; });
            int sum = 0;
            for (int v : inner.joinBlocking())
                sum += v;
            return sum;
        });
        QCOMPARE(gw::syncWait(parent.join()), QList<int>{10});
    }

    void nestedGroupsRunOnTheirParentsPool()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        gw::TaskGroup<bool> parent({.pool = &pool});
        parent.spawn(QStringLiteral("outer"), [&pool](const gw::CancellationToken &token) {
            gw::TaskGroup<bool> inner({.maxParallel = 2, .parent = token}); // no pool named
            for (int i = 0; i < 4; ++i)
                inner.spawn(QStringLiteral("inner"), [&pool] { return pool.contains(QThread::currentThread()); });
            bool allOnParentPool = true;
            for (bool onPool : inner.joinBlocking())
                allOnParentPool = allOnParentPool && onPool;
            return allOnParentPool;
        });
        QCOMPARE(gw::syncWait(parent.join()), QList<bool>{true});
        // Outside any task, the default stays the global pool.
        gw::TaskGroup<bool> top;
        top.spawn(QStringLiteral("top"),
                  [] { return QThreadPool::globalInstance()->contains(QThread::currentThread()); });
        QCOMPARE(gw::syncWait(top.join()), QList<bool>{true});
    }

    void spawnAfterCancelIsCancelledAtOnce()
    {
        gw::TaskGroup<int> group;
        group.cancel();
        bool ran = false;
        const auto index = group.spawn(QStringLiteral("late"), [&] {
            ran = true;
            return 1;
        });
        group.waitBlocking();
        QVERIFY(!ran);
        QCOMPARE(group.state(index), gw::TaskState::Cancelled);
    }

    void tasksMaySpawnIntoTheirOwnGroup()
    {
        gw::TaskGroup<int> group({.maxParallel = 2});
        std::atomic<int> children{0};
        for (int i = 0; i < 10; ++i)
            group.spawn(QStringLiteral("parent %1").arg(i), [&group, &children, i] {
                group.spawn(QStringLiteral("child of %1").arg(i), [&children] {
                    children.fetch_add(1);
                    return 0;
                });
                return 1;
            });
        const auto results = gw::syncWait(group.join());
        QCOMPARE(results.size(), 20);
        QCOMPARE(children.load(), 10);
    }

    void cancelledParentTokenCancelsNewGroup()
    {
        gw::CancellationSource job;
        gw::TaskGroup<> group({.parent = job.token()});
        std::atomic<int> started{0};
        group.spawn(QStringLiteral("wait"), [&](const gw::CancellationToken &token) {
            started = 1;
            busyUntilCancelled(token);
        });
        while (!started)
            QThread::usleep(100);
        job.cancel(QStringLiteral("window closed"));
        group.waitBlocking();
        QVERIFY(group.isCancelled());
        try {
            group.throwIfFailed();
            QFAIL("expected CancelledError");
        } catch (const gw::CancelledError &e) {
            QVERIFY(e.message().contains(QStringLiteral("window closed")));
        }
    }
};

GW_TEST_MAIN(TstTaskGroup)
#include "tst_taskgroup.moc"

#include "core/asyncsemaphore.h"
#include "core/errors.h"
#include "core/syncwait.h"
#include "testmain.h"

#include <QCoroTimer>
#include <QElapsedTimer>
#include <QTimer>

#include <atomic>
#include <thread>
#include <vector>

namespace {

// Waits for a permit, notes its turn, holds the permit until `hold` ms later.
QCoro::Task<> takeTurn(gw::AsyncSemaphore &semaphore, QList<int> &order, int who, int holdMs = 0)
{
    co_await semaphore.acquire();
    order.append(who);
    if (holdMs > 0) {
        QTimer timer;
        timer.setSingleShot(true);
        timer.start(holdMs);
        co_await timer;
    }
    semaphore.release();
}

QCoro::Task<bool> acquireExpectingCancel(gw::AsyncSemaphore &semaphore, gw::CancellationToken token)
{
    try {
        co_await semaphore.acquire(token);
    } catch (const gw::CancelledError &) {
        co_return true;
    }
    semaphore.release();
    co_return false;
}

void spinEvents(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

class TstAsyncSemaphore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freePermitsAreTakenAtOnce()
    {
        gw::AsyncSemaphore semaphore(2);
        gw::syncWait(semaphore.acquire());
        QVERIFY(semaphore.tryAcquire());
        QVERIFY(!semaphore.tryAcquire());
        QCOMPARE(semaphore.available(), 0);
        semaphore.release(2);
        QCOMPARE(semaphore.available(), 2);
    }

    void waitersAreServedInArrivalOrder()
    {
        gw::AsyncSemaphore semaphore(1);
        QVERIFY(semaphore.tryAcquire());
        QList<int> order;
        std::vector<QCoro::Task<>> waiters;
        for (int who = 0; who < 5; ++who)
            waiters.push_back(takeTurn(semaphore, order, who)); // QCoro tasks start eagerly
        QCOMPARE(semaphore.waiting(), 5);
        QVERIFY(!semaphore.tryAcquire()); // no barging past the queue
        semaphore.release();
        for (auto &task : waiters)
            gw::syncWait(std::move(task));
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(semaphore.available(), 1);
    }

    void waitingDoesNotBlockTheEventLoop()
    {
        gw::AsyncSemaphore semaphore(1);
        QVERIFY(semaphore.tryAcquire());
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(5);
        QTimer::singleShot(80, this, [&] { semaphore.release(); });
        gw::syncWait(semaphore.acquire());
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
        semaphore.release();
    }

    void cancelledWaiterLeavesTheQueueWithoutAPermit()
    {
        gw::AsyncSemaphore semaphore(1);
        QVERIFY(semaphore.tryAcquire());
        gw::CancellationSource source;
        auto cancelled = acquireExpectingCancel(semaphore, source.token());
        QList<int> order;
        auto next = takeTurn(semaphore, order, 7);
        QCOMPARE(semaphore.waiting(), 2);
        source.cancel();
        QVERIFY(gw::syncWait(std::move(cancelled)));
        QCOMPARE(semaphore.waiting(), 1);
        semaphore.release(); // goes to the next waiter, not the cancelled one
        gw::syncWait(std::move(next));
        QCOMPARE(order, QList<int>{7});
        QCOMPARE(semaphore.available(), 1);
    }

    void alreadyCancelledTokenThrowsAtOnce()
    {
        gw::AsyncSemaphore semaphore(1);
        gw::CancellationSource source;
        source.cancel();
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, gw::syncWait(semaphore.acquire(source.token())));
        QCOMPARE(semaphore.available(), 1);
    }

    void blockingAcquireBoundsWorkerThreads()
    {
        gw::AsyncSemaphore semaphore(3);
        std::atomic<int> inside{0};
        std::atomic<int> peak{0};
        std::vector<std::thread> workers;
        for (int t = 0; t < 8; ++t)
            workers.emplace_back([&] {
                for (int i = 0; i < 50; ++i) {
                    semaphore.acquireBlocking();
                    const int now = inside.fetch_add(1) + 1;
                    int seen = peak.load();
                    while (now > seen && !peak.compare_exchange_weak(seen, now)) {}
                    std::this_thread::sleep_for(std::chrono::microseconds(100));
                    inside.fetch_sub(1);
                    semaphore.release();
                }
            });
        for (auto &worker : workers)
            worker.join();
        QVERIFY(peak.load() <= 3);
        QVERIFY(peak.load() >= 2);
        QCOMPARE(semaphore.available(), 3);
    }

    void blockingAcquireCanBeCancelled()
    {
        gw::AsyncSemaphore semaphore(1);
        QVERIFY(semaphore.tryAcquire());
        gw::CancellationSource source;
        std::atomic<bool> threw{false};
        std::thread worker([&] {
            try {
                semaphore.acquireBlocking(source.token());
            } catch (const gw::CancelledError &) {
                threw = true;
            }
        });
        while (semaphore.waiting() == 0)
            std::this_thread::yield();
        source.cancel();
        worker.join();
        QVERIFY(threw.load());
        QCOMPARE(semaphore.waiting(), 0);
        semaphore.release();
        QCOMPARE(semaphore.available(), 1);
    }

    // A cancel whose first hook frees the permit grants it to a blocked waiter while the cancelling
    // thread is still running hooks, the waiter's own among them. The waiter must not hold the
    // semaphore's lock while it waits for its hook to finish (that hook takes the lock): this
    // deadlocked the remote extractor's cancel about one run in eight.
    void blockingWaiterGrantedDuringCancelDoesNotDeadlock()
    {
        // Heap state, left behind on failure: the deadlocked threads still point into it.
        struct Shared
        {
            gw::AsyncSemaphore semaphore{1};
            gw::CancellationSource source;
            std::atomic<bool> acquired{false};
            std::atomic<bool> cancelReturned{false};
        };
        for (int round = 0; round < 5; ++round) {
            auto shared = std::make_shared<Shared>();
            QVERIFY(shared->semaphore.tryAcquire());
            // The holder gives its permit back on cancel, then lingers as a slow hook would.
            shared->source.token().onCancel([shared] {
                shared->semaphore.release();
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
            });
            std::thread worker([shared] {
                try {
                    shared->semaphore.acquireBlocking(shared->source.token());
                    shared->acquired = true;
                    shared->semaphore.release();
                } catch (const gw::CancelledError &) {}
            });
            while (shared->semaphore.waiting() == 0)
                std::this_thread::yield();
            std::this_thread::sleep_for(std::chrono::milliseconds(10)); // its hook is registered
            std::thread canceller([shared] {
                shared->source.cancel();
                shared->cancelReturned = true;
            });
            QElapsedTimer waited;
            waited.start();
            while (!shared->cancelReturned && waited.elapsed() < 10000)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (!shared->cancelReturned) {
                worker.detach();
                canceller.detach();
                QFAIL("cancel and the granted waiter deadlocked");
            }
            worker.join();
            canceller.join();
            QVERIFY(shared->acquired.load()); // the permit was granted before the hook withdrew it
            QCOMPARE(shared->semaphore.available(), 1);
            QCOMPARE(shared->semaphore.waiting(), 0);
        }
    }

    void releaseFromAnotherThreadWakesACoroutine()
    {
        gw::AsyncSemaphore semaphore(1);
        QVERIFY(semaphore.tryAcquire());
        std::thread releaser([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            semaphore.release();
        });
        gw::syncWait(semaphore.acquire());
        releaser.join();
        QCOMPARE(semaphore.available(), 0);
        spinEvents(1);
    }
};

GW_TEST_MAIN(TstAsyncSemaphore)
#include "tst_asyncsemaphore.moc"

#include "core/cancellation.h"
#include "core/errors.h"
#include "testmain.h"

#include <QThread>

#include <thread>

#include <atomic>

class TstCancellation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultTokenIsNeverCancelled()
    {
        gw::CancellationToken token;
        QVERIFY(!token.isCancelled());
        QVERIFY(!token.canBeCancelled());
        bool ran = false;
        QCOMPARE(token.onCancel([&] { ran = true; }), gw::CancellationToken::CallbackId(0));
        QVERIFY(!ran);
        token.throwIfCancelled(); // must not throw
    }

    void cancelSetsFlagReasonAndThrows()
    {
        gw::CancellationSource source;
        auto token = source.token();
        QVERIFY(!token.isCancelled());
        source.cancel(QStringLiteral("user pressed Stop"));
        QVERIFY(token.isCancelled());
        QCOMPARE(token.reason(), QStringLiteral("user pressed Stop"));
        QVERIFY_THROWS_EXCEPTION(gw::CancelledError, token.throwIfCancelled());
        try {
            token.throwIfCancelled();
        } catch (const gw::CancelledError &e) {
            QCOMPARE(e.message(), QStringLiteral("user pressed Stop"));
        }
    }

    void cancellationFlowsDownTheTreeOnly()
    {
        gw::CancellationSource job;
        gw::CancellationSource document(job.token());
        gw::CancellationSource chunk(document.token());
        gw::CancellationSource sibling(job.token());

        document.cancel(QStringLiteral("document cancelled"));
        QVERIFY(document.isCancelled());
        QVERIFY(chunk.isCancelled());
        QCOMPARE(chunk.token().reason(), QStringLiteral("document cancelled"));
        QVERIFY(!job.isCancelled());
        QVERIFY(!sibling.isCancelled());

        job.cancel(QStringLiteral("job cancelled"));
        QVERIFY(sibling.isCancelled());
        QCOMPARE(sibling.token().reason(), QStringLiteral("job cancelled"));
        // Already cancelled: keeps its first reason.
        QCOMPARE(document.token().reason(), QStringLiteral("document cancelled"));
    }

    void childOfCancelledParentStartsCancelled()
    {
        gw::CancellationSource parent;
        parent.cancel();
        gw::CancellationSource child(parent.token());
        QVERIFY(child.isCancelled());
    }

    void callbacksRunOnceAndCanBeRemoved()
    {
        gw::CancellationSource source;
        int first = 0;
        int removed = 0;
        source.token().onCancel([&] { ++first; });
        const auto id = source.token().onCancel([&] { ++removed; });
        source.token().removeCallback(id);
        source.cancel();
        source.cancel();
        QCOMPARE(first, 1);
        QCOMPARE(removed, 0);

        int late = 0;
        QCOMPARE(source.token().onCancel([&] { ++late; }), gw::CancellationToken::CallbackId(0));
        QCOMPARE(late, 1); // registered after the fact: runs at once
    }

    void scopedCallbackUnregisters()
    {
        gw::CancellationSource source;
        int calls = 0;
        {
            gw::CancellationCallback hook(source.token(), [&] { ++calls; });
        }
        source.cancel();
        QCOMPARE(calls, 0);
    }

    void droppedChildUnlinksFromParent()
    {
        gw::CancellationSource parent;
        for (int i = 0; i < 1000; ++i) {
            gw::CancellationSource child(parent.token());
            Q_UNUSED(child);
        }
        int calls = 0;
        parent.token().onCancel([&] { ++calls; });
        parent.cancel();
        QCOMPARE(calls, 1);
    }

    void concurrentCancelRunsHooksExactlyOnce()
    {
        for (int round = 0; round < 50; ++round) {
            gw::CancellationSource root;
            QList<gw::CancellationSource> children;
            for (int i = 0; i < 16; ++i)
                children.append(gw::CancellationSource(root.token()));
            std::atomic<int> hooks{0};
            for (auto &child : children)
                child.token().onCancel([&] { hooks.fetch_add(1); });

            // std::thread rather than QtConcurrent: ThreadSanitizer cannot see Qt's pool hand-off.
            std::vector<std::thread> cancellers;
            for (int t = 0; t < 4; ++t)
                cancellers.emplace_back([&root, &children, t] {
                    if (t == 0)
                        root.cancel();
                    else
                        children[t].cancel();
                });
            for (auto &thread : cancellers)
                thread.join();
            QCOMPARE(hooks.load(), 16);
            for (auto &child : children)
                QVERIFY(child.isCancelled());
        }
    }

    void removeCallbackWaitsForARunningHook()
    {
        gw::CancellationSource source;
        std::atomic<bool> hookStarted{false};
        std::atomic<bool> hookFinished{false};
        const auto id = source.token().onCancel([&] {
            hookStarted = true;
            QThread::msleep(50);
            hookFinished = true;
        });
        std::thread canceller([&] { source.cancel(); });
        while (!hookStarted)
            QThread::yieldCurrentThread();
        source.token().removeCallback(id);
        // The hook may touch state owned by the remover: it must be done by now.
        QVERIFY(hookFinished);
        canceller.join();
    }
};

GW_TEST_MAIN(TstCancellation)
#include "tst_cancellation.moc"

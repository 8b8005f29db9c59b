#include "core/eventlooplagprobe.h"
#include "testmain.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

using namespace gw;

namespace {

// A real event loop: QTest::qWait sleeps 10 ms between its rounds of event processing, which
// would read as lag.
void runEventLoop(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

class TestEventLoopLagProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockedLoopShowsItsLag()
    {
        EventLoopLagProbe probe;
        runEventLoop(30);
        QMetaObject::invokeMethod(
            this, [] { QThread::msleep(120); }, Qt::QueuedConnection);
        runEventLoop(60);
        const EventLoopLagSnapshot lag = probe.snapshot();
        QVERIFY2(lag.maxMs >= 100, qPrintable(QString::number(lag.maxMs)));
        QVERIFY(lag.maxMs < 1000);
        QVERIFY(lag.samples > 2);
    }

    void freeRunningLoopHasLittleLag()
    {
        EventLoopLagProbe probe;
        runEventLoop(300);
        const EventLoopLagSnapshot lag = probe.snapshot();
        QVERIFY2(lag.samples >= 20, qPrintable(QString::number(lag.samples)));
        QVERIFY2(lag.p50Ms < 5, qPrintable(QString::number(lag.p50Ms)));
        QVERIFY(lag.p50Ms <= lag.p95Ms && lag.p95Ms <= lag.p99Ms && lag.p99Ms <= lag.maxMs);
    }

    void resetForgetsAndIntervalIsConfigurable()
    {
        EventLoopLagProbe probe(nullptr, 2);
        QCOMPARE(probe.intervalMs(), 2);
        QVERIFY(probe.isRunning());
        QMetaObject::invokeMethod(
            this, [] { QThread::msleep(40); }, Qt::QueuedConnection);
        runEventLoop(60);
        QVERIFY(probe.snapshot().maxMs >= 30);
        probe.reset();
        QCOMPARE(probe.snapshot().samples, 0);
        probe.setIntervalMs(0); // clamped
        QCOMPARE(probe.intervalMs(), 1);
        probe.stop();
        QVERIFY(!probe.isRunning());
        runEventLoop(20);
        QCOMPARE(probe.snapshot().samples, 0);
        probe.start();
        runEventLoop(30);
        QVERIFY(probe.snapshot().samples > 0);
        QVERIFY(probe.snapshot().maxMs < 20); // the stopped time is no lag
    }

    void measuresTheThreadItLivesOn()
    {
        QThread thread;
        auto *probe = new EventLoopLagProbe;
        probe->moveToThread(&thread);
        connect(&thread, &QThread::finished, probe, &QObject::deleteLater);
        thread.start();
        runEventLoop(30);
        // Blocking this (main) thread does not delay the probe's thread.
        QThread::msleep(100);
        runEventLoop(30);
        QVERIFY(probe->snapshot().samples > 5);
        QVERIFY2(probe->snapshot().maxMs < 90, qPrintable(QString::number(probe->snapshot().maxMs)));
        thread.quit();
        thread.wait();
    }
};

GW_TEST_MAIN(TestEventLoopLagProbe)
#include "tst_eventlooplagprobe.moc"

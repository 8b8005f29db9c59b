// InterruptWatcher keeps an interrupt that comes before anything listens: the CLI installs it
// before the project opens (a nested event loop runs there) and connects only afterwards.
#include "cli/interruptwatcher.h"
#include "testmain.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace gw;

class TstInterruptWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One test only: the handler's count lives for the process, and a second SIGINT exits it.
    void anInterruptBeforeStartIsDeliveredAfterIt()
    {
        InterruptWatcher watcher;
        QVERIFY(std::raise(SIGINT) == 0); // caught: the process goes on
        QSignalSpy early(&watcher, &InterruptWatcher::interrupted);
        QTest::qWait(300); // an event loop runs, as while a project opens: nothing is delivered yet
        QCOMPARE(early.count(), 0);

        QSignalSpy interrupted(&watcher, &InterruptWatcher::interrupted);
        watcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(interrupted.count(), 1, 5000);
        QTest::qWait(200); // once, not on every poll
        QCOMPARE(interrupted.count(), 1);
    }
};

GW_TEST_MAIN(TstInterruptWatcher)
#include "tst_interruptwatcher.moc"

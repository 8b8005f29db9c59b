#include "core/circuitbreakerregistry.h"
#include "core/healthmonitor.h"
#include "core/manualclock.h"
#include "gui/breakermodel.h"
#include "gui/breakerpanel.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>

#include <thread>

using namespace gw;

namespace {

QString stateText(const BreakerModel &model, int row)
{
    return model.index(row, BreakerModel::StateColumn).data().toString();
}

int rowOf(const BreakerModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, BreakerModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

CircuitBreakerSettings quickSettings()
{
    CircuitBreakerSettings settings;
    settings.failureThreshold = 3;
    settings.recoveryTimeoutMs = 30000;
    return settings;
}

} // namespace

class TestBreakerModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowTheRegistry()
    {
        ManualClock clock;
        CircuitBreakerRegistry registry;
        registry.create(QStringLiteral("remote"), quickSettings(), &clock);
        registry.create(QStringLiteral("disk"), quickSettings(), &clock);
        BreakerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRegistry(&registry);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BreakerModel::ColumnCount));
        QCOMPARE(model.index(0, BreakerModel::NameColumn).data().toString(), QStringLiteral("disk"));
        QCOMPARE(stateText(model, 0), QStringLiteral("closed"));
        QCOMPARE(model.index(0, BreakerModel::FailuresColumn).data().toString(), QStringLiteral("0 / 3"));
        QVERIFY(model.index(0, BreakerModel::StateColumn).data(Qt::DecorationRole).isValid());
        QCOMPARE(model.headerData(BreakerModel::NextProbeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Next probe"));

        // Created later, on another thread: appears in name order once events are processed.
        std::thread([&] { registry.create(QStringLiteral("extractor"), quickSettings(), &clock); }).join();
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(rowOf(model, QStringLiteral("extractor")), 1);
        QCOMPARE(model.breaker(1), registry.find(QStringLiteral("extractor")));
        QCOMPARE(model.breaker(3), nullptr);
    }

    void stateChangesShowEvenFromAnotherThread()
    {
        ManualClock clock;
        CircuitBreakerRegistry registry;
        CircuitBreaker *remote = registry.create(QStringLiteral("remote"), quickSettings(), &clock);
        BreakerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRegistry(&registry);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        std::thread([remote] { remote->trip(QStringLiteral("connection refused\nat line 2")); }).join();
        // The queued anyStateChanged refreshes at once, well before the 250 ms sampling.
        QTRY_COMPARE_WITH_TIMEOUT(stateText(model, 0), QStringLiteral("open"), 200);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.index(0, BreakerModel::NextProbeColumn).data().toString(), QStringLiteral("in 30 s"));
        QCOMPARE(model.index(0, BreakerModel::LastErrorColumn).data().toString(), QStringLiteral("connection refused"));
        QCOMPARE(model.index(0, BreakerModel::LastErrorColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("connection refused\nat line 2"));

        // Nothing changed: sampling emits no dataChanged.
        changed.clear();
        model.refresh();
        QCOMPARE(changed.size(), 0);

        // The recovery timeout passes: sampling notices half-open.
        clock.advance(12000);
        model.refresh();
        QCOMPARE(model.index(0, BreakerModel::NextProbeColumn).data().toString(), QStringLiteral("in 18 s"));
        clock.advance(18000);
        QTRY_COMPARE(stateText(model, 0), QStringLiteral("half-open"));
        QCOMPARE(model.index(0, BreakerModel::NextProbeColumn).data().toString(), QStringLiteral("probing"));

        // Failures counted while closed.
        remote->reset();
        for (int i = 0; i < 2; ++i) {
            QVERIFY(remote->tryAcquirePermission());
            remote->recordFailure(QStringLiteral("timeout"), true);
        }
        QTRY_COMPARE(model.index(0, BreakerModel::FailuresColumn).data().toString(), QStringLiteral("2 / 3"));
        QCOMPARE(stateText(model, 0), QStringLiteral("closed"));
    }

    void registryGoneEmptiesTheModel()
    {
        BreakerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        {
            CircuitBreakerRegistry registry;
            registry.create(QStringLiteral("remote"));
            model.setRegistry(&registry);
            QCOMPARE(model.rowCount(), 1);
        }
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.registry(), nullptr);
        model.refresh();
    }

    void panelResetClosesATrippedBreaker()
    {
        ManualClock clock;
        CircuitBreakerRegistry registry;
        registry.create(QStringLiteral("disk"), quickSettings(), &clock);
        CircuitBreaker *remote = registry.create(QStringLiteral("remote"), quickSettings(), &clock);
        BreakerPanel panel;
        panel.setRegistry(&registry);
        panel.resize(700, 300);
        panel.show();
        auto *reset = panel.findChild<QPushButton *>(QStringLiteral("resetButton"));
        auto *trip = panel.findChild<QPushButton *>(QStringLiteral("tripButton"));
        QVERIFY(reset && trip);
        QVERIFY(!reset->isEnabled() && !trip->isEnabled()); // nothing selected

        panel.view()->selectRow(1);
        QCOMPARE(panel.selectedBreaker(), remote);
        QVERIFY(trip->isEnabled());
        QVERIFY(!reset->isEnabled()); // closed, no failures: nothing to reset
        trip->click();
        QCOMPARE(remote->state(), CircuitBreaker::State::Open);
        QCOMPARE(remote->stats().lastError, QStringLiteral("tripped by hand"));
        QCOMPARE(stateText(*panel.model(), 1), QStringLiteral("open"));
        QVERIFY(reset->isEnabled());
        QVERIFY(!trip->isEnabled());

        reset->click();
        QCOMPARE(remote->state(), CircuitBreaker::State::Closed);
        QCOMPARE(stateText(*panel.model(), 1), QStringLiteral("closed"));
    }

    void panelShowsTheHealthReport()
    {
        CircuitBreakerRegistry registry;
        registry.create(QStringLiteral("remote"))->trip();
        HealthMonitor monitor;
        monitor.registerCheck(QStringLiteral("breakers"), [&registry] { return registry.health(); });
        QSemaphore release; // holds the round open until the test has looked at it
        monitor.registerCheck(QStringLiteral("disk"), [&release] {
            release.acquire();
            return HealthCheckResult{HealthStatus::Ok, QStringLiteral("12 GB free")};
        });
        BreakerPanel panel;
        panel.setRegistry(&registry);
        QSignalSpy shown(&panel, &BreakerPanel::healthReportShown);
        panel.setHealthMonitor(&monitor); // starts a round at once
        QVERIFY(panel.isCheckingHealth());
        QVERIFY(!panel.refreshHealth()); // still running: the tick is skipped
        release.release();
        QTRY_COMPARE(shown.size(), 1);
        auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("healthList"));
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("breakers"));
        QVERIFY(list->topLevelItem(0)->text(1).contains(QStringLiteral("remote")));
        QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("12 GB free"));
        QVERIFY(!list->topLevelItem(0)->icon(0).isNull());
        panel.setHealthMonitor(nullptr);
        QCOMPARE(list->topLevelItemCount(), 0);
    }

    // GW_SCREENSHOT_DIR=/tmp: a picture of the panel with breakers in all three states.
    void screenshot()
    {
        const QString shots = qEnvironmentVariable("GW_SCREENSHOT_DIR");
        if (shots.isEmpty())
            QSKIP("GW_SCREENSHOT_DIR is not set");
        ManualClock clock;
        CircuitBreakerRegistry registry;
        CircuitBreaker *disk = registry.create(QStringLiteral("project-disk"), quickSettings(), &clock);
        QVERIFY(disk->tryAcquirePermission());
        disk->recordFailure(QStringLiteral("disk full while writing /home/ada/demo.gwp-journal"));
        CircuitBreaker *geo = registry.create(QStringLiteral("geocoder"), quickSettings(), &clock);
        geo->trip(QStringLiteral("tripped by hand"));
        clock.advance(30000);
        QCOMPARE(geo->state(), CircuitBreaker::State::HalfOpen);
        CircuitBreaker *remote = registry.create(QStringLiteral("remote-extractor"), quickSettings(), &clock);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(remote->tryAcquirePermission());
            remote->recordFailure(QStringLiteral("connection refused: https://extract.example.org/v1/entities "
                                                 "(is the service running?)"));
        }
        clock.advance(7400);
        QCOMPARE(remote->state(), CircuitBreaker::State::Open);
        HealthMonitor monitor;
        monitor.registerCheck(QStringLiteral("circuit breakers"), [&registry] { return registry.health(); });
        monitor.registerCheck(QStringLiteral("disk space"), [] {
            return HealthCheckResult{HealthStatus::Ok, QStringLiteral("41.2 GB free of 100 GB")};
        });
        monitor.registerCheck(QStringLiteral("workers"), [] {
            return HealthCheckResult{HealthStatus::Degraded, QStringLiteral("4 of 4 workers busy")};
        });
        BreakerPanel panel;
        panel.setRegistry(&registry);
        QSignalSpy shown(&panel, &BreakerPanel::healthReportShown);
        panel.setHealthMonitor(&monitor);
        panel.resize(980, 260);
        panel.show();
        panel.view()->selectRow(2);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY(panel.grab().save(QDir(shots).filePath(QStringLiteral("breakerpanel.png"))));
    }
};

GW_TEST_WIDGETS_MAIN(TestBreakerModel)
#include "tst_breakermodel.moc"

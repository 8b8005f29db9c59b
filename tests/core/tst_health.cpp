#include "testmain.h"

#include "core/errors.h"
#include "core/healthmonitor.h"

#include <QCoroTask>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSemaphore>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <limits>
#include <stdexcept>

using namespace gw;

namespace {

HealthCheck fixed(HealthStatus status, const QString &reason)
{
    return [status, reason] { return HealthCheckResult{status, reason}; };
}

bool containsNumber(const QString &text)
{
    return text.contains(QRegularExpression(QStringLiteral("\\d")));
}

} // namespace

class TestHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noChecksIsOk();
    void allOkIsOk();
    void oneDegradedIsDegraded();
    void anyFailedIsFailed();
    void throwingCheckFailsWithItsMessage();
    void registrationOrderReplaceAndUnregister();
    void asyncGivesSameReportOffThread();
    void statusNames();
    void reportJsonAndText();
    void diskSpaceMeasuresRealDirectory();
    void diskSpaceOnMissingPathFails();
    void writableDirectory();
    void threadPoolSaturatedIsDegraded();
};

void TestHealth::noChecksIsOk()
{
    HealthMonitor monitor;
    const HealthReport report = monitor.runChecks();
    QCOMPARE(report.overall, HealthStatus::Ok);
    QCOMPARE(report.entries.size(), 0);
}

void TestHealth::allOkIsOk()
{
    HealthMonitor monitor;
    monitor.registerCheck(QStringLiteral("a"), fixed(HealthStatus::Ok, QStringLiteral("fine")));
    monitor.registerCheck(QStringLiteral("b"), fixed(HealthStatus::Ok, QStringLiteral("also fine")));
    const HealthReport report = monitor.runChecks();
    QCOMPARE(report.overall, HealthStatus::Ok);
    QCOMPARE(report.entries.size(), 2);
    QCOMPARE(report.entries[1].reason, QStringLiteral("also fine"));
}

void TestHealth::oneDegradedIsDegraded()
{
    HealthMonitor monitor;
    monitor.registerCheck(QStringLiteral("a"), fixed(HealthStatus::Ok, QStringLiteral("fine")));
    monitor.registerCheck(QStringLiteral("b"), fixed(HealthStatus::Degraded, QStringLiteral("slow")));
    monitor.registerCheck(QStringLiteral("c"), fixed(HealthStatus::Ok, QStringLiteral("fine")));
    const HealthReport report = monitor.runChecks();
    QCOMPARE(report.overall, HealthStatus::Degraded);
    QCOMPARE(report.entries[1].status, HealthStatus::Degraded);
    QCOMPARE(report.entries[1].reason, QStringLiteral("slow"));
}

void TestHealth::anyFailedIsFailed()
{
    HealthMonitor monitor;
    monitor.registerCheck(QStringLiteral("a"), fixed(HealthStatus::Failed, QStringLiteral("down")));
    monitor.registerCheck(QStringLiteral("b"), fixed(HealthStatus::Degraded, QStringLiteral("slow")));
    monitor.registerCheck(QStringLiteral("c"), fixed(HealthStatus::Ok, QStringLiteral("fine")));
    const HealthReport report = monitor.runChecks();
    QCOMPARE(report.overall, HealthStatus::Failed);
    QCOMPARE(report.entries.size(), 3);
    QCOMPARE(report.entries[0].reason, QStringLiteral("down"));
}

void TestHealth::throwingCheckFailsWithItsMessage()
{
    HealthMonitor monitor;
    monitor.registerCheck(QStringLiteral("std"),
                          []() -> HealthCheckResult { throw std::runtime_error("socket closed"); });
    monitor.registerCheck(QStringLiteral("gw"),
                          []() -> HealthCheckResult { throw Error(QStringLiteral("database locked")); });
    monitor.registerCheck(QStringLiteral("after"), fixed(HealthStatus::Ok, QStringLiteral("fine")));
    const HealthReport report = monitor.runChecks();
    QCOMPARE(report.overall, HealthStatus::Failed);
    QCOMPARE(report.entries.size(), 3); // a throwing check does not stop the others
    QCOMPARE(report.entries[0].status, HealthStatus::Failed);
    QVERIFY2(report.entries[0].reason.contains(QStringLiteral("socket closed")), qPrintable(report.entries[0].reason));
    QVERIFY2(report.entries[1].reason.contains(QStringLiteral("database locked")),
             qPrintable(report.entries[1].reason));
    QCOMPARE(report.entries[2].status, HealthStatus::Ok);
}

void TestHealth::registrationOrderReplaceAndUnregister()
{
    HealthMonitor monitor;
    monitor.registerCheck(QStringLiteral("disk"), fixed(HealthStatus::Failed, QStringLiteral("old")));
    monitor.registerCheck(QStringLiteral("slow"), [] {
        QThread::msleep(20);
        return HealthCheckResult{HealthStatus::Ok, QStringLiteral("took a while")};
    });
    monitor.registerCheck(QStringLiteral("disk"), fixed(HealthStatus::Ok, QStringLiteral("new")));
    QCOMPARE(monitor.checkNames(), (QStringList{QStringLiteral("disk"), QStringLiteral("slow")}));

    HealthReport report = monitor.runChecks();
    QCOMPARE(report.overall, HealthStatus::Ok);
    QCOMPARE(report.entries[0].reason, QStringLiteral("new"));
    QVERIFY2(report.entries[1].durationMs >= 15, qPrintable(QString::number(report.entries[1].durationMs)));

    monitor.unregisterCheck(QStringLiteral("disk"));
    monitor.unregisterCheck(QStringLiteral("never registered"));
    report = monitor.runChecks();
    QCOMPARE(report.entries.size(), 1);
    QCOMPARE(report.entries[0].name, QStringLiteral("slow"));
}

void TestHealth::asyncGivesSameReportOffThread()
{
    HealthMonitor monitor;
    std::atomic<QThread *> ranOn{nullptr};
    monitor.registerCheck(QStringLiteral("where"), [&ranOn] {
        ranOn = QThread::currentThread();
        return HealthCheckResult{HealthStatus::Degraded, QStringLiteral("measured")};
    });
    monitor.registerCheck(QStringLiteral("boom"), []() -> HealthCheckResult { throw std::runtime_error("boom"); });
    const HealthReport syncReport = monitor.runChecks();
    QCOMPARE(ranOn.load(), QThread::currentThread());

    ranOn = nullptr;
    const HealthReport asyncReport = QCoro::waitFor(monitor.runChecksAsync());
    QVERIFY(ranOn.load() != nullptr);
    QVERIFY(ranOn.load() != QThread::currentThread());
    QCOMPARE(asyncReport.overall, syncReport.overall);
    QCOMPARE(asyncReport.entries.size(), syncReport.entries.size());
    for (qsizetype i = 0; i < syncReport.entries.size(); ++i) {
        QCOMPARE(asyncReport.entries[i].name, syncReport.entries[i].name);
        QCOMPARE(asyncReport.entries[i].status, syncReport.entries[i].status);
        QCOMPARE(asyncReport.entries[i].reason, syncReport.entries[i].reason);
    }
}

void TestHealth::statusNames()
{
    QCOMPARE(healthStatusName(HealthStatus::Ok), QStringLiteral("ok"));
    QCOMPARE(healthStatusName(HealthStatus::Degraded), QStringLiteral("degraded"));
    QCOMPARE(healthStatusName(HealthStatus::Failed), QStringLiteral("failed"));
}

void TestHealth::reportJsonAndText()
{
    HealthReport report;
    report.overall = HealthStatus::Degraded;
    report.entries.append(HealthEntry{QStringLiteral("disk"), HealthStatus::Ok, QStringLiteral("plenty"), 1});
    report.entries.append(
        HealthEntry{QStringLiteral("workers"), HealthStatus::Degraded, QStringLiteral("4 of 4 threads busy"), 0});

    const QJsonObject json = healthReportToJson(report);
    QCOMPARE(json.value(QStringLiteral("overall")).toString(), QStringLiteral("degraded"));
    const QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), 2);
    const QJsonObject workers = checks.at(1).toObject();
    QCOMPARE(workers.value(QStringLiteral("name")).toString(), QStringLiteral("workers"));
    QCOMPARE(workers.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
    QCOMPARE(workers.value(QStringLiteral("reason")).toString(), QStringLiteral("4 of 4 threads busy"));
    QVERIFY(workers.contains(QStringLiteral("durationMs")));

    const QStringList lines = healthReportToText(report).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // a summary, then one line per check
    QVERIFY2(lines[0].contains(QStringLiteral("degraded")), qPrintable(lines[0]));
    QVERIFY2(lines[2].contains(QStringLiteral("workers")) && lines[2].contains(QStringLiteral("4 of 4")),
             qPrintable(lines[2]));
}

void TestHealth::diskSpaceMeasuresRealDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const HealthCheckResult plenty = diskSpaceCheck(dir.path(), 1)();
    QCOMPARE(plenty.status, HealthStatus::Ok);
    QVERIFY2(containsNumber(plenty.reason), qPrintable(plenty.reason));
    QVERIFY2(plenty.reason.contains(dir.path()), qPrintable(plenty.reason));

    // Free space between the minimum and twice the minimum is a warning, not yet a failure.
    const qint64 available = QStorageInfo(dir.path()).bytesAvailable();
    const HealthCheckResult low = diskSpaceCheck(dir.path(), available / 4 * 3)();
    QCOMPARE(low.status, HealthStatus::Degraded);

    const qint64 oneExabyte = qint64(1) << 60;
    const HealthCheckResult tooLittle = diskSpaceCheck(dir.path(), oneExabyte)();
    QCOMPARE(tooLittle.status, HealthStatus::Failed);
    QVERIFY2(containsNumber(tooLittle.reason), qPrintable(tooLittle.reason));

    // A minimum this large must not overflow when doubled for the Degraded threshold.
    QCOMPARE(diskSpaceCheck(dir.path(), std::numeric_limits<qint64>::max())().status, HealthStatus::Failed);
}

void TestHealth::diskSpaceOnMissingPathFails()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/place"));
    const HealthCheckResult result = diskSpaceCheck(missing, 1)();
    QCOMPARE(result.status, HealthStatus::Failed);
    QVERIFY2(result.reason.contains(missing), qPrintable(result.reason));
}

void TestHealth::writableDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const HealthCheckResult ok = writableDirectoryCheck(dir.path())();
    QCOMPARE(ok.status, HealthStatus::Ok);
    QVERIFY2(ok.reason.contains(dir.path()), qPrintable(ok.reason));
    // The probe file is gone again.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 0);

    const QString missing = dir.filePath(QStringLiteral("missing"));
    const HealthCheckResult failed = writableDirectoryCheck(missing)();
    QCOMPARE(failed.status, HealthStatus::Failed);
    QVERIFY2(failed.reason.contains(missing), qPrintable(failed.reason));
}

void TestHealth::threadPoolSaturatedIsDegraded()
{
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    const HealthCheck check = threadPoolCheck(&pool);

    const HealthCheckResult idle = check();
    QCOMPARE(idle.status, HealthStatus::Ok);
    QVERIFY2(idle.reason.contains(QStringLiteral("0 of 1")), qPrintable(idle.reason));

    QSemaphore running;
    QSemaphore release;
    pool.start([&] {
        running.release();
        release.acquire();
    });
    QVERIFY(running.tryAcquire(1, 10000));
    const HealthCheckResult busy = check();
    release.release();
    QCOMPARE(busy.status, HealthStatus::Degraded);
    QVERIFY2(busy.reason.contains(QStringLiteral("1 of 1")), qPrintable(busy.reason));

    pool.waitForDone();
    QCOMPARE(check().status, HealthStatus::Ok);
}

GW_TEST_MAIN(TestHealth)
#include "tst_health.moc"

#include "healthmonitor.h"

#include "errors.h"
#include "offthread.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QStorageInfo>
#include <QTemporaryFile>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <limits>

namespace gw {

void HealthMonitor::registerCheck(const QString &name, HealthCheck check)
{
    std::lock_guard lock(m_mutex);
    for (NamedCheck &existing : m_checks) {
        if (existing.name == name) {
            existing.check = std::move(check);
            return;
        }
    }
    m_checks.append(NamedCheck{name, std::move(check)});
}

void HealthMonitor::unregisterCheck(const QString &name)
{
    std::lock_guard lock(m_mutex);
    m_checks.removeIf([&](const NamedCheck &c) { return c.name == name; });
}

QStringList HealthMonitor::checkNames() const
{
    std::lock_guard lock(m_mutex);
    QStringList names;
    for (const NamedCheck &c : m_checks)
        names.append(c.name);
    return names;
}

QList<HealthMonitor::NamedCheck> HealthMonitor::checksCopy() const
{
    // Checks run outside the lock, so a slow check never blocks registration.
    std::lock_guard lock(m_mutex);
    return m_checks;
}

HealthReport HealthMonitor::runAll(const QList<NamedCheck> &checks)
{
    HealthReport report;
    for (const NamedCheck &c : checks) {
        HealthEntry entry;
        entry.name = c.name;
        QElapsedTimer timer;
        timer.start();
        try {
            const HealthCheckResult result =
                c.check ? c.check() : HealthCheckResult{HealthStatus::Failed, QStringLiteral("no check function")};
            entry.status = result.status;
            entry.reason = result.reason;
        } catch (...) {
            entry.status = HealthStatus::Failed;
            entry.reason = QStringLiteral("check threw: %1").arg(describeException(std::current_exception()));
        }
        entry.durationMs = timer.elapsed();
        report.overall = std::max(report.overall, entry.status); // enum order is severity order
        report.entries.append(entry);
    }
    return report;
}

HealthReport HealthMonitor::runChecks() const
{
    return runAll(checksCopy());
}

QCoro::Task<HealthReport> HealthMonitor::runChecksAsync() const
{
    // The copy travels with the job, so the checks run even if registrations change meanwhile.
    // A named lambda: g++ 12 mishandles the captures of one written inside a co_await expression
    // (docs/toolchain-traps.md).
    auto run = [checks = checksCopy()] { return runAll(checks); };
    try {
        co_return co_await runOffThread(QStringLiteral("health checks"), CancellationToken(), run);
    } catch (const Error &error) {
        HealthReport report;
        report.overall = HealthStatus::Failed;
        report.entries.append(HealthEntry{QStringLiteral("health"), HealthStatus::Failed,
                                          QStringLiteral("the health checks did not run: %1").arg(error.message()), 0});
        co_return report;
    }
}

QString healthStatusName(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok:
        return QStringLiteral("ok");
    case HealthStatus::Degraded:
        return QStringLiteral("degraded");
    case HealthStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

QJsonObject healthReportToJson(const HealthReport &report)
{
    QJsonArray checks;
    for (const HealthEntry &entry : report.entries) {
        checks.append(QJsonObject{
            {QStringLiteral("name"), entry.name},
            {QStringLiteral("status"), healthStatusName(entry.status)},
            {QStringLiteral("reason"), entry.reason},
            {QStringLiteral("durationMs"), entry.durationMs},
        });
    }
    return QJsonObject{
        {QStringLiteral("overall"), healthStatusName(report.overall)},
        {QStringLiteral("checks"), checks},
    };
}

QString healthReportToText(const HealthReport &report)
{
    QString text =
        QStringLiteral("health: %1 (%2 checks)\n").arg(healthStatusName(report.overall)).arg(report.entries.size());
    for (const HealthEntry &entry : report.entries) {
        text += QStringLiteral("%1 %2 (%3 ms): %4\n")
                    .arg(healthStatusName(entry.status), -9)
                    .arg(entry.name)
                    .arg(entry.durationMs)
                    .arg(entry.reason);
    }
    return text;
}

namespace {
QString readableBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

HealthCheck diskSpaceCheck(const QString &path, qint64 minFreeBytes)
{
    return [path, minFreeBytes]() -> HealthCheckResult {
        if (!QFileInfo::exists(path))
            return {HealthStatus::Failed, QStringLiteral("%1 does not exist").arg(path)};
        const QStorageInfo storage(path);
        if (!storage.isValid() || !storage.isReady()) {
            return {HealthStatus::Failed, QStringLiteral("cannot read the file system holding %1").arg(path)};
        }
        const qint64 available = storage.bytesAvailable();
        const QString measured = QStringLiteral("%1 free at %2 (%3 bytes; needs at least %4)")
                                     .arg(readableBytes(available), path)
                                     .arg(available)
                                     .arg(readableBytes(minFreeBytes));
        if (available < minFreeBytes)
            return {HealthStatus::Failed, measured + QStringLiteral(": free some space")};
        // Twice the minimum, saturating: a huge minimum must not overflow into a negative.
        const qint64 comfortable = minFreeBytes > std::numeric_limits<qint64>::max() / 2
            ? std::numeric_limits<qint64>::max()
            : 2 * minFreeBytes;
        if (available < comfortable)
            return {HealthStatus::Degraded, measured + QStringLiteral(": running low")};
        return {HealthStatus::Ok, measured};
    };
}

HealthCheck threadPoolCheck(QThreadPool *pool)
{
    return [pool = QPointer<QThreadPool>(pool)]() -> HealthCheckResult {
        if (!pool)
            return {HealthStatus::Failed, QStringLiteral("the thread pool no longer exists")};
        // A check run on that very pool (runChecksAsync) must not count itself as load.
        const int self = pool->contains(QThread::currentThread()) ? 1 : 0;
        const int busy = pool->activeThreadCount() - self;
        const int max = pool->maxThreadCount();
        const QString measured = QStringLiteral("%1 of %2 threads busy").arg(busy).arg(max);
        if (busy + self >= max)
            return {HealthStatus::Degraded, measured + QStringLiteral("; new work waits for a thread")};
        return {HealthStatus::Ok, measured};
    };
}

HealthCheck writableDirectoryCheck(const QString &dir)
{
    return [dir]() -> HealthCheckResult {
        if (!QFileInfo(dir).isDir())
            return {HealthStatus::Failed, QStringLiteral("%1 is not an existing directory").arg(dir)};
        QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".graphwright-health-XXXXXX")));
        if (!probe.open()) {
            return {HealthStatus::Failed,
                    QStringLiteral("cannot create a file in %1: %2").arg(dir, probe.errorString())};
        }
        // Writing catches a full disk or a read-only mount that still allows creating entries.
        if (probe.write("ok", 2) != 2 || !probe.flush()) {
            return {HealthStatus::Failed,
                    QStringLiteral("cannot write to a file in %1: %2").arg(dir, probe.errorString())};
        }
        const QString probePath = probe.fileName();
        probe.close();
        if (!probe.remove()) {
            return {HealthStatus::Degraded,
                    QStringLiteral("created %1 but cannot remove it: %2").arg(probePath, probe.errorString())};
        }
        return {HealthStatus::Ok, QStringLiteral("created and removed a file in %1").arg(dir)};
    };
}

} // namespace gw

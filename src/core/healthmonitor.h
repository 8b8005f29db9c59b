#pragma once

#include "health.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>

class QThreadPool;

namespace gw {

using HealthCheck = std::function<HealthCheckResult()>;

// Components register checks that measure something (free disk, busy workers, breaker state);
// the monitor runs them all and reports each result and the worst of them. Checks may run on a
// worker thread (runChecksAsync), so they must be thread-safe and should finish quickly.
class HealthMonitor
{
public:
    HealthMonitor() = default;
    HealthMonitor(const HealthMonitor &) = delete;
    HealthMonitor &operator=(const HealthMonitor &) = delete;

    // Registering a name again replaces its check and keeps its place in the report.
    void registerCheck(const QString &name, HealthCheck check);
    void unregisterCheck(const QString &name);
    QStringList checkNames() const;

    // Runs every check on this thread, in registration order. A check that throws is reported as
    // Failed with the exception's text.
    HealthReport runChecks() const;
    // The same, on QThreadPool::globalInstance(), so the GUI thread never waits on a slow check.
    QCoro::Task<HealthReport> runChecksAsync() const;

private:
    struct NamedCheck
    {
        QString name;
        HealthCheck check;
    };
    static HealthReport runAll(const QList<NamedCheck> &checks);
    QList<NamedCheck> checksCopy() const;

    mutable std::mutex m_mutex;
    QList<NamedCheck> m_checks;
};

// "ok", "degraded", "failed".
QString healthStatusName(HealthStatus status);
// {"overall": "degraded", "checks": [{"name", "status", "reason", "durationMs"}, ...]}
QJsonObject healthReportToJson(const HealthReport &report);
// For the CLI: a summary line, then one line per check ("degraded  disk (2 ms): ...").
QString healthReportToText(const HealthReport &report);

// Built-in checks. Each measures afresh every time it runs and says what it saw.

// Free space available to this user on the file system holding `path`: Failed below
// `minFreeBytes` (or when `path` does not exist), Degraded below twice that.
HealthCheck diskSpaceCheck(const QString &path, qint64 minFreeBytes);
// Busy versus maximum threads of `pool`: Degraded when every thread is busy (new work waits).
// The pool should outlive the check; a deleted pool is reported as Failed.
HealthCheck threadPoolCheck(QThreadPool *pool);
// Creates, writes and removes a temporary file in `dir`; Failed with the error when it can't.
HealthCheck writableDirectoryCheck(const QString &dir);

} // namespace gw
